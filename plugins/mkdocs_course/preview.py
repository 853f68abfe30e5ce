"""Serve a built course the way a static web host does, for previews.

Python's own ``http.server`` lists folders and answers a missing page with a
bare "Error response"; a static host answers with the site's 404 page. Here:
a folder gives its ``index.html`` (and ``/es`` is redirected to ``/es/``), a
folder without one is not listed, and a missing file gets the nearest
``404.html`` above it (``/es/x`` gets ``/es/404.html``, else ``/404.html``)
with status 404. Only for previews on this machine: it binds to 127.0.0.1
by default and is no production server.
"""

from __future__ import annotations

import http.server
import mimetypes
import posixpath
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Types that Python's table may lack or get wrong on some systems.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".wasm": "application/wasm",
}


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Answers like a static host: index pages, redirects, the site's 404 page."""

    quiet = False

    def __init__(self, *args, directory: str, **kwargs):
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if not self.quiet:
            super().log_message(format, *args)

    def guess_type(self, path):
        suffix = Path(str(path)).suffix.lower()
        return TYPES.get(suffix) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"

    def end_headers(self):
        # a preview shows every rebuild at once
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        root = Path(self.directory).resolve()
        url_path = unquote(urlsplit(self.path).path)
        target = (root / url_path.lstrip("/")).resolve()
        if target != root and root not in target.parents:
            return self._not_found(root, "/")
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/" + (f"?{urlsplit(self.path).query}" if urlsplit(self.path).query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if not (target / "index.html").is_file():
                return self._not_found(root, url_path)
        elif not target.is_file():
            return self._not_found(root, url_path)
        return super().send_head()

    def list_directory(self, path):  # never list a folder
        return self._not_found(Path(self.directory).resolve(), self.path)

    def _not_found(self, root: Path, url_path: str):
        page = nearest_404(root, url_path)
        body = page.read_bytes() if page else b"<!doctype html><title>Not found</title><h1>Not found</h1>\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def nearest_404(root: Path, url_path: str) -> Path | None:
    """The 404.html of the deepest folder above ``url_path`` that has one."""
    parts = [p for p in posixpath.normpath("/" + url_path).split("/") if p not in ("", "..")]
    if not url_path.endswith("/"):
        parts = parts[:-1]  # a missing file: start in its folder
    for depth in range(len(parts), -1, -1):
        candidate = root.joinpath(*parts[:depth], "404.html")
        if candidate.is_file():
            return candidate
    return None


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False):
    """A threading HTTP server for ``site`` (call serve_forever, then server_close)."""
    handler = partial(StaticHostHandler, directory=str(site))
    StaticHostHandler.quiet = quiet
    return http.server.ThreadingHTTPServer((host, port), handler)
