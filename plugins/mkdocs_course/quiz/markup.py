"""Markdown for quiz text, without any way to inject markup or script.

Quiz text (and its translations) is Markdown. Raw HTML is not allowed in it:
it is shown as the literal characters typed. Links and images may only lead
to http(s) or mailto addresses, or to relative ones; the address is judged
the way a browser reads it (character references decoded, control
characters and spaces dropped), so ``javascript&#58;`` is refused as surely
as ``javascript:``.
"""

from __future__ import annotations

import html
import re

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

ALLOWED_SCHEMES = ("http", "https", "mailto")
# What a browser takes as a URL's scheme (WHATWG URL): a letter, then
# letters, digits, '+', '-' or '.', up to the first ':'.
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers drop C0 controls and spaces around an address and tabs and line
# breaks inside it. Dropping every control, space and invisible character
# anywhere is stricter: it can only turn a relative address into one with a
# scheme, never hide a scheme a browser would see.
IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
DECODE_ROUNDS = 8
SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# One line of text with nothing Markdown would act on: most quiz text. It is
# escaped and wrapped directly, which gives what Markdown would, much faster.
PLAIN_LINE = re.compile(r"^(?=\S)(?![-+=>#]|\d+[.)])[^*_`\[\]<>&\\!#~|\x00-\x1f\x7f-\x9f\u2028\u2029]+(?<=\S)\Z")


def address_scheme(address: str) -> str | None:
    """The scheme a browser would see in ``address`` ("javascript"), lower
    case, or None for a relative address. Character references are decoded
    until nothing changes (a browser decodes once; more is only stricter);
    an address that keeps changing counts as the scheme "&"."""
    text = address.replace(AMP_SUBSTITUTE, "&")
    for _ in range(DECODE_ROUNDS):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    else:
        return "&"
    match = SCHEME.match(IGNORED.sub("", text))
    return match.group(1).lower() if match else None


def is_allowed_address(address: str) -> bool:
    """True for http(s), mailto and relative addresses, judged after decoding."""
    scheme = address_scheme(address)
    return scheme is None or scheme in ALLOWED_SCHEMES


def shown_address(address: str) -> str:
    """An address as the author wrote it, for messages."""
    return address.replace(AMP_SUBSTITUTE, "&")


class _UrlGuard(Treeprocessor):
    """Replace link and image addresses that are not allowed with '#'."""

    def __init__(self, md):
        super().__init__(md)
        self.refused: list[str] = []

    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_allowed_address(value):
                    self.refused.append(shown_address(value))
                    element.set(attribute, "#")


class QuizMarkdown:
    """Converts quiz text to HTML; one instance is reused for speed."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._guard = _UrlGuard(self._md)
        # after 'unescape' (priority 0), so backslash escapes are resolved first
        self._md.treeprocessors.register(self._guard, "course_url_guard", -1)
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

    def refused_addresses(self, text: str) -> list[str]:
        """The link and image addresses in ``text`` that would be replaced
        with '#', as written (for the catalog check's messages)."""
        if "[" not in text and "<" not in text:
            return []  # no link, image or autolink can be written without them
        self._guard.refused = []
        self._md.reset().convert(text)
        return list(self._guard.refused)

    def visible_text(self, text: str) -> str:
        """What a learner reads of one line of quiz text: the rendered HTML
        without its tags, spaces collapsed (``*x*`` and ``_x_`` are both 'x')."""
        shown = html.unescape(re.sub(r"<[^>]*>", "", self.inline(text)))
        return " ".join(shown.split())


_shared: QuizMarkdown | None = None


def visible_text(text: str) -> str:
    """``QuizMarkdown.visible_text`` with one instance made on first use."""
    global _shared
    if _shared is None:
        _shared = QuizMarkdown()
    return _shared.visible_text(text)
