"""The "My progress" page: its Markdown stub and the widget that replaces it.

The widget is HTML rendered from ``templates/progress.html`` (autoescaped),
with a small JSON payload in ``<template data-course-progress-payload>`` for
``assets/js/progress.js``: the modules, the course version and the strings
the browser needs. The certificate's fixed text (title, wording,
organisation, logo, signature lines) is rendered here; the browser fills in
only the learner's name, dates, scores, version and id, always as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import __version__
from ..i18n.interface import INTERFACE
from ..quiz.render import script_json
from ..templating import template
from .outline import CourseOutline

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


def page_markdown(strings: dict | None = None) -> str:
    """The generated page's Markdown: a heading and the widget's marker."""
    t = dict(INTERFACE, **(strings or {}))
    return f"# {t['progress_title']}\n\n{MARKER}\n"


class ProgressPage:
    """Renders the progress widget for one language."""

    def __init__(self, outline: CourseOutline, certificate: CertificateText | None = None,
                 strings: dict | None = None):
        self.outline = outline
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
        payload = {
            "course": outline.course_id,
            "title": outline.title,
            "version": outline.version,
            "generator": f"mkdocs-course {__version__}",
            "modules": modules,
            "strings": {k: v for k, v in t.items() if k.startswith(PAYLOAD_PREFIXES)},
        }
        return self.template.render(
            t=t,
            course_title=outline.title,
            modules=modules,
            required_count=len(outline.required),
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
