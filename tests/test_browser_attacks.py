"""The standing attack suite, part 1: saved progress that is damaged or
crafted, in Chromium.

One tiny course has a quiz per kind of damage. Every kind is written into
localStorage at once; then the progress page, the navigation marks and a page
placing every quiz are checked in one load each: each quiz starts, the learner
is told what was set aside, finished attempts that can be trusted are kept
(and count), and the damaged text is kept under another key. Crafted import
files are in test_browser_import_attacks.py, the property-based import test in
test_browser_import_properties.py.
"""

from __future__ import annotations

import json

import pytest
from conftest import build_site, write_project
from test_browser_progress import open_progress, storage

pytestmark = pytest.mark.browser

COURSE = "attack"
QUIZ = """\
title: Quiz {n}
questions:
  - id: q1
    type: single
    prompt: Pick A.
    options:
      - {{id: a, text: A, correct: true}}
      - {{id: b, text: B}}
  - id: q2
    type: ordering
    prompt: Put x, y, z in order.
    items:
      - {{id: x, text: X}}
      - {{id: y, text: Y}}
      - {{id: z, text: Z}}
"""
ALL = ("Saved progress for this quiz could not be read. It was set aside in this browser, not deleted, "
       "and the quiz starts afresh.")
ATTEMPTS = ("Some earlier results for this quiz could not be read. They were set aside in this browser, not "
            "deleted; your other results are kept.")
DRAFT = ("Your unfinished attempt at this quiz could not be read. It was set aside in this browser, not "
         "deleted, and the quiz starts afresh. Your finished attempts are kept.")
NOTE_ALL = ("Saved results for this quiz could not be read. Open the quiz: it sets them aside, without "
            "deleting them, and starts afresh.")
NOTE_SOME = ("Some saved results for this quiz could not be read. Open the quiz: it sets them aside, "
             "without deleting them, and keeps the rest.")


def good(quiz: str, version: str, /, **change) -> dict:
    """A finished, passing attempt that every reader must keep."""
    attempt = {
        "id": f"kept-{quiz}", "quiz": quiz, "version": version, "lang": "en",
        "started": "2026-01-02T10:00:00Z", "finished": "2026-01-02T10:05:00Z",
        "questions": ["q1", "q2"], "orders": {"q1": ["a", "b"], "q2": ["x", "y", "z"]},
        "answers": {"q1": "a", "q2": ["x", "y", "z"]}, "scores": {"q1": 1, "q2": 1},
        "score": 100, "right": 2, "passed": True,
    }
    attempt.update(change)
    return attempt


def draft(quiz: str, version: str, /, **change) -> dict:
    attempt = good(quiz, version, id="draft", finished=None, scores={}, score=None, right=None, passed=None,
                   answers={"q1": "b"})
    attempt.update(change)
    return {k: v for k, v in attempt.items() if v is not Ellipsis}


def saved(quiz, version, attempts=None, current=None) -> str:
    return json.dumps({"schema": 1, "attempts": attempts if attempts is not None else [good(quiz, version)],
                       "current": current})


def bad_finished(**change):
    """A saved key: the good attempt plus one finished attempt damaged by `change`."""
    return lambda q, v: saved(q, v, [good(q, v), good(q, v, **{"id": "bad", **change})])


def bad_literal(field: str, literal: str):
    """The same, with `field` written as raw JSON text (1e309 parses as Infinity)."""
    return lambda q, v: bad_finished(**{field: "@literal@"})(q, v).replace('"@literal@"', literal)


def bad_draft(**change):
    return lambda q, v: saved(q, v, current=draft(q, v, **change))


DEEP = "[" * 5000 + "]" * 5000
# name: (saved text for quiz q at version v, what the quiz page says, what the
# progress page notes, whether the good attempt is kept)
CASES = {
    "not-json": (lambda q, v: "{not json", [ALL], NOTE_ALL, False),
    "null": (lambda q, v: "null", [ALL], NOTE_ALL, False),
    "array-for-object": (lambda q, v: json.dumps([good(q, v)]), [ALL], NOTE_ALL, False),
    "attempts-an-object": (lambda q, v: json.dumps({"schema": 1, "attempts": {"0": good(q, v)}}), [ALL], NOTE_ALL, False),
    "unknown-schema": (lambda q, v: json.dumps({"schema": 2, "attempts": [good(q, v)]}), [ALL], NOTE_ALL, False),
    "answers-null": (bad_finished(answers=None), [ATTEMPTS], NOTE_SOME, True),
    "score-a-string": (bad_finished(score="80"), [ATTEMPTS], NOTE_SOME, True),
    "finished-true": (bad_finished(finished=True), [ATTEMPTS], NOTE_SOME, True),
    "score-infinite": (bad_literal("score", "1e309"), [ATTEMPTS], NOTE_SOME, True),
    "score-out-of-range": (bad_finished(score=150), [ATTEMPTS], NOTE_SOME, True),
    "question-score-negative": (bad_finished(scores={"q1": -1, "q2": 1}), [ATTEMPTS], NOTE_SOME, True),
    "huge-string": (bad_finished(version="v" * 200_000), [ATTEMPTS], NOTE_SOME, True),
    "deep-answers": (bad_literal("answers", '{"q1": ' + DEEP + "}"), [ATTEMPTS], NOTE_SOME, True),
    "proto-key": (lambda q, v: saved(q, v, [good(q, v), good(q, v, id="bad", passed=False)]).replace(
        '"id": "bad"', '"id": "bad", "__proto__": {"passed": true}'), [ATTEMPTS], NOTE_SOME, True),
    "attempt-an-array": (lambda q, v: saved(q, v, [good(q, v), [good(q, v)]]), [ATTEMPTS], NOTE_SOME, True),
    "attempt-id-a-number": (bad_finished(id=7), [ATTEMPTS], NOTE_SOME, True),
    "other-quiz": (bad_finished(quiz="elsewhere"), [ATTEMPTS], NOTE_SOME, True),
    "draft-questions-null": (bad_draft(questions=None), [DRAFT], NOTE_SOME, True),
    "draft-questions-a-string": (bad_draft(questions="q1"), [DRAFT], NOTE_SOME, True),
    "draft-answer-a-number": (bad_draft(answers={"q1": 5}), [DRAFT], NOTE_SOME, True),
    "draft-order-not-a-selector": (bad_draft(orders={"q1": ['a"]', "b"], "q2": ["x", "y", "z"]}), [DRAFT], NOTE_SOME, True),
    "draft-and-finished": (lambda q, v: saved(q, v, [good(q, v), good(q, v, id="bad", score=None)],
                                              draft(q, v, lang=["en"])), [ATTEMPTS, DRAFT], NOTE_SOME, True),
    # valid by the schema, but not for this quiz as built: only the quiz page
    # can tell, and it sets the draft aside (the progress page notes nothing)
    "draft-without-orders": (bad_draft(orders=...), [DRAFT], None, True),
    "draft-unknown-option": (bad_draft(orders={"q1": ["a", "b"], "q2": ["x", "y", "nope"]}), [DRAFT], None, True),
    "draft-answer-wrong-shape": (bad_draft(answers={"q1": ["a"]}), [DRAFT], None, True),
    "draft-unknown-question": (bad_draft(questions=["q1", "ghost"]), [DRAFT], None, True),
    "draft-built-in-name": (bad_draft(scores={"constructor": 1}), [DRAFT], None, True),
    "draft-score-unanswered": (bad_draft(scores={"q2": 1}, answers={}), [DRAFT], None, True),
}
QUIZZES = {f"a{i:02d}": name for i, name in enumerate(CASES)}


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory, server):
    folder = tmp_path_factory.mktemp("attack-site")
    pages = {"index.md": "# Home\n", "all.md": "# Every quiz\n\n" + "".join(f"[Quiz](quiz:{q})\n\n" for q in QUIZZES)}
    pages.update({f"{q}.md": f"# Module {q}\n\n[Quiz](quiz:{q})\n" for q in QUIZZES})
    nav = "nav:\n  - Home: index.md\n" + "".join(f"  - {q}: {q}.md\n" for q in QUIZZES)
    nav += "  - Every quiz: all.md\n  - My progress: progress.md\n"
    write_project(folder, pages=pages, quizzes={f"{q}.yml": QUIZ.format(n=q) for q in QUIZZES}, nav=nav,
                  plugin_options="pass_mark: 50\n")
    (folder / "mkdocs.yml").write_text(
        (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("course_id: tiny", f"course_id: {COURSE}"),
        encoding="utf-8")
    url = server.add(folder / "site")
    # not strict: placing every quiz twice is warned about, and meant here
    build_site(folder, site_url=url, strict=False)
    return url


def versions(page, base) -> dict:
    page.goto(base + "all/")
    found = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('[data-course-quiz]')]"
        ".map(q => [q.dataset.courseQuiz, q.dataset.quizVersion]))")
    page.evaluate("localStorage.clear()")
    return found


def test_damaged_saved_progress_of_every_kind(browser, attack_site):
    # wide: the navigation shows every module's link
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        by_quiz = versions(page, attack_site)
        raws = {q: CASES[name][0](q, by_quiz[q]) for q, name in QUIZZES.items()}
        page.evaluate("raws => { for (const [q, raw] of Object.entries(raws)) "
                      "localStorage.setItem('mkdocs-course/attack/' + q, raw); }", raws)
        assert storage(page) == {f"mkdocs-course/{COURSE}/{q}": raw for q, raw in raws.items()}

        # the progress page reads, never writes, and agrees with the quiz page
        open_progress(page, attack_site)
        for q, name in QUIZZES.items():
            _, _, note, kept = CASES[name]
            li = page.locator(f'[data-course-module="{q}"]')
            assert li.get_attribute("data-course-status") == ("passed" if kept else "not-started"), name
            shown = li.locator("[data-course-module-note]")
            assert (shown.inner_text() if shown.is_visible() else None) == note, name
        # the navigation marks exactly the modules whose good attempt counts
        marked = page.locator("nav.md-nav--primary a[data-course-passed]").evaluate_all(
            "els => els.map(a => a.pathname.split('/').at(-2))")
        assert sorted(marked) == sorted(q for q, name in QUIZZES.items() if CASES[name][3])
        assert storage(page) == {f"mkdocs-course/{COURSE}/{q}": raw for q, raw in raws.items()}

        # the quiz page: every quiz starts and says what it set aside
        page.goto(attack_site + "all/")
        page.wait_for_function("[...document.querySelectorAll('[data-course-quiz]')].every(q => q.mkdocsCourseQuiz)")
        for q, name in QUIZZES.items():
            _, messages, _, kept = CASES[name]
            root = page.locator(f'[data-course-quiz="{q}"]')
            assert root.evaluate("el => typeof el.mkdocsCourseQuiz") == "object", name
            assert root.locator("[data-course-storage-status]").inner_text() == " ".join(messages), name
            previous = root.locator("[data-course-previous]")
            assert previous.is_visible() == kept, name
            if kept:
                assert previous.inner_text().startswith("1 earlier attempt. Best score 100%"), name
            # a fresh attempt, and it works
            assert root.locator("[data-course-question=q1] input:checked").count() == 0, name
            root.locator("[data-course-question=q1] input[value=a]").check()
            root.locator("[data-course-question=q1] [data-course-check]").click()
            assert root.locator("[data-course-question=q1]").get_attribute("data-course-score") == "1", name
        after = storage(page)
        for q, name in QUIZZES.items():
            key = f"mkdocs-course/{COURSE}/{q}"
            ids = [a["id"] for a in json.loads(after[key])["attempts"]]
            assert ids == ([f"kept-{q}"] if CASES[name][3] else []), name
            aside = [v for k, v in after.items() if k.startswith(key + "/damaged/")]
            assert aside == [raws[q]], name

        # opened again, nothing more is damaged: the notes are gone
        open_progress(page, attack_site)
        notes = page.locator("[data-course-module-note]:visible").all_inner_texts()
        assert notes == []
        page.goto(attack_site + "all/")
        page.wait_for_function("[...document.querySelectorAll('[data-course-quiz]')].every(q => q.mkdocsCourseQuiz)")
        assert page.locator("[data-course-storage-status]:visible").count() == 0
        assert not errors, errors
    finally:
        context.close()
