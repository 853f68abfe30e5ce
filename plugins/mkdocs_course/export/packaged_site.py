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

import json
import re

from .page_links import CONFIG, MANIFEST_LINK, page_address, search_data, site_page, with_attributes, with_data_addresses
from .pwa import MANIFEST, WORKER, without_worker

__all__ = ["DROPPED_FILES", "packaged_page", "search_index", "site_page"]

INSTANT = "navigation.instant"
DROPPED_FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html", WORKER, MANIFEST)

_CANONICAL = re.compile(r'<link rel="(?:canonical|alternate)" href="[^"]*"(?: hreflang="[^"]*")?>\s*')
# Material's language selector: <div class="md-header__option"><div class="md-select"> ... </div></div>
_SELECTOR = re.compile(
    r'<div class="md-header__option">\s*<div class="md-select">.*?</ul>\s*</div>\s*</div>\s*</div>\s*', re.S)
_HEAD = re.compile(r"<head>")


def packaged_page(text: str, script_src: str) -> str:
    """A built HTML page as the package's copy (see the module docstring)."""
    text = without_worker(MANIFEST_LINK.sub("", _CANONICAL.sub("", text)))
    text = _SELECTOR.sub("", text, count=1)
    text = with_attributes(text, page_address)
    text = CONFIG.sub(lambda m: m.group(1) + _without_instant(m.group(2)) + m.group(3), text, count=1)
    text = with_data_addresses(text)
    return _HEAD.sub(lambda m: f'{m.group(0)}\n<script src="{script_src}"></script>', text, count=1)


def _without_instant(config: str) -> str:
    data = json.loads(config)
    data["features"] = [f for f in data.get("features", []) if not f.startswith(INSTANT)]
    return json.dumps(data, ensure_ascii=False)


def search_index(text: str) -> str:
    """Material's search index with page addresses as file paths."""
    return json.dumps(search_data(text), ensure_ascii=False, separators=(",", ":"))
