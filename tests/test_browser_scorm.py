"""SCORM packages in Chromium, with scorm-again as the LMS (tests/scorm_lms.py):
what a package reports, and resuming from what the LMS kept."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import FIXTURES, axe_scan, build_site
from quiz_driver import ALL_TYPES_RIGHT, ALL_TYPES_WRONG
from scorm_lms import LMSSession, export_packages

pytestmark = pytest.mark.browser

VERSIONS = ["1.2", "2004"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory, server):
    """tests/fixtures/quiz-site built, exported in both versions, unzipped
    beside the test LMS page; returns the base URL."""
    folder = tmp_path_factory.mktemp("scorm-site")
    shutil.copytree(FIXTURES / "quiz-site", folder, dirs_exist_ok=True)
    build_site(folder)
    return server.add(export_packages(folder, "test-course", VERSIONS))


def lms(page, packages, version) -> LMSSession:
    return LMSSession(page, packages, f"pkg{version.replace('.', '')}", version)


def status(cmi: dict, version: str) -> tuple:
    if version == "1.2":
        return (cmi["core"]["lesson_status"],)
    return cmi["completion_status"], cmi["success_status"]


@pytest.mark.parametrize("version", VERSIONS)
def test_one_quiz_is_reported_and_resumed_in_a_new_browser(browser, packages, version):
    # first session: pass the one-question quiz, start the big one
    first = browser.new_context()
    page = first.new_page()
    session = lms(page, packages, version).open()
    quiz = session.quiz("two/index.html", "second")
    quiz.answer("only", "blue")
    quiz.check("only")
    big = session.quiz("one/index.html", "all-types")
    big.answer("single", "b")
    big.check("single")
    big.answer("multiple", ["two"])
    session.settle()
    cmi = session.leave()
    first.close()

    assert status(cmi, version) == (("incomplete",) if version == "1.2" else ("incomplete", "unknown"))
    objectives = {o["id"]: o for o in cmi["objectives"].values()} if isinstance(cmi["objectives"], dict) else {
        o["id"]: o for o in cmi["objectives"]}
    assert objectives["second"]["score"]["raw"] in ("100", 100)
    assert cmi["suspend_data"].startswith("mc1")

    # second session: another browser (no localStorage), the LMS's data only
    second = browser.new_context()
    page = second.new_page()
    session = lms(page, packages, version).open(seed=cmi)
    quiz = session.quiz("two/index.html", "second")
    assert quiz.result.get_attribute("data-course-passed") == "true"
    big = session.quiz("one/index.html", "all-types")
    assert big.score("single") == "1"
    assert big.question("multiple").locator('input[value="two"]').is_checked()
    second.close()


POOL_RIGHT = {f"p{n}": "true" for n in range(1, 5)}


def pass_quiz(session, path, quiz_id, answers):
    quiz = session.quiz(path, quiz_id)
    if quiz.result.is_visible():
        quiz.root.locator("[data-course-retry]").click()
    quiz.answer_all(answers)
    return quiz


def objectives(cmi) -> dict:
    return {o["id"]: o for o in cmi["objectives"].values()}


def interactions(cmi) -> list[dict]:
    return [cmi["interactions"][k] for k in sorted(cmi["interactions"], key=int)]


RESPONSES = {
    # question id: (type, SCORM 1.2 student_response, 2004 learner_response), for ALL_TYPES_RIGHT
    "single": ("choice", r"b", r"b"),
    "multiple": ("choice", r"a,c", r"two\[,\]four"),
    "truth": ("true-false", r"t", r"true"),
    "blank": ("fill-in", r"paris", r"paris"),
    "number": ("numeric", r"3\.5", r"3\.5"),
    "match": ("matching", r"a\.[a-c],b\.[a-c],c\.[a-c]", r"cat\[\.\][0-9a-f]{8}\[,\]dog\[\.\][0-9a-f]{8}\[,\]cow\[\.\][0-9a-f]{8}"),
    "order": ("sequencing", r"a,c,b", r"one\[,\]two\[,\]three"),
}


@pytest.mark.parametrize("version", VERSIONS)
def test_status_score_objectives_and_interactions_follow_the_course_rules(browser, packages, version):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    session = lms(page, packages, version)
    session.open()
    is12 = version == "1.2"
    session.settle()
    cmi = session.cmi()
    assert status(cmi, version) == (("incomplete",) if is12 else ("incomplete", "unknown"))
    # the LMS had "not attempted" before the package said otherwise
    first_status = [v for e, v in session.sets() if e in ("cmi.core.lesson_status", "cmi.completion_status")]
    assert first_status[0] == "incomplete"

    pass_quiz(session, "one/index.html", "all-types", ALL_TYPES_WRONG)
    pass_quiz(session, "pool/index.html", "pool", POOL_RIGHT)
    pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    session.settle()
    cmi = session.cmi()
    # every required quiz finished, one not passed: failed, and not complete
    assert status(cmi, version) == (("failed",) if is12 else ("incomplete", "failed"))
    wrong = objectives(cmi)["all-types"]
    assert (wrong["status"] if is12 else wrong["success_status"]) == "failed"
    score = cmi["core"]["score"] if is12 else cmi["score"]
    all_types_wrong = float(wrong["score"]["raw"])
    assert float(score["raw"]) == pytest.approx(round((all_types_wrong + 200) / 3, 2))

    pass_quiz(session, "one/index.html", "all-types", ALL_TYPES_RIGHT)
    session.settle()
    cmi = session.leave()
    sets, calls = session.sets(), session.calls()
    context.close()
    assert not errors

    assert status(cmi, version) == (("passed",) if is12 else ("completed", "passed"))
    score = cmi["core"]["score"] if is12 else cmi["score"]
    assert (score["raw"], score["min"], score["max"]) == ("100", "0", "100")
    if not is12:
        assert score["scaled"] == "1" and cmi["progress_measure"] == "1"
    objs = objectives(cmi)
    assert list(objs) == ["all-types", "second", "pool"]
    for quiz_id, objective in objs.items():
        assert objective["score"]["raw"] == "100", quiz_id
        assert (objective["status"] if is12 else objective["success_status"]) == "passed"
        if not is12:
            assert objective["completion_status"] == "completed"
    # one interaction per question of each finished attempt, in order
    records = interactions(cmi)
    assert [r["id"].split(".")[0] for r in records] == ["all-types"] * 7 + ["pool"] * 2 + ["second"] + ["all-types"] * 7
    response = "student_response" if is12 else "learner_response"
    for record in records[-7:]:
        kind, v12, v2004 = RESPONSES[record["id"].split(".")[1]]
        assert record["type"] == kind
        assert re.fullmatch(v12 if is12 else v2004, record[response]), (record["id"], record[response])
        assert record["result"] == "correct"
        assert record["objectives"]["0"]["id"] == "all-types"
        if is12:
            assert re.fullmatch(r"\d\d:\d\d:\d\d", record["time"])
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", record["timestamp"])
    assert {r["result"] for r in records[:7]} == {"wrong" if is12 else "incorrect"}
    assert records[9][response] == ("a" if is12 else "blue")
    # session time in each version's own format; a complete course is left normally
    times = [v for e, v in sets if e.endswith("session_time")]
    assert times and all(re.fullmatch(r"\d{4}:\d\d:\d\d\.\d\d" if is12 else r"PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S", t) for t in times)
    exits = [v for e, v in sets if e in ("cmi.core.exit", "cmi.exit")]
    assert exits[0] == "suspend" and exits[-1] == ("" if is12 else "normal")
    assert calls.count("LMSInitialize" if is12 else "Initialize") == 1
    assert calls[-1] == ("LMSFinish" if is12 else "Terminate")


def stored_attempts(frame, quiz):
    return frame.evaluate("k => JSON.parse(localStorage.getItem(k))", f"mkdocs-course/test-course/{quiz}")


@pytest.mark.parametrize("version", VERSIONS)
def test_resuming_restores_every_attempt_and_keeps_both_copies(browser, packages, version):
    context = browser.new_context()
    page = context.new_page()
    session = lms(page, packages, version).open()
    pass_quiz(session, "two/index.html", "second", {"only": "green"})
    pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    big = session.quiz("one/index.html", "all-types")
    big.answer("single", "b")
    big.check("single")
    big.answer("blank", "Lyon")
    session.settle()
    before = {q: stored_attempts(session.course(), q) for q in ("second", "all-types")}
    first = session.leave()
    context.close()

    # another device: nothing in the browser, everything from the LMS
    other = browser.new_context()
    page = other.new_page()
    session = lms(page, packages, version).open(seed=first)
    frame = session.goto("index.html")
    after = {q: stored_attempts(frame, q) for q in ("second", "all-types")}
    assert [a["id"] for a in after["second"]["attempts"]] == [a["id"] for a in before["second"]["attempts"]]
    assert [a["passed"] for a in after["second"]["attempts"]] == [False, True]
    draft = after["all-types"]["current"]
    assert draft["id"] == before["all-types"]["current"]["id"]
    assert draft["answers"] == before["all-types"]["current"]["answers"]
    assert draft["orders"] == before["all-types"]["current"]["orders"]
    assert draft["questions"] == before["all-types"]["current"]["questions"]
    big = session.quiz("one/index.html", "all-types")
    assert big.score("single") == "1"
    assert big.question("blank").locator("[data-course-input]").input_value() == "Lyon"
    # on this device the learner passes the pool; the LMS now has both
    pass_quiz(session, "pool/index.html", "pool", POOL_RIGHT)
    session.settle()
    second = session.leave()
    assert len(interactions(second)) == len(interactions(first)) + 2  # none sent twice

    # back on the first device's LMS data (older), with this browser's copy:
    # the browser's pool attempt is kept and sent, the LMS's attempts kept
    page = other.new_page()
    session = lms(page, packages, version).open(seed=first)
    frame = session.goto("index.html")
    assert len(stored_attempts(frame, "second")["attempts"]) == 2
    assert len(stored_attempts(frame, "pool")["attempts"]) == 1
    session.settle()
    third = session.leave()
    other.close()
    assert objectives(third)["pool"]["score"]["raw"] == "100"
    assert "pool" in str(third["suspend_data"]) or len(third["suspend_data"]) > len(first["suspend_data"])


@pytest.mark.parametrize("version,mode", [("1.2", "browse"), ("2004", "review")])
def test_browse_and_review_modes_show_the_course_and_record_nothing(browser, packages, version, mode):
    context = browser.new_context()
    page = context.new_page()
    seed = {"core": {"lesson_mode": mode}} if version == "1.2" else {"mode": mode}
    session = lms(page, packages, version).open(seed=seed)
    quiz = pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    assert quiz.result.get_attribute("data-course-passed") == "true"
    notice = session.launcher().locator("[data-course-lms-status]")
    assert notice.get_attribute("data-course-lms-status") == "review"
    assert notice.inner_text() == ("Review mode: you can look at the course and your answers, "
                                   "but nothing is recorded on the learning platform.")
    session.leave()
    assert session.sets() == []
    context.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_an_lms_that_sets_neither_mode_nor_credit_still_gets_the_completion(browser, packages, version):
    context = browser.new_context()
    page = context.new_page()
    # like LMSs that leave them out: "" for the mode and the credit
    get = "LMSGetValue" if version == "1.2" else "GetValue"
    blank = (f"const get = api.{get}.bind(api);"
             f"api.{get} = el => /(mode|credit)$/.test(el) ? '' : get(el);")
    session = lms(page, packages, version).open(before=blank)
    assert session.launcher().evaluate("() => [window.mkdocsCourseSCORM.mode, window.mkdocsCourseSCORM.credit]") == [
        "normal", "credit"]
    pass_quiz(session, "one/index.html", "all-types", ALL_TYPES_RIGHT)
    pass_quiz(session, "pool/index.html", "pool", POOL_RIGHT)
    pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    session.settle()
    cmi = session.leave()
    context.close()
    assert status(cmi, version) == (("passed",) if version == "1.2" else ("completed", "passed"))


def test_without_an_lms_the_package_is_the_plain_course(page, packages):
    page.goto(packages + "pkg12/launch.html")
    frame = page.frame_locator("[data-course-lms-frame]")
    frame.locator("h1").first.wait_for()
    assert page.locator("[data-course-lms-status]").is_hidden()
    page.goto(packages + "pkg12/two/index.html")
    page.wait_for_function("() => document.querySelector('[data-course-quiz]').mkdocsCourseQuiz")
    from quiz_driver import QuizDriver
    quiz = QuizDriver(page, "second")
    quiz.answer("only", "blue")
    quiz.check("only")
    assert quiz.result.get_attribute("data-course-passed") == "true"


@pytest.mark.parametrize("version", VERSIONS)
def test_an_lms_that_fails_to_save_is_told_to_the_learner_and_the_work_is_kept(browser, packages, version):
    context = browser.new_context()
    page = context.new_page()
    # scorm-again posting every commit to an address that answers 404
    session = lms(page, packages, version).open(settings={"lmsCommitUrl": packages + "lms/no-such-commit"})
    pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    session.settle()
    notice = session.launcher().locator("[data-course-lms-status]")
    notice.wait_for()
    assert notice.get_attribute("data-course-lms-status") == "error"
    assert notice.get_attribute("role") == "alert"
    text = notice.inner_text()
    assert text.startswith("The learning platform did not save your progress (")
    assert text.endswith("). Your work is kept in this browser, and it will be sent again the next "
                         "time you open the course here.")
    assert stored_attempts(session.course(), "second")["attempts"][0]["passed"] is True
    assert axe_scan(session.launcher()) == []
    context.close()


BLOCKED = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_when_the_browser_blocks_storage_the_lms_copy_carries_the_work(browser, packages, version):
    context = browser.new_context()
    context.add_init_script(BLOCKED)
    page = context.new_page()
    session = lms(page, packages, version).open()
    quiz = pass_quiz(session, "two/index.html", "second", {"only": "blue"})
    assert quiz.root.locator("[data-course-storage-status]").is_hidden()
    big = session.quiz("one/index.html", "all-types")
    big.answer("single", "b")
    big.check("single")
    session.settle()
    cmi = session.leave()
    assert objectives(cmi)["second"]["score"]["raw"] == "100"

    page = context.new_page()
    session = lms(page, packages, version).open(seed=cmi)
    quiz = session.quiz("two/index.html", "second")
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert session.quiz("one/index.html", "all-types").score("single") == "1"
    context.close()


def test_a_package_opened_in_a_new_window_finds_the_lms_through_its_opener(browser, packages):
    context = browser.new_context()
    page = context.new_page()
    session = lms(page, packages, "2004")
    page.goto(packages + "lms/lms.html")
    page.evaluate("() => { window.API_1484_11 = new Scorm2004API({logLevel: 5}); }")
    with context.expect_page() as popup_info:
        page.evaluate(f"() => window.open('../{session.package}/launch.html', 'course')")
    popup = popup_info.value
    popup.wait_for_function("() => window.mkdocsCourseSCORM && window.mkdocsCourseSCORM.lms")
    popup.wait_for_timeout(600)
    assert page.evaluate("() => API_1484_11.cmi.completion_status") == "incomplete"
    popup.close()
    # closing the window ends the session: saved, and left to be resumed
    page.wait_for_function("() => API_1484_11.isTerminated()")
    assert page.evaluate("() => API_1484_11.renderCMIToJSONObject().cmi.exit") == "suspend"
    context.close()
