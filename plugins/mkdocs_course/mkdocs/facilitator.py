"""The facilitator feature's part of the build: notes for trainers leave
every page before anything else reads it, and are kept outside the site,
beside the answer keys, for ``mkdocs-course export facilitator``.

The syntax and the notes file are in ``facilitator/notes.py``. A page of
another language that has no notes of its own (a page not translated yet,
or a translation without notes) brings its source page's notes, marked as
untranslated.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data

from ..facilitator.notes import PageNotes, notes_data, notes_file, split_notes
from ..trainer.answerkeys import AnswerKeyError, write_if_changed
from .course import CourseBuild


def _first_line(raw: str, markdown: str) -> int:
    """The file's line number of the page's first line after its front matter."""
    return raw[: len(raw) - len(markdown)].count("\n") + 1 if raw.endswith(markdown) else 1


class FacilitatorFeature:
    def on_config(self, build: CourseBuild) -> None:
        self.build = build
        self.pages: dict[str, PageNotes] = {}  # src_uri -> notes

    def on_page_markdown(self, markdown: str, page, config) -> str:
        build, setup = self.build, self.build.languages
        path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path)
        shown = build.shown(path)
        raw = page.file.content_string if "facilitator" in markdown else markdown
        markdown, notes = split_notes(markdown, shown, _first_line(raw, markdown))
        language, untranslated = setup.language, False
        source_file = setup.source_docs_dir / page.file.src_path
        if path.resolve() == source_file.resolve():
            language, untranslated = setup.source, not setup.is_source
        elif not notes and source_file.is_file():
            text = source_file.read_text(encoding="utf-8-sig")
            # most source pages hold no notes: their front matter need not be read
            notes = split_notes(get_data(text)[0], build.shown(source_file))[1] if "facilitator" in text else []
            language, untranslated = setup.source, True
        self.pages[page.file.src_uri] = PageNotes("", language, untranslated, notes)
        return markdown

    def on_post_build(self) -> None:
        """Write this language's notes (by page id) outside the site."""
        build = self.build
        pages = []
        for src, notes in self.pages.items():
            settings = build.pages.get(src)
            if settings is not None and notes.notes:
                notes.page_id = settings.page_id
                pages.append(notes)
        folder = build.project_dir / build.options.answer_keys_dir
        path = notes_file(folder, build.course_id, build.languages.language)
        if not pages and not path.exists():  # a course without notes gets no file
            return
        try:
            write_if_changed(path, notes_data(build.course_id, build.languages.language, pages))
        except OSError as exc:
            raise AnswerKeyError(
                f"the facilitator notes cannot be written to {path.parent} ({exc.strerror or exc}). "
                "Make the folder writable, or set answer_keys_dir to another folder outside the site."
            ) from None
