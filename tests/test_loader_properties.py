"""Property tests: whatever bytes a quiz file holds, the loader answers with a
Quiz or a QuizError that points at a real spot in the file, never a crash."""

from __future__ import annotations

import copy
import textwrap

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_course.quiz import Quiz, QuizError, load_quiz

SOURCE = "quizzes/fuzz.yml"

FAST = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_answer(data: bytes):
    """Load ``data``; the answer must be a Quiz or a well-formed QuizError."""
    try:
        quiz = load_quiz(data, SOURCE)
    except QuizError as error:
        assert error.line >= 1 and error.column >= 1, str(error)
        # the line must exist in the file (or be the one just after its end)
        assert error.line <= data.count(b"\n") + 2, str(error)
        message = str(error)
        assert message.startswith(f"{SOURCE}:{error.line}:{error.column}: "), message
        assert message.endswith((".", "?")), message
        return error
    assert isinstance(quiz, Quiz)
    assert quiz.questions
    quiz.version  # every loaded quiz can be versioned (and so graded)
    return quiz


# -- (a) arbitrary bytes -------------------------------------------------------

# Characters that mean something to YAML, so random text reaches the parser's
# corners rather than being one long plain scalar.
YAML_ALPHABET = st.sampled_from(
    list(":-?[]{},#&*!|>'\"%@`\n\t \\") + ["  ", "\n  ", "- ", ": ", "---\n", "...\n"]
    + ["title", "questions", "id", "type", "single", "options", "text", "correct",
       "true", "1951", "~", "\xe9", "\ufeff", "\x07", "\r\n"]
)


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_give_a_quiz_or_a_quiz_error(data):
    check_answer(data)


@FAST
@given(st.lists(YAML_ALPHABET, max_size=60).map("".join))
def test_yaml_like_text_gives_a_quiz_or_a_quiz_error(text):
    check_answer(text.encode("utf-8"))


@FAST
@given(st.binary(max_size=40), st.integers(min_value=0, max_value=2000))
def test_bytes_spliced_into_a_valid_quiz_give_a_quiz_or_a_quiz_error(junk, at):
    valid = VALID_QUIZ_TEXT.encode("utf-8")
    at = at % (len(valid) + 1)
    check_answer(valid[:at] + junk + valid[at:])


# -- (b) arbitrary YAML documents --------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["Yes", "no", "1951", "2024-01-01", "single", "a", "0x1F", ""])
)
KEYS = st.text(max_size=12) | st.sampled_from(
    ["id", "title", "questions", "type", "prompt", "options", "text", "correct",
     "answer", "answers", "pairs", "items", "left", "right", "feedback", "pass_mark",
     "draw", "tolerance", "shuffle", "scoring", "match"]
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(KEYS | st.integers() | st.booleans() | st.none(), children, max_size=5),
    max_leaves=25,
)


@FAST
@given(DOCUMENTS)
def test_any_yaml_document_gives_a_quiz_or_a_quiz_error(document):
    check_answer(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


VALID_QUIZ_TEXT = textwrap.dedent(
    """\
    title: Fuzzing
    pass_mark: 60
    draw: 3
    questions:
      - id: one
        type: single
        prompt: Pick one.
        feedback:
          correct: Good.
          incorrect: Try again.
        options:
          - id: a
            text: A
            correct: true
            feedback: Yes.
          - id: b
            text: B
            fixed: true
      - id: many
        type: multiple
        prompt: Pick some.
        scoring: partial
        options:
          - {id: a, text: A, correct: true}
          - {id: b, text: B}
      - id: tf
        type: true_false
        prompt: True?
        answer: false
      - id: blank
        type: fill_blank
        prompt: Fill.
        answers: [x, "y"]
        match: exact
      - id: num
        type: numeric
        prompt: How many?
        answer: 25
        tolerance: 0.5
        unit: "%"
      - id: pairs
        type: matching
        prompt: Match.
        pairs:
          - {id: p1, left: L1, right: R1}
          - {id: p2, left: L2, right: R2}
      - id: order
        type: ordering
        prompt: Order.
        items:
          - {id: i1, text: First}
          - {id: i2, text: Second}
    """
)
VALID_QUIZ = yaml.safe_load(VALID_QUIZ_TEXT)


def paths(node, prefix=()):
    """Every path (tuple of keys and indexes) to a value inside ``node``."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


def at(node, path):
    for step in path:
        node = node[step]
    return node


@st.composite
def mutated_quizzes(draw):
    """A valid quiz with a few random changes: keys dropped, values of the
    wrong type, unknown keys, items removed or duplicated."""
    quiz = copy.deepcopy(VALID_QUIZ)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(list(paths(quiz))))
        target = at(quiz, path)
        parent = at(quiz, path[:-1]) if path else None
        kind = draw(st.sampled_from(["drop", "replace", "insert", "duplicate"]))
        if kind == "drop" and path:
            del parent[path[-1]]
        elif kind == "replace":
            value = draw(DOCUMENTS)
            if path:
                parent[path[-1]] = value
            else:
                quiz = value
                break
        elif kind == "insert" and isinstance(target, dict):
            target[draw(KEYS)] = draw(DOCUMENTS)
        elif kind == "insert" and isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(DOCUMENTS))
        elif kind == "duplicate" and isinstance(target, list) and target:
            target.append(copy.deepcopy(draw(st.sampled_from(target))))
    return quiz


def test_the_valid_quiz_used_for_mutations_loads():
    quiz = load_quiz(VALID_QUIZ_TEXT.encode("utf-8"), SOURCE)
    assert len(quiz.questions) == 7


@FAST
@given(mutated_quizzes())
def test_mutated_quizzes_give_a_quiz_or_a_quiz_error(document):
    check_answer(yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8"))


@FAST
@given(mutated_quizzes(), st.sampled_from(["block", "flow"]))
def test_errors_in_mutated_quizzes_point_inside_the_file(document, style):
    text = yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, default_flow_style=(style == "flow")
    )
    answer = check_answer(text.encode("utf-8"))
    if isinstance(answer, QuizError):
        lines = text.split("\n")
        # the column lies on its line (or one past its end, for an empty value)
        assert answer.column <= len(lines[answer.line - 1]) + 2, (str(answer), text)
