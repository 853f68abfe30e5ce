"""Where an author places a quiz in a Markdown page.

The placement is one line holding only a link whose address is ``quiz:`` and
the quiz id::

    [Quiz: Why equality is good business](quiz:why-equality)

On GitHub or in any Markdown viewer it reads as a line of text naming the
quiz; in the course it becomes the quiz itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

from .errors import QuizError

if TYPE_CHECKING:
    from .model import Quiz

# A placement line for links of one scheme: quiz:<id>, course:<block>.
PLACEMENT = r"^[ ]{{0,3}}\[(?P<label>[^\]\n]*)\]\(\s*{scheme}:(?P<id>[^)\s]*)\s*\)[ \t]*$"
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
LINK = r"\]\(\s*{scheme}:"
CODE_SPAN = re.compile(r"(`+).*?\1")
MARKER = "<!-- course-quiz:{id} -->"


@lru_cache(maxsize=None)
def _patterns(scheme: str) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(PLACEMENT.format(scheme=scheme), re.MULTILINE), re.compile(LINK.format(scheme=scheme))


@dataclass(frozen=True)
class Placement:
    quiz_id: str
    line: int
    column: int


def _lines_outside_code(markdown: str):
    fence = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opener = FENCE.match(line)
        if opener:
            if fence is None:
                fence = opener.group(1)
            elif opener.group(1) == fence:
                fence = None
            continue
        if fence is None:
            yield number, line


def find_placements(markdown: str, scheme: str = "quiz") -> list[Placement]:
    """Every placement of ``scheme`` (a quiz, a course block) in a page,
    skipping fenced code blocks; ``quiz_id`` is the id or block name."""
    found = []
    placement = _patterns(scheme)[0]
    for number, line in _lines_outside_code(markdown):
        match = placement.match(line)
        if match:
            found.append(Placement(match.group("id"), number, match.start("id") + 1))
    return found


def find_stray_links(markdown: str, scheme: str = "quiz") -> list[Placement]:
    """``quiz:`` (or other ``scheme``) links that share their line with other text.

    They would reach learners as dead links, so the build reports them.
    Links inside code spans and fenced code are examples, not placements.
    """
    found = []
    placement, link = _patterns(scheme)
    for number, line in _lines_outside_code(markdown):
        if placement.match(line):
            continue
        visible = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in link.finditer(visible):
            found.append(Placement("", number, match.end() - len(scheme)))
    return found




def replace_placements(markdown: str, scheme: str = "quiz", marker: str = MARKER) -> str:
    """Swap each placement line for a marker that survives Markdown
    (``marker`` with ``{id}`` for the id or block name)."""
    lines = markdown.splitlines(keepends=True)
    for placement in find_placements(markdown, scheme):
        index = placement.line - 1
        ending = "\n" if lines[index].endswith("\n") else ""
        lines[index] = "\n" + marker.format(id=placement.quiz_id, name=placement.quiz_id) + "\n" + ending
    return "".join(lines)


class Placements:
    """Which page places which quiz, over one build: the placement rules.

    Pages are added as the build reads them. A page that places an unknown
    quiz, or has a ``quiz:`` link sharing its line with text, is an error;
    a quiz placed on a second page is a warning (both places share results).
    """

    def __init__(self, quizzes: Mapping[str, "Quiz"], quizzes_dir: str):
        self.quizzes = quizzes
        self.quizzes_dir = quizzes_dir
        self.first_page: dict[str, str] = {}  # quiz id -> the page that first places it
        self.by_page: dict[str, list[str]] = {}  # page key -> quiz ids, in page order

    def add_page(self, key: str, shown: str, markdown: str) -> list[str]:
        """Read one page's placements; returns warnings for the author.

        ``key`` identifies the page in the build, ``shown`` is its path as the
        author knows it. Raises QuizError for a stray link or an unknown id.
        """
        placements = find_placements(markdown)
        stray = find_stray_links(markdown) if "quiz:" in markdown else []
        for link in stray:
            raise QuizError(
                shown,
                (link.line, link.column),
                "this quiz link shares its line with other text, so it would reach learners "
                "as a dead link",
                "Put '[Quiz: title](quiz:<id>)' on a line of its own to place the quiz, "
                "or write the link inside `backticks` to show it as an example.",
            )
        warnings, ids = [], []
        for placement in placements:
            if placement.quiz_id not in self.quizzes:
                known = ", ".join(sorted(self.quizzes)) or "none"
                raise QuizError(
                    shown,
                    (placement.line, placement.column),
                    f"this page places the quiz '{placement.quiz_id}', but no quiz has that id",
                    f"Known quiz ids: {known}. A quiz's id is the 'id' in its file under "
                    f"{self.quizzes_dir}/, or else the file name.",
                )
            first = self.first_page.setdefault(placement.quiz_id, shown)
            if first != shown:
                warnings.append(
                    f"{shown}:{placement.line}: the quiz '{placement.quiz_id}' is also placed on "
                    f"{first}; a learner's results are shared between both places."
                )
            ids.append(placement.quiz_id)
        if ids:
            self.by_page[key] = ids
        return warnings

    def unplaced_warnings(self) -> list[str]:
        """One warning per quiz that no page places (learners never see it)."""
        return [
            f"{quiz.source}: the quiz '{quiz_id}' is not placed on any page, so learners never see "
            f"it. Add a line '[Quiz: {quiz.title}](quiz:{quiz_id})' to a page, or remove the file."
            for quiz_id, quiz in sorted(self.quizzes.items())
            if quiz_id not in self.first_page
        ]
