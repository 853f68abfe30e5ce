"""The offline copy (`mkdocs-course export offline`), unzipped and opened from
files (file://) in Chromium: links, search, quizzes, progress across pages,
the 404 page and the navigation marks, with no request outside the copy."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, build_site
from pwa_host import search
from quiz_driver import QuizDriver
from test_browser_activities import activity, field, show_results

pytestmark = pytest.mark.browser

CLI = str(Path(sys.executable).with_name("mkdocs-course"))
RIGHT = {"first": {"q1": "blue"}, "second": {"q1": "true", "q2": "four"}}


ACTIVITIES = "\n[Self-assessment: Where](activity:baseline)\n\n[Action plan: Plan](activity:plan)\n"


def offline_copy(tmp_path, fixture: str, home_extra: str = "", activities: bool = False) -> Path:
    """The fixture built (``home_extra`` added to its home page; with
    ``activities``, a self-assessment and an action plan on its "Extra" page,
    both required), exported with the command and unzipped; the copy's folder."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, project)
    if activities:
        shutil.copytree(FIXTURES / "activity-site" / "activities", project / "activities")
        extra = project / "course" / "en" / "three.md"
        extra.write_text(extra.read_text(encoding="utf-8") + ACTIVITIES, encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "      required: [first, second]\n", "      required: [first, second]\n      required_activities: [baseline, plan]\n"),
            encoding="utf-8")
    if home_extra:
        home = project / "course" / "en" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + home_extra, encoding="utf-8")
    if fixture == "i18n-site":
        subprocess.run([CLI, "build", "-q"], cwd=project, check=True)
    else:
        build_site(project)
    done = subprocess.run([CLI, "export", "offline", "--out", "dist"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (zip_path,) = (project / "dist").glob("*.zip")
    assert done.stdout.startswith(f"Wrote dist/{zip_path.name} (")
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unzipped)
    (folder,) = unzipped.iterdir()
    return folder


@pytest.fixture
def learner(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, requests
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def outside(requests, folder: Path) -> list[str]:
    root = folder.resolve().as_uri() + "/"
    return [u for u in requests if not u.startswith(root) and not u.startswith(("data:", "blob:"))]


def test_the_copy_works_from_files(tmp_path, learner):
    page, requests = learner
    folder = offline_copy(tmp_path, "progress-site")
    page.goto((folder / "index.html").as_uri())
    # navigation by clicking: links name the page's index.html, no folder listing
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Module 1").click()
    page.wait_for_url("**/one/index.html")
    quiz = QuizDriver(page, "first")
    quiz.answer_all(RIGHT["first"])
    assert quiz.result.is_visible()
    # the mark appears on a page without a quiz too
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Extra").click()
    page.wait_for_url("**/three/index.html")
    link = page.locator('.md-sidebar--primary a.md-nav__link[data-course-passed="true"]')
    assert link.inner_text().startswith("Module 1")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home").click()
    page.wait_for_url("**/progress-course-offline/index.html")
    # search, without a server or a worker file
    titles = search(page, "Module")
    assert any("Module 1" in t for t in titles)
    page.locator(".md-search-result__item a", has_text="Module 2").first.click()
    page.wait_for_url("**/two/index.html")
    QuizDriver(page, "second").answer_all(RIGHT["second"])
    # the progress page sees both quizzes: Chromium shares storage between files
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="My progress").click()
    page.wait_for_url("**/progress/index.html")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    for quiz_id in ("first", "second"):
        assert page.locator(f'[data-course-module="{quiz_id}"]').get_attribute("data-course-status") == "passed"
    page.locator("[data-course-learner-name]").fill("Ada Learner")
    page.locator("[data-course-certificate-form] button[type=submit]").click()
    page.locator("[data-course-certificate]").wait_for(state="visible")
    status = page.locator("[data-course-offline-status]")
    status.locator("[data-course-offline-files]").wait_for()
    assert status.get_attribute("data-course-offline-worker") == "file"
    assert status.locator("[data-course-offline-files]").inner_text() == (
        "This browser shares your saved progress between all pages of this copy."
    )
    # the 404 page keeps its styles
    page.goto((folder / "404.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert outside(requests, folder) == []


def test_activities_save_from_files_and_show_on_the_progress_page(tmp_path, learner):
    page, requests = learner
    folder = offline_copy(tmp_path, "progress-site", activities=True)
    base = folder.resolve().as_uri() + "/"
    assessment = activity(page, base, "three/index.html", "baseline")
    show_results(assessment, {"pay-review": "fully", "pay-grades": "partly", "risks": "not-yet"})
    plan = activity(page, base, "three/index.html", "plan")
    field(plan, "1", "action").fill("Review pay grades")
    field(plan, "1", "who").fill("Marta")
    field(plan, "1", "when").fill("2027-03-01")
    field(plan, "1", "when").blur()
    page.wait_for_function("() => (localStorage.getItem('mkdocs-course/progress-course/activity/plan') || '')"
                           ".includes('2027-03-01')")
    # another file: the progress page counts both as done
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="My progress").click()
    page.wait_for_url("**/progress/index.html")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    for activity_id in ("baseline", "plan"):
        item = page.locator(f'[data-course-required-activity="{activity_id}"]')
        assert item.get_attribute("data-course-status") == "done", activity_id
        assert item.locator("[data-course-module-status]").inner_text().startswith("\u2713")
    # and the page shows them again when opened anew
    plan = activity(page, base, "three/index.html", "plan")
    assert field(plan, "1", "who").input_value() == "Marta"
    assessment = activity(page, base, "three/index.html", "baseline")
    assert assessment.locator("[data-course-results]").is_visible()
    assert outside(requests, folder) == []


def test_a_search_result_in_a_part_of_the_home_page_opens_it_from_any_page(tmp_path, learner):
    page, requests = learner
    folder = offline_copy(tmp_path, "progress-site", "\n## Before you start\n\nKeep a notebook beside you.\n")
    page.goto((folder / "two" / "index.html").as_uri())
    assert any("Before you start" in t for t in search(page, "notebook"))
    page.locator(".md-search-result__item a", has_text="Before you start").first.click()
    page.wait_for_url("**/progress-course-offline/index.html#before-you-start")
    assert page.locator("#before-you-start").is_visible()
    assert outside(requests, folder) == []


def test_every_language_of_the_copy_searches_in_its_own_language(tmp_path, learner):
    page, requests = learner
    folder = offline_copy(tmp_path, "i18n-site")
    # the chooser sends a first visit on to the browser's language, as a file
    page.goto((folder / "index.html").as_uri())
    page.wait_for_url("**/en/index.html")
    page.goto((folder / "fr" / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "fr"
    assert len(search(page, "module")) > 0
    assert outside(requests, folder) == []
