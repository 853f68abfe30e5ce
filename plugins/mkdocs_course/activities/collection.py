"""All the activities of a course, loaded from one folder (``activities/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..quiz.collection import SourceFolder
from ..quiz.yamlsource import Position
from .loader import load_activity
from .model import Activity, ActivityError


class ActivityCollection(SourceFolder):
    """Activities by id from ``<folder>/*.yml`` (and ``*.yaml``); files are
    re-read only when their bytes change (``mkdocs serve`` rebuilds)."""

    def __init__(self, folder: Path, project_dir: Path):
        super().__init__(folder, project_dir)
        self.activities: dict[str, Activity] = {}

    def load(self, quizzes: Mapping[str, object] = {}) -> dict[str, Activity]:
        """(Re)load every activity file. Raises ActivityError on the first
        problem, also for an id that another activity or a quiz has (saved
        data, catalogs and records key on it)."""
        activities: dict[str, Activity] = {}
        for shown, activity in self.read_all(ActivityError, load_activity):
            other = activities.get(activity.id) or quizzes.get(activity.id)
            if other is not None:
                raise ActivityError(
                    shown, Position(1, 1),
                    f"the id '{activity.id}' is already used by {getattr(other, 'source', 'a quiz')}",
                    "Give each activity an id of its own, different from every quiz's and activity's "
                    "(it defaults to the file name).",
                    quiz_id=activity.id,
                )
            activities[activity.id] = activity
        self.activities = activities
        return activities
