"""A learner's whole journey through the demo course, in each of its
languages: every module's quiz passed in that language, then the progress
page, the certificate and its printed PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from conftest import ROOT
from mkdocs_course.i18n.catalog import Translations, read_catalog
from mkdocs_course.quiz import QuizCollection
from quiz_driver import QuizDriver
from test_browser_progress import pdf_text, show_certificate
from test_browser_quiz import open_quiz
from test_demo_course import MODULES, right_answers

pytestmark = [pytest.mark.browser, pytest.mark.slow]
COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))
LANGUAGES = ["en", "es", "fr", "ar"]


@pytest.fixture(scope="module")
def demo_all(tmp_path_factory, server):
    """The demo built in every language by the real command, and served."""
    folder = tmp_path_factory.mktemp("demo-all")
    for name in ("mkdocs.yml", "course", "quizzes", "activities", "translations"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    url = server.add(folder / "site")
    config = folder / "mkdocs.yml"
    text = re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), flags=re.M)
    config.write_text(text, encoding="utf-8")
    result = subprocess.run([COMMAND, "build", "--strict"], cwd=folder, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return url


def translated_quizzes(language: str):
    quizzes = QuizCollection(ROOT / "quizzes", ROOT).load()
    if language == "en":
        return quizzes
    po = ROOT / "translations" / f"{language}.po"
    translations = Translations(read_catalog(po, language, str(po)), language)
    return {quiz_id: translations.quiz(quiz) for quiz_id, quiz in quizzes.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_from_first_module_to_printed_certificate(browser, demo_all, language):
    context = browser.new_context(locale=language, viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        quizzes = translated_quizzes(language)
        for name, quiz_id in MODULES.items():
            quiz: QuizDriver = open_quiz(page, demo_all, f"{language}/{name[:-3]}/", quiz_id)
            assert page.locator("html").get_attribute("lang") == language
            answers = right_answers(quizzes[quiz_id])
            quiz.answer_all(answers)
            for qid in answers:
                assert quiz.score(qid) == "1", f"{language} {quiz_id}/{qid}: {quiz.feedback(qid)}"
            assert quiz.result.get_attribute("data-course-passed") == "true", f"{language} {quiz_id}"

        page.goto(f"{demo_all}{language}/progress/")
        page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
        statuses = page.locator("[data-course-module]").evaluate_all(
            "els => els.map(el => el.getAttribute('data-course-status'))")
        assert statuses == ["passed"] * len(MODULES)
        certificate = show_certificate(page, "Amina Diallo")
        title = certificate.locator("[data-course-certificate-course]").inner_text()
        expected_title = translated_title(language)
        assert title == expected_title
        direction = certificate.evaluate("el => getComputedStyle(el).direction")
        assert direction == ("rtl" if language == "ar" else "ltr")
        date = certificate.locator("[data-course-certificate-date]").inner_text()
        pages, text, (width, height) = pdf_text(page.pdf(format="A4", landscape=True, print_background=True))
        assert pages == 1 and width > height
        assert "Amina Diallo" in text
        if language != "ar":  # Arabic PDF text comes out in visual order; the screen checks above hold
            assert expected_title in text
            assert date.strip("\u2068\u2069") in " ".join(text.split())
        assert not errors
    finally:
        context.close()


def translated_title(language: str) -> str:
    if language == "en":
        return "Equality at work"
    po = ROOT / "translations" / f"{language}.po"
    return Translations(read_catalog(po, language, str(po)), language).get("site/name", "Equality at work")


@pytest.mark.parametrize("language", [p.name for p in sorted((ROOT / "course").iterdir())
                                      if p.is_dir() and p.name != "en"])
def test_translated_pages_are_served_their_own_diagrams(demo_all, language):
    """What the built site sends for each diagram on a translated page is that
    language's SVG, not the English one the build falls back to."""
    seen = 0
    for page in sorted((ROOT / "course" / language).glob("*.md")):
        address = f"{demo_all}{language}/" + ("" if page.stem == "index" else f"{page.stem}/")
        html = urlopen(address).read().decode("utf-8")
        for src in re.findall(r'<img [^>]*src="([^"]*images/[^"]+\.svg)"', html):
            served = urlopen(urljoin(address, src)).read()
            own = ROOT / "course" / language / "images" / Path(src).name
            assert served == own.read_bytes(), f"{language}/{page.stem}: {src} is not the {language} diagram"
            seen += 1
    assert seen >= 1


@pytest.mark.parametrize("path", ["es/module-3/", "fr/progress/", "ar/module-1/", "ar/module-5/", "ar/progress/"])
def test_translated_and_fallback_pages_pass_an_accessibility_scan(page, demo_all, path):
    from conftest import axe_scan

    page.goto(demo_all + path)
    assert axe_scan(page) == []


PHONE = {"width": 360, "height": 740}


def journey_strings(page) -> dict:
    return page.evaluate("JSON.parse(document.querySelector('meta[name=mkdocs-course]')"
                         ".getAttribute('data-course-journey')).strings")


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_home_page_leads_to_the_certificate_without_the_menu(browser, demo_all, language):
    """360 x 740, one context per language: the start call to action in the
    first screen, then only the buttons each page offers next, each module's
    quiz answered from its YAML, up to the certificate. The menu stays shut."""
    context = browser.new_context(locale=language, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        quizzes = translated_quizzes(language)
        page.goto(f"{demo_all}{language}/")
        t = journey_strings(page)
        cta = page.locator("[data-course-cta]")
        page.wait_for_function("el => el.closest('[data-course-overview]').querySelector("
                               "'[data-course-overview-progress]').hidden === false", arg=cta.element_handle())
        assert cta.inner_text() == t["journey_start"]
        if language == "en":
            assert t["journey_start"] == "Start the course"
        box = cta.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], f"{language}: the start button is below the first screen"
        cta.click()

        for number in range(1, len(MODULES) + 1):
            # the last button led to module `number` (instant navigation swaps the page in)
            page.wait_for_function("n => { const h = document.querySelector('[data-course-module-header]'),"
                                   " q = document.querySelector('[data-course-quiz]');"
                                   " return h && h.getAttribute('data-course-module-header') === 'module-' + n"
                                   " && q && q.mkdocsCourseQuiz; }", arg=number)
            quiz_root = page.locator("[data-course-quiz]")
            quiz_id = quiz_root.get_attribute("data-course-quiz")
            quiz = QuizDriver(page, quiz_id)
            quiz.answer_all(right_answers(quizzes[quiz_id]))
            assert quiz.result.get_attribute("data-course-passed") == "true", f"{language} {quiz_id}"
            step = quiz.root.locator("[data-course-next-step]")
            if number < len(MODULES):
                button = step.locator(f'[data-course-next="module-{number + 1}"]')
                words = button.inner_text()
                assert words.startswith(t["journey_next"].split("{number}")[0]), f"{language}: {words}"
            else:
                assert step.get_attribute("data-course-next-step") == "completed"
                button = step.locator('[data-course-next="certificate"]')
                assert button.inner_text() == t["journey_get_certificate"]
            assert step.locator('[data-course-next="progress"]').is_visible()
            button.scroll_into_view_if_needed()
            button.click()

        page.wait_for_url("**/progress/#course-certificate")
        page.wait_for_function("() => { const p = document.querySelector('[data-course-progress]');"
                               " return p && p.mkdocsCourseProgress; }")
        certificate = show_certificate(page, "Amina Diallo")
        assert certificate.locator("[data-course-certificate-course]").inner_text() == translated_title(language)
        assert not page.locator("#__drawer").is_checked()  # Material's menu was never opened
        assert not errors
    finally:
        context.close()
