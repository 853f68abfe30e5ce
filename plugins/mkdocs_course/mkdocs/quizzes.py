"""The quiz feature's part of the build: load every quiz, find where pages
place them, and put the rendered quizzes and their runtime into the pages.

The rules (what a valid quiz or placement is) are in ``quiz/``; this module
only connects them to MkDocs' events.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..quiz import QuizCollection, QuizRenderer
from ..quiz.placement import MARKER, Placements, replace_placements
from ..runtime import runtime_assets
from .course import CourseBuild, add_to_head

log = get_plugin_logger(__name__)


class QuizFeature:
    def __init__(self):
        # Kept from build to build (mkdocs serve): unchanged files are not re-read.
        self.collection: QuizCollection | None = None

    def on_config(self, build: CourseBuild) -> None:
        """Load and validate every quiz file (QuizError on the first problem)."""
        options = build.options
        folder = build.project_dir / options.quizzes_dir
        if self.collection is None or self.collection.folder != folder:
            self.collection = QuizCollection(folder, build.project_dir, build.settings.pass_mark, build.disk_cache)
        self.collection.default_pass_mark = build.settings.pass_mark
        build.quizzes = self.collection.load()
        build.quiz_digests = self.collection.digests
        build.placements = Placements(build.quizzes, options.quizzes_dir)
        self.build = build
        self.renderer = QuizRenderer(build.course_id, build.languages.translations, disk_cache=build.disk_cache)

    def on_files(self, files: Files, config) -> None:
        """Add the quiz runtime; refuse quiz files the site would publish."""
        setup = self.build.languages
        self.collection.check_unpublished([Path(config.docs_dir)] + ([] if setup.is_source else [setup.source_docs_dir]))
        for asset in runtime_assets():
            files.append(File.generated(config, asset.path, content=asset.content))

    def on_page_markdown(self, markdown: str, page, config) -> str:
        """Check the page's placements and swap each for a marker."""
        if "quiz:" not in markdown:
            return markdown
        shown = self.build.shown(Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path))
        for warning in self.build.placements.add_page(page.file.src_uri, shown, markdown):
            log.warning(warning)
        return replace_placements(markdown)

    def on_page_content(self, html: str, page) -> str:
        if not self.build.placements.by_page.get(page.file.src_uri):
            return html
        script, _ = runtime_assets()
        src = get_relative_url(script.path, page.url)
        # Inside the content so Material's instant navigation runs it again
        # on every page that has a quiz; the runtime is idempotent.
        return html + f'\n<script src="{src}"></script>\n'

    def on_env(self) -> None:
        for warning in self.build.placements.unplaced_warnings():
            log.warning(warning)

    def on_post_page(self, output: str, page) -> str:
        ids = self.build.placements.by_page.get(page.file.src_uri)
        if not ids:
            return output
        # Quizzes go in only now, after the search plugin has indexed the
        # page: question text is not search material, and parsing every
        # quiz's markup for the index was a third of the plugin's build time.
        languages = self.build.languages
        for quiz_id in dict.fromkeys(ids):
            quiz = self.build.quizzes[quiz_id]
            rendered = self.renderer.render_cached(
                self.build.content_key(quiz_id), lambda quiz=quiz: languages.quiz_in_language(quiz))
            output = output.replace(MARKER.format(id=quiz_id), rendered)
        _, css = runtime_assets()
        link = f'<link rel="stylesheet" href="{get_relative_url(css.path, page.url)}">\n'
        return add_to_head(output, link)

    def on_serve(self, server) -> None:
        if self.collection is not None:
            server.watch(str(self.collection.folder))
