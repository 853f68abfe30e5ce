"""The learner's journey in Chromium, through the documented hooks: the
course home's start/continue button, the progress line on every page, a
module's header, a page to read (its end seen, or "Mark as done"), the next
step after a quiz result, and the completion moment; in English and in
Arabic (right to left), across reload, language switch and two tabs.

tests/fixtures/journey-site: Welcome (to read, id "welcome"), Module 2 (quiz
"first"), Module 3 (quiz "second", pass mark 100)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, axe_scan
from quiz_driver import QuizDriver

pytestmark = pytest.mark.browser
COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))
COURSE = "journey-course"
RIGHT = {"first": {"q1": "blue"}, "second": {"q1": "true", "q2": "four"}}
WRONG = {"first": {"q1": "green"}, "second": {"q1": "true", "q2": "two"}}
PAGES = {"first": "one/", "second": "two/"}


@pytest.fixture(scope="module")
def journey_build(tmp_path_factory, server):
    """tests/fixtures/journey-site built in English and Arabic by the real
    command: (project folder, base URL)."""
    folder = tmp_path_factory.mktemp("journey")
    shutil.copytree(FIXTURES / "journey-site", folder, dirs_exist_ok=True)
    url = server.add(folder / "site")
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(f"site_url: {url}\n" + text, encoding="utf-8")
    result = subprocess.run([COMMAND, "build", "--strict"], cwd=folder, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return folder, url


@pytest.fixture(scope="module")
def journey_url(journey_build):
    return journey_build[1]


def home(page, base: str, lang: str = "en"):
    page.goto(f"{base}{lang}/")
    page.wait_for_function("() => document.querySelector('[data-course-overview-progress]')?.hidden === false")
    return page.locator("[data-course-overview]")


def where(link, base: str) -> str:
    """Where a link leads, from the served site's root."""
    return link.evaluate("a => a.href").removeprefix(base)


def cta(page):
    link = page.locator("[data-course-cta]")
    base = page.evaluate("() => location.href.replace(/(en|ar)\\/.*$/, '')")
    return link.inner_text(), link.get_attribute("data-course-cta"), where(link, base)


def take(page, base: str, quiz_id: str, answers: dict, lang: str = "en") -> QuizDriver:
    page.goto(f"{base}{lang}/{PAGES[quiz_id]}")
    page.wait_for_function("id => document.querySelector(`[data-course-quiz='${id}']`).mkdocsCourseQuiz", arg=quiz_id)
    quiz = QuizDriver(page, quiz_id)
    if quiz.result.is_visible():
        quiz.result.locator("[data-course-retry]").click()
    quiz.answer_all(answers)
    return quiz


def read_to_end(page, base: str, lang: str = "en"):
    page.goto(f"{base}{lang}/welcome/")
    box = page.locator('[data-course-reading="welcome"]')
    assert box.get_attribute("data-course-read") is None
    page.mouse.wheel(0, 100_000)
    page.wait_for_function("() => document.querySelector('[data-course-reading]').hasAttribute('data-course-read')")
    return box


def stored(page, key: str):
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", f"mkdocs-course/{COURSE}/{key}")


def indicator(page) -> str:
    page.wait_for_function("() => document.querySelector('[data-course-indicator]')?.hidden === false")
    return page.locator("[data-course-indicator-text]").inner_text()


def test_a_new_learner_is_led_from_start_to_certificate(page, journey_url):
    overview = home(page, journey_url)
    assert cta(page) == ("Start the course", "welcome", "en/welcome/")
    assert overview.locator("[data-course-overview-text]").inner_text() == "0 of 3 modules completed"
    steps = overview.locator("[data-course-step]")
    assert steps.evaluate_all("els => els.map(el => el.getAttribute('data-course-step'))") == ["welcome", "one", "two"]
    assert steps.evaluate_all("els => els.map(el => el.getAttribute('data-course-status'))") == ["not-started"] * 3
    assert overview.locator(".course-overview__facts").inner_text().startswith("3 modules · about ")
    assert page.locator("[data-course-indicator]").count() == 0  # the overview says it already

    # a page to read: its header, then its end seen
    page.goto(journey_url + "en/welcome/")
    header = page.locator('[data-course-module-header="welcome"]')
    assert re.fullmatch(r"Module 1 of 3\s*·?\s*about \d+ minutes? Not started", " ".join(header.inner_text().split()))
    assert indicator(page) == "0 of 3 modules completed"
    box = read_to_end(page, journey_url)
    assert box.locator("[data-course-reading-status]").inner_text() == "\u2713 You have read this module."
    assert box.locator('[data-course-next="one"]').inner_text() == "Next: Module 2"
    assert header.get_attribute("data-course-status") == "done"
    assert indicator(page) == "1 of 3 modules completed"
    mark = stored(page, "read/welcome")
    assert set(mark) == {"schema", "read", "how"} and mark["schema"] == 1 and mark["how"] == "end"

    # after one module: continue with the next
    home(page, journey_url)
    text, target, href = cta(page)
    assert (text, target, href) == ("Continue: Module 2", "one", "en/one/")
    assert page.locator("[data-course-cta-title]").inner_text() == "Module 2"

    # a failed quiz: Try again and Review the module, no next module
    quiz = take(page, journey_url, "first", WRONG["first"])
    next_step = quiz.result.locator("[data-course-next-step]")
    assert quiz.result.locator(".course-quiz__result-title").inner_text() == "Your result"
    assert [b.inner_text() for b in next_step.locator(".course-button").all()] == [
        "Try again", "Review the module", "My progress"]
    assert where(next_step.locator("a", has_text="Review the module"), journey_url) == "en/one/#course-module-start"
    assert page.locator("#course-module-start").get_attribute("data-course-module-header") == "one"
    # a pass: the next module
    quiz.result.locator("[data-course-retry]").click()
    quiz.answer_all(RIGHT["first"])
    assert next_step.get_attribute("data-course-next-step") == "next"
    assert next_step.locator('[data-course-next="two"]').inner_text() == "Next: Module 3"
    assert where(next_step.locator('[data-course-next="progress"]'), journey_url) == "en/progress/"
    assert indicator(page) == "2 of 3 modules completed"

    # the last quiz completes the course: said once, leading to the certificate
    quiz = take(page, journey_url, "second", RIGHT["second"])
    next_step = quiz.result.locator("[data-course-next-step]")
    assert next_step.get_attribute("data-course-next-step") == "completed"
    assert next_step.locator(".course-next__complete").inner_text() == (
        "Well done! You have completed every module of \u201cJourney course\u201d. Your certificate is ready.")
    certificate = next_step.locator('[data-course-next="certificate"]')
    assert certificate.inner_text() == "Get your certificate"
    assert where(certificate, journey_url) == "en/progress/#course-certificate"
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-course-result]')?.hidden === false")
    assert next_step.get_attribute("data-course-next-step") == "certificate"  # said once only
    assert next_step.locator(".course-next__complete").count() == 0

    home(page, journey_url)
    assert cta(page) == ("You have completed the course: get your certificate", "certificate",
                         "en/progress/#course-certificate")
    page.locator("[data-course-cta]").click()
    page.wait_for_url("**/progress/**")  # the click leads away from the home page
    page.wait_for_function("() => document.querySelector('[data-course-certificate-form]')?.hidden === false")
    assert page.locator("[data-course-overall]").inner_text() == "100% complete: 3 of 3 required modules done."


def test_mark_as_done_counts_a_page_where_the_end_cannot_be_watched(browser, journey_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.add_init_script("delete window.IntersectionObserver")
        page.goto(journey_url + "en/welcome/")
        box = page.locator('[data-course-reading="welcome"]')
        button = box.locator("[data-course-mark-done]")
        assert button.inner_text() == "Mark as done"
        button.focus()
        page.keyboard.press("Enter")
        assert box.get_attribute("data-course-read") == "true"
        assert stored(page, "read/welcome")["how"] == "button"
        assert button.is_hidden()
        # the progress page counts it, and can clear it (after confirming)
        page.goto(journey_url + "en/progress/")
        page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
        item = page.locator('[data-course-page="welcome"]')
        assert item.get_attribute("data-course-status") == "read"
        assert item.locator("[data-course-module-status]").inner_text().startswith("\u2713 Read on ")
        assert page.locator("[data-course-overall]").inner_text() == "33% complete: 1 of 3 required modules done."
        page.once("dialog", lambda dialog: dialog.accept())
        item.locator("[data-course-clear]").click()
        assert item.get_attribute("data-course-status") == "not-read"
        assert stored(page, "read/welcome") is None
    finally:
        context.close()


def test_percentages_round_as_a_person_reads_them(page, journey_url):
    read_to_end(page, journey_url)
    page.goto(journey_url + "en/progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    # 1 of 3 is 33%, not 33.3 or 34; 2 of 3 is 67%, not 66
    assert page.locator("[data-course-summary]").get_attribute("data-course-percent") == "33"
    take(page, journey_url, "first", RIGHT["first"])
    page.goto(journey_url + "en/progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    assert page.locator("[data-course-summary]").get_attribute("data-course-percent") == "67"


def test_the_import_control_speaks_the_page_language_and_works_from_the_keyboard(page, journey_url, tmp_path):
    read_to_end(page, journey_url)
    page.goto(journey_url + "en/progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    with page.expect_download() as download:
        page.locator("[data-course-export]").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["schema"] == 2 and [p["id"] for p in exported["pages"]] == ["welcome"]
    page.evaluate("localStorage.clear()")
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    button = page.locator("[data-course-import-button]")
    assert button.inner_text() == "Import progress from a file"
    assert page.locator("[data-course-import]").is_hidden()
    with page.expect_file_chooser() as chooser:
        button.press("Enter")
    chooser.value.set_files(str(path))
    page.wait_for_function("() => document.querySelector('[data-course-import-status]').textContent")
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "imported"
    assert stored(page, "read/welcome")["read"] == exported["pages"][0]["read"]
    assert page.locator('[data-course-page="welcome"]').get_attribute("data-course-status") == "read"


def test_a_schema_1_file_made_before_pages_to_read_still_imports(page, journey_url, tmp_path):
    page.goto(journey_url + "en/progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    payload = json.loads(page.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    version = payload["modules"][0]["version"]
    old = {
        "schema": 1, "kind": "mkdocs-course/progress", "generator": "mkdocs-course 0.1.0",
        "course": {"id": COURSE, "title": "Journey course", "version": payload["version"]},
        "lang": "en", "created": "2026-01-09T10:00:00Z", "learner": None,
        "quizzes": [{"id": "first", "current": None, "attempts": [{
            "id": "old-1", "quiz": "first", "version": version, "lang": "en", "started": "2026-01-02T10:00:00Z",
            "finished": "2026-01-02T10:05:00Z", "questions": ["q1"], "orders": {}, "answers": {"q1": "blue"},
            "scores": {"q1": 1}, "score": 100, "right": 1, "passed": True}]}],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    page.locator("[data-course-import]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('[data-course-import-status]').textContent")
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "imported"
    assert page.locator('[data-course-module="first"]').get_attribute("data-course-status") == "passed"


def test_right_to_left_in_arabic_with_the_same_progress(browser, journey_url):
    context = browser.new_context(locale="ar", viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        overview = home(page, journey_url, "ar")
        assert page.locator("body").get_attribute("dir") == "rtl"
        assert overview.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert cta(page)[0] == "ابدأ الدورة"
        assert overview.locator("[data-course-overview-text]").inner_text() == "الوحدات المكتملة: 0 من أصل 3"
        # plural forms: 3 modules is the "few" form
        assert overview.locator(".course-overview__facts").inner_text().startswith("3 وحدات · ")
        read_to_end(page, journey_url, "ar")
        assert page.locator("[data-course-reading-status]").inner_text() == "\u2713 لقد قرأت هذه الوحدة."
        assert page.locator('[data-course-next="one"]').inner_text() == "التالي: الوحدة 2"
        # the English site shares it: progress is kept by page id, not by address
        page.goto(journey_url + "en/")
        page.wait_for_function("() => document.querySelector('[data-course-overview-progress]')?.hidden === false")
        assert cta(page)[:2] == ("Continue: Module 2", "one")
        home(page, journey_url, "ar")
        assert cta(page)[:2] == ("تابِع: الوحدة 2", "one")
        assert axe_scan(page) == []
    finally:
        context.close()


def test_two_tabs_and_a_reload_lose_nothing(browser, journey_url):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    try:
        first, second = context.new_page(), context.new_page()
        home(first, journey_url)
        read_to_end(second, journey_url)
        # the other tab's home page updates at once (storage event)
        first.wait_for_function("() => document.querySelector('[data-course-cta]').getAttribute('data-course-cta') === 'one'")
        take(first, journey_url, "first", RIGHT["first"])
        second.reload()
        second.wait_for_function("() => document.querySelector('[data-course-reading]').hasAttribute('data-course-read')")
        assert indicator(second) == "2 of 3 modules completed"
        assert stored(second, "read/welcome")["how"] == "end"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["en/", "en/welcome/", "ar/welcome/", "en/one/"])
def test_the_journey_passes_an_accessibility_scan(page, journey_url, path):
    page.goto(journey_url + path)
    # the journey is shown once saved progress was read: nav.js unhides the
    # progress line (the course home: the overview's progress)
    page.wait_for_function("() => !!document.querySelector("
                           "'[data-course-indicator]:not([hidden]), [data-course-overview-progress]:not([hidden])')")
    if path.endswith("welcome/"):
        page.mouse.wheel(0, 100_000)
        page.wait_for_function("() => document.querySelector('[data-course-reading]').hasAttribute('data-course-read')")
    if path.endswith("one/"):
        page.wait_for_function("() => document.querySelector('[data-course-quiz]').mkdocsCourseQuiz")
        QuizDriver(page, "first").answer_all(WRONG["first"])
    assert axe_scan(page) == []


def test_the_footer_names_the_course_and_its_organisation(page, journey_url):
    page.goto(journey_url + "en/one/")
    assert page.locator(".md-copyright .course-footer").inner_text() == "Journey course · Journey Training Centre"


def test_while_answering_the_quiz_counts_and_the_choice_stays_plain_to_see(page, journey_url):
    page.goto(journey_url + "en/two/")
    page.wait_for_function("() => document.querySelector('[data-course-quiz]').mkdocsCourseQuiz")
    quiz = QuizDriver(page, "second")
    answered = page.locator("[data-course-answered]")
    assert answered.inner_text() == "Answered 0 of 2 questions"
    quiz.answer("q2", "two")
    quiz.check("q2")
    assert answered.inner_text() == "Answered 1 of 2 questions"
    chosen = quiz.question("q2").locator('[data-course-option="two"]')
    assert chosen.get_attribute("data-course-chosen") == "true"
    assert chosen.locator("[data-course-mark]").inner_text() == "\u2717 your choice, not right"
    # disabled, but drawn in the text's own colour rather than greyed out
    style = chosen.locator("input").evaluate(
        "el => { const s = getComputedStyle(el); return [el.disabled, s.appearance, s.opacity, s.borderTopColor, "
        "getComputedStyle(el.closest('.md-typeset')).color]; }")
    assert style[0] is True and style[1] == "none" and style[2] == "1" and style[3] == style[4]
    assert quiz.question("q2").locator('[data-course-option="four"]').get_attribute("data-course-chosen") is None
    quiz.answer("q1", "true")
    quiz.check("q1")
    assert answered.is_hidden()  # the result says the rest
    assert quiz.result.locator(".course-quiz__score").inner_text() == "Your score: 50% (1 of 2 questions right)."


def test_a_trainer_verifies_a_record_that_counts_a_page_read(page, journey_build, tmp_path):
    from test_browser_progress import download, show_certificate

    folder, url = journey_build
    read_to_end(page, url)
    take(page, url, "first", RIGHT["first"])
    take(page, url, "second", RIGHT["second"])
    page.goto(url + "en/progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    show_certificate(page, "Amina Diallo")
    record = download(page, "[data-course-download-record]")
    assert record["schema"] == 2
    assert [(p["id"], p["required"], p["how"]) for p in record["pages"]] == [("welcome", True, "end")]
    assert record["completed"] == max(record["pages"][0]["read"], *(
        a["finished"] for q in record["quizzes"] for a in q["attempts"] if a["passed"]))

    def verify(data):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = subprocess.run([COMMAND, "verify", str(path), "--answer-keys", str(folder / "trainer" / "answer-keys"),
                                 "--format", "json"], capture_output=True, text=True, timeout=120)
        return json.loads(result.stdout)["records"][0]

    assert verify(record)["result"] == "valid"
    unread = json.loads(json.dumps(record))
    unread["pages"][0].update(read=None, how=None)
    checked = verify(unread)
    assert checked["result"] == "tampered"
    assert any(p["check"] == "completed" for p in checked["problems"])
    # the page to read called optional: the course version says otherwise
    optional = json.loads(json.dumps(record))
    optional["pages"][0]["required"] = False
    checked = verify(optional)
    assert checked["result"] == "tampered"
    assert [p["message"].split(": ", 1)[1] for p in checked["problems"] if p["check"] == "required"] == [
        f"page 'welcome' is marked optional, but course version {record['course']['version']} has it required."]
