"""A build cache on disk, keyed by content hashes, never by file dates.

Loading and rendering a quiz depends only on the quiz file's bytes, a few
settings and this package's own code, so the result of a previous build can
be reused when none of them changed. Entries are plain JSON data or text,
each after a checksum of its content, written atomically. Reading one never
runs code, so whoever can write the cache folder (a CI cache shared between
jobs, say) cannot run code in the build; an entry that is missing, damaged or
not of the expected shape is a miss, and is built again. (Such a writer can
still put other content in the site: see docs/security.md.)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
DATA, TEXT = ".json", ".txt"  # the two kinds of entry


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """A hash of the package's code and templates: new code, new cache keys."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def checksum(body: bytes) -> bytes:
    """Catches a damaged entry; it proves nothing about who wrote it (see
    docs/security.md). CRC-32: a SHA-256 of every quiz's HTML cost more than
    the rest of reading the cache."""
    return b"%08x" % zlib.crc32(body)


def key(*parts) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
    return digest.hexdigest()


class DiskCache:
    """Values by key in ``folder``: JSON data, or text (rendered HTML, read
    back without decoding JSON). Reading never runs code."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, name: str, suffix: str = DATA) -> Path:
        return self.folder / name[:2] / f"{name}{suffix}"

    def get(self, name: str):
        """The plain data stored under ``name`` (lists, dicts, text, numbers),
        or None when there is none or it cannot be read."""
        text = self.get_text(name, DATA)
        try:
            return None if text is None else json.loads(text)
        except (ValueError, RecursionError):  # damaged, or not JSON: rebuild
            return None

    def put(self, name: str, value) -> None:
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        except (ValueError, TypeError):
            return
        self.put_text(name, text, DATA)

    def get_text(self, name: str, suffix: str = TEXT) -> str | None:
        """The text stored under ``name``, or None when there is none, or it
        is damaged (its first line is the CRC-32 of the rest)."""
        try:
            with open(self.path(name, suffix), "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        check, _, body = data.partition(b"\n")
        if check != checksum(body):
            return None  # truncated, changed, or written by other code: rebuild
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put_text(self, name: str, text: str, suffix: str = TEXT) -> None:
        path = self.path(name, suffix)
        try:
            body = text.encode("utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
                handle.write(checksum(body) + b"\n" + body)
            os.replace(handle.name, path)
        except (OSError, UnicodeEncodeError):
            pass  # a cache that cannot be written only makes the next build slower
