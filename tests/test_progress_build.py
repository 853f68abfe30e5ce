"""Progress and certificates at build time: the course outline, the generated
"My progress" page, navigation marks, the course version, the plugin's
options and their error messages, and the file formats' schemas."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from conftest import FIXTURES, build_site
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs_course.progress import (
    EXPORT_SCHEMA,
    RECORD_SCHEMA,
    PlacedPage,
    build_outline,
    certificate_id,
    course_version,
    file_schemas,
)
from mkdocs_course.progress.outline import OutlineError
from mkdocs_course.quiz import load_quiz

QUIZ = """\
    title: {title}
    questions:
      - id: q1
        type: single
        prompt: Which one?
        options:
          - {{id: a, text: This one, correct: true}}
          - {{id: b, text: That one}}
"""


def quiz_file(title: str) -> str:
    return QUIZ.format(title=title)


def payload(html: str) -> dict:
    found = re.search(r"<template data-course-progress-payload>(.*?)</template>", html, re.DOTALL)
    return json.loads(found.group(1))


@pytest.fixture
def progress_site(tmp_path):
    """tests/fixtures/progress-site copied to a temporary folder (not built)."""
    folder = tmp_path / "progress-site"
    shutil.copytree(FIXTURES / "progress-site", folder)
    return folder


@pytest.fixture
def built(progress_site):
    return build_site(progress_site)


# -- the outline -----------------------------------------------------------------


def test_the_outline_follows_the_navigation_with_pass_marks_and_required_flags(built, progress_site):
    data = payload((built / "progress" / "index.html").read_text(encoding="utf-8"))
    first = load_quiz((progress_site / "quizzes/first.yml").read_bytes(), "quizzes/first.yml", default_pass_mark=50)
    second = load_quiz((progress_site / "quizzes/second.yml").read_bytes(), "quizzes/second.yml", default_pass_mark=50)
    assert data["course"] == "progress-course"
    assert data["title"] == "Progress test course"
    assert [(m["quiz"], m["title"], m["href"], m["passMark"], m["required"]) for m in data["modules"]] == [
        ("first", "Module 1", "../one/", 50, True),
        ("second", "Module 2", "../two/", 100, True),
        ("third", "Extra", "../three/", 50, False),
    ]
    assert data["modules"][0]["version"] == first.version
    # the course version covers the required quizzes only
    assert data["version"] == course_version({"first": first.version, "second": second.version})
    assert data["generator"].startswith("mkdocs-course ")
    assert data["strings"]["certificate_title"] == "Certificate of completion"


def test_pages_outside_the_navigation_come_last_and_a_page_with_two_quizzes_names_both():
    quizzes = {
        name: load_quiz(quiz_file(title).encode(), f"quizzes/{name}.yml")
        for name, title in (("a", "Alpha *quiz*"), ("b", "Beta"), ("c", "Gamma"))
    }
    pages = [
        PlacedPage("one.md", "one/", "One", ("a", "b")),
        PlacedPage("two.md", "two/", "Two", ("a",)),  # placed again: counted once
        PlacedPage("extra.md", "extra/", "", ("c",)),  # no title: the quiz title
    ]
    outline = build_outline("c1", "Course", pages, quizzes)
    assert [(m.quiz_id, m.title, m.url, m.required) for m in outline.modules] == [
        ("a", "One: Alpha quiz", "one/", True),
        ("b", "One: Beta", "one/", True),
        ("c", "Gamma", "extra/", True),
    ]
    assert outline.quizzes_by_page() == {"one/": ("a", "b"), "extra/": ("c",)}
    with pytest.raises(OutlineError) as error:
        build_outline("c1", "Course", pages[:1], quizzes, required=["a", "c"])
    assert str(error.value) == (
        "required lists 'c', but no page places it, so no learner could complete the course. "
        "Place each required quiz on a page, or remove it from required."
    )


def test_the_course_version_changes_with_a_required_quiz_only():
    def quiz(text):
        return load_quiz(text.encode(), "quizzes/x.yml")

    a = quiz(quiz_file("A"))
    a_typo = quiz(quiz_file("A").replace("Which one?", "Which one ?"))
    a_new_key = quiz(quiz_file("A").replace("correct: true}", "}").replace("That one}", "That one, correct: true}"))
    b, b_changed = quiz(quiz_file("B")), quiz(quiz_file("B") + "    pass_mark: 90\n")
    pages = [PlacedPage("a.md", "a/", "A", ("a",)), PlacedPage("b.md", "b/", "B", ("b",))]

    def version(qa, qb):
        return build_outline("c", "C", pages, {"a": qa, "b": qb}, required=["a"]).version

    base = version(a, b)
    assert re.fullmatch(r"[0-9a-f]{12}", base)
    assert version(a_typo, b) == base  # a typo fix keeps the version
    assert version(a, b_changed) == base  # an optional quiz does not count
    assert version(a_new_key, b) != base


def test_the_certificate_id_is_a_short_hash_of_what_it_rests_on():
    made = certificate_id("course", "0123456789ab", "  Amina   Diallo ", ["z-2", "a-1"])
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", made)
    assert made == certificate_id("course", "0123456789ab", "Amina Diallo", ["a-1", "z-2"])
    assert made != certificate_id("course", "0123456789ab", "Amina Diallo", ["a-1", "z-3"])
    assert made != certificate_id("course", "ffffffffffff", "Amina Diallo", ["a-1", "z-2"])


# -- the generated page and the navigation ----------------------------------------


def test_the_progress_page_is_generated_with_its_own_runtime(built):
    html = (built / "progress" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="my-progress">My progress</h1>' in html
    assert "<!-- course-progress -->" not in html
    assert 'data-course-progress>' in html
    scripts = re.findall(r'<script src="([^"]*assets/course/progress\.[0-9a-f]{10}\.js)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]*assets/course/progress\.[0-9a-f]{10}\.css)"', html)
    assert len(scripts) == 1 and len(styles) == 1
    assert (built / "progress" / scripts[0]).resolve().is_file()
    assert "assets/course/course." not in html  # not the quiz runtime
    # the progress runtime is only on the progress page
    for page in ("index.html", "one/index.html", "two/index.html"):
        assert "assets/course/progress." not in (built / page).read_text(encoding="utf-8")
    # the certificate's fixed text comes from mkdocs.yml, the rest from the browser
    assert '<p class="course-certificate__organisation">Test Training Centre</p>' in html
    assert '<img class="course-certificate__logo" src="../images/logo.svg" alt="">' in html
    assert '<p class="course-certificate__signature-name">Ada Trainer</p><p class="course-certificate__signature-role">Course lead</p>' in html
    assert "generated by the learner&#39;s own web browser from the results of self-check quizzes" in html
    assert "Done so far: 0 of 2." in html


def nav_map(html: str) -> tuple[dict, str]:
    meta = re.search(r'<meta name="mkdocs-course"[^>]*>', html).group(0)
    root = re.search(r'data-course-root="([^"]*)"', meta).group(1)
    return json.loads(unescape(re.search(r'data-course-nav="([^"]*)"', meta).group(1))), root


def test_pages_name_the_quiz_pages_for_the_navigation_marks(built):
    html = (built / "two" / "index.html").read_text(encoding="utf-8")
    assert nav_map(html) == ({"one/": "first", "two/": "second", "three/": "third"}, "..")
    assert '<meta name="mkdocs-course" content="progress-course" data-course-nav-passed="passed"' in html
    assert "data-course-nav-quiz=" not in html  # the links are found in the browser, not rewritten
    nav_js = re.findall(r'<script src="([^"]*assets/course/nav\.[0-9a-f]{10}\.js)"', html)
    assert len(nav_js) == 1
    home = (built / "index.html").read_text(encoding="utf-8")
    assert nav_map(home)[1] == "."
    assert "assets/course/nav." in home


def test_a_page_placing_two_quizzes_is_marked_when_both_pass(project):
    folder = project(
        pages={"index.md": "# Home\n", "both.md": "# Both\n\n[Quiz: a](quiz:a)\n\n[Quiz: b](quiz:b)\n"},
        quizzes={"a.yml": quiz_file("Alpha"), "b.yml": quiz_file("Beta")},
    )
    site = build_site(folder)
    assert nav_map((site / "index.html").read_text(encoding="utf-8"))[0] == {"both/": "a b"}
    data = payload((site / "progress" / "index.html").read_text(encoding="utf-8"))
    assert [m["title"] for m in data["modules"]] == ["Both: Alpha", "Both: Beta"]


def test_a_course_without_quizzes_says_so(project):
    site = build_site(project(pages={"index.md": "# Home\n"}))
    html = (site / "progress" / "index.html").read_text(encoding="utf-8")
    assert "This course has no quizzes yet." in html
    assert 'name="mkdocs-course"' not in html


def test_certificate_text_from_the_options_is_escaped(project):
    folder = project(
        pages={"index.md": "[Quiz: x](quiz:small)\n"},
        quizzes={"small.yml": quiz_file("Small")},
        plugin_options="""\
            progress_page: me/progress.md
            certificate:
              title: Certificate <b>of</b> merit
              wording: finished the training
              organisation: A & B <Ltd>
              signatures:
                - name: Ada
        """,
    )
    site = build_site(folder)
    html = (site / "me" / "progress" / "index.html").read_text(encoding="utf-8")
    assert ">Certificate &lt;b&gt;of&lt;/b&gt; merit</h3>" in html
    assert '<p class="course-certificate__wording">finished the training</p>' in html
    assert '<p class="course-certificate__organisation">A &amp; B &lt;Ltd&gt;</p>' in html
    assert '<p class="course-certificate__signature-name">Ada</p></div>' in html  # no empty role
    assert "course-certificate__logo" not in html
    assert 'id="course-module-small" href="../.."' in html  # module links are relative to the page


# -- options and their messages ------------------------------------------------------


def build_error(folder: Path, caplog) -> str:
    """The one error a failed build printed (MkDocs logs a PluginError, then aborts)."""
    caplog.clear()
    with pytest.raises(Abort):
        build_site(folder)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    return errors[0]


def test_required_must_name_known_quizzes(project, caplog):
    folder = project(
        pages={"index.md": "[Quiz: x](quiz:small)\n"},
        quizzes={"small.yml": quiz_file("Small"), "other.yml": quiz_file("Other")},
        plugin_options="required: [small, smal, nope]\n",
    )
    assert build_error(folder, caplog) == (
        "course: required lists 'smal', 'nope', but no quiz has those ids. Known quiz ids: other, small."
    )


def test_required_cannot_be_empty(project, caplog):
    folder = project(pages={"index.md": "# Home\n"}, plugin_options="required: []\n")
    assert build_error(folder, caplog) == (
        "course: required is an empty list, so every learner would complete the course without passing "
        "a quiz. List the ids of the quizzes a learner must pass, or leave required out to require every quiz."
    )


def test_a_required_quiz_must_be_placed(project, caplog):
    folder = project(
        pages={"index.md": "[Quiz: x](quiz:small)\n"},
        quizzes={"small.yml": quiz_file("Small"), "other.yml": quiz_file("Other")},
        plugin_options="required: [small, other]\n",
    )
    assert build_error(folder, caplog) == (
        "course: required lists 'other', but no page places it, so no learner could complete the "
        "course. Place each required quiz on a page, or remove it from required."
    )


@pytest.mark.parametrize("value", ["progress.txt", "../progress.md", "/progress.md"])
def test_the_progress_page_must_be_a_markdown_page_in_the_docs(project, value, caplog):
    folder = project(pages={"index.md": "# Home\n"}, plugin_options=f"progress_page: {value}\n")
    assert build_error(folder, caplog) == (
        f"course: progress_page is '{value}'; it must be the path of a Markdown page inside the docs "
        "folder, ending in .md, for example progress.md."
    )


def test_the_progress_page_does_not_overwrite_an_authors_page(project, caplog):
    folder = project(pages={"index.md": "# Home\n", "progress.md": "# Mine\n"})
    assert build_error(folder, caplog) == (
        "course: progress_page is 'progress.md', but course/en/progress.md already exists. The course "
        "writes that page itself: rename your page, or set progress_page to another path."
    )


def test_the_certificate_logo_must_exist(project, caplog):
    folder = project(pages={"index.md": "# Home\n"}, plugin_options="certificate:\n  logo: images/logo.png\n")
    assert build_error(folder, caplog) == (
        "course: certificate.logo is 'images/logo.png', but course/en/images/logo.png does not exist. "
        "Give the path of an image inside course/en/, for example images/logo.svg."
    )


def test_a_signature_needs_a_name(project):
    folder = project(pages={"index.md": "# Home\n"}, plugin_options="certificate:\n  signatures:\n    - role: Lead\n")
    with pytest.raises(Abort):
        load_config(str(folder / "mkdocs.yml"))


# -- file formats ---------------------------------------------------------------------


def test_the_file_formats_are_valid_json_schemas():
    from jsonschema import Draft202012Validator

    record = json.loads(RECORD_SCHEMA.read_text(encoding="utf-8"))
    export = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    for schema in (record, export):
        Draft202012Validator.check_schema(schema)
        assert schema["properties"]["schema"]["const"] == 2
    # schema 1 (before pages to read) is schema 2 without pages; import still reads it
    for schema in file_schemas(1):
        Draft202012Validator.check_schema(schema)
        assert schema["properties"]["schema"]["const"] == 1 and "pages" not in schema["properties"]
    assert record["properties"]["kind"]["const"] == "mkdocs-course/completion-record"
    assert export["properties"]["kind"]["const"] == "mkdocs-course/progress"


def test_the_demo_course_has_a_progress_page_with_every_quiz(tmp_path):
    from conftest import ROOT

    site = build_site(ROOT, site_dir=tmp_path / "site")
    data = payload((site / "progress" / "index.html").read_text(encoding="utf-8"))
    placed = set()
    for page in (ROOT / "course" / "en").glob("*.md"):
        placed |= set(re.findall(r"^\[[^\]]*\]\(quiz:([^)\s]+)\)\s*$", page.read_text(encoding="utf-8"), re.M))
    assert {m["quiz"] for m in data["modules"]} == placed
    module = (site / "module-1" / "index.html").read_text(encoding="utf-8")
    assert nav_map(module)[0]["module-1/"] == "why-equality"
