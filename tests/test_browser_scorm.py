"""SCORM packages in Chromium, with scorm-again as the LMS (tests/scorm_lms.py):
what a package reports, and resuming from what the LMS kept."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import FIXTURES, build_site
from quiz_driver import ALL_TYPES_RIGHT, ALL_TYPES_WRONG
from scorm_lms import LMSSession, lay_out
from test_cli import command

pytestmark = pytest.mark.browser

VERSIONS = ["1.2", "2004"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory, server):
    """tests/fixtures/quiz-site built, exported in both versions, unzipped
    beside the test LMS page; returns the base URL."""
    folder = tmp_path_factory.mktemp("scorm-site")
    shutil.copytree(FIXTURES / "quiz-site", folder, dirs_exist_ok=True)
    build_site(folder)
    zips = {}
    for version in VERSIONS:
        result = subprocess.run(
            [command("mkdocs-course"), "export", "scorm", "--version", version, "--out", "dist"],
            cwd=folder, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        zips[f"pkg{version.replace('.', '')}"] = folder / "dist" / f"test-course-en-scorm{version.replace('.', '')}.zip"
    root = folder / "served"
    lay_out(root, zips)
    return server.add(root)


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
