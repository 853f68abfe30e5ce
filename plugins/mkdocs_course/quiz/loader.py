"""Load quiz files and validate them into the Quiz model.

Every problem raises QuizError with the file, line, column, quiz id and
question id, what was found and what was expected. Nothing else escapes:
``load_quiz`` turns any input, however broken, into a Quiz or a QuizError.
"""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

from .errors import QuizError
from .fields import ID_PATTERN, ID_RULE, FieldReader, describe, found  # noqa: F401 (ID_* are public)
from .markup import visible_text
from .model import QUESTION_TYPES, Item, Option, Pair, Question, Quiz
from .yamlsource import Mapping, Position, Sequence, decode, parse_document

PASS_MARK_ADVICE = (
    "Write a percentage from 0 to 100 as a plain number, e.g. 'pass_mark: 70' (no '%' sign)."
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

def question_kind(qtype: str) -> str:
    """'a 'single' question', 'an 'ordering' question'."""
    article = "an" if qtype[0] in "aeiou" else "a"
    return f"{article} '{qtype}' question"


def load_quiz(data: bytes, source: str, *, default_pass_mark: float = 70) -> Quiz:
    """Read one quiz file's bytes into a validated Quiz.

    ``source`` is the path shown in messages (relative to the project).
    Raises QuizError for any problem in the file.
    """
    text = decode(data, source)
    document, position = parse_document(text, source)
    return _QuizReader(source, default_pass_mark).read(document, position)


def load_quiz_file(path: Path, project_dir: Path, *, default_pass_mark: float = 70) -> Quiz:
    """Read a quiz file from disk; see ``load_quiz``."""
    try:
        # the same spelling as QuizCollection, so messages agree on Windows too
        shown = path.relative_to(project_dir).as_posix()
    except ValueError:
        shown = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuizError(
            shown, Position(1, 1), f"cannot read the file ({exc.strerror})", ""
        ) from None
    return load_quiz(data, shown, default_pass_mark=default_pass_mark)


# Saved data a course keeps beside its quizzes' (mkdocs-course/<course>/<key>):
# a quiz with such an id would share its storage key.
RESERVED_QUIZ_IDS = frozenset({"learner"})


class _QuizReader(FieldReader):
    """The structure of a quiz file: the quiz, its questions, each type's fields."""

    def __init__(self, source: str, default_pass_mark: float):
        super().__init__(source)
        self.default_pass_mark = default_pass_mark

    # -- the quiz ------------------------------------------------------------

    def read(self, document, position=Position(1, 1)) -> Quiz:
        top = self.mapping(document, position, "the top level of a quiz file")
        default_id = Path(self.source).stem
        if "id" in top:
            self.quiz_id = self.label(top, None)
            quiz_id = self.ident(top, "id", "quiz")
        else:
            self.quiz_id = default_id
            if not ID_PATTERN.fullmatch(default_id):
                self.fail(
                    top.position,
                    f"the file name '{default_id}' cannot serve as the quiz id",
                    "Add an 'id:' line, or rename the file. " + ID_RULE,
                )
            quiz_id = default_id
        self.quiz_id = quiz_id
        if quiz_id.lower() in RESERVED_QUIZ_IDS:
            self.fail(
                top.value_positions.get("id", top.position),
                f"the quiz id '{quiz_id}' is kept for the course's own use (learners' saved data is stored "
                "under it)",
                "Choose another id, for example 'learner-rights'.",
            )
        self.check_keys(top, QUIZ_KEYS, ("title", "questions"), "the quiz")
        title = self.text(top, "title", "the quiz", required=True, inline=True)
        description = self.text(top, "description", "the quiz")
        pass_mark = float(self.default_pass_mark)
        if "pass_mark" in top:
            pass_mark = self.number(top, "pass_mark", "the quiz", PASS_MARK_ADVICE)
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
            questions.append(self.question(value, pos, index, shuffle, seen))
        self.question_id = None
        draw = None
        if "draw" in top:
            value = top["draw"]
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= len(questions):
                self.fail(
                    top.value_positions["draw"],
                    f"'draw' must be a whole number from 1 to {len(questions)} "
                    f"(the number of questions), but found {found(top, 'draw')}",
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

    def question(self, value, position, index: int, quiz_shuffle: bool, seen: dict) -> Question:
        self.question_id = f"#{index + 1}"
        what = f"question {index + 1}"
        q = self.mapping(
            value,
            position,
            what,
            "Write the question as indented 'key: value' lines: 'id:', 'type:', "
            "'prompt:' and its answer.",
        )
        if "id" in q:
            self.question_id = self.label(q, self.question_id)
            qid = self.ident(q, "id", "question")
            self.unique(seen, qid, q.value_positions["id"], "question")
        if "type" not in q:
            self.check_keys(q, ALL_QUESTION_KEYS, (), "a question")
            self.fail(
                q.position,
                "the question has no 'type'",
                "Add 'type:' with one of: " + ", ".join(QUESTION_TYPES) + ".",
            )
        qtype = q["type"]
        if not isinstance(qtype, str) or qtype not in QUESTION_TYPES:
            close = difflib.get_close_matches(str(q.raw.get("type", "")), QUESTION_TYPES, n=1, cutoff=0.5)
            advice = f"Did you mean '{close[0]}'? " if close else ""
            problem = (
                f"unknown question type {q.raw['type']!r}"
                if q.raw.get("type")
                else f"the question type must be a word, but found {found(q, 'type')}"
            )
            self.fail(
                q.value_positions["type"],
                problem,
                advice + "Expected one of: " + ", ".join(QUESTION_TYPES) + ".",
            )
        what = question_kind(qtype)
        self.check_keys(q, QUESTION_KEYS[qtype], ("id", "prompt"), what, qtype=qtype, keys_by_type=QUESTION_KEYS)
        fields = dict(
            id=qid,
            type=qtype,
            prompt=self.text(q, "prompt", "the question", required=True),
            hint=self.text(q, "hint", "the question"),
            explanation=self.text(q, "explanation", "the question"),
        )
        if "feedback" in q:
            fb = self.mapping(
                q["feedback"],
                q.value_positions["feedback"],
                "'feedback' of the question",
                "Write 'correct:' and 'incorrect:' lines, indented under 'feedback:'.",
            )
            self.check_keys(fb, FEEDBACK_KEYS, (), "the question's feedback")
            fields["feedback_correct"] = self.text(fb, "correct", "the feedback")
            fields["feedback_incorrect"] = self.text(fb, "incorrect", "the feedback")
        reader = getattr(self, "read_" + qtype)
        fields.update(reader(q, what, quiz_shuffle))
        return Question(**fields)

    def correct_position(self, raw: Sequence, index: int):
        """Where option ``index`` says 'correct: true'."""
        option = raw[index]
        return option.value_positions.get("correct", raw.item_positions[index])

    def read_choices(self, q: Mapping, what: str, quiz_shuffle: bool, *, single: bool) -> dict:
        self.require(q, "options", what, "Add 'options:' with at least two options.")
        raw = self.sequence(q, "options", what, at_least=2, noun="options")
        options, seen = [], {}
        for i, value in enumerate(raw):
            pos = raw.item_positions[i]
            o = self.mapping(
                value,
                pos,
                f"option {i + 1}",
                "Write each option as indented 'id:' and 'text:' lines, "
                "with 'correct: true' on the right ones.",
            )
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
            second = [i for i, o in enumerate(options) if o.correct][1]
            self.fail(
                self.correct_position(raw, second),
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
            if isinstance(value, (bool, int, float, datetime.date)):
                value = raw.item_raw[i]  # `1951` or `Yes`: the words as written
            if not isinstance(value, str):
                self.fail(
                    raw.item_positions[i],
                    f"accepted answer {i + 1} must be text, but found {describe(value)}",
                    "Write each accepted answer as text on its own '- ' line.",
                )
            if not value.strip():
                self.fail(
                    raw.item_positions[i],
                    f"accepted answer {i + 1} is empty",
                    "Write the answer text, or remove the empty item.",
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
        pairs, seen, rights, shown = [], {}, {}, {}
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
            # The right sides are the choices of a drop-down list, which shows
            # neither Markdown emphasis nor extra spaces.
            seen_as = visible_text(right)
            if seen_as in shown:
                other, written = shown[seen_as]
                self.fail(
                    p.value_positions["right"],
                    f"pairs '{other}' and '{pid}' have right sides that look the same to a learner "
                    f"({written!r} and {right!r} both show as {seen_as!r})",
                    "Make every right side differ in its words; Markdown marks and spacing "
                    "do not show in the list of choices.",
                )
            shown[seen_as] = (pid, right)
            pairs.append(
                Pair(id=pid, left=self.text(p, "left", f"pair '{pid}'", required=True, inline=True), right=right)
            )
        return {
            "pairs": tuple(pairs),
            "shuffle": self.boolean(q, "shuffle", "the question", quiz_shuffle),
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
