"""Options of the ``course`` plugin, as written under ``plugins:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CourseConfig(Config):
    enabled = c.Type(bool, default=True)

    # The course
    # A stable id for the course: learners' saved progress is stored under it,
    # so change it only to start every learner afresh. Defaults to a slug of
    # site_name.
    course_id = c.Optional(c.Type(str))

    # Quizzes
    quizzes_dir = c.Type(str, default="quizzes")
    pass_mark = c.Type((int, float), default=70)

    # Languages
    # The course's languages: code and the language's own name, in the order
    # the language switcher lists them, e.g. {en: English, fr: Français}.
    languages = c.DictOfItems(c.Type(str), default={})
    # The language pages and quizzes are written in (default: the first).
    source_language = c.Optional(c.Type(str))
    # The language of this build (default: the source language); set for each
    # build by `mkdocs-course build`, or by MKDOCS_COURSE_LANGUAGE.
    language = c.Optional(c.Type(str))
    # Pages live in <pages_dir>/<language>/; catalogs in <translations_dir>/.
    pages_dir = c.Type(str, default="course")
    translations_dir = c.Type(str, default="translations")

    # Build cache: loaded and rendered quizzes, keyed by content hashes, so
    # a rebuild only redoes quizzes whose file (or this tool) changed.
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/mkdocs-course")
