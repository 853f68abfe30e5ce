"""Activities a course requires (`required_activities`): the build refuses an
unknown or unplaced one where mkdocs.yml names it; the progress page waits
for them before the certificate; the record says which were required and
done; verify refuses a record that claims completion without them."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, build_site
from test_activity_loader import ASSESSMENT, PLAN
from test_journey_build import build_error

from mkdocs_course.activities.model import activity_done

HOME = "# Home\n\n[Self-assessment: Where](activity:baseline)\n"


def course(project, page: str, options: str):
    folder = project(pages={"index.md": page, "plan.md": "# Plan\n\n[Action plan: Mine](activity:plan)\n"},
                     plugin_options=options)
    (folder / "activities").mkdir()
    (folder / "activities" / "baseline.yml").write_text(ASSESSMENT, encoding="utf-8")
    (folder / "activities" / "plan.yml").write_text(PLAN, encoding="utf-8")
    return folder


def test_an_unknown_required_activity_is_refused_where_mkdocs_yml_names_it(project, caplog):
    folder = course(project, HOME, "required_activities: [baseline, baselin]\n")
    assert build_error(folder, caplog) == (
        "course: mkdocs.yml:9:39: required_activities lists 'baselin', but no activity has that id. Known "
        "activity ids: baseline, plan. An activity's id is the 'id' in its file under activities/, or else the "
        "file name. Correct the id, or add the activity's file.")


def test_a_required_activity_no_page_places_is_refused(project, caplog):
    folder = course(project, "# Home\n", "required_activities:\n  - plan\n  - baseline\n")
    assert build_error(folder, caplog) == (
        "course: mkdocs.yml:11:11: required_activities lists 'baseline', but no page places it, so no learner "
        "could complete the course (activities placed: plan). Add a line '[Activity: Where do you stand?]"
        "(activity:baseline)' to a page, or remove it from required_activities.")


def test_required_activities_reach_the_progress_page_journey_and_manifest(project):
    folder = course(project, HOME, "required_activities: [plan, baseline]\n")
    site = build_site(folder)
    progress = (site / "progress" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-required-activity="plan" data-course-status="not-done"' in progress
    assert 'href="../plan/">My plan</a>' in progress
    assert "Not done yet: fill in every field of at least one row there." in progress
    assert "Not done yet: answer every statement there and show your results." in progress
    manifest = json.loads((site / "mkdocs-course.json").read_text(encoding="utf-8"))
    assert manifest["activities"] == ["plan", "baseline"]
    # what a SCORM package's bridge decides "done" by, as the journey does
    assert [(a["id"], a["kind"], a["fields"]) for a in manifest["required_activities"]] == [
        ("plan", "action-plan", ["action", "when"]), ("baseline", "self-assessment", [])]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '"activities":[{"id":"baseline","kind":"self-assessment","fields":[]}]' in home
    # each is a step of the journey on the first page placing it, and both count
    assert '"activities":[{"id":"plan","kind":"action-plan","fields":["action","when"]}]' in home
    assert '"total":2' in home


def test_what_counts_as_done():
    assert activity_done("self-assessment", [], {"results": []}) is None
    assert activity_done("self-assessment", [], {"results": [{"date": "2026-02-01T10:00:00Z"},
                                                              {"date": "2026-01-01T10:00:00Z"}]}) == "2026-01-01T10:00:00Z"
    half = {"rows": {"1": {"action": "Review pay", "when": " "}, "2": {"when": "2026-03-01"}}, "updated": "2026-01-05T00:00:00Z"}
    assert activity_done("action-plan", ["action", "when"], half) is None
    half["rows"]["2"]["action"] = "Grade jobs"
    assert activity_done("action-plan", ["action", "when"], half) == "2026-01-05T00:00:00Z"


@pytest.mark.browser
def test_the_certificate_waits_for_the_self_assessment_and_verify_checks_it(browser, server, tmp_path):
    from quiz_driver import ALL_TYPES_RIGHT
    from test_browser_activities import activity, show_results
    from test_browser_progress import download, open_progress, show_certificate
    from test_browser_quiz import open_quiz
    from trainer_support import POOL_RIGHT, build_trainer_course, run, write

    folder = tmp_path / "course"
    shutil.copytree(FIXTURES / "activity-site" / "activities", folder / "activities")
    project, url = build_trainer_course(folder, server, extra_page="\n[Self-assessment: Where](activity:baseline)\n"
                                        "\n[Action plan: Plan](activity:plan)\n",
                                        plugin_options="      required_activities: [baseline]\n")
    keys = project / "trainer" / "answer-keys"
    course_file = json.loads(next((keys / "test-course" / "_course").glob("*.json")).read_text(encoding="utf-8"))
    assert course_file["activities"] == {"baseline": {"kind": "self-assessment", "fields": []}}
    context = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        for path, quiz_id, right in (("one/", "all-types", ALL_TYPES_RIGHT), ("pool/", "pool", POOL_RIGHT),
                                     ("two/", "second", {"only": "blue"})):
            quiz = open_quiz(page, url, path, quiz_id)
            quiz.answer_all(right)
            quiz.result.wait_for(state="visible")
        progress = open_progress(page, url)
        item = progress.locator('[data-course-required-activity="baseline"]')
        item.locator("[data-course-module-status]").filter(has_text="Not done yet").wait_for()
        assert item.get_attribute("data-course-status") == "not-done"
        assert progress.locator("[data-course-certificate-form]").is_hidden()
        assert "3 of 4" in progress.locator("[data-course-certificate-status]").inner_text()
        assert progress.locator("[data-course-continue]").get_attribute("data-course-continue") == "baseline"
        early = download(page, "[data-course-download-record]")
        assert early["completed"] is None
        assert [(a["id"], a["required"], a["results"]) for a in early["activities"]] == [("baseline", True, [])]

        root = activity(page, url, "", "baseline")
        header = page.locator('[data-course-module-header="index"]')
        header.wait_for()
        page.wait_for_function("() => document.querySelector('[data-course-indicator-text]').textContent.includes('3 of 4')")
        assert header.get_attribute("data-course-status") != "done"
        show_results(root, {"pay-review": "fully", "pay-grades": "partly", "risks": "not-yet"})
        # the page's module is done at once, and the progress line counts it
        page.locator('[data-course-module-header="index"][data-course-status="done"]').wait_for()
        page.wait_for_function("() => document.querySelector('[data-course-indicator-text]').textContent.includes('4 of 4')")
        progress = open_progress(page, url)
        progress.locator('[data-course-required-activity="baseline"][data-course-status="done"]').wait_for()
        assert item.locator("[data-course-module-status]").inner_text().startswith("\u2713 Done on ")
        show_certificate(page, "Amina Diallo")
        rows = progress.locator("[data-course-certificate-modules] tr")
        assert rows.last.inner_text().split("\t")[:2] == ["Where do you stand?", "Done"]
        record = download(page, "[data-course-download-record]")
    finally:
        context.close()

    entry = next(a for a in record["activities"] if a["id"] == "baseline")
    assert entry["required"] is True and len(entry["results"]) == 1
    assert record["completed"] == entry["results"][0]["date"]  # the last thing done
    assert record["certificate"] is not None
    good = run("verify", write(tmp_path, "amina.json", record), "--answer-keys", keys)
    assert good.returncode == 0, good.stdout + good.stderr

    # the same record with the self-assessment's result taken out still claims completion
    entry["results"] = []
    bad = run("verify", write(tmp_path, "missing.json", record), "--answer-keys", keys)
    assert bad.returncode == 6, bad.stdout + bad.stderr
    assert ("the record says the course was completed, but the required activity 'baseline' is not done in it."
            in bad.stdout)
    # or calling it optional
    entry["required"] = False
    optional = run("verify", write(tmp_path, "optional.json", record), "--answer-keys", keys)
    assert optional.returncode == 6
    assert "activity 'baseline' is marked optional, but course version" in optional.stdout
