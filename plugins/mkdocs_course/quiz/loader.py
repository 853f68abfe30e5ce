"""Load quiz files and validate them into the Quiz model.

Every problem raises QuizError with the file, line, column, quiz id and
question id, what was found and what was expected. Nothing else escapes:
``load_quiz`` turns any input, however broken, into a Quiz or a QuizError.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from pathlib import Path

from .errors import QuizError
from .model import QUESTION_TYPES, Item, Option, Pair, Question, Quiz
from .yamlsource import Mapping, Position, Sequence, decode, parse

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
ID_RULE = (
    "An id starts with a letter or digit and holds only letters, digits, "
    "'-' and '_' (at most 64 characters)."
)

QUIZ_KEYS = (
    "id",
    "title",
    "description",
    "pass_mark",
    "shuffle",
    "shuffle_questions",
    "draw",
    "questions",
)
COMMON_QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "hint",
    "explanation",
    "feedback",
)
QUESTION_KEYS = {
    "single": COMMON_QUESTION_KEYS + ("options", "shuffle"),
    "multiple": COMMON_QUESTION_KEYS + ("options", "shuffle", "scoring"),
    "true_false": COMMON_QUESTION_KEYS + ("answer",),
    "fill_blank": COMMON_QUESTION_KEYS + ("answers", "match"),
    "numeric": COMMON_QUESTION_KEYS + ("answer", "tolerance", "unit"),
    "matching": COMMON_QUESTION_KEYS + ("pairs", "shuffle"),
    "ordering": COMMON_QUESTION_KEYS + ("items",),
}
ALL_QUESTION_KEYS = tuple(sorted({k for keys in QUESTION_KEYS.values() for k in keys}))
OPTION_KEYS = ("id", "text", "correct", "feedback", "fixed")
PAIR_KEYS = ("id", "left", "right")
ITEM_KEYS = ("id", "text")
FEEDBACK_KEYS = ("correct", "incorrect")

TYPE_NAMES = {
    Mapping: "a mapping (key: value lines)",
    Sequence: "a list ('- ' items)",
    str: "text",
    bool: "true/false",
    int: "a number",
    float: "a number",
    type(None): "nothing",
    datetime.date: "a date",
    datetime.datetime: "a date and time",
}


def describe(value) -> str:
    for kind, name in TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def load_quiz(data: bytes, source: str, *, default_pass_mark: float = 70) -> Quiz:
    """Read one quiz file's bytes into a validated Quiz.

    ``source`` is the path shown in messages (relative to the project).
    Raises QuizError for any problem in the file.
    """
    text = decode(data, source)
    document = parse(text, source)
    return _QuizReader(source, default_pass_mark).read(document)


def load_quiz_file(path: Path, project_dir: Path, *, default_pass_mark: float = 70) -> Quiz:
    """Read a quiz file from disk; see ``load_quiz``."""
    try:
        shown = str(path.relative_to(project_dir))
    except ValueError:
        shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuizError(
            shown, Position(1, 1), f"cannot read the file ({exc.strerror})", ""
        ) from None
    return load_quiz(data, shown, default_pass_mark=default_pass_mark)


class _QuizReader:
    def __init__(self, source: str, default_pass_mark: float):
        self.source = source
        self.default_pass_mark = default_pass_mark
        self.quiz_id: str | None = None
        self.question_id: str | None = None

    # -- reporting ---------------------------------------------------------

    def fail(self, position, problem: str, advice: str = ""):
        raise QuizError(
            self.source,
            position,
            problem,
            advice,
            quiz_id=self.quiz_id,
            question_id=self.question_id,
        )

    # -- generic field readers ----------------------------------------------

    def check_keys(self, m: Mapping, allowed, required, what: str):
        for key in m:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                advice = f"Did you mean '{close[0]}'? " if close else ""
                advice += "Valid keys here: " + ", ".join(allowed) + "."
                self.fail(m.key_positions[key], f"unknown key '{key}' in {what}", advice)
        for key in required:
            if key not in m:
                self.fail(
                    m.position,
                    f"{what} has no '{key}'",
                    f"Add '{key}:' to {what}.",
                )

    def mapping(self, value, position, what: str) -> Mapping:
        if not isinstance(value, Mapping):
            self.fail(
                position,
                f"{what} must be a mapping of 'key: value' lines, but found {describe(value)}",
                "Write it as indented 'key: value' lines.",
            )
        return value

    def text(self, m: Mapping, key: str, what: str, *, required=False, inline=False) -> str:
        if key not in m:
            return ""
        value = m[key]
        pos = m.value_positions[key]
        if isinstance(value, (bool, int, float, datetime.date)):
            value = m.raw[key]  # the words as written, e.g. "Yes" or "1951"
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(
                pos,
                f"'{key}' of {what} must be text, but found {describe(value)}",
                "Write the text on the same line, or as a '|' block.",
            )
        if required and not value.strip():
            self.fail(pos, f"'{key}' of {what} is empty", f"Write the {key} text.")
        return value.strip("\n") if not inline else value.strip()

    def boolean(self, m: Mapping, key: str, what: str, default: bool) -> bool:
        if key not in m:
            return default
        value = m[key]
        if not isinstance(value, bool):
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be true or false, but found {m.raw.get(key, describe(value))!r}",
                f"Write '{key}: true' or '{key}: false'.",
            )
        return value

    def number(self, m: Mapping, key: str, what: str) -> float:
        value = m[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            shown = m.raw.get(key, describe(value))
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be a number, but found {shown!r}",
                f"Write a plain number such as '{key}: 42' or '{key}: 0.5' (a dot for decimals, no unit).",
            )
        return float(value)

    def choice(self, m: Mapping, key: str, what: str, allowed, default: str) -> str:
        if key not in m:
            return default
        value = m[key]
        if value not in allowed:
            close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
            advice = f"Did you mean '{close[0]}'? " if close else ""
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} is {m.raw.get(key, describe(value))!r}; expected one of: "
                + ", ".join(allowed),
                advice.strip(),
            )
        return value

    def ident(self, m: Mapping, key: str, what: str) -> str:
        value = m[key]
        if isinstance(value, (int, bool)) and key in m.raw:
            value = m.raw[key]
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            shown = value if isinstance(value, str) else describe(value)
            self.fail(m.value_positions[key], f"the {what} id {shown!r} is not a valid id", ID_RULE)
        return value

    def sequence(self, m: Mapping, key: str, what: str, *, at_least: int, noun: str) -> Sequence:
        value = m[key]
        pos = m.value_positions[key]
        if value is None:
            value = Sequence(pos)
        if not isinstance(value, Sequence):
            self.fail(
                pos,
                f"'{key}' of {what} must be a list of {noun}, but found {describe(value)}",
                f"Write each of the {noun} on its own line starting with '- '.",
            )
        if len(value) < at_least:
            self.fail(
                pos,
                f"{what} needs at least {at_least} {noun}, but has {len(value)}",
                f"Add {noun} under '{key}:'.",
            )
        return value

    def unique(self, seen: dict, value: str, position, what: str):
        if value in seen:
            self.fail(
                position,
                f"the {what} id '{value}' is used twice (first on line {seen[value].line})",
                f"Give each {what} its own id.",
            )
        seen[value] = position

    # -- the quiz ------------------------------------------------------------

    def read(self, document) -> Quiz:
        top = self.mapping(document, getattr(document, "position", Position(1, 1)), "the top level of a quiz file")
        default_id = Path(self.source).stem
        if "id" in top:
            self.quiz_id = str(top.raw.get("id", top["id"]))
            quiz_id = self.ident(top, "id", "quiz")
        else:
            self.quiz_id = default_id
            if not ID_PATTERN.match(default_id):
                self.fail(
                    top.position,
                    f"the file name '{default_id}' cannot serve as the quiz id",
                    "Add an 'id:' line, or rename the file. " + ID_RULE,
                )
            quiz_id = default_id
        self.quiz_id = quiz_id
        self.check_keys(top, QUIZ_KEYS, ("title", "questions"), "the quiz")
        title = self.text(top, "title", "the quiz", required=True, inline=True)
        description = self.text(top, "description", "the quiz")
        pass_mark = float(self.default_pass_mark)
        if "pass_mark" in top:
            pass_mark = self.number(top, "pass_mark", "the quiz")
            if not 0 <= pass_mark <= 100:
                self.fail(
                    top.value_positions["pass_mark"],
                    f"'pass_mark' is {top.raw.get('pass_mark')}; it must be a percentage from 0 to 100",
                    "Write for example 'pass_mark: 70'.",
                )
        shuffle = self.boolean(top, "shuffle", "the quiz", True)
        shuffle_questions = self.boolean(top, "shuffle_questions", "the quiz", False)
        raw_questions = self.sequence(top, "questions", "the quiz", at_least=1, noun="questions")
        questions = []
        seen: dict = {}
        for index, value in enumerate(raw_questions):
            pos = raw_questions.item_positions[index]
            question = self.question(value, pos, index, shuffle)
            self.unique(seen, question.id, pos, "question")
            questions.append(question)
        self.question_id = None
        draw = None
        if "draw" in top:
            value = top["draw"]
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(questions):
                self.fail(
                    top.value_positions["draw"],
                    f"'draw' is {top.raw.get('draw', describe(value))!r}; it must be a whole number "
                    f"from 1 to {len(questions)} (the number of questions)",
                    "Remove 'draw' to ask every question in each attempt.",
                )
            draw = value
        return Quiz(
            id=quiz_id,
            title=title,
            source=self.source,
            questions=tuple(questions),
            pass_mark=pass_mark,
            description=description,
            draw=draw,
            shuffle_questions=shuffle_questions,
        )

    # -- questions -----------------------------------------------------------

    def question(self, value, position, index: int, quiz_shuffle: bool) -> Question:
        self.question_id = f"#{index + 1}"
        what = f"question {index + 1}"
        q = self.mapping(value, position, what)
        if "id" in q:
            self.question_id = str(q.raw.get("id", self.question_id))
            qid = self.ident(q, "id", "question")
            self.question_id = qid
        if "type" not in q:
            self.check_keys(q, ALL_QUESTION_KEYS, (), "a question")
            self.fail(
                q.position,
                "the question has no 'type'",
                "Add 'type:' with one of: " + ", ".join(QUESTION_TYPES) + ".",
            )
        qtype = q["type"]
        if qtype not in QUESTION_TYPES:
            close = difflib.get_close_matches(str(qtype), QUESTION_TYPES, n=1, cutoff=0.5)
            advice = f"Did you mean '{close[0]}'? " if close else ""
            self.fail(
                q.value_positions["type"],
                f"unknown question type {q.raw.get('type', describe(qtype))!r}",
                advice + "Expected one of: " + ", ".join(QUESTION_TYPES) + ".",
            )
        what = f"a {qtype} question"
        self.check_keys(q, QUESTION_KEYS[qtype], ("id", "prompt"), what)
        fields = dict(
            id=qid,
            type=qtype,
            prompt=self.text(q, "prompt", "the question", required=True),
            hint=self.text(q, "hint", "the question"),
            explanation=self.text(q, "explanation", "the question"),
        )
        if "feedback" in q:
            fb = self.mapping(q["feedback"], q.value_positions["feedback"], "'feedback' of the question")
            self.check_keys(fb, FEEDBACK_KEYS, (), "the question's feedback")
            fields["feedback_correct"] = self.text(fb, "correct", "the feedback")
            fields["feedback_incorrect"] = self.text(fb, "incorrect", "the feedback")
        reader = getattr(self, "read_" + qtype)
        fields.update(reader(q, what, quiz_shuffle))
        return Question(**fields)

    def require(self, q: Mapping, key: str, what: str, advice: str):
        if key not in q:
            self.fail(q.position, f"{what} has no '{key}'", advice)

    def read_choices(self, q: Mapping, what: str, quiz_shuffle: bool, *, single: bool) -> dict:
        self.require(q, "options", what, "Add 'options:' with at least two options.")
        raw = self.sequence(q, "options", what, at_least=2, noun="options")
        options, seen = [], {}
        for i, value in enumerate(raw):
            pos = raw.item_positions[i]
            o = self.mapping(value, pos, f"option {i + 1}")
            self.check_keys(o, OPTION_KEYS, ("id", "text"), f"option {i + 1}")
            oid = self.ident(o, "id", "option")
            self.unique(seen, oid, o.value_positions["id"], "option")
            options.append(
                Option(
                    id=oid,
                    text=self.text(o, "text", f"option '{oid}'", required=True, inline=True),
                    correct=self.boolean(o, "correct", f"option '{oid}'", False),
                    feedback=self.text(o, "feedback", f"option '{oid}'"),
                    fixed=self.boolean(o, "fixed", f"option '{oid}'", False),
                )
            )
        correct = [o.id for o in options if o.correct]
        if not correct:
            self.fail(
                q.value_positions["options"],
                "no option is marked 'correct: true'",
                "Mark the right answer with 'correct: true'.",
            )
        if single and len(correct) > 1:
            self.fail(
                q.value_positions["options"],
                f"a single-choice question has {len(correct)} correct options "
                f"({', '.join(correct)}), but it needs exactly one",
                "Keep one option correct, or use 'type: multiple' for 'select all that apply'.",
            )
        return {
            "options": tuple(options),
            "shuffle": self.boolean(q, "shuffle", "the question", quiz_shuffle),
        }

    def read_single(self, q, what, quiz_shuffle):
        return self.read_choices(q, what, quiz_shuffle, single=True)

    def read_multiple(self, q, what, quiz_shuffle):
        fields = self.read_choices(q, what, quiz_shuffle, single=False)
        fields["scoring"] = self.choice(
            q, "scoring", "the question", ("all_or_nothing", "partial"), "all_or_nothing"
        )
        return fields

    def read_true_false(self, q, what, quiz_shuffle):
        self.require(q, "answer", what, "Add 'answer: true' or 'answer: false'.")
        return {"answer_bool": self.boolean(q, "answer", "the question", False)}

    def read_fill_blank(self, q, what, quiz_shuffle):
        self.require(q, "answers", what, "Add 'answers:' with the accepted answers as a list.")
        raw = self.sequence(q, "answers", what, at_least=1, noun="accepted answers")
        answers = []
        for i, value in enumerate(raw):
            if isinstance(value, (bool, int, float)):
                value = raw.item_raw[i]
            if not isinstance(value, str) or not value.strip():
                self.fail(
                    raw.item_positions[i],
                    f"accepted answer {i + 1} must be non-empty text, but found {describe(value)}",
                    "Write each accepted answer as text.",
                )
            answers.append(value.strip())
        return {
            "answers": tuple(answers),
            "match": self.choice(q, "match", "the question", ("normalized", "exact"), "normalized"),
        }

    def read_numeric(self, q, what, quiz_shuffle):
        self.require(q, "answer", what, "Add 'answer:' with the right number.")
        answer = self.number(q, "answer", "the question")
        tolerance = 0.0
        if "tolerance" in q:
            tolerance = self.number(q, "tolerance", "the question")
            if tolerance < 0:
                self.fail(
                    q.value_positions["tolerance"],
                    f"'tolerance' is {q.raw.get('tolerance')}; it cannot be negative",
                    "Write how far from the answer a reply may be, e.g. 'tolerance: 0.5'.",
                )
        return {
            "answer_number": answer,
            "tolerance": tolerance,
            "unit": self.text(q, "unit", "the question", inline=True),
        }

    def read_matching(self, q, what, quiz_shuffle):
        self.require(q, "pairs", what, "Add 'pairs:' with at least two pairs of 'left' and 'right'.")
        raw = self.sequence(q, "pairs", what, at_least=2, noun="pairs")
        pairs, seen, rights = [], {}, {}
        for i, value in enumerate(raw):
            p = self.mapping(value, raw.item_positions[i], f"pair {i + 1}")
            self.check_keys(p, PAIR_KEYS, PAIR_KEYS, f"pair {i + 1}")
            pid = self.ident(p, "id", "pair")
            self.unique(seen, pid, p.value_positions["id"], "pair")
            right = self.text(p, "right", f"pair '{pid}'", required=True, inline=True)
            if right in rights:
                self.fail(
                    p.value_positions["right"],
                    f"pairs '{rights[right]}' and '{pid}' have the same right side {right!r}, "
                    "so a learner could not tell them apart",
                    "Make every right side different.",
                )
            rights[right] = pid
            pairs.append(
                Pair(id=pid, left=self.text(p, "left", f"pair '{pid}'", required=True, inline=True), right=right)
            )
        return {
            "pairs": tuple(pairs),
            "shuffle": self.boolean(q, "shuffle", "the question", True),
        }

    def read_ordering(self, q, what, quiz_shuffle):
        self.require(q, "items", what, "Add 'items:' with at least two items, in the right order.")
        raw = self.sequence(q, "items", what, at_least=2, noun="items")
        items, seen = [], {}
        for i, value in enumerate(raw):
            it = self.mapping(value, raw.item_positions[i], f"item {i + 1}")
            self.check_keys(it, ITEM_KEYS, ITEM_KEYS, f"item {i + 1}")
            iid = self.ident(it, "id", "item")
            self.unique(seen, iid, it.value_positions["id"], "item")
            items.append(Item(id=iid, text=self.text(it, "text", f"item '{iid}'", required=True, inline=True)))
        return {"items": tuple(items)}
