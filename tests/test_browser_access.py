"""Keyboard-only use, screen-reader announcements, axe-core scans, and text
that tries to inject markup."""

from __future__ import annotations

import pytest
from conftest import AXE, axe_scan, build_site
from quiz_driver import ALL_TYPES_RIGHT, QuizDriver
from test_browser_quiz import open_quiz

pytestmark = pytest.mark.browser


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def press_until(page, key: str, condition: str, limit: int = 10) -> None:
    for _ in range(limit):
        if page.evaluate(condition):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never made {condition} true")


def check_by_keyboard(page, q: str) -> None:
    tab_to(page, f"{q} [data-course-check]")
    page.keyboard.press("Enter")


def test_every_question_type_by_keyboard_alone(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    base = "[data-course-quiz='all-types'] [data-course-question='{}']"

    q = base.format("single")
    tab_to(page, f"{q} input")
    press_until(page, "ArrowDown", f"document.querySelector(\"{q} input[value=b]\").checked")
    check_by_keyboard(page, q)

    q = base.format("multiple")
    for value in ALL_TYPES_RIGHT["multiple"]:
        tab_to(page, f"{q} input[value={value}]")
        page.keyboard.press("Space")
    check_by_keyboard(page, q)

    q = base.format("truth")
    tab_to(page, f"{q} input")
    press_until(page, "ArrowDown", f"document.querySelector(\"{q} input[value=true]\").checked")
    page.keyboard.press("Enter")  # implicit submission from a radio button checks it

    q = base.format("blank")
    tab_to(page, f"{q} input")
    page.keyboard.type("Paris")
    page.keyboard.press("Enter")

    q = base.format("number")
    tab_to(page, f"{q} input")
    page.keyboard.type("3.5")
    check_by_keyboard(page, q)

    q = base.format("match")
    for pid, label in ALL_TYPES_RIGHT["match"].items():
        tab_to(page, f"{q} select[data-course-match={pid}]")
        press_until(
            page, "ArrowDown",
            f"(s => s.options[s.selectedIndex].text === '{label}')(document.activeElement)", limit=8,
        )
    check_by_keyboard(page, q)

    q = base.format("order")
    for target, item in enumerate(ALL_TYPES_RIGHT["order"]):
        tab_to(page, f"{q} [data-course-option={item}] [data-course-move=up]")
        press_until(
            page, "Enter",
            f"[...document.querySelectorAll(\"{q} [data-course-option]\")].findIndex("
            f"el => el.dataset.courseOption === '{item}') <= {target}",
        )
    assert QuizDriver(page, "all-types").current_order("order") == ALL_TYPES_RIGHT["order"]
    check_by_keyboard(page, q)

    for qid in ALL_TYPES_RIGHT:
        assert quiz.score(qid) == "1", qid
    assert quiz.result.get_attribute("data-course-passed") == "true"
    # the retry button is reachable and works from the keyboard too
    tab_to(page, "[data-course-quiz='all-types'] [data-course-retry]")
    page.keyboard.press("Enter")
    assert quiz.result.is_hidden()


def test_feedback_is_announced_in_a_polite_live_region(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "two/", "second")
    live = quiz.root.locator("[data-course-live]")
    assert live.get_attribute("aria-live") == "polite"
    quiz.answer("only", "green")
    quiz.check("only")
    page.wait_for_function(
        "el => el.textContent.includes('Your score: 0%')", arg=live.element_handle()
    )
    assert "Not passed yet" in live.inner_text()


def test_moving_an_item_announces_its_new_place(page, fixture_site):
    quiz = open_quiz(page, fixture_site, "one/", "all-types")
    order = quiz.current_order("order")
    last = order[-1]
    quiz.question("order").locator(f'[data-course-option="{last}"] [data-course-move="up"]').click()
    live = quiz.root.locator("[data-course-live]")
    page.wait_for_function("el => el.textContent.includes('now at position')", arg=live.element_handle())
    text = {"one": "One", "two": "Two", "three": "Three"}[last]
    assert live.inner_text() == f"{text}: now at position 2 of 3."
    assert focused(page, f'[data-course-option="{last}"] [data-course-move="up"]')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, fixture_site, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        quiz = open_quiz(page, fixture_site, "one/", "all-types")
        violations = axe_scan(page)
        assert violations == [], violations
        answers = dict(ALL_TYPES_RIGHT, single="a", blank="Lyon")
        quiz.answer_all(answers)
        assert quiz.result.is_visible()
        violations = axe_scan(page)
        assert violations == [], violations
    finally:
        context.close()


def test_quiz_text_cannot_inject_markup_or_script(tmp_path, project, page, server):
    folder = project(
        pages={"index.md": "# Home\n\n[Quiz: x](quiz:evil)\n"},
        quizzes={
            "evil.yml": """\
                title: <img src=x onerror="window.pwned=1">Evil
                questions:
                  - id: q1
                    type: single
                    prompt: "<script>window.pwned=2</script> Which?"
                    options:
                      - id: a
                        text: <b onmouseover="window.pwned=3">bold</b>
                        correct: true
                        feedback: "[click](javascript:window.pwned=4) <iframe src=x></iframe>"
                      - id: b
                        text: "![img](javascript:alert(1))"
            """
        },
    )
    site = build_site(folder)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html
    assert "<img src=x onerror" not in html
    page.on("dialog", lambda dialog: dialog.dismiss())
    quiz = open_quiz(page, server.add(site), "", "evil")
    assert "<script>window.pwned=2</script> Which?" in quiz.question("q1").inner_text()
    assert '<img src=x onerror="window.pwned=1">Evil' in quiz.root.locator("h2").inner_text()
    quiz.answer("q1", "a")
    quiz.check("q1")
    feedback = quiz.question("q1").locator('[data-course-option="a"] [data-course-option-feedback]')
    assert "<iframe src=x></iframe>" in feedback.inner_text()
    assert feedback.locator("a").get_attribute("href") == "#"
    quiz.question("q1").locator("b, label").first.hover()
    assert page.evaluate("window.pwned") is None
    assert page.locator("iframe").count() == 0


def test_the_search_dialog_has_a_name_and_no_empty_tab_stop(page, fixture_site):
    for path in ("one/", "404.html"):
        page.goto(fixture_site + path)
        dialog = page.locator(".md-search[role=dialog]")
        assert dialog.get_attribute("aria-label") == "Search"
    page.goto(fixture_site + "one/")
    page.add_script_tag(path=str(AXE))
    failed = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule',
        values: ['aria-dialog-name']}})).violations.length""")
    assert failed == 0
    # search closed: Tab from the skip link's target onwards never lands in the hidden results area
    page.locator("body").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.md-search__output')") is False
    # search open: the results area is reachable, as Material means it to be
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("quiz")
    assert page.locator(".md-search__output").evaluate("el => getComputedStyle(el).visibility") == "visible"
