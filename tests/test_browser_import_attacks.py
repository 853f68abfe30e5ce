"""The standing attack suite, part 2: crafted files imported through the
progress page's real file input, in Chromium, one page for all of them.

Each file is either imported or refused with a message, and a refused file
writes nothing. Files that are foreign, damaged, deeply nested, huge, carry
prototype-polluting "__proto__" keys, non-finite or out-of-range numbers, or
ids that are JavaScript's built-in names.
"""

from __future__ import annotations

import copy
import json

import pytest
from mkdocs_course.progress import EXPORT_SCHEMA, RECORD_SCHEMA
from test_browser_progress import COURSE, download, import_file, open_progress, progress_site, storage, validator  # noqa: F401

pytestmark = pytest.mark.browser

DAMAGED = ("This file could not be read as course progress: it may be damaged, or not a progress file at all. "
           "Nothing was imported.")
TOO_LARGE = ("This file is too large to be course progress (the limit is 16 MB), so nothing was imported. "
             "Choose a file exported from \u201cProgress test course\u201d.")
FOREIGN = ("This file holds progress for another course (\u201cOther course\u201d), so nothing was imported. "
           "Choose a file exported from \u201cProgress test course\u201d.")


def done(count: int, new: int) -> str:
    return f"Progress imported. Attempts in the file: {count}; new on this device: {new}. Nothing was removed."


def export(payload: dict, quizzes: list) -> dict:
    return {
        "schema": 2, "kind": "mkdocs-course/progress", "generator": "mkdocs-course 0.1.0",
        "course": {"id": COURSE, "title": "Progress test course", "version": payload["version"]},
        "lang": "en", "created": "2026-01-09T10:00:00Z", "learner": None, "quizzes": quizzes, "pages": [],
    }


def attempt(quiz: str, version: str, ident: str = "a-1", **change) -> dict:
    data = {
        "id": ident, "quiz": quiz, "version": version, "lang": "en",
        "started": "2026-01-02T10:00:00Z", "finished": "2026-01-02T10:05:00Z",
        "questions": ["q1"], "orders": {"q1": ["blue", "green"]}, "answers": {"q1": "blue"},
        "scores": {"q1": 1}, "score": 100, "right": 1, "passed": True,
    }
    data.update(change)
    return data


def first_quiz(base: dict, **change) -> dict:
    doc = copy.deepcopy(base)
    doc["quizzes"][0]["attempts"][0].update(change)
    return doc


def text_with(doc: dict, placeholder: str, raw: str) -> str:
    """The file as text, with a placeholder string replaced by raw JSON text."""
    text = json.dumps(doc)
    assert f'"{placeholder}"' in text
    return text.replace(f'"{placeholder}"', raw)


def test_crafted_files_are_imported_or_refused_with_a_message(page, progress_site, tmp_path):
    root = open_progress(page, progress_site)
    payload = json.loads(root.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    version = payload["modules"][0]["version"]
    base = export(payload, [{"id": "first", "attempts": [attempt("first", version)], "current": None}])
    validator(EXPORT_SCHEMA).validate(base)
    deep = "[" * 100_000 + "]" * 100_000
    refused = {
        "empty": ("", DAMAGED),
        "not JSON": ("{\"schema\": 1,", DAMAGED),
        "an array": ("[]", DAMAGED),
        "another kind": (dict(base, kind="mkdocs-course/other"), DAMAGED),
        "schema 3": (dict(base, schema=3), DAMAGED),
        "schema 1 with pages": (dict(base, schema=1, pages=[]), DAMAGED),
        "schema 2 without pages": ({k: v for k, v in base.items() if k != "pages"}, DAMAGED),
        "a page read twice": (dict(base, pages=[{"id": "p", "read": "2026-01-02T10:00:00Z", "how": "end"}] * 2), DAMAGED),
        "a page read how": (dict(base, pages=[{"id": "p", "read": "2026-01-02T10:00:00Z", "how": "timer"}]), DAMAGED),
        "schema true": (dict(base, schema=True), DAMAGED),
        "foreign": (dict(base, course={"id": "other", "title": "Other course", "version": "0" * 12}), FOREIGN),
        "deep answers": (text_with(first_quiz(base, answers={"q1": "@"}), "@", deep), DAMAGED),
        "deep unknown field": (text_with(dict(base, extra="@"), "@", deep), DAMAGED),
        "deep quizzes": (text_with(dict(base, quizzes="@"), "@", deep), DAMAGED),
        "huge typed answer": (first_quiz(base, answers={"q1": "x" * 1_000_000}), DAMAGED),
        "proto at the top": (text_with(base, "mkdocs-course 0.1.0", '"g", "__proto__": {"polluted": 1}'), DAMAGED),
        "proto in an attempt": (text_with(first_quiz(base, lang="@"), "@", '"en", "__proto__": {"passed": true}'), DAMAGED),
        "proto in answers": (first_quiz(base, answers={"__proto__": "blue"}), DAMAGED),
        "constructor in answers": (first_quiz(base, answers={"q1": {"constructor": {"x": [1]}}}), DAMAGED),
        "score +1e309": (text_with(first_quiz(base, score="@"), "@", "1e309"), DAMAGED),
        "score -1e309": (text_with(first_quiz(base, score="@"), "@", "-1e309"), DAMAGED),
        "score 150": (first_quiz(base, score=150), DAMAGED),
        "score a string": (first_quiz(base, score="80"), DAMAGED),
        "question score 1.5": (first_quiz(base, scores={"q1": 1.5}), DAMAGED),
        "finished true": (first_quiz(base, finished=True), DAMAGED),
        "answers null": (first_quiz(base, answers=None), DAMAGED),
        "other quiz's attempt": (first_quiz(base, quiz="second"), DAMAGED),
        "the same quiz twice": (dict(base, quizzes=base["quizzes"] * 2), DAMAGED),
        "a quiz called learner": (dict(base, quizzes=[{"id": "learner", "attempts": [], "current": None}]), DAMAGED),
        "draft questions null": (dict(base, quizzes=[dict(base["quizzes"][0], current=attempt(
            "first", version, "d", finished=None, questions=None))]), DAMAGED),
        "draft without current field": (dict(base, quizzes=[{"id": "first", "attempts": []}]), DAMAGED),
    }
    before = storage(page)
    for name, (content, message) in refused.items():
        assert import_file(page, content) == message, name
        outcome = page.locator("[data-course-import-status]").get_attribute("data-course-import-status")
        assert outcome == ("foreign" if message == FOREIGN else "damaged"), name
        assert storage(page) == before, name
    assert page.evaluate("() => ({}).polluted === undefined && ({}).passed === undefined")

    # larger than the limit: refused (by its size, without being read)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (16 * 1024 * 1024 + 1))
    page.locator("[data-course-import-status]").evaluate("el => { el.textContent = '' }")
    page.locator("[data-course-import]").set_input_files(str(huge))
    page.wait_for_function("() => document.querySelector('[data-course-import-status]').textContent")
    assert page.locator("[data-course-import-status]").inner_text() == TOO_LARGE
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "too_large"
    assert storage(page) == before

    # a good file, with quizzes no longer in the course whose ids, and whose
    # attempts' ids, are built-in names: everything is imported and kept
    names = ["__proto__", "constructor", "toString", "valueOf"]
    builtins = export(payload, [
        {"id": "first", "attempts": [attempt("first", version)], "current": None},
        {"id": "toString", "attempts": [attempt("toString", "v1", n, questions=["valueOf"], orders={}, scores={"valueOf": 1},
                                                answers={"valueOf": "constructor"}) for n in names], "current": None},
        {"id": "constructor", "attempts": [], "current": attempt("constructor", "v1", "__proto__", finished=None,
                                                                 score=None, right=None, passed=None, scores={})},
    ])
    validator(EXPORT_SCHEMA).validate(builtins)
    assert import_file(page, builtins) == done(5, 5)
    after = storage(page)
    assert [a["id"] for a in json.loads(after[f"mkdocs-course/{COURSE}/toString"])["attempts"]] == names
    assert json.loads(after[f"mkdocs-course/{COURSE}/constructor"])["current"]["id"] == "__proto__"
    assert page.locator('[data-course-module="first"]').get_attribute("data-course-status") == "passed"
    # exporting and the completion record still work, and keep them
    exported = download(page, "[data-course-export]")
    validator(EXPORT_SCHEMA).validate(exported)
    assert [q["id"] for q in exported["quizzes"]] == ["constructor", "first", "toString"]
    record = download(page, "[data-course-download-record]")
    validator(RECORD_SCHEMA).validate(record)
    kept = {q["id"]: [a["id"] for a in q["attempts"]] for q in record["quizzes"]}
    assert kept["toString"] == names and kept["first"] == ["a-1"]
    # and the exported file imports again, adding nothing
    assert import_file(page, exported) == done(5, 0)
    assert page.evaluate("() => ({}).polluted === undefined")


@pytest.mark.slow
def test_answers_nested_three_million_deep_are_refused_as_damaged(page, progress_site):
    root = open_progress(page, progress_site)
    payload = json.loads(root.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    doc = export(payload, [{"id": "first", "attempts": [attempt("first", payload["modules"][0]["version"],
                                                               answers={"q1": "@"})], "current": None}])
    depth = 3_000_000
    before = storage(page)
    assert import_file(page, text_with(doc, "@", "[" * depth + "]" * depth)) == DAMAGED
    assert storage(page) == before
    # the page still works: export and the record give files
    assert download(page, "[data-course-export]")["quizzes"] == []
    assert download(page, "[data-course-download-record]")["kind"] == "mkdocs-course/completion-record"
