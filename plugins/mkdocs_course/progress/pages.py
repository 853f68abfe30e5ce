"""Pages as the course sees them: a stable id, whether reading the page is
required, and how long it takes to study.

A page's id keys its reading progress in the learner's browser, so it must
not change with the page's address, its title or its language: it is the
``course.id`` in the page's front matter, else it is derived from the page's
path (``module-3.md`` -> ``module-3``, ``part-2/index.md`` -> ``part-2``).
Translated pages have the same path as their source page, so the same id.

Front matter, on the source-language page::

    ---
    course:
      id: safety-basics   # optional: keep progress when the file is renamed
      required: true      # reading this page is needed to complete the course
      minutes: 12         # optional: the time to study it, instead of the estimate
    ---

Nothing here depends on MkDocs.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

from ..errors import CourseError

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
FRONT_MATTER_KEYS = ("id", "required", "minutes")

# Silent reading speeds in words per minute, from the IReST study of 17
# languages (Trauzettel-Klosinski and Dietz, 2012); its mean is 184. A
# learner studying a module reads more slowly than that: STUDY scales the
# speed down, so that a 1,700-word English module takes about 14 minutes.
READING_SPEED = {
    "ar": 138, "de": 179, "en": 228, "es": 218, "fi": 161, "fr": 195, "he": 187, "it": 188,
    "nl": 202, "pl": 166, "pt": 181, "ru": 184, "sl": 180, "sv": 199, "tr": 166,
}
DEFAULT_SPEED = 184
# Languages written without spaces between words: characters per minute.
CHARACTER_SPEED = {"zh": 255, "ja": 357}
STUDY = 0.55
# A quiz question takes about a minute to read, answer and check.
MINUTES_PER_QUESTION = 1

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")
HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)


class PageError(CourseError, ValueError):
    """A page's course settings (front matter) cannot be used."""


@dataclass(frozen=True)
class PageSettings:
    """What a page's ``course:`` front matter says, checked."""

    page_id: str
    required: bool = False
    minutes: int | None = None


def derived_id(src_uri: str) -> str:
    """A page id from the page's path inside the docs folder.

    ``module-3.md`` -> ``module-3``; ``part-2/index.md`` -> ``part-2``;
    ``part-2/safety.md`` -> ``part-2-safety``; accents are dropped; a path
    with no Latin letter or digit left gets ``page-`` and a short hash.
    """
    path = re.sub(r"\.md$", "", src_uri)
    path = re.sub(r"(^|/)(index|README)$", "", path) or "index"
    folded = unicodedata.normalize("NFKD", path).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", folded).strip("-_")[:64].strip("-_")
    if not slug:
        slug = "page-" + hashlib.sha256(src_uri.encode("utf-8")).hexdigest()[:8]
    return slug


def page_settings(src_uri: str, meta: Mapping | None, shown: str) -> PageSettings:
    """The page's settings from its front matter (``meta``), checked.

    ``shown`` is the page's file as the author knows it, for messages.
    Raises PageError for a ``course`` block that is not a mapping, an
    unknown key, an id that is not an id, or a value of the wrong kind.
    """
    block = (meta or {}).get("course")
    if block is None:
        return PageSettings(derived_id(src_uri))
    if not isinstance(block, Mapping):
        raise PageError(
            f"{shown}: the front matter's 'course' is {_kind(block)}; it must be a mapping, "
            "for example 'course: {required: true}'."
        )
    unknown = [str(k) for k in block if k not in FRONT_MATTER_KEYS]
    if unknown:
        raise PageError(
            f"{shown}: the front matter's 'course' has the key '{unknown[0]}', which the course does "
            f"not know. Known keys: {', '.join(FRONT_MATTER_KEYS)}."
        )
    page_id = block.get("id", None)
    if page_id is None:
        page_id = derived_id(src_uri)
    elif not isinstance(page_id, str) or not ID.match(page_id):
        raise PageError(
            f"{shown}: the front matter's 'course.id' is '{page_id}'; a page id is 1 to 64 letters "
            "(A-Z, a-z), digits, '-' or '_', starting with a letter or digit, for example 'safety-basics'."
        )
    required = block.get("required", False)
    if not isinstance(required, bool):
        raise PageError(
            f"{shown}: the front matter's 'course.required' is '{required}'; write true (reading this "
            "page is required to complete the course) or false."
        )
    minutes = block.get("minutes", None)
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 600):
        raise PageError(
            f"{shown}: the front matter's 'course.minutes' is '{minutes}'; write a whole number of "
            "minutes from 1 to 600, for example 'minutes: 15', or leave it out to have it estimated."
        )
    return PageSettings(page_id, required, minutes)


def check_translation(source: PageSettings, translated: PageSettings, shown: str, source_shown: str) -> None:
    """A translated page keeps its source page's id and required flag:
    progress is shared by every language, so the rule must be the same.

    Raises PageError naming both files when they differ.
    """
    for what, mine, theirs in (("id", translated.page_id, source.page_id),
                               ("required", translated.required, source.required)):
        if mine != theirs:
            raise PageError(
                f"{shown}: the front matter's 'course.{what}' is '{_text(mine)}', but {source_shown} "
                f"says '{_text(theirs)}'. Progress is shared by every language, so a translation keeps "
                f"the source page's 'course.{what}': copy it, or leave it out of the translation."
            )


def check_unique(pages: Mapping[str, str]) -> None:
    """Two pages may not share an id. ``pages`` maps each page's file (as
    shown) to its id. Raises PageError naming both files."""
    seen: dict[str, str] = {}
    for shown, page_id in pages.items():
        if page_id in seen:
            raise PageError(
                f"{shown} and {seen[page_id]} both have the page id '{page_id}', so their reading "
                "progress would be mixed up. Give one of them its own id in its front matter, "
                "for example 'course: {id: " + page_id + "-2}'."
            )
        seen[page_id] = shown


def page_words(html: str, language: str) -> int:
    """How many words the page's HTML holds, the way ``language`` counts them
    (a character each in languages written without spaces)."""
    text = TAG.sub(" ", HIDDEN.sub(" ", html))
    if _base(language) in CHARACTER_SPEED:
        return sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch)[0] in "LN")
    return len(WORD.findall(text))


def study_minutes(words: int, language: str, questions: int = 0) -> int:
    """Minutes to study a page of ``words`` in ``language`` and answer its
    quiz questions: whole minutes, at least one."""
    base = _base(language)
    speed = CHARACTER_SPEED.get(base) or READING_SPEED.get(base, DEFAULT_SPEED)
    reading = words / (speed * STUDY)
    return max(1, math.ceil(reading + questions * MINUTES_PER_QUESTION))


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _kind(value) -> str:
    return "a list" if isinstance(value, list) else f"'{value}'"


def _text(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
