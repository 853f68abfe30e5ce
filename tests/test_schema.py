"""The quiz JSON Schema (for editors) agrees with the loader (for the build).

The loader in ``mkdocs_course.quiz.loader`` is the authority. The schema only
gives authors tooltips, completion and early warnings in their editor, so
these tests pin it to the loader: same keys, same rejections, and every quiz
file and every example in docs/authoring.md accepted by both.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator
from mkdocs_course.quiz import QuizError, load_quiz
from mkdocs_course.quiz.loader import (
    COMMON_QUESTION_KEYS,
    FEEDBACK_KEYS,
    ID_PATTERN,
    ID_RULE,
    ITEM_KEYS,
    OPTION_KEYS,
    PAIR_KEYS,
    QUESTION_KEYS,
    QUIZ_KEYS,
)
from mkdocs_course.quiz.model import QUESTION_TYPES

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "plugins" / "mkdocs_course" / "quiz" / "quiz.schema.json"
GUIDE = ROOT / "docs" / "authoring.md"
QUIZ_FILES = sorted([*ROOT.glob("quizzes/*.yml"), *ROOT.glob("quizzes/*.yaml")])
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")
FENCED = re.compile(r"^```(\w*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
DEFS = SCHEMA["definitions"]
VALIDATOR = Draft7Validator(SCHEMA)


def schema_errors(data) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def loads(data, source: str = "quizzes/sample.yml"):
    """Load with the real loader; ``data`` is YAML text or plain Python data."""
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return load_quiz(text.encode("utf-8"), source)


def loader_accepts(data) -> bool:
    try:
        loads(data)
    except QuizError:
        return False
    return True


def resolve(node: dict) -> dict:
    while "$ref" in node:
        node = DEFS[node["$ref"].rsplit("/", 1)[1]]
    return node


def guide_blocks() -> list[tuple[str, str]]:
    """(language, text) of every fenced block in docs/authoring.md, in order."""
    return [(m.group(1), m.group(2)) for m in FENCED.finditer(GUIDE.read_text(encoding="utf-8"))]


def guide_quizzes() -> list[str]:
    """The guide's complete quiz examples: yaml blocks starting with id: or title:
    (after the schema modeline, if any)."""
    return [
        text
        for lang, text in guide_blocks()
        if lang == "yaml" and re.match(r"(# yaml-language-server: .*\n)?(id|title):", text)
    ]


# A small quiz holding every question type, the base for the broken variants.
BASE = yaml.safe_load(
    """
id: shop-basics
title: Shop basics
pass_mark: 60
questions:
  - id: pick-one
    type: single
    prompt: Which document proves that a customer paid?
    feedback: {correct: Yes., incorrect: Not quite.}
    options:
      - {id: receipt, text: A receipt, correct: true}
      - {id: quote, text: A quotation, feedback: A quotation comes before the sale.}
  - id: pick-all
    type: multiple
    scoring: partial
    prompt: Which of these are running costs?
    options:
      - {id: rent, text: Rent, correct: true}
      - {id: power, text: Electricity, correct: true}
      - {id: none, text: None of these, fixed: true}
  - id: yes-no
    type: true_false
    prompt: A delivery note is the same as an invoice.
    answer: false
  - id: word
    type: fill_blank
    prompt: The money a business takes in from sales is its ___.
    answers: [revenue, turnover]
    match: normalized
  - id: number
    type: numeric
    prompt: What is 15% of 200?
    answer: 30
    tolerance: 0
    unit: EUR
  - id: pairs
    type: matching
    prompt: Match each document with its purpose.
    shuffle: false
    pairs:
      - {id: invoice, left: Invoice, right: Asks for payment}
      - {id: receipt, left: Receipt, right: Confirms payment}
  - id: steps
    type: ordering
    prompt: Put the steps of a sale in order.
    items:
      - {id: quote, text: Send a quotation}
      - {id: deliver, text: Deliver the goods}
      - {id: invoice, text: Send the invoice}
"""
)
Q = {q["type"]: i for i, q in enumerate(BASE["questions"])}


def question(quiz: dict, qtype: str) -> dict:
    return quiz["questions"][Q[qtype]]


# -- (a) the schema itself ------------------------------------------------------


def test_schema_is_a_valid_draft7_schema():
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(SCHEMA)


def test_every_property_has_a_description_for_authors():
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if not resolve(value).get("description") and not value.get("description"):
                    missing.append(f"{path}/properties/{key}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}/{i}")

    walk(SCHEMA, "#")
    # the if/then guards are not properties an author writes
    missing = [m for m in missing if "/if/" not in m and "/contains/" not in m]
    assert missing == []


# -- (b) the quizzes of this repository ---------------------------------------------


def test_there_are_quiz_files():
    assert QUIZ_FILES


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.name)
def test_quiz_file_is_valid_for_schema_and_loader(path):
    text = path.read_text(encoding="utf-8")
    loads(text, f"quizzes/{path.name}")
    assert schema_errors(yaml.safe_load(text)) == []


def test_base_quiz_is_valid_for_both():
    assert loader_accepts(BASE)
    assert schema_errors(BASE) == []


# -- (c) broken quizzes: both reject --------------------------------------------------


def _parent(quiz: dict, path: list):
    """The mapping or list that holds path[-1]; a path may start with a question type."""
    if len(path) == 1:
        return quiz
    node = question(quiz, path[0]) if path[0] in Q else quiz[path[0]]
    for step in path[1:-1]:
        node = node[step]
    return node


def _set(path, value):
    def change(quiz):
        _parent(quiz, path)[path[-1]] = value

    return change


def _delete(path):
    def change(quiz):
        del _parent(quiz, path)[path[-1]]

    return change


BROKEN = {
    # unknown keys, at every level
    "unknown top-level key": _set(["titel"], "Shop basics"),
    "unknown question key": _set(["single", "answer_text"], "x"),
    "unknown option key": _set(["single", "options", 0, "right"], True),
    "unknown pair key": _set(["matching", "pairs", 0, "middle"], "x"),
    "unknown item key": _set(["ordering", "items", 0, "position"], 1),
    "unknown feedback key": _set(["single", "feedback", "partial"], "x"),
    # the type
    "wrong type name": _set(["true_false", "type"], "true-false"),
    "type not text": _set(["single", "type"], 3),
    "no type": _delete(["single", "type"]),
    # keys of another type
    "pairs on a single question": _set(["single", "pairs"], copy.deepcopy(question(BASE, "matching")["pairs"])),
    "scoring on a single question": _set(["single", "scoring"], "partial"),
    "answer on a multiple question": _set(["multiple", "answer"], True),
    "options on a true_false question": _set(["true_false", "options"], copy.deepcopy(question(BASE, "single")["options"])),
    "shuffle on a true_false question": _set(["true_false", "shuffle"], False),
    "tolerance on a fill_blank question": _set(["fill_blank", "tolerance"], 1),
    "match on a numeric question": _set(["numeric", "match"], "exact"),
    "unit on a fill_blank question": _set(["fill_blank", "unit"], "EUR"),
    "shuffle on an ordering question": _set(["ordering", "shuffle"], False),
    "items on a matching question": _set(["matching", "items"], copy.deepcopy(question(BASE, "ordering")["items"])),
    # required keys and text
    "no title": _delete(["title"]),
    "empty title": _set(["title"], "   "),
    "no questions": _delete(["questions"]),
    "empty question list": _set(["questions"], []),
    "no question id": _delete(["single", "id"]),
    "no prompt": _delete(["single", "prompt"]),
    "empty prompt": _set(["numeric", "prompt"], " "),
    "no options": _delete(["single", "options"]),
    "one option": _set(["single", "options"], [{"id": "a", "text": "Only", "correct": True}]),
    "option without text": _delete(["multiple", "options", 0, "text"]),
    "option without id": _delete(["multiple", "options", 1, "id"]),
    "no correct option": _delete(["single", "options", 0, "correct"]),
    "true_false without answer": _delete(["true_false", "answer"]),
    "fill_blank without answers": _delete(["fill_blank", "answers"]),
    "no accepted answer": _set(["fill_blank", "answers"], []),
    "empty accepted answer": _set(["fill_blank", "answers"], ["revenue", " "]),
    "numeric without answer": _delete(["numeric", "answer"]),
    "one pair": _set(["matching", "pairs"], [{"id": "a", "left": "L", "right": "R"}]),
    "pair without right": _delete(["matching", "pairs", 1, "right"]),
    "one item": _set(["ordering", "items"], [{"id": "a", "text": "Only"}]),
    "item without text": _delete(["ordering", "items", 2, "text"]),
    # values of the wrong kind or out of range
    "pass_mark 120": _set(["pass_mark"], 120),
    "pass_mark negative": _set(["pass_mark"], -5),
    "pass_mark with a percent sign": _set(["pass_mark"], "70%"),
    "draw 0": _set(["draw"], 0),
    "draw as a fraction": _set(["draw"], 1.5),
    "draw as text": _set(["draw"], "two"),
    "draw as true": _set(["draw"], True),
    "shuffle as text": _set(["shuffle"], "sometimes"),
    "correct as text": _set(["single", "options", 0, "correct"], "yes please"),
    "fixed as text": _set(["multiple", "options", 2, "fixed"], "end"),
    "answer of true_false as text": _set(["true_false", "answer"], "maybe"),
    "answer of numeric as text": _set(["numeric", "answer"], "30 EUR"),
    "negative tolerance": _set(["numeric", "tolerance"], -1),
    "unknown scoring": _set(["multiple", "scoring"], "some"),
    "unknown match": _set(["fill_blank", "match"], "fuzzy"),
    "feedback as text": _set(["true_false", "feedback"], "Well done"),
    "questions as a mapping": _set(["questions"], {"q1": "What?"}),
    "option as text": _set(["single", "options", 1], "A quotation"),
    # ids
    "quiz id with a space": _set(["id"], "shop basics"),
    "question id starting with a dash": _set(["single", "id"], "-one"),
    "option id with a dot": _set(["single", "options", 0, "id"], "a.1"),
    "pair id too long": _set(["matching", "pairs", 0, "id"], "p" * 65),
    "item id with a slash": _set(["ordering", "items", 0, "id"], "a/b"),
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=list(BROKEN))
def test_broken_quiz_is_rejected_by_schema_and_loader(change):
    quiz = copy.deepcopy(BASE)
    change(quiz)
    assert schema_errors(quiz), "the schema accepts it"
    with pytest.raises(QuizError):
        loads(quiz)


def test_top_level_list_is_rejected_by_both():
    assert schema_errors([BASE])
    with pytest.raises(QuizError):
        loads([BASE])


def _key_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield path + (key,)
            yield from _key_paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _key_paths(value, path + (i,))


def _without(quiz, path):
    quiz = copy.deepcopy(quiz)
    node = quiz
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return quiz


def _agreement_cases():
    sources = [("base", BASE)]
    sources += [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in QUIZ_FILES]
    sources += [(f"guide-{i + 1}", yaml.safe_load(text)) for i, text in enumerate(guide_quizzes())]
    for name, quiz in sources:
        for path in _key_paths(quiz):
            yield pytest.param(quiz, path, id=f"{name}:" + "/".join(map(str, path)))


@pytest.mark.parametrize(("quiz", "path"), list(_agreement_cases()))
def test_leaving_out_a_key_gives_the_same_verdict(quiz, path):
    """Required keys are required by both, optional keys optional in both."""
    broken = _without(quiz, path)
    assert loader_accepts(broken) == (not schema_errors(broken))


# Rules that JSON Schema (draft-07) cannot express; the build reports them.
BUILD_ONLY = {
    "two questions with one id": _set(["questions", 1, "id"], "pick-one"),
    "two options with one id": _set(["multiple", "options", 1, "id"], "rent"),
    "two pairs with one right side": _set(["matching", "pairs", 1, "right"], "Asks for payment"),
    "single with two correct options": _set(["single", "options", 1, "correct"], True),
    "draw above the number of questions": _set(["draw"], 8),
}


@pytest.mark.parametrize("change", BUILD_ONLY.values(), ids=list(BUILD_ONLY))
def test_rules_only_the_build_checks(change):
    quiz = copy.deepcopy(BASE)
    change(quiz)
    assert schema_errors(quiz) == []
    with pytest.raises(QuizError):
        loads(quiz)


# -- (d) the schema's keys are the loader's keys -------------------------------------


def test_top_level_keys_match_the_loader():
    assert set(SCHEMA["properties"]) == set(QUIZ_KEYS)
    assert SCHEMA["additionalProperties"] is False
    assert set(SCHEMA["required"]) == {"title", "questions"}


def test_question_types_match_the_loader():
    assert DEFS["questionType"]["enum"] == list(QUESTION_TYPES)
    assert set(QUESTION_KEYS) == set(QUESTION_TYPES)
    branches = {
        branch["if"]["properties"]["type"]["const"]: branch["then"]["$ref"]
        for branch in DEFS["question"]["allOf"]
    }
    assert branches == {t: f"#/definitions/{t}" for t in QUESTION_TYPES}
    for branch in DEFS["question"]["allOf"]:
        # without 'required', a question with no type would match every branch
        assert branch["if"]["required"] == ["type"]


@pytest.mark.parametrize("qtype", QUESTION_TYPES)
def test_keys_of_each_question_type_match_the_loader(qtype):
    definition = DEFS[qtype]
    assert set(definition["properties"]) == set(QUESTION_KEYS[qtype])
    assert definition["additionalProperties"] is False
    assert definition["properties"]["type"]["const"] == qtype


def test_common_question_keys_match_the_loader():
    assert set(DEFS["question"]["properties"]) == set(COMMON_QUESTION_KEYS)
    assert set(DEFS["question"]["required"]) == {"id", "type", "prompt"}


@pytest.mark.parametrize(
    ("definition", "keys", "required"),
    [
        ("option", OPTION_KEYS, {"id", "text"}),
        ("pair", PAIR_KEYS, set(PAIR_KEYS)),
        ("item", ITEM_KEYS, set(ITEM_KEYS)),
        ("feedback", FEEDBACK_KEYS, set()),
    ],
)
def test_keys_of_options_pairs_items_and_feedback_match_the_loader(definition, keys, required):
    node = DEFS[definition]
    assert set(node["properties"]) == set(keys)
    assert node["additionalProperties"] is False
    assert set(node.get("required", [])) == required


def test_every_id_pattern_is_the_loaders():
    patterns = []

    def walk(node):
        if isinstance(node, dict):
            if "pattern" in node and node["pattern"] != "\\S":
                patterns.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SCHEMA)
    assert len(patterns) == 5  # quiz, question, option, pair, item
    assert set(patterns) == {ID_PATTERN.pattern}


def test_editors_explain_a_bad_id_in_the_loaders_words():
    messages = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("pattern") == ID_PATTERN.pattern:
                messages.append(node.get("patternErrorMessage"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SCHEMA)
    assert messages and set(messages) == {ID_RULE}


@pytest.mark.parametrize(
    ("qtype", "key", "values"),
    [("multiple", "scoring", ["all_or_nothing", "partial"]), ("fill_blank", "match", ["normalized", "exact"])],
)
def test_enums_are_the_values_the_loader_accepts(qtype, key, values):
    assert DEFS[qtype]["properties"][key]["enum"] == values
    for value in values:
        quiz = copy.deepcopy(BASE)
        question(quiz, qtype)[key] = value
        assert loader_accepts(quiz)
        assert schema_errors(quiz) == []


# -- the editor's question snippets ---------------------------------------------------

PLACEHOLDER = re.compile(r"\$\{\d+:([^}]*)\}|\$\d+")


def _fill(value):
    """A snippet body as the author gets it after accepting every default."""
    if isinstance(value, dict):
        return {key: _fill(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item) for item in value]
    if isinstance(value, str) and PLACEHOLDER.search(value):
        return yaml.safe_load(PLACEHOLDER.sub(lambda m: m.group(1) or "x", value))
    return value


def test_snippets_offer_every_question_type():
    bodies = [snippet["body"] for snippet in DEFS["question"]["defaultSnippets"]]
    assert [body["type"] for body in bodies] == list(QUESTION_TYPES)


@pytest.mark.parametrize(
    "snippet", DEFS["question"]["defaultSnippets"], ids=lambda s: s["body"]["type"]
)
def test_snippet_makes_a_valid_question(snippet):
    quiz = {"title": "Snippet", "questions": [_fill(snippet["body"])]}
    assert schema_errors(quiz) == []
    assert loader_accepts(quiz)


# -- (e) quiz files point editors at the schema ------------------------------------


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.name)
def test_quiz_file_starts_with_the_schema_modeline(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path.name} must start with '# yaml-language-server: $schema=<path>'"
    target = (path.parent / match.group(1)).resolve()
    assert target.is_file(), f"{path.name} points to {match.group(1)}, which does not exist"
    assert target == SCHEMA_PATH.resolve()


# -- the authoring guide ---------------------------------------------------------------


def test_guide_has_a_full_example_of_every_question_type():
    types = {q["type"] for text in guide_quizzes() for q in yaml.safe_load(text)["questions"]}
    assert types == set(QUESTION_TYPES)


@pytest.mark.parametrize("text", guide_quizzes(), ids=lambda t: t.split("\n", 1)[0])
def test_guide_example_loads_and_validates(text):
    quiz = loads(text, "quizzes/example.yml")
    assert quiz.questions
    assert schema_errors(yaml.safe_load(text)) == []


def test_guide_error_example_shows_the_real_message():
    """A yaml block starting '# quizzes/<file>' is followed by the build's message."""
    blocks = guide_blocks()
    checked = 0
    for (lang, text), (next_lang, output) in zip(blocks, blocks[1:]):
        source = re.match(r"# (quizzes/\S+\.yml)\n", text)
        if lang != "yaml" or not source:
            continue
        with pytest.raises(QuizError) as caught:
            loads(text, source.group(1))
        assert next_lang == "text"
        shown = output.strip().split("course: ", 1)[1]
        assert shown == str(caught.value)
        checked += 1
    assert checked >= 1


def test_guide_names_every_key_and_type():
    guide = GUIDE.read_text(encoding="utf-8")
    names = set(QUIZ_KEYS) | set(QUESTION_TYPES) | set(OPTION_KEYS) | set(PAIR_KEYS) | set(ITEM_KEYS)
    names |= {key for keys in QUESTION_KEYS.values() for key in keys}
    missing = sorted(name for name in names if f"`{name}" not in guide)
    assert missing == []
