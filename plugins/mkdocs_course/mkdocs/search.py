"""Material's search, loaded on demand (``assets/js/search-on-demand.js``).

A page with Material's search gets the script inline, just before Material's
bundle, so it is in place when the bundle asks for the search index and starts
the search worker, and it costs no request of its own. Nothing changes for
search itself: it is the same search, started when first opened instead of on
every page load. The offline copy (``export/offline.py``) keeps the script, which
stands aside there (file://)."""

from __future__ import annotations

from functools import cache

from ..export.page_links import BUNDLE
from ..runtime import ASSETS, read_minified

SEARCH_FORM = 'data-md-component="search"'


@cache
def inline_script() -> str:
    # holds no "</" (a test sees to it), which could end the element early
    return f"<script>{read_minified(ASSETS / 'js' / 'search-on-demand.js')}</script>\n"


class SearchFeature:
    def on_post_page(self, output: str) -> str:
        if SEARCH_FORM not in output:
            return output
        return BUNDLE.sub(lambda m: inline_script() + m.group(0), output, count=1)
