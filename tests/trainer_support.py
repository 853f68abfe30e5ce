"""Shared by the trainer tests: a tiny course built and served, learners who
take its quizzes in Chromium and download their completion records, and the
trainer's commands run through their entry point."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, build_site
from quiz_driver import ALL_TYPES_RIGHT, ALL_TYPES_WRONG
from test_browser_progress import download, open_progress, show_certificate
from test_browser_quiz import open_quiz

CLI = str(Path(sys.executable).with_name("mkdocs-course"))
COURSE = "test-course"
POOL_RIGHT = {f"p{n}": "true" for n in range(1, 5)}
POOL_WRONG = {f"p{n}": "false" for n in range(1, 5)}


def build_trainer_course(folder: Path, server, extra_page: str = "", plugin_options: str = "") -> tuple[Path, str]:
    """tests/fixtures/quiz-site copied into ``folder`` (``extra_page`` added to
    its home page, ``plugin_options`` lines to the plugin's), built and served;
    (project, base URL)."""
    shutil.copytree(FIXTURES / "quiz-site", folder, dirs_exist_ok=True)
    if plugin_options:
        config = folder / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("      course_id: test-course\n", "      course_id: test-course\n" + plugin_options, 1),
                          encoding="utf-8")
    if extra_page:
        home = folder / "course" / "en" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + extra_page, encoding="utf-8")
    url = server.add(folder / "site")
    build_site(folder, site_url=url)
    return folder, url


def take_course(browser, base: str, name: str | None, *, wrong_first: bool = False, before=None) -> dict:
    """One learner in a fresh browser: ``before(page)`` if given, every quiz
    (wrong first if asked, then right), a name on the certificate; returns
    the downloaded record."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        if before:
            before(page)
        for path, quiz_id, right, wrong in (("one/", "all-types", ALL_TYPES_RIGHT, ALL_TYPES_WRONG),
                                             ("pool/", "pool", POOL_RIGHT, POOL_WRONG),
                                             ("two/", "second", {"only": "blue"}, {"only": "green"})):
            quiz = open_quiz(page, base, path, quiz_id)
            for answers in ([wrong, right] if wrong_first else [right]):
                if quiz.result.is_visible():
                    quiz.result.locator("[data-course-retry]").click()
                quiz.answer_all(answers)
                quiz.result.wait_for(state="visible")
        open_progress(page, base)
        if name is not None:
            show_certificate(page, name)
        return download(page, "[data-course-download-record]")
    finally:
        context.close()


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return path


def attempt(record: dict, quiz: str, index: int = -1) -> dict:
    """An attempt of a record (the last one by default), to change in a test."""
    return next(q for q in record["quizzes"] if q["id"] == quiz)["attempts"][index]


def changed(record: dict, change) -> dict:
    """A deep copy of the record with ``change(copy)`` applied."""
    other = copy.deepcopy(record)
    change(other)
    return other
