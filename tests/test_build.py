"""Build tiny course sites in temporary folders and check what comes out."""

from __future__ import annotations

import re

import pytest
from conftest import build_site
from mkdocs.exceptions import Abort, PluginError
from mkdocs_course.quiz.render import decode_key

QUIZ = """\
    title: A *small* quiz
    questions:
      - id: q1
        type: single
        prompt: Which one?
        options:
          - {id: a, text: This one, correct: true, feedback: Yes.}
          - {id: b, text: That one}
"""


def test_a_placed_quiz_becomes_a_quiz_with_its_runtime(project):
    folder = project(
        pages={
            "index.md": "# Home\n\nNo quiz here.\n",
            "module.md": "# Module\n\nText.\n\n[Quiz: A small quiz](quiz:small)\n\nAfter.\n",
        },
        quizzes={"small.yml": QUIZ},
    )
    site = build_site(folder)
    html = (site / "module" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-quiz="small"' in html
    assert 'data-course-question="q1"' in html
    assert "<em>small</em>" in html  # Markdown in the title
    assert "(quiz:small)" not in html
    assert html.index("data-course-quiz") < html.index("<p>After.</p>")
    scripts = re.findall(r'<script src="([^"]*assets/course/course\.[0-9a-f]{10}\.js)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]*assets/course/course\.[0-9a-f]{10}\.css)"', html)
    assert len(scripts) == 1 and len(styles) == 1
    assert (site / "module" / scripts[0]).resolve().is_file()
    assert (site / "module" / styles[0]).resolve().is_file()
    # a page without a quiz loads no quiz runtime
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/course/course." not in home
    assert "assets/course/site." in home  # the small site-wide accessibility fixes


def test_the_answer_key_is_masked_but_complete(project):
    folder = project(pages={"index.md": "[Quiz: x](quiz:small)\n"}, quizzes={"small.yml": QUIZ})
    html = (build_site(folder) / "index.html").read_text(encoding="utf-8")
    payload = re.search(r"<template data-course-payload>(.*?)</template>", html).group(1)
    import base64
    import json

    data = json.loads(payload)
    assert "Yes." not in html
    key = decode_key(data["key"], base64.b64decode(data["salt"]))
    assert key["q1"]["correct"] == ["a"]
    assert key["q1"]["feedback"] == {"a": "<p>Yes.</p>"}
    assert data["course"] == "tiny" and data["quiz"] == "small"


def test_placement_inside_a_code_fence_is_left_as_code(project):
    page = "# Docs\n\n```markdown\n[Quiz: example](quiz:small)\n```\n\n[Quiz: real](quiz:small)\n"
    folder = project(pages={"index.md": page}, quizzes={"small.yml": QUIZ})
    html = (build_site(folder) / "index.html").read_text(encoding="utf-8")
    assert html.count('data-course-quiz="small"') == 1
    assert "[Quiz: example](quiz:small)" in html


def test_a_page_placing_an_unknown_quiz_names_page_line_and_known_ids(project, caplog):
    folder = project(
        pages={"index.md": "# Home\n\nSome text.\n\n  [Quiz: typo](quiz:smal)\n"},
        quizzes={"small.yml": QUIZ},
    )
    with pytest.raises(Abort):
        build_site(folder)
    assert (
        "course: course/en/index.md:5:21: this page places the quiz 'smal', but no quiz has that id. "
        "Known quiz ids: small. A quiz's id is the 'id' in its file under quizzes/, or else the file name."
    ) in caplog.text


def test_a_quiz_no_page_places_is_a_warning_that_strict_turns_into_failure(project, caplog):
    folder = project(pages={"index.md": "# Home\n"}, quizzes={"small.yml": QUIZ})
    build_site(folder, strict=False)
    assert (
        "quizzes/small.yml: the quiz 'small' is not placed on any page, so learners never see it. "
        "Add a line '[Quiz: A *small* quiz](quiz:small)' to a page, or remove the file."
    ) in caplog.text
    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site(folder, strict=True)


def test_a_broken_quiz_stops_the_build_with_its_message(project):
    folder = project(
        pages={"index.md": "[Quiz: x](quiz:small)\n"},
        quizzes={"small.yml": QUIZ.replace("type: single", "type: singel")},
    )
    from mkdocs.config import load_config

    config = load_config(str(folder / "mkdocs.yml"))
    with pytest.raises(PluginError) as error:
        config.plugins["course"].on_config(config)
    assert str(error.value).startswith(
        "course: quizzes/small.yml:4:11: quiz 'small', question 'q1': unknown question type 'singel'. "
        "Did you mean 'single'?"
    )


def test_plugin_options_are_checked(project):
    folder = project(pages={"index.md": "# Home\n"}, plugin_options="pass_mark: 150\n")
    from mkdocs.config import load_config

    config = load_config(str(folder / "mkdocs.yml"))
    with pytest.raises(PluginError, match="pass_mark is 150; it must be a percentage from 0 to 100"):
        config.plugins["course"].on_config(config)


def test_default_pass_mark_comes_from_the_plugin_option(project):
    folder = project(
        pages={"index.md": "[Quiz: x](quiz:small)\n"},
        quizzes={"small.yml": QUIZ},
        plugin_options="pass_mark: 55\n",
    )
    html = (build_site(folder) / "index.html").read_text(encoding="utf-8")
    assert '"passMark":55' in html
    assert "1 question · pass mark 55%" in html


def test_the_demo_course_builds_strictly(tmp_path):
    from conftest import ROOT

    site = build_site(ROOT, site_dir=tmp_path / "site")
    module = (site / "module-1" / "index.html").read_text(encoding="utf-8")
    assert 'data-course-quiz="why-equality"' in module
    types = set(re.findall(r'data-question-type="([a-z_]+)"', module))
    assert types == {"single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering"}
    # no outside requests: no web fonts, no CDN
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r'<script[^>]+src="(https?:)?//', text)


def test_a_quiz_link_inside_a_sentence_is_an_error_not_a_dead_link(project, caplog):
    page = "# Home\n\nUse `[Quiz: x](quiz:small)` on its own line.\n\nTake the [Quiz: x](quiz:small) now.\n"
    folder = project(pages={"index.md": page}, quizzes={"small.yml": QUIZ})
    with pytest.raises(Abort):
        build_site(folder)
    assert (
        "course: course/en/index.md:5:20: this quiz link shares its line with other text, so it would "
        "reach learners as a dead link. Put '[Quiz: title](quiz:<id>)' on a line of its own to place "
        "the quiz, or write the link inside `backticks` to show it as an example."
    ) in caplog.text


def test_the_readme_error_example_is_what_the_loader_says():
    from conftest import ROOT

    from mkdocs_course.quiz import QuizError, load_quiz

    example = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
                   if line.startswith("quizzes/why-equality.yml:"))
    data = (ROOT / "quizzes" / "why-equality.yml").read_text(encoding="utf-8").replace("type: multiple", "type: multi", 1)
    with pytest.raises(QuizError) as error:
        load_quiz(data.encode("utf-8"), "quizzes/why-equality.yml")
    assert str(error.value) == example


def test_changing_the_default_pass_mark_reaches_a_cached_quiz(project):
    folder = project(pages={"index.md": "[Quiz: x](quiz:small)\n"}, quizzes={"small.yml": QUIZ},
                     plugin_options="pass_mark: 55\n")
    assert '"passMark":55' in (build_site(folder) / "index.html").read_text(encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pass_mark: 55", "pass_mark: 65"), encoding="utf-8")
    html = (build_site(folder) / "index.html").read_text(encoding="utf-8")
    assert '"passMark":65' in html and "pass mark 65%" in html
