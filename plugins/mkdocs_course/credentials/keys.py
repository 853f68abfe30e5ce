"""The issuer's keys and public profile.

Two kinds of file, never mixed:

- the **private key** (PEM, PKCS #8, Ed25519), one per key, written with
  permissions 0600 in a folder 0700 outside the course's folder; only
  ``certify`` reads it, and refuses it when others may read it (as ssh does);
- the **issuer file** (``trainer/issuer.json`` by default, public, committed
  with the course): the issuer's did:web, its profile (name, URL, optional
  email and image) and every public key it has used. The build publishes it
  (``credentials: issuer:``); it never names where the private key is.

``keys rotate`` adds a key and marks the previous one retired: it stays in
the file, so the site keeps publishing it and older credentials verify.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import CredentialError
from .multibase import multikey, public_key_from_multikey

SCHEMA = 1
KIND = "mkdocs-course/issuer"
DEFAULT_ISSUER_FILE = "trainer/issuer.json"
PRIVATE_FIELDS = ("d", "private", "privateKey", "privateKeyMultibase", "privateKeyPem", "key_file")


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_key_dir(course_id: str) -> Path:
    """``$XDG_CONFIG_HOME/mkdocs-course/keys/<course id>`` (``~/.config`` by default)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "mkdocs-course" / "keys" / course_id


@dataclass(frozen=True)
class IssuerKey:
    id: str  # the verification method: <did>#<multikey>
    public_key_multibase: str
    created: str
    retired: str | None = None

    def as_json(self) -> dict:
        return {"id": self.id, "publicKeyMultibase": self.public_key_multibase,
                "created": self.created, "retired": self.retired}


@dataclass(frozen=True)
class Issuer:
    """The public issuer file."""

    did: str
    site_url: str
    name: str
    url: str
    email: str = ""
    image: str = ""
    keys: tuple[IssuerKey, ...] = ()

    @property
    def current(self) -> IssuerKey | None:
        live = [k for k in self.keys if not k.retired]
        return live[-1] if live else None

    def key(self, method: str) -> IssuerKey | None:
        return next((k for k in self.keys if k.id == method), None)

    def profile(self) -> dict:
        """The Open Badges Profile a credential names as its issuer."""
        profile = {"id": self.did, "type": ["Profile"], "name": self.name, "url": self.url}
        if self.email:
            profile["email"] = self.email
        if self.image:
            profile["image"] = {"id": self.image, "type": "Image"}
        return profile

    def as_json(self) -> dict:
        return {
            "schema": SCHEMA, "kind": KIND, "id": self.did, "site_url": self.site_url,
            "profile": {"name": self.name, "url": self.url, "email": self.email or None, "image": self.image or None},
            "keys": [k.as_json() for k in self.keys],
        }


def _public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def new_key(did: str) -> tuple[Ed25519PrivateKey, IssuerKey]:
    private = Ed25519PrivateKey.generate()
    value = multikey(_public_bytes(private.public_key()))
    return private, IssuerKey(f"{did}#{value}", value, now_utc())


def write_private_key(folder: Path, private: Ed25519PrivateKey, name: str) -> Path:
    """Write a new private key file readable by its owner only; never overwrite one."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "nt":
        os.chmod(folder, 0o700)
    path = folder / f"{name}.pem"
    data = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CredentialError(f"{path} already exists; mkdocs-course never overwrites a key.") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


def check_private_permissions(path: Path) -> None:
    """Refuse a key file that others on the computer may read or change."""
    if os.name == "nt":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise CredentialError(
            f"{path}: its permissions are {mode:04o}, so other people on this computer can read or change the "
            f"private key; mkdocs-course will not use it. Make it yours alone: chmod 600 {path}"
        )


def read_private_key(path: Path) -> Ed25519PrivateKey:
    """The signing key in ``path``. Raises CredentialError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise CredentialError(f"{path}: there is no such key file. Give the file `mkdocs-course keys init` wrote (--key).")
    check_private_permissions(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise CredentialError(
            f"{path}: this is not a private key written by `mkdocs-course keys init` (an unencrypted "
            "PEM Ed25519 key), so it cannot sign."
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CredentialError(f"{path}: this is a {type(key).__name__.replace('PrivateKey', '')} key; certificates are signed with Ed25519 keys.")
    return key


def method_of(private: Ed25519PrivateKey, issuer: Issuer) -> IssuerKey:
    """The issuer's published key that ``private`` belongs to. Raises CredentialError
    for a key the issuer file does not hold, or one that was retired."""
    value = multikey(_public_bytes(private.public_key()))
    found = next((k for k in issuer.keys if k.public_key_multibase == value), None)
    if found is None:
        raise CredentialError(
            f"this private key is not one of the issuer's keys in the issuer file ({issuer.did}); "
            "give the key that `keys init` or `keys rotate` wrote for this course."
        )
    if found.retired:
        current = issuer.current
        raise CredentialError(
            f"this key was retired on {found.retired} by `keys rotate`; it still verifies what it signed, "
            f"but signs nothing new. Sign with the current key{f' ({current.public_key_multibase[:16]}…)' if current else ''}."
        )
    return found


def read_issuer(path: Path) -> Issuer:
    """The issuer file. Raises CredentialError naming the file and what is wrong."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CredentialError(f"{path}: there is no issuer file here. Make one with `mkdocs-course keys init`.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CredentialError(f"{path}: this is not the JSON issuer file `keys init` writes ({exc}).") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("schema") != SCHEMA:
        raise CredentialError(f"{path}: this is not an issuer file (its kind is not \"{KIND}\", format {SCHEMA}).")
    leaked = _private_fields(data)
    if leaked:
        raise CredentialError(f"{path}: the issuer file holds {leaked!r}, which looks like private key material; "
                              "the issuer file is published with the site and must hold public keys only.")
    try:
        profile = data["profile"]
        keys = tuple(IssuerKey(k["id"], k["publicKeyMultibase"], k["created"], k.get("retired")) for k in data["keys"])
        for key in keys:
            public_key_from_multikey(key.public_key_multibase)
            if key.id != f"{data['id']}#{key.public_key_multibase}":
                raise ValueError(f"key {key.id} does not belong to {data['id']}")
        return Issuer(data["id"], data["site_url"], profile["name"], profile["url"], profile.get("email") or "",
                      profile.get("image") or "", keys)
    except (KeyError, TypeError, ValueError) as exc:
        raise CredentialError(f"{path}: the issuer file is damaged ({type(exc).__name__}: {exc}); "
                              "restore it from the course's repository.") from None


def _private_fields(value) -> str:
    if isinstance(value, dict):
        for k, v in value.items():
            if k in PRIVATE_FIELDS:
                return k
            found = _private_fields(v)
            if found:
                return found
    elif isinstance(value, list):
        for v in value:
            found = _private_fields(v)
            if found:
                return found
    return ""


def write_issuer(path: Path, issuer: Issuer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(issuer.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def key_file_name(course_id: str, key: IssuerKey) -> str:
    return f"{course_id}-{key.created[:10]}-{key.public_key_multibase[-8:]}"


def private_key_path_check(folder: Path, project_dir: Path) -> None:
    """The private key must live outside the course's folder (never committed, never published)."""
    folder, project_dir = folder.resolve(), project_dir.resolve()
    if folder == project_dir or project_dir in folder.parents:
        raise CredentialError(
            f"the key folder {folder} is inside the course's folder {project_dir}, where it could be committed "
            "or published with the site. Keep private keys elsewhere: leave --key-dir out (the default is "
            f"{default_key_dir('<course>').parent}/…) or give a folder outside the course."
        )
