"""libyaml composes quiz files when it can; the result must not differ."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_course.quiz import QuizError, load_quiz, yamlsource

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not getattr(yaml, "CSafeLoader", None), reason="PyYAML built without libyaml")

SAMPLES = [p.read_bytes() for p in sorted(ROOT.glob("quizzes/*.yml"))] + [
    p.read_bytes() for p in sorted((ROOT / "tests/fixtures/quiz-site/quizzes").glob("*.yml"))
] + [
    "title: Café é ü\nquestions:\n  - {id: ééé, type: single, prompt: 'ñ', options: []}\n".encode(),
    "title: 日本語\nquestions:\n  - id: q\n    prompt: 日本語日本語\n    type: nope\n".encode(),
    "title: x😀x\nquestions:\n  - id: q\n    prompt: 😀😀\n    type: true_false\n    answer: maybe\n".encode(),
    b"title: &t T\nquestions:\n  - {id: q, type: true_false, prompt: *t, answer: true}\n",
    b"title: 2024-13-45\nquestions:\n  - {id: 1951, type: fill_blank, prompt: Yes, answers: [1951, no]}\n",
]


def outcome(data: bytes, fast: bool):
    saved = yamlsource._FAST_LOADER
    yamlsource._FAST_LOADER = yaml.CSafeLoader if fast else None
    try:
        return repr(load_quiz(data, "quizzes/sample.yml"))
    except QuizError as error:
        return str(error)
    finally:
        yamlsource._FAST_LOADER = saved


@pytest.mark.parametrize("data", SAMPLES)
def test_libyaml_and_python_loaders_agree(data):
    assert outcome(data, fast=True) == outcome(data, fast=False)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SAMPLES), st.integers(0, 400), st.sampled_from(["", " ", "\n", "- x\n", ": ", "é", "#", "'", "  "]))
def test_they_agree_on_mutated_quizzes_that_python_reads(data, cut, insert):
    mutated = data[:cut] + insert.encode() + data[cut:]
    slow = outcome(mutated, fast=False)
    if "invalid YAML" in slow:
        return  # libyaml may accept valid YAML that PyYAML's reader refuses
    assert outcome(mutated, fast=True) == slow
