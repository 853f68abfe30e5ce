"""Shared fixtures: tiny sites built in temporary folders, one static server
and one Chromium per test session."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import textwrap
import threading
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found or "/usr/bin/chromium"


# -- building sites ------------------------------------------------------------


def write_project(folder: Path, *, pages: dict[str, str], quizzes: dict[str, str] | None = None,
                  plugin_options: str = "", extra_config: str = "", nav: str | None = None) -> Path:
    """Write a minimal course project: mkdocs.yml, course/en/*.md, quizzes/*.yml."""
    (folder / "course" / "en").mkdir(parents=True, exist_ok=True)
    (folder / "quizzes").mkdir(exist_ok=True)
    config = textwrap.dedent(
        """\
        site_name: Tiny course
        docs_dir: course/en
        theme:
          name: material
          font: false
        plugins:
          - course:
              course_id: tiny
        """
    )
    if plugin_options:
        config += textwrap.indent(textwrap.dedent(plugin_options), " " * 6)
    config += textwrap.dedent(extra_config)
    if nav:
        config += nav
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        path = folder / "course" / "en" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (quizzes or {}).items():
        data = text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8")
        (folder / "quizzes" / name).write_bytes(data)
    return folder


def build_site(project: Path, *, strict: bool = True, site_dir: Path | None = None,
               site_url: str | None = None) -> Path:
    """Build a project in this process, the way `mkdocs build` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = site_dir or project / "site"
    overrides = {"site_url": site_url} if site_url else {}
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


@pytest.fixture
def project(tmp_path):
    """A function writing a tiny project into tmp_path; returns its folder."""
    return functools.partial(write_project, tmp_path)


# -- serving -------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    """Serves folders on 127.0.0.1 under /<n>/ prefixes, one thread."""

    def __init__(self):
        self.roots: dict[str, Path] = {}
        server = self

        class Handler(_QuietHandler):
            def translate_path(self, path):
                parts = path.split("?", 1)[0].split("#", 1)[0].lstrip("/").split("/", 1)
                root = server.roots.get(parts[0])
                if root is None:
                    return str(Path("/nonexistent"))
                self.directory = str(root)
                return super().translate_path("/" + (parts[1] if len(parts) > 1 else ""))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def add(self, folder: Path) -> str:
        """Serve `folder` (it may not exist yet); returns its base URL."""
        name = f"s{len(self.roots)}"
        self.roots[name] = Path(folder)
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}/"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server():
    srv = StaticServer()
    yield srv
    srv.stop()


def serve_fixture(tmp_path_factory, server, name: str) -> str:
    """tests/fixtures/<name> copied, built for the address it is served from
    (instant navigation follows only links in the sitemap, made from
    site_url) and served; returns its base URL."""
    folder = tmp_path_factory.mktemp(name)
    shutil.copytree(FIXTURES / name, folder, dirs_exist_ok=True)
    url = server.add(folder / "site")
    build_site(folder, site_url=url)
    return url


def serve_course_build(tmp_path_factory, server, name: str, edit=None) -> str:
    """tests/fixtures/<name> copied, built by `mkdocs-course build --strict`
    (every language) for the address it is served from; returns its base URL.
    `edit`, when given, turns the copy's mkdocs.yml text into another."""
    import subprocess
    import sys

    folder = tmp_path_factory.mktemp(name)
    shutil.copytree(FIXTURES / name, folder, dirs_exist_ok=True)
    url = server.add(folder / "site")
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    text = edit(text) if edit else text
    (folder / "mkdocs.yml").write_text(f"site_url: {url}\n" + text, encoding="utf-8")
    command = str(Path(sys.executable).with_name("mkdocs-course"))
    result = subprocess.run([command, "build", "--strict"], cwd=folder, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return url


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, server):
    """tests/fixtures/quiz-site built once and served; returns its base URL."""
    folder = tmp_path_factory.mktemp("fixture-site")
    shutil.copytree(FIXTURES / "quiz-site", folder, dirs_exist_ok=True)
    # Material's instant navigation only follows links listed in the sitemap,
    # whose addresses come from site_url: build for the address served from.
    site = folder / "site"
    url = server.add(site)
    build_site(folder, site_url=url)
    return url


# -- the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    assert not errors, f"JavaScript errors on the page: {errors}"


def axe_scan(page) -> list[dict]:
    """Run axe-core (from npm) in the page; return serious/critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]
