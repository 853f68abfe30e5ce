"""Course-wide settings that every feature relies on, checked once.

Nothing here depends on MkDocs; the adapter passes the values in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import CourseError

COURSE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def slug(text: str) -> str:
    """A course id made from a site name: "Equality at work" -> "equality-at-work"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


@dataclass(frozen=True)
class CourseSettings:
    course_id: str
    pass_mark: float

    @classmethod
    def checked(cls, course_id: str | None, site_name: str, pass_mark: float) -> "CourseSettings":
        """The settings, or CourseError saying which one is wrong and how to fix it."""
        course_id = course_id if course_id is not None else slug(site_name)
        if not COURSE_ID.fullmatch(course_id):
            raise CourseError(
                f"course_id '{course_id}' is not a valid id. Use letters, digits, '-' and '_' only "
                "(at most 64), starting with a letter or digit."
            )
        if not 0 <= pass_mark <= 100:
            raise CourseError(f"pass_mark is {pass_mark}; it must be a percentage from 0 to 100.")
        return cls(course_id, pass_mark)
