"""SCORM completion by the progress page's rule (docs/lms.md): a course whose
completion needs a page read and an action plan done, not only quizzes; what
the LMS keeps of them in suspend_data brings both back in a new browser.
scorm-again is the LMS (tests/scorm_lms.py)."""

from __future__ import annotations

import shutil
import textwrap
import zipfile

import pytest
from conftest import FIXTURES, build_site, write_project
from lxml import etree
from scorm_lms import LMSSession, export_packages
from test_scorm_export import schema

from mkdocs_course.export.scorm import mastery_score

pytestmark = pytest.mark.browser

READ = "---\ncourse:\n  id: welcome\n  required: true\n---\n\n# Welcome\n\n" + "\n\n".join(
    f"Paragraph {n}: a line of text to read, long enough to fill a screen, so that the end of the page "
    "is not in sight when the page opens." for n in range(30)) + "\n"
PLAN = {"action": "Review every job's pay grade", "who": "Marta", "when": "2027-03-01"}


@pytest.fixture(scope="module")
def course(tmp_path_factory, server):
    """A course with no quiz: one page to read and one action plan to do,
    exported in both versions; the served folder's URL and its path."""
    folder = tmp_path_factory.mktemp("scorm-todo")
    write_project(folder, pages={
        "index.md": "# Home\n\nRead the welcome, then write your plan.\n",
        "read.md": READ,
        "plan.md": "# Plan\n\n[Action plan: My plan](activity:plan)\n",
    }, plugin_options="course_id: scorm-todo\nrequired_activities: [plan]\n",
        nav="nav:\n  - Home: index.md\n  - Welcome: read.md\n  - Plan: plan.md\n")
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("      course_id: tiny\n", "")
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    (folder / "activities").mkdir()
    shutil.copy(FIXTURES / "activity-site" / "activities" / "plan.yml", folder / "activities" / "plan.yml")
    build_site(folder)
    root = export_packages(folder, "scorm-todo")
    return server.add(root), folder


@pytest.fixture
def no_observer(browser):
    """A context where the end of a page is never seen: only "Mark as done" reads it."""
    context = browser.new_context()
    context.add_init_script("delete window.IntersectionObserver")
    yield context
    context.close()


def mark_read(session: LMSSession):
    frame = session.goto("read/index.html")
    button = frame.locator('[data-course-reading="welcome"] [data-course-mark-done]')
    button.click()
    frame.locator('[data-course-reading="welcome"][data-course-read="true"]').wait_for(state="attached")
    session.settle()


def plan_field(frame, field: str):
    return frame.locator(f'[data-course-activity="plan"] [data-course-row="1"] [data-course-field="{field}"]')


def fill_plan(session: LMSSession, fields: dict[str, str]):
    frame = session.goto("plan/index.html")
    frame.wait_for_function("() => { const r = document.querySelector('[data-course-activity=\"plan\"]');"
                            " return r && r.mkdocsCourseActivity && r.mkdocsCourseActivity !== 'failed'; }")
    for name, value in fields.items():
        plan_field(frame, name).fill(value)
        plan_field(frame, name).blur()
    frame.wait_for_function(
        "want => { const row = ((JSON.parse(localStorage.getItem('mkdocs-course/scorm-todo/activity/plan')) || {rows: {}})"
        ".rows['1'] || {}); return Object.keys(want).every(k => row[k] === want[k]); }", arg=fields)
    session.settle()
    return frame


def sent(session: LMSSession, element: str) -> list[str]:
    """The values the package set for one element, in order, repeats dropped."""
    out = []
    for name, value in session.sets():
        if name == element and (not out or out[-1] != value):
            out.append(value)
    return out


def test_2004_completion_waits_for_the_page_and_the_plan_and_resumes_from_suspend_data(browser, no_observer, course):
    url, _ = course
    page = no_observer.new_page()
    session = LMSSession(page, url, "pkg2004", "2004").open()
    session.settle()
    assert session.cmi()["completion_status"] == "incomplete"
    mark_read(session)
    assert session.cmi()["completion_status"] == "incomplete"
    # a plan with a field left empty is not done
    fill_plan(session, {"action": PLAN["action"], "who": PLAN["who"]})
    assert session.cmi()["completion_status"] == "incomplete"
    fill_plan(session, {"when": PLAN["when"]})
    cmi = session.cmi()
    assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "unknown")
    assert sent(session, "cmi.progress_measure") == ["0", "0.5", "1"]
    assert sent(session, "cmi.completion_status") == ["incomplete", "completed"]
    cmi = session.leave()
    assert cmi["exit"] == "normal" and '"p":{"welcome":"b' in cmi["suspend_data"]

    # a new browser: empty localStorage, the LMS's suspend_data alone
    fresh = browser.new_context()
    fresh.add_init_script("delete window.IntersectionObserver")
    try:
        page = fresh.new_page()
        again = LMSSession(page, url, "pkg2004", "2004").open(seed=cmi)
        frame = again.goto("plan/index.html")
        frame.wait_for_function("() => document.querySelector('[data-course-activity=\"plan\"]').mkdocsCourseActivity")
        assert {name: plan_field(frame, name).input_value() for name in PLAN} == PLAN
        frame = again.goto("read/index.html")
        frame.locator('[data-course-reading="welcome"][data-course-read="true"]').wait_for(state="attached")
        assert frame.locator('[data-course-reading="welcome"] [data-course-mark-done]').is_hidden()
        again.settle()
        assert again.cmi()["completion_status"] == "completed"
    finally:
        fresh.close()


def test_resuming_keeps_the_newer_plan_and_what_only_the_browser_holds(no_observer, course):
    url, _ = course
    page = no_observer.new_page()
    session = LMSSession(page, url, "pkg2004", "2004").open()
    fill_plan(session, {"action": "Old action"})
    cmi = session.leave()
    # the browser goes on without the LMS: a newer action, and a second field
    frame = page.main_frame
    page.goto(url + "pkg2004/plan/index.html")
    page.wait_for_function("() => document.querySelector('[data-course-activity=\"plan\"]').mkdocsCourseActivity")
    plan_field(frame, "action").fill("New action")
    plan_field(frame, "who").fill("Ana")
    plan_field(frame, "who").blur()
    page.wait_for_function("() => (localStorage.getItem('mkdocs-course/scorm-todo/activity/plan') || '').includes('Ana')")
    # the next launch, with the LMS's older copy: the browser's newer text stays
    again = LMSSession(page, url, "pkg2004", "2004").open(seed=cmi)
    frame = again.goto("plan/index.html")
    frame.wait_for_function("() => document.querySelector('[data-course-activity=\"plan\"]').mkdocsCourseActivity")
    assert plan_field(frame, "action").input_value() == "New action"
    assert plan_field(frame, "who").input_value() == "Ana"


def test_12_course_without_a_required_quiz_reports_completed_and_has_no_mastery_score(no_observer, course, tmp_path):
    url, folder = course
    with zipfile.ZipFile(folder / "dist" / "scorm-todo-en-scorm12.zip") as archive:
        text = archive.read("imsmanifest.xml")
    manifest = etree.fromstring(text)
    xsd = schema("1.2", tmp_path)
    assert xsd.validate(manifest), xsd.error_log
    assert b"masteryscore" not in text
    with zipfile.ZipFile(folder / "dist" / "scorm-todo-en-scorm2004.zip") as archive:
        text = archive.read("imsmanifest.xml")
    xsd = schema("2004", tmp_path)
    assert xsd.validate(etree.fromstring(text)), xsd.error_log
    assert b"minNormalizedMeasure" not in text and b"satisfiedByMeasure" not in text
    # one required quiz and a page to read: the quiz's pass mark is no longer the rule
    assert mastery_score([{"pass_mark": 70}]) == 70
    assert mastery_score([{"pass_mark": 70}], ["welcome"]) is None
    assert mastery_score([{"pass_mark": 70}], [], [{"id": "plan"}]) is None

    page = no_observer.new_page()
    session = LMSSession(page, url, "pkg12", "1.2").open()
    session.settle()
    assert session.cmi()["core"]["lesson_status"] == "incomplete"
    mark_read(session)
    fill_plan(session, PLAN)
    assert sent(session, "cmi.core.lesson_status") == ["incomplete", "completed"]
    cmi = session.leave()
    assert cmi["core"]["lesson_status"] == "completed"
    assert "score" not in cmi["core"] or not cmi["core"]["score"].get("raw")
