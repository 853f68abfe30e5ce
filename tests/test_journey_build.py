"""The journey as the build writes it: page ids, pages to read, study time,
the course overview block, module headers and the progress line; and the
messages an author gets for front matter or blocks the course cannot use."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from mkdocs.exceptions import Abort
from mkdocs_course.progress import course_version
from mkdocs_course.progress.pages import (
    PageError,
    PageSettings,
    check_translation,
    derived_id,
    page_settings,
    page_words,
    study_minutes,
)
from conftest import build_site
from test_progress_build import quiz_file

def build_error(folder, caplog) -> str:
    """The message a failed build ends with (MkDocs may first say which page it was reading)."""
    caplog.clear()
    with pytest.raises(Abort):
        build_site(folder)
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR"][-1]


READING = "---\ncourse: {required: true}\n---\n\n# Welcome\n\nRead this first.\n"
NAV = """\
nav:
  - Home: index.md
  - Welcome: welcome.md
  - "Module 2": one.md
  - "Module 3": two.md
  - My progress: progress.md
"""


def journey(html: str) -> dict:
    meta = re.search(r"<meta name=\"mkdocs-course\"[^>]*data-course-journey='([^']*)'", html).group(1)
    return json.loads(unescape(meta))


@pytest.fixture
def course(project):
    folder = project(
        pages={
            "index.md": "# Home\n\nWelcome.\n\n[Course overview](course:overview)\n",
            "welcome.md": READING,
            "one.md": "# Module 2\n\n" + "word " * 1254 + "\n\n[Quiz: One](quiz:one)\n",
            "two.md": "---\ncourse: {minutes: 45}\n---\n\n# Module 3\n\n[Quiz: Two](quiz:two)\n",
        },
        quizzes={"one.yml": quiz_file("One"), "two.yml": quiz_file("Two")},
        nav=NAV,
    )
    return build_site(folder)


def test_modules_are_the_pages_that_count_in_navigation_order(course):
    html = (course / "one" / "index.html").read_text(encoding="utf-8")
    data = journey(html)
    assert [(m["id"], m["url"], m["quizzes"], m["required"], m["reading"], m["number"]) for m in data["modules"]] == [
        ("welcome", "welcome/", [], [], True, 1),
        ("one", "one/", ["one"], ["one"], False, 2),
        ("two", "two/", ["two"], ["two"], False, 3),
    ]
    assert data["total"] == 3 and data["progress"] == "progress/" and data["title"] == "Tiny course"
    # the module header, before the page's title; the progress line before it
    header = re.search(r'<p class="course-step" id="course-module-start" data-course-module-header="one"[^>]*>.*?</p>', html).group(0)
    assert re.sub(r"<[^>]+>", "", header) == "Module 2 of 3about 12 minutes "
    assert html.index("data-course-indicator") < html.index("data-course-module-header") < html.index("<h1")
    # 1,254 words of English at the study speed, and a one-question quiz
    assert study_minutes(1254 + 2, "en", 1) == 12
    two = (course / "two" / "index.html").read_text(encoding="utf-8")
    assert "about 45 minutes" in two  # set in the front matter


def test_a_page_to_read_ends_with_its_marker_and_counts_for_the_certificate(course):
    welcome = (course / "welcome" / "index.html").read_text(encoding="utf-8")
    assert '<aside class="course-reading" data-course-reading="welcome"' in welcome
    assert "<!-- course-reading-end -->" not in welcome
    assert "data-course-reading" not in (course / "one" / "index.html").read_text(encoding="utf-8")
    progress = (course / "progress" / "index.html").read_text(encoding="utf-8")
    assert '<li class="course-module" data-course-page="welcome" data-course-status="not-read">' in progress
    assert "data-course-indicator" not in progress  # My progress says it itself
    manifest = json.loads((course / "mkdocs-course.json").read_text(encoding="utf-8"))
    assert manifest["readings"] == ["welcome"]
    assert [(p["id"], p["reading"], p["module"]) for p in manifest["pages"]] == [
        ("index", False, None), ("welcome", True, 1), ("one", False, 2), ("two", False, 3), ("progress", False, None)]
    versions = {m["quiz"]: m["version"] for m in manifest["modules"]}
    assert manifest["course"]["version"] == course_version(versions, ["welcome"]) != course_version(versions)


def test_the_overview_block_lists_every_module_with_its_time(course):
    home = (course / "index.html").read_text(encoding="utf-8")
    assert "course:overview" not in home and "data-course-indicator" not in home
    assert '<a class="course-button course-cta" href="welcome/" data-course-cta="welcome">Start the course</a>' in home
    steps = re.findall(r'data-course-step="([^"]+)"', home)
    assert steps == ["welcome", "one", "two"]
    assert re.search(r'<p class="course-overview__facts">3 modules · about 5\d minutes</p>', home)


def test_the_footer_and_the_certificate_take_the_course_brand(project):
    folder = project(
        pages={"index.md": "[Quiz: One](quiz:one)\n", "logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
        quizzes={"one.yml": quiz_file("One")},
        plugin_options="certificate: {organisation: Tiny Org}\n",
    )
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "  font: false\n", "  font: false\n  logo: logo.svg\n  palette: {primary: deep purple, accent: amber}\n")
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = build_site(folder)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<div class="md-copyright"><p class="course-footer"><strong>Tiny course</strong> · Tiny Org</p>' in home
    progress = (site / "progress" / "index.html").read_text(encoding="utf-8")
    assert '<img class="course-certificate__logo" src="../logo.svg" alt="">' in progress
    brand = json.loads((site / "mkdocs-course.json").read_text(encoding="utf-8"))["brand"]
    assert brand == {"title": "Tiny course", "organisation": "Tiny Org", "logo": "logo.svg",
                     "primary": "deep-purple", "accent": "amber", "theme_color": "#7e56c2"}


# -- page ids and front matter ------------------------------------------------------


@pytest.mark.parametrize(("path", "page_id"), [
    ("module-3.md", "module-3"), ("index.md", "index"), ("part-2/index.md", "part-2"),
    ("part-2/safety.md", "part-2-safety"), ("módulo uno.md", "modulo-uno"), ("Read Me/README.md", "Read-Me"),
])
def test_a_page_id_comes_from_its_path(path, page_id):
    assert derived_id(path) == page_id


def test_a_path_with_no_latin_letter_gets_a_stable_hashed_id():
    assert re.fullmatch(r"page-[0-9a-f]{8}", derived_id("وحدة.md"))
    assert derived_id("وحدة.md") == derived_id("وحدة.md") != derived_id("درس.md")


@pytest.mark.parametrize(("meta", "message"), [
    ({"course": 5}, "course/en/a.md: the front matter's 'course' is '5'; it must be a mapping, for example 'course: {required: true}'."),
    ({"course": {"requird": True}}, "course/en/a.md: the front matter's 'course' has the key 'requird', which the course does not know. Known keys: id, required, minutes."),
    ({"course": {"id": "two words"}}, "course/en/a.md: the front matter's 'course.id' is 'two words'; a page id is 1 to 64 letters (A-Z, a-z), digits, '-' or '_', starting with a letter or digit, for example 'safety-basics'."),
    ({"course": {"required": "yes"}}, "course/en/a.md: the front matter's 'course.required' is 'yes'; write true (reading this page is required to complete the course) or false."),
    ({"course": {"minutes": 0}}, "course/en/a.md: the front matter's 'course.minutes' is '0'; write a whole number of minutes from 1 to 600, for example 'minutes: 15', or leave it out to have it estimated."),
])
def test_front_matter_the_course_cannot_use_is_refused_with_advice(meta, message):
    with pytest.raises(PageError) as error:
        page_settings("a.md", meta, "course/en/a.md")
    assert str(error.value) == message


def test_a_translation_keeps_its_source_pages_id_and_rule():
    source = PageSettings("welcome", True)
    check_translation(source, PageSettings("welcome", True, 9), "course/fr/a.md", "course/en/a.md")
    with pytest.raises(PageError) as error:
        check_translation(source, PageSettings("bienvenue", True), "course/fr/a.md", "course/en/a.md")
    assert str(error.value) == (
        "course/fr/a.md: the front matter's 'course.id' is 'bienvenue', but course/en/a.md says 'welcome'. "
        "Progress is shared by every language, so a translation keeps the source page's 'course.id': "
        "copy it, or leave it out of the translation.")


def test_study_time_counts_words_in_the_pages_language():
    assert page_words("<p>Un deux <em>trois</em></p><script>var x = 1;</script>", "fr") == 3
    assert page_words("<p>日本語の文章</p>", "ja") == 6  # a character each
    assert study_minutes(1700, "en") == 14
    assert study_minutes(1700, "ar") > study_minutes(1700, "en")  # Arabic is read more slowly (IReST)
    assert study_minutes(0, "en") == 1 and study_minutes(10, "en", 7) == 8


# -- what the build refuses -----------------------------------------------------------


def test_an_unknown_course_block_is_refused_where_it_is(project, caplog):
    folder = project(pages={"index.md": "# Home\n\n[Overview](course:overveiw)\n"})
    assert build_error(folder, caplog) == (
        "course: course/en/index.md:3:19: this page places the course block 'overveiw', but there is no such "
        "block. Known blocks: overview, for example '[Course overview](course:overview)'.")


def test_a_course_link_inside_a_sentence_is_refused(project, caplog):
    folder = project(pages={"index.md": "# Home\n\nSee the [overview](course:overview) here.\n"})
    assert build_error(folder, caplog) == (
        "course: course/en/index.md:3:20: this course link shares its line with other text, so it would reach "
        "learners as a dead link. Put '[Course overview](course:overview)' on a line of its own to place the "
        "overview, or write the link inside `backticks` to show it as an example.")


def test_two_pages_with_one_id_are_refused(project, caplog):
    folder = project(pages={"a-b.md": "# One\n", "a/b.md": "# Two\n"})
    assert build_error(folder, caplog) == (
        "course: course/en/a/b.md and course/en/a-b.md both have the page id 'a-b', so their reading progress "
        "would be mixed up. Give one of them its own id in its front matter, for example 'course: {id: a-b-2}'.")


def test_required_pages_must_name_pages_of_the_course(project, caplog):
    folder = project(pages={"index.md": "# Home\n", "safety.md": "# Safety\n"}, plugin_options="required_pages: [safty]\n")
    assert build_error(folder, caplog) == (
        "course: required_pages lists 'safty', but no page has that id. A page's id is the 'course.id' of its "
        "front matter, else its path without '.md' (module-3.md: module-3). Page ids: index, progress, safety.")


def test_required_pages_make_a_page_to_read(project):
    folder = project(pages={"index.md": "# Home\n", "safety.md": "# Safety\n\nText.\n"}, plugin_options="required_pages: [safety]\n")
    site = build_site(folder)
    assert 'data-course-reading="safety"' in (site / "safety" / "index.html").read_text(encoding="utf-8")
    assert journey((site / "index.html").read_text(encoding="utf-8"))["modules"][0]["reading"] is True


def test_the_script_on_every_page_stays_small():
    import gzip

    from mkdocs_course.runtime import nav_script

    # attempts.js + nav.js were 2.0 KB gzipped; the journey brings it to about 5 KB
    assert len(gzip.compress(nav_script().content, 9)) < 5600
