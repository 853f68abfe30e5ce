"""The build manifest: what a built language site holds, for exports.

Every build writes ``mkdocs-course.json`` at the root of the language's site
folder (``site/`` for a one-language course, ``site/<code>/`` otherwise):
the course's id, title and version, the language and its direction, the
pages and the modules (each placed quiz: page, pass mark, required, version,
and its questions' ids, types and option ids, see ``_question``). It holds no answer key: it is served with
the site like any other file. SCORM packages, the offline copy and trainer
tools read it, so they work on any finished build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .. import __version__
from ..errors import CourseError
from ..quiz.render import pair_token, quiz_salt

FILE = "mkdocs-course.json"
KIND = "mkdocs-course/build"
SCHEMA = 1


def build_manifest(outline, quizzes: Mapping, *, language: str, direction: str, source_language: str,
                   languages: Mapping[str, str], pages: list[dict], progress_page: str | None,
                   brand: dict | None = None) -> dict:
    """The manifest's data for one language's build (see the module docstring)."""
    modules = []
    for module in outline.modules:
        quiz = quizzes[module.quiz_id]
        modules.append({
            "quiz": module.quiz_id,
            "title": module.title,
            "url": module.url,
            "pass_mark": module.pass_mark,
            "required": module.required,
            "version": module.version,
            "draw": quiz.draw,
            "questions": [_question(q, salt=quiz_salt(outline.course_id, quiz)) for q in quiz.questions],
        })
    return {
        "schema": SCHEMA,
        "kind": KIND,
        "generator": f"mkdocs-course {__version__}",
        "course": {"id": outline.course_id, "title": outline.title, "version": outline.version},
        "language": language,
        "direction": direction,
        "source_language": source_language,
        "languages": dict(languages),
        "progress_page": progress_page,
        "pages": pages,
        "modules": modules,
        "readings": [r.page_id for r in outline.readings],
        "activities": [a.activity_id for a in outline.activities],  # activities to do
        # what deciding whether one is done needs (C.activityDone, activities/model.py activity_done)
        "required_activities": [{"id": a.activity_id, "kind": a.kind, "title": a.title, "url": a.url,
                                 "fields": list(a.fields), "rows": list(a.rows), "items": list(a.items),
                                 "areas": list(a.areas), "scale": list(a.scale)} for a in outline.activities],
        "required_pages": [{"id": r.page_id, "title": r.title, "url": r.url} for r in outline.readings],
        "brand": brand,
    }


def _question(question, *, salt: bytes) -> dict:
    """A question's id and type, and the ids an LMS report names answers by:
    options in the written order; ordering items and matching choices sorted,
    since their written order is the answer key."""
    entry = {"id": question.id, "type": question.type}
    if question.type in ("single", "multiple"):
        entry["options"] = [o.id for o in question.options]
    elif question.type == "ordering":
        entry["options"] = sorted(i.id for i in question.items)
    elif question.type == "matching":
        entry["options"] = [p.id for p in question.pairs]
        entry["choices"] = sorted(pair_token(salt, p.id) for p in question.pairs)
    return entry


def write_manifest(site_dir: Path, data: dict) -> Path:
    path = Path(site_dir) / FILE
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class BuiltSite:
    """One built language site and its manifest."""

    folder: Path
    data: dict

    @property
    def language(self) -> str:
        return self.data["language"]

    @property
    def course_id(self) -> str:
        return self.data["course"]["id"]

    @property
    def title(self) -> str:
        return self.data["course"]["title"]

    @property
    def modules(self) -> list[dict]:
        return self.data["modules"]


def read_site(folder: Path) -> BuiltSite:
    """The built site in ``folder``. Raises CourseError when it is not one."""
    path = Path(folder) / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CourseError(
            f"{folder} is not a built course (it has no {FILE}). Build the course first: "
            "mkdocs-course build."
        ) from None
    except (OSError, ValueError) as exc:
        raise CourseError(f"{path} cannot be read ({exc}). Build the course again: mkdocs-course build.") from None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("schema") != SCHEMA:
        raise CourseError(
            f"{path} was written by another version of mkdocs-course or is not a build manifest. "
            "Build the course again with this version: mkdocs-course build."
        )
    return BuiltSite(Path(folder), data)


def find_sites(site_dir: Path, languages: list[str] | None = None) -> list[BuiltSite]:
    """The built language sites under ``site_dir`` (``site/`` itself, or its
    language folders), in the course's language order; only ``languages``
    when given. Raises CourseError when none is built or one asked for is missing."""
    site_dir = Path(site_dir)
    if (site_dir / FILE).is_file():
        sites = [read_site(site_dir)]
    else:
        sites = [read_site(p.parent) for p in sorted(site_dir.glob(f"*/{FILE}"))]
    if not sites:
        raise CourseError(f"{site_dir} holds no built course. Build the course first: mkdocs-course build.")
    order = list(sites[0].data.get("languages") or {})
    sites.sort(key=lambda s: order.index(s.language) if s.language in order else len(order))
    if languages:
        found = {s.language: s for s in sites}
        missing = [code for code in languages if code not in found]
        if missing:
            raise CourseError(
                f"{site_dir} has no build for {', '.join(missing)} (it has {', '.join(found)}). "
                f"Build it first: mkdocs-course build --lang {missing[0]}."
            )
        sites = [found[code] for code in languages]
    return sites
