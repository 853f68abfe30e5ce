"""The learner's journey: where am I, and what is next.

A *step* is a page that counts: it places a quiz, reading it is required, or
it is the first page to place an activity the course requires.
Steps are numbered in navigation order ("Module 3 of 6"). The build renders
what a learner sees of the journey (templates/journey.html), with the
wording for every case already in the page's language; the browser
(assets/js/journey.js, nav.js) only reads saved progress and picks:

- the progress line under the header of every page, linking to My progress;
- the module header of a step's page: its place, time and status;
- the end of a page that must be read, with "Mark as done";
- the course overview an author places on a page with the line
  ``[Course overview](course:overview)``: the start/continue button, the
  overall progress and every module with its status and time.

Status rules are the progress page's (docs/progress.md): a step is *done*
when every required quiz it places is passed, every required activity it
places first is done and, if it must be read, it has been read; a step with nothing required is done when all its quizzes pass.
Nothing here depends on MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from babel.numbers import format_decimal
from markupsafe import Markup

from ..quiz.errors import QuizError
from ..quiz.placement import find_placements, find_stray_links
from ..quiz.render import pick_plural, script_json
from ..templating import template
from .outline import CourseOutline

SCHEME = "course"
BLOCKS = ("overview",)
BLOCK_MARKER = "<!-- course-block:{name} -->"
READING_MARKER = "<!-- course-reading-end -->"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
FIRST_H1 = re.compile(r"<h1[\s>]")
# Strings the browser needs to write the journey (the rest is rendered).
PAYLOAD_STRINGS = (
    "journey_done_count", "journey_not_started", "journey_in_progress", "journey_done",
    "journey_start", "journey_continue", "journey_complete",
    "journey_next", "journey_get_certificate", "journey_review", "journey_my_progress",
    "journey_course_complete", "journey_read_done",
)


@dataclass(frozen=True)
class Step:
    """One page that counts towards the course: "Module {number} of {total}"."""

    page_id: str
    number: int
    title: str
    url: str  # site-relative
    minutes: int
    quizzes: tuple[str, ...]  # every quiz the page places, in page order
    required_quizzes: tuple[str, ...]
    reading: bool  # reading it is required
    activities: tuple = ()  # the RequiredActivity's it is the first page to place

    @property
    def required(self) -> bool:
        return bool(self.required_quizzes) or self.reading or bool(self.activities)


@dataclass(frozen=True)
class JourneyPage:
    """A page of the built course, in navigation order, as the journey needs it."""

    page_id: str
    url: str
    title: str
    minutes: int
    reading: bool


class Journey:
    """The steps of one language's course and what the pages show of them."""

    def __init__(self, outline: CourseOutline, pages: Sequence[JourneyPage], progress_url: str | None,
                 strings: dict, plural_table: str, language: str = "en"):
        self.outline = outline
        self.language = language
        self.progress_url = progress_url
        self.t = strings
        self.plural_table = plural_table
        quizzes_by_page = outline.quizzes_by_page()
        required = {m.quiz_id for m in outline.required}
        steps = []
        for page in pages:
            quizzes = quizzes_by_page.get(page.url, ())
            activities = tuple(a for a in outline.activities if a.url == page.url)
            if not quizzes and not page.reading and not activities:
                continue
            steps.append(Step(
                page.page_id, len(steps) + 1, page.title, page.url, page.minutes, tuple(quizzes),
                tuple(q for q in quizzes if q in required), page.reading, activities,
            ))
        self.steps = tuple(steps)
        self.by_url = {s.url: s for s in self.steps}

    @property
    def required_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.required)

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    def number(self, value: int) -> str:
        """A number written the way the page's language writes numbers."""
        try:
            return format_decimal(value, locale=self.language.replace("-", "_"))
        except Exception:  # a language code Babel does not know: plain digits
            return str(value)

    def plural(self, key: str, n: int) -> str:
        return pick_plural(self.t[key], n, self.plural_table)

    def duration(self, minutes: int) -> str:
        if minutes < 60:
            return self.plural("journey_minutes", minutes).format(minutes=self.number(minutes))
        hours, rest = divmod(minutes, 60)
        return self.t["journey_hours"].format(hours=self.number(hours), minutes=self.number(rest))

    def payload(self) -> Markup:
        """What every page's browser side reads (JSON, safe inside an attribute)."""
        return script_json({
            "title": self.outline.title,
            "modules": [
                {"id": s.page_id, "url": s.url, "quizzes": list(s.quizzes), "required": list(s.required_quizzes),
                 "reading": s.reading, "number": s.number,
                 "activities": [{"id": a.activity_id, "kind": a.kind, "fields": list(a.fields)} for a in s.activities]}
                for s in self.steps
            ],
            "total": len(self.required_steps),
            "progress": self.progress_url,
            "strings": {k: self.t[k] for k in PAYLOAD_STRINGS},
            "plural": self.plural_table,
        })

    # -- what the pages show ---------------------------------------------------

    def _render(self, macro: str, link: Callable[[str], str], **values) -> str:
        macros = template("journey.html").module
        return str(getattr(macros, macro)(t=self.t, journey=self, link=link, **values))

    def indicator(self, link: Callable[[str], str]) -> str:
        if not self.required_steps:
            return ""
        return self._render("indicator", link)

    def module_header(self, step: Step, link: Callable[[str], str]) -> str:
        return self._render("module_header", link, step=step)

    def reading_end(self, step: Step, link: Callable[[str], str]) -> str:
        return self._render("reading_end", link, step=step)

    def overview(self, link: Callable[[str], str]) -> str:
        return self._render("overview", link, steps=self.steps)

    def add_to_page(self, output: str, url: str, link: Callable[[str], str], *, progress_page: bool) -> str:
        """A built page with its part of the journey: the progress line (not
        on My progress, nor on a page showing the overview), the module
        header of a step, the end of a page that must be read, and any
        overview block placed on it."""
        step = self.by_url.get(url)
        has_overview = BLOCK_MARKER.format(name="overview") in output
        top = ""
        if not progress_page and not has_overview:
            top += self.indicator(link)
        if step is not None:
            top += self.module_header(step, link)
        if top:
            article = ARTICLE.search(output)
            if article:
                heading = FIRST_H1.search(output, article.end())
                at = heading.start() if heading else article.end()
                output = output[:at] + top + output[at:]
        if READING_MARKER in output:
            output = output.replace(READING_MARKER, self.reading_end(step, link) if step and step.reading else "", 1)
        if has_overview:
            output = output.replace(BLOCK_MARKER.format(name="overview"), self.overview(link))
        return output


# -- placing blocks ------------------------------------------------------------------


def check_blocks(markdown: str, shown: str) -> list[str]:
    """The course blocks a page places (``[Course overview](course:overview)``
    on a line of its own), in page order.

    Raises QuizError (file, line, column) for an unknown block, or a
    ``course:`` link that shares its line with other text.
    """
    if f"{SCHEME}:" not in markdown:
        return []
    for link in find_stray_links(markdown, SCHEME):
        raise QuizError(
            shown,
            (link.line, link.column),
            "this course link shares its line with other text, so it would reach learners as a dead link",
            "Put '[Course overview](course:overview)' on a line of its own to place the overview, "
            "or write the link inside `backticks` to show it as an example.",
        )
    names = []
    for placement in find_placements(markdown, SCHEME):
        if placement.quiz_id not in BLOCKS:
            raise QuizError(
                shown,
                (placement.line, placement.column),
                f"this page places the course block '{placement.quiz_id}', but there is no such block",
                f"Known blocks: {', '.join(BLOCKS)}, for example '[Course overview](course:overview)'.",
            )
        names.append(placement.quiz_id)
    return names
