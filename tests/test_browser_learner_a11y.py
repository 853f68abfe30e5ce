"""Learner and accessibility details of the quiz runtime in Chromium: which
links get the "passed" mark, where focus goes after checking, invalid
numbers, the ordering buttons at the ends, and the sticky header."""

from __future__ import annotations

import re

import pytest
from conftest import axe_scan
from test_browser_access import focused, tab_to
from test_browser_builtin_ids import builtin_site  # noqa: F401  (a fixture: tests/fixtures/builtin-ids-site)
from test_browser_quiz import open_quiz

pytestmark = pytest.mark.browser

ALL_TYPES = "[data-course-quiz='all-types'] [data-course-question='{}']"
# Where the focused element is, and whether the sticky header or the window
# edge hides any of it.
PLACE = """el => {
  const r = el.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, headerBottom: header.bottom, height: innerHeight};
}"""


def in_view(page, locator) -> bool:
    box = locator.evaluate(PLACE)
    return box["top"] >= box["headerBottom"] - 0.5 and box["bottom"] <= box["height"] + 0.5


def active(page, prop: str = "data-course-feedback"):
    return page.evaluate("a => document.activeElement.hasAttribute(a)", prop)


# -- the passed mark ---------------------------------------------------------------


def marks_in_toc(page) -> list[str]:
    return page.locator(".md-nav--secondary a").evaluate_all(
        "els => els.filter(a => a.querySelector('.course-nav-mark') || a.dataset.courseNavQuiz).map(a => a.textContent)"
    )


def test_only_navigation_links_to_quiz_pages_are_marked_passed(browser, builtin_site):
    # wide enough for the navigation and the table of contents to show
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        only_quiz_links_marked(context.new_page(), builtin_site)
    finally:
        context.close()


def only_quiz_links_marked(page, builtin_site):
    quiz = open_quiz(page, builtin_site, "constructor/", "constructor")
    quiz.answer("valueOf", "constructor")
    quiz.check("valueOf")
    assert quiz.result.get_attribute("data-course-passed") == "true"
    toc = page.locator(".md-sidebar--secondary .md-nav--secondary a")
    assert toc.all_inner_texts() == ["Before the quiz", "After the quiz"]
    for arrival in ("reload", "instant navigation"):
        if arrival == "reload":
            page.reload()
        else:
            page.locator("nav.md-nav--primary a", has_text="Module valueOf").first.click()
            page.wait_for_url(re.compile(r"/valueOf/$"))
            page.locator("nav.md-nav--primary a", has_text="Module constructor").first.click()
            page.wait_for_url(re.compile(r"/constructor/$"))
        link = page.locator('nav.md-nav--primary > ul > li > a[data-course-nav-quiz="constructor"]')
        page.wait_for_function("el => el && el.dataset.coursePassed === 'true'", arg=link.element_handle())
        # the table of contents, beside the page and inside the navigation
        # drawer, keeps its headings' words: no mark, no hidden "(passed)"
        assert toc.all_inner_texts() == ["Before the quiz", "After the quiz"], arrival
        assert marks_in_toc(page) == [], arrival
        names = page.locator(".md-nav--secondary a").evaluate_all("els => els.map(a => a.textContent.trim())")
        assert names and not any("passed" in n for n in names), names
        marked = page.locator("a[data-course-passed]").evaluate_all("els => els.map(a => a.href)")
        assert marked and all(re.search(r"/constructor/$", href) for href in marked), marked


# -- focus after checking ------------------------------------------------------------


@pytest.mark.parametrize("width,height", [(390, 700), (1280, 800)], ids=["phone", "desktop"])
def test_checking_moves_focus_to_the_feedback_and_shows_it(browser, fixture_site, width, height, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        quiz = open_quiz(page, fixture_site, "one/", "all-types")
        # Enter on a radio button checks the question (implicit submission)
        q = ALL_TYPES.format("truth")
        tab_to(page, f"{q} input")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        feedback = quiz.question("truth").locator("[data-course-feedback]")
        feedback.wait_for(state="visible")
        assert focused(page, f"{q} [data-course-feedback]")
        assert feedback.get_attribute("tabindex") == "-1"
        assert in_view(page, feedback)
        # the check button, pressed
        q = ALL_TYPES.format("single")
        page.locator(f"{q} input[value=b]").check()
        check = page.locator(f"{q} [data-course-check]")
        check.focus()
        page.keyboard.press("Enter")
        assert focused(page, f"{q} [data-course-feedback]")
        assert in_view(page, quiz.question("single").locator("[data-course-feedback]"))
        assert page.evaluate("document.activeElement !== document.body")
        # Tab goes on from there, to the next question
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('[data-course-question]').dataset.courseQuestion") == "multiple"
        page.screenshot(path=str(tmp_path / f"checked-{width}.png"))
        assert axe_scan(page) == []
        assert not errors
    finally:
        context.close()


# -- numbers that cannot be read --------------------------------------------------------


def test_a_number_that_cannot_be_read_is_marked_invalid_until_fixed(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    question = quiz.question("number")
    field = question.locator("[data-course-input]")
    feedback = question.locator("[data-course-feedback]")
    assert field.get_attribute("aria-invalid") is None
    quiz.answer("number", "three and a half")
    quiz.check("number")
    assert feedback.inner_text() == "Please type a number, for example 42 or 3.5."
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == feedback.get_attribute("id")
    # the field's accessible description is the error
    assert field.evaluate("el => document.getElementById(el.getAttribute('aria-describedby')).textContent") == (
        "Please type a number, for example 42 or 3.5.")
    assert axe_scan(page) == []
    # still wrong while typing: still marked
    field.fill("3,5x")
    assert field.get_attribute("aria-invalid") == "true"
    # a number: no longer invalid, the error goes
    field.fill("3,5")
    assert field.get_attribute("aria-invalid") is None
    assert field.get_attribute("aria-describedby") is None
    assert feedback.is_hidden()
    quiz.check("number")
    assert quiz.score("number") == "1"
    assert field.get_attribute("aria-invalid") is None


def test_checking_a_readable_number_clears_the_error(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    field = quiz.question("number").locator("[data-course-input]")
    quiz.answer("number", "x")
    quiz.check("number")
    assert field.get_attribute("aria-invalid") == "true"
    field.evaluate("el => { el.value = '4'; }")  # changed without an input event (autofill)
    quiz.check("number")
    assert quiz.score("number") == "0"
    assert field.get_attribute("aria-invalid") is None
    assert field.get_attribute("aria-describedby") is None


# -- ordering buttons at the ends ----------------------------------------------------------


def move_states(quiz) -> list[tuple[str, str | None, str | None]]:
    return quiz.question("order").locator("[data-course-option]").evaluate_all(
        """els => els.map(li => [li.dataset.courseOption,
            li.querySelector('[data-course-move=up]').getAttribute('aria-disabled'),
            li.querySelector('[data-course-move=down]').getAttribute('aria-disabled')])"""
    )


def expected_states(order: list[str]) -> list[list]:
    last = len(order) - 1
    return [[item, "true" if i == 0 else None, "true" if i == last else None] for i, item in enumerate(order)]


def test_the_first_item_cannot_go_up_nor_the_last_down(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    order = quiz.current_order("order")
    assert move_states(quiz) == expected_states(order)
    # pressing a button that cannot move anything says so and changes nothing
    first_up = quiz.question("order").locator(f'[data-course-option="{order[0]}"] [data-course-move="up"]')
    assert not first_up.is_enabled()  # as assistive technology sees it
    first_up.focus()
    page.keyboard.press("Enter")
    assert quiz.current_order("order") == order
    assert focused(page, f"[data-course-option={order[0]}] [data-course-move=up]")
    assert first_up.evaluate("el => getComputedStyle(el).opacity") == "0.55"
    # move the second item up by keyboard: it is first now, its own up button
    # keeps the focus and is marked disabled; the old first one is free again
    second = order[1]
    tab_to(page, f"{ALL_TYPES.format('order')} [data-course-option={second}] [data-course-move=up]")
    page.keyboard.press("Enter")
    order = [second, order[0], order[2]]
    assert quiz.current_order("order") == order
    assert move_states(quiz) == expected_states(order)
    assert focused(page, f"[data-course-option={second}] [data-course-move=up]")
    page.keyboard.press("Enter")  # nothing more to do
    assert quiz.current_order("order") == order
    # the last item down, then a reload: the saved order and its states
    last_down = quiz.question("order").locator(f'[data-course-option="{order[2]}"] [data-course-move="down"]')
    last_down.focus()
    page.keyboard.press("Space")
    assert quiz.current_order("order") == order
    page.reload()
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    assert quiz.current_order("order") == order
    assert move_states(quiz) == expected_states(order)
    assert axe_scan(page) == []


# -- the sticky header ------------------------------------------------------------------------


def test_a_control_reached_backwards_is_not_under_the_sticky_header(browser, fixture_site):
    context = browser.new_context(viewport={"width": 1000, "height": 500})
    page = context.new_page()
    try:
        open_quiz(page, fixture_site, "one/", "all-types")
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
        page.locator("[data-course-quiz='all-types'] [data-course-retry], [data-course-question='order'] [data-course-check]").last.focus()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        seen = 0
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            target = page.locator(":focus")
            if not target.count() or not target.evaluate("el => !!el.closest('[data-course-quiz]')"):
                break
            box = target.evaluate(PLACE)
            assert box["top"] >= box["headerBottom"] - 0.5, (target.evaluate("el => el.outerHTML.slice(0, 80)"), box)
            seen += 1
        assert seen > 15
    finally:
        context.close()
