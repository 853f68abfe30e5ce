"""The "My progress" page: its Markdown stub and the widget that replaces it.

The widget is HTML rendered from ``templates/progress.html`` (autoescaped),
with a small JSON payload in ``<template data-course-progress-payload>`` for
``assets/js/progress.js``: the modules, the course version and the strings
the browser needs. The certificate's fixed text (title, wording,
organisation, logo, signature lines) is rendered here; the browser fills in
only the learner's name, dates, scores, version and id, always as text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable

from .. import __version__
from ..i18n.interface import INTERFACE
from ..quiz.render import script_json
from ..templating import template
from .outline import CourseOutline, OutlineError

MARKER = "<!-- course-progress -->"
# Strings the browser needs, by key prefix.
PAYLOAD_PREFIXES = ("progress_", "certificate_", "record_", "export", "import_")


@dataclass(frozen=True)
class Signature:
    name: str
    role: str = ""


@dataclass(frozen=True)
class CertificateText:
    """What the course sets on its certificates; empty text means the default wording."""

    title: str = ""
    wording: str = ""
    organisation: str = ""
    logo: str = ""  # site-relative path of the logo image, "" for none
    signatures: tuple[Signature, ...] = ()


# Python-Markdown's backslash escapes: the heading shows these as typed
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def page_markdown(strings: dict | None = None) -> str:
    """The generated page's Markdown: a heading and the widget's marker.

    The heading is the (translated) page title, written as plain text: no
    Markdown in it takes effect. The catalog check refuses '<', '"' and
    character codes in it, which the theme's page title would turn into markup.
    """
    t = dict(INTERFACE, **(strings or {}))
    title = MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(t["progress_title"].split()))
    return f"# {title}\n\n{MARKER}\n"


class ProgressPage:
    """Renders the progress widget for one language."""

    def __init__(self, outline: CourseOutline, certificate: CertificateText | None = None,
                 strings: dict | None = None, activities: list[dict] | None = None):
        self.outline = outline
        # the course's activities ({id, kind, title, version}), for the completion record
        self.activities = activities or []
        self.certificate = certificate or CertificateText()
        self.strings = dict(INTERFACE, **(strings or {}))
        self.template = template("progress.html")

    def render(self, link: Callable[[str], str], script: str, stylesheet: str) -> str:
        """The widget HTML.

        ``link`` turns a site-relative URL into an address relative to the
        progress page; ``script`` and ``stylesheet`` are the site-relative
        paths of the progress runtime.
        """
        t, outline, cert = self.strings, self.outline, self.certificate
        modules = [
            {
                "quiz": m.quiz_id,
                "title": m.title,
                "href": link(m.url),
                "passMark": m.pass_mark,
                "required": m.required,
                "version": m.version,
            }
            for m in outline.modules
        ]
        readings = [{"page": r.page_id, "title": r.title, "href": link(r.url)} for r in outline.readings]
        # activities to do, with the page that places each (the rule: activity_done)
        todo = [{"id": a.activity_id, "kind": a.kind, "title": a.title, "href": link(a.url), "fields": list(a.fields)}
                for a in outline.activities]
        payload = {
            "course": outline.course_id,
            "title": outline.title,
            "version": outline.version,
            "generator": f"mkdocs-course {__version__}",
            "modules": modules,
            "readings": readings,
            "activities": self.activities,
            "requiredActivities": todo,
            "strings": {k: v for k, v in t.items() if k.startswith(PAYLOAD_PREFIXES)},
        }
        return self.template.render(
            t=t,
            course_title=outline.title,
            modules=modules,
            readings=readings,
            activities=self.activities,
            todo=todo,
            required_count=len(outline.required) + len(readings) + len(todo),
            certificate={
                "title": cert.title or t["certificate_title"],
                "wording": cert.wording or t["certificate_wording"],
                "organisation": cert.organisation,
                "logo": link(cert.logo) if cert.logo else "",
                "signatures": cert.signatures,
            },
            script=link(script),
            stylesheet=link(stylesheet),
            payload=script_json(payload),
        )


def progress_page_path(value: str) -> str:
    """The generated page's path inside the docs folder, normalised.

    Raises OutlineError for a path outside the docs folder or not a Markdown page.
    """
    page = posixpath.normpath(value.strip())
    if not page.endswith(".md") or page.startswith(("/", "../")) or page == "..":
        raise OutlineError(
            f"progress_page is '{value}'; it must be the path of a Markdown page inside the docs "
            "folder, ending in .md, for example progress.md."
        )
    return page


def check_page_files(progress_page: str, logo: str | None, exists: Callable[[str], bool], docs_shown: str) -> None:
    """The generated page must not replace an author's page; the logo must exist.

    ``exists`` tells whether a path inside the docs folder is a file of the
    site; ``docs_shown`` is the docs folder as the author knows it.
    """
    if exists(progress_page):
        raise OutlineError(
            f"progress_page is '{progress_page}', but {docs_shown}/{progress_page} already exists. The "
            "course writes that page itself: rename your page, or set progress_page to another path."
        )
    if logo and not exists(posixpath.normpath(logo)):
        raise OutlineError(
            f"certificate.logo is '{logo}', but {docs_shown}/{logo} does not exist. Give the path of "
            f"an image inside {docs_shown}/, for example images/logo.svg."
        )
