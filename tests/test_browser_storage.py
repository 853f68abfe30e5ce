"""Saved progress when storage is blocked, full, damaged or from an older quiz."""

from __future__ import annotations

import json

import pytest
from quiz_driver import ALL_TYPES_RIGHT
from test_browser_quiz import open_quiz

pytestmark = pytest.mark.browser

BLOCKED = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""
FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "full"])
def test_quiz_still_grades_when_storage_fails(context, fixture_site, script):
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    # Material's own scripts also meet the blocked storage; only ours count here
    page.on("pageerror", lambda exc: errors.append(exc.stack) if "assets/course/" in (exc.stack or "") else None)
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    status = quiz.root.locator("[data-course-storage-status]")
    assert status.is_visible()
    assert "does not let the course save your progress" in status.inner_text()
    quiz.answer_all(ALL_TYPES_RIGHT)
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert not errors


def test_damaged_progress_is_set_aside_not_lost(page, fixture_site):
    page.goto(fixture_site + "index.html")
    page.evaluate("localStorage.setItem('mkdocs-course/test-course/second', '{not json')")
    quiz = open_quiz(page, fixture_site, "two/", "second")
    status = quiz.root.locator("[data-course-storage-status]")
    assert "could not be read. It was set aside" in status.inner_text()
    kept = page.evaluate(
        """() => Object.keys(localStorage)
            .filter(k => k.startsWith('mkdocs-course/test-course/second/damaged/'))
            .map(k => localStorage.getItem(k))"""
    )
    assert kept == ["{not json"]
    quiz.answer("only", "blue")
    quiz.check("only")
    assert quiz.stored("test-course", "second")["attempts"][0]["score"] == 100


def test_attempts_on_an_older_quiz_version_are_kept_and_marked(page, fixture_site):
    old = {
        "schema": 1,
        "attempts": [{
            "id": "old-1", "quiz": "second", "version": "000000000000", "started": "2026-01-02T10:00:00Z",
            "finished": "2026-01-02T10:05:00Z", "questions": ["only"], "answers": {"only": "green"},
            "scores": {"only": 0}, "score": 0, "passed": False,
        }],
        "current": {
            "id": "old-draft", "quiz": "second", "version": "000000000000", "started": "2026-01-03T10:00:00Z",
            "finished": None, "questions": ["only"], "orders": {}, "answers": {"only": "blue"}, "scores": {},
        },
    }
    page.goto(fixture_site + "index.html")
    page.evaluate("v => localStorage.setItem('mkdocs-course/test-course/second', v)", json.dumps(old))
    quiz = open_quiz(page, fixture_site, "two/", "second")
    previous = quiz.root.locator("[data-course-previous]")
    assert "1 earlier attempt. Best score 0% on January 2, 2026." in previous.inner_text()
    assert "older version of this quiz" in previous.inner_text()
    # the unfinished draft from the old version starts afresh but is kept
    assert quiz.question("only").locator("input:checked").count() == 0
    stored = quiz.stored("test-course", "second")
    ids = {a["id"]: a for a in stored["attempts"]}
    assert ids["old-1"]["version"] == "000000000000"
    assert ids["old-draft"]["abandoned"] is True
    assert stored["current"]["version"] != "000000000000"


def test_progress_is_keyed_by_ids_not_urls(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "two/", "second")
    quiz.answer("only", "blue")
    quiz.check("only")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["mkdocs-course/test-course/second"]
    # the same quiz reached by another address finds the same progress
    quiz = open_quiz(page, fixture_site, "two/index.html?from=elsewhere", "second")
    assert quiz.result.get_attribute("data-course-passed") == "true"
