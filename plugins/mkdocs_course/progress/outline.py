"""The course outline: which quizzes make up the course, in what order, and
what completes it.

A *module* here is one quiz placed on a page: the progress page lists them in
navigation order, each with its page, pass mark and whether it is required
for the certificate. Nothing here depends on MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..errors import CourseError
from ..quiz.markup import QuizMarkdown
from ..quiz.model import Quiz

TAG = re.compile(r"<[^>]+>")


class OutlineError(CourseError, ValueError):
    """The course settings cannot make a course a learner could complete."""


@dataclass(frozen=True)
class PlacedPage:
    """A page of the built course and the quizzes it places, in page order."""

    src_uri: str
    url: str  # site-relative URL, as MkDocs gives it ("module-1/", "" for the home page)
    title: str
    quiz_ids: tuple[str, ...]
    page_id: str = ""  # progress/pages.py: the id reading progress is kept under
    reading: bool = False  # reading the page is required to complete the course


@dataclass(frozen=True)
class Reading:
    """A page the learner must read (to its end, or "Mark as done") to complete the course."""

    page_id: str
    title: str
    url: str


@dataclass(frozen=True)
class RequiredActivity:
    """An activity the learner must do to complete the course (``required_activities``):
    a self-assessment whose result was shown once, or an action plan with a
    row whose every field is filled (``activities.model.activity_done``)."""

    activity_id: str
    kind: str
    title: str
    url: str  # site-relative URL of the first page that places it
    fields: tuple[str, ...] = ()  # an action plan's field ids
    # the ids a saved copy may hold, for the size of SCORM's suspend_data (export/scorm_suspend.py)
    rows: tuple[str, ...] = ()  # an action plan's rows
    items: tuple[str, ...] = ()  # a self-assessment's statements
    areas: tuple[str, ...] = ()
    scale: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    """One quiz of the course as learners' progress sees it."""

    quiz_id: str
    title: str  # plain text: the page title, plus the quiz title when a page places several
    url: str  # the site-relative URL of the page that places the quiz
    pass_mark: float
    required: bool
    version: str  # Quiz.version of the quiz as built


@dataclass(frozen=True)
class CourseOutline:
    course_id: str
    title: str
    modules: tuple[Module, ...]
    readings: tuple[Reading, ...] = ()  # required reading, in navigation order
    activities: tuple[RequiredActivity, ...] = ()  # required activities, in course order

    @property
    def required(self) -> tuple[Module, ...]:
        return tuple(m for m in self.modules if m.required)

    @property
    def version(self) -> str:
        """The course version: a short hash of the required quizzes and their
        versions, of the pages that must be read and of the activities that must be done."""
        return course_version({m.quiz_id: m.version for m in self.required}, [r.page_id for r in self.readings],
                              [a.activity_id for a in self.activities])

    def quizzes_by_page(self) -> dict[str, tuple[str, ...]]:
        """Site-relative page URL -> the quiz ids it places (for marking the navigation)."""
        pages: dict[str, list[str]] = {}
        for module in self.modules:
            pages.setdefault(module.url, []).append(module.quiz_id)
        return {url: tuple(ids) for url, ids in pages.items()}


def course_version(versions: Mapping[str, str], readings: Iterable[str] = (), activities: Iterable[str] = ()) -> str:
    """A short hash of quiz ids and their versions, and of the ids of the
    pages that must be read and of the activities that must be done.

    The lines are ``<quiz id>:<version>``, sorted by id, then
    ``read/<page id>``, sorted (a quiz id has no '/'), then
    ``activity/<activity id>``, sorted, each ending in a newline: a course
    without required reading or activities keeps the hash it had. The
    browser computes the same hash (``certificate.js``) over the versions of
    the attempts a certificate rests on, so a certificate can say which
    version of the course it was earned on.
    """
    text = "".join(f"{quiz_id}:{versions[quiz_id]}\n" for quiz_id in sorted(versions))
    text += "".join(f"read/{page_id}\n" for page_id in sorted(set(readings)))
    text += "".join(f"activity/{activity_id}\n" for activity_id in sorted(set(activities)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def normalise_name(name: str) -> str:
    """A learner's name as printed: NFC, runs of spaces made one, trimmed."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def certificate_id(course_id: str, version: str, name: str, attempt_ids: Iterable[str]) -> str:
    """The id printed on a certificate, as the browser computes it.

    The first 12 hex digits of SHA-256 over the course id, the course version
    the certificate was earned on, the learner's name and the ids of the
    attempts it rests on (sorted), one per line; upper case, in groups of
    four: ``3F2A-9C01-B7D4``. It names a certificate; it does not prove one
    (anyone can compute it).
    """
    lines = [course_id, version, normalise_name(name), *sorted(attempt_ids)]
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


def plain_title(markdown_title: str, md: QuizMarkdown | None = None) -> str:
    """A quiz title (inline Markdown) as plain text."""
    rendered = (md or QuizMarkdown()).inline(markdown_title)
    return html.unescape(TAG.sub("", rendered)).strip()


def build_outline(
    course_id: str,
    title: str,
    pages: Sequence[PlacedPage],
    quizzes: Mapping[str, Quiz],
    required: Sequence[str] | None = None,
    activities: Sequence[RequiredActivity] = (),
) -> CourseOutline:
    """The modules of a course from its pages in navigation order.

    A quiz placed on several pages counts once, at its first page. With
    ``required`` None every placed quiz is required. A page with ``reading``
    set must be read: it is one of the outline's ``readings``; ``activities``
    are the required activities, already checked as placed.

    Raises OutlineError when a required quiz is placed on no page.
    """
    md = QuizMarkdown()
    modules: list[Module] = []
    seen: set[str] = set()
    for page in pages:
        ids = [q for q in dict.fromkeys(page.quiz_ids) if q in quizzes]
        for quiz_id in ids:
            if quiz_id in seen:
                continue
            seen.add(quiz_id)
            quiz = quizzes[quiz_id]
            name = page.title or plain_title(quiz.title, md)
            if len(ids) > 1:
                name = f"{name}: {plain_title(quiz.title, md)}"
            modules.append(
                Module(
                    quiz_id=quiz_id,
                    title=name,
                    url=page.url,
                    pass_mark=quiz.pass_mark,
                    required=required is None or quiz_id in required,
                    version=quiz.version,
                )
            )
    check_required(required, seen)
    readings = tuple(Reading(p.page_id, p.title, p.url) for p in pages if p.reading)
    return CourseOutline(course_id, title, tuple(modules), readings, tuple(activities))


def check_required(required: Sequence[str] | None, placed: Iterable[str]) -> None:
    """Raises OutlineError when a required quiz is placed on no page."""
    placed = set(placed)
    missing = [q for q in dict.fromkeys(required or ()) if q not in placed]
    if missing:
        names = ", ".join(f"'{q}'" for q in missing)
        raise OutlineError(
            f"required lists {names}, but no page places "
            f"{'it' if len(missing) == 1 else 'them'}, so no learner could complete the course. "
            "Place each required quiz on a page, or remove it from required."
        )


def check_required_ids(required: Sequence[str] | None, known: Iterable[str]) -> None:
    """Raises OutlineError when ``required`` is empty or names unknown quizzes."""
    if required is None:
        return
    if not required:
        raise OutlineError(
            "required is an empty list, so every learner would complete the course "
            "without passing a quiz. List the ids of the quizzes a learner must pass, or leave "
            "required out to require every quiz."
        )
    known = set(known)
    unknown = [q for q in dict.fromkeys(required) if q not in known]
    if unknown:
        names = ", ".join(f"'{q}'" for q in unknown)
        listed = ", ".join(sorted(known)) or "none"
        raise OutlineError(
            f"required lists {names}, but no quiz has "
            f"{'that id' if len(unknown) == 1 else 'those ids'}. Known quiz ids: {listed}."
        )
