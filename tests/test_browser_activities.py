"""Self-assessments and action plans in Chromium: results per area, then /
now on a second taking, text saved as typed and kept over reload and a
language switch, a message when it cannot be saved, print, and accessibility."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, axe_scan, serve_course_build

pytestmark = pytest.mark.browser
KEY = "mkdocs-course/tiny-activities/activity/"
BLOCKED = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, server):
    return serve_course_build(tmp_path_factory, server, "activity-site")


def activity(page, url: str, path: str, activity_id: str):
    page.goto(url + path)
    root = page.locator(f'[data-course-activity="{activity_id}"]').first
    root.wait_for()
    page.wait_for_function("id => { const r = document.querySelector(`[data-course-activity='${id}']`);"
                           " return r && r.mkdocsCourseActivity && r.mkdocsCourseActivity !== 'failed'; }",
                           arg=activity_id)
    return root


def rate(root, answers: dict[str, str]) -> None:
    for item, point in answers.items():
        root.locator(f'[data-course-item="{item}"] input[value="{point}"]').check()


def show_results(root, answers: dict[str, str]) -> None:
    rate(root, answers)
    root.locator("[data-course-show-results]").click()
    root.locator("[data-course-results]").wait_for(state="visible")


def area(root, area_id: str):
    return root.locator(f'[data-course-area-result="{area_id}"]')


def shown_advice(root, area_id: str) -> str:
    return area(root, area_id).locator("[data-course-band]:visible").inner_text()


def test_self_assessment_gives_a_result_per_area_and_keeps_it(page, site):
    root = activity(page, site, "en/", "baseline")
    rate(root, {"pay-review": "partly"})
    root.locator("[data-course-show-results]").click()
    live = root.locator("[data-course-live]")
    page.wait_for_function("el => el.textContent.includes('statements left: 2')", arg=live.element_handle())
    assert root.locator("[data-course-results]").is_hidden()
    # pay: 3 x 1 + 1 x 2 = 5 of 8 -> 63 %; safety: 1 of 2 -> 50 %
    rate(root, {"pay-grades": "fully", "risks": "partly"})
    root.locator("[data-course-show-results]").click()
    results = root.locator("[data-course-results]")
    results.wait_for(state="visible")
    assert "63%" in area(root, "pay").locator("[data-course-now]").inner_text()
    assert shown_advice(root, "pay") == "You have started; next, write down every job's grade."
    assert "50%" in area(root, "safety").locator("[data-course-now]").inner_text()
    assert shown_advice(root, "safety") == "Start a risk list."
    assert area(root, "pay").locator("[data-course-then]").is_hidden()
    page.wait_for_function("el => el.textContent === 'Your results are shown below.'", arg=live.element_handle())
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}baseline')"))
    assert saved["results"][0]["areas"] == {"pay": 63, "safety": 50}
    assert saved["results"][0]["answers"] == {"pay-review": "partly", "pay-grades": "fully", "risks": "partly"}
    page.reload()
    root = activity(page, site, "en/", "baseline")
    root.locator("[data-course-results]").wait_for(state="visible")
    assert "63%" in area(root, "pay").locator("[data-course-now]").inner_text()
    assert axe_scan(page) == []


def test_taking_it_again_shows_then_and_now(page, site):
    earlier = {"schema": 1, "kind": "self-assessment", "answers": {}, "results": [
        {"date": "2026-01-15T10:00:00Z", "version": "x", "answers": {}, "areas": {"pay": 25, "safety": 0}}]}
    page.goto(site + "en/")
    page.evaluate(f"localStorage.setItem('{KEY}baseline', {json.dumps(json.dumps(earlier))})")
    # the same self-assessment placed again at the end of the course
    root = activity(page, site, "en/plan/", "baseline")
    root.locator("[data-course-results]").wait_for(state="visible")
    root.locator("[data-course-retake]").click()
    root.locator("[data-course-assessment]").wait_for(state="visible")
    show_results(root, {"pay-review": "fully", "pay-grades": "fully", "risks": "fully"})
    pay = area(root, "pay")
    assert "100%" in pay.locator("[data-course-now]").inner_text()
    then = pay.locator("[data-course-then]")
    then.wait_for(state="visible")
    assert then.inner_text() == "Then (January 15, 2026): 25%"
    assert shown_advice(root, "pay") == "Well done."
    assert area(root, "safety").locator("[data-course-then]").inner_text() == "Then (January 15, 2026): 0%"
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}baseline')"))
    assert [r["areas"]["pay"] for r in saved["results"]] == [25, 100]


def field(root, row: str, field_id: str):
    return root.locator(f'[data-course-row="{row}"] [data-course-field="{field_id}"]')


def test_action_plan_is_saved_as_typed_and_kept_across_reload_and_language(page, site):
    root = activity(page, site, "en/plan/", "plan")
    script = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>"
    field(root, "1", "action").fill("Review pay grades\n" + script)
    field(root, "1", "who").type("Marta")
    field(root, "2", "when").fill("2027-03-01")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}plan') || '').includes('Marta')")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}plan')"))
    assert saved["rows"]["1"]["action"] == "Review pay grades\n" + script
    assert saved["rows"]["2"]["when"] == "2027-03-01"
    page.reload()
    root = activity(page, site, "en/plan/", "plan")
    assert field(root, "1", "who").input_value() == "Marta"
    assert field(root, "1", "action").input_value().endswith(script)
    assert page.evaluate("window.pwned") is None
    assert root.locator("img").count() == 0
    # the Arabic page: same text, right to left, translated labels
    root = activity(page, site, "ar/plan/", "plan")
    assert field(root, "1", "who").input_value() == "Marta"
    assert field(root, "2", "when").input_value() == "2027-03-01"
    assert root.get_attribute("dir") == "rtl"
    assert root.locator('label[for="ca-plan-1-action"]').inner_text() == "الإجراء"
    assert axe_scan(page) == []


def test_blocked_storage_says_the_plan_is_not_saved(context, site):
    context.add_init_script(BLOCKED)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(exc.stack) if "assets/course/" in (exc.stack or "") else None)
    root = activity(page, site, "en/plan/", "plan")
    field(root, "1", "action").fill("Something")
    field(root, "1", "who").focus()
    status = root.locator("[data-course-storage-status]")
    status.wait_for(state="visible")
    assert status.inner_text().startswith("Not saved: this browser does not let the course keep your text.")
    assert root.get_attribute("data-course-saved-state") == "not-saved"
    assert not errors


def test_the_plan_downloads_as_text_and_csv_without_formulas(page, site):
    root = activity(page, site, "en/plan/", "plan")
    field(root, "1", "action").fill("=HYPERLINK(\"http://x\")")
    field(root, "1", "who").fill("Aïcha, \"HR\"")
    with page.expect_download() as info:
        root.locator('[data-course-download="csv"]').click()
    data = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "plan.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["", "Action", "Who", "By when"]
    assert rows[1] == ["Row 1", "'=HYPERLINK(\"http://x\")", "Aïcha, \"HR\"", ""]
    with page.expect_download() as info:
        root.locator('[data-course-download="txt"]').click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[:4] == ["My plan", "", "Row 1", "  Action: =HYPERLINK(\"http://x\")"]


def test_printing_puts_each_activity_on_its_own_page_and_wraps_long_text(page, site):
    root = activity(page, site, "en/plan/", "plan")
    long_text = "A long sentence about what we will change. " * 40
    field(root, "1", "action").fill(long_text)
    page.emulate_media(media="print")
    sections = page.locator("[data-course-activity]")
    assert sections.count() == 2
    for i in range(2):
        assert sections.nth(i).evaluate("el => getComputedStyle(el).breakBefore") == "page"
    copy = root.locator('[data-course-row="1"] .course-plan__field--text [data-course-print-copy]').first
    copy.wait_for(state="visible")
    assert copy.inner_text().strip() == long_text.strip()
    assert copy.evaluate("el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1")
    assert field(root, "1", "action").is_hidden()


def test_the_completion_record_holds_the_activities_and_verify_accepts_it(browser, server, tmp_path):
    from mkdocs_course.trainer.records import parse_record
    from trainer_support import build_trainer_course, run, take_course, write

    folder = tmp_path / "course"
    shutil.copytree(FIXTURES / "activity-site" / "activities", folder / "activities")
    project, url = build_trainer_course(folder, server, extra_page=(
        "\n[Self-assessment: Where](activity:baseline)\n\n[Action plan: Plan](activity:plan)\n"))
    evil = "Ask HR\u202e <b>now</b>\x1b[31m"

    def activities(page):
        root = activity(page, url, "", "baseline")
        show_results(root, {"pay-review": "fully", "pay-grades": "partly", "risks": "not-yet"})
        plan = page.locator('[data-course-activity="plan"]')
        field(plan, "1", "action").fill(evil)
        field(plan, "1", "who").focus()
        page.wait_for_function(f"() => (localStorage.getItem('mkdocs-course/test-course/activity/plan') || '').includes('HR')")

    record = take_course(browser, url, "Amina Diallo", before=activities)
    by_id = {a["id"]: a for a in record["activities"]}
    assert by_id["baseline"]["kind"] == "self-assessment"
    assert by_id["baseline"]["title"] == "Where do you stand?"
    assert by_id["baseline"]["results"][0]["areas"] == {"pay": 88, "safety": 0}
    assert by_id["plan"]["rows"]["1"]["action"] == evil
    raw = json.dumps(record).encode()
    assert parse_record("r.json", raw).data["activities"] == record["activities"]
    path = write(tmp_path, "amina.json", record)
    result = run("verify", path, "--answer-keys", project / "trainer" / "answer-keys")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{path}: valid (Amina Diallo, en)" in result.stdout
    # the trainer reads the activities, the learner's text escaped: no bidi override, no terminal escape
    day = by_id["baseline"]["results"][0]["date"][:10]
    assert (f"  self-assessment baseline (Where do you stand?), {day}: pay 88%, safety 0%\n") in result.stdout
    assert "  row 1: action: Ask HR\\u202e <b>now</b>\\u001b[31m\n" in result.stdout
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout
    # a record whose activity holds what the browser never writes is refused
    record["activities"][0]["results"][0]["areas"]["pay"] = 150
    bad = run("verify", write(tmp_path, "bad.json", record), "--answer-keys", project / "trainer" / "answer-keys")
    assert bad.returncode != 0
    assert "not a valid completion record: at .activities[0].results[0].areas.pay, 150 is greater than the maximum of 100" in bad.stdout + bad.stderr


def test_the_browser_and_the_python_model_agree_on_every_result(page, site):
    import random

    from mkdocs_course.activities import load_activity

    activity_ = load_activity((FIXTURES / "activity-site/activities/baseline.yml").read_bytes(), "baseline.yml")
    root = activity(page, site, "en/", "baseline")
    rng, points = random.Random(14), [p.id for p in activity_.scale]
    cases = [{i.id: rng.choice(points + [""]) for a in activity_.areas for i in a.items} for _ in range(60)]
    got = root.evaluate("""(root, cases) => {
        const C = window.mkdocsCourse, p = C.activityPayload(root);
        return cases.map(c => p.areas.map(a => C.areaResult(p, a, c)));
    }""", cases)
    assert got == [[activity_.area_result(a, c) for a in activity_.areas] for c in cases]


def test_instant_navigation_starts_the_activities_of_the_next_page(page, site):
    activity(page, site, "en/", "baseline")
    page.evaluate("window.notReloaded = true")
    page.locator("article a", has_text="your plan").click()
    page.wait_for_url(site + "en/plan/")
    root = page.locator('[data-course-activity="plan"]')
    page.wait_for_function("() => { const r = document.querySelector('[data-course-activity=plan]');"
                           " return r && r.mkdocsCourseActivity && r.mkdocsCourseActivity !== 'failed'; }")
    field(root, "2", "who").fill("Instant")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}plan') || '').includes('Instant')")
    assert page.evaluate("window.notReloaded") is True, "Material's instant navigation did not apply"
    # styled too: the printed copies of the fields stay hidden on screen (activity.css)
    assert root.locator("[data-course-print-copy]").first.evaluate("el => getComputedStyle(el).display") == "none"


def test_exported_progress_brings_the_activities_to_another_browser(browser, site):
    from test_browser_progress import download, import_file, open_progress, validator

    from mkdocs_course.progress import EXPORT_SCHEMA

    errors = []
    first = browser.new_context(accept_downloads=True)
    try:
        page = first.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        root = activity(page, site, "en/plan/", "plan")
        field(root, "1", "action").fill("Written on the shared computer")
        field(root, "1", "who").focus()
        root = page.locator('[data-course-activity="baseline"]')
        show_results(root, {"pay-review": "fully", "pay-grades": "fully", "risks": "partly"})
        open_progress(page, site + "en/")
        exported = download(page, "[data-course-export]")
    finally:
        first.close()
    validator(EXPORT_SCHEMA).validate(exported)
    assert {a["id"] for a in exported["activities"]} == {"baseline", "plan"}
    second = browser.new_context(accept_downloads=True)
    try:
        page = second.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        root = activity(page, site, "en/plan/", "plan")
        field(root, "1", "who").fill("Kept from this phone")
        field(root, "1", "action").focus()
        page.wait_for_function(f"() => (localStorage.getItem('{KEY}plan') || '').includes('phone')")
        open_progress(page, site + "en/")
        import_file(page, exported)
        root = activity(page, site, "en/plan/", "plan")
        assert field(root, "1", "action").input_value() == "Written on the shared computer"
        assert field(root, "1", "who").input_value() == "Kept from this phone"
        baseline = page.locator('[data-course-activity="baseline"]')
        baseline.locator("[data-course-results]").wait_for(state="visible")
        assert "100%" in area(baseline, "pay").locator("[data-course-now]").inner_text()
    finally:
        second.close()
    assert errors == []


@pytest.fixture(scope="module")
def required_site(tmp_path_factory, server):
    """The activity site with both activities required: the self-assessment
    (first placed on the home page) is module 1, the plan module 2."""
    return serve_course_build(tmp_path_factory, server, "activity-site", edit=lambda text: text.replace(
        "course_id: tiny-activities\n", "course_id: tiny-activities\n      required_activities: [baseline, plan]\n"))


def next_step(root):
    box = root.locator("[data-course-next-step]")
    box.wait_for(state="visible")
    return box


def test_an_activity_gives_the_next_step_a_quiz_result_gives(page, required_site):
    root = activity(page, required_site, "en/", "baseline")
    assert root.locator("[data-course-next-step]").is_hidden()
    show_results(root, {"pay-review": "partly", "pay-grades": "fully", "risks": "partly"})
    box = next_step(root)
    assert box.get_attribute("data-course-next-step") == "next"
    nxt = box.locator('[data-course-next="plan"]')
    assert nxt.inner_text() == "Next: Module 2"
    assert nxt.get_attribute("href").endswith("/en/plan/")
    assert box.locator('[data-course-next="progress"]').inner_text() == "My progress"
    # kept over a reload, without a second "completed"
    page.reload()
    root = activity(page, required_site, "en/", "baseline")
    assert next_step(root).locator('[data-course-next="plan"]').is_visible()
    assert page.locator("[data-course-next-step]:visible").count() == 1
    # the plan: nothing until one row has every field filled, then the course is complete
    root = activity(page, required_site, "en/plan/", "plan")
    plan_next = root.locator("[data-course-next-step]")
    field(root, "1", "action").fill("Review pay grades")
    field(root, "1", "who").fill("Marta")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}plan') || '').includes('Marta')")
    assert plan_next.is_hidden()
    field(root, "1", "when").fill("2027-03-01")
    field(root, "1", "when").blur()
    box = next_step(root)
    assert box.get_attribute("data-course-next-step") == "completed"
    assert "Activity course" in box.locator(".course-next__complete").inner_text()
    certificate = box.locator('[data-course-next="certificate"]')
    assert certificate.get_attribute("href").endswith("/en/progress/#course-certificate")
    assert box.locator('[data-course-next="progress"]').is_visible()
    # said once: a reload leads to the certificate without saying it again
    page.reload()
    root = activity(page, required_site, "en/plan/", "plan")
    assert next_step(root).get_attribute("data-course-next-step") == "certificate"
    certificate.click()
    page.wait_for_url("**/en/progress/#course-certificate")
    assert axe_scan(page) == []
