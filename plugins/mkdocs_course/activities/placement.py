"""Where a page places an activity: a line holding only a link to
``activity:<id>``, as quizzes are placed (quiz/placement.py)::

    [Self-assessment: Where do you stand?](activity:baseline)

Placing one activity on several pages is meant: a self-assessment taken
at the start is taken again at the end, and both places share its results.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..quiz.placement import find_placements, find_stray_links, replace_placements
from .model import Activity, ActivityError

SCHEME = "activity"
MARKER = "<!-- course-activity:{id} -->"


class ActivityPlacements:
    """Which page places which activity, over one build."""

    def __init__(self, activities: Mapping[str, Activity], activities_dir: str):
        self.activities = activities
        self.activities_dir = activities_dir
        self.by_page: dict[str, list[str]] = {}  # page key -> activity ids, in page order
        self.placed: set[str] = set()

    def add_page(self, key: str, shown: str, markdown: str) -> str:
        """Check one page's placements and return its Markdown with each swapped
        for a marker. Raises ActivityError for a stray link or an unknown id."""
        if f"{SCHEME}:" not in markdown:
            return markdown
        for link in find_stray_links(markdown, SCHEME):
            raise ActivityError(
                shown, (link.line, link.column),
                "this activity link shares its line with other text, so it would reach learners as a dead link",
                "Put '[Self-assessment: title](activity:<id>)' on a line of its own to place the activity, "
                "or write the link inside `backticks` to show it as an example.",
            )
        ids = []
        for placement in find_placements(markdown, SCHEME):
            if placement.quiz_id not in self.activities:
                known = ", ".join(sorted(self.activities)) or "none"
                raise ActivityError(
                    shown, (placement.line, placement.column),
                    f"this page places the activity '{placement.quiz_id}', but no activity has that id",
                    f"Known activity ids: {known}. An activity's id is the 'id' in its file under "
                    f"{self.activities_dir}/, or else the file name.",
                )
            ids.append(placement.quiz_id)
        if ids:
            self.by_page[key] = ids
            self.placed.update(ids)
        return replace_placements(markdown, SCHEME, MARKER)

    def unplaced_warnings(self) -> list[str]:
        return [
            f"{activity.source}: the activity '{activity_id}' is not placed on any page, so learners never "
            f"see it. Add a line '[Activity: {activity.title}](activity:{activity_id})' to a page, or remove the file."
            for activity_id, activity in sorted(self.activities.items())
            if activity_id not in self.placed
        ]


# -- required for completion (the plugin option `required_activities`) ----------------

def config_position(config_text: str, activity_id: str) -> tuple[int, int] | None:
    """Where mkdocs.yml names an activity under ``required_activities`` (line,
    column), found by reading the file's lines; None when it cannot be told."""
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if "required_activities" in line), None)
    if start is None:
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(activity_id)}(?![\w-])")
    for number in range(start, min(start + 1000, len(lines))):
        found = word.search(lines[number], len(lines[number].split("required_activities")[0]) if number == start else 0)
        if found:
            return number + 1, found.start() + 1
    return start + 1, 1


def _required_error(config: tuple[str, str], activity_id: str, problem: str, advice: str) -> ActivityError:
    name, text = config
    return ActivityError(name, config_position(text, activity_id), problem, advice)


def check_required_activities(required: Sequence[str], activities: Mapping[str, Activity], activities_dir: str,
                              config: tuple[str, str] = ("mkdocs.yml", "")) -> None:
    """Raises ActivityError (mkdocs.yml, line, column) when ``required_activities``
    names an activity the course does not have. ``config`` is the config
    file as the author knows it and its text, to say where."""
    for activity_id in dict.fromkeys(required):
        if activity_id not in activities:
            known = ", ".join(sorted(activities)) or "none"
            raise _required_error(
                config, activity_id,
                f"required_activities lists '{activity_id}', but no activity has that id",
                f"Known activity ids: {known}. An activity's id is the 'id' in its file under "
                f"{activities_dir}/, or else the file name. Correct the id, or add the activity's file.",
            )


def check_required_placed(required: Sequence[str], placements: ActivityPlacements,
                          config: tuple[str, str] = ("mkdocs.yml", "")) -> None:
    """Raises ActivityError when a required activity is placed on no page, so
    no learner could complete the course."""
    for activity_id in dict.fromkeys(required):
        if activity_id not in placements.placed:
            activity = placements.activities[activity_id]
            placed = ", ".join(sorted(placements.placed)) or "none"
            raise _required_error(
                config, activity_id,
                f"required_activities lists '{activity_id}', but no page places it, so no learner could "
                f"complete the course (activities placed: {placed})",
                f"Add a line '[Activity: {activity.title}](activity:{activity_id})' to a page, or remove "
                "it from required_activities.",
            )
