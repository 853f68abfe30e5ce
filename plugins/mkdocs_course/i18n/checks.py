"""The checks every catalog passes before a build uses it.

A translation may not break the course or put markup or script in it:
plural forms must match the language, placeholders must be the source's
plain ``{name}`` placeholders, links must lead to allowed addresses (judged
after decoding, see quiz/markup.py), and texts that the theme writes into
the page as raw HTML (navigation titles, the site name ...) must hold no
HTML at all. Every refusal names the file, the line and the entry.
"""

from __future__ import annotations

import html
import re

from babel.messages.catalog import Catalog

from ..errors import CourseError
from ..quiz.markup import QuizMarkdown
from .interface import PLURAL_COUNTS
from .placeholders import placeholder_names, stray_brace

AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]*>", re.IGNORECASE)  # Markdown, not HTML
# A tag as a browser reads one: '<' then a letter, '/', '!' or '?', closed
# or not ('<img src=x onerror=alert(1)//' becomes an element too).
MARKUP = re.compile(r"</?[A-Za-z!?][^<>]*>?")
# Texts the theme (Material for MkDocs) writes into pages without escaping,
# between tags and inside attribute values, and the progress page's heading,
# which becomes a page title (Material's `<title>` decodes character codes
# with `striptags`): see docs/security.md.
RAW_HTML_CONTEXTS = ("nav", "config", "site/name", "site/description", "interface/progress_title")
RAW_HTML_SPECIAL = re.compile(r'[<"]|&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)')
ALLOWED_LINKS = (
    "Links may lead only to http:, https: or mailto: addresses, or to pages and "
    "files of the course (relative addresses)."
)


class CatalogError(CourseError):
    """A translation catalog that would break the course or inject markup."""

    def __init__(self, source: str, line: int, problem: str, advice: str = "", entry: str = ""):
        self.source, self.line, self.problem, self.advice, self.entry = source, line, problem, advice, entry
        super().__init__(str(self))

    def __str__(self):
        about = f"entry '{self.entry}': " if self.entry else ""
        text = f"{self.source}:{self.line}: {about}{self.problem}"
        if not text.endswith("."):
            text += "."
        return text + (" " + self.advice if self.advice else "")


_markdown: QuizMarkdown | None = None


def _refused_addresses(text: str) -> list[str]:
    global _markdown
    if "[" not in text and "<" not in text:
        return []
    if _markdown is None:
        _markdown = QuizMarkdown()
    return _markdown.refused_addresses(text)


def _raw_html_specials(text: str) -> list[str]:
    """'<', '"' and character references (which a browser decodes) in text."""
    return [m.group(0) for m in RAW_HTML_SPECIAL.finditer(text)
            if m.group(0) in '<"' or html.unescape(m.group(0)) != m.group(0)]


def check_catalog(catalog: Catalog, shown: str) -> None:
    """Plural counts, placeholders, markup and links of every translated entry.

    Raises CatalogError for the first problem.
    """
    zero_only = set()
    if catalog.num_plurals > 1:
        import gettext

        rule = gettext.c2py(catalog.plural_expr)
        zero_only = {rule(0)} - {rule(n) for n in range(1, 200)}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        entry = message.context or (message.id if isinstance(message.id, str) else message.id[0])
        line = message.lineno or 1
        sources = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)

        def fail(problem, advice):
            raise CatalogError(shown, line, problem, advice, entry)

        if isinstance(message.id, (tuple, list)) and len(strings) != catalog.num_plurals:
            fail(f"this entry has {len(strings)} plural forms, but the language has {catalog.num_plurals}",
                 "Write one msgstr[N] for each plural form of the language (see the Plural-Forms header).")
        context = message.context or ""
        for index, string in enumerate(strings):
            if not string:
                continue
            if context.startswith("interface/"):
                _check_braces(string, fail)
            if not (len(sources) > 1 and index in zero_only):  # Arabic's "none" form needs no number
                _check_placeholders(context, sources, string, fail)
            _check_links(sources, string, fail)
            _check_markup(sources, string, fail)
            if context in RAW_HTML_CONTEXTS:
                _check_raw_html(sources, string, fail)


def _check_braces(string: str, fail) -> None:
    # Interface strings are filled in (i18n/placeholders.py): braces are for placeholders only.
    stray = stray_brace(string)
    if stray is None:
        return
    name = re.match(r"\{(\w+)", stray, re.ASCII)
    if name:
        fail(f"the translation has {stray!r}, but a placeholder is only a name in braces",
             f"Write {{{name.group(1)}}} exactly as the source does, with nothing else inside the braces.")
    fail(f"the translation has a '{stray[0]}' that is not part of a placeholder",
         "Braces are kept for placeholders such as {count}; remove it, or use other characters "
         "such as parentheses.")


def _check_placeholders(context: str, sources, string: str, fail) -> None:
    wanted = placeholder_names(sources[-1]) | placeholder_names(sources[0])
    found = placeholder_names(string)
    # A plural form may spell out its number ("one question") instead of
    # the placeholder that chooses the form; no other may be left out.
    count = PLURAL_COUNTS.get(context.removeprefix("interface/")) if len(sources) > 1 else None
    if found == wanted or (count and found | {count} == wanted):
        return
    missing, extra = sorted(wanted - found), sorted(found - wanted)
    what = []
    if missing:
        what.append("drops " + ", ".join(f"{{{n}}}" for n in missing))
    if extra:
        what.append("adds " + ", ".join(f"{{{n}}}" for n in extra))
    fail(f"the translation {' and '.join(what)}",
         "Keep every {placeholder} of the source exactly as written, and add none.")


def _check_markup(sources, string: str, fail) -> None:
    source_tags = {m.lower() for s in sources for m in MARKUP.findall(AUTOLINK.sub("", s))}
    new_tags = [m for m in MARKUP.findall(AUTOLINK.sub("", string)) if m.lower() not in source_tags]
    if new_tags:
        fail(f"the translation contains markup or script ({new_tags[0]}) that the source does not",
             "Translations are plain text or Markdown; remove the HTML.")


def _check_links(sources, string: str, fail) -> None:
    source_addresses = {a for s in sources for a in _refused_addresses(s)}
    for address in _refused_addresses(string):
        if address not in source_addresses:
            fail(f"the translation links to {address!r}, which is not an allowed address "
                 "(read as a browser reads it, with its character codes decoded)",
                 ALLOWED_LINKS)


def _check_raw_html(sources, string: str, fail) -> None:
    allowed = {m for s in sources for m in _raw_html_specials(s)}
    for special in _raw_html_specials(string):
        if special not in allowed:
            fail(f"the translation contains {special!r}, but the theme writes this text into "
                 "the page as HTML, where it could become markup",
                 "Write plain text: no '<' and no '\"' (use typographic quotes such as “ ” or « »), "
                 "and the characters themselves instead of codes such as &amp; or &#60;.")
