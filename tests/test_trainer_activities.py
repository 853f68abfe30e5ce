"""Required activities in the trainer's views: learners of a course that
requires a self-assessment and an action plan take it in Chromium; verify's
JSON, the report (read back through LibreOffice), the dashboard and the
signed credential all say which required activities each learner did."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, build_site
from credential_support import ISSUER, certify
from test_browser_activities import activity, field, show_results
from test_trainer_dashboard import choose, learner_rows
from test_trainer_report import SOFFICE, libreoffice
from trainer_support import run, take_course, write

pytestmark = pytest.mark.browser

ACTIVITY_COLUMNS = ["learner", "module", "quiz", "activity", "status", "first_passed", "details"]


@pytest.fixture(scope="module")
def activity_course(tmp_path_factory, server, browser):
    """tests/fixtures/quiz-site requiring the self-assessment 'baseline' and
    the action plan 'plan', with an issuer; Amina does both, Omar only the
    self-assessment. (project, key, {name: record file})."""
    folder = tmp_path_factory.mktemp("activity-course") / "course"
    shutil.copytree(FIXTURES / "quiz-site", folder)
    shutil.copytree(FIXTURES / "activity-site" / "activities", folder / "activities")
    home = folder / "course" / "en" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[Self-assessment: Where](activity:baseline)\n"
                    "\n[Action plan: Plan](activity:plan)\n", encoding="utf-8")
    url = server.add(folder / "site")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name:", f"site_url: {url}\nsite_name:", 1).replace(
        "      course_id: test-course\n", "      course_id: test-course\n      required_activities: [baseline, plan]\n"
        "      credentials:\n        issuer: trainer/issuer.json\n", 1), encoding="utf-8")
    keys = folder.parent / "keys"
    made = run("keys", "init", "--name", ISSUER, "--key-dir", keys, cwd=folder)
    assert made.returncode == 0, made.stdout + made.stderr
    build_site(folder)

    def assess(page):
        show_results(activity(page, url, "", "baseline"), {"pay-review": "fully", "pay-grades": "partly", "risks": "not-yet"})

    def assess_and_plan(page):
        assess(page)
        plan = page.locator('[data-course-activity="plan"]')
        field(plan, "1", "action").fill("Review pay grades")
        field(plan, "1", "who").fill("Grace")
        field(plan, "1", "when").fill("2027-03-31")
        field(plan, "1", "action").focus()
        page.wait_for_function("() => (localStorage.getItem('mkdocs-course/test-course/activity/plan') || '').includes('2027-03-31')")

    records = folder.parent / "records"
    records.mkdir()
    files = {
        "amina": write(records, "amina.json", take_course(browser, url, "Amina Diallo", before=assess_and_plan)),
        "omar": write(records, "omar.json", take_course(browser, url, None, before=assess)),
    }
    return folder, next(keys.glob("*.pem")), files


def verified(project, files):
    result = run("verify", *files.values(), "--format", "json", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_verify_json_says_which_required_activities_each_learner_did(activity_course):
    project, _, files = activity_course
    amina, omar = verified(project, files)["records"]
    assert [(a["id"], a["kind"], a["title"]) for a in amina["activities"]] == [
        ("baseline", "self-assessment", "Where do you stand?"), ("plan", "action-plan", "My plan")]
    assert all(a["done"] and a["done"].startswith("20") for a in amina["activities"])
    assert [(a["id"], a["done"] is None) for a in omar["activities"]] == [("baseline", False), ("plan", True)]
    assert omar["result"] == "valid"  # the course is not complete, and the record says so


def test_the_report_has_a_row_per_learner_and_required_activity(activity_course, tmp_path):
    project, _, files = activity_course
    result = run("report", *files.values(), "--csv", tmp_path / "group.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "group.csv").read_bytes()[3:].decode("utf-8")
    assert len(text.split("\r\n")) == 1 + 2 * (3 + 2) + 1
    if SOFFICE is None:
        pytest.skip("LibreOffice is installed by scripts/test.sh")
    rows = [[text for _, _, text in row] for row in libreoffice(tmp_path / "group.csv", tmp_path, "CSV:44,34,76,1")]
    header = rows[0]
    rows = [row + [""] * (len(header) - len(row)) for row in rows]
    picked = [[row[header.index(c)] for c in ACTIVITY_COLUMNS] for row in rows[1:] if row[header.index("activity")]]
    day = json.loads(files["amina"].read_text(encoding="utf-8"))["activities"]
    assert [row[:5] for row in picked] == [
        ["Amina Diallo", "Where do you stand?", "", "baseline", "done"],
        ["Amina Diallo", "My plan", "", "plan", "done"],
        ["", "Where do you stand?", "", "baseline", "done"],
        ["", "My plan", "", "plan", "not done"],
    ]
    assert picked[0][5] == next(a for a in day if a["id"] == "baseline")["results"][0]["date"][:10]
    assert picked[0][6] == "self-assessment: pay 88%, safety 0%"
    assert picked[1][6].startswith("action plan, ") and picked[3][5] == ""


def test_the_dashboard_counts_required_activities_done(activity_course, tmp_path, browser):
    project, _, files = activity_course
    (tmp_path / "verified.json").write_text(json.dumps(verified(project, files)), encoding="utf-8")
    assert run("report", "--html", tmp_path / "dashboard", cwd=project).returncode == 0
    page = browser.new_page(accept_downloads=True)
    try:
        page.goto((tmp_path / "dashboard" / "index.html").as_uri())
        page.wait_for_function("document.querySelector('[data-course-dashboard]').mkdocsCourseDashboard")
        headings = page.locator("[data-course-dashboard-learners] thead th")
        # without verify's output, the record's own flags and the browser's rule
        choose(page, list(files.values()))
        assert headings.all_inner_texts()[2:4] == ["Required quizzes passed", "Required activities done"]
        assert [row[2:4] for row in learner_rows(page)] == [["3 of 3", "2 of 2"], ["3 of 3", "1 of 2"]]
        choose(page, [tmp_path / "verified.json"])
        page.wait_for_function("document.querySelector('[data-course-dashboard-learners] tbody td:last-child').textContent === 'verified'")
        assert learner_rows(page) == [["Amina Diallo", "en", "3 of 3", "2 of 2", "verified"],
                                      ["(no name)", "en", "3 of 3", "1 of 2", "verified"]]
        with page.expect_download() as info:
            page.locator("[data-course-dashboard-export]").click()
        exported = open(info.value.path(), "rb").read()
    finally:
        page.close()
    run("report", *[p.name for p in files.values()], "--csv", tmp_path / "cli.csv", "-f", project / "mkdocs.yml",
        cwd=files["amina"].parent)
    assert exported == (tmp_path / "cli.csv").read_bytes()


def test_the_credential_says_required_activities_count(activity_course, tmp_path):
    project, key, files = activity_course
    result = certify(project, files["amina"], key=key, out=tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    credential = json.loads((tmp_path / "out" / "amina.credential.json").read_text(encoding="utf-8"))
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["criteria"]["narrative"].startswith(
        "Do each activity the course requires (self-assessments, action plans), and pass the self-check quiz")
    assert achievement["criteria"]["narrative"].endswith("the activities done are as the learner's browser recorded them.")
    assert "every required activity done" in achievement["description"]


@pytest.mark.parametrize("language, words", [("es", "actividades obligatorias hechas"), ("fr", "activité obligatoire faite"),
                                             ("ar", "إنجاز كل نشاط إلزامي")])
def test_the_activities_criteria_are_translated(language, words):
    from mkdocs_course.i18n.catalog import Translations, builtin_catalog

    strings = Translations(None, language, builtin_catalog(language)).interface()
    assert words in strings["credential_description_activities"] or words in strings["dashboard_col_activities"]
    for key in ("credential_criteria_activities", "credential_description_reading_activities",
                "credential_criteria_reading_activities"):
        assert strings[key] and not strings[key].startswith(("Do each", "Read each", "Completion"))
