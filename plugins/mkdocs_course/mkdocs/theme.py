"""Fixes to the theme that every page of the course gets: ``site.css``, and
two accessibility defects of Material's search dialog, mended in each page's
HTML (Material's own partial is not copied into the course).

- ``.md-search`` has ``role="dialog"`` but no name (axe ``aria-dialog-name``):
  it gets Material's own word for "Search" in the page's language.
- The empty, zero-height ``.md-search__scrollwrap`` is a Tab stop that shows
  nothing while search is closed: ``site.css`` hides the results area then
  (hidden elements take no focus), so it is a Tab stop only while open.

And the images of a page get the width and height their files state
(``images.py``), so the text below them does not jump as they arrive.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.structure.files import File, Files

from ..images import add_image_sizes
from ..runtime import site_stylesheet

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# Material's translations, in the language this build sets for the theme
SEARCH_WORD = '{% import "partials/language.html" as lang with context %}{{ lang.t("search") }}'
SITE = "http://site.invalid/"  # a base to resolve a page's relative addresses against


def site_file_of(files: Files, page_url: str, src: str) -> Path | None:
    """The source file of the site file ``src`` points to from ``page_url``,
    or None (another site, a generated file, nothing)."""
    address = urlsplit(urljoin(SITE + page_url, src))
    if address.geturl().startswith(SITE) and address.path != "/":
        found = files.get_file_from_path(unquote(address.path[1:]))
        if found is not None and found.abs_src_path:
            return Path(found.abs_src_path)
    return None


class ThemeFeature:
    def on_config(self, build, config) -> None:
        site_css = site_stylesheet().path
        if site_css not in config.extra_css:
            config.extra_css.append(site_css)
        self.search_dialog = None

    def on_files(self, files: Files, config) -> None:
        asset = site_stylesheet()
        files.append(File.generated(config, asset.path, content=asset.content))

    def on_env(self, env, config) -> None:
        try:
            word = env.from_string(SEARCH_WORD).render(config=config).strip()
        except Exception:  # a theme without Material's language partials: nothing to mend
            return
        self.search_dialog = SEARCH_DIALOG[:-1] + f' aria-label="{escape(word)}">'

    def on_page_content(self, html: str, page, files: Files) -> str:
        return add_image_sizes(html, lambda src: site_file_of(files, page.url, src))

    def on_post_page(self, output: str) -> str:
        if self.search_dialog and SEARCH_DIALOG in output:
            output = output.replace(SEARCH_DIALOG, self.search_dialog, 1)
        return output
