"""Activities: work a learner does that has no right answer.

A self-assessment asks statements grouped by area, each answered on the
author's scale; its result is a percentage per area with the author's advice
for the band it falls in. An action plan is a worksheet of rows and fields
the learner fills in. Neither is graded, and neither has a pass mark.
"""

from __future__ import annotations

import hashlib
import math
import json
from dataclasses import dataclass

from ..quiz.errors import QuizError

SELF_ASSESSMENT, ACTION_PLAN = "self-assessment", "action-plan"
KINDS = (SELF_ASSESSMENT, ACTION_PLAN)
FIELD_KINDS = ("text", "line", "date")


class ActivityError(QuizError):
    """A problem in an activity file or in the page that places one:
    ``file:line:column: activity 'id', item 'id': what, expected. What to do.``"""

    def __str__(self) -> str:
        # question_id holds where in the activity, already worded: "area 'a', item 'b'"
        about = ([f"activity '{self.quiz_id}'"] if self.quiz_id else []) + ([self.question_id] if self.question_id else [])
        text = f"{self.source}:{self.line}:{self.column}: " + (", ".join(about) + ": " if about else "") + self.problem
        text += "" if text.endswith(".") else "."
        return text + (" " + self.advice if self.advice else "")


@dataclass(frozen=True)
class ScalePoint:
    id: str
    label: str
    points: float


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    weight: float = 1.0


@dataclass(frozen=True)
class Band:
    start: float  # the percentage it starts at ("from" in the file)
    text: str


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    items: tuple[Statement, ...]
    advice: tuple[Band, ...]

    def band(self, percent: float) -> Band:
        """The advice for a result: the last band starting at or below it."""
        return [b for b in self.advice if b.start <= percent][-1]


@dataclass(frozen=True)
class Row:
    id: str
    label: str  # "" for numbered rows: the interface says "Row 2"


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str = "text"
    hint: str = ""
    example: str = ""


@dataclass(frozen=True)
class Activity:
    id: str
    kind: str
    title: str
    source: str
    description: str = ""
    scale: tuple[ScalePoint, ...] = ()
    areas: tuple[Area, ...] = ()
    rows: tuple[Row, ...] = ()
    fields: tuple[Field, ...] = ()

    @property
    def version(self) -> str:
        """What saved answers depend on (ids, points, weights), not wording:
        a translation or a reworded statement keeps the learner's results."""
        shape = [self.kind, [[p.id, p.points] for p in self.scale],
                 [[a.id, [[i.id, i.weight] for i in a.items]] for a in self.areas],
                 [r.id for r in self.rows], [[f.id, f.kind] for f in self.fields]]
        return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:12]

    def area_result(self, area: Area, answers: dict[str, str]) -> float:
        """Weighted points over the most an area can get, in % (0 to 100);
        ``answers`` maps item ids to scale point ids. The browser computes
        the same (activities.js), and a test keeps them equal."""
        points = {p.id: p.points for p in self.scale}
        top = max(points.values())
        got = sum(i.weight * points.get(answers.get(i.id, ""), 0) for i in area.items)
        most = sum(i.weight * top for i in area.items)
        return math.floor(100 * got / most + 0.5)  # halves up, as JavaScript's Math.round


def activity_done(kind: str, fields, entry: dict | None) -> str | None:
    """When a learner's saved activity (the record's entry, or what the
    browser keeps) counts as done, or None: a self-assessment once a result
    was shown (its first result's date); an action plan once one row has
    every one of ``fields`` filled in (the plan's last change). The browser
    applies the same rule (``C.activityDone`` in journey.js)."""
    if not isinstance(entry, dict):
        return None
    if kind == SELF_ASSESSMENT:
        dates = [r["date"] for r in entry.get("results") or [] if isinstance(r, dict) and isinstance(r.get("date"), str)]
        return min(dates) if dates else None
    rows = entry.get("rows") or {}
    for row in rows.values() if isinstance(rows, dict) else ():
        if isinstance(row, dict) and fields and all(isinstance(row.get(f), str) and row[f].strip() for f in fields):
            updated = entry.get("updated")
            return updated if isinstance(updated, str) else None
    return None
