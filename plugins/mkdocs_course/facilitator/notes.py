"""Facilitator notes in a module page, and the file a build keeps them in.

An author writes notes for the trainer as an HTML comment that starts with
the word ``facilitator`` on a line of its own::

    <!-- facilitator minutes: 50

    **Discussion.** Which of these costs has your company met?

    -->

The closing ``-->`` stands alone on its line. The opening line may give the
minutes the notes plan for the session (``minutes: 50``); a page's session
time is the sum of its notes' minutes. A comment is the form that fails
safe: a site built without the course plugin, a Markdown preview on GitHub
or in an editor, shows nothing of it (a fenced block or an admonition would
show the notes to every learner). The build takes every note out of the
page before any other part of the build sees it, so it is in no page, no
search index and no export, and keeps them outside the site for
``mkdocs-course export facilitator``.

Notes are not read inside fenced code, so a page can show the syntax.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import CourseError

OPEN = re.compile(r"^[ ]{0,3}<!--[ \t]*facilitator\b(?P<rest>.*)$")
CLOSE = re.compile(r"^[ ]{0,3}-->[ \t]*$")
MINUTES = re.compile(r"^minutes:[ \t]*(?P<n>[0-9]+)$")
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
MAX_MINUTES = 600

FOLDER = "_notes"  # under <answer_keys_dir>/<course id>/, beside the answer keys
KIND = "mkdocs-course/facilitator-notes"
SCHEMA = 1


class NotesError(CourseError):
    """Facilitator notes that cannot be read."""


@dataclass(frozen=True)
class Note:
    """One facilitator note: its Markdown and the minutes it plans, if any."""

    markdown: str
    minutes: int | None = None


@dataclass
class PageNotes:
    """The notes of one page as one language's build has them."""

    page_id: str
    language: str  # the language the notes are written in
    untranslated: bool = False  # the source page's notes, on a page not (yet) translated
    notes: list[Note] = field(default_factory=list)

    @property
    def minutes(self) -> int | None:
        given = [n.minutes for n in self.notes if n.minutes]
        return sum(given) if given else None


def _where(shown: str, line: int, column: int = 1) -> str:
    return f"{shown}:{line}:{column}"


def _minutes(rest: str, shown: str, line: int, column: int) -> int | None:
    rest = rest.strip()
    if rest.endswith("-->"):
        raise NotesError(
            f"{_where(shown, line, column)}: facilitator notes open and close on one line. Put the notes on the "
            "lines after '<!-- facilitator' and end them with a line holding only '-->'."
        )
    if not rest:
        return None
    found = MINUTES.match(rest)
    if not found or not 0 < int(found.group("n")) <= MAX_MINUTES:
        raise NotesError(
            f"{_where(shown, line, column)}: the line that opens facilitator notes has '{rest}' after 'facilitator'. "
            f"Expected nothing, or the session's minutes as 'minutes: 45' (a whole number from 1 to {MAX_MINUTES})."
        )
    return int(found.group("n"))


def split_notes(markdown: str, shown: str = "page", first_line: int = 1) -> tuple[str, list[Note]]:
    """The page without its facilitator notes, and the notes in page order.

    ``shown`` names the file in messages and ``first_line`` is the file's
    line number of the Markdown's first line (after front matter). Raises
    NotesError for notes never closed, a bad opening line, or '-->' inside
    notes (where an HTML comment would end, so a site built without the
    plugin would show the rest).
    """
    if "facilitator" not in markdown:
        return markdown, []
    kept: list[str] = []
    notes: list[Note] = []
    fence = None
    opened = None  # (line number, minutes, lines, column)
    for number, line in enumerate(markdown.splitlines(keepends=True), start=first_line):
        if opened is not None:
            if CLOSE.match(line.rstrip("\n")):
                _, minutes, body, _ = opened
                notes.append(Note("".join(body).strip("\n") + "\n", minutes))
                opened = None
                kept.append("\n")  # keeps the blocks around the note apart
            elif "-->" in line:
                raise NotesError(
                    f"{_where(shown, number, line.index('-->') + 1)}: the facilitator notes opened at line {opened[0]} hold '-->' "
                    "inside a line. That ends an HTML comment, so without the course plugin the rest would "
                    "show to learners. Write '→' (or '- ->') instead, and end the notes with a line holding only '-->'."
                )
            else:
                opened[2].append(line)
            continue
        opener = FENCE.match(line)
        if opener:
            fence = opener.group(1) if fence is None else (None if opener.group(1) == fence else fence)
        elif fence is None:
            found = OPEN.match(line.rstrip("\n"))
            if found:
                column = line.index("<!--") + 1
                opened = (number, _minutes(found.group("rest"), shown, number, column), [], column)
                continue
        kept.append(line)
    if opened is not None:
        raise NotesError(
            f"{_where(shown, opened[0], opened[3])}: the facilitator notes opened here are never closed, so the rest of "
            "the page would be hidden. End them with a line holding only '-->'."
        )
    return "".join(kept), notes


# -- the notes file a build writes, outside the site ------------------------


def notes_file(folder: Path, course_id: str, language: str) -> Path:
    """Where one language's build keeps its facilitator notes."""
    return Path(folder) / course_id / FOLDER / f"{language}.json"


def notes_data(course_id: str, language: str, pages: list[PageNotes]) -> dict:
    return {
        "schema": SCHEMA, "kind": KIND, "course": course_id, "language": language,
        "pages": [asdict(p) for p in pages if p.notes],
    }


def read_notes(folder: Path, course_id: str, language: str) -> dict[str, PageNotes]:
    """The notes one language's build kept, by page id; none when it kept
    none. Raises NotesError for a damaged file."""
    path = notes_file(folder, course_id, language)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise NotesError(f"{path} cannot be read ({exc}). Build the course again: mkdocs-course build.") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("schema") != SCHEMA:
        raise NotesError(
            f"{path} is not a facilitator notes file this version of mkdocs-course reads. "
            "Build the course again: mkdocs-course build."
        )
    try:
        return {
            p["page_id"]: PageNotes(str(p["page_id"]), str(p["language"]), bool(p["untranslated"]),
                                    [Note(str(n["markdown"]), n["minutes"] if isinstance(n["minutes"], int) else None)
                                     for n in p["notes"]])
            for p in data["pages"]
        }
    except (KeyError, TypeError) as exc:
        raise NotesError(f"{path} is damaged ({exc!r} is missing or wrong). Build the course again: mkdocs-course build.") from None
