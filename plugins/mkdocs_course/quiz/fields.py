"""Reading the fields of a quiz file: each reader checks one kind of value
(text, number, id, list ...) and raises QuizError, worded for the author,
when the value is not what it should be. The quiz structure is in loader.py.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re

from .errors import QuizError
from .yamlsource import Mapping, Sequence

# The same text as in quiz.schema.json (JavaScript's '$' ends the text); in
# Python '$' also matches before a final newline, so ids are checked with
# ID_PATTERN.fullmatch, never .match.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
ID_RULE = (
    "An id starts with a letter or digit and holds only letters, digits, "
    "'-' and '_' (at most 64 characters)."
)

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
    bytes: "binary data",
}


def describe(value) -> str:
    for kind, name in TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def found(m: Mapping, key: str) -> str:
    """What the author wrote for ``key``, for a message: the word as written
    in quotes, or what kind of thing it is (a list, a mapping, nothing)."""
    value = m[key]
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text {shorten(value)!r}"
    if key in m.raw:
        return repr(shorten(m.raw[key]))
    return describe(value)


# Numbers Python reads but YAML 1.1 reads as text: '1e3', '1.5E3', '+2e-4'
YAML_TEXT_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")


def yaml_number(value: float) -> str:
    """A number written so that YAML reads it as one: 1000, 1.5e-07, 1.0e+20."""
    text = repr(value)
    if text.endswith(".0"):
        text = text[:-2]
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        text = f"{mantissa}.0e{exponent}"
    return text


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class FieldReader:
    """Reports problems for one file, naming the quiz and question being read."""

    ERROR = QuizError  # an activity's reader raises its own subclass

    def __init__(self, source: str):
        self.source = source
        self.quiz_id: str | None = None
        self.question_id: str | None = None

    # -- reporting ---------------------------------------------------------

    def fail(self, position, problem: str, advice: str = ""):
        raise self.ERROR(
            self.source,
            position,
            problem,
            advice,
            quiz_id=self.quiz_id,
            question_id=self.question_id,
        )

    # -- generic field readers ----------------------------------------------

    def check_keys(self, m: Mapping, allowed, required, what: str, *, qtype: str | None = None,
                   keys_by_type: dict | None = None):
        """Unknown keys (with the nearest valid one) and missing required keys.

        For a question, ``keys_by_type`` lets a key that belongs to another
        question type be named as such."""
        for key in m:
            if key in allowed:
                continue
            if qtype and keys_by_type and any(key in keys for keys in keys_by_type.values()):
                users = [f"'{t}'" for t, keys in keys_by_type.items() if key in keys]
                users = ", ".join(users[:-1]) + " and " + users[-1] if len(users) > 1 else users[0]
                self.fail(
                    m.key_positions[key],
                    f"the key '{key}' does not apply to {what}",
                    f"It is used by {users} questions; remove it, or change the 'type'.",
                )
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            advice = f"Did you mean '{close[0]}'? " if close else ""
            advice += "Valid keys here: " + ", ".join(allowed) + "."
            self.fail(m.key_positions[key], f"unknown key '{key}' in {what}", advice)
        subject = "the question" if qtype else what
        for key in required:
            if key not in m:
                self.fail(
                    m.position,
                    f"{subject} has no '{key}'",
                    f"Add '{key}:' to {subject}.",
                )

    def mapping(self, value, position, what: str, advice: str = "") -> Mapping:
        if not isinstance(value, Mapping):
            self.fail(
                position,
                f"{what} must be a mapping of 'key: value' lines, but found {describe(value)}",
                advice or "Write it as indented 'key: value' lines.",
            )
        return value

    def text(self, m: Mapping, key: str, what: str, *, required=False, inline=False) -> str:
        if key not in m:
            return ""
        value = m[key]
        if isinstance(value, (bool, int, float, datetime.date)):
            value = m.raw[key]  # the words as written, e.g. "Yes" or "1951"
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be text, but found {describe(value)}",
                "Write the text on the same line (in quotes if it starts with "
                "'[' or '{'), or as a '|' block.",
            )
        if required and not value.strip():
            # "Write the prompt text.", but "Write the text of the item." (not "the text text")
            advice = f"Write the text of {what}." if key == "text" else f"Write the {key} text."
            self.fail(m.value_positions[key], f"'{key}' of {what} is empty", advice)
        return value.strip("\n") if not inline else value.strip()

    def boolean(self, m: Mapping, key: str, what: str, default: bool) -> bool:
        if key not in m:
            return default
        value = m[key]
        if not isinstance(value, bool):
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be true or false, but found {found(m, key)}",
                f"Write '{key}: true' or '{key}: false', without quotes.",
            )
        return value

    def number(self, m: Mapping, key: str, what: str, advice: str = "") -> float:
        value = m[key]
        number = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # an integer with hundreds of digits
                number = None
        if number is None and isinstance(value, str) and key in m.plain and YAML_TEXT_NUMBER.fullmatch(value):
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be a number, but found {value!r}, which YAML reads as "
                "text: an exponent needs a dot before it and a sign after the 'e', as in 1.0e+3",
                f"Write '{key}: {yaml_number(float(value))}'.",
            )
        if number is None or not math.isfinite(number):
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be a number, but found {found(m, key)}",
                advice
                or f"Write a plain number without quotes, such as '{key}: 42' or "
                f"'{key}: 0.5' (a dot for decimals, no unit).",
            )
        return number

    def choice(self, m: Mapping, key: str, what: str, allowed, default: str) -> str:
        if key not in m:
            return default
        value = m[key]
        if not isinstance(value, str) or value not in allowed:
            close = difflib.get_close_matches(str(m.raw.get(key, "")), allowed, n=1, cutoff=0.6)
            self.fail(
                m.value_positions[key],
                f"'{key}' of {what} must be one of: {', '.join(allowed)}, but found {found(m, key)}",
                f"Did you mean '{key}: {close[0]}'?" if close else f"Write for example '{key}: {default}'.",
            )
        return value

    def ident(self, m: Mapping, key: str, what: str) -> str:
        value = m[key]
        if value is not None and not isinstance(value, str) and key in m.raw:
            value = m.raw[key]  # 2024, 1951-05-01 or yes: the word as written
        if value is None or value == "":
            self.fail(m.value_positions[key], f"the {what} id is empty", ID_RULE)
        if not isinstance(value, str):
            self.fail(
                m.value_positions[key],
                f"the {what} id must be a word, but found {describe(value)}",
                ID_RULE,
            )
        if not ID_PATTERN.fullmatch(value):
            self.fail(m.value_positions[key], f"the {what} id {value!r} is not a valid id", ID_RULE)
        return value

    def label(self, m: Mapping, fallback: str | None) -> str | None:
        """How messages name a quiz or question: its id as written if that
        is a valid id, else ``fallback``."""
        raw = m.raw.get("id")
        return raw if isinstance(raw, str) and ID_PATTERN.fullmatch(raw) else fallback

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
            problem = (
                f"{what} has no {noun}"
                if not value
                else f"{what} needs at least {at_least} {noun}, but has {len(value)}"
            )
            self.fail(pos, problem, f"Add {noun} under '{key}:'.")
        return value

    def unique(self, seen: dict, value: str, position, what: str):
        if value in seen:
            self.fail(
                position,
                f"the {what} id '{value}' is used twice (first on line {seen[value].line})",
                f"Give each {what} its own id.",
            )
        seen[value] = position

    def require(self, q: Mapping, key: str, what: str, advice: str):
        if key not in q:
            self.fail(q.position, f"{what} has no '{key}'", advice)
