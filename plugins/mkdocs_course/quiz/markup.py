"""Markdown for quiz text, without any way to inject markup or script.

Quiz text (and later its translations) is Markdown. Raw HTML is not allowed
in it: it is shown as the literal characters typed, and links or images may
only point to http(s), mailto or relative addresses.
"""

from __future__ import annotations

import html
import re

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_URL = re.compile(r"^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)
SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# One line of text with nothing Markdown would act on: most quiz text. It is
# escaped and wrapped directly, which gives what Markdown would, much faster.
PLAIN_LINE = re.compile(r"^(?=\S)(?![-+=>#]|\d+[.)])[^*_`\[\]<>&\\!#~|\x00-\x1f\x7f-\x9f\u2028\u2029]+(?<=\S)\Z")


class _UrlGuard(Treeprocessor):
    """Drop link and image addresses with a scheme such as ``javascript:``."""

    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                # browsers ignore control characters and spaces in schemes
                compact = re.sub(r"[\x00-\x20]", "", value)
                if not SAFE_URL.match(compact):
                    element.set(attribute, "#")


class QuizMarkdown:
    """Converts quiz text to HTML; one instance is reused for speed."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_UrlGuard(self._md), "course_url_guard", 0)
        self._cache: dict[str, str] = {}

    def block(self, text: str) -> str:
        """Markdown blocks (paragraphs, lists) as HTML."""
        if not text:
            return ""
        cached = self._cache.get(text)
        if cached is None:
            if PLAIN_LINE.match(text):
                cached = f"<p>{html.escape(text, quote=False)}</p>"
            else:
                cached = self._md.reset().convert(text)
            self._cache[text] = cached
        return cached

    def inline(self, text: str) -> str:
        """Markdown for one line (emphasis, code, links) as HTML, no <p>."""
        html = self.block(text)
        match = SINGLE_PARAGRAPH.match(html)
        return match.group(1) if match and "<p>" not in match.group(1) else html

    def is_inline(self, text: str) -> bool:
        html = self.block(text)
        match = SINGLE_PARAGRAPH.match(html)
        return bool(match) and "<p>" not in match.group(1)
