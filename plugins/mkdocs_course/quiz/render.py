"""Render a Quiz to HTML plus a small JSON payload for the browser runtime.

The answer keys, feedback and explanations travel in the payload XOR-masked
and base64-encoded, so that reading the page source does not show which
answer is right. This is deliberately light: it keeps honest learners from
spoiling a self-check, it does not stop anyone determined to cheat.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import TYPE_CHECKING, Callable

from babel.numbers import format_decimal
from markupsafe import Markup

from ..i18n.languages import is_rtl
from ..i18n.placeholders import fill
from ..templating import template
from .cache import DiskCache, key
from .markup import QuizMarkdown
from .model import Question, Quiz

if TYPE_CHECKING:
    from ..i18n.catalog import Translations


def _mask(data: bytes, salt: bytes) -> bytes:
    """XOR with the salt repeated; the same call unmasks."""
    if not data:
        return data
    pad = (salt * (len(data) // len(salt) + 1))[: len(data)]
    masked = int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")
    return masked.to_bytes(len(data), "big")


def quiz_salt(course_id: str, quiz: Quiz) -> bytes:
    """The salt of a quiz's answer key and tokens: the same on every build of one version."""
    return hashlib.sha256(f"{course_id}:{quiz.id}:{quiz.version}".encode()).digest()[:16]


def pair_token(salt: bytes, pair_id: str) -> str:
    """The opaque value of a matching question's right-hand choice."""
    return hashlib.sha256(salt + pair_id.encode()).hexdigest()[:8]


def encode_key(key: dict, salt: bytes) -> str:
    """Mask a JSON-serialisable answer key; the runtime reverses it."""
    raw = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(_mask(raw, salt)).decode("ascii")


def decode_key(text: str, salt: bytes) -> dict:
    """The inverse of ``encode_key`` (used by tests and trainer tools)."""
    return json.loads(_mask(base64.b64decode(text), salt).decode("utf-8"))


def choice_tokens(salt: bytes, question: Question) -> dict[str, str]:
    """Pair id -> the opaque token its right-hand choice carries in a matching
    question, so the page does not reveal which left item it belongs to."""
    return {p.id: pair_token(salt, p.id) for p in question.pairs}


def script_json(value) -> Markup:
    """JSON that stays text inside a <template> element, whatever its strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


# What every rendered quiz starts and ends with (templates/quiz.html)
QUIZ_START, QUIZ_END = '<section class="course-quiz" ', "</section>"


class QuizRenderer:
    """Turns quizzes into HTML, given the interface strings of one language."""

    def __init__(self, course_id: str, translations: "Translations | None" = None,
                 disk_cache: DiskCache | None = None):
        self.course_id = course_id
        if translations is None:
            from ..i18n.catalog import Translations  # here: i18n imports the quiz model

            translations = Translations(None, "en")
        self.language = translations.language
        self.direction = "rtl" if is_rtl(self.language) else "ltr"
        self.strings = translations.interface()
        self.plural_table = translations.plural_index_table()
        self.disk_cache = disk_cache
        self._settings = hashlib.sha256(
            json.dumps([course_id, self.language, self.strings, self.plural_table], sort_keys=True).encode()
        ).hexdigest()
        self._markdown = None
        self._template = None

    # Made on first use: a build whose quizzes all come from the cache needs neither.
    @property
    def markdown(self) -> QuizMarkdown:
        if self._markdown is None:
            self._markdown = QuizMarkdown()
        return self._markdown

    @property
    def template(self):
        if self._template is None:
            self._template = template("quiz.html")
        return self._template

    def render(self, quiz: Quiz, text_language: str | None = None) -> str:
        """The quiz as HTML. ``text_language`` is the language of the quiz's
        text when it is not the page's (an untranslated quiz); it goes in the
        quiz's ``lang``."""
        return self._render(quiz, text_language or self.language)

    def render_cached(self, content_key: str, prepare: Callable[[], tuple[Quiz, str]]) -> str:
        """The quiz from the disk cache, else ``prepare()`` then ``render``.

        ``content_key`` stands for everything the quiz depends on (its file,
        its translations); ``prepare`` gives the quiz in this language and its
        text language, and runs only when the cache has no entry, so a
        rebuild does not translate quizzes it will not render.
        """
        if self.disk_cache is None:
            return self.render(*prepare())
        name = key("html", self._settings, content_key)
        html = self.disk_cache.get_text(name)
        if html is None or not (html.startswith(QUIZ_START) and html.endswith(QUIZ_END)):  # none, or not a quiz
            html = self.render(*prepare())
            self.disk_cache.put_text(name, html)
        return html

    def number(self, value: float) -> str:
        """A number written the way the page's language writes numbers."""
        value = int(value) if float(value).is_integer() else value
        try:
            return format_decimal(value, locale=self.language)
        except Exception:  # a language code Babel does not know: plain digits
            return f"{value:g}" if isinstance(value, float) else str(value)

    def plural(self, key: str, n: int) -> str:
        return pick_plural(self.strings[key], n, self.plural_table)

    def _render(self, quiz: Quiz, text_language: str) -> str:
        md = self.markdown
        base = f"cq-{quiz.id}"
        salt = quiz_salt(self.course_id, quiz)
        questions, keys = [], {}
        for question in quiz.questions:
            view, key = self._question(question, base, salt)
            questions.append(view)
            keys[question.id] = key
        count = len(quiz.questions)
        number = self.number
        pass_mark = number(quiz.pass_mark)
        if quiz.draw and quiz.draw < count:
            summary = fill(
                self.strings["quiz_pool_summary"], draw=number(quiz.draw), count=number(count), pass_mark=pass_mark
            )
        else:
            summary = fill(self.plural("quiz_summary", count), count=number(count), pass_mark=pass_mark)
        payload = {
            "course": self.course_id,
            "quiz": quiz.id,
            "version": quiz.version,
            "passMark": quiz.pass_mark,
            "draw": quiz.draw,
            "shuffleQuestions": quiz.shuffle_questions,
            "salt": base64.b64encode(salt).decode("ascii"),
            "key": encode_key(keys, salt),
            "strings": {k: self.strings[k] for k in RUNTIME_STRINGS},
            "plural": self.plural_table,
        }
        # The quiz speaks the page's language (its interface strings); only the
        # author's text keeps its own language when it is not translated yet.
        text = Markup("")
        if text_language != self.language:
            text = Markup(' lang="{}" dir="{}"').format(text_language, "rtl" if is_rtl(text_language) else "ltr")
            payload["text"] = {"lang": text_language, "dir": "rtl" if is_rtl(text_language) else "ltr"}
        return self.template.render(
            quiz=quiz,
            page_dir=self.direction,
            text=text,
            base=base,
            title=Markup(md.inline(quiz.title)),
            description=Markup(md.block(quiz.description)),
            summary=summary,
            questions=questions,
            t=self.strings,
            number=number,
            language=self.language,
            payload=script_json(payload),
        )

    def _question(self, q: Question, base: str, salt: bytes):
        md = self.markdown
        view = {
            "id": q.id,
            "type": q.type,
            "dom": f"{base}-{q.id}",
            "prompt_block": not md.is_inline(q.prompt),
            "prompt": Markup(md.inline(q.prompt)),
            "hint": Markup(md.block(q.hint)),
            "shuffle": q.shuffle,
            "unit": Markup(md.inline(q.unit)),
        }
        key = q.answer_key()
        key["type"] = q.type
        if q.explanation:
            key["explanation"] = md.block(q.explanation)
        if q.feedback_correct:
            key["ok"] = md.block(q.feedback_correct)
        if q.feedback_incorrect:
            key["no"] = md.block(q.feedback_incorrect)
        if q.type in ("single", "multiple"):
            view["options"] = [
                {"id": o.id, "text": Markup(md.inline(o.text)), "fixed": o.fixed} for o in q.options
            ]
            key["feedback"] = {o.id: md.block(o.feedback) for o in q.options if o.feedback}
        elif q.type == "true_false":
            view["shuffle"] = False
            view["options"] = [
                {"id": "true", "text": self.strings["true"], "fixed": True},
                {"id": "false", "text": self.strings["false"], "fixed": True},
            ]
        elif q.type == "matching":
            tokens = choice_tokens(salt, q)
            view["pairs"] = [{"id": p.id, "left": Markup(md.inline(p.left))} for p in q.pairs]
            view["rights"] = sorted(
                ({"token": tokens[p.id], "text": Markup(md.inline(p.right))} for p in q.pairs),
                key=lambda r: r["token"],
            )
            key["pairs"] = {p.id: tokens[p.id] for p in q.pairs}
            key["rights"] = {tokens[p.id]: md.inline(p.right) for p in q.pairs}
        elif q.type == "ordering":
            # Written in the right order in YAML; shown in a fixed scrambled
            # order until the runtime shuffles it for each attempt.
            items = sorted(q.items, key=lambda i: hashlib.sha256(salt + i.id.encode()).digest())
            if items == list(q.items):
                items = items[1:] + items[:1]
            view["items"] = [{"id": i.id, "text": Markup(md.inline(i.text))} for i in items]
        return view, key


RUNTIME_STRINGS = (
    "question_label",
    "correct",
    "incorrect",
    "partial",
    "unanswered",
    "not_a_number",
    "right_choice",
    "wrong_choice",
    "missed_choice",
    "your_choice",
    "right_place",
    "wrong_place",
    "right_match",
    "wrong_match",
    "accepted",
    "expected_number",
    "question_result",
    "score",
    "passed",
    "failed",
    "retry",
    "moved",
    "previous",
    "older_version",
    "storage_blocked",
    "storage_corrupt",
    "storage_attempts_corrupt",
    "storage_draft_corrupt",
    "quiz_answered",
    "result_heading",
    "right_your_choice",
)


def pick_plural(forms, n: int, table: str) -> str:
    """The plural form for n, by the language's index table for 0..199."""
    if isinstance(forms, str):
        return forms
    index = int(table[n if n < 200 else 100 + n % 100])
    return forms[min(index, len(forms) - 1)]
