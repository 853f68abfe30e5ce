"""The issuer's did:web identifier and the DID document the site publishes.

did:web turns an address into a DID: ``https://example.org/course/`` is
``did:web:example.org:course``, whose document a resolver fetches from
``https://example.org/course/did.json``; a bare host's is at
``/.well-known/did.json``. The document lists every key the issuer has
published (rotated ones too, so older credentials still verify) as Multikey
verification methods that may sign credentials (``assertionMethod``).
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

from .contexts import DID_CONTEXTS
from .errors import CredentialError

DID_FILE = "did.json"
WELL_KNOWN = ".well-known/did.json"


def did_web(site_url: str) -> str:
    """The did:web of a site's address. Raises CredentialError for one that has none."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise CredentialError(
            f"the course's site_url is {site_url!r}; a signed certificate names its issuer by the "
            "site's address (did:web), so set site_url in mkdocs.yml to the https:// address the "
            "course is published at, for example https://training.example.org/equality/."
        )
    if parts.query or parts.fragment:
        raise CredentialError(f"the course's site_url {site_url!r} has a query or fragment; give the plain address of the site.")
    host = parts.hostname + (f"%3A{parts.port}" if parts.port else "")
    path = [quote(unquote(p), safe="") for p in parts.path.split("/") if p]
    return ":".join(["did:web", host, *path])


def did_document_path(did: str) -> str:
    """Where, relative to the site's root, did:web resolvers look for the document."""
    return WELL_KNOWN if did.count(":") == 2 else DID_FILE


def did_document(did: str, keys: list[dict]) -> dict:
    """The DID document for the issuer's published keys (``{"id", "publicKeyMultibase"}``)."""
    methods = [
        {"id": key["id"], "type": "Multikey", "controller": did, "publicKeyMultibase": key["publicKeyMultibase"]}
        for key in keys
    ]
    return {
        "@context": list(DID_CONTEXTS),
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [m["id"] for m in methods],
    }
