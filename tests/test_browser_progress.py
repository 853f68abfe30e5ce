"""The "My progress" page, certificates, completion records and moving
progress between devices, in Chromium, the way a learner does it."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
import shutil
import unicodedata

import pytest
from conftest import FIXTURES, axe_scan, build_site, serve_fixture
from mkdocs_course.progress import (
    EXPORT_SCHEMA,
    RECORD_SCHEMA,
    certificate_id,
    course_version,
)
from test_browser_i18n import i18n_url  # noqa: F401  (a fixture: the course built in en, fr and ar)
from test_browser_quiz import open_quiz
from test_browser_storage import BLOCKED, FULL

pytestmark = pytest.mark.browser

COURSE = "progress-course"
RIGHT = {"first": {"q1": "blue"}, "second": {"q1": "true", "q2": "four"}, "third": {"q1": "false"}}
WRONG = {"first": {"q1": "green"}, "second": {"q1": "true", "q2": "two"}, "third": {"q1": "true"}}
PAGES = {"first": "one/", "second": "two/", "third": "three/"}


@pytest.fixture(scope="session")
def progress_site(tmp_path_factory, server):
    """tests/fixtures/progress-site built once and served; returns its base URL."""
    return serve_fixture(tmp_path_factory, server, "progress-site")


@pytest.fixture(scope="session")
def arabic_site(tmp_path_factory, server):
    """The same course with Material's interface in Arabic (dir="rtl")."""
    folder = tmp_path_factory.mktemp("progress-site-ar")
    shutil.copytree(FIXTURES / "progress-site", folder, dirs_exist_ok=True)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("language: en", "language: ar").replace("Test Training Centre", "مركز التدريب للمؤسسات الصغيرة")
    config = config.replace("site_name: Progress test course", "site_name: المساواة في العمل")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    url = server.add(folder / "site")
    build_site(folder, site_url=url)
    return url


# -- helpers ------------------------------------------------------------------------


def take(page, base: str, quiz_id: str, answers: dict) -> None:
    """Answer and check every question of one quiz, on its page."""
    quiz = open_quiz(page, base, PAGES[quiz_id], quiz_id)
    if quiz.result.is_visible():
        quiz.result.locator("[data-course-retry]").click()
    quiz.answer_all(answers)
    assert quiz.result.is_visible()


def open_progress(page, base: str):
    page.goto(base + "progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    return page.locator("[data-course-progress]")


def module(page, quiz_id: str):
    return page.locator(f'[data-course-module="{quiz_id}"]')


def stored(page, quiz_id: str) -> dict | None:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", f"mkdocs-course/{COURSE}/{quiz_id}")


def storage(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def show_certificate(page, name: str):
    page.locator("[data-course-learner-name]").fill(name)
    page.locator("[data-course-certificate-form] button[type=submit]").click()
    certificate = page.locator("[data-course-certificate]")
    certificate.wait_for(state="visible")
    return certificate


def first_passes(page, quiz_ids) -> dict:
    """The attempt a certificate rests on for each quiz: its first pass."""
    out = {}
    for quiz_id in quiz_ids:
        passes = [a for a in stored(page, quiz_id)["attempts"] if a.get("finished") and a.get("passed")]
        out[quiz_id] = min(passes, key=lambda a: a["finished"])
    return out


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def download(page, button: str) -> dict:
    with page.expect_download() as info:
        page.locator(button).click()
    path = info.value.path()
    return json.loads(open(path, encoding="utf-8").read())


def import_file(page, data) -> str:
    content = data if isinstance(data, (bytes, str)) else json.dumps(data)
    # an earlier import's message is not this one's
    page.locator("[data-course-import-status]").evaluate("el => { el.textContent = '' }")
    page.locator("[data-course-import]").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json",
                "buffer": content.encode("utf-8") if isinstance(content, str) else content}]
    )
    status = page.locator("[data-course-import-status]")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    return status.inner_text()


def validator(schema_path):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    record = json.loads(RECORD_SCHEMA.read_text(encoding="utf-8"))
    registry = Registry().with_resource(record["$id"], Resource.from_contents(record))
    return Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")), registry=registry)


def pdf_text(data: bytes) -> tuple[int, str, tuple[float, float]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    box = reader.pages[0].mediabox
    # NFKC: the PDF may keep ligatures ("ﬁ") as single characters
    return len(reader.pages), unicodedata.normalize("NFKC", text), (float(box.width), float(box.height))


# -- section 1: course progress ---------------------------------------------------------


def test_passing_every_module_gives_a_certificate_with_the_right_data(page, progress_site):
    root = open_progress(page, progress_site)
    assert [module(page, q).get_attribute("data-course-status") for q in RIGHT] == ["not-started"] * 3
    assert root.locator("[data-course-overall]").inner_text() == "0% complete: 0 of 2 required modules done."
    continue_link = root.locator("[data-course-continue] a")
    assert continue_link.inner_text() == "Start the course: Module 1"
    assert continue_link.get_attribute("href") == "../one/"
    assert root.locator("[data-course-certificate-status]").inner_text() == (
        "Complete every required module to get your certificate. Done so far: 0 of 2."
    )
    assert root.locator("[data-course-certificate-form]").is_hidden()

    take(page, progress_site, "first", RIGHT["first"])
    take(page, progress_site, "second", WRONG["second"])
    root = open_progress(page, progress_site)
    today = long_date(datetime.date.today())
    assert module(page, "first").get_attribute("data-course-status") == "passed"
    assert module(page, "first").locator("[data-course-module-status]").inner_text() == (
        f"\u2713 Passed: best score 100% on {today}."
    )
    assert module(page, "second").get_attribute("data-course-status") == "in-progress"
    assert module(page, "second").locator("[data-course-module-status]").inner_text() == (
        f"In progress: best score so far 50% on {today}; the pass mark is 100%."
    )
    assert root.locator("[data-course-overall]").inner_text() == "50% complete: 1 of 2 required modules done."
    assert root.locator("[data-course-overall-bar]").evaluate("el => el.value") == 50
    assert root.locator("[data-course-continue] a").inner_text() == "Continue where you left off: Module 2"
    assert root.locator("[data-course-certificate-status]").inner_text().endswith("Done so far: 1 of 2.")

    take(page, progress_site, "second", RIGHT["second"])
    root = open_progress(page, progress_site)
    assert root.locator("[data-course-overall]").inner_text() == "100% complete: 2 of 2 required modules done."
    assert module(page, "third").get_attribute("data-course-status") == "not-started"  # optional
    assert root.locator("[data-course-continue] a").get_attribute("href") == "#course-certificate"
    certificate = show_certificate(page, "  Amina   Diallo ")

    payload = json.loads(root.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    passes = first_passes(page, ["first", "second"])
    version = course_version({q: a["version"] for q, a in passes.items()})
    assert version == payload["version"]  # all passed on the current quizzes
    expected_id = certificate_id(COURSE, version, "Amina Diallo", [a["id"] for a in passes.values()])
    assert certificate.locator("[data-course-certificate-name]").inner_text() == "Amina Diallo"
    assert certificate.locator("[data-course-certificate-course]").inner_text() == "Progress test course"
    assert certificate.locator("[data-course-certificate-date]").inner_text() == f"Completed on {today}"
    rows = certificate.locator("[data-course-certificate-modules] tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    assert rows == [["Module 1", "100%", today], ["Module 2", "100%", today]]
    assert certificate.locator("[data-course-certificate-version]").inner_text() == f"Course version {version}"
    assert certificate.locator("[data-course-certificate-id]").inner_text() == f"Certificate ID {expected_id}"
    assert certificate.locator("[data-course-certificate-id]").get_attribute("data-course-certificate-id") == expected_id
    text = certificate.inner_text()
    assert "Test Training Centre" in text and "Ada Trainer" in text and "Course lead" in text
    assert "generated by the learner's own web browser from the results of self-check quizzes" in text
    assert stored(page, "learner") == {"schema": 1, "name": "Amina Diallo"}

    # the next visit shows the certificate straight away, with the name kept
    root = open_progress(page, progress_site)
    assert page.locator("[data-course-learner-name]").input_value() == "Amina Diallo"
    assert page.locator("[data-course-certificate]").is_visible()
    assert page.locator("[data-course-certificate-id]").inner_text() == f"Certificate ID {expected_id}"


def test_the_browser_hashes_match_the_python_ones(page, progress_site):
    open_progress(page, progress_site)
    texts = ["", "abc", "x" * 55, "x" * 56, "y" * 64, "z" * 200, "أمينة ديالو", "Zoë 🎓\n<b>"]
    got = page.evaluate("ts => ts.map(t => mkdocsCourse.sha256(t))", texts)
    assert got == [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    versions = {"b": "222222222222", "a": "111111111111"}
    assert page.evaluate("v => mkdocsCourse.courseVersion(v)", versions) == course_version(versions)
    args = [COURSE, "0123456789ab", " أمينة  ديالو ", ["z-2", "a-1"]]
    assert page.evaluate("a => mkdocsCourse.certificateId(...a)", args) == certificate_id(*args)


def test_the_navigation_marks_passed_modules(browser, progress_site):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        take(page, progress_site, "first", RIGHT["first"])
        link = page.locator('nav.md-nav--primary a[data-course-nav-quiz="first"]').first
        page.wait_for_function("el => el.dataset.coursePassed === 'true'", arg=link.element_handle())
        assert link.locator(".course-nav-mark").text_content() == "\u2713 (passed)"
        hidden = link.locator(".course-nav-mark__text")
        assert hidden.text_content() == " (passed)"
        assert hidden.evaluate("el => el.getBoundingClientRect().width") <= 1  # for screen readers only
        other = page.locator('nav.md-nav--primary a[data-course-nav-quiz="second"]').first
        assert other.get_attribute("data-course-passed") is None
        # Material's instant navigation swaps the page; the marks are drawn again
        page.evaluate("window.notReloaded = true")
        other.click()
        page.wait_for_url(re.compile(r"/two/$"))
        link = page.locator('nav.md-nav--primary a[data-course-nav-quiz="first"]').first
        page.wait_for_function("el => el && el.dataset.coursePassed === 'true'", arg=link.element_handle())
        assert page.evaluate("window.notReloaded") is True
        assert page.locator('nav.md-nav--primary a[data-course-nav-quiz="second"] .course-nav-mark').count() == 0
        # the progress page starts, styled, after instant navigation too
        page.locator("nav.md-nav--primary a", has_text="My progress").first.click()
        page.wait_for_url(re.compile(r"/progress/$"))
        page.wait_for_function("document.querySelector('[data-course-progress]')?.mkdocsCourseProgress")
        assert page.evaluate("window.notReloaded") is True
        assert module(page, "first").get_attribute("data-course-status") == "passed"
        assert module(page, "first").evaluate("el => getComputedStyle(el.parentNode).listStyleType") == "none"
        assert not errors
    finally:
        context.close()


def test_clearing_one_module_asks_first_and_touches_nothing_else(page, progress_site):
    take(page, progress_site, "first", RIGHT["first"])
    take(page, progress_site, "second", RIGHT["second"])
    open_progress(page, progress_site)
    show_certificate(page, "Bo")
    page.evaluate(f"localStorage.setItem('mkdocs-course/{COURSE}/third/damaged/1', 'kept')")
    before = storage(page)
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    module(page, "first").locator("[data-course-clear]").click()
    assert asked == [
        "Clear all your saved results for \u201cModule 1\u201d? This cannot be undone. "
        "Your results for other modules are kept."
    ]
    assert storage(page) == before
    assert module(page, "first").get_attribute("data-course-status") == "passed"

    page.once("dialog", lambda d: answer(d, True))
    module(page, "first").locator("[data-course-clear]").click()
    after = storage(page)
    gone = f"mkdocs-course/{COURSE}/first"
    assert gone not in after
    assert after == {k: v for k, v in before.items() if k != gone}
    assert module(page, "first").get_attribute("data-course-status") == "not-started"
    assert module(page, "second").get_attribute("data-course-status") == "passed"
    assert page.locator("[data-course-certificate]").is_hidden()
    live = page.locator("[data-course-progress-live]")
    page.wait_for_function("el => el.textContent.length > 0", arg=live.element_handle())
    assert live.inner_text() == "Your results for \u201cModule 1\u201d were cleared."
    assert page.evaluate("document.activeElement.id") == "course-module-first"


def test_attempts_on_an_older_quiz_version_are_labelled_and_still_count(page, progress_site):
    take(page, progress_site, "second", RIGHT["second"])
    old = {
        "schema": 1,
        "attempts": [{
            "id": "old-pass", "quiz": "first", "version": "000000000000", "lang": "en",
            "started": "2026-01-02T10:00:00Z", "finished": "2026-01-02T10:05:00Z", "questions": ["q1"],
            "answers": {"q1": "blue"}, "scores": {"q1": 1}, "score": 100, "right": 1, "passed": True,
        }],
        "current": None,
    }
    page.evaluate("v => localStorage.setItem(v[0], v[1])", [f"mkdocs-course/{COURSE}/first", json.dumps(old)])
    root = open_progress(page, progress_site)
    first = module(page, "first")
    assert first.get_attribute("data-course-status") == "passed"
    assert first.get_attribute("data-course-older") == "true"
    assert "older version of this quiz" in first.locator("[data-course-module-note]").inner_text()
    assert "January 2, 2026" in first.locator("[data-course-module-status]").inner_text()
    assert module(page, "second").get_attribute("data-course-older") is None
    assert root.locator("[data-course-overall]").inner_text().startswith("100% complete:")
    certificate = show_certificate(page, "Chen")
    payload = json.loads(root.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    second = first_passes(page, ["second"])["second"]
    earned = course_version({"first": "000000000000", "second": second["version"]})
    assert certificate.locator("[data-course-certificate-version]").inner_text() == (
        f"Course version {earned}: some quizzes were passed on an earlier version "
        f"(the current one is {payload['version']})."
    )
    # the completion date is when the last required quiz was first passed
    today = long_date(datetime.date.today())
    assert certificate.locator("[data-course-certificate-date]").inner_text() == f"Completed on {today}"
    rows = certificate.locator("[data-course-certificate-modules] tr td:last-child").all_inner_texts()
    assert rows == ["January 2, 2026", today]


# -- section 2: the certificate ---------------------------------------------------------


def pass_required(page, base):
    take(page, base, "first", RIGHT["first"])
    take(page, base, "second", RIGHT["second"])


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_certificate_prints_on_one_landscape_page(page, progress_site, paper):
    pass_required(page, progress_site)
    open_progress(page, progress_site)
    show_certificate(page, "Amina Diallo")
    pages, text, (width, height) = pdf_text(page.pdf(format=paper, landscape=True, print_background=True))
    assert pages == 1
    assert width > height
    today = long_date(datetime.date.today())
    for expected in ("Amina Diallo", "Progress test course", f"Completed on {today}", "Certificate of completion",
                     "Test Training Centre", "Ada Trainer", "Module 2"):
        assert expected in text, expected
    assert "generated by the learner's own web browser" in re.sub(r"\s+", " ", text)
    # nothing but the certificate: no page heading, buttons or theme chrome
    for absent in ("My progress", "Export progress", "Print or save as PDF", "Made with"):
        assert absent not in text, absent
    # the page's own size, as the print dialog would take it
    pages, _, (width, height) = pdf_text(page.pdf(prefer_css_page_size=True))
    assert pages == 1 and width > height


def test_an_arabic_certificate_is_laid_out_right_to_left(page, arabic_site, tmp_path):
    pass_required(page, arabic_site)
    open_progress(page, arabic_site)
    assert page.evaluate("document.body.dir") == "rtl"
    certificate = show_certificate(page, "أمينة ديالو")
    assert certificate.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert certificate.locator("[data-course-certificate-name]").inner_text() == "أمينة ديالو"
    assert certificate.locator("[data-course-certificate-course]").inner_text() == "المساواة في العمل"
    # the date is written the Arabic way (the page's lang is ar)
    expected = page.evaluate(
        "() => new Date().toLocaleDateString('ar', {year: 'numeric', month: 'long', day: 'numeric'})"
    )
    assert f"\u2068{expected}\u2069" in certificate.locator("[data-course-certificate-date]").inner_text()
    # the issuer block starts on the right: its first child is right of its last
    issuer = certificate.locator(".course-certificate__issuer > *")
    assert issuer.first.bounding_box()["x"] > issuer.last.bounding_box()["x"]
    certificate.screenshot(path=str(tmp_path / "certificate-ar.png"))
    pages, _, (width, height) = pdf_text(page.pdf(format="A4", landscape=True, print_background=True))
    assert pages == 1 and width > height


def test_a_name_that_looks_like_markup_prints_literally(page, progress_site):
    evil = '<img src=x onerror="window.pwned=1;alert(1)">'
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pass_required(page, progress_site)
    open_progress(page, progress_site)
    certificate = show_certificate(page, evil)
    name = certificate.locator("[data-course-certificate-name]")
    assert name.inner_text() == evil
    assert name.locator("*").count() == 0
    assert certificate.locator("img").count() == 1  # the logo only
    record = download(page, "[data-course-download-record]")
    assert record["learner"]["name"] == evil
    _, text, _ = pdf_text(page.pdf(format="A4", landscape=True))
    assert evil in text
    # and again after a reload, when the stored name is drawn
    open_progress(page, progress_site)
    assert page.locator("[data-course-certificate-name]").inner_text() == evil
    assert page.evaluate("window.pwned") is None
    assert dialogs == []


# -- section 3: completion record and moving devices ---------------------------------------


def test_the_completion_record_holds_every_attempt_with_its_answers(page, progress_site):
    take(page, progress_site, "first", WRONG["first"])
    pass_required(page, progress_site)
    take(page, progress_site, "third", WRONG["third"])
    open_progress(page, progress_site)
    certificate = show_certificate(page, "Dana")
    record = download(page, "[data-course-download-record]")
    validator(RECORD_SCHEMA).validate(record)
    payload = json.loads(page.locator("[data-course-progress-payload]").evaluate("t => t.content.textContent"))
    assert record["schema"] == 2
    assert record["kind"] == "mkdocs-course/completion-record"
    assert record["course"] == {"id": COURSE, "title": "Progress test course", "version": payload["version"]}
    assert record["lang"] == "en"
    assert record["learner"] == {"name": "Dana"}
    shown_id = certificate.locator("[data-course-certificate-id]").get_attribute("data-course-certificate-id")
    assert record["certificate"]["id"] == shown_id
    quizzes = {q["id"]: q for q in record["quizzes"]}
    assert [q["id"] for q in record["quizzes"]] == ["first", "second", "third"]
    assert quizzes["first"]["passed"] is True and quizzes["first"]["best_score"] == 100
    assert quizzes["third"] == dict(quizzes["third"], required=False, passed=False, best_score=0, pass_mark=50)
    finished = [a for a in quizzes["first"]["attempts"] if a["finished"]]
    assert [a["answers"] for a in finished] == [{"q1": "green"}, {"q1": "blue"}]
    assert [a["scores"] for a in finished] == [{"q1": 0}, {"q1": 1}]
    assert all(a["started"] <= a["finished"] for a in finished)
    assert record["completed"] == max(first_passes(page, ["first", "second"])[q]["finished"] for q in ("first", "second"))
    assert sorted(record["certificate"]["attempts"]) == sorted(a["id"] for a in first_passes(page, ["first", "second"]).values())


def test_export_clear_and_import_give_the_same_progress(page, progress_site):
    take(page, progress_site, "first", WRONG["first"])
    pass_required(page, progress_site)
    open_quiz(page, progress_site, PAGES["third"], "third").answer("q1", "true")  # a draft, not checked
    open_progress(page, progress_site)
    show_certificate(page, "Eve")
    exported = download(page, "[data-course-export]")
    validator(EXPORT_SCHEMA).validate(exported)
    assert exported["kind"] == "mkdocs-course/progress"
    assert exported["learner"] == {"name": "Eve"}
    assert [q["id"] for q in exported["quizzes"]] == ["first", "second", "third"]
    before = {q: stored(page, q) for q in RIGHT}
    statuses = [module(page, q).get_attribute("data-course-status") for q in RIGHT]

    page.evaluate("localStorage.clear()")
    open_progress(page, progress_site)
    assert [module(page, q).get_attribute("data-course-status") for q in RIGHT] == ["not-started"] * 3

    count = sum(len(q["attempts"]) for q in exported["quizzes"])
    assert import_file(page, exported) == (
        f"Progress imported. Attempts in the file: {count}; new on this device: {count}. Nothing was removed."
    )
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "imported"
    assert [module(page, q).get_attribute("data-course-status") for q in RIGHT] == statuses
    assert {q: stored(page, q) for q in RIGHT} == before
    assert stored(page, "learner") == {"schema": 1, "name": "Eve"}
    assert page.locator("[data-course-certificate-name]").inner_text() == "Eve"

    # the same file again: every attempt is kept once
    assert import_file(page, exported).startswith(f"Progress imported. Attempts in the file: {count}; new on this device: 0.")
    assert {q: stored(page, q) for q in RIGHT} == before
    # the draft came back too: the quiz page resumes it
    assert open_quiz(page, progress_site, PAGES["third"], "third").question("q1").locator("input[value=true]").is_checked()


def test_import_merges_with_attempts_made_on_this_device(page, progress_site):
    take(page, progress_site, "first", RIGHT["first"])
    open_progress(page, progress_site)
    other_device = download(page, "[data-course-export]")
    page.evaluate("localStorage.clear()")
    take(page, progress_site, "first", WRONG["first"])
    take(page, progress_site, "second", RIGHT["second"])
    open_progress(page, progress_site)
    import_file(page, other_device)
    scores = sorted(a["score"] for a in stored(page, "first")["attempts"] if a["finished"])
    assert scores == [0, 100]
    assert module(page, "first").get_attribute("data-course-status") == "passed"
    assert module(page, "second").get_attribute("data-course-status") == "passed"


def test_import_rejects_a_foreign_or_damaged_file(page, progress_site):
    take(page, progress_site, "first", RIGHT["first"])
    open_progress(page, progress_site)
    good = download(page, "[data-course-export]")
    before = storage(page)
    foreign = json.loads(json.dumps(good))
    foreign["course"].update(id="another-course", title="Another course")
    assert import_file(page, foreign) == (
        "This file holds progress for another course (\u201cAnother course\u201d), so nothing was imported. "
        "Choose a file exported from \u201cProgress test course\u201d."
    )
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "foreign"
    damaged_message = (
        "This file could not be read as course progress: it may be damaged, or not a progress file at all. "
        "Nothing was imported."
    )
    broken = json.loads(json.dumps(good))
    broken["quizzes"][0]["attempts"][0]["score"] = "a lot"
    newer = dict(good, schema=3)
    for damaged in (json.dumps(good)[:-40], "not json at all", b"\x89PNG\r\n\x1a\n", broken, newer, {"schema": 1}):
        assert import_file(page, damaged) == damaged_message, damaged
        assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "damaged"
    assert storage(page) == before


# -- section 4: nothing lost ----------------------------------------------------------------


def test_two_tabs_answering_at_once_lose_nothing(context, progress_site):
    tracker = context.new_page()
    root = open_progress(tracker, progress_site)
    one, two, three = context.new_page(), context.new_page(), context.new_page()
    a = open_quiz(one, progress_site, PAGES["first"], "first")
    b = open_quiz(two, progress_site, PAGES["first"], "first")
    c = open_quiz(three, progress_site, PAGES["second"], "second")

    def in_tab(tab, act):
        tab.bring_to_front()  # background tabs run their frames slowly
        act()

    # both tabs resume the same draft of the same quiz, and both finish it
    in_tab(one, lambda: a.answer("q1", "green"))
    in_tab(two, lambda: b.answer("q1", "blue"))
    in_tab(one, lambda: a.check("q1"))
    in_tab(two, lambda: b.check("q1"))
    in_tab(three, lambda: c.answer_all(RIGHT["second"]))
    in_tab(one, lambda: a.result.locator("[data-course-retry]").click())
    in_tab(one, lambda: a.answer("q1", "blue"))
    in_tab(one, lambda: a.check("q1"))
    # the progress page open in another tab follows along
    tracker.bring_to_front()
    tracker.wait_for_function(
        "() => document.querySelector('[data-course-summary]').dataset.coursePercent === '100'"
    )
    assert root.locator("[data-course-overall]").inner_text().startswith("100% complete:")
    attempts = [x for x in stored(tracker, "first")["attempts"] if x["finished"]]
    assert sorted(x["score"] for x in attempts) == [0, 100, 100]
    assert len({x["id"] for x in attempts}) == 3
    exported = download(tracker, "[data-course-export]")
    first = next(q for q in exported["quizzes"] if q["id"] == "first")
    assert sorted(x["score"] for x in first["attempts"] if x["finished"]) == [0, 100, 100]


def test_blocked_storage_is_said_plainly_on_the_progress_page(context, progress_site):
    context.add_init_script(BLOCKED)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(exc.stack) if "assets/course/" in (exc.stack or "") else None)
    root = open_progress(page, progress_site)
    warning = root.locator("[data-course-progress-storage]")
    assert warning.is_visible()
    assert warning.inner_text().startswith("This browser does not let the course read saved progress")
    assert root.locator("[data-course-summary]").is_hidden()
    # the quizzes still work
    take(page, progress_site, "first", RIGHT["first"])
    assert not errors


def test_full_storage_still_shows_progress_and_says_an_import_was_not_saved(page, progress_site):
    take(page, progress_site, "first", RIGHT["first"])
    take(page, progress_site, "second", RIGHT["second"])
    open_progress(page, progress_site)
    exported = download(page, "[data-course-export]")
    page.evaluate(f"localStorage.removeItem('mkdocs-course/{COURSE}/second')")
    root = open_progress(page, progress_site)
    page.evaluate("() => { " + FULL + " }")  # from now on nothing more fits
    assert module(page, "first").get_attribute("data-course-status") == "passed"
    message = import_file(page, exported)
    assert message == (
        "The file is fine, but this browser would not save it (storage is blocked or full): 0 of 2 quizzes "
        "were imported. Nothing was removed. Free some space or use another browser, then import the file again."
    )
    assert page.locator("[data-course-import-status]").get_attribute("data-course-import-status") == "storage"
    assert module(page, "first").get_attribute("data-course-status") == "passed"
    assert root.locator("[data-course-progress-storage]").is_hidden()


# -- accessibility and small screens -----------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_the_progress_page(browser, progress_site, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        open_progress(page, progress_site)
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        assert axe_scan(page) == []
        pass_required(page, progress_site)
        take(page, progress_site, "third", WRONG["third"])
        open_progress(page, progress_site)
        show_certificate(page, "Amina Diallo")
        import_file(page, "not json")
        assert axe_scan(page) == []
    finally:
        context.close()


def test_the_progress_page_fits_a_phone(browser, progress_site, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    try:
        pass_required(page, progress_site)
        open_progress(page, progress_site)
        show_certificate(page, "Amina Diallo")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(tmp_path / "progress-phone.png"), full_page=True)
    finally:
        context.close()


def test_progress_is_shared_across_the_language_versions(page, i18n_url):
    quiz = open_quiz(page, i18n_url, "fr/one/", "colours")
    quiz.answer("sky", "blue")
    quiz.check("sky")
    quiz.answer("word", "Blanche")
    quiz.check("word")
    for lang in ("en", "fr", "ar"):
        page.goto(f"{i18n_url}{lang}/progress/")
        page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
        assert page.evaluate("document.documentElement.lang") == lang
        assert module(page, "colours").get_attribute("data-course-status") == "passed", lang
        assert page.locator("[data-course-summary]").get_attribute("data-course-percent") == "100"
    # the Arabic version draws the certificate right to left
    certificate = show_certificate(page, "Amina")
    assert certificate.evaluate("el => getComputedStyle(el).direction") == "rtl"
