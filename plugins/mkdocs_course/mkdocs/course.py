"""What every feature of one build shares: the course's settings, its
language, its quizzes and where they are placed.

The plugin makes one ``CourseBuild`` in ``on_config``; the features read it
and fill in what is theirs (the quiz feature sets ``quizzes`` and
``placements``), in the order ``plugin.py`` calls them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..course import CourseSettings
from ..quiz.cache import DiskCache
from .languages import LanguageSetup

if TYPE_CHECKING:
    from ..activities import Activity
    from ..activities.placement import ActivityPlacements
    from ..progress.pages import PageSettings
    from ..quiz import Quiz
    from ..quiz.placement import Placements
    from .config import CourseConfig


@dataclass
class CourseBuild:
    options: "CourseConfig"  # the plugin's options from mkdocs.yml
    project_dir: Path
    settings: CourseSettings
    languages: LanguageSetup
    disk_cache: DiskCache | None
    quizzes: dict[str, "Quiz"] = field(default_factory=dict)
    quiz_digests: dict[str, str] = field(default_factory=dict)  # quiz id -> hash of its file
    placements: "Placements | None" = None
    activities: dict[str, "Activity"] = field(default_factory=dict)  # filled by the activity feature
    activity_placements: "ActivityPlacements | None" = None  # which page places which activity
    # each activity's {id, kind, title (in this language), version}, for the completion record
    activity_summaries: list[dict] = field(default_factory=list)
    # src_uri -> the page's course settings (id, required reading, minutes), as the journey reads them
    pages: dict[str, "PageSettings"] = field(default_factory=dict)

    @property
    def course_id(self) -> str:
        return self.settings.course_id

    @cached_property
    def strings(self) -> dict:
        """The interface strings in the language of this build."""
        return self.languages.translations.interface()

    def content_key(self, quiz_id: str) -> str:
        """What a quiz in this build's language depends on: its file, its
        version (which holds the plugin's default pass mark) and the catalogs."""
        quiz = self.quizzes[quiz_id]
        return f"{self.quiz_digests.get(quiz_id)}:{quiz.version}:{self.languages.catalog_digest}"

    def shown(self, path: Path) -> str:
        """A path as the author knows it: relative to the project when inside it."""
        try:
            return path.resolve().relative_to(self.project_dir).as_posix()
        except ValueError:
            return path.as_posix()


HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def add_to_head(output: str, html: str) -> str:
    """A page's HTML with ``html`` added at the end of its <head>."""
    return HEAD_END.sub(lambda m: html + m.group(0), output, count=1)
