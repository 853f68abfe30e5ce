"""Where a page places an activity: a line holding only a link to
``activity:<id>``, as quizzes are placed (quiz/placement.py)::

    [Self-assessment: Where do you stand?](activity:baseline)

Placing one activity on several pages is meant: a self-assessment taken
at the start is taken again at the end, and both places share its results.
"""

from __future__ import annotations

from typing import Mapping

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
