"""Ids that are JavaScript's built-in names, end to end in Chromium.

The build accepts any id of letters, digits, '-' and '_', so a quiz, question,
option, pair or item may be called "constructor", "valueOf", "toString" or
"hasOwnProperty": names every plain object already answers to. The fixture
tests/fixtures/builtin-ids-site uses nothing else. A learner answers wrong,
then right, passes, sees it on the progress page and in the navigation,
exports, clears and imports; attempts whose ids are such names (and
"__proto__") are imported, not dropped.
"""

from __future__ import annotations

import json

import pytest
from conftest import serve_fixture
from mkdocs_course.progress import EXPORT_SCHEMA
from test_browser_progress import download, import_file, open_progress, storage, validator
from test_browser_quiz import open_quiz

pytestmark = pytest.mark.browser

COURSE = "constructor"
RIGHT = {
    "constructor": "valueOf",
    "valueOf": ["constructor", "isPrototypeOf"],
    "hasOwnProperty": "true",
    "isPrototypeOf": "toString",
    "propertyIsEnumerable": "42",
    "toLocaleString": {"constructor": "constructor (right)", "valueOf": "valueOf (right)",
                       "toString": "toString (right)"},
    "toJSON": ["constructor", "valueOf", "toString"],
}
WRONG = {
    "constructor": "hasOwnProperty",
    "valueOf": ["toLocaleString"],
    "hasOwnProperty": "false",
    "isPrototypeOf": "valueOf",
    "propertyIsEnumerable": "41",
    "toLocaleString": {"constructor": "valueOf (right)", "valueOf": "constructor (right)",
                       "toString": "toString (right)"},
    "toJSON": ["toString", "valueOf", "constructor"],
}
# What leaks when an id is looked up in a plain object that lacks it.
LEAKS = ("native code", "function", "NaN", "undefined", "[object", "null")


@pytest.fixture(scope="session")
def builtin_site(tmp_path_factory, server):
    return serve_fixture(tmp_path_factory, server, "builtin-ids-site")


def no_leaks(text: str) -> None:
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} in {text!r}"


def key(quiz: str) -> str:
    return f"mkdocs-course/{COURSE}/{quiz}"


def test_every_type_with_built_in_ids_answered_wrong_then_right(page, builtin_site):
    quiz = open_quiz(page, builtin_site, "valueOf/", "toString")
    assert quiz.root.locator("[data-course-storage-status]").is_hidden()
    quiz.answer_all(WRONG)
    for qid in WRONG:
        assert quiz.score(qid) == "0", qid
        assert quiz.feedback(qid).startswith("\u2717 Not quite."), qid
    assert "Your score: 0% (0 of 7 questions right)." in quiz.result.inner_text()
    single = quiz.question("constructor")
    # only the option given feedback shows any; the others have none at all
    assert single.locator('[data-course-option="hasOwnProperty"] [data-course-option-feedback]').inner_text() == "Not this one."
    assert single.locator('[data-course-option="valueOf"] [data-course-option-feedback]').is_hidden()
    assert "\u2717 right match: valueOf (right)" in quiz.question("toLocaleString").locator(
        '[data-course-option="valueOf"]').inner_text()
    assert "should be at position 1" in quiz.question("toJSON").locator('[data-course-option="constructor"]').inner_text()
    no_leaks(quiz.root.inner_text())

    quiz.result.locator("[data-course-retry]").click()
    assert quiz.score("valueOf") is None  # a fresh attempt: no question answered
    quiz.answer_all(RIGHT)
    for qid in RIGHT:
        assert quiz.score(qid) == "1", qid
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert "Your score: 100% (7 of 7 questions right)." in quiz.result.inner_text()
    no_leaks(quiz.root.inner_text())
    stored = quiz.stored(COURSE, "toString")
    assert [a["score"] for a in stored["attempts"]] == [0, 100]
    assert stored["attempts"][1]["answers"]["toLocaleString"].keys() == {"constructor", "valueOf", "toString"}

    # after a reload the finished attempt is shown as it was
    quiz = open_quiz(page, builtin_site, "valueOf/", "toString")
    assert quiz.root.locator("[data-course-storage-status]").is_hidden()
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert "1 earlier attempt. Best score 0%" in quiz.root.locator("[data-course-previous]").inner_text()
    no_leaks(quiz.root.inner_text())


def test_a_draft_with_built_in_ids_resumes_after_a_reload(page, builtin_site):
    quiz = open_quiz(page, builtin_site, "valueOf/", "toString")
    quiz.answer("constructor", "valueOf")
    quiz.check("constructor")
    quiz.answer("isPrototypeOf", "toStr")  # typed, not checked
    quiz.answer("toLocaleString", {"valueOf": "valueOf (right)"})
    order = quiz.current_order("toJSON")
    quiz = open_quiz(page, builtin_site, "valueOf/", "toString")
    assert quiz.root.locator("[data-course-storage-status]").is_hidden()
    assert quiz.score("constructor") == "1"
    assert quiz.score("valueOf") is None
    assert quiz.question("isPrototypeOf").locator("input").input_value() == "toStr"
    assert quiz.question("toLocaleString").locator('[data-course-match="valueOf"] option:checked').inner_text() == "valueOf (right)"
    assert quiz.question("toLocaleString").locator('[data-course-match="constructor"]').input_value() == ""
    assert quiz.current_order("toJSON") == order
    no_leaks(quiz.root.inner_text())


def test_passing_built_in_quiz_ids_shows_everywhere_and_survives_export_and_import(page, builtin_site):
    quiz = open_quiz(page, builtin_site, "valueOf/", "toString")
    quiz.answer_all(RIGHT)
    quiz = open_quiz(page, builtin_site, "constructor/", "constructor")
    quiz.answer("valueOf", "constructor")
    quiz.check("valueOf")
    assert quiz.result.get_attribute("data-course-passed") == "true"
    no_leaks(quiz.root.inner_text())

    # the navigation marks the two passed modules, not the one never taken
    marked = page.locator("nav.md-nav--primary a[data-course-passed]")
    assert sorted(marked.evaluate_all("els => els.map(a => a.pathname.split('/').at(-2))")) == ["constructor", "valueOf"]

    root = open_progress(page, builtin_site)
    statuses = {q: page.locator(f'[data-course-module="{q}"]').get_attribute("data-course-status")
                for q in ("toString", "constructor", "hasOwnProperty")}
    assert statuses == {"toString": "passed", "constructor": "passed", "hasOwnProperty": "not-started"}
    assert root.locator("[data-course-overall]").inner_text().startswith("100% complete:")
    no_leaks(root.locator("[data-course-summary]").inner_text())

    exported = download(page, "[data-course-export]")
    validator(EXPORT_SCHEMA).validate(exported)
    assert [q["id"] for q in exported["quizzes"]] == ["constructor", "toString"]
    before = storage(page)
    page.evaluate("localStorage.clear()")
    open_progress(page, builtin_site)
    assert page.locator('[data-course-module="toString"]').get_attribute("data-course-status") == "not-started"
    message = import_file(page, exported)
    assert message == "Progress imported. Attempts in the file: 2; new on this device: 2. Nothing was removed."
    assert page.locator('[data-course-module="toString"]').get_attribute("data-course-status") == "passed"
    assert page.locator('[data-course-module="constructor"]').get_attribute("data-course-status") == "passed"
    after = storage(page)
    for quiz_id in ("toString", "constructor"):
        assert json.loads(after[key(quiz_id)])["attempts"] == json.loads(before[key(quiz_id)])["attempts"]


def test_imported_attempts_whose_ids_are_built_in_names_are_all_kept(page, builtin_site):
    root = open_progress(page, builtin_site)
    payload = json.loads(root.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    version = payload["modules"][1]["version"]
    names = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"]
    attempts = [{
        "id": name, "quiz": "constructor", "version": version, "lang": "en",
        "started": f"2026-01-0{i + 1}T10:00:00Z", "finished": f"2026-01-0{i + 1}T10:05:00Z",
        "questions": ["valueOf"], "orders": {"valueOf": ["constructor", "toString"]},
        "answers": {"valueOf": "constructor"}, "scores": {"valueOf": 1}, "score": 100, "right": 1, "passed": True,
    } for i, name in enumerate(names)]
    exported = {
        "schema": 1, "kind": "mkdocs-course/progress", "generator": "mkdocs-course 0.1.0",
        "course": {"id": COURSE, "title": "Built-in names course", "version": payload["version"]},
        "lang": "en", "created": "2026-01-09T10:00:00Z", "learner": None,
        "quizzes": [{"id": "constructor", "attempts": attempts, "current": None}],
    }
    message = import_file(page, exported)
    assert message == "Progress imported. Attempts in the file: 5; new on this device: 5. Nothing was removed."
    kept = json.loads(storage(page)[key("constructor")])["attempts"]
    assert [a["id"] for a in kept] == names
    assert page.locator('[data-course-module="constructor"]').get_attribute("data-course-status") == "passed"
    # importing it again adds nothing and drops nothing
    message = import_file(page, exported)
    assert message == "Progress imported. Attempts in the file: 5; new on this device: 0. Nothing was removed."
    assert [a["id"] for a in json.loads(storage(page)[key("constructor")])["attempts"]] == names
    # and the quiz page shows them as earlier attempts
    quiz = open_quiz(page, builtin_site, "constructor/", "constructor")
    assert "5 earlier attempts. Best score 100%" in quiz.root.locator("[data-course-previous]").inner_text()
