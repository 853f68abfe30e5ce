"""Grading in Python, equal to the browser's (``assets/js/grading.js``).

A trainer's re-grade must give exactly the score the learner's browser gave
for the same answer, or an honest record would look tampered. So every step
follows the JavaScript to the letter: JavaScript's own whitespace set (not
Python's ``str.isspace``), ASCII-only ``\\d``, the first comma only, rounding
halves up, floating-point sums in question order. ``tests/test_grading_parity.py``
grades the same answers in Chromium and here and compares.

The one difference that can remain is Unicode's version: Python's
``unicodedata`` and the browser's ICU may normalise or lower-case a character
assigned in a newer Unicode version differently.
"""

from __future__ import annotations

import math
import re
import unicodedata

# JavaScript's WhiteSpace and LineTerminator code points: what `\s` and
# String.prototype.trim mean in the browser.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SPACES = re.compile(f"[{JS_SPACE}]+")
_TRIM = re.compile(f"^[{JS_SPACE}]+|[{JS_SPACE}]+$")
_NUMBER_SPACES = re.compile(f"[{JS_SPACE}\u066c]")
_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")
_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_NUMBER = re.compile(r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as 0-9 (``C.westernDigits``)."""
    return _DIGITS.sub(lambda m: str(ord(m.group(0)) & 15), text)


def normalize_text(text: str, exact: bool = False) -> str:
    """A fill-in answer as compared (``C.normalizeText``): NFC and trimmed;
    unless exact, also without accents or Arabic vowel marks, spaces made one,
    lower case and western digits."""
    s = _TRIM.sub("", unicodedata.normalize("NFC", text or ""))
    if exact:
        return s
    s = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", s)))
    return western_digits(_SPACES.sub(" ", s).lower())


def parse_number(text: str) -> float:
    """A typed number (``C.parseNumber``): "3.5", "3,5", " 1 000 ", "-2e3",
    Arabic separators; NaN when it is not one."""
    s = _NUMBER_SPACES.sub("", western_digits(text or "")).replace("\u066b", ".", 1)
    if "." not in s:
        s = s.replace(",", ".", 1)
    return float(s) if _NUMBER.match(s) else math.nan


def js_round(x: float) -> float:
    """Math.round: the nearest integer, halves towards +infinity."""
    floor = math.floor(x)
    return float(floor + 1 if x - floor >= 0.5 else floor)


def grade(key: dict, answer) -> float:
    """The score (0 to 1) of one answer against one question's key
    (``C.grade``). The answer must have its type's shape (see verify.py)."""
    kind = key["type"]
    if kind == "single":
        return 1 if answer == key["correct"][0] else 0
    if kind == "multiple":
        hits = sum(1 for option in answer if option in key["correct"])
        wrong = len(answer) - hits
        if key.get("scoring") == "partial":
            return max(0, (hits - wrong) / len(key["correct"]))
        return 1 if hits == len(key["correct"]) and not wrong else 0
    if kind == "true_false":
        return 1 if answer is key["answer"] else 0
    if kind == "fill_blank":
        exact = key.get("match") == "exact"
        given = normalize_text(answer, exact)
        return 1 if any(normalize_text(a, exact) == given for a in key["answers"]) else 0
    if kind == "numeric":
        value, right = parse_number(answer), key["answer"]
        return 1 if abs(value - right) <= key["tolerance"] + 1e-9 * max(1, abs(right)) else 0
    if kind == "matching":
        return 1 if all(answer.get(pid) == token for pid, token in key["pairs"].items()) else 0
    if kind == "ordering":
        return 1 if list(answer) == list(key["order"]) else 0
    raise ValueError(f"unknown question type {kind!r}")


def attempt_score(scores: list[float]) -> float:
    """An attempt's percent from its questions' scores in question order
    (``Quiz.finish``: one decimal, halves up)."""
    total = 0
    for score in scores:
        total += score
    return js_round((total / len(scores)) * 1000) / 10
