"""Gettext catalogs of a course: what to translate, and the translations.

Every entry has a context (``msgctxt``) made of stable ids, so a translation
belongs to one field of one question, never to a wording that happens to be
equal elsewhere:

- ``<quiz>/title``, ``<quiz>/description``
- ``<quiz>/<question>/prompt`` (also ``hint``, ``explanation``, ``unit``,
  ``feedback/correct``, ``feedback/incorrect``, ``answers``)
- ``<quiz>/<question>/option/<id>`` and ``.../option/<id>/feedback``
- ``<quiz>/<question>/pair/<id>/left`` and ``.../right``, ``.../item/<id>``
- ``interface/<key>`` for the strings the course shows learners
- ``nav`` for navigation titles, ``site/name`` and ``site/description``

Answer keys are not in the catalog: which option is correct lives only in
the quiz files. The accepted answers of a fill-in-the-blank question are the
one exception, because the right word differs by language.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, unescape, write_po

from ..quiz.model import Quiz
from .checks import CatalogError, check_catalog  # noqa: F401 (CatalogError is public here)
from .interface import INTERFACE, INTERFACE_NOTES, PLURAL_COUNTS, PLURALS
from .placeholders import PLACEHOLDER
from .plurals import default_rule, has_own_rule, set_rule

# -- what to translate -----------------------------------------------------------


@dataclass
class Entry:
    context: str
    text: str | tuple[str, str]
    comment: str = ""
    locations: list[tuple[str, int]] = field(default_factory=list)


def quiz_entries(quiz: Quiz) -> list[Entry]:
    """The translatable text of one quiz, in file order."""
    q_id = quiz.id
    out = [Entry(f"{q_id}/title", quiz.title, f"Title of the quiz '{q_id}'.")]
    if quiz.description:
        out.append(Entry(f"{q_id}/description", quiz.description, "Introduction shown above the quiz (Markdown)."))
    for q in quiz.questions:
        base = f"{q_id}/{q.id}"
        kind = q.type.replace("_", " ")
        out.append(Entry(f"{base}/prompt", q.prompt, f"Question '{q.id}' ({kind}): the question text (Markdown)."))
        for o in q.options:
            out.append(Entry(f"{base}/option/{o.id}", o.text, f"Question '{q.id}': the text of option '{o.id}'."))
            if o.feedback:
                out.append(Entry(f"{base}/option/{o.id}/feedback", o.feedback,
                                 f"Question '{q.id}': feedback shown for option '{o.id}' after checking."))
        if q.type == "fill_blank":
            out.append(Entry(f"{base}/answers", "\n".join(q.answers),
                             "Accepted answers, one per line. Give every form a learner of your "
                             "language may rightly type; letter case and extra spaces do not matter."))
        if q.unit:
            out.append(Entry(f"{base}/unit", q.unit, f"Question '{q.id}': the unit shown after the number box."))
        for p in q.pairs:
            out.append(Entry(f"{base}/pair/{p.id}/left", p.left, f"Question '{q.id}': left side of pair '{p.id}'."))
            out.append(Entry(f"{base}/pair/{p.id}/right", p.right, f"Question '{q.id}': right side of pair '{p.id}'."))
        for i in q.items:
            out.append(Entry(f"{base}/item/{i.id}", i.text, f"Question '{q.id}': ordering item '{i.id}'."))
        for name, text, note in (
            ("hint", q.hint, "a hint the learner may open"),
            ("explanation", q.explanation, "the explanation shown after checking"),
            ("feedback/correct", q.feedback_correct, "feedback for a right answer"),
            ("feedback/incorrect", q.feedback_incorrect, "feedback for a wrong answer"),
        ):
            if text:
                out.append(Entry(f"{base}/{name}", text, f"Question '{q.id}': {note} (Markdown)."))
    for entry in out:
        entry.locations.append((quiz.source, None))
    return out


def interface_entries() -> list[Entry]:
    out = []
    for key, text in INTERFACE.items():
        text = PLURALS.get(key, text)
        note = INTERFACE_NOTES.get(key, "")
        names = sorted(set(PLACEHOLDER.findall(text if isinstance(text, str) else text[1])))
        if names:
            note += (" " if note else "") + "Keep the placeholders " + ", ".join(f"{{{n}}}" for n in names) + " as they are."
        if key in PLURAL_COUNTS:
            note += f" The number {{{PLURAL_COUNTS[key]}}} chooses the plural form."
        out.append(Entry(f"interface/{key}", text, note.strip()))
    return out


def template(entries: list[Entry], project: str) -> Catalog:
    """The .pot template holding every entry."""
    catalog = Catalog(project=project, fuzzy=False, header_comment="# Translation template of the course.")
    for e in entries:
        catalog.add(e.text, context=e.context, auto_comments=[e.comment] if e.comment else [],
                    locations=e.locations)
    return catalog


# -- reading translations ------------------------------------------------------


def babel_code(language: str) -> str:
    """pt-BR (as in URLs and HTML) is pt_BR for the locale data."""
    return language.replace("-", "_")


def _has_text(message: Message) -> bool:
    string = message.string
    return all(string) if isinstance(string, (tuple, list)) else bool(string)


# Contexts shared by many entries, told apart by their text: navigation
# titles, and texts from mkdocs.yml (certificate lines, palette toggles ...).
TEXT_KEYED = ("nav", "config")


def _key(context: str, msgid):
    return (context, msgid) if context in TEXT_KEYED else context


class Translations:
    """One language's translations, with fallback to the source text.

    A missing, empty or fuzzy translation, or one made for another wording
    of the source (the msgid no longer matches), gives the source text.
    """

    def __init__(self, catalog: Catalog | None, language: str, builtin: Catalog | None = None):
        self.language = language
        self.catalog = catalog
        self.builtin = builtin
        self._by_context: dict = {}
        # The package's own interface translations first, the course's over them.
        for source in (builtin, catalog):
            for message in source or ():
                if message.id and message.context and _has_text(message):
                    self._by_context[_key(message.context, message.id)] = message

    def has(self, context: str, source: str) -> bool:
        message = self._by_context.get(_key(context, source))
        return message is not None and not message.fuzzy and message.id == source

    def get(self, context: str, source: str) -> str:
        message = self._by_context.get(_key(context, source))
        if message is None or message.fuzzy or message.id != source:
            return source
        string = message.string
        if isinstance(string, (tuple, list)):
            return source
        return string or source

    def plural_forms(self, context: str, forms: tuple[str, str]) -> list[str]:
        """All plural forms of an entry for this language (source forms on fallback)."""
        message = self._by_context.get(_key(context, forms[0]))
        if (message is None or message.fuzzy or tuple(message.id) != tuple(forms)
                or not isinstance(message.string, (tuple, list)) or not all(message.string)):
            return list(forms)
        return list(message.string)

    def plural_index_table(self) -> str:
        """Plural form index for n = 0..199, one digit each (see pick_plural)."""
        catalog = self.catalog or self.builtin
        if catalog is None or catalog.num_plurals < 2:
            return "".join("0" if n == 1 else "1" for n in range(200))
        import gettext

        rule = gettext.c2py(catalog.plural_expr)
        return "".join(str(rule(n)) for n in range(200))

    def translated_share(self, quiz: Quiz) -> float:
        """How much of a quiz's text has a translation (0 to 1)."""
        entries = quiz_entries(quiz)
        done = sum(1 for e in entries if self.has(e.context, e.text))
        return done / len(entries) if entries else 0.0

    def interface(self) -> dict:
        """The interface strings in this language; plural entries are lists."""
        out = {}
        for key, text in INTERFACE.items():
            if key in PLURALS:
                out[key] = self.plural_forms(f"interface/{key}", PLURALS[key])
            else:
                out[key] = self.get(f"interface/{key}", text)
        return out

    def quiz(self, quiz: Quiz) -> Quiz:
        """The quiz with its text in this language; keys and ids unchanged."""
        if self.catalog is None:
            return quiz
        q_id = quiz.id
        t = self.get

        def question(q):
            base = f"{q_id}/{q.id}"
            answers = q.answers
            if q.type == "fill_blank":
                text = t(f"{base}/answers", "\n".join(q.answers))
                answers = tuple(a.strip() for a in text.splitlines() if a.strip()) or q.answers
            return replace(
                q,
                prompt=t(f"{base}/prompt", q.prompt),
                hint=t(f"{base}/hint", q.hint) if q.hint else "",
                explanation=t(f"{base}/explanation", q.explanation) if q.explanation else "",
                feedback_correct=t(f"{base}/feedback/correct", q.feedback_correct) if q.feedback_correct else "",
                feedback_incorrect=t(f"{base}/feedback/incorrect", q.feedback_incorrect) if q.feedback_incorrect else "",
                unit=t(f"{base}/unit", q.unit) if q.unit else "",
                answers=answers,
                options=tuple(
                    replace(o, text=t(f"{base}/option/{o.id}", o.text),
                            feedback=t(f"{base}/option/{o.id}/feedback", o.feedback) if o.feedback else "")
                    for o in q.options
                ),
                pairs=tuple(
                    replace(p, left=t(f"{base}/pair/{p.id}/left", p.left), right=t(f"{base}/pair/{p.id}/right", p.right))
                    for p in q.pairs
                ),
                items=tuple(replace(i, text=t(f"{base}/item/{i.id}", i.text)) for i in q.items),
            )

        return replace(
            quiz,
            extra={**quiz.extra, "source_version": quiz.version},
            title=t(f"{q_id}/title", quiz.title),
            description=t(f"{q_id}/description", quiz.description) if quiz.description else "",
            questions=tuple(question(q) for q in quiz.questions),
        )


QUOTED_LINE = re.compile(r'^\s*(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*"')
CLOSED = re.compile(r'(?<!\\)(?:\\\\)*"\s*$')


def _entry_at(lines: list[str], line: int) -> str:
    """The msgctxt (else msgid) of the entry holding a line, for messages."""
    msgid = ""
    for text in reversed(lines[: max(line, 1)]):
        if not text.strip():
            break
        if text.startswith("msgctxt "):
            return text[len("msgctxt "):].strip().strip('"')
        if text.startswith("msgid "):
            msgid = text[len("msgid "):].strip().strip('"')
    return msgid


def read_catalog(path: Path, language: str, shown: str) -> Catalog:
    """Read and check one .po file. Raises CatalogError naming file, line and entry."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(shown, line, "the catalog is not UTF-8 text",
                           "Save it as UTF-8 (PO editors such as Poedit do).") from None
    lines = text.splitlines()
    # Babel silently drops the last character of an unclosed string: catch it first.
    for number, line in enumerate(lines, start=1):
        if QUOTED_LINE.match(line) and (line.strip().count('"') < 2 or not CLOSED.search(line)):
            raise CatalogError(shown, number, "a quoted string is not closed with '\"'",
                               "End the line with a double quote, and write a quote inside the text as \\\".",
                               _entry_at(lines, number))
    try:
        catalog = read_po(io.BytesIO(data), locale=babel_code(language), abort_invalid=True)
    except PoFileError as exc:
        message = str(exc)
        match = re.search(r"on (\d+)\s*$", message) or re.search(r"line (\d+)", message)
        line = int(match.group(1)) if match else 1
        if "num_plurals" in message:
            problem = "this entry has more plural forms than the language has"
            advice = "Write one msgstr[N] for each plural form of the language (see the Plural-Forms header)."
        else:
            problem = "the catalog cannot be read: " + re.sub(r" on \d+$", "", message)
            advice = "Open it in a PO editor such as Poedit, which shows and fixes syntax errors."
        raise CatalogError(shown, line, problem, advice, _entry_at(lines, line)) from None
    except ValueError as exc:
        raise CatalogError(shown, 1, f"the catalog cannot be read ({exc})",
                           "Check the header entry (msgid \"\") and the Plural-Forms line.") from None
    if not has_own_rule(catalog):
        # no Plural-Forms header: the rule gettext users know, not whatever
        # the installed locale data says this year
        set_rule(catalog, default_rule(language))
    _restore_previous_ids(catalog)
    check_catalog(catalog, shown)
    return catalog


PREVIOUS_MSGID = re.compile(r'^\|\s*msgid\s+"(.*)"\s*$')


def _restore_previous_ids(catalog: Catalog) -> None:
    """Babel's reader keeps '#| msgid' lines as comments; make them previous ids."""
    for message in catalog:
        kept, previous = [], []
        for comment in message.user_comments:
            match = PREVIOUS_MSGID.match(comment)
            if match:
                previous.append(unescape(f'"{match.group(1)}"'))
            elif not comment.startswith("|"):
                kept.append(comment)
        if previous or len(kept) != len(message.user_comments):
            message.user_comments = kept
            message.previous_id = previous


# Header lines that change with the day or the Babel release, not with the text.
DATES = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\\n"$', re.M)


def write_catalog(catalog: Catalog, path: Path) -> bool:
    """Write a catalog; a file that would change only in its dates (or the
    Babel release named in its header) is left
    alone, so translators' diffs show only real changes. True if written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False, include_previous=True)
    data = buffer.getvalue()
    if path.is_file() and DATES.sub(b"", path.read_bytes()) == DATES.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


BUILTIN_LOCALES = Path(__file__).resolve().parent / "locales"


def builtin_catalog(language: str) -> Catalog | None:
    """The interface translations shipped with mkdocs-course, if any."""
    path = BUILTIN_LOCALES / f"{language}.po"
    if not path.is_file():
        return None
    return read_catalog(path, language, f"mkdocs_course/i18n/locales/{language}.po")
