"""Every problem in a quiz file reaches the author as one exact message:
``path:line:column: quiz 'id', question 'id': what was found. What to do.``"""

from __future__ import annotations

import textwrap

import pytest
import yaml
from mkdocs_course.quiz import QuizCollection, QuizError, load_quiz
from mkdocs_course.quiz.loader import load_quiz_file
from mkdocs_course.quiz.yamlsource import parse

SOURCE = "quizzes/basics.yml"

ID_RULE = (
    "An id starts with a letter or digit and holds only letters, digits, "
    "'-' and '_' (at most 64 characters)."
)
TYPES = "single, multiple, true_false, fill_blank, numeric, matching, ordering"
QUIZ_KEYS = "id, title, description, pass_mark, shuffle, shuffle_questions, draw, questions"


def error(text: str | bytes, source: str = SOURCE) -> str:
    """The message for a quiz file that must fail (YAML text is dedented)."""
    data = text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8")
    with pytest.raises(QuizError) as info:
        load_quiz(data, source)
    return str(info.value)


# A valid question, to complete quizzes whose problem lies elsewhere.
QUESTION = (
    "  - id: q\n"
    "    type: true_false\n"
    "    prompt: Is water wet?\n"
    "    answer: true\n"
)


def quiz(head: str) -> str:
    """A quiz file with the given top-level lines and one valid question."""
    return textwrap.dedent(head) + "questions:\n" + QUESTION


def test_the_quiz_helper_builds_a_valid_quiz():
    assert load_quiz(quiz("title: Basics\n").encode(), SOURCE).questions[0].id == "q"


# -- the file: encoding and YAML syntax ------------------------------------------------


def test_not_utf8():
    data = "title: Basics\nquestions:\n  - id: q\n    prompt: Caf".encode() + b"\xe9 au lait\n"
    assert error(data) == (
        "quizzes/basics.yml:4:16: the file is not valid UTF-8 text "
        "(byte 0xe9 cannot start or continue a character). "
        "Save the file with UTF-8 encoding in your editor."
    )


def test_not_utf8_column_counts_characters_not_bytes():
    # 'Ça coûte' holds two 2-byte characters before the bad byte
    data = "title: Ça coûte ".encode() + b"\x80\n"
    assert error(data) == (
        "quizzes/basics.yml:1:17: the file is not valid UTF-8 text "
        "(byte 0x80 cannot start or continue a character). "
        "Save the file with UTF-8 encoding in your editor."
    )


def test_not_utf8_after_a_byte_order_mark():
    data = b"\xef\xbb\xbftitle: Caf\xe9\n"
    assert error(data) == (
        "quizzes/basics.yml:1:11: the file is not valid UTF-8 text "
        "(byte 0xe9 cannot start or continue a character). "
        "Save the file with UTF-8 encoding in your editor."
    )


def test_control_character():
    assert error("title: Basics\nquestions:\n  - id: q\x07\n".encode()) == (
        "quizzes/basics.yml:3:10: invalid YAML: the file contains the special character "
        "U+0007, which YAML does not allow. Delete it; such characters are invisible in "
        "most editors and often come with text pasted from another program."
    )


def test_bad_indentation_of_a_key():
    assert error(
        """\
        title: Basics
        questions:
          - id: q
           type: single
        """
    ) == (
        "quizzes/basics.yml:4:4: invalid YAML: this line is not indented like the lines "
        "before it. Indent each key like the other keys of its block, with spaces."
    )


def test_key_indented_too_far():
    assert error(
        """\
        title: Basics
        questions:
          - id: q
              type: single
        """
    ) == (
        "quizzes/basics.yml:4:11: invalid YAML: this ': ' is read as the start of a new "
        "'key: value'. If the text contains ': ', put the whole text in quotes; otherwise "
        "indent this line like the other keys of its block."
    )


def test_text_with_colon_space_unquoted():
    assert error("title: Module 1: Basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:16: invalid YAML: this ': ' is read as the start of a new "
        "'key: value'. If the text contains ': ', put the whole text in quotes; otherwise "
        "indent this line like the other keys of its block."
    )


def test_list_item_among_keys():
    assert error(
        """\
        title: Basics
        - id: q
        """
    ) == (
        "quizzes/basics.yml:2:1: invalid YAML: this line is not indented like the lines "
        "before it. Indent each key like the other keys of its block, with spaces."
    )


def test_tab_indentation():
    assert error("title: Basics\nquestions:\n\t- id: q\n") == (
        "quizzes/basics.yml:3:1: invalid YAML: a tab is used for indentation, but YAML "
        "allows only spaces. Replace the tab with spaces."
    )


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote(quote):
    assert error(
        f"""\
        title: Basics
        description: {quote}Covers module 1
        questions: []
        """
    ) == (
        "quizzes/basics.yml:2:14: invalid YAML: the quote that opens here is never closed. "
        "Add the closing quote at the end of the text. Inside '...' write a single quote "
        "as '', inside \"...\" write a double quote as \\\"."
    )


def test_unknown_escape_in_double_quotes():
    assert error(
        r"""
        title: "Solve \(x^2\)"
        questions: []
        """
    ) == (
        "quizzes/basics.yml:2:15: invalid YAML: '\\(' is not a valid escape in a text in "
        "double quotes. Write a backslash as '\\\\', or use single quotes, in which a "
        "backslash is plain text."
    )


def test_text_starting_with_markdown_bold():
    assert error("title: **Important** basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: invalid YAML: a text that starts with '*' is read as a "
        "YAML alias. Put the whole text in double quotes."
    )


def test_text_starting_with_ampersand():
    assert error("title: & more\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: invalid YAML: a text that starts with '&' is read as a "
        "YAML anchor. Put the whole text in double quotes."
    )


def test_text_starting_with_backtick():
    assert error("title: `code` basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: invalid YAML: a text cannot start with '`' unless it is "
        "in quotes. Put the whole text in double quotes."
    )


def test_text_after_a_closing_bracket():
    assert error("title: [Draft] Basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:16: invalid YAML: unexpected text after a value that was "
        "already complete. A text that starts with a quote, '[' or '{' ends at the "
        "matching closing mark; put the whole text in quotes."
    )


def test_unclosed_bracket():
    assert error("title: [Draft\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: invalid YAML: the '[' here is never closed with ']'. "
        "If this is text, put it in quotes; otherwise close it with ']'."
    )


def test_file_ending_inside_brackets():
    assert error("title: Basics\nquestions: [\n") == (
        "quizzes/basics.yml:3:1: invalid YAML: the file ends inside a '[...]' or '{...}' "
        "that is never closed. Close it with ']' or '}'; if it is text that starts with "
        "'[' or '{', put it in quotes."
    )


def test_question_mark_inside_braces():
    # Valid YAML: libyaml reads it; PyYAML's pure-Python reader alone ends a
    # plain text at '?' inside {...}, and then the message explains it.
    text = """\
        title: Basics
        questions:
          - {id: q, type: true_false, prompt: Wet?, answer: true}
        """
    if getattr(yaml, "CSafeLoader", None) is not None:
        quiz = load_quiz(textwrap.dedent(text).encode("utf-8"), SOURCE)
        assert quiz.questions[0].prompt == "Wet?"
        return
    assert error(text) == (
        "quizzes/basics.yml:3:42: invalid YAML: '?' cannot stand here, inside the '{...}' "
        "that starts on column 5. Put the text that holds it in quotes."
    )


def test_undefined_alias():
    assert error("title: *basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: invalid YAML: '*basics' refers to an anchor '&basics' "
        "that is not defined before it. A text that starts with '*' must be in quotes; "
        "to reuse a value, mark it with '&basics' first."
    )


def test_duplicate_anchor():
    assert error(
        """\
        title: &t Basics
        description: &t More
        questions: []
        """
    ) == (
        "quizzes/basics.yml:2:14: invalid YAML: the anchor '&t' is defined twice "
        "(first on line 1). Give each anchor its own name."
    )


def test_recursive_alias_in_a_list():
    assert error(
        """\
        title: Basics
        questions: &all
          - *all
        """
    ) == (
        "quizzes/basics.yml:3:5: this YAML alias refers to a list or mapping that "
        "contains it. Remove the '*alias', or point it at a value outside its own anchor."
    )


def test_recursive_alias_in_a_mapping():
    assert error(
        """\
        title: Basics
        questions:
          - &q
            id: q
            feedback: *q
        """
    ) == (
        "quizzes/basics.yml:5:15: this YAML alias refers to a list or mapping that "
        "contains it. Remove the '*alias', or point it at a value outside its own anchor."
    )


def test_aliases_are_converted_once():
    lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a, a]"] + [
        f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 3)
    ]
    document = parse("\n".join(lines) + "\n", SOURCE)
    assert document["l2"][0] is document["l2"][1] is document["l1"]
    assert error("\n".join(lines) + "\n") == (
        f"quizzes/basics.yml:1:1: quiz 'basics': unknown key 'l0' in the quiz. "
        f"Valid keys here: {QUIZ_KEYS}."
    )


def test_what_aliases_repeat_is_limited():
    # a "billion laughs" file: 10**8 values if every alias were expanded
    lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a, a]"] + [
        f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)
    ]
    assert error("\n".join(lines) + "\n") == (
        "quizzes/basics.yml:4:45: the aliases in this file repeat more than 10,000 values "
        "(1,111 at this '*l2' alone), which would make a huge quiz page. Aliases are for "
        "reusing a few values; write the repeated part out where it is needed, or split "
        "the quiz into several files."
    )


def test_what_aliases_repeat_is_limited_in_characters_too():
    text = "title: &t " + "x" * 200_000 + "\ndescription: [*t, *t, *t, *t, *t, *t]\nquestions: []\n"
    assert error(text) == (
        "quizzes/basics.yml:2:35: the aliases in this file repeat more than 1,000,000 "
        "characters of text (200,000 at this '*t' alone), which would make a huge quiz page. "
        "Aliases are for reusing a few values; write the repeated part out where it is needed, "
        "or split the quiz into several files."
    )


def test_nested_too_deeply():
    assert error("title: " + "[" * 70 + "]" * 70 + "\n") == (
        "quizzes/basics.yml:1:72: the YAML is nested too deeply. Flatten the structure."
    )


def test_several_documents():
    assert error(
        """\
        title: Basics
        questions: []
        ---
        title: More
        """
    ) == (
        "quizzes/basics.yml:3:1: invalid YAML: a second YAML document starts here, but a "
        "quiz file holds one quiz. Remove the '---' line, or move the second quiz to a "
        "file of its own."
    )


def test_duplicate_key():
    assert error(
        """\
        title: Basics
        questions: []
        title: Again
        """
    ) == (
        "quizzes/basics.yml:3:1: the key 'title' is written twice (first on line 1). "
        "Keep one of them."
    )


def test_key_that_is_a_list():
    assert error("[title, name]: Basics\n") == (
        "quizzes/basics.yml:1:1: a key must be a plain word, not a list or mapping. "
        "Write keys such as 'title:' or 'questions:'."
    )


def test_merge_key():
    assert error(
        """\
        base: &base {title: Basics}
        <<: *base
        questions: []
        """
    ) == (
        "quizzes/basics.yml:2:1: YAML merge keys ('<<: *name') are not supported in quiz "
        "files. Write the keys out in full."
    )


def test_unsupported_tag():
    assert error("title: !important Basics\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: the YAML tag '!important' is not supported in quiz "
        "files. Remove the tag; a text that starts with '!' must be in quotes."
    )


def test_python_tag_on_a_list_is_refused():
    assert error("title: !!python/object/apply:os.system [ls]\nquestions: []\n") == (
        "quizzes/basics.yml:1:8: the YAML tag '!!python/object/apply:os.system' is not "
        "supported in quiz files. Remove the tag; a text that starts with '!' must be in "
        "quotes."
    )


def test_set_tag_is_refused():
    assert error("title: Basics\nquestions: !!set {a, b}\n") == (
        "quizzes/basics.yml:2:12: the YAML tag '!!set' is not supported in quiz files. "
        "Remove the tag; a text that starts with '!' must be in quotes."
    )


def test_tagged_value_that_cannot_be_read():
    assert error("title: Basics\npass_mark: !!int seventy\nquestions: []\n") == (
        "quizzes/basics.yml:2:12: the value 'seventy' cannot be read as '!!int' "
        "(invalid literal for int() with base 10: 'seventy'). "
        "Remove the '!!int' tag, or correct the value."
    )


def test_half_a_surrogate_pair_escape():
    assert error('title: "Smile \\ud83d"\nquestions: []\n') == (
        "quizzes/basics.yml:1:8: the escape '\\ud83d' is half of a character pair, and "
        "the other half is missing. Write the character itself, or its full "
        "'\\U0001xxxx' escape."
    )


# -- the top level ---------------------------------------------------------------------


def test_empty_file():
    assert error("") == (
        "quizzes/basics.yml:1:1: the file is empty. "
        "Write a quiz with at least a 'title' and 'questions'."
    )


def test_file_with_only_comments():
    assert error("# a quiz will come here\n\n") == (
        "quizzes/basics.yml:1:1: the file is empty. "
        "Write a quiz with at least a 'title' and 'questions'."
    )


def test_top_level_list():
    assert error(
        """\
        # the questions, without the quiz around them
        - id: q
          type: true_false
        """
    ) == (
        "quizzes/basics.yml:2:1: the top level of a quiz file must be a mapping of "
        "'key: value' lines, but found a list ('- ' items). "
        "Write it as indented 'key: value' lines."
    )


def test_top_level_text():
    assert error("Basics\n") == (
        "quizzes/basics.yml:1:1: the top level of a quiz file must be a mapping of "
        "'key: value' lines, but found text. Write it as indented 'key: value' lines."
    )


def test_top_level_number():
    assert error("\n1951\n") == (
        "quizzes/basics.yml:2:1: the top level of a quiz file must be a mapping of "
        "'key: value' lines, but found a number. Write it as indented 'key: value' lines."
    )


# -- the quiz --------------------------------------------------------------------------


def test_unknown_quiz_key():
    assert error(quiz("title: Basics\nauthor: Ana\n")) == (
        f"quizzes/basics.yml:2:1: quiz 'basics': unknown key 'author' in the quiz. "
        f"Valid keys here: {QUIZ_KEYS}."
    )


def test_misspelled_quiz_key():
    assert error(quiz("title: Basics\npass_mrak: 70\n")) == (
        f"quizzes/basics.yml:2:1: quiz 'basics': unknown key 'pass_mrak' in the quiz. "
        f"Did you mean 'pass_mark'? Valid keys here: {QUIZ_KEYS}."
    )


def test_question_instead_of_questions():
    assert error("title: Basics\nquestion:\n" + QUESTION) == (
        f"quizzes/basics.yml:2:1: quiz 'basics': unknown key 'question' in the quiz. "
        f"Did you mean 'questions'? Valid keys here: {QUIZ_KEYS}."
    )


def test_missing_title():
    assert error(quiz("pass_mark: 70\n")) == (
        "quizzes/basics.yml:1:1: quiz 'basics': the quiz has no 'title'. "
        "Add 'title:' to the quiz."
    )


def test_empty_title():
    assert error(quiz("title: ''\n")) == (
        "quizzes/basics.yml:1:8: quiz 'basics': 'title' of the quiz is empty. "
        "Write the title text."
    )


def test_title_given_a_list():
    assert error(quiz("title:\n  - Basics\n  - More\n")) == (
        "quizzes/basics.yml:2:3: quiz 'basics': 'title' of the quiz must be text, but "
        "found a list ('- ' items). Write the text on the same line (in quotes if it "
        "starts with '[' or '{'), or as a '|' block."
    )


def test_missing_questions():
    assert error("title: Basics\n") == (
        "quizzes/basics.yml:1:1: quiz 'basics': the quiz has no 'questions'. "
        "Add 'questions:' to the quiz."
    )


def test_empty_questions():
    assert error("title: Basics\nquestions: []\n") == (
        "quizzes/basics.yml:2:12: quiz 'basics': the quiz has no questions. "
        "Add questions under 'questions:'."
    )


def test_questions_left_blank():
    assert error("title: Basics\nquestions:\n") == (
        "quizzes/basics.yml:2:11: quiz 'basics': the quiz has no questions. "
        "Add questions under 'questions:'."
    )


def test_questions_given_a_mapping():
    assert error("title: Basics\nquestions:\n  q:\n    type: true_false\n") == (
        "quizzes/basics.yml:3:3: quiz 'basics': 'questions' of the quiz must be a list of "
        "questions, but found a mapping (key: value lines). Write each of the questions "
        "on its own line starting with '- '."
    )


def test_invalid_quiz_id():
    assert error(quiz("id: module 1\ntitle: Basics\n")) == (
        f"quizzes/basics.yml:1:5: the quiz id 'module 1' is not a valid id. {ID_RULE}"
    )


def test_quiz_id_given_a_list():
    assert error(quiz("id: [a, b]\ntitle: Basics\n")) == (
        f"quizzes/basics.yml:1:5: the quiz id must be a word, but found a list ('- ' items). "
        f"{ID_RULE}"
    )


def test_file_name_that_cannot_be_a_quiz_id():
    assert error(quiz("title: Basics\n"), source="quizzes/module 1.yml") == (
        "quizzes/module 1.yml:1:1: quiz 'module 1': the file name 'module 1' cannot serve "
        f"as the quiz id. Add an 'id:' line, or rename the file. {ID_RULE}"
    )


@pytest.mark.parametrize(("mark", "column"), [("120", 12), ("-5", 12), ("100.5", 12)])
def test_pass_mark_out_of_range(mark, column):
    assert error(quiz(f"title: Basics\npass_mark: {mark}\n")) == (
        f"quizzes/basics.yml:2:{column}: quiz 'basics': 'pass_mark' is {mark}; it must be "
        "a percentage from 0 to 100. Write for example 'pass_mark: 70'."
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("seventy", "the text 'seventy'"),
        ("70%", "the text '70%'"),
        ('"70"', "the text '70'"),
        ("yes", "the text 'yes'"),
        (".nan", "'.nan'"),
        ("", "nothing"),
        ("[70]", "a list ('- ' items)"),
    ],
)
def test_pass_mark_not_a_number(written, shown):
    column = 12 if written else 11
    assert error(quiz(f"title: Basics\npass_mark: {written}\n")) == (
        f"quizzes/basics.yml:2:{column}: quiz 'basics': 'pass_mark' of the quiz must be a "
        f"number, but found {shown}. Write a percentage from 0 to 100 as a plain number, "
        "e.g. 'pass_mark: 70' (no '%' sign)."
    )


def test_shuffle_not_true_or_false():
    assert error(quiz("title: Basics\nshuffle: sometimes\n")) == (
        "quizzes/basics.yml:2:10: quiz 'basics': 'shuffle' of the quiz must be true or "
        "false, but found the text 'sometimes'. Write 'shuffle: true' or 'shuffle: false', "
        "without quotes."
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [("0", "'0'"), ("3", "'3'"), ("1.5", "'1.5'"), ("all", "the text 'all'"), ("true", "'true'")],
)
def test_draw_out_of_range(written, shown):
    assert error(quiz(f"title: Basics\ndraw: {written}\n")) == (
        "quizzes/basics.yml:2:7: quiz 'basics': 'draw' must be a whole number from 1 to 1 "
        f"(the number of questions), but found {shown}. "
        "Remove 'draw' to ask every question in each attempt."
    )


# -- questions -------------------------------------------------------------------------

HEAD = "title: Basics\nquestions:\n"


def question_error(question: str) -> str:
    """The message for a quiz whose one question is ``question``."""
    return error(HEAD + textwrap.indent(textwrap.dedent(question), "  "))


def test_question_that_is_not_a_mapping():
    assert question_error("  - Is water wet?\n") == (
        "quizzes/basics.yml:3:5: quiz 'basics', question '#1': question 1 must be a "
        "mapping of 'key: value' lines, but found text. Write the question as indented "
        "'key: value' lines: 'id:', 'type:', 'prompt:' and its answer."
    )


def test_unknown_question_type_with_suggestion():
    assert question_error(
        """\
          - id: q
            type: singel
            prompt: Pick one.
        """
    ) == (
        "quizzes/basics.yml:4:11: quiz 'basics', question 'q': unknown question type "
        f"'singel'. Did you mean 'single'? Expected one of: {TYPES}."
    )


def test_unknown_question_type_with_dash():
    assert question_error(
        """\
          - id: q
            type: true-false
            prompt: Wet?
        """
    ) == (
        "quizzes/basics.yml:4:11: quiz 'basics', question 'q': unknown question type "
        f"'true-false'. Did you mean 'true_false'? Expected one of: {TYPES}."
    )


def test_unknown_question_type_without_suggestion():
    assert question_error(
        """\
          - id: q
            type: essay
            prompt: Write.
        """
    ) == (
        "quizzes/basics.yml:4:11: quiz 'basics', question 'q': unknown question type "
        f"'essay'. Expected one of: {TYPES}."
    )


def test_question_type_given_a_list():
    assert question_error(
        """\
          - id: q
            type: [single, multiple]
            prompt: Pick.
        """
    ) == (
        "quizzes/basics.yml:4:11: quiz 'basics', question 'q': the question type must be a "
        f"word, but found a list ('- ' items). Expected one of: {TYPES}."
    )


def test_missing_question_type():
    assert question_error(
        """\
          - id: q
            prompt: Wet?
            answer: true
        """
    ) == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': the question has no 'type'. "
        f"Add 'type:' with one of: {TYPES}."
    )


def test_misspelled_type_key():
    assert question_error(
        """\
          - id: q
            tpye: true_false
            prompt: Wet?
        """
    ) == (
        "quizzes/basics.yml:4:5: quiz 'basics', question 'q': unknown key 'tpye' in a "
        "question. Did you mean 'type'? Valid keys here: answer, answers, explanation, "
        "feedback, hint, id, items, match, options, pairs, prompt, scoring, shuffle, "
        "tolerance, type, unit."
    )


def test_missing_question_id():
    assert question_error(
        """\
          - type: true_false
            prompt: Wet?
            answer: true
        """
    ) == (
        "quizzes/basics.yml:3:5: quiz 'basics', question '#1': the question has no 'id'. "
        "Add 'id:' to the question."
    )


def test_missing_id_of_the_second_question_names_it_by_number():
    assert error(
        HEAD
        + QUESTION
        + "  - type: true_false\n"
        + "    prompt: Dry?\n"
        + "    answer: false\n"
    ) == (
        "quizzes/basics.yml:7:5: quiz 'basics', question '#2': the question has no 'id'. "
        "Add 'id:' to the question."
    )


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("Q 1", "the question id 'Q 1' is not a valid id"),
        ("_q", "the question id '_q' is not a valid id"),
        ("q.1", "the question id 'q.1' is not a valid id"),
        ("1.5", "the question id '1.5' is not a valid id"),
        ("a" * 65, f"the question id '{'a' * 65}' is not a valid id"),
        ('"q\\n"', "the question id 'q\\n' is not a valid id"),
        ("|\n              q", "the question id 'q\\n' is not a valid id"),
        ("", "the question id is empty"),
        ("{a: 1}", "the question id must be a word, but found a mapping (key: value lines)"),
    ],
)
def test_invalid_question_id(written, problem):
    column = 9 if written else 8
    assert question_error(
        f"""\
          - id: {written}
            type: true_false
            prompt: Wet?
            answer: true
        """
    ) == f"quizzes/basics.yml:3:{column}: quiz 'basics', question '#1': {problem}. {ID_RULE}"


def test_duplicate_question_ids():
    assert error(HEAD + QUESTION + QUESTION.replace("Is water wet?", "Is ice cold?")) == (
        "quizzes/basics.yml:7:9: quiz 'basics', question 'q': the question id 'q' is used "
        "twice (first on line 3). Give each question its own id."
    )


def test_missing_prompt():
    assert question_error(
        """\
          - id: q
            type: true_false
            answer: true
        """
    ) == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': the question has no "
        "'prompt'. Add 'prompt:' to the question."
    )


def test_empty_prompt():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: |
            answer: true
        """
    ) == (
        "quizzes/basics.yml:5:13: quiz 'basics', question 'q': 'prompt' of the question "
        "is empty. Write the prompt text."
    )


def test_prompt_given_a_list():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: [Draft, Water]
            answer: true
        """
    ) == (
        "quizzes/basics.yml:5:13: quiz 'basics', question 'q': 'prompt' of the question "
        "must be text, but found a list ('- ' items). Write the text on the same line "
        "(in quotes if it starts with '[' or '{'), or as a '|' block."
    )


def test_hint_given_a_mapping():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
            hint:
              text: Think of rain.
            answer: true
        """
    ) == (
        "quizzes/basics.yml:7:7: quiz 'basics', question 'q': 'hint' of the question "
        "must be text, but found a mapping (key: value lines). Write the text on the same "
        "line (in quotes if it starts with '[' or '{'), or as a '|' block."
    )


def test_misspelled_question_key():
    assert question_error(
        """\
          - id: q
            type: true_false
            promt: Wet?
            answer: true
        """
    ) == (
        "quizzes/basics.yml:5:5: quiz 'basics', question 'q': unknown key 'promt' in a "
        "'true_false' question. Did you mean 'prompt'? Valid keys here: id, type, prompt, "
        "hint, explanation, feedback, answer."
    )


def test_key_of_another_question_type():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
            answer: true
            tolerance: 1
        """
    ) == (
        "quizzes/basics.yml:7:5: quiz 'basics', question 'q': the key 'tolerance' does "
        "not apply to a 'true_false' question. It is used by 'numeric' questions; remove "
        "it, or change the 'type'."
    )


def test_misspelled_feedback_key():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
            answer: true
            feedback:
              corect: Yes, it is.
        """
    ) == (
        "quizzes/basics.yml:8:7: quiz 'basics', question 'q': unknown key 'corect' in the "
        "question's feedback. Did you mean 'correct'? Valid keys here: correct, incorrect."
    )


def test_feedback_given_text():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
            answer: true
            feedback: Well done.
        """
    ) == (
        "quizzes/basics.yml:7:15: quiz 'basics', question 'q': 'feedback' of the question "
        "must be a mapping of 'key: value' lines, but found text. Write 'correct:' and "
        "'incorrect:' lines, indented under 'feedback:'."
    )


# -- single and multiple choice ----------------------------------------------------------


def choice_error(options: str, qtype: str = "single", extra: str = "") -> str:
    """The message for a choice question with the given 'options:' block."""
    return error(
        HEAD
        + f"  - id: q\n    type: {qtype}\n    prompt: Pick.\n{extra}    options:\n"
        + textwrap.indent(textwrap.dedent(options), "      ")
    )


def test_misspelled_option_key():
    assert choice_error(
        """\
        - id: a
          txt: Paris
        - id: b
          text: Lyon
        """
    ) == (
        "quizzes/basics.yml:8:9: quiz 'basics', question 'q': unknown key 'txt' in option 1. "
        "Did you mean 'text'? Valid keys here: id, text, correct, feedback, fixed."
    )


def test_misspelled_correct():
    assert choice_error(
        """\
        - id: a
          text: Paris
          corect: true
        - id: b
          text: Lyon
        """
    ) == (
        "quizzes/basics.yml:9:9: quiz 'basics', question 'q': unknown key 'corect' in "
        "option 1. Did you mean 'correct'? Valid keys here: id, text, correct, feedback, "
        "fixed."
    )


def test_option_without_text():
    assert choice_error(
        """\
        - id: a
          text: Paris
          correct: true
        - id: b
        """
    ) == (
        "quizzes/basics.yml:10:9: quiz 'basics', question 'q': option 2 has no 'text'. "
        "Add 'text:' to option 2."
    )


def test_option_without_id():
    assert choice_error(
        """\
        - text: Paris
          correct: true
        - id: b
          text: Lyon
        """
    ) == (
        "quizzes/basics.yml:7:9: quiz 'basics', question 'q': option 1 has no 'id'. "
        "Add 'id:' to option 1."
    )


def test_option_written_as_plain_text():
    assert choice_error(
        """\
        - Paris
        - Lyon
        """
    ) == (
        "quizzes/basics.yml:7:9: quiz 'basics', question 'q': option 1 must be a mapping "
        "of 'key: value' lines, but found text. Write each option as indented 'id:' and "
        "'text:' lines, with 'correct: true' on the right ones."
    )


def test_invalid_option_id():
    assert choice_error(
        """\
        - id: a b
          text: Paris
          correct: true
        - id: b
          text: Lyon
        """
    ) == f"quizzes/basics.yml:7:13: quiz 'basics', question 'q': the option id 'a b' is not a valid id. {ID_RULE}"


def test_duplicate_option_ids():
    assert choice_error(
        """\
        - id: a
          text: Paris
          correct: true
        - id: a
          text: Lyon
        """
    ) == (
        "quizzes/basics.yml:10:13: quiz 'basics', question 'q': the option id 'a' is used "
        "twice (first on line 7). Give each option its own id."
    )


@pytest.mark.parametrize("qtype", ["single", "multiple"])
def test_no_correct_option(qtype):
    assert choice_error(
        """\
        - id: a
          text: Paris
        - id: b
          text: Lyon
          correct: false
        """,
        qtype,
    ) == (
        "quizzes/basics.yml:7:7: quiz 'basics', question 'q': no option is marked "
        "'correct: true'. Mark the right answer with 'correct: true'."
    )


def test_single_choice_with_several_correct_options():
    assert choice_error(
        """\
        - id: a
          text: Paris
          correct: true
        - id: b
          text: Lyon
        - id: c
          text: Marseille
          correct: true
        """
    ) == (
        "quizzes/basics.yml:14:18: quiz 'basics', question 'q': a single-choice question "
        "has 2 correct options (a, c), but it needs exactly one. Keep one option correct, "
        "or use 'type: multiple' for 'select all that apply'."
    )


def test_correct_written_in_quotes():
    assert choice_error(
        """\
        - id: a
          text: Paris
          correct: "true"
        - id: b
          text: Lyon
        """
    ) == (
        "quizzes/basics.yml:9:18: quiz 'basics', question 'q': 'correct' of option 'a' "
        "must be true or false, but found the text 'true'. Write 'correct: true' or "
        "'correct: false', without quotes."
    )


@pytest.mark.parametrize("qtype", ["single", "multiple"])
def test_empty_options(qtype):
    kind = "a 'single'" if qtype == "single" else "a 'multiple'"
    assert error(HEAD + f"  - id: q\n    type: {qtype}\n    prompt: Pick.\n    options: []\n") == (
        f"quizzes/basics.yml:6:14: quiz 'basics', question 'q': {kind} question has no "
        "options. Add options under 'options:'."
    )


def test_only_one_option():
    assert choice_error(
        """\
        - id: a
          text: Paris
          correct: true
        """
    ) == (
        "quizzes/basics.yml:7:7: quiz 'basics', question 'q': a 'single' question needs "
        "at least 2 options, but has 1. Add options under 'options:'."
    )


def test_missing_options():
    assert error(HEAD + "  - id: q\n    type: single\n    prompt: Pick.\n") == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': a 'single' question has no "
        "'options'. Add 'options:' with at least two options."
    )


def test_misspelled_scoring():
    assert choice_error(
        """\
        - {id: a, text: Paris, correct: true}
        - {id: b, text: Lyon}
        """,
        "multiple",
        extra="    scoring: Partial\n",
    ) == (
        "quizzes/basics.yml:6:14: quiz 'basics', question 'q': 'scoring' of the question "
        "must be one of: all_or_nothing, partial, but found the text 'Partial'. "
        "Did you mean 'scoring: partial'?"
    )


def test_scoring_on_a_single_choice_question():
    assert choice_error(
        """\
        - {id: a, text: Paris, correct: true}
        - {id: b, text: Lyon}
        """,
        "single",
        extra="    scoring: partial\n",
    ) == (
        "quizzes/basics.yml:6:5: quiz 'basics', question 'q': the key 'scoring' does not "
        "apply to a 'single' question. It is used by 'multiple' questions; remove it, or "
        "change the 'type'."
    )


# -- true / false ----------------------------------------------------------------------


def test_true_false_without_answer():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
        """
    ) == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': a 'true_false' question has "
        "no 'answer'. Add 'answer: true' or 'answer: false'."
    )


@pytest.mark.parametrize("written", ["yes", "no", "Yes", "NO", "on", "Off", "y", "n", '"yes"', "'no'"])
def test_true_false_answer_written_as_yes_or_no(written):
    # unquoted, YAML 1.1 would read yes/no/on/off as true/false: the same message as in quotes
    shown = written.strip("'\"")
    assert question_error(
        f"""\
          - id: q
            type: true_false
            prompt: Wet?
            answer: {written}
        """
    ) == (
        "quizzes/basics.yml:6:13: quiz 'basics', question 'q': 'answer' of the question "
        f"must be true or false, but found the text {shown!r}. Write 'answer: true' or "
        "'answer: false', without quotes."
    )


@pytest.mark.parametrize("key", ["correct", "fixed"])
def test_option_flags_written_as_yes_or_on(key):
    assert choice_error(
        f"""\
        - id: a
          text: Paris
          {key}: yes
        - id: b
          text: Lyon
          correct: true
        """
    ) == (
        f"quizzes/basics.yml:9:{len(key) + 11}: quiz 'basics', question 'q': '{key}' of option 'a' "
        f"must be true or false, but found the text 'yes'. Write '{key}: true' or "
        f"'{key}: false', without quotes."
    )


def test_shuffle_written_as_on():
    assert error(quiz("title: Basics\nshuffle: on\n")) == (
        "quizzes/basics.yml:2:10: quiz 'basics': 'shuffle' of the quiz must be true or "
        "false, but found the text 'on'. Write 'shuffle: true' or 'shuffle: false', "
        "without quotes."
    )


def test_scoring_written_as_yes_is_text_in_the_message():
    assert error(HEAD + "  - id: q\n    type: multiple\n    prompt: P\n    scoring: yes\n    options:\n"
                 "      - {id: a, text: A, correct: true}\n      - {id: b, text: B}\n") == (
        "quizzes/basics.yml:6:14: quiz 'basics', question 'q': 'scoring' of the question must be "
        "one of: all_or_nothing, partial, but found the text 'yes'. Write for example "
        "'scoring: all_or_nothing'."
    )


def test_true_false_answer_not_a_boolean():
    assert question_error(
        """\
          - id: q
            type: true_false
            prompt: Wet?
            answer: maybe
        """
    ) == (
        "quizzes/basics.yml:6:13: quiz 'basics', question 'q': 'answer' of the question "
        "must be true or false, but found the text 'maybe'. Write 'answer: true' or "
        "'answer: false', without quotes."
    )


# -- fill in the blank -------------------------------------------------------------------


def test_fill_blank_without_answers():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
        """
    ) == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': a 'fill_blank' question has "
        "no 'answers'. Add 'answers:' with the accepted answers as a list."
    )


def test_fill_blank_with_answer_instead_of_answers():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answer: Paris
        """
    ) == (
        "quizzes/basics.yml:6:5: quiz 'basics', question 'q': the key 'answer' does not "
        "apply to a 'fill_blank' question. It is used by 'true_false' and 'numeric' "
        "questions; remove it, or change the 'type'."
    )


def test_fill_blank_with_empty_answers():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answers: []
        """
    ) == (
        "quizzes/basics.yml:6:14: quiz 'basics', question 'q': a 'fill_blank' question has "
        "no accepted answers. Add accepted answers under 'answers:'."
    )


def test_fill_blank_answers_given_text():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answers: Paris
        """
    ) == (
        "quizzes/basics.yml:6:14: quiz 'basics', question 'q': 'answers' of a 'fill_blank' "
        "question must be a list of accepted answers, but found text. Write each of the "
        "accepted answers on its own line starting with '- '."
    )


def test_fill_blank_with_a_blank_answer():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answers:
              - Paris
              - "  "
        """
    ) == (
        "quizzes/basics.yml:8:9: quiz 'basics', question 'q': accepted answer 2 is empty. "
        "Write the answer text, or remove the empty item."
    )


def test_fill_blank_with_a_missing_answer():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answers:
              - Paris
              -
        """
    ) == (
        "quizzes/basics.yml:8:8: quiz 'basics', question 'q': accepted answer 2 must be "
        "text, but found nothing. Write each accepted answer as text on its own '- ' line."
    )


def test_fill_blank_with_a_misspelled_match():
    assert question_error(
        """\
          - id: q
            type: fill_blank
            prompt: Capital of France?
            answers: [Paris]
            match: exactly
        """
    ) == (
        "quizzes/basics.yml:7:12: quiz 'basics', question 'q': 'match' of the question must "
        "be one of: normalized, exact, but found the text 'exactly'. "
        "Did you mean 'match: exact'?"
    )


# -- numeric ---------------------------------------------------------------------------


def numeric_error(lines: str) -> str:
    return error(HEAD + "  - id: q\n    type: numeric\n    prompt: How many?\n" + lines)


def test_numeric_without_answer():
    assert numeric_error("") == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': a 'numeric' question has "
        "no 'answer'. Add 'answer:' with the right number."
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("25%", "the text '25%'"),
        ("2,5", "the text '2,5'"),
        ('"25"', "the text '25'"),
        ("twenty", "the text 'twenty'"),
        ("true", "'true'"),
        (".inf", "'.inf'"),
        ("-.inf", "'-.inf'"),
        ("1" + "0" * 400, "'1000000000000000000000000000000000000...'"),
        ("[25]", "a list ('- ' items)"),
    ],
)
def test_numeric_answer_not_a_number(written, shown):
    assert numeric_error(f"    answer: {written}\n") == (
        f"quizzes/basics.yml:6:13: quiz 'basics', question 'q': 'answer' of the question "
        f"must be a number, but found {shown}. Write a plain number without quotes, such as "
        "'answer: 42' or 'answer: 0.5' (a dot for decimals, no unit)."
    )


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("1e3", "1000"), ("1.5E3", "1500"), ("+2e-4", "0.0002"), ("1e20", "1.0e+20"), ("-3.5e9", "-3500000000"), ("2e-7", "2.0e-07")],
)
def test_numeric_answer_with_an_exponent_yaml_reads_as_text(written, suggested):
    assert numeric_error(f"    answer: {written}\n") == (
        f"quizzes/basics.yml:6:13: quiz 'basics', question 'q': 'answer' of the question "
        f"must be a number, but found {written!r}, which YAML reads as text: an exponent needs a "
        f"dot before it and a sign after the 'e', as in 1.0e+3. Write 'answer: {suggested}'."
    )


def test_numeric_answer_with_an_exponent_in_quotes_is_quoted_text():
    assert numeric_error('    answer: "1e3"\n') == (
        "quizzes/basics.yml:6:13: quiz 'basics', question 'q': 'answer' of the question "
        "must be a number, but found the text '1e3'. Write a plain number without quotes, such as "
        "'answer: 42' or 'answer: 0.5' (a dot for decimals, no unit)."
    )


def test_a_yaml_exponent_with_dot_and_sign_is_a_number():
    quiz = load_quiz((HEAD + "  - {id: q, type: numeric, prompt: P, answer: 1.0e+3}\n").encode(), SOURCE)
    assert quiz.questions[0].answer_number == 1000.0


def test_numeric_tolerance_not_a_number():
    assert numeric_error("    answer: 25\n    tolerance: a little\n") == (
        "quizzes/basics.yml:7:16: quiz 'basics', question 'q': 'tolerance' of the question "
        "must be a number, but found the text 'a little'. Write a plain number without "
        "quotes, such as 'tolerance: 42' or 'tolerance: 0.5' (a dot for decimals, no unit)."
    )


def test_numeric_negative_tolerance():
    assert numeric_error("    answer: 25\n    tolerance: -0.5\n") == (
        "quizzes/basics.yml:7:16: quiz 'basics', question 'q': 'tolerance' is -0.5; it "
        "cannot be negative. Write how far from the answer a reply may be, e.g. "
        "'tolerance: 0.5'."
    )


def test_numeric_unit_given_a_list():
    assert numeric_error("    answer: 25\n    unit: [kg]\n") == (
        "quizzes/basics.yml:7:11: quiz 'basics', question 'q': 'unit' of the question must "
        "be text, but found a list ('- ' items). Write the text on the same line (in quotes "
        "if it starts with '[' or '{'), or as a '|' block."
    )


# -- matching --------------------------------------------------------------------------


def matching_error(pairs: str) -> str:
    return error(
        HEAD
        + "  - id: q\n    type: matching\n    prompt: Match.\n    pairs:\n"
        + textwrap.indent(textwrap.dedent(pairs), "      ")
    )


def test_matching_with_one_pair():
    assert matching_error("- {id: fr, left: France, right: Paris}\n") == (
        "quizzes/basics.yml:7:7: quiz 'basics', question 'q': a 'matching' question needs "
        "at least 2 pairs, but has 1. Add pairs under 'pairs:'."
    )


def test_matching_without_pairs():
    assert error(HEAD + "  - id: q\n    type: matching\n    prompt: Match.\n") == (
        "quizzes/basics.yml:3:5: quiz 'basics', question 'q': a 'matching' question has no "
        "'pairs'. Add 'pairs:' with at least two pairs of 'left' and 'right'."
    )


def test_misspelled_pair_key():
    assert matching_error(
        """\
        - id: fr
          lft: France
          right: Paris
        - {id: de, left: Germany, right: Berlin}
        """
    ) == (
        "quizzes/basics.yml:8:9: quiz 'basics', question 'q': unknown key 'lft' in pair 1. "
        "Did you mean 'left'? Valid keys here: id, left, right."
    )


def test_pair_without_right_side():
    assert matching_error(
        """\
        - {id: fr, left: France, right: Paris}
        - {id: de, left: Germany}
        """
    ) == (
        "quizzes/basics.yml:8:9: quiz 'basics', question 'q': pair 2 has no 'right'. "
        "Add 'right:' to pair 2."
    )


def test_pairs_with_the_same_right_side():
    assert matching_error(
        """\
        - {id: fr, left: France, right: Paris}
        - {id: tx, left: Texas, right: Paris}
        """
    ) == (
        "quizzes/basics.yml:8:38: quiz 'basics', question 'q': pairs 'fr' and 'tx' have the "
        "same right side 'Paris', so a learner could not tell them apart. "
        "Make every right side different."
    )


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        ("'*Paris*'", "_Paris_", "Paris"),
        ('"Paris  city"', "Paris city", "Paris city"),
        ("'**Paris**'", "Paris", "Paris"),
        ("'`Paris`'", "Paris", "Paris"),
    ],
)
def test_pairs_whose_right_sides_show_the_same(first, second, shown):
    said = matching_error(
        f"""\
        - {{id: fr, left: France, right: {first}}}
        - {{id: tx, left: Texas, right: {second}}}
        """
    )
    first_text = yaml.safe_load(first)
    assert said == (
        "quizzes/basics.yml:8:38: quiz 'basics', question 'q': pairs 'fr' "
        f"and 'tx' have right sides that look the same to a learner ({first_text!r} and {second!r} both "
        f"show as {shown!r}). Make every right side differ in its words; Markdown marks and spacing do "
        "not show in the list of choices."
    )


def test_duplicate_pair_ids():
    assert matching_error(
        """\
        - {id: fr, left: France, right: Paris}
        - {id: fr, left: Germany, right: Berlin}
        """
    ) == (
        "quizzes/basics.yml:8:14: quiz 'basics', question 'q': the pair id 'fr' is used "
        "twice (first on line 7). Give each pair its own id."
    )


# -- ordering --------------------------------------------------------------------------


def ordering_error(items: str) -> str:
    return error(
        HEAD
        + "  - id: q\n    type: ordering\n    prompt: Order.\n    items:\n"
        + textwrap.indent(textwrap.dedent(items), "      ")
    )


def test_ordering_with_one_item():
    assert ordering_error("- {id: a, text: First}\n") == (
        "quizzes/basics.yml:7:7: quiz 'basics', question 'q': an 'ordering' question needs "
        "at least 2 items, but has 1. Add items under 'items:'."
    )


def test_ordering_with_no_items():
    assert error(HEAD + "  - id: q\n    type: ordering\n    prompt: Order.\n    items:\n") == (
        "quizzes/basics.yml:6:11: quiz 'basics', question 'q': an 'ordering' question has "
        "no items. Add items under 'items:'."
    )


def test_misspelled_item_key():
    assert ordering_error(
        """\
        - id: a
          txt: First
        - {id: b, text: Second}
        """
    ) == (
        "quizzes/basics.yml:8:9: quiz 'basics', question 'q': unknown key 'txt' in item 1. "
        "Did you mean 'text'? Valid keys here: id, text."
    )


def test_item_without_text():
    assert ordering_error(
        """\
        - id: a
        - {id: b, text: Second}
        """
    ) == (
        "quizzes/basics.yml:7:9: quiz 'basics', question 'q': item 1 has no 'text'. "
        "Add 'text:' to item 1."
    )


def test_invalid_item_id():
    assert ordering_error(
        """\
        - {id: -a, text: First}
        - {id: b, text: Second}
        """
    ) == f"quizzes/basics.yml:7:14: quiz 'basics', question 'q': the item id '-a' is not a valid id. {ID_RULE}"


def test_duplicate_item_ids():
    assert ordering_error(
        """\
        - {id: a, text: First}
        - {id: a, text: Second}
        """
    ) == (
        "quizzes/basics.yml:8:14: quiz 'basics', question 'q': the item id 'a' is used "
        "twice (first on line 7). Give each item its own id."
    )


# -- files and the collection -------------------------------------------------------------


def write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_missing_file(tmp_path):
    with pytest.raises(QuizError) as info:
        load_quiz_file(tmp_path / "quizzes" / "gone.yml", tmp_path)
    assert str(info.value) == (
        "quizzes/gone.yml:1:1: cannot read the file (No such file or directory)."
    )


def test_duplicate_quiz_ids_across_files(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", "id: shared\n" + quiz("title: A\n"))
    write(folder, "b.yml", "id: shared\n" + quiz("title: B\n"))
    with pytest.raises(QuizError) as info:
        QuizCollection(folder, tmp_path).load()
    assert str(info.value) == (
        "quizzes/b.yml:1:1: quiz 'shared': the quiz id 'shared' is already used by "
        "quizzes/a.yml. Give each quiz its own 'id' (it defaults to the file name)."
    )


def test_duplicate_quiz_ids_from_file_names(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "basics.yaml", quiz("title: A\n"))
    write(folder, "basics.yml", quiz("title: B\n"))
    with pytest.raises(QuizError) as info:
        QuizCollection(folder, tmp_path).load()
    assert str(info.value) == (
        "quizzes/basics.yml:1:1: quiz 'basics': the quiz id 'basics' is already used by "
        "quizzes/basics.yaml. Give each quiz its own 'id' (it defaults to the file name)."
    )


def test_written_id_clashing_with_another_file_name(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", "id: b\n" + quiz("title: A\n"))
    write(folder, "b.yml", quiz("title: B\n"))
    with pytest.raises(QuizError) as info:
        QuizCollection(folder, tmp_path).load()
    assert str(info.value) == (
        "quizzes/b.yml:1:1: quiz 'b': the quiz id 'b' is already used by quizzes/a.yml. "
        "Give each quiz its own 'id' (it defaults to the file name)."
    )


def test_collection_reports_the_file_with_the_problem(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", quiz("title: A\n"))
    write(folder, "b.yml", quiz("title: B\npass_mark: 120\n"))
    with pytest.raises(QuizError) as info:
        QuizCollection(folder, tmp_path).load()
    assert str(info.value) == (
        "quizzes/b.yml:2:12: quiz 'b': 'pass_mark' is 120; it must be a percentage from "
        "0 to 100. Write for example 'pass_mark: 70'."
    )


def test_collection_loads_distinct_quizzes(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", quiz("title: A\n"))
    write(folder, "b.yml", quiz("title: B\n"))
    assert sorted(QuizCollection(folder, tmp_path).load()) == ["a", "b"]


def test_a_quiz_id_the_course_keeps_for_itself():
    assert error(quiz("id: learner\ntitle: Basics\n")) == (
        "quizzes/basics.yml:1:5: quiz 'learner': the quiz id 'learner' is kept for the course's own use "
        "(learners' saved data is stored under it). Choose another id, for example 'learner-rights'."
    )
