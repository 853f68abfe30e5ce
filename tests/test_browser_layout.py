"""What a learner sees on a phone (390 px wide): nothing wraps apart that
belongs together, nothing is cut off that a wider box would show."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def box(locator) -> dict:
    return locator.evaluate("el => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width}; }")


def test_a_numeric_answer_keeps_its_unit_on_its_line(phone, fixture_site):
    phone.goto(fixture_site + "one/")
    question = phone.locator('[data-course-question="number"]')
    field, unit = box(question.locator("[data-course-input]")), box(question.locator(".course-field__unit"))
    middle = (unit["top"] + unit["bottom"]) / 2
    assert field["top"] < middle < field["bottom"], (field, unit)
    assert unit["right"] <= 390


def test_a_matching_list_takes_the_whole_row_on_a_phone(phone, fixture_site):
    phone.goto(fixture_site + "one/")
    row = phone.locator('[data-course-question="match"] [data-course-option]').first
    select = row.locator("select")
    inner = row.evaluate("el => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight)")
    assert box(select)["width"] >= inner - 1
    assert box(select)["right"] <= 390
