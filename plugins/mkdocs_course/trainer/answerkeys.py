"""The answer-key manifest: every quiz version the course has shipped, kept
for the trainer, outside the site.

A build writes one file per course, quiz, version and language::

    <answer_keys_dir>/<course id>/<quiz id>/<version>/<language>.json
    <answer_keys_dir>/<course id>/_course/<course version>.json

A quiz file holds what grading needs (question ids and types, option, pair
and item ids, the keys as the browser reads them, pass mark, draw) and the
plain text of the title, prompts, options, matches and explanations for
reports and the facilitator guide. Only accepted
fill-in answers (and the text) differ between languages; one file per
language lets the language builds, which run in parallel processes, write
without touching each other's files. A ``_course`` file records which quiz
versions a course version requires (``_`` cannot start a quiz id). Files
are never removed: a record made on an old version can still be checked.
Nothing here ever goes into the site folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import CourseError
from ..progress.outline import CourseOutline, plain_title
from ..quiz.markup import QuizMarkdown
from ..quiz.model import Quiz
from ..quiz.render import choice_tokens, quiz_salt

SCHEMA = 1
KIND_KEY = "mkdocs-course/answer-key"
KIND_COURSE = "mkdocs-course/course-version"
COURSE_FOLDER = "_course"
DEFAULT_DIR = "trainer/answer-keys"
README = "README.md"
README_TEXT = """\
# Answer keys (trainer only)

`mkdocs-course build` writes here the answer keys of every quiz version this
course has shipped, so that `mkdocs-course verify` can re-grade learners'
completion records made on any of them. Keep this folder with the course
source (commit it); never publish it or copy it into the site: it holds the
right answers. See docs/trainers.md.
"""


class AnswerKeyError(CourseError):
    """The answer-key manifest cannot be written or read."""


def question_key(question, salt: bytes, answers: Iterable[str] | None = None) -> dict:
    """One question's grading data exactly as the browser's C.grade reads it."""
    key = {"type": question.type, **question.answer_key()}
    if question.type == "matching":
        key["pairs"] = choice_tokens(salt, question)
    if question.type == "fill_blank" and answers is not None:
        key["answers"] = list(answers)
    return key


def quiz_key_file(course_id: str, quiz: Quiz, language: str, strings: Mapping[str, str] | None = None,
                  md: QuizMarkdown | None = None) -> dict:
    """The answer-key file of one quiz version in one language. ``quiz`` is
    the quiz as that language's build has it (translated text, that
    language's accepted fill-in answers, the source's version). ``md``: one
    converter for all of a build's quizzes (making one costs more than the
    texts of a quiz)."""
    md = md or QuizMarkdown()
    salt = quiz_salt(course_id, quiz)
    strings = strings or {}

    def text(markdown: str) -> str:
        return plain_title(markdown, md) if markdown else ""

    questions = []
    for q in quiz.questions:
        entry = {"id": q.id, "type": q.type, "prompt": text(q.prompt), "key": question_key(q, salt)}
        if q.explanation:  # for the facilitator guide (facilitator/guide.py)
            entry["explanation"] = text(q.explanation)
        if q.type in ("single", "multiple"):
            entry["options"] = [{"id": o.id, "text": text(o.text)} for o in q.options]
        elif q.type == "true_false":
            entry["options"] = [{"id": "true", "text": strings.get("true", "True")},
                                {"id": "false", "text": strings.get("false", "False")}]
        elif q.type == "matching":
            entry["pairs"] = [{"id": p.id, "text": text(p.left), "match": text(p.right)} for p in q.pairs]
        elif q.type == "ordering":
            entry["items"] = [{"id": i.id, "text": text(i.text)} for i in q.items]
        questions.append(entry)
    return {
        "schema": SCHEMA, "kind": KIND_KEY, "course": course_id, "quiz": quiz.id,
        "version": quiz.version, "language": language, "title": text(quiz.title),
        "pass_mark": quiz.pass_mark, "draw": quiz.draw, "questions": questions,
    }


def course_version_file(outline: CourseOutline, source_language: str) -> dict:
    return {
        "schema": SCHEMA, "kind": KIND_COURSE, "course": outline.course_id, "version": outline.version,
        "source_language": source_language,
        "required": {m.quiz_id: m.version for m in outline.required},
        "readings": [r.page_id for r in outline.readings],  # pages to read (older files: none)
        # activities to do (older files: none): an action plan's fields say when a row is filled
        "activities": {a.activity_id: {"kind": a.kind, "fields": list(a.fields)} for a in outline.activities},
        "modules": [m.quiz_id for m in outline.modules],
    }


def write_if_changed(path: Path, data: dict) -> bool:
    """Write JSON atomically (another language's build may be reading), only when it changed."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
    return True


def key_file(folder: Path, course_id: str, quiz: Quiz, language: str) -> Path:
    """Where one quiz version's answer keys for one language live."""
    return Path(folder) / course_id / quiz.id / quiz.version / f"{language}.json"


def write_answer_keys(folder: Path, course_id: str, language: str, quizzes: Iterable[Quiz],
                      outline: CourseOutline | None, source_language: str,
                      strings: Mapping[str, str] | None = None) -> list[Path]:
    """Write (or keep) the answer keys of one language's build; returns the files changed.
    Raises AnswerKeyError when the folder cannot be written."""
    folder = Path(folder)
    changed = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / README).exists():
            (folder / README).write_text(README_TEXT, encoding="utf-8")
        base = folder / course_id
        md = QuizMarkdown()
        for quiz in quizzes:
            path = key_file(folder, course_id, quiz, language)
            if write_if_changed(path, quiz_key_file(course_id, quiz, language, strings, md)):
                changed.append(path)
        if outline is not None and outline.modules:
            path = base / COURSE_FOLDER / f"{outline.version}.json"
            if write_if_changed(path, course_version_file(outline, source_language)):
                changed.append(path)
    except OSError as exc:
        raise AnswerKeyError(
            f"the answer keys cannot be written to {folder} ({exc.strerror or exc}). "
            "Make the folder writable, or set answer_keys_dir to another folder outside the site."
        ) from None
    return changed


def check_answer_keys_dir(folder: Path, site_dir: Path, docs_dirs: Iterable[Path]) -> None:
    """Raises AnswerKeyError when the answer keys would be published: inside
    the site folder or a folder of pages."""
    folder = Path(folder).resolve()
    for inside, what in [(Path(site_dir).resolve(), "the site folder"),
                         *((Path(d).resolve(), "a folder of pages") for d in docs_dirs)]:
        if folder == inside or inside in folder.parents or folder in inside.parents:
            raise AnswerKeyError(
                f"answer_keys_dir is {folder}, which is or holds {what} ({inside}), so learners would "
                "receive the right answers. Set answer_keys_dir to a folder outside the site and the "
                f"pages, such as the default '{DEFAULT_DIR}'."
            )


# -- reading -----------------------------------------------------------------


@dataclass
class QuizVersion:
    """One version of one quiz, with its key file per language."""

    quiz: str
    version: str
    by_language: dict[str, dict] = field(default_factory=dict)

    @property
    def any(self) -> dict:
        return next(iter(self.by_language.values()))

    def for_language(self, language: str) -> dict:
        return self.by_language.get(language) or self.any

    def text_language(self, preferred: str) -> dict:
        """The key file whose text a report shows: ``preferred``'s, else any."""
        return self.for_language(preferred)

    def questions(self, language: str) -> dict[str, dict]:
        return {q["id"]: q for q in self.for_language(language)["questions"]}


@dataclass
class AnswerKeys:
    folder: Path
    quizzes: dict[tuple[str, str], dict[str, QuizVersion]]  # (course, quiz) -> version -> keys
    courses: dict[str, dict[str, dict]]  # course -> course version -> its file

    @property
    def course_ids(self) -> list[str]:
        return sorted({c for c, _ in self.quizzes} | set(self.courses))

    def source_language(self, course: str) -> str:
        """The language the course is written in (for the text of reports)."""
        versions = self.courses.get(course, {})
        return next((v.get("source_language", "") for v in versions.values()), "")

    def knows_quiz(self, course: str, quiz: str) -> bool:
        return (course, quiz) in self.quizzes

    def version(self, course: str, quiz: str, version: str) -> QuizVersion | None:
        return self.quizzes.get((course, quiz), {}).get(version)


def _read_json(path: Path, kind: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnswerKeyError(
            f"{path} cannot be read ({exc}). Restore it from the course's version control, "
            "or rebuild the course to write it again."
        ) from None
    if not isinstance(data, dict) or data.get("kind") != kind or data.get("schema") != SCHEMA:
        raise AnswerKeyError(f"{path} is not an answer-key file this version of mkdocs-course reads ({kind}, schema {SCHEMA}).")
    return data


def load_answer_keys(folder: Path) -> AnswerKeys:
    """Every answer-key file under ``folder``. Raises AnswerKeyError when the
    folder does not exist or holds a damaged file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AnswerKeyError(
            f"there are no answer keys in {folder}. Build the course (mkdocs-course build) in its "
            "project folder to write them, or give their folder with --answer-keys."
        )
    quizzes: dict[tuple[str, str], dict[str, QuizVersion]] = {}
    courses: dict[str, dict[str, dict]] = {}
    for path in sorted(folder.glob("*/*/*.json")):
        if path.parent.name == COURSE_FOLDER and not path.name.startswith("."):
            data = _read_json(path, KIND_COURSE)
            courses.setdefault(data["course"], {})[data["version"]] = data
    for path in sorted(folder.glob("*/*/*/*.json")):
        if path.name.startswith("."):  # a write another build has not finished
            continue
        data = _read_json(path, KIND_KEY)
        versions = quizzes.setdefault((data["course"], data["quiz"]), {})
        versions.setdefault(data["version"], QuizVersion(data["quiz"], data["version"])).by_language[data["language"]] = data
    if not quizzes:
        raise AnswerKeyError(
            f"{folder} holds no answer keys. Build the course (mkdocs-course build) to write them."
        )
    return AnswerKeys(folder, quizzes, courses)
