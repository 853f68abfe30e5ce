"""One language per build: what the plugin changes for the language it builds.

`mkdocs-course build` runs one MkDocs build per language, each in its own
process; the language of a build comes from the plugin option ``language`` or
the environment variable MKDOCS_COURSE_LANGUAGE (which the command sets in
each worker, and which `mkdocs build` and `mkdocs serve` honour as well).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..i18n.catalog import (
    BUILTIN_LOCALES,
    Translations,
    builtin_catalog,
    read_catalog,
)
from ..i18n.languages import course_languages, is_rtl
from ..i18n.placeholders import fill
from ..i18n.project import PERMALINK_TITLE

LANGUAGE_ENV = "MKDOCS_COURSE_LANGUAGE"


@dataclass
class LanguageSetup:
    languages: dict[str, str]  # code -> name in that language, in order
    source: str
    language: str
    project_dir: Path
    pages_root: Path
    translations_dir: Path
    translations: Translations
    source_docs_dir: Path
    catalog_digest: str = ""  # hash of the catalogs this build reads

    @property
    def is_source(self) -> bool:
        return self.language == self.source

    def quiz_in_language(self, quiz):
        """The quiz translated for this build, and the language most of its
        text is in (an untranslated quiz is marked as the source language,
        so screen readers pronounce it right)."""
        text_language = self.language
        if not self.is_source and self.translations.translated_share(quiz) < 0.5:
            text_language = self.source
        return self.translations.quiz(quiz), text_language

    def docs_dir(self, language: str) -> Path:
        return self.pages_root / language

    def display_name(self, language: str, in_language: str) -> str:
        try:
            return Locale.parse(language.replace("-", "_")).get_display_name(in_language.replace("-", "_")) or language
        except (UnknownLocaleError, ValueError):
            return self.languages.get(language, language)


def setup_language(plugin_config, config, project_dir: Path) -> LanguageSetup:
    """Work out the languages of the course and the one this build is for.

    Raises CourseError for an unknown language or a broken catalog.
    """
    languages, source, language = course_languages(
        plugin_config.languages,
        plugin_config.source_language,
        config.theme.get("language") or "en",
        os.environ.get(LANGUAGE_ENV) or plugin_config.language,
    )
    pages_root = project_dir / plugin_config.pages_dir
    translations_dir = project_dir / plugin_config.translations_dir
    catalog = None
    po = translations_dir / f"{language}.po"
    if po.is_file():
        catalog = read_catalog(po, language, po.relative_to(project_dir).as_posix())
    builtin = builtin_catalog(language)
    digest = hashlib.sha256()
    for path in (po, BUILTIN_LOCALES / f"{language}.po"):
        if path.is_file():
            digest.update(path.read_bytes())
    return LanguageSetup(
        catalog_digest=digest.hexdigest()[:16],
        languages=languages,
        source=source,
        language=language,
        project_dir=project_dir,
        pages_root=pages_root,
        translations_dir=translations_dir,
        translations=Translations(catalog, language, builtin),
        source_docs_dir=pages_root / source,
    )


def apply_to_config(setup: LanguageSetup, config) -> None:
    """Point the build at the language's pages, theme language and switcher."""
    if len(setup.languages) > 1 or not setup.is_source:
        own = setup.docs_dir(setup.language)
        if own.is_dir():
            config.docs_dir = str(own)
        elif setup.source_docs_dir.is_dir():
            config.docs_dir = str(setup.source_docs_dir)  # every page falls back
    config.theme["language"] = setup.language
    t = setup.translations
    config.site_name = t.get("site/name", config.site_name)
    if config.site_description:
        config.site_description = t.get("site/description", config.site_description)
    translate_config_texts(setup, config)
    search = config.plugins.get("material/search")
    if search is not None and not search.config.lang and _search_supports(setup.language):
        # Material leaves some languages (Arabic among them) to English search
        search.config.lang = [setup.language]
    if len(setup.languages) > 1 and not config.extra.get("alternate"):
        # Relative to this language's site root, which sits beside the others.
        config.extra["alternate"] = [
            {"name": name, "link": f"../{code}/", "lang": code} for code, name in setup.languages.items()
        ]


def translate_config_texts(setup: LanguageSetup, config) -> None:
    """Texts from mkdocs.yml that learners read (msgctxt 'config')."""
    t = setup.translations
    palette = config.theme.get("palette") or []
    for scheme in palette if isinstance(palette, list) else [palette]:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if toggle and toggle.get("name"):
            toggle["name"] = t.get("config", toggle["name"])
    toc = config.mdx_configs.get("toc")
    if toc and toc.get("permalink"):
        toc["permalink_title"] = t.get("config", toc.get("permalink_title") or PERMALINK_TITLE)


def _search_supports(language: str) -> bool:
    import material

    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    return language == "en" or (lunr / f"lunr.{language}.min.js").is_file()


def add_fallback_files(setup: LanguageSetup, files: Files, config) -> set[str]:
    """Add the source language's files this language does not have yet.

    Returns the src_uris of documentation pages that fall back.
    """
    if setup.is_source or not setup.source_docs_dir.is_dir():
        return set()
    docs_dir = Path(config.docs_dir)
    fallback = set()
    if docs_dir.resolve() == setup.source_docs_dir.resolve():
        return {f.src_uri for f in files.documentation_pages()}
    present = {f.src_uri for f in files}
    for path in sorted(setup.source_docs_dir.rglob("*")):
        rel = path.relative_to(setup.source_docs_dir)
        if path.is_dir() or any(part.startswith(".") for part in rel.parts):
            continue
        uri = rel.as_posix()
        if uri in present:
            continue
        file = File(uri, str(setup.source_docs_dir), config.site_dir, config.use_directory_urls)
        files.append(file)
        if file.is_documentation_page():
            fallback.add(uri)
    return fallback


def translate_nav(setup: LanguageSetup, nav: Navigation) -> None:
    """Navigation titles written in mkdocs.yml, in this language (context 'nav')."""
    t = setup.translations

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                item.title = t.get("nav", item.title)
                walk(item.children)
            elif isinstance(item, Page) and "title" in vars(item) and item.title:
                # a title written in the nav; others come from the page's heading
                item.title = t.get("nav", item.title)

    walk(nav.items)


def fallback_notice(setup: LanguageSetup, strings: dict, html_content: str) -> str:
    """Wrap a source-language page shown in another language's site."""
    text = fill(
        strings["fallback_notice"],
        language=setup.display_name(setup.language, setup.language),
        source=setup.display_name(setup.source, setup.language),
    )
    direction = "rtl" if is_rtl(setup.source) else "ltr"
    return (
        f'<div class="admonition info course-fallback" data-course-fallback="{setup.source}">'
        f'<p class="admonition-title">{html.escape(text)}</p></div>\n'
        f'<div lang="{setup.source}" dir="{direction}" data-course-fallback-content>\n{html_content}\n</div>'
    )


SITEMAP_URL = re.compile(r"<url>\s*<loc>([^<]*)</loc>", re.S)


def add_sitemap_alternates(setup: LanguageSetup, config) -> None:
    """Give every sitemap entry its hreflang alternates in all languages.

    Every language has every page (untranslated ones fall back), so the
    alternates are the same path under each language's root.
    """
    site_url = config.site_url or ""
    suffix = f"/{setup.language}/"
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if len(setup.languages) < 2 or not site_url.endswith(suffix) or not sitemap.is_file():
        return
    base = site_url[: -len(suffix) + 1]
    own_root = site_url

    def alternates(match):
        loc = match.group(1)
        if not loc.startswith(own_root):
            return match.group(0)
        path = loc[len(own_root):]
        links = "".join(
            f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(base + code + "/" + path)}"/>'
            for code in setup.languages
        )
        return match.group(0) + links

    text = sitemap.read_text(encoding="utf-8")
    text = text.replace(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        1,
    )
    text = SITEMAP_URL.sub(alternates, text)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(str(sitemap) + ".gz", "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


class LanguageFeature:
    """The language feature's part of the build (the language itself is
    worked out with the course settings, in ``setup_language``)."""

    def on_config(self, build, config) -> None:
        self.setup = build.languages
        self.strings = build.strings
        # Material keeps preferences (the palette among them) under a scope that
        # defaults to each language's own root; the course shares them.
        self.share_preferences = len(self.setup.languages) > 1 and "scope" not in config.extra
        apply_to_config(self.setup, config)

    def on_page_context(self, context: dict) -> None:
        """Material's preferences scope: the folder holding every language's site."""
        if self.share_preferences:
            # base_url is this language's root, relative to the page (or a path on 404 pages)
            context["config"].extra["scope"] = context["base_url"].rstrip("/") + "/../"

    def on_files(self, files: Files, config) -> None:
        self.fallback_pages = add_fallback_files(self.setup, files, config)

    def on_nav(self, nav: Navigation) -> None:
        translate_nav(self.setup, nav)

    def text_language(self, page) -> str:
        """The language a page's text is written in (the source's on a fallback page)."""
        return self.setup.source if page.file.src_uri in self.fallback_pages else self.setup.language

    def on_page_content(self, html_content: str, page) -> str:
        if page.file.src_uri in self.fallback_pages:
            return fallback_notice(self.setup, self.strings, html_content)
        return html_content

    def on_post_build(self, config) -> None:
        add_sitemap_alternates(self.setup, config)

    def on_serve(self, server) -> None:
        for folder in (self.setup.translations_dir, self.setup.source_docs_dir):
            if folder.is_dir():
                server.watch(str(folder))
