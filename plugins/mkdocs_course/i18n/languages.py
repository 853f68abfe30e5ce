"""The languages of a course and the one a build is for: the rules.

Nothing here depends on MkDocs; the adapter passes the options in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ..errors import CourseError

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def course_languages(languages: dict[str, str] | None, source: str | None, default: str,
                     wanted: str | None) -> tuple[dict[str, str], str, str]:
    """(languages in order, source language, language of this build).

    ``languages`` maps codes to their own names (empty: one language,
    ``default``); ``wanted`` is the language asked for (None: the source).
    Raises CourseError for a code that is not a language code, a source
    outside the languages, or a build for a language the course lacks.
    """
    languages = dict(languages or {})
    source = source or (next(iter(languages)) if languages else default)
    if not languages:
        languages = {source: source}
    for code in languages:
        if not LANGUAGE_CODE.fullmatch(code):
            raise CourseError(
                f"the language code {code!r} under 'languages' is not a language code. "
                "Use codes such as en, fr, es, ar or pt-BR."
            )
    if source not in languages:
        raise CourseError(
            f"source_language '{source}' is not one of the course languages "
            f"({', '.join(languages)}). Add it under 'languages'."
        )
    language = wanted or source
    if language not in languages:
        raise CourseError(
            f"this build is for the language '{language}', which is not one of the "
            f"course languages ({', '.join(languages)}). Add it under 'languages' in mkdocs.yml, "
            "or run `mkdocs-course i18n init <code>`."
        )
    return languages, source, language


@lru_cache(maxsize=None)  # loading the locale data takes a moment
def is_rtl(language: str) -> bool:
    """True for languages written right to left (ar, he, fa, ur ...)."""
    try:
        return Locale.parse(language.replace("-", "_")).text_direction == "rtl"
    except (UnknownLocaleError, ValueError):
        return False
