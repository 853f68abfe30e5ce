"""Taking quizzes in Chromium, the way a learner does."""

from __future__ import annotations

import re

import pytest
from quiz_driver import ALL_TYPES_RIGHT, ALL_TYPES_WRONG, QuizDriver

pytestmark = pytest.mark.browser


def open_quiz(page, base_url: str, path: str, quiz_id: str) -> QuizDriver:
    page.goto(base_url + path)
    page.wait_for_function("id => document.querySelector(`[data-course-quiz='${id}']`).mkdocsCourseQuiz", arg=quiz_id)
    return QuizDriver(page, quiz_id)


def test_right_answers_to_every_type_pass_the_quiz(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer_all(ALL_TYPES_RIGHT)
    for qid in ALL_TYPES_RIGHT:
        assert quiz.score(qid) == "1", qid
        assert "Correct." in quiz.feedback(qid)
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert quiz.result.get_attribute("data-course-score") == "100"
    assert "Your score: 100% (7 of 7 questions right)." in quiz.result.inner_text()
    assert "Passed. The pass mark is 60%." in quiz.result.inner_text()
    # option feedback and the explanation appear only after checking
    single = quiz.question("single")
    assert "Well spotted." in single.inner_text()
    assert "The second option was the one." in quiz.feedback("single")
    assert "Indeed wet." in quiz.feedback("truth")
    # every control is locked once checked
    assert single.locator("input:enabled").count() == 0


def test_wrong_answers_show_why_and_fail(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer_all(ALL_TYPES_WRONG)
    for qid in ALL_TYPES_WRONG:
        assert quiz.score(qid) == "0", qid
        assert "Not quite." in quiz.feedback(qid)
    single = quiz.question("single")
    assert "\u2717 your choice, not right" in single.locator('[data-course-option="a"]').inner_text()
    assert "The first is wrong." in single.inner_text()
    assert "\u2713 right answer" in single.locator('[data-course-option="b"]').inner_text()
    assert "Accepted answers: Paris / Paris, France" in quiz.feedback("blank")
    assert "Expected answer: 3.5 \u00b1 0.01" in quiz.feedback("number")
    assert "It is wet." in quiz.feedback("truth")
    match = quiz.question("match")
    assert "\u2717 right match: Meow" in match.locator('[data-course-option="cat"]').inner_text()
    assert "\u2713 right match" in match.locator('[data-course-option="cow"]').inner_text()
    order = quiz.question("order")
    assert "should be at position 1" in order.locator('[data-course-option="one"]').inner_text()
    assert quiz.result.get_attribute("data-course-passed") == "false"
    assert "Not passed yet. The pass mark is 60%" in quiz.result.inner_text()


def test_partial_credit_and_retry(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    answers = dict(ALL_TYPES_WRONG, multiple=["two"])
    quiz.answer_all(answers)
    assert quiz.score("multiple") == "0.5"
    assert "Partly correct." in quiz.feedback("multiple")
    assert quiz.result.get_attribute("data-course-score") == "7.1"
    quiz.result.locator("[data-course-retry]").click()
    assert quiz.result.is_hidden()
    assert quiz.score("single") is None
    assert quiz.question("single").locator("input:checked").count() == 0
    assert "1 earlier attempt. Best score 7.1%" in quiz.root.locator("[data-course-previous]").inner_text()
    quiz.answer_all(ALL_TYPES_RIGHT)
    assert quiz.result.get_attribute("data-course-passed") == "true"
    stored = quiz.stored("test-course", "all-types")
    assert [a["score"] for a in stored["attempts"]] == [7.1, 100]
    assert all(a["version"] == stored["attempts"][0]["version"] for a in stored["attempts"])
    assert stored["attempts"][1]["answers"]["blank"] == "  paris "


def test_unanswered_and_unreadable_numbers_are_not_graded(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.check("single")
    assert quiz.feedback("single") == "Please answer the question before checking."
    assert quiz.score("single") is None
    quiz.answer("number", "three and a half")
    quiz.check("number")
    assert quiz.feedback("number") == "Please type a number, for example 42 or 3.5."
    assert quiz.question("number").locator("input").is_enabled()


def test_progress_survives_a_reload(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer("single", "b")
    quiz.check("single")
    quiz.answer("blank", "Par")  # typed, not yet checked
    quiz.answer("match", {"cat": "Meow"})
    order_before = quiz.current_order("order")
    page.reload()
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    assert quiz.score("single") == "1"
    assert quiz.question("single").locator('input[value="b"]').is_checked()
    assert quiz.question("blank").locator("input").input_value() == "Par"
    assert quiz.question("match").locator('[data-course-match="cat"] option:checked').inner_text() == "Meow"
    assert quiz.current_order("order") == order_before
    quiz.answer_all({k: v for k, v in ALL_TYPES_RIGHT.items() if k != "single"})
    page.reload()
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    assert quiz.result.get_attribute("data-course-passed") == "true"


def test_instant_navigation_between_two_quiz_pages(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer("single", "b")
    quiz.check("single")
    page.evaluate("window.notReloaded = true")
    page.locator("article a", has_text="the second quiz").click()
    page.wait_for_url(re.compile(r"/two/$"))
    page.wait_for_function("document.querySelector('[data-course-quiz=second]')?.mkdocsCourseQuiz")
    assert page.evaluate("window.notReloaded") is True, "Material's instant navigation did not apply"
    second = QuizDriver(page, "second")
    second.answer("only", "blue")
    second.check("only")
    assert second.result.get_attribute("data-course-passed") == "true"
    page.go_back()
    page.wait_for_function("document.querySelector('[data-course-quiz=all-types]')?.mkdocsCourseQuiz")
    assert page.evaluate("window.notReloaded") is True
    assert QuizDriver(page, "all-types").score("single") == "1"


def test_question_pool_draws_and_keeps_its_draw(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "pool/", "pool")
    visible = [q for q in ("p1", "p2", "p3", "p4") if quiz.question(q).is_visible()]
    assert len(visible) == 2
    assert quiz.root.locator("[data-course-summary]").inner_text().startswith("2 of 4 questions drawn")
    page.reload()
    quiz = open_quiz(page, fixture_site, "pool/", "pool")
    assert [q for q in ("p1", "p2", "p3", "p4") if quiz.question(q).is_visible()] == visible
    for number, qid in enumerate(visible, start=1):
        assert quiz.question(qid).locator("[data-course-number]").inner_text() == f"Question {number}"
    quiz.answer_all({q: "true" for q in visible})
    assert "(2 of 2 questions right)" in quiz.result.inner_text()


def test_answer_keys_are_not_in_the_page_source(page, fixture_site):
    page.goto(fixture_site + "one/")
    source = page.content()
    for secret in ("Well spotted", "Paris, France", "Indeed wet", "second option was the one"):
        assert secret not in source
    # the matching choices carry opaque values, not the pair ids
    values = page.locator('[data-course-match="cat"] option').evaluate_all("os => os.map(o => o.value)")
    assert not {"cat", "dog", "cow"} & set(values)


def test_two_tabs_keep_every_attempt(context, fixture_site):
    first, second = context.new_page(), context.new_page()
    quizzes = [open_quiz(p, fixture_site, "two/", "second") for p in (first, second)]
    quizzes[0].answer("only", "blue")
    quizzes[1].answer("only", "green")
    quizzes[0].check("only")
    quizzes[1].check("only")
    stored = quizzes[0].stored("test-course", "second")
    assert sorted(a["score"] for a in stored["attempts"]) == [0, 100]
    quizzes[1].result.locator("[data-course-retry]").click()
    quizzes[1].answer("only", "blue")
    quizzes[1].check("only")
    quizzes[0].result.locator("[data-course-retry]").click()
    stored = quizzes[0].stored("test-course", "second")
    assert sorted(a["score"] for a in stored["attempts"]) == [0, 100, 100]


@pytest.mark.parametrize("typed", ["3.5", "3,5", " 3.50 ", "٣٫٥", "۳.۵"])
def test_numbers_are_read_as_learners_type_them(page, fixture_site, typed):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer("number", typed)
    quiz.check("number")
    assert quiz.score("number") == "1", typed


@pytest.mark.parametrize("typed,score", [("PARIS", "1"), ("Páris", "1"), (" paris  france ", "0"), ("Paris,  France", "1")])
def test_fill_in_answers_ignore_case_spaces_and_accents(page, fixture_site, typed, score):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    quiz.answer("blank", typed)
    quiz.check("blank")
    assert quiz.score("blank") == score, typed
