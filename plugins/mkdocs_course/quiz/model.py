"""The quiz model: what a validated quiz file becomes.

Text fields hold the author's Markdown source; rendering to HTML happens later
(``render.py``), so the model stays independent of any output format.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from functools import cached_property
from operator import itemgetter

QUESTION_TYPES = (
    "single",
    "multiple",
    "true_false",
    "fill_blank",
    "numeric",
    "matching",
    "ordering",
)


@dataclass(frozen=True)
class Option:
    """One choice of a single- or multiple-choice question."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    fixed: bool = False  # keeps its written position when options are shuffled


@dataclass(frozen=True)
class Pair:
    """One row of a matching question: ``left`` is matched with ``right``."""

    id: str
    left: str
    right: str


@dataclass(frozen=True)
class Item:
    """One item of an ordering question; items are written in the right order."""

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    hint: str = ""
    explanation: str = ""
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    shuffle: bool = True
    # single / multiple
    options: tuple[Option, ...] = ()
    scoring: str = "all_or_nothing"  # multiple: or "partial"
    # true_false
    answer_bool: bool | None = None
    # fill_blank
    answers: tuple[str, ...] = ()
    match: str = "normalized"  # or "exact"
    # numeric
    answer_number: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    # matching / ordering
    pairs: tuple[Pair, ...] = ()
    items: tuple[Item, ...] = ()

    def answer_key(self) -> dict:
        """The grading data for this question, as the browser runtime reads it."""
        if self.type in ("single", "multiple"):
            key = {"correct": [o.id for o in self.options if o.correct]}
            if self.type == "multiple":
                key["scoring"] = self.scoring
            return key
        if self.type == "true_false":
            return {"answer": self.answer_bool}
        if self.type == "fill_blank":
            return {"answers": list(self.answers), "match": self.match}
        if self.type == "numeric":
            return {"answer": self.answer_number, "tolerance": self.tolerance}
        if self.type == "matching":
            return {"pairs": [p.id for p in self.pairs]}
        if self.type == "ordering":
            return {"order": [i.id for i in self.items]}
        raise ValueError(f"unknown question type {self.type!r}")


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    source: str  # path of the quiz file, relative to the project
    questions: tuple[Question, ...]
    pass_mark: float
    description: str = ""
    draw: int | None = None  # questions drawn per attempt (a question pool)
    shuffle_questions: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @cached_property  # asked for by every feature, many times a build
    def version(self) -> str:
        """A short hash of everything that decides how an attempt is graded.

        Fixing a typo in a prompt keeps the version; changing an answer key,
        adding or removing a question or option, or changing the pass mark
        makes a new one, so attempts saved earlier are shown as made on an
        older version of the quiz. A translated quiz keeps its source's
        version (its accepted fill-in answers differ by language).
        """
        if "source_version" in self.extra:
            return self.extra["source_version"]
        shape = {
            "pass_mark": self.pass_mark,
            "draw": self.draw,
            "questions": [
                {
                    "id": q.id,
                    "type": q.type,
                    "key": q.answer_key(),
                    "options": [o.id for o in q.options],
                    "pairs": [p.id for p in q.pairs],
                    "items": [i.id for i in q.items],
                }
                for q in self.questions
            ],
        }
        blob = json.dumps(shape, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


# -- the model as plain data (the build cache stores quizzes as JSON) ------------------------


def quiz_to_data(quiz: Quiz) -> list:
    """The quiz as JSON-ready data: each object a list of its fields' values,
    in the order of their declaration. ``quiz_from_data`` reverses it."""
    return _flat(quiz)


def quiz_from_data(data) -> Quiz:
    """A Quiz from ``quiz_to_data``'s output. Raises ValueError for anything
    else: a missing or extra value, or a value of the wrong kind."""
    quiz = _build(Quiz, data)
    if any(q.type not in QUESTION_TYPES for q in quiz.questions):
        raise ValueError("unknown question type")
    return quiz


def _flat(value):
    if isinstance(value, (Quiz, Question, Option, Pair, Item)):
        return [_flat(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, tuple):
        return [_flat(item) for item in value]
    return value


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def _optional(read):
    def check(value):
        if value is None:
            return None
        if read in (int, bool):
            if type(value) is not read:
                raise ValueError(f"not {read.__name__}: {value!r}")
            return value
        return read(value)
    return check


def _items(read):
    def check(value):
        if type(value) is not list:
            raise ValueError(f"not a list: {value!r}")
        if read is str:
            if not all(type(item) is str for item in value):
                raise ValueError("not a list of texts")
            return tuple(value)
        return tuple(_build(read, item) for item in value)
    return check


def _texts(value) -> dict:
    if type(value) is not dict or not all(type(v) is str for v in value.values()):
        raise ValueError(f"not a mapping of texts: {value!r}")
    return dict(value)


# by the annotations of the fields above (strings: annotations are postponed)
_READERS = {
    "str": str,  # str and bool fields are checked in _build itself
    "bool": bool,
    "float": _number,
    "int | None": _optional(int),
    "float | None": _optional(_number),
    "bool | None": _optional(bool),
    "tuple[str, ...]": _items(str),
    "tuple[Option, ...]": _items(Option),
    "tuple[Pair, ...]": _items(Pair),
    "tuple[Item, ...]": _items(Item),
    "tuple[Question, ...]": _items(Question),
    "dict": _texts,
}
_SHAPES: dict = {}  # class -> what _build checks, worked out once


def _shape(cls):
    """(number of fields, a getter of the text and true/false fields, their
    types, the other fields' positions with their readers)."""
    readers = [_READERS[f.type] for f in fields(cls)]
    simple = [i for i, read in enumerate(readers) if read in (str, bool)]
    other = tuple((i, read) for i, read in enumerate(readers) if read not in (str, bool))
    if not other:
        pick = None  # every field is text or true/false: the types of the whole list
    elif len(simple) > 1:
        pick = itemgetter(*simple)
    else:
        pick = lambda data: tuple(data[i] for i in simple)  # noqa: E731
    return len(readers), pick, tuple(readers[i] for i in simple), other


def _build(cls, data):
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _shape(cls)
    count, pick, kinds, other = shape
    if type(data) is not list or len(data) != count:
        raise ValueError(f"not a {cls.__name__}")
    # the text and true/false fields (most of them), checked at once
    if tuple(map(type, data if pick is None else pick(data))) != kinds:
        raise ValueError(f"a field of {cls.__name__} is of the wrong kind")
    if not other:
        return cls(*data)
    values = list(data)
    for index, read in other:
        values[index] = read(values[index])
    return cls(*values)
