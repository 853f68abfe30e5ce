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

PLACEMENT = re.compile(
    r"^[ ]{0,3}\[(?P<label>[^\]\n]*)\]\(\s*quiz:(?P<id>[^)\s]*)\s*\)[ \t]*$",
    re.MULTILINE,
)
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
QUIZ_LINK = re.compile(r"\]\(\s*quiz:")
CODE_SPAN = re.compile(r"(`+).*?\1")
MARKER = "<!-- course-quiz:{id} -->"


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


def find_placements(markdown: str) -> list[Placement]:
    """Every quiz placement in a page, skipping fenced code blocks."""
    found = []
    for number, line in _lines_outside_code(markdown):
        match = PLACEMENT.match(line)
        if match:
            found.append(Placement(match.group("id"), number, match.start("id") + 1))
    return found


def find_stray_quiz_links(markdown: str) -> list[Placement]:
    """``quiz:`` links that share their line with other text.

    They would reach learners as dead links, so the build reports them.
    Links inside code spans and fenced code are examples, not placements.
    """
    found = []
    for number, line in _lines_outside_code(markdown):
        if PLACEMENT.match(line):
            continue
        visible = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in QUIZ_LINK.finditer(visible):
            found.append(Placement("", number, match.end() - len("quiz:") + 1))
    return found


def replace_placements(markdown: str) -> str:
    """Swap each placement line for a marker that survives Markdown."""
    lines = markdown.splitlines(keepends=True)
    for placement in find_placements(markdown):
        index = placement.line - 1
        ending = "\n" if lines[index].endswith("\n") else ""
        lines[index] = "\n" + MARKER.format(id=placement.quiz_id) + "\n" + ending
    return "".join(lines)
