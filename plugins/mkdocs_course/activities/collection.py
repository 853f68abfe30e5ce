"""All the activities of a course, loaded from one folder (``activities/``)."""

from __future__ import annotations

import hashlib
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
        self._cache: dict[tuple[str, str], Activity] = {}
        self.digests: dict[str, str] = {}  # activity id -> hash of its file

    def load(self, quizzes: Mapping[str, object] = {}) -> dict[str, Activity]:
        """(Re)load every activity file. Raises ActivityError on the first
        problem, also for an id that another activity or a quiz has (saved
        data, catalogs and records key on it)."""
        activities: dict[str, Activity] = {}
        cache: dict[tuple[str, str], Activity] = {}
        for path in self.files():
            shown = self.shown(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ActivityError(shown, Position(1, 1), f"cannot read the file ({exc.strerror})") from None
            digest = (shown, hashlib.sha256(data).hexdigest())
            activity = self._cache.get(digest) or load_activity(data, shown)
            cache[digest] = activity
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
            self.digests[activity.id] = digest[1]
        self._cache = cache
        self.activities = activities
        return activities
