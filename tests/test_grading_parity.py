"""The trainer's Python grader gives exactly the browser's scores: the same
keys and answers graded by C.grade in Chromium (the runtime's own
grading.js) and by mkdocs_course.trainer.grading, curated and generated."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_course.runtime import runtime_assets
from mkdocs_course.trainer.grading import attempt_score, grade, normalize_text, parse_number

pytestmark = pytest.mark.browser


KEYS = {
    "single": {"type": "single", "correct": ["b"]},
    "multiple": {"type": "multiple", "correct": ["two", "four"], "scoring": "all_or_nothing"},
    "partial": {"type": "multiple", "correct": ["a", "c", "d"], "scoring": "partial"},
    "truth": {"type": "true_false", "answer": False},
    "blank": {"type": "fill_blank", "answers": ["Paris", "Zoë Café", "مَرْحَبًا", "١٩٠ km", "Ærø"], "match": "normalized"},
    "exact": {"type": "fill_blank", "answers": ["Zoë", "iPhone"], "match": "exact"},
    "number": {"type": "numeric", "answer": 3.5, "tolerance": 0.01},
    "integer": {"type": "numeric", "answer": 1000, "tolerance": 0},
    "tiny": {"type": "numeric", "answer": 0.1, "tolerance": 0.2},
    "match": {"type": "matching", "pairs": {"cat": "1a2b3c4d", "dog": "5e6f7a8b", "cow": "9c0d1e2f"}},
    "order": {"type": "ordering", "order": ["one", "two", "three"]},
}

CASES = [
    ("single", "b"), ("single", "a"),
    ("multiple", ["two", "four"]), ("multiple", ["four", "two"]), ("multiple", ["two"]), ("multiple", ["two", "four", "five"]),
    ("partial", ["a"]), ("partial", ["a", "c"]), ("partial", ["a", "b"]), ("partial", ["b"]), ("partial", ["a", "c", "d", "b"]), ("partial", ["d", "c", "a"]),
    ("truth", False), ("truth", True),
    ("blank", "  paris "), ("blank", "PARIS"), ("blank", "zoe   cafe"), ("blank", "Zoë\u00a0Café"), ("blank", "Zoe\u0301 Cafe\u0301"),
    ("blank", "مرحبا"), ("blank", "مَرْحَبًا"), ("blank", "190 KM"), ("blank", "۱۹۰ km"), ("blank", "aero"), ("blank", "ærø"),
    ("blank", "Lyon"), ("blank", ""), ("blank", "\ufeffParis\u2028"),
    ("exact", "Zoë"), ("exact", "zoë"), ("exact", "Zoe\u0308"), ("exact", " iPhone "), ("exact", "iphone"),
    ("number", "3,5"), ("number", "3.5"), ("number", " 3.505 "), ("number", "3.52"), ("number", "٣٫٥"), ("number", "3,50"),
    ("number", "+3.5e0"), ("number", "35e-1"), ("number", "3.5.1"), ("number", "abc"), ("number", "3,5,1"), ("number", ""),
    ("integer", "1 000"), ("integer", "1\u202f000"), ("integer", "1٬000"), ("integer", "1,000"), ("integer", "1000."),
    ("integer", "١٠٠٠"), ("integer", "1e3"), ("integer", "1E3"), ("integer", "0x3e8"), ("integer", "1_000"),
    ("tiny", ".1"), ("tiny", "0.3"), ("tiny", "0.30000000000000004"), ("tiny", "-0.1"), ("tiny", "-.1"), ("tiny", "0.31"), ("tiny", "-0.1000001"),
    ("match", {"cat": "1a2b3c4d", "dog": "5e6f7a8b", "cow": "9c0d1e2f"}), ("match", {"cat": "5e6f7a8b", "dog": "1a2b3c4d", "cow": "9c0d1e2f"}),
    ("match", {"cat": "1a2b3c4d", "dog": "5e6f7a8b", "cow": ""}),
    ("order", ["one", "two", "three"]), ("order", ["two", "one", "three"]),
]


@pytest.fixture(scope="module")
def grader(browser):
    """A page holding the quiz runtime exactly as the site ships it (no quiz on the page)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html lang='en'><title>grading</title></html>")
    page.add_script_tag(content=runtime_assets()[0].content.decode("utf-8"))
    yield page
    context.close()


def browser_scores(page, pairs) -> list[float]:
    return page.evaluate("pairs => pairs.map(([k, a]) => mkdocsCourse.grade(k, a).score)", [[k, a] for k, a in pairs])


def test_curated_answers_get_the_same_score_in_the_browser_and_in_python(grader):
    pairs = [(KEYS[name], answer) for name, answer in CASES]
    expected = browser_scores(grader, pairs)
    assert [grade(k, a) for k, a in pairs] == expected
    # the cases do test something: each key both passes and fails somewhere
    for name in KEYS:
        got = {s for (n, _), s in zip(CASES, expected) if n == name}
        assert 1 in got and 0 in got, name


def test_normalisation_and_number_parsing_match_the_browser(grader):
    texts = [answer for _, answer in CASES if isinstance(answer, str)]
    js = grader.evaluate("ts => ts.map(t => [mkdocsCourse.normalizeText(t), mkdocsCourse.normalizeText(t, true), String(mkdocsCourse.parseNumber(t))])", texts)
    py = [[normalize_text(t), normalize_text(t, True), _js_number(parse_number(t))] for t in texts]
    assert py == js


def _js_number(value: float) -> str:
    if value != value:
        return "NaN"
    return grader_number(value)


def grader_number(value: float) -> str:
    # JavaScript's String() for the plain numbers these tests produce
    return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)


ALPHABET = list("aAeEéÉèçÇøØæß İıΣσςŉ ,.+-e0123456789٠١٢٣٤٥٦٧٨٩۰۱۹\u066b\u066c\u00a0\u202f\u2009\t\n\ufeffمرحبا\u064e\u064b\u0670\u0651ﻻ")
answers_text = st.one_of(
    st.text(alphabet=st.sampled_from(ALPHABET), max_size=12),
    st.text(st.characters(max_codepoint=0x2FFF, exclude_categories=("Cs", "Co", "Cn")), max_size=8),
)
PARITY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PARITY
@given(typed=answers_text, accepted=st.lists(answers_text, min_size=1, max_size=3), exact=st.booleans())
def test_generated_fill_in_answers_grade_alike(grader, typed, accepted, exact):
    key = {"type": "fill_blank", "answers": accepted + [typed.upper()], "match": "exact" if exact else "normalized"}
    assert [grade(key, typed)] == browser_scores(grader, [(key, typed)])


@PARITY
@given(typed=answers_text, answer=st.floats(-1e6, 1e6, allow_nan=False), tolerance=st.sampled_from([0, 0.01, 0.5, 1e-9, 3]))
def test_generated_numbers_grade_alike(grader, typed, answer, tolerance):
    key = {"type": "numeric", "answer": answer, "tolerance": tolerance}
    near = repr(answer).replace(".", ",") if "e" not in repr(answer) else repr(answer)
    pairs = [(key, typed), (key, near), (key, str(answer + tolerance))]
    assert [grade(k, a) for k, a in pairs] == browser_scores(grader, pairs)


OPTIONS = ["a", "b", "c", "d", "e"]


@PARITY
@given(correct=st.lists(st.sampled_from(OPTIONS), min_size=1, max_size=5, unique=True),
       chosen=st.lists(st.sampled_from(OPTIONS), max_size=5, unique=True),
       scoring=st.sampled_from(["partial", "all_or_nothing"]),
       order=st.permutations(OPTIONS))
def test_generated_choices_and_orders_grade_alike(grader, correct, chosen, scoring, order):
    pairs = [({"type": "multiple", "correct": correct, "scoring": scoring}, chosen),
             ({"type": "single", "correct": correct[:1]}, chosen[0] if chosen else "z"),
             ({"type": "ordering", "order": OPTIONS}, list(order)),
             ({"type": "matching", "pairs": dict(zip(OPTIONS, order))}, dict(zip(OPTIONS, chosen + OPTIONS)))]
    assert [grade(k, a) for k, a in pairs] == browser_scores(grader, pairs)


@PARITY
@given(scores=st.lists(st.sampled_from([0, 1, 1 / 3, 2 / 3, 0.5, 0.25, 1 / 7, 0.2]), min_size=1, max_size=40))
def test_attempt_scores_round_alike(grader, scores):
    # Quiz.finish: the sum in question order, one decimal, halves up
    js = grader.evaluate("s => { let sum = 0; s.forEach(x => { sum += x; }); return Math.round((sum / s.length) * 1000) / 10; }", scores)
    assert attempt_score(scores) == js
