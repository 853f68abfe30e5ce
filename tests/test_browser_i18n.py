"""Language versions in Chromium: switching keeps results, Arabic is right to left."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, serve_course_build
from test_browser_quiz import open_quiz

pytestmark = pytest.mark.browser
COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))


@pytest.fixture(scope="module")
def i18n_url(tmp_path_factory, server):
    return serve_course_build(tmp_path_factory, server, "i18n-site")


def switch_language(page, code: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{code}"]').click()


def test_switching_language_keeps_the_page_and_the_results(page, i18n_url):
    quiz = open_quiz(page, i18n_url, "fr/one/", "colours")
    assert "De quelle couleur" in quiz.question("sky").inner_text()
    quiz.answer("sky", "blue")
    quiz.check("sky")
    quiz.answer("word", "Blanche")
    quiz.check("word")
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert "Votre score : 100 % (2 sur 2 questions justes)." in quiz.result.inner_text()
    switch_language(page, "en")
    page.wait_for_url(i18n_url + "en/one/")
    quiz = open_quiz(page, i18n_url, "en/one/", "colours")
    assert "Which colour is the sky" in quiz.question("sky").inner_text()
    assert quiz.score("sky") == "1"
    # the French answer keeps its score, though English accepts other words
    assert quiz.score("word") == "1"
    assert quiz.result.get_attribute("data-course-passed") == "true"
    assert "Your score: 100% (2 of 2 questions right)." in quiz.result.inner_text()


def test_the_root_page_sends_visitors_to_their_language(browser, i18n_url):
    context = browser.new_context(locale="fr-CA")
    try:
        page = context.new_page()
        page.goto(i18n_url)
        page.wait_for_url(i18n_url + "fr/")
        assert page.locator("html").get_attribute("lang") == "fr"
        page.goto(i18n_url + "#choose")
        assert page.locator("[data-course-languages] a").count() == 3
        page.locator('a[hreflang="ar"]').click()
        page.wait_for_url(i18n_url + "ar/")
        page.goto(i18n_url)  # the choice is remembered
        page.wait_for_url(i18n_url + "ar/")
    finally:
        context.close()


def test_arabic_pages_are_right_to_left(page, i18n_url, tmp_path):
    quiz = open_quiz(page, i18n_url, "ar/one/", "colours")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).direction") == "rtl"
    # the untranslated page is marked as English and laid out left to right inside
    content = page.locator("[data-course-fallback-content]")
    assert content.get_attribute("lang") == "en"
    assert content.evaluate("el => getComputedStyle(el).direction") == "ltr"
    notice = page.locator("[data-course-fallback]")
    assert notice.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # the quiz's interface is Arabic, right to left, even inside the English block;
    # only the author's untranslated text is English, left to right
    direction = "el => getComputedStyle(el).direction"
    section = page.locator('[data-course-quiz="colours"]')
    assert section.get_attribute("lang") == "ar" and section.evaluate(direction) == "rtl"
    summary = page.locator("[data-course-summary]")
    assert summary.evaluate(direction) == "rtl" and summary.evaluate("el => el.closest('[lang]').lang") == "ar"
    prompt = quiz.question("sky").locator(".course-question__prompt")
    assert prompt.evaluate(direction) == "ltr" and prompt.get_attribute("lang") == "en"
    check = quiz.question("sky").locator("[data-course-check]")
    assert check.evaluate(direction) == "rtl"
    quiz.answer("sky", "green")
    quiz.check("sky")
    feedback = quiz.question("sky").locator('[data-course-option="green"] [data-course-option-feedback]')
    assert feedback.inner_text() == "No, that is grass." and feedback.get_attribute("lang") == "en"
    page.screenshot(path=str(tmp_path / "arabic.png"), full_page=True)
    assert (tmp_path / "arabic.png").stat().st_size > 10_000


def test_the_palette_chosen_in_one_language_stays_in_the_others(page, tmp_path, server):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    url = server.add(tmp_path / "site")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_url: {url}\n" + config.read_text(encoding="utf-8").replace(
            "  font: false\n",
            "  font: false\n  palette:\n    - scheme: default\n      toggle: {icon: material/brightness-7, name: Dark}\n"
            "    - scheme: slate\n      toggle: {icon: material/brightness-4, name: Light}\n",
        ),
        encoding="utf-8",
    )
    result = subprocess.run([COMMAND, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    page.goto(url + "fr/one/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label.md-header__button[for='__palette_1']").click()
    assert page.evaluate(scheme) == "slate"
    page.goto(url + "en/two/")
    assert page.evaluate(scheme) == "slate"
    page.goto(url + "ar/404.html")
    assert page.evaluate(scheme) == "slate"
