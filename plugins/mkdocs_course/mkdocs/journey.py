"""The journey feature's part of the build: each page's course settings and
study time, the course overview block, and what every page shows of the
learner's way through the course (progress line, module header, end of a
page to read).

The rules are in ``progress/pages.py`` and ``progress/journey.py``; this
module only connects them to MkDocs' events.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from ..progress.journey import BLOCK_MARKER, READING_MARKER, SCHEME, Journey, JourneyPage, check_blocks
from ..progress.pages import (
    PageError,
    check_translation,
    check_unique,
    page_settings,
    page_words,
    study_minutes,
)
from ..quiz.placement import replace_placements
from .course import CourseBuild

META = '<meta name="mkdocs-course" '


class JourneyFeature:
    def on_config(self, build: CourseBuild) -> None:
        self.build = build
        self.journey = None
        self.minutes: dict[str, int] = {}  # src_uri -> minutes to study it
        self.shown: dict[str, str] = {}  # src_uri -> the file as the author knows it

    def on_page_markdown(self, markdown: str, page, config) -> str:
        """Read the page's ``course:`` front matter (the source page's, for a
        translation) and swap its course blocks for markers."""
        build, src = self.build, page.file.src_uri
        shown = build.shown(Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path))
        settings = page_settings(src, page.meta, shown)
        setup = build.languages
        source_file = setup.source_docs_dir / page.file.src_path
        if not setup.is_source and source_file.is_file() and Path(page.file.abs_src_path or "") != source_file:
            source_shown = build.shown(source_file)
            source = page_settings(src, get_data(source_file.read_text(encoding="utf-8-sig"))[1], source_shown)
            if "course" in page.meta:
                check_translation(source, settings, shown, source_shown)
            # the id and the rule are the source page's; the time may be the translation's own
            settings = replace(source, minutes=settings.minutes or source.minutes)
        if settings.page_id in build.options.required_pages:
            settings = replace(settings, required=True)
        build.pages[src] = settings
        self.shown[src] = shown
        if f"{SCHEME}:" in markdown:
            check_blocks(markdown, shown)
            markdown = replace_placements(markdown, SCHEME, BLOCK_MARKER)
        if settings.required:
            markdown = markdown.rstrip("\n") + f"\n\n{READING_MARKER}\n"
        return markdown

    def on_page_content(self, html: str, page, text_language: str) -> None:
        """The time to study the page: its words in the language they are
        written in, and its quizzes' questions (or the front matter's minutes)."""
        settings = self.build.pages.get(page.file.src_uri)
        if settings is None:
            return
        if settings.minutes:
            self.minutes[page.file.src_uri] = settings.minutes
            return
        questions = 0
        for quiz_id in dict.fromkeys(self.build.placements.by_page.get(page.file.src_uri, ())):
            quiz = self.build.quizzes[quiz_id]
            questions += quiz.draw if quiz.draw and quiz.draw < len(quiz.questions) else len(quiz.questions)
        self.minutes[page.file.src_uri] = study_minutes(page_words(html, text_language), text_language, questions)

    def on_env(self) -> None:
        """Every page has been read: page ids are unique, and required_pages
        names pages of the course."""
        pages = self.build.pages
        check_unique({self.shown[src]: s.page_id for src, s in pages.items()})
        known = {s.page_id for s in pages.values()}
        unknown = [p for p in dict.fromkeys(self.build.options.required_pages or ()) if p not in known]
        if unknown:
            raise PageError(
                f"required_pages lists '{unknown[0]}', but no page has that id. A page's id is the "
                "'course.id' of its front matter, else its path without '.md' (module-3.md: module-3). "
                f"Page ids: {', '.join(sorted(known)) or 'none'}."
            )

    def on_page_context(self, nav, outline, progress_url: str | None) -> None:
        if self.journey is not None or outline is None:
            return
        pages = []
        for page in nav.pages:
            settings = self.build.pages.get(page.file.src_uri)
            if settings:
                pages.append(JourneyPage(settings.page_id, page.url, page.title or "",
                                         self.minutes.get(page.file.src_uri, 1), settings.required))
        translations = self.build.languages.translations
        self.journey = Journey(outline, pages, progress_url, self.build.strings,
                               translations.plural_index_table(), self.build.languages.language)
        # JSON in a single-quoted attribute: '<', '>' and '&' are escaped in
        # the JSON already, so only "'" needs it (half the size of &quot;)
        self.payload = str(self.journey.payload()).replace("'", "&#39;")

    def on_post_page(self, output: str, page, progress_page: bool) -> str:
        if self.journey is None or not self.journey.steps:
            return output.replace(BLOCK_MARKER.format(name="overview"), "").replace(READING_MARKER, "")
        at = output.find(META)
        if at >= 0:  # the progress feature's <meta>; its attributes are escaped, so no '>' inside
            end = output.index(">", at)
            output = output[:end] + f" data-course-journey='{self.payload}'" + output[end:]
        return self.journey.add_to_page(output, page.url, lambda url: get_relative_url(url, page.url),
                                        progress_page=progress_page)
