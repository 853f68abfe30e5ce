"""Valid quiz files load into the model with the fields and defaults a course
author expects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from mkdocs_course.quiz import Quiz, load_quiz
from mkdocs_course.quiz.loader import load_quiz_file
from mkdocs_course.quiz.model import QUESTION_TYPES, Item, Option, Pair

REPO = Path(__file__).resolve().parents[1]


def load(text: str, source: str = "quizzes/basics.yml", **options) -> Quiz:
    return load_quiz(textwrap.dedent(text).encode("utf-8"), source, **options)


def only_question(text: str, **options):
    quiz = load(text, **options)
    assert len(quiz.questions) == 1
    return quiz.questions[0]


TRUE_FALSE = """\
    title: Basics
    questions:
      - id: q
        type: true_false
        prompt: Is water wet?
        answer: true
    """


# -- the quiz and its defaults ---------------------------------------------------


def test_quiz_fields_and_defaults():
    quiz = load(TRUE_FALSE)
    assert quiz.id == "basics"  # from the file name
    assert quiz.title == "Basics"
    assert quiz.source == "quizzes/basics.yml"
    assert quiz.description == ""
    assert quiz.pass_mark == 70.0
    assert quiz.draw is None
    assert quiz.shuffle_questions is False


def test_quiz_id_comes_from_a_yaml_file_name_too():
    assert load(TRUE_FALSE, source="quizzes/module-2_check.yaml").id == "module-2_check"


def test_written_quiz_id_wins_over_the_file_name():
    quiz = load("id: final-check\n" + textwrap.dedent(TRUE_FALSE))
    assert quiz.id == "final-check"


def test_pass_mark_defaults_to_the_argument():
    assert load(TRUE_FALSE, default_pass_mark=80).pass_mark == 80.0


def test_written_pass_mark_wins_over_the_argument():
    quiz = load("pass_mark: 55.5\n" + textwrap.dedent(TRUE_FALSE), default_pass_mark=80)
    assert quiz.pass_mark == 55.5
    assert isinstance(quiz.pass_mark, float)


@pytest.mark.parametrize("mark", ["0", "100", "0.0", "100.0"])
def test_pass_mark_bounds_are_allowed(mark):
    assert load(f"pass_mark: {mark}\n" + textwrap.dedent(TRUE_FALSE)).pass_mark == float(mark)


def test_quiz_options():
    quiz = load(
        """\
        title: "  Spaces around the title are dropped  "
        description: |
          Covers module 1.
          Take your time.
        shuffle_questions: true
        draw: 2
        questions:
          - {id: a, type: true_false, prompt: "A?", answer: true}
          - {id: b, type: true_false, prompt: "B?", answer: false}
          - {id: c, type: true_false, prompt: "C?", answer: TRUE}
        """
    )
    assert quiz.title == "Spaces around the title are dropped"
    assert quiz.description == "Covers module 1.\nTake your time."
    assert quiz.shuffle_questions is True
    assert quiz.draw == 2
    assert [q.id for q in quiz.questions] == ["a", "b", "c"]
    assert [q.answer_bool for q in quiz.questions] == [True, False, True]


def test_a_byte_order_mark_and_windows_line_ends_are_accepted():
    data = b"\xef\xbb\xbf" + textwrap.dedent(TRUE_FALSE).replace("\n", "\r\n").encode()
    quiz = load_quiz(data, "quizzes/basics.yml")
    assert quiz.title == "Basics"
    assert quiz.questions[0].prompt == "Is water wet?"


def test_load_quiz_file_names_the_file_relative_to_the_project(tmp_path):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    path = folder / "basics.yml"
    path.write_text(textwrap.dedent(TRUE_FALSE), encoding="utf-8")
    quiz = load_quiz_file(path, tmp_path, default_pass_mark=60)
    assert quiz.source == "quizzes/basics.yml"
    assert quiz.id == "basics"
    assert quiz.pass_mark == 60.0


# -- every question type ---------------------------------------------------------


def test_single_choice_question():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: capital
            type: single
            prompt: |
              What is the capital of **France**?
              Pick one.
            hint: It is on the Seine.
            explanation: Paris has been the capital since 987.
            feedback:
              correct: Well done.
              incorrect: Have another look at the map.
            options:
              - id: paris
                text: Paris
                correct: true
                feedback: Right.
              - id: lyon
                text: Lyon
              - id: none
                text: None of these
                fixed: true
        """
    )
    assert q.id == "capital"
    assert q.type == "single"
    assert q.prompt == "What is the capital of **France**?\nPick one."
    assert q.hint == "It is on the Seine."
    assert q.explanation == "Paris has been the capital since 987."
    assert q.feedback_correct == "Well done."
    assert q.feedback_incorrect == "Have another look at the map."
    assert q.options == (
        Option(id="paris", text="Paris", correct=True, feedback="Right."),
        Option(id="lyon", text="Lyon"),
        Option(id="none", text="None of these", fixed=True),
    )
    assert q.shuffle is True
    assert q.answer_key() == {"correct": ["paris"]}


def test_optional_question_texts_default_to_empty():
    q = only_question(TRUE_FALSE)
    assert (q.hint, q.explanation, q.feedback_correct, q.feedback_incorrect) == ("", "", "", "")


def test_multiple_choice_question_scores_all_or_nothing_by_default():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: primes
            type: multiple
            prompt: Which are prime?
            options:
              - {id: two, text: "2", correct: true}
              - {id: three, text: "3", correct: true}
              - {id: four, text: "4"}
        """
    )
    assert q.type == "multiple"
    assert q.scoring == "all_or_nothing"
    assert [o.id for o in q.options if o.correct] == ["two", "three"]
    assert q.answer_key() == {"correct": ["two", "three"], "scoring": "all_or_nothing"}


def test_multiple_choice_question_with_partial_scoring():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: primes
            type: multiple
            prompt: Which are prime?
            scoring: partial
            options:
              - {id: two, text: "2", correct: true}
              - {id: four, text: "4"}
        """
    )
    assert q.scoring == "partial"


@pytest.mark.parametrize(
    ("written", "expected"), [("true", True), ("false", False), ("True", True), ("FALSE", False)]
)
def test_true_false_question(written, expected):
    q = only_question(TRUE_FALSE.replace("answer: true", f"answer: {written}"))
    assert q.type == "true_false"
    assert q.answer_bool is expected
    assert q.answer_key() == {"answer": expected}


def test_fill_blank_question_matches_normalized_by_default():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: convention
            type: fill_blank
            prompt: Which ILO convention covers harassment?
            answers: ["190", " C190 ", No. 190]
        """
    )
    assert q.type == "fill_blank"
    assert q.answers == ("190", "C190", "No. 190")
    assert q.match == "normalized"


def test_fill_blank_question_with_exact_match():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: symbol
            type: fill_blank
            prompt: The chemical symbol of gold?
            answers: [Au]
            match: exact
        """
    )
    assert q.match == "exact"
    assert q.answer_key() == {"answers": ["Au"], "match": "exact"}


def test_numeric_question_has_no_tolerance_by_default():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: rate
            type: numeric
            prompt: 5 of 20 staff left. Turnover in percent?
            answer: 25
        """
    )
    assert q.type == "numeric"
    assert q.answer_number == 25.0
    assert isinstance(q.answer_number, float)
    assert q.tolerance == 0.0
    assert q.unit == ""


def test_numeric_question_with_tolerance_and_unit():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: pi
            type: numeric
            prompt: Pi to two decimals?
            answer: -3.14e+0
            tolerance: 0.005
            unit: " rad "
        """
    )
    assert q.answer_number == -3.14
    assert q.tolerance == 0.005
    assert q.unit == "rad"
    assert q.answer_key() == {"answer": -3.14, "tolerance": 0.005}


def test_matching_rows_follow_the_quiz_shuffle():
    q = only_question(
        """\
        title: Basics
        shuffle: false
        questions:
          - id: capitals
            type: matching
            prompt: Match each country with its capital.
            pairs:
              - id: fr
                left: France
                right: Paris
              - id: de
                left: Germany
                right: Berlin
        """
    )
    assert q.type == "matching"
    assert q.pairs == (
        Pair(id="fr", left="France", right="Paris"),
        Pair(id="de", left="Germany", right="Berlin"),
    )
    # the rows keep their written order; the right-hand choices are never in
    # answer order anyway (they are listed by an opaque token)
    assert q.shuffle is False


def test_ordering_question_keeps_the_items_in_written_order():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: steps
            type: ordering
            prompt: Put the steps in order.
            items:
              - {id: look, text: Look at your data}
              - {id: talk, text: Talk with staff}
              - {id: act, text: Try a change}
        """
    )
    assert q.type == "ordering"
    assert q.items == (
        Item(id="look", text="Look at your data"),
        Item(id="talk", text="Talk with staff"),
        Item(id="act", text="Try a change"),
    )
    assert q.answer_key() == {"order": ["look", "talk", "act"]}


# -- shuffling -------------------------------------------------------------------

CHOICES = """\
    title: Basics
    {quiz_line}
    questions:
      - id: q
        type: {qtype}
        prompt: Pick.
        {question_line}
        options:
          - {{id: a, text: A, correct: true}}
          - {{id: b, text: B}}
    """


@pytest.mark.parametrize("qtype", ["single", "multiple"])
@pytest.mark.parametrize(
    ("quiz_line", "question_line", "expected"),
    [
        ("", "", True),
        ("shuffle: false", "", False),
        ("shuffle: true", "", True),
        ("shuffle: false", "shuffle: true", True),
        ("", "shuffle: false", False),
    ],
)
def test_choice_options_shuffle_as_the_quiz_says_unless_the_question_says(
    qtype, quiz_line, question_line, expected
):
    text = CHOICES.format(qtype=qtype, quiz_line=quiz_line, question_line=question_line)
    assert only_question(text).shuffle is expected


def test_matching_question_can_turn_shuffling_off():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: capitals
            type: matching
            prompt: Match.
            shuffle: false
            pairs:
              - {id: fr, left: France, right: Paris}
              - {id: de, left: Germany, right: Berlin}
        """
    )
    assert q.shuffle is False


# -- words kept as written -------------------------------------------------------


def test_unquoted_words_in_text_fields_keep_the_words_as_written():
    # YAML 1.1 reads these as true, false, numbers, dates or nothing; in a
    # text field the author means the words.
    quiz = load(
        """\
        title: Yes
        description: 1951
        questions:
          - id: q
            type: single
            prompt: No
            hint: 3.10
            explanation: 2024-01-01
            feedback:
              correct: On
              incorrect: Off
            options:
              - id: a
                text: Yes
                correct: true
                feedback: 0x1F
              - id: b
                text: 1_000
          - id: n
            type: numeric
            prompt: 12:30
            answer: 1
            unit: 1e3
          - id: m
            type: matching
            prompt: y
            pairs:
              - {id: p, left: n, right: 1951}
              - {id: r, left: .5, right: .inf}
          - id: o
            type: ordering
            prompt: 07
            items:
              - {id: i, text: True}
              - {id: j, text: FALSE}
        """
    )
    assert quiz.title == "Yes"
    assert quiz.description == "1951"
    single, numeric, matching, ordering = quiz.questions
    assert single.prompt == "No"
    assert single.hint == "3.10"
    assert single.explanation == "2024-01-01"
    assert (single.feedback_correct, single.feedback_incorrect) == ("On", "Off")
    assert [(o.text, o.feedback) for o in single.options] == [("Yes", "0x1F"), ("1_000", "")]
    assert numeric.prompt == "12:30"
    assert numeric.unit == "1e3"
    assert [(p.left, p.right) for p in matching.pairs] == [("n", "1951"), (".5", ".inf")]
    assert ordering.prompt == "07"
    assert [i.text for i in ordering.items] == ["True", "FALSE"]


def test_unquoted_accepted_answers_keep_the_words_as_written():
    q = only_question(
        """\
        title: Basics
        questions:
          - id: q
            type: fill_blank
            prompt: Type anything.
            answers:
              - 1951
              - Yes
              - off
              - 3.10
              - 0o17
              - 2024-01-01
              - 1_000
        """
    )
    assert q.answers == ("1951", "Yes", "off", "3.10", "0o17", "2024-01-01", "1_000")


def test_unquoted_ids_keep_the_words_as_written():
    quiz = load(
        """\
        id: 2024
        title: Basics
        questions:
          - id: 1951-05-01
            type: single
            prompt: Pick.
            options:
              - {id: yes, text: A, correct: true}
              - {id: 007, text: B}
        """
    )
    assert quiz.id == "2024"
    q = quiz.questions[0]
    assert q.id == "1951-05-01"
    assert [o.id for o in q.options] == ["yes", "007"]


def test_plain_words_that_look_like_yaml_types_are_text():
    # a date that is no real date, and the YAML 1.1 '=' and '<<' values
    quiz = load(
        """\
        title: 2024-13-45
        questions:
          - id: q
            type: fill_blank
            prompt: =
            answers: [<<, =]
        """
    )
    assert quiz.title == "2024-13-45"
    assert quiz.questions[0].prompt == "="
    assert quiz.questions[0].answers == ("<<", "=")


def test_escaped_characters_in_double_quotes():
    q = only_question(
        r"""
        title: Basics
        questions:
          - id: q
            type: fill_blank
            prompt: "Smile \U0001F600 or \ud83d\ude00, then a tab:\t."
            answers: ["caf\u00e9"]
        """
    )
    assert q.prompt == "Smile \U0001f600 or \U0001f600, then a tab:\t."
    assert q.answers == ("café",)


def test_an_alias_reuses_a_value():
    quiz = load(
        """\
        title: Basics
        questions:
          - id: a
            type: true_false
            prompt: &same Is this the same prompt?
            answer: true
          - id: b
            type: true_false
            prompt: *same
            answer: false
        """
    )
    assert [q.prompt for q in quiz.questions] == ["Is this the same prompt?"] * 2


# -- the demo quiz -----------------------------------------------------------------


def test_the_demo_quiz_loads():
    path = REPO / "quizzes" / "why-equality.yml"
    quiz = load_quiz(path.read_bytes(), "quizzes/why-equality.yml")
    assert quiz.id == "why-equality"
    assert quiz.title == "Why equality is good business"
    assert quiz.pass_mark == 70.0
    assert [q.type for q in quiz.questions] == list(QUESTION_TYPES)
    by_id = {q.id: q for q in quiz.questions}
    assert [o.id for o in by_id["turnover-cost"].options if o.correct] == ["a"]
    benefits = by_id["benefits"]
    assert benefits.scoring == "partial"
    assert [o.id for o in benefits.options if o.fixed] == ["none"]
    assert by_id["equal-value"].answer_bool is False
    assert by_id["equal-value"].feedback_correct.startswith("Right. ILO Convention No. 100")
    assert by_id["discrimination-kind"].answers == ("indirect", "indirect discrimination")
    assert by_id["discrimination-kind"].match == "normalized"
    rate = by_id["turnover-rate"]
    assert (rate.answer_number, rate.tolerance, rate.unit) == (25.0, 0.5, "%")
    assert len(by_id["practice-benefit"].pairs) == 4
    assert [i.id for i in by_id["improvement-steps"].items] == [
        "look", "talk", "choose", "try", "review",
    ]


# -- the version: changes exactly when grading changes --------------------------------

VERSIONED = textwrap.dedent(
    """\
    title: Versioned
    pass_mark: 70
    questions:
      - id: pick
        type: single
        prompt: Which one?
        hint: A hint.
        options:
          - id: a
            text: Option A
            correct: true
            feedback: Yes.
          - id: b
            text: Option B
      - id: rate
        type: numeric
        prompt: How much?
        answer: 25
        tolerance: 0.5
      - id: steps
        type: ordering
        prompt: Order them.
        items:
          - {id: one, text: First}
          - {id: two, text: Second}
    """
)


def version(text: str = VERSIONED, **options) -> str:
    return load(text, **options).version


def changed(*replacements: tuple[str, str]) -> str:
    text = VERSIONED
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_version_is_a_short_stable_hash():
    assert version() == version()
    assert len(version()) == 12
    int(version(), 16)


WORDING_CHANGES = {
    "prompt": [("prompt: Which one?", "prompt: Which one, please?")],
    "title": [("title: Versioned", "title: Versioned again")],
    "description": [("pass_mark: 70", "description: New words.\npass_mark: 70")],
    "hint": [("hint: A hint.", "hint: Another hint.")],
    "option text": [("text: Option A", "text: Option A, typo fixed")],
    "option feedback": [("feedback: Yes.", "feedback: Yes, well done.")],
    "item text": [("text: First", "text: First of all")],
}


@pytest.mark.parametrize("replacements", WORDING_CHANGES.values(), ids=WORDING_CHANGES.keys())
def test_version_is_stable_when_only_wording_changes(replacements):
    assert version(changed(*replacements)) == version()


GRADING_CHANGES = {
    "correct option": [
        ("        correct: true\n", ""),
        ("text: Option B", "text: Option B\n        correct: true"),
    ],
    "numeric answer": [("answer: 25", "answer: 26")],
    "tolerance": [("tolerance: 0.5", "tolerance: 1")],
    "item order": [
        ("- {id: one, text: First}", "- {id: zero, text: Zeroth}"),
        ("- {id: two, text: Second}", "- {id: one, text: First}"),
        ("- {id: zero, text: Zeroth}", "- {id: two, text: Second}"),
    ],
    "option id": [("- id: b", "- id: c")],
    "added option": [("text: Option B", "text: Option B\n      - {id: c, text: Option C}")],
    "pass mark": [("pass_mark: 70", "pass_mark: 80")],
    "question id": [("id: rate", "id: turnover")],
    "draw": [("pass_mark: 70", "pass_mark: 70\ndraw: 2")],
}


@pytest.mark.parametrize("replacements", GRADING_CHANGES.values(), ids=GRADING_CHANGES.keys())
def test_version_changes_when_grading_changes(replacements):
    assert version(changed(*replacements)) != version()


def test_version_changes_with_the_default_pass_mark_it_uses():
    text = changed(("pass_mark: 70\n", ""))
    assert version(text, default_pass_mark=70) == version()
    assert version(text, default_pass_mark=80) != version()
