"""The addresses inside a built page, as a copy that has no web server
needs them: the offline copy opened from files (``offline.py``) and the
package an LMS serves (``packaged_site.py``). Neither gets a folder's index
page for an address ending in ``/``, so every link to a folder names its
``index.html``: in ``href`` and ``src``, and in the addresses the runtime
reads from data (the navigation's quiz pages, the progress page's modules,
Material's search index)."""

from __future__ import annotations

import html
import json
import re

from ..quiz.render import script_json

ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
MANIFEST_LINK = re.compile(r'<link rel="manifest" href="[^"]*">\n?')
NAV_META = re.compile(r'(<meta name="mkdocs-course"[^>]*? data-course-nav=")([^"]*)(")')
PROGRESS_PAYLOAD = re.compile(r"(<template data-course-progress-payload>)(.*?)(</template>)", re.S)
# Material's bundle; scripts that must run before it go just ahead of it
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[^"]*"')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_address(url: str) -> tuple[str, str, str]:
    """(path, "?" or "#" or "", what follows it)."""
    path, mark, rest = re.match(r"([^?#]*)([?#]?)(.*)", url, re.S).groups()
    return path, mark, rest


def page_address(url: str) -> str:
    """A relative address with ``index.html`` where it names a folder; an
    empty one (this page) and absolute ones are kept."""
    if not url or url.startswith(("#", "/", "?")) or SCHEME.match(url):
        return url
    path, mark, rest = split_address(url)
    if path in (".", ".."):
        path += "/index.html"
    elif path.endswith("/"):
        path += "index.html"
    return path + mark + rest


def site_page(url: str) -> str:
    """A site-relative page address (``module-1/``, ``""`` for the home
    page, ``#part`` of the home page) as a file path."""
    path, mark, rest = split_address(url)
    return (page_address(path) if path else "index.html") + mark + rest


def with_attributes(text: str, address) -> str:
    """Every ``href``/``src`` of an HTML text through ``address`` (decoded
    first, as a browser reads it, and escaped again)."""
    return ATTRIBUTE.sub(lambda m: m.group(1) + html.escape(address(html.unescape(m.group(2)))) + m.group(3), text)


def with_data_addresses(text: str) -> str:
    """The navigation's quiz pages and the progress page's modules, which the
    runtime reads from data, as file paths."""
    text = NAV_META.sub(lambda m: m.group(1) + html.escape(_nav_map(html.unescape(m.group(2)))) + m.group(3),
                        text, count=1)
    return PROGRESS_PAYLOAD.sub(lambda m: m.group(1) + _progress_payload(m.group(2)) + m.group(3), text, count=1)


def _nav_map(text: str) -> str:
    data = json.loads(text or "{}")
    return json.dumps({site_page(url): ids for url, ids in data.items()}, ensure_ascii=False, separators=(",", ":"))


def _progress_payload(text: str) -> str:
    data = json.loads(text)
    for module in data.get("modules", []):
        if isinstance(module.get("href"), str):
            module["href"] = page_address(module["href"])
    return str(script_json(data))


def search_data(text: str) -> dict:
    """Material's search index with its page addresses as file paths."""
    data = json.loads(text)
    for doc in data.get("docs", []):
        doc["location"] = site_page(doc.get("location") or "")
    return data
