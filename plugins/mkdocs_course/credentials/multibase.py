"""Multibase base58-btc and Multikey for Ed25519 public keys (the forms
Data Integrity proofs and did:web documents use), written from the specs:
base58 with Bitcoin's alphabet, prefix ``z``; a Multikey is the multicodec
``ed25519-pub`` (0xed 0x01) then the 32 key bytes."""

from __future__ import annotations

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
ED25519_PUB = b"\xed\x01"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(out))


def b58decode(text: str) -> bytes:
    """Raises ValueError for a character outside the alphabet."""
    number = 0
    for ch in text:
        if ch not in INDEX:
            raise ValueError(f"{ch!r} is not a base58 character")
        number = number * 58 + INDEX[ch]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode_multibase(data: bytes) -> str:
    return "z" + b58encode(data)


def decode_multibase(text: str) -> bytes:
    """Raises ValueError for a value that is not base58-btc multibase."""
    if not text.startswith("z"):
        raise ValueError("a base58-btc multibase value starts with 'z'")
    return b58decode(text[1:])


def multikey(public_key: bytes) -> str:
    """The ``publicKeyMultibase`` of a 32-byte Ed25519 public key (``z6Mk…``)."""
    return encode_multibase(ED25519_PUB + public_key)


def public_key_from_multikey(value: str) -> bytes:
    """The 32 key bytes. Raises ValueError for anything but an Ed25519 Multikey."""
    data = decode_multibase(value)
    if not data.startswith(ED25519_PUB) or len(data) != 34:
        raise ValueError("not an Ed25519 public key in Multikey form")
    return data[2:]
