"""The ``course`` MkDocs plugin: event handlers that call the course logic."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..quiz import QuizCollection, QuizError, QuizRenderer, find_placements, replace_placements
from ..quiz.cache import DiskCache
from ..quiz.placement import MARKER, find_stray_quiz_links
from ..runtime import runtime_assets, site_stylesheet
from .config import CourseConfig
from .languages import (
    add_fallback_files,
    add_sitemap_alternates,
    apply_to_config,
    fallback_notice,
    setup_language,
    translate_nav,
)

log = get_plugin_logger(__name__)

HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.collection: QuizCollection | None = None
        self.renderer: QuizRenderer | None = None
        self.placed: dict[str, str] = {}  # quiz id -> page that places it
        self.quiz_pages: dict[str, list[str]] = {}  # page src_uri -> quiz ids

    # -- configuration ---------------------------------------------------------

    # Before the search plugin's on_config, which takes its language from the
    # theme language this handler sets for the language being built.
    @event_priority(100)
    def on_config(self, config, **kwargs):
        if not self.config.enabled:
            return config
        project_dir = Path(config.config_file_path or ".").resolve().parent
        self.project_dir = project_dir
        self.course_id = self.config.course_id or slug(config.site_name)
        self.languages = setup_language(self.config, config, project_dir)
        apply_to_config(self.languages, config)
        self.fallback_pages: set[str] = set()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", self.course_id):
            raise PluginError(
                f"course: course_id '{self.course_id}' is not a valid id. Use letters, "
                "digits, '-' and '_' only."
            )
        pass_mark = self.config.pass_mark
        if not 0 <= pass_mark <= 100:
            raise PluginError(
                f"course: pass_mark is {pass_mark}; it must be a percentage from 0 to 100."
            )
        folder = project_dir / self.config.quizzes_dir
        disk_cache = DiskCache(project_dir / self.config.cache_dir) if self.config.cache else None
        if self.collection is None or self.collection.folder != folder:
            self.collection = QuizCollection(folder, project_dir, pass_mark, disk_cache)
        self.collection.default_pass_mark = pass_mark
        try:
            self.collection.load()
        except QuizError as exc:
            raise PluginError(f"course: {exc}") from None
        self.renderer = QuizRenderer(self.course_id, self.languages.translations, disk_cache=disk_cache)
        site_css = site_stylesheet().path
        if site_css not in config.extra_css:
            config.extra_css.append(site_css)
        self.placed = {}
        self.quiz_pages = {}
        return config

    def on_serve(self, server, *, config, builder, **kwargs):
        if self.config.enabled and self.collection is not None:
            server.watch(str(self.collection.folder))
            for folder in (self.languages.translations_dir, self.languages.source_docs_dir):
                if folder.is_dir():
                    server.watch(str(folder))
        return server

    def on_files(self, files: Files, *, config, **kwargs):
        if not self.config.enabled:
            return files
        for asset in (*runtime_assets(), site_stylesheet()):
            files.append(File.generated(config, asset.path, content=asset.content))
        self.fallback_pages = add_fallback_files(self.languages, files, config)
        return files

    def on_nav(self, nav, *, config, files, **kwargs):
        if self.config.enabled:
            translate_nav(self.languages, nav)
        return nav

    # -- pages -------------------------------------------------------------------

    def on_page_markdown(self, markdown, *, page, config, files, **kwargs):
        if not self.config.enabled:
            return markdown
        placements = find_placements(markdown)
        stray = find_stray_quiz_links(markdown) if "quiz:" in markdown else []
        if not placements and not stray:
            return markdown
        shown = self._page_path(page, config)
        for link in stray:
            error = QuizError(
                shown,
                (link.line, link.column),
                "this quiz link shares its line with other text, so it would reach learners "
                "as a dead link",
                "Put '[Quiz: title](quiz:<id>)' on a line of its own to place the quiz, "
                "or write the link inside `backticks` to show it as an example.",
            )
            raise PluginError(f"course: {error}")
        ids = []
        for placement in placements:
            quiz = self.collection.quizzes.get(placement.quiz_id)
            if quiz is None:
                known = ", ".join(sorted(self.collection.quizzes)) or "none"
                error = QuizError(
                    shown,
                    (placement.line, placement.column),
                    f"this page places the quiz '{placement.quiz_id}', but no quiz has that id",
                    f"Known quiz ids: {known}. A quiz's id is the 'id' in its file under "
                    f"{self.config.quizzes_dir}/, or else the file name.",
                )
                raise PluginError(f"course: {error}")
            if placement.quiz_id in self.placed and self.placed[placement.quiz_id] != shown:
                log.warning(
                    f"{shown}:{placement.line}: the quiz '{placement.quiz_id}' is also placed on "
                    f"{self.placed[placement.quiz_id]}; a learner's results are shared between both places."
                )
            self.placed.setdefault(placement.quiz_id, shown)
            ids.append(placement.quiz_id)
        self.quiz_pages[page.file.src_uri] = ids
        return replace_placements(markdown)

    def on_page_content(self, html, *, page, config, files, **kwargs):
        if self.config.enabled and page.file.src_uri in self.fallback_pages:
            html = fallback_notice(self.languages, self.renderer.strings, html)
        if not self.config.enabled or not self.quiz_pages.get(page.file.src_uri):
            return html
        script, _ = runtime_assets()
        src = get_relative_url(script.path, page.url)
        # Inside the content so Material's instant navigation runs it again
        # on every page that has a quiz; the runtime is idempotent.
        return html + f'\n<script src="{src}"></script>\n'

    def on_env(self, env, *, config, files, **kwargs):
        if self.config.enabled:
            for quiz_id, quiz in sorted(self.collection.quizzes.items()):
                if quiz_id not in self.placed:
                    log.warning(
                        f"{quiz.source}: the quiz '{quiz_id}' is not placed on any page, so "
                        f"learners never see it. Add a line '[Quiz: {quiz.title}](quiz:{quiz_id})' "
                        "to a page, or remove the file."
                    )
        return env

    def on_post_page(self, output, *, page, config, **kwargs):
        ids = self.quiz_pages.get(page.file.src_uri) if self.config.enabled else None
        if not ids:
            return output
        # Quizzes go in only now, after the search plugin has indexed the
        # page: question text is not search material, and parsing every
        # quiz's markup for the index was a third of the plugin's build time.
        translations = self.languages.translations
        for quiz_id in dict.fromkeys(ids):
            quiz = self.collection.quizzes[quiz_id]
            # Mark the quiz with the language most of its text is in, so screen
            # readers pronounce an untranslated quiz as its source language.
            text_language = self.languages.language
            if not self.languages.is_source and translations.translated_share(quiz) < 0.5:
                text_language = self.languages.source
            rendered = self.renderer.render(translations.quiz(quiz), text_language)
            output = output.replace(MARKER.format(id=quiz_id), rendered)
        _, css = runtime_assets()
        link = f'<link rel="stylesheet" href="{get_relative_url(css.path, page.url)}">\n'
        return HEAD_END.sub(lambda m: link + m.group(0), output, count=1)

    def on_post_build(self, *, config, **kwargs):
        if self.config.enabled:
            add_sitemap_alternates(self.languages, config)

    def _page_path(self, page, config) -> str:
        path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path)
        try:
            return path.resolve().relative_to(self.project_dir).as_posix()
        except ValueError:
            return page.file.src_uri
