"""What the build writes for the installable course, the offline copy's
command and its messages, and what `serve` writes instead."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_site
from mkdocs_course.export.icons import png_size
from mkdocs_course.export.pwa import short_name, skipped, theme_colour
from mkdocs_course.errors import CourseError

CLI = str(Path(sys.executable).with_name("mkdocs-course"))
PAGES = {"index.md": "# Home\n\nWelcome.\n"}


def test_every_page_points_to_the_worker_and_the_manifest(project):
    site = build_site(project(pages={**PAGES, "a/b.md": "# Deep\n"}))
    deep = (site / "a" / "b" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="mkdocs-course-offline" data-course-scope="../../" data-course-worker="../../sw.js" ' in deep
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in deep
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Tiny course" and manifest["short_name"] == "Tiny course"
    for icon in manifest["icons"]:
        assert "x".join(map(str, png_size((site / icon["src"]).read_bytes()))) == icon["sizes"]
    assert "var BUILD = " in (site / "sw.js").read_text(encoding="utf-8")


def test_the_option_turns_it_all_off(project):
    site = build_site(project(pages=PAGES, plugin_options="pwa:\n  enabled: false\n"))
    assert not (site / "sw.js").exists() and not (site / "manifest.webmanifest").exists()
    assert "mkdocs-course-offline" not in (site / "index.html").read_text(encoding="utf-8")


def test_serve_registers_no_worker_and_retires_an_old_one(project, monkeypatch):
    monkeypatch.setenv("MKDOCS_COURSE_SERVE", "1")
    site = build_site(project(pages=PAGES))
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "mkdocs-course-offline" in page and "data-course-worker" not in page
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "unregister()" in worker and "BUILD" not in worker


def test_a_wrong_theme_colour_is_explained(project):
    folder = project(pages=PAGES, plugin_options="pwa:\n  theme_color: blue\n")
    done = subprocess.run([CLI, "build", "-q"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 1
    said = " ".join(done.stderr.split())  # MkDocs wraps long lines
    assert "course: pwa: theme_color is 'blue', expected a colour written #rrggbb (for example #4051b5)." in said


def test_names_colours_and_skipped_files():
    assert short_name("Equality at work") == "Equality"
    assert short_name("Supercalifragilistic course") == "Supercalifra"
    assert short_name("Anything", "Mine") == "Mine"
    assert theme_colour(None, [{"primary": "teal"}]) == "#009485"
    assert theme_colour(None, None) == "#4051b5"
    with pytest.raises(CourseError):
        theme_colour("#12345", None)
    assert skipped("assets/javascripts/bundle.js.map", ["en"])
    assert skipped("assets/javascripts/lunr/min/lunr.fr.min.js", ["en"])
    assert not skipped("assets/javascripts/lunr/min/lunr.fr.min.js", ["fr"])
    assert not skipped("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", ["fr"])


def test_the_offline_command_says_what_is_missing(tmp_path):
    done = subprocess.run([CLI, "export", "offline", "--site-dir", str(tmp_path / "site")], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: {tmp_path / 'site'} holds no built course. Build the course first: mkdocs-course build.\n"
    )


def test_icons_come_from_the_build_cache_and_a_damaged_entry_is_drawn_again(tmp_path):
    from mkdocs_course.export.icons import icon_png
    from mkdocs_course.export.pwa import cached_icon
    from mkdocs_course.quiz.cache import DiskCache, key

    cache = DiskCache(tmp_path / "cache")
    drawn = cached_icon(192, "#3f51b5", cache)
    assert drawn == icon_png(192, "#3f51b5")
    entry = cache.path(key("icon", 192, "#3f51b5"), ".txt")
    assert entry.is_file()
    icon_png.cache_clear()
    assert cached_icon(192, "#3f51b5", cache) == drawn and icon_png.cache_info().misses == 0  # read, not drawn
    cache.put_text(key("icon", 192, "#3f51b5"), "bm90IGEgcG5n")  # base64 of "not a png"
    assert cached_icon(192, "#3f51b5", cache) == drawn
    cache.put_text(key("icon", 192, "#3f51b5"), "!!")
    assert cached_icon(192, "#3f51b5", cache) == drawn
    assert cached_icon(512, "#3f51b5", cache) != drawn and png_size(cached_icon(512, "#3f51b5", cache)) == (512, 512)


SQUARE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>\n'


@pytest.mark.parametrize("logo, expected", [
    ("brand/logo.svg", {"src": "brand/logo.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}),
    ("brand/big.png", {"src": "brand/big.png", "sizes": "256x256", "type": "image/png", "purpose": "any"}),
    ("brand/small.png", None),  # smaller than the 192 px icon: the drawn icons serve
])
def test_the_course_logo_is_the_app_icon_when_it_can_be_one(project, logo, expected):
    from mkdocs_course.export.icons import icon_png

    root = project(pages={**PAGES, "brand/logo.svg": SQUARE_SVG})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", f"  font: false\n  logo: {logo}\n"),
                      encoding="utf-8")
    (root / "course" / "en" / "brand" / "big.png").write_bytes(icon_png(256, "#123456"))
    (root / "course" / "en" / "brand" / "small.png").write_bytes(icon_png(64, "#123456"))
    site = build_site(root)
    icons = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))["icons"]
    drawn = [icon for icon in icons if icon["src"].startswith("assets/course/icon-")]
    if expected is None:
        assert icons == drawn and {i["purpose"] for i in drawn} == {"any", "maskable"}
    else:
        # the logo is the ordinary icon; the drawn ones stay for launchers that crop (maskable)
        assert icons[0] == expected and (site / expected["src"]).is_file()
        assert icons[1:] == drawn and {i["purpose"] for i in drawn} == {"maskable"}
    assert {i["sizes"] for i in drawn} == {"192x192", "512x512"}
