"""A build cache on disk, keyed by content hashes, never by file dates.

Loading and rendering a quiz depends only on the quiz file's bytes, a few
settings and this package's own code, so the result of a previous build can
be reused when none of them changed. Entries are pickles written atomically;
an unreadable entry is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """A hash of the package's code and templates: new code, new cache keys."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
    return digest.hexdigest()


class DiskCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}.pickle"

    def get(self, name: str):
        try:
            with open(self._path(name), "rb") as handle:
                return pickle.load(handle)
        except Exception:  # missing, unreadable or from another version: rebuild
            return None

    def put(self, name: str, value) -> None:
        path = self._path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
