"""The JSON-LD contexts credentials use, from files kept with the package.

Nothing is fetched: a context whose URL is not here is refused, so what a
signature covers can never change with what a web server answers (see
contexts/SOURCES.md for where each file comes from).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import CredentialError

FOLDER = Path(__file__).resolve().parent / "contexts"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# defines 1EdTechJsonSchemaValidator2019, the type of credentialSchema
OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"
# URL -> file name; the test suite's independent verifier reads it too
FILES: dict[str, str] = json.loads((FOLDER / "urls.json").read_text(encoding="utf-8"))
CREDENTIAL_CONTEXTS = [VC_V2, OB_V3, OB_EXTENSIONS]
DID_CONTEXTS = [DID_V1, MULTIKEY_V1]


@lru_cache(maxsize=None)
def context(url: str) -> dict:
    """The context document at ``url``. Raises CredentialError for any other URL."""
    name = FILES.get(url)
    if name is None:
        raise CredentialError(
            f"the credential names the JSON-LD context {url}, which mkdocs-course does not know; "
            f"it reads only {', '.join(FILES)}, and never fetches one from the network."
        )
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def all_contexts() -> dict[str, dict]:
    """Every known context by URL (the verify page's copy)."""
    return {url: context(url) for url in FILES}


def document_loader(url: str, options=None) -> dict:
    """A pyld document loader that reads only the kept contexts."""
    return {"contextUrl": None, "documentUrl": url, "document": context(url)}
