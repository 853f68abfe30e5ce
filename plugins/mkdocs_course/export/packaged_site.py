"""A built language site as a package's copy: pages that work inside an LMS's
frame or window, from any address, without a web server's help.

- Every link to a folder (``../module-1/``) names its ``index.html``: an LMS
  serves a package's files, not folder indexes. The same for the addresses
  the runtime reads from data (the navigation's quiz pages, the progress
  page's modules, the search index).
- Material's instant navigation is turned off: it needs the sitemap, which
  needs the site's address, and each page must load as a page.
- Nothing names the site's address (``site_url``): the canonical link and the
  alternate languages' links go, and so do the language selector (the
  package holds one language), the sitemaps and the 404 page.
- No service worker and no web app manifest: the LMS serves the package
  from its own addresses, and updates it; a worker would keep serving an
  old copy.
- Each page gets the SCORM bridge's page script first in ``<head>``, so it
  runs before the quiz runtime reads the browser's storage.
"""

from __future__ import annotations

import html
import json
import re

from ..quiz.render import script_json
from .pwa import MANIFEST, WORKER, without_worker

INSTANT = "navigation.instant"
DROPPED_FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html", WORKER, MANIFEST)

_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_CANONICAL = re.compile(r'<link rel="(?:canonical|alternate)" href="[^"]*"(?: hreflang="[^"]*")?>\s*')
# Material's language selector: <div class="md-header__option"><div class="md-select"> ... </div></div>
_SELECTOR = re.compile(
    r'<div class="md-header__option">\s*<div class="md-select">.*?</ul>\s*</div>\s*</div>\s*</div>\s*', re.S)
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_NAV_META = re.compile(r'(<meta name="mkdocs-course"[^>]*? data-course-nav=")([^"]*)(")')
_PAYLOAD = re.compile(r'(<template data-course-progress-payload>)(.*?)(</template>)', re.S)
_HEAD = re.compile(r"<head>")
_MANIFEST_LINK = re.compile(r'<link rel="manifest" href="[^"]*">\n?')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def page_address(url: str) -> str:
    """A relative address with ``index.html`` where it names a folder."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    path, mark, rest = _split(url)
    if path in (".", ".."):
        path += "/index.html"
    elif path.endswith("/"):
        path += "index.html"
    return path + mark + rest


def _split(url: str) -> tuple[str, str, str]:
    for mark in ("?", "#"):
        if mark in url:
            path, rest = url.split(mark, 1)
            return path, mark, rest
    return url, "", ""


def site_page(url: str) -> str:
    """A site-relative page URL (``module-1/``, ``""``) as a file path."""
    return page_address(url) if url else "index.html"


def packaged_page(text: str, script_src: str) -> str:
    """A built HTML page as the package's copy (see the module docstring)."""
    text = without_worker(_MANIFEST_LINK.sub("", _CANONICAL.sub("", text)))
    text = _SELECTOR.sub("", text, count=1)
    text = _ATTRIBUTE.sub(lambda m: m.group(1) + html.escape(page_address(html.unescape(m.group(2)))) + m.group(3), text)
    text = _CONFIG.sub(lambda m: m.group(1) + _without_instant(m.group(2)) + m.group(3), text, count=1)
    text = _NAV_META.sub(lambda m: m.group(1) + html.escape(_nav_map(html.unescape(m.group(2)))) + m.group(3), text, count=1)
    text = _PAYLOAD.sub(lambda m: m.group(1) + _progress_payload(m.group(2)) + m.group(3), text, count=1)
    return _HEAD.sub(lambda m: f'{m.group(0)}\n<script src="{script_src}"></script>', text, count=1)


def _without_instant(config: str) -> str:
    data = json.loads(config)
    data["features"] = [f for f in data.get("features", []) if not f.startswith(INSTANT)]
    return json.dumps(data, ensure_ascii=False)


def _nav_map(text: str) -> str:
    data = json.loads(text or "{}")
    return json.dumps({site_page(url): ids for url, ids in data.items()}, ensure_ascii=False, separators=(",", ":"))


def _progress_payload(text: str) -> str:
    data = json.loads(text)
    for module in data.get("modules", []):
        if isinstance(module.get("href"), str):
            module["href"] = page_address(module["href"])
    return str(script_json(data))


def search_index(text: str) -> str:
    """Material's search index with page addresses as file paths."""
    data = json.loads(text)
    for doc in data.get("docs", []):
        location = doc.get("location", "")
        path, mark, rest = _split(location)
        doc["location"] = site_page(path) + mark + rest
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
