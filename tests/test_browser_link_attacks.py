"""The standing attack suite, in Chromium: hostile quiz and activity text in a
built course is clicked the way a curious learner would, and no script runs."""

from __future__ import annotations

import pytest
from attacks import attack_activities, attack_quiz, unsafe_addresses
from conftest import build_site, write_project
from quiz_driver import QuizDriver

pytestmark = pytest.mark.browser

WRONG = {"single": "a", "multiple": ["b"], "truth": "false", "blank": "Lyon", "number": "5",
         "match": None, "order": None}


def test_clicking_every_link_of_a_hostile_quiz_runs_no_script(tmp_path, server, page):
    text, fields = attack_quiz()
    write_project(tmp_path, pages={"index.md": "# Attack\n\n[Quiz: Attack](quiz:attack)\n"},
                  quizzes={"attack.yml": text})
    url = server.add(tmp_path / "site")
    build_site(tmp_path, site_url=url)
    page.goto(url)
    page.wait_for_function("document.querySelector('[data-course-quiz=attack]').mkdocsCourseQuiz")
    quiz = QuizDriver(page, "attack")
    for qid, answer in WRONG.items():
        if qid == "match":  # the choices' text holds links too: choose by position
            for select in quiz.question(qid).locator("select").all():
                select.select_option(index=1)
        elif answer is not None:
            quiz.answer(qid, answer)
        quiz.check(qid)  # shows feedback, option feedback and the explanation
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # the hints

    html = page.locator("[data-course-quiz=attack]").evaluate("el => el.outerHTML")
    # every field a learner sees after wrong answers is there, with its link words
    missing = {fields[label] for label in fields if label not in html}
    assert all(field.endswith("/feedback/correct") for field in missing), missing
    assert unsafe_addresses(html) == []

    # the links the quiz text made; the next steps after the result are the
    # course's own links to other pages (their addresses are checked above)
    authored = "[data-course-quiz=attack] a:not([data-course-next-step] a)"
    links = page.locator(authored)
    assert links.count() >= 20
    # a script: address would run on click() as on a real click
    page.evaluate(f"document.querySelectorAll('{authored}').forEach(a => a.click())")
    for index in range(links.count()):
        link = links.nth(index)
        if link.is_visible():
            link.click()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-course-quiz=attack]").count() == 1  # still on the course page


def click_every_link(page, authored: str) -> None:
    """Each link, by script (a script: address would run on click() as on a
    real click) and by the mouse where it can be seen."""
    page.evaluate("s => document.querySelectorAll(s).forEach(a => a.click())", authored)
    links = page.locator(authored)
    for index in range(links.count()):
        link = links.nth(index)
        if link.is_visible():
            link.click()


def test_clicking_every_link_of_hostile_activities_runs_no_script(tmp_path, server, page):
    files, fields = attack_activities()
    write_project(tmp_path, pages={"index.md": "# Attack\n\n[Self-assessment: Check](activity:attack-check)\n\n"
                                               "[Action plan: Plan](activity:attack-plan)\n"},
                  plugin_options="required_activities: [attack-check, attack-plan]\n")
    (tmp_path / "activities").mkdir()
    for name, text in files.items():
        (tmp_path / "activities" / name).write_text(text, encoding="utf-8")
    url = server.add(tmp_path / "site")
    build_site(tmp_path, site_url=url)
    page.goto(url)
    page.wait_for_function("[...document.querySelectorAll('[data-course-activity]')]"
                           ".every(r => r.mkdocsCourseActivity && r.mkdocsCourseActivity !== 'failed')")
    check = page.locator("[data-course-activity=attack-check]")
    for item in ("pay-1", "pay-2", "safety-1", "safety-2"):
        check.locator(f'[data-course-item="{item}"] input[value="yes"]').check()
    check.locator("[data-course-show-results]").click()
    check.locator("[data-course-results]").wait_for(state="visible")
    plan = page.locator("[data-course-activity=attack-plan]")
    for field in plan.locator("[data-course-field]").all():
        field.fill("Done")
    plan.locator("[data-course-next-step]").wait_for(state="visible")

    html = page.locator("article").evaluate("el => el.outerHTML")
    missing = {fields[label] for label in fields if label not in html}
    assert not missing, missing
    assert unsafe_addresses(html) == []
    authored = "[data-course-activity] a:not([data-course-next-step] a)"
    assert page.locator(authored).count() >= 10  # the Markdown fields' (a plan's labels are plain text)
    click_every_link(page, authored)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-course-activity]").count() == 2  # still on the course page

    # the progress page and the certificate name the activities by their titles
    page.goto(url + "progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    page.locator("[data-course-learner-name]").fill("Ada")
    page.locator("[data-course-certificate-form] button[type=submit]").click()
    page.locator("[data-course-certificate]").wait_for(state="visible")
    assert unsafe_addresses(page.content()) == []
    click_every_link(page, "main a[href]:not([href^='http']):not([href^='#']):not([href^='.']):not([href^='/'])")
    assert page.evaluate("window.__pwned") is None
