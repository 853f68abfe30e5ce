"""Signed certificates anyone can check: Open Badges 3.0 credentials.

Core of ``mkdocs-course keys`` and ``mkdocs-course certify`` (no MkDocs
import): the issuer's Ed25519 keys and public profile (``keys.py``), its
did:web document (``did.py``), Data Integrity proofs with the
``eddsa-rdfc-2022`` cryptosuite over RDF Dataset Canonicalization
(``integrity.py``, JSON-LD contexts kept in ``contexts/``), the
OpenBadgeCredential made from a verified completion record
(``credential.py``) and the printable certificate with its QR code
(``certificate.py``). docs/trainers.md says why this proof format.
"""

from .errors import CredentialError

__all__ = ["CredentialError"]
