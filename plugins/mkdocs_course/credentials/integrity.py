"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C
vc-di-eddsa), the proof Open Badges 3.0 names for Ed25519.

Signing: canonicalize the credential without its proof, and the proof's
options with the credential's ``@context``, by RDF Dataset Canonicalization
(pyld's URDNA2015, the algorithm RDFC-1.0 standardised); hash each with
SHA-256; sign proof hash + document hash with Ed25519; the 64 bytes travel
as base58-btc multibase in ``proofValue``. Verifying does the same and
checks the signature with the public key.

pyld escapes only tab, newline, carriage return, quote and backslash in
literals, where RDFC-1.0 also escapes the other control characters; text
holding those is refused (``check_text``), so both give the same bytes.
"""

from __future__ import annotations

import copy
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .contexts import document_loader
from .errors import CredentialError
from .multibase import decode_multibase, encode_multibase

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PURPOSE = "assertionMethod"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(value, where: str = "the credential") -> None:
    """Refuse control characters (other than tab and line breaks) in any text."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        if found:
            raise CredentialError(f"{where} holds the control character U+{ord(found.group()):04X}, which a "
                                  "certificate cannot carry; remove it and try again.")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_text(item, f"{where}[{index}]")


def canonical(document: dict) -> str:
    """The RDF dataset of a JSON-LD document as canonical N-Quads."""
    from pyld import jsonld

    try:
        return jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                           "documentLoader": document_loader, "safe": True})
    except jsonld.JsonLdError as exc:
        cause = exc
        while getattr(cause, "cause", None) is not None and isinstance(cause.cause, Exception):
            cause = cause.cause
        if isinstance(cause, CredentialError):
            raise cause from None
        raise CredentialError(f"the credential cannot be read as JSON-LD: {exc.code or exc}") from None


def hash_data(unsecured: dict, proof_options: dict) -> bytes:
    options = dict(proof_options)
    options["@context"] = unsecured["@context"]
    return (hashlib.sha256(canonical(options).encode("utf-8")).digest()
            + hashlib.sha256(canonical(unsecured).encode("utf-8")).digest())


def sign(credential: dict, private: Ed25519PrivateKey, method: str, created: str) -> dict:
    """The credential with a proof made by ``private`` for verification method ``method``."""
    check_text(credential)
    unsecured = copy.deepcopy(credential)
    unsecured.pop("proof", None)
    options = {"type": PROOF_TYPE, "cryptosuite": CRYPTOSUITE, "created": created,
               "verificationMethod": method, "proofPurpose": PURPOSE}
    signature = private.sign(hash_data(unsecured, options))
    return {**unsecured, "proof": {**options, "proofValue": encode_multibase(signature)}}


def verify(credential: dict, public_key: bytes) -> bool:
    """Whether the credential's one ``eddsa-rdfc-2022`` proof holds for ``public_key``.
    Raises CredentialError when the proof is not of that form."""
    proof = credential.get("proof")
    if not isinstance(proof, dict) or proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise CredentialError(f"the credential has no {PROOF_TYPE} proof with the {CRYPTOSUITE} cryptosuite.")
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    unsecured = {k: v for k, v in credential.items() if k != "proof"}
    try:
        signature = decode_multibase(str(proof.get("proofValue", "")))
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, hash_data(unsecured, options))
    except (ValueError, InvalidSignature):
        return False
    return True
