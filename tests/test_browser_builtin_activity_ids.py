"""Activity ids that are JavaScript's built-in names, end to end in Chromium.

A self-assessment called "constructor" whose areas, statements and scale
points are "toString", "valueOf", "hasOwnProperty" ..., and an action plan
called "toString" whose rows and fields are such names too: names every
plain object already answers to. A learner answers, reloads, exports,
clears and imports (and merges into text typed meanwhile); the text and the
results survive, and no function's source, NaN or undefined is ever shown
(the companion of test_browser_builtin_ids.py, which does the same for quizzes).
"""

from __future__ import annotations

import json

import pytest
from conftest import build_site, write_project
from mkdocs_course.progress import EXPORT_SCHEMA
from test_browser_activities import activity, area, rate
from test_browser_builtin_ids import no_leaks
from test_browser_progress import download, import_file, open_progress, storage, validator

pytestmark = pytest.mark.browser

KEY = "mkdocs-course/tiny/activity/"
ASSESSMENT = """\
id: constructor
kind: self-assessment
title: Where do you stand?
scale:
  - {id: valueOf, label: Not yet, points: 0}
  - {id: constructor, label: Partly, points: 1}
  - {id: isPrototypeOf, label: Fully, points: 2}
areas:
  - id: toString
    title: Pay
    items:
      - {id: constructor, text: We review pay every year., weight: 3}
      - {id: hasOwnProperty, text: Every job has a pay grade.}
    advice:
      - {from: 0, text: Begin with a pay review.}
      - {from: 50, text: Keep going.}
  - id: valueOf
    title: Safety
    items:
      - {id: toString, text: We list the risks of each job.}
    advice:
      - {from: 0, text: Start a risk list.}
      - {from: 75, text: Keep the list up to date.}
"""
PLAN = """\
id: toString
kind: action-plan
title: My plan
rows:
  - {id: constructor, label: First step}
  - {id: valueOf, label: Second step}
  - {id: hasOwnProperty, label: Third step}
fields:
  - {id: toString, label: Action}
  - {id: constructor, label: Who, kind: line}
  - {id: valueOf, label: By when, kind: date}
"""
TEXT = {("constructor", "toString"): "Review pay grades", ("constructor", "constructor"): "Marta",
        ("constructor", "valueOf"): "2027-03-01", ("valueOf", "toString"): "Write the risk list"}
ROWS = ("constructor", "valueOf", "hasOwnProperty")
FIELDS = ("toString", "constructor", "valueOf")


@pytest.fixture(scope="module")
def builtin_activities(tmp_path_factory, server):
    folder = write_project(
        tmp_path_factory.mktemp("builtin-activities"),
        pages={"index.md": "# Home\n\n[Self-assessment: Where](activity:constructor)\n",
               "plan.md": "# Plan\n\n[Action plan: Mine](activity:toString)\n"},
        plugin_options="required_activities: [constructor, toString]\n")
    (folder / "activities").mkdir()
    (folder / "activities" / "constructor.yml").write_text(ASSESSMENT, encoding="utf-8")
    (folder / "activities" / "toString.yml").write_text(PLAN, encoding="utf-8")
    url = server.add(folder / "site")
    build_site(folder, site_url=url)
    return url


def field(root, row: str, field_id: str):
    return root.locator(f'[data-course-row="{row}"] [data-course-field="{field_id}"]')


def plan_text(root) -> dict:
    return {(r, f): field(root, r, f).input_value() for r in ROWS for f in FIELDS}


def expected_plan(**more) -> dict:
    return {(r, f): TEXT.get((r, f), more.get(f"{r}.{f}", "")) for r in ROWS for f in FIELDS}


def saved(page, activity_id: str) -> dict:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", KEY + activity_id))


def test_built_in_activity_ids_keep_text_and_results_over_reload_export_and_import(page, builtin_activities):
    url = builtin_activities
    # a statement called "constructor", not yet answered, is not taken as answered
    root = activity(page, url, "", "constructor")
    rate(root, {"hasOwnProperty": "isPrototypeOf"})
    root.locator("[data-course-show-results]").click()
    page.wait_for_function("el => el.textContent.includes('statements left: 2')",
                           arg=root.locator("[data-course-live]").element_handle())
    assert root.locator("[data-course-results]").is_hidden()
    # pay: 3 x 1 + 1 x 2 = 5 of 8 -> 63 %; safety: 0 of 2 -> 0 %
    rate(root, {"constructor": "constructor", "toString": "valueOf"})
    root.locator("[data-course-show-results]").click()
    root.locator("[data-course-results]").wait_for(state="visible")
    assert "63%" in area(root, "toString").locator("[data-course-now]").inner_text()
    assert "0%" in area(root, "valueOf").locator("[data-course-now]").inner_text()
    # no earlier result: no "then" line, though every result has a "toString"
    assert root.locator("[data-course-then]:visible").count() == 0
    no_leaks(root.inner_text())
    assert saved(page, "constructor")["results"][0]["areas"] == {"toString": 63, "valueOf": 0}

    # the plan: no field shows a function's source before anything is typed
    root = activity(page, url, "plan/", "toString")
    assert set(plan_text(root).values()) == {""}
    for (row, field_id), text in TEXT.items():
        field(root, row, field_id).fill(text)
    field(root, "valueOf", "toString").blur()
    page.wait_for_function("k => (localStorage.getItem(k) || '').includes('risk list')", arg=KEY + "toString")
    page.reload()
    root = activity(page, url, "plan/", "toString")
    assert plan_text(root) == expected_plan()
    no_leaks(root.inner_text())
    assert saved(page, "toString")["rows"] == {"constructor": {"toString": "Review pay grades", "constructor": "Marta",
                                                              "valueOf": "2027-03-01"},
                                              "valueOf": {"toString": "Write the risk list"}}

    # both count as done: the progress page and the export say so, with built-in ids
    progress = open_progress(page, url)
    statuses = progress.locator("[data-course-required-activity]").evaluate_all(
        "els => els.map(e => [e.getAttribute('data-course-required-activity'), e.getAttribute('data-course-status')])")
    assert sorted(statuses) == [["constructor", "done"], ["toString", "done"]]
    no_leaks(progress.inner_text())
    exported = download(page, "[data-course-export]")
    validator(EXPORT_SCHEMA).validate(exported)
    by_id = {a["id"]: a for a in exported["activities"]}
    assert by_id["toString"]["rows"]["constructor"]["constructor"] == "Marta"
    assert by_id["constructor"]["results"][0]["areas"] == {"toString": 63, "valueOf": 0}
    before = storage(page)

    # cleared, then a little typed again on this device: the import fills the rest, keeps what was typed
    page.evaluate("localStorage.clear()")
    root = activity(page, url, "plan/", "toString")
    assert set(plan_text(root).values()) == {""}
    field(root, "hasOwnProperty", "constructor").fill("Ali")
    field(root, "hasOwnProperty", "constructor").blur()
    page.wait_for_function("k => (localStorage.getItem(k) || '').includes('Ali')", arg=KEY + "toString")
    open_progress(page, url)
    message = import_file(page, exported)
    assert message.startswith("Progress imported."), message
    root = activity(page, url, "plan/", "toString")
    assert plan_text(root) == expected_plan(**{"hasOwnProperty.constructor": "Ali"})
    no_leaks(root.inner_text())
    root = activity(page, url, "", "constructor")
    root.locator("[data-course-results]").wait_for(state="visible")
    assert "63%" in area(root, "toString").locator("[data-course-now]").inner_text()
    no_leaks(root.inner_text())
    assert saved(page, "constructor")["results"] == json.loads(before[KEY + "constructor"])["results"]
    # taken again: "then" and "now" for every area, as numbers
    root.locator("[data-course-retake]").click()
    rate(root, {"constructor": "isPrototypeOf", "hasOwnProperty": "isPrototypeOf", "toString": "isPrototypeOf"})
    root.locator("[data-course-show-results]").click()
    root.locator("[data-course-results]").wait_for(state="visible")
    assert "100%" in area(root, "toString").locator("[data-course-now]").inner_text()
    assert "63%" in area(root, "toString").locator("[data-course-then]").inner_text()
    assert "0%" in area(root, "valueOf").locator("[data-course-then]").inner_text()
    no_leaks(root.inner_text())
