"""`mkdocs-course new`: a one-language course that builds at once.

The files come from ``starter/``; ``$title`` and ``$course_id`` are filled
in. Nothing is ever overwritten: if any file the course would write is
there already, nothing is written at all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from string import Template

from .course import COURSE_ID, slug
from .errors import CourseError

STARTER = Path(__file__).resolve().parent / "starter"
SCHEMA = Path(__file__).resolve().parent / "quiz" / "quiz.schema.json"
# starter file -> where it goes in the new course
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "gitignore": ".gitignore",
    "course/en/index.md": "course/en/index.md",
    "course/en/module-1.md": "course/en/module-1.md",
    "quizzes/module-1.yml": "quizzes/module-1.yml",
}
# copied as it is, so editors check quiz files while the author types
SCHEMA_COPY = "quizzes/quiz.schema.json"


def default_title(folder: Path) -> str:
    """A course title from a folder name: 'fair-pay' -> 'Fair pay'."""
    words = folder.resolve().name.replace("-", " ").replace("_", " ").strip()
    return (words[:1].upper() + words[1:]) if words else "My course"


def write_new_course(folder: Path, title: str | None = None, course_id: str | None = None) -> list[str]:
    """Write the starter course into ``folder``; returns the paths written.

    Raises CourseError when a file would be overwritten or the id is not valid.
    """
    title = (title or default_title(folder)).strip() or "My course"
    course_id = course_id or slug(title)
    if not COURSE_ID.fullmatch(course_id):
        raise CourseError(f"'{course_id}' is not a valid course id. Use letters, digits, '-' and '_' only.")
    targets = [*FILES.values(), SCHEMA_COPY]
    there = [name for name in targets if (folder / name).exists()]
    if there:
        raise CourseError(
            f"{folder} already has {', '.join(there)}; nothing was written. Choose an empty or new "
            "folder, e.g. `mkdocs-course new my-course`."
        )
    values = {"course_id": course_id}
    for source, target in FILES.items():
        text = (STARTER / source).read_text(encoding="utf-8")
        # in mkdocs.yml the title is a YAML string (a JSON string is one), elsewhere plain text
        fill = {**values, "title": json.dumps(title, ensure_ascii=False) if target == "mkdocs.yml" else title}
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(text).substitute(fill), encoding="utf-8")
    shutil.copyfile(SCHEMA, folder / SCHEMA_COPY)
    return targets
