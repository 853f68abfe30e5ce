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
MARKER = "<!-- course-quiz:{id} -->"


@dataclass(frozen=True)
class Placement:
    quiz_id: str
    line: int
    column: int


def find_placements(markdown: str) -> list[Placement]:
    """Every quiz placement in a page, skipping fenced code blocks."""
    found = []
    fence = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opener = FENCE.match(line)
        if opener:
            if fence is None:
                fence = opener.group(1)
            elif opener.group(1) == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = PLACEMENT.match(line)
        if match:
            found.append(Placement(match.group("id"), number, match.start("id") + 1 - len("quiz:")))
    return found


def replace_placements(markdown: str) -> str:
    """Swap each placement line for a marker that survives Markdown."""
    lines = markdown.splitlines(keepends=True)
    for placement in find_placements(markdown):
        index = placement.line - 1
        ending = "\n" if lines[index].endswith("\n") else ""
        lines[index] = "\n" + MARKER.format(id=placement.quiz_id) + "\n" + ending
    return "".join(lines)
