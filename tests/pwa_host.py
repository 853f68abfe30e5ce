"""A course built into a subfolder of a static host (mkdocs-course preview's
server, on 127.0.0.1: a secure context on plain http), for the offline tests."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from conftest import FIXTURES, build_site
from mkdocs_course.preview import make_server

FOLDER = "learn"  # the site lives at /learn/: a course hosted under a subfolder


class Host:
    def __init__(self, root: Path):
        self.root = root
        self.httpd = make_server(root, "127.0.0.1", 0, quiet=True)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"{self.origin}/{FOLDER}/"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def course_project(tmp: Path, fixture: str = "progress-site") -> Path:
    project = tmp / "project"
    shutil.copytree(FIXTURES / fixture, project, dirs_exist_ok=True)
    return project


def build_into(project: Path, host: Host) -> Path:
    """Build the project for the host's address into <host>/learn/."""
    site = host.root / FOLDER
    build_site(project, site_dir=site, site_url=host.base)
    return site


def watch_requests(context) -> list[str]:
    """Every URL the context asks for: its pages and its service workers."""
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    return urls


def outside(urls: list[str], origin: str) -> list[str]:
    return [u for u in urls if not u.startswith(origin + "/") and not u.startswith(("data:", "blob:"))]


def wait_for_worker(page) -> None:
    """Until the service worker is active and controls the page."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30000)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def search(page, words: str) -> list[str]:
    """Material's search: open it, type, return the results' titles."""
    page.keyboard.press("/")  # Material's shortcut: opens search at any width
    query = page.locator("input[data-md-component=search-query]")
    query.wait_for()
    query.press_sequentially(words, delay=30)  # Material reads key strokes
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
