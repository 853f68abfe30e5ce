"""The installable course (PWA) made from one built language site.

``write_pwa`` adds to a finished language site (``site/`` or ``site/<code>/``):

- ``manifest.webmanifest``: the course's name in that language, its
  language and direction, start URL and scope (the language's own folder,
  so each language installs on its own), theme colour and icons: the
  course's logo when it can serve as one (``logo_icon``), and always the two
  drawn ones, ``assets/course/icon-192.png`` and ``icon-512.png``
  (``icons.py``), which are maskable (their mark inside the safe zone);
- ``sw.js``, the service worker (its code is ``assets/sw.js``), headed by
  the precache list made here: every file of the site with a hash of its
  content, less the few no learner's browser asks for (``skipped``).

The list's hash is the build's version: the worker keeps one cache per
version and fills a new one from the old for every file whose hash did not
change, so a rebuild downloads only what changed, and a page is only ever
served with the runtime, quizzes and search index of its own build.

Under ``serve`` the worker would hold stale builds: ``retired_worker`` is a
worker that removes itself and its caches instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..errors import CourseError
from ..quiz.cache import DiskCache, key
from ..runtime import ASSETS, FOLDER, read_minified
from .icons import HEX_COLOUR, icon_png, png_size

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
NOT_FOUND = "404.html"
LUNR = "assets/javascripts/lunr/"
SHORT_NAME_LENGTH = 12  # what launchers show under an icon without cutting it

# Material's primary colours (its palette names), for the theme colour.
MATERIAL_PRIMARY = {
    "red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep-purple": "#7e56c2",
    "indigo": "#4051b5", "blue": "#2094f3", "light-blue": "#02a6f2", "cyan": "#00bdd6",
    "teal": "#009485", "green": "#4cae4f", "light-green": "#8bc34b", "lime": "#cbdc38",
    "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724", "deep-orange": "#ff6e42",
    "brown": "#795649", "grey": "#757575", "blue-grey": "#546d78", "black": "#000000", "white": "#ffffff",
}
DEFAULT_COLOUR = MATERIAL_PRIMARY["indigo"]

# the statement of assets/sw.js (once minified) that the build's data replaces
BUILD_LINE = re.compile(r"var BUILD ?= ?\{\};")


@dataclass(frozen=True)
class Entry:
    """One precached file: its address relative to the site's root (a page's
    folder, as the site links to it) and the first 16 hex digits of its SHA-256."""

    url: str
    hash: str
    size: int


@dataclass(frozen=True)
class AppSettings:
    name: str
    short_name: str
    language: str
    direction: str
    theme_color: str
    background_color: str = "#ffffff"
    logo: str = ""  # site-relative path of the course logo, "" for none


def theme_colour(option: str | None, palette) -> str:
    """The colour launchers and browser bars take: the plugin option, else
    Material's primary colour of the first palette, else Material's indigo.
    Raises CourseError for an option that is not ``#rrggbb``."""
    if option:
        if not HEX_COLOUR.match(option):
            raise CourseError(
                f"pwa: theme_color is {option!r}, expected a colour written #rrggbb (for example #4051b5)."
            )
        return option.lower()
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary") if isinstance(first, dict) else None
    return MATERIAL_PRIMARY.get(str(name).lower().replace(" ", "-"), DEFAULT_COLOUR)


def short_name(title: str, option: str | None = None) -> str:
    """The name under the icon: the option, else the title when short, else
    its first words that fit, else its first letters."""
    if option:
        return option
    if len(title) <= SHORT_NAME_LENGTH:
        return title
    words, fitted = title.split(), ""
    for word in words:
        longer = f"{fitted} {word}".strip()
        if len(longer) > SHORT_NAME_LENGTH:
            break
        fitted = longer
    kept = fitted.split()
    while len(kept) > 1 and len(kept[-1]) <= 3:  # "Equality at" reads better as "Equality"
        kept.pop()
    return " ".join(kept) or title[:SHORT_NAME_LENGTH]


def skipped(path: str, search_languages: list[str]) -> bool:
    """Files of the site that no learner's browser asks for: source maps,
    the compressed sitemap, the worker itself, and Lunr's support for the
    languages this site's search does not use."""
    if path.endswith(".map") or path in ("sitemap.xml.gz", WORKER):
        return True
    if not path.startswith(LUNR):
        return False
    name = path[len(LUNR):]
    wanted = set()
    others = [code for code in search_languages if code != "en"]
    if others:
        wanted.add("min/lunr.stemmer.support.min.js")
        wanted.update(f"min/lunr.{code}.min.js" for code in others)
    if len(search_languages) > 1:
        wanted.add("min/lunr.multi.min.js")
    if "ja" in search_languages:
        wanted.add("tinyseg.js")
    if {"hi", "th"} & set(search_languages):
        wanted.add("wordcut.js")
    return name not in wanted


def page_url(path: str) -> str:
    """How the site links to a file: ``module-1/index.html`` as ``module-1/``."""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def precache_entries(site_dir: Path, search_languages: list[str]) -> list[Entry]:
    """Every file of the built site a learner's browser may ask for, sorted."""
    site_dir = Path(site_dir)
    entries = []
    for folder, _, names in os.walk(site_dir):
        for name in names:
            full = Path(folder) / name
            path = full.relative_to(site_dir).as_posix()
            if skipped(path, search_languages):
                continue
            data = full.read_bytes()
            entries.append(Entry(page_url(path), hashlib.sha256(data).hexdigest()[:16], len(data)))
    return sorted(entries, key=lambda e: e.url)


def build_version(entries: list[Entry]) -> str:
    """One hash for the whole list: it changes when any file changes."""
    text = "".join(f"{e.url} {e.hash}\n" for e in entries)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def logo_icon(site_dir: Path, logo: str) -> dict | None:
    """The course's logo as the manifest's ordinary ("any") icon, when it can
    be one: an SVG file, or a square PNG of at least the smaller icon size,
    inside the built site. A launcher crops a maskable icon to a circle or a
    rounded square, which a logo was not drawn for, so the drawn icons stay
    the maskable ones. None for anything else (a small or oblong PNG, a JPEG,
    an address elsewhere): the drawn icons then serve for both."""
    if not logo or "://" in logo or logo.startswith(("/", "data:")):
        return None
    site = Path(site_dir).resolve()
    path = (site / unquote(logo)).resolve()
    if not path.is_relative_to(site) or not path.is_file():
        return None
    src = logo  # as the site links to it
    if path.suffix.lower() == ".svg":
        return {"src": src, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    try:
        width, height = png_size(path.read_bytes()[:24])
    except ValueError:
        return None
    if width != height or width < ICON_SIZES[0]:
        return None
    return {"src": src, "sizes": f"{width}x{height}", "type": "image/png", "purpose": "any"}


def web_manifest(app: AppSettings, logo: dict | None = None) -> dict:
    """The web app manifest, its addresses relative to itself (the site's
    root): the logo's icon first when there is one (``logo_icon``)."""
    icons = [logo] if logo else []
    purposes = ("maskable",) if logo else ("any", "maskable")
    for size in ICON_SIZES:
        for purpose in purposes:
            icons.append({"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose})
    return {
        "name": app.name,
        "short_name": app.short_name,
        "lang": app.language,
        "dir": app.direction,
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "theme_color": app.theme_color,
        "background_color": app.background_color,
        "icons": icons,
    }


def icon_path(size: int) -> str:
    return f"{FOLDER}/icon-{size}.png"


def worker_script(entries: list[Entry], course_id: str) -> str:
    """``assets/sw.js`` with this build's version and precache list."""
    build = {
        "course": course_id,
        "version": build_version(entries),
        "notFound": NOT_FOUND if any(e.url == NOT_FOUND for e in entries) else None,
        "files": [[e.url, e.hash] for e in entries],
    }
    data = json.dumps(build, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    # on a line of its own, as readers of the worker find it (tests, a trainer's eye)
    code, found = BUILD_LINE.subn(lambda m: f"\nvar BUILD = {data};\n", read_minified(ASSETS / "sw.js"), count=1)
    if not found:  # a change to assets/sw.js, caught by the tests of the worker
        raise RuntimeError("assets/sw.js lost its 'var BUILD = {};' statement")
    return code


def retired_worker() -> str:
    """A worker that deletes the course's caches and unregisters itself."""
    return read_minified(ASSETS / "sw-retired.js")


def cached_icon(size: int, colour: str, cache: DiskCache | None) -> bytes:
    """``icon_png``, kept in the build cache: drawing both icons is a tenth
    of a second on every build. An entry that is not the PNG asked for is
    drawn again."""
    if cache is None:
        return icon_png(size, colour)
    name = key("icon", size, colour)
    text = cache.get_text(name)
    if text is not None:
        try:
            data = base64.b64decode(text, validate=True)
            if png_size(data) == (size, size):
                return data
        except ValueError:  # not base64, not a PNG: draw it again
            pass
    data = icon_png(size, colour)
    cache.put_text(name, base64.b64encode(data).decode("ascii"))
    return data


def write_pwa(site_dir: Path, app: AppSettings, course_id: str, search_languages: list[str],
              serving: bool = False, cache: DiskCache | None = None) -> list[Entry]:
    """Write the manifest, the icons and the worker into a built site; the
    worker last, since its list covers every other file. Under ``serve``,
    the retired worker instead (and no precache list)."""
    site_dir = Path(site_dir)
    if serving:
        (site_dir / WORKER).write_text(retired_worker(), encoding="utf-8")
        return []
    for size in ICON_SIZES:
        path = site_dir / icon_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cached_icon(size, app.theme_color, cache))
    manifest = json.dumps(web_manifest(app, logo_icon(site_dir, app.logo)), ensure_ascii=False, indent=1) + "\n"
    (site_dir / MANIFEST).write_text(manifest, encoding="utf-8")
    entries = precache_entries(site_dir, search_languages)
    (site_dir / WORKER).write_text(worker_script(entries, course_id), encoding="utf-8")
    return entries


# -- packages that must not hold a worker (SCORM, the offline copy)
WORKER_ATTRIBUTE = re.compile(r' data-course-worker="[^"]*"')


def without_worker(html: str) -> str:
    """A page that no longer registers the worker (the offline script reads
    ``data-course-worker`` on ``<meta name="mkdocs-course-offline">``)."""
    return WORKER_ATTRIBUTE.sub("", html)
