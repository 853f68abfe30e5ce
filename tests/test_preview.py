"""`mkdocs-course preview`: a built course served as a static host serves it."""

from __future__ import annotations

import shutil
import subprocess
import urllib.error
import urllib.request

import pytest
from conftest import FIXTURES
from test_cli import command, fetch, free_port


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str):
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


@pytest.fixture(scope="module")
def previewed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("preview")
    shutil.copytree(FIXTURES / "i18n-site", folder, dirs_exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    built = subprocess.run([command("mkdocs-course"), "build", "--site-url", url], cwd=folder,
                           capture_output=True, text=True, timeout=180)
    assert built.returncode == 0, built.stderr
    (folder / "site/fr/empty").mkdir()
    server = subprocess.Popen([command("mkdocs-course"), "preview", "--dev-addr", f"127.0.0.1:{port}"], cwd=folder,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        fetch(url)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pages_folders_and_redirects(previewed):
    status, headers, body = get(previewed)
    assert status == 200 and "text/html" in headers["Content-Type"] and "data-course-languages" in body
    status, headers, _ = get(previewed + "fr")
    assert status == 301 and headers["Location"] == "/fr/"
    status, _, body = get(previewed + "fr/one/")
    assert status == 200 and '<html lang="fr"' in body
    status, headers, _ = get(previewed + "fr/sitemap.xml")
    assert status == 200 and headers["Content-Type"] == "application/xml"


def test_a_missing_page_gets_the_nearest_404_page_never_a_listing(previewed):
    status, _, body = get(previewed + "fr/no-such-page/")
    assert status == 404 and '<html lang="fr"' in body
    status, _, body = get(previewed + "ar/images/nothing.svg")
    assert status == 404 and '<html lang="ar"' in body
    status, _, body = get(previewed + "fr/empty/")  # a folder without index.html is not listed
    assert status == 404 and "Directory listing" not in body and '<html lang="fr"' in body
    status, _, body = get(previewed + "xx/")
    assert status == 404 and "data-course-languages" in body  # the root's 404: the language chooser
    status, _, _ = get(previewed + "..%2f..%2fetc/passwd")
    assert status == 404


@pytest.mark.browser
def test_the_404_page_has_its_styles(page, previewed):
    page.goto(previewed + "fr/quelque/part/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
