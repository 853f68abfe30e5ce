"""What a build publishes for signed certificates: the issuer's DID document
(``did.json``, or ``.well-known/did.json`` for a site at a host's root), its
Open Badges profile (``issuer.json``), and the verify page's payload.

Only the public issuer file is read; the build never learns where a
private key is. The DID must be the one of the site's own address, or
nobody could resolve it.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from .contexts import CREDENTIAL_CONTEXTS, all_contexts
from .did import did_document, did_document_path, did_web
from .errors import CredentialError
from .keys import Issuer, read_issuer

MARKER = "<!-- course-verify -->"
PROFILE_FILE = "issuer.json"
PAYLOAD_PREFIXES = ("verify_",)
PAYLOAD_KEYS = ("certificate_module", "certificate_score", "certificate_percent", "credential_pass_mark")


def course_root_url(site_url: str, language: str, languages) -> str:
    """The course's root address: a language build's site_url less its ``<code>/``."""
    suffix = f"/{language}/"
    if languages and site_url.endswith(suffix):
        return site_url[: -len(suffix) + 1]
    return site_url


def load_issuer(path: Path, shown: str, root_url: str) -> Issuer:
    """The issuer file the build publishes, checked against the site's address.
    Raises CredentialError."""
    issuer = read_issuer(path)
    expected = did_web(root_url)
    if issuer.did != expected:
        raise CredentialError(
            f"credentials: issuer is {shown}, made for {issuer.did} ({issuer.site_url}), but this course is "
            f"published at {root_url} ({expected}). A certificate names the site that publishes its key: "
            "set site_url back, or make a new issuer with `mkdocs-course keys init`."
        )
    return issuer


def verify_page_path(value: str) -> str:
    """Raises CredentialError for a path outside the docs folder or not a Markdown page."""
    page = posixpath.normpath(value.strip())
    if not page.endswith(".md") or page.startswith(("/", "../")) or page == "..":
        raise CredentialError(f"credentials: verify_page is '{value}'; it must be the path of a Markdown page "
                              "inside the docs folder, ending in .md, for example verify.md.")
    return page


def page_markdown(strings: dict) -> str:
    return f"# {strings['verify_title']}\n\n{MARKER}\n"


def public_keys(issuer: Issuer) -> list[dict]:
    return [{"id": k.id, "publicKeyMultibase": k.public_key_multibase} for k in issuer.keys]


def profile_document(issuer: Issuer) -> dict:
    return {"@context": list(CREDENTIAL_CONTEXTS[:2]), **issuer.profile()}


def write_published(site_dir: Path, issuer: Issuer) -> list[str]:
    """The DID document and the profile, in the site's root; returns their paths."""
    files = {did_document_path(issuer.did): did_document(issuer.did, public_keys(issuer)),
             PROFILE_FILE: profile_document(issuer)}
    for name, data in files.items():
        path = Path(site_dir) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return list(files)


def verify_payload(issuer: Issuer, strings: dict, language: str) -> dict:
    return {
        "did": issuer.did,
        "issuer": issuer.name,
        "didDocument": did_document(issuer.did, public_keys(issuer)),
        "contexts": all_contexts(),
        "language": language,
        "strings": {k: v for k, v in strings.items() if k.startswith(PAYLOAD_PREFIXES) or k in PAYLOAD_KEYS},
    }
