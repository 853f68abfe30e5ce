"""The offline copy: a zip of the built course that works when unzipped and
opened from files (file://), with no web server and no connection.

One zip holds the languages asked for (default: every built one) in one
folder, ``<course id>-offline/``: a one-language course's site at its top,
or each language in ``<code>/`` with the language chooser as ``index.html``.
In every page of the copy:

- every link to a folder names its ``index.html`` (a browser shows a
  folder's listing, not its index page), also in the addresses the runtime
  reads from data (the navigation's quiz pages, the progress page's modules)
  and in the search index;
- Material's search runs on the page (``assets/offline/search.js``), from
  ``search/search_index.js``, since no browser starts a worker from a file;
- no service worker and no web app manifest (neither works from files);
- the 404 page's addresses, absolute on the host, become relative.

Progress stays in the browser's storage, which Chromium shares between all
local files and Firefox keeps per file: the page checks which (see
``assets/js/offline.js``) and says so.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError
from ..runtime import ASSETS, FOLDER, read_minified
from .manifest import BuiltSite, find_sites
from .page_links import BUNDLE, CONFIG, MANIFEST_LINK, page_address, search_data, with_attributes, with_data_addresses
from .pwa import LUNR, MANIFEST, WORKER, skipped, without_worker

SEARCH_INDEX = "search/search_index.json"
SEARCH_SCRIPT = f"{FOLDER}/offline-search.js"
SEARCH_WORKER = f"{FOLDER}/search-worker.js"
MATERIAL_WORKER = re.compile(r"^assets/javascripts/workers/search\.[^/]*\.js$")
LUNR_MIN = "assets/javascripts/lunr/min/"
PROBE_FILES = ("storage-probe.html", "storage-probe.js")
LEFT_OUT = (WORKER, MANIFEST, "sitemap.xml", "sitemap.xml.gz", SEARCH_INDEX)

# the root language chooser sends a returning visitor on with location.replace(code + "/")
_CHOOSER_JUMP = 'location.replace(code + "/"'


@dataclass(frozen=True)
class OfflineCopy:
    path: Path
    languages: list[str]
    files: int


def _relative(url: str, base: str) -> str:
    """The 404 page's absolute address (``/en/module-1/``) from the site's root."""
    if base and url.startswith(base):
        return url[len(base):] or "."
    return url


def offline_page(text: str, root: str, base: str = "") -> str:
    """One built page as the copy's (see the module docstring). ``root`` is
    the site's root relative to the page; ``base`` the absolute path the
    404 page's addresses start with."""
    text = without_worker(MANIFEST_LINK.sub("", text))
    text = with_attributes(text, lambda value: page_address(_relative(value, base)))
    text = with_data_addresses(text)
    if base:
        text = CONFIG.sub(lambda m: m.group(1) + _config(m.group(2), base) + m.group(3), text, count=1)
    shim = f'<script src="{html.escape(root)}/{SEARCH_SCRIPT}"></script>\n'
    return BUNDLE.sub(lambda m: shim + m.group(0), text, count=1)


def _config(text: str, base: str) -> str:
    data = json.loads(text)
    for key in ("base", "search"):
        if isinstance(data.get(key), str):
            data[key] = _relative(data[key], base)
    return json.dumps(data, ensure_ascii=False)


def search_script(text: str) -> str:
    """Material's search index as the script it reads from files, its page
    addresses naming their ``index.html``."""
    data = search_data(text)
    return "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + ";\n"


def search_worker(folder: Path, worker: str, languages: list[str]) -> str:
    """Material's search worker and the Lunr languages it loads, as functions
    that ``assets/offline/search.js`` runs on the page."""
    parts = [
        "window.mkdocsCourse = window.mkdocsCourse || {};",
        "window.mkdocsCourse.searchWorker = function (self, addEventListener, postMessage, importScripts) {",
        _without_map((folder / worker).read_text(encoding="utf-8")),
        "};",
        "window.mkdocsCourse.searchLanguages = {};",
    ]
    for path in sorted((folder / LUNR_MIN).glob("*.js")):
        if not skipped(LUNR_MIN + path.name, languages):
            parts += [f"window.mkdocsCourse.searchLanguages[{json.dumps(path.name)}] = function (lunr) {{",
                      _without_map(path.read_text(encoding="utf-8")), "};"]
    return "\n".join(parts) + "\n"


def _without_map(code: str) -> str:
    return re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.M)


def _site_files(site: BuiltSite, prefix: str) -> dict[str, bytes]:
    """The copy's files of one language site, by their path in the zip."""
    folder = site.folder
    out: dict[str, bytes] = {}
    index_path = folder / SEARCH_INDEX
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.is_file() else None
    languages = list((index or {}).get("config", {}).get("lang") or [])
    material_worker = None
    base = _config_base(folder / "404.html")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if MATERIAL_WORKER.match(name):
            material_worker = name  # runs on the page, from search-worker.js
            continue
        if name in LEFT_OUT or name.startswith(LUNR) or skipped(name, languages):
            continue
        if name.endswith(".html"):
            depth = name.count("/")
            root = "/".join([".."] * depth) or "."
            text = path.read_text(encoding="utf-8")
            out[prefix + name] = offline_page(text, root, base if name == "404.html" else "").encode("utf-8")
        else:
            out[prefix + name] = path.read_bytes()
    if index is not None:
        out[prefix + "search/search_index.js"] = search_script(index_path.read_text(encoding="utf-8")).encode("utf-8")
        if material_worker:
            out[prefix + SEARCH_WORKER] = search_worker(folder, material_worker, languages).encode("utf-8")
    runtime = ASSETS / "offline"
    out[prefix + SEARCH_SCRIPT] = read_minified(runtime / "search.js").encode("utf-8")
    for name in PROBE_FILES:
        out[prefix + f"{FOLDER}/{name}"] = (runtime / name).read_bytes()
    return out


def _config_base(page: Path) -> str:
    """The absolute path Material's 404 page starts its addresses with."""
    if not page.is_file():
        return ""
    found = CONFIG.search(page.read_text(encoding="utf-8"))
    base = json.loads(found.group(2)).get("base", "") if found else ""
    return base if base.startswith("/") else ""


def _chooser(site_dir: Path, codes: list[str]) -> bytes | None:
    page = site_dir / "index.html"
    if not page.is_file():
        return None
    text = page.read_text(encoding="utf-8")
    text = with_attributes(text, page_address)
    text = text.replace(_CHOOSER_JUMP, 'location.replace(code + "/index.html"')
    # a language left out of the copy is left out of the chooser too
    for item in re.findall(r'<li><a href="([^"/]+)/index\.html"[^\n]*</li>\n', text):
        if item not in codes:
            text = re.sub(rf'<li><a href="{re.escape(item)}/index\.html"[^\n]*</li>\n', "", text)
    return text.encode("utf-8")


def export_offline(site_dir: Path, out_dir: Path, languages: list[str] | None = None) -> OfflineCopy:
    """Write the offline copy of the built course in ``site_dir`` to
    ``out_dir``. Raises CourseError when nothing is built there or a language
    asked for is missing."""
    sites = find_sites(Path(site_dir), languages)
    course = sites[0].course_id
    top = f"{course}-offline/"
    multilingual = Path(site_dir).resolve() != sites[0].folder.resolve()
    files: dict[str, bytes] = {}
    for site in sites:
        files.update(_site_files(site, top + (f"{site.language}/" if multilingual else "")))
    codes = [s.language for s in sites]
    if multilingual:
        chooser = _chooser(Path(site_dir), codes)
        if chooser is not None and len(sites) > 1:
            files[top + "index.html"] = chooser
        elif len(sites) == 1:
            files[top + "index.html"] = _redirect(codes[0])
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CourseError(f"The offline copy cannot be written to {out_dir}: {exc.strerror}. Choose another folder with --out.") from None
    suffix = "" if not multilingual or len(codes) > 1 else f"-{codes[0]}"
    path = out_dir / f"{course}{suffix}-offline.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), files[name],
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return OfflineCopy(path, codes, len(files))


def _redirect(code: str) -> bytes:
    target = f"{code}/index.html"
    return (f'<!doctype html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={target}">'
            f'<title>{code}</title></head><body><p><a href="{target}">{code}</a></p></body></html>\n').encode("utf-8")
