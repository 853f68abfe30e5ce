"""Facilitator notes: never in what learners get, always in the trainer's guide."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import markdown
import pytest

from conftest import axe_scan, write_project
from test_journey_build import build_error

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "mkdocs-course")

QUIZ = """\
id: basics
title: Basics
questions:
  - id: q1
    type: single
    prompt: Which <b>one</b> is right?
    explanation: Because B is what the module says.
    options:
      - id: a
        text: A
      - id: b
        text: B
        correct: true
"""

ONE = """\
# One

Learner text of module one.

<!-- facilitator minutes: 40

**Discuss** SECRET-NOTE-EN-ONE with the group.

<script>alert(1)</script> and [a link](javascript:alert(1)).

-->

[Quiz: Basics](quiz:basics)
"""

TWO = """\
# Two

Learner text of module two.

<!-- facilitator
SECRET-NOTE-EN-TWO, in English only.
-->
"""

ONE_FR = """\
# Un

Texte du module un.

<!-- facilitator minutes: 35
NOTE-SECRETE-FR-UN pour l'animation.
-->

[Quiz: Basics](quiz:basics)
"""


def run(*args, cwd):
    return subprocess.run([CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A two-language course (fr lacks module two) built with the CLI."""
    folder = tmp_path_factory.mktemp("facilitator")
    write_project(folder, pages={"index.md": "# Home\n\nWelcome.\n", "one.md": ONE, "two.md": TWO},
                  quizzes={"basics.yml": QUIZ}, plugin_options="languages:\n  en: English\n  fr: Français\n",
                  extra_config="nav:\n  - index.md\n  - one.md\n  - two.md\n")
    (folder / "course" / "fr").mkdir()
    (folder / "course" / "fr" / "index.md").write_text("# Accueil\n\nBienvenue.\n", encoding="utf-8")
    (folder / "course" / "fr" / "one.md").write_text(ONE_FR, encoding="utf-8")
    (folder / "mkdocs.yml").write_text((folder / "mkdocs.yml").read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    result = run("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder


SECRETS = ("SECRET-NOTE", "NOTE-SECRETE", "facilitator", "Discuss")


def site_texts(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".gz", ".webmanifest"):
            data = path.read_bytes()
            yield path, (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def test_notes_reach_no_page_search_index_sitemap_or_export(course):
    seen = 0
    for path, text in site_texts(course / "site"):
        seen += 1
        for secret in SECRETS[:2]:
            assert secret not in text, path
    assert seen > 10
    assert "Learner text of module one" in (course / "site" / "en" / "one" / "index.html").read_text()
    index = json.loads((course / "site" / "en" / "search" / "search_index.json").read_text())
    assert any("Learner text of module one" in doc["text"] for doc in index["docs"])
    # the fallback page in French brings the learner text, not the notes
    assert "Learner text of module two" in (course / "site" / "fr" / "two" / "index.html").read_text()
    for what in (["offline"], ["scorm", "--version", "2004"]):
        result = run("export", *what, "--out", "dist", cwd=course)
        assert result.returncode == 0, result.stderr
    zips = sorted((course / "dist").glob("*.zip"))
    assert len(zips) == 3
    for archive in zips:
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                text = z.read(name).decode("utf-8", "replace")
                assert "SECRET-NOTE" not in text and "NOTE-SECRETE" not in text, (archive.name, name)


def test_the_block_is_hidden_by_plain_markdown_too():
    # a site built without the course plugin: the notes stay in a comment
    html = markdown.markdown(textwrap.dedent(ONE), output_format="html")
    visible = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    assert "SECRET-NOTE-EN-ONE" in html and "SECRET-NOTE-EN-ONE" not in visible
    assert "Learner text of module one" in visible


def test_the_guide_holds_each_languages_notes_timings_and_answer_keys(course):
    result = run("export", "facilitator", "--out", "guides", cwd=course)
    assert result.returncode == 0, result.stderr
    out = course / "guides"
    assert result.stdout.splitlines() == [
        "Writing the facilitator guide in en…",
        "Writing the facilitator guide in fr…",
        "Wrote guides/tiny-en-facilitator.html (modules: 2, notes: 2, quizzes with their answers: 1).",
        "Wrote guides/tiny-fr-facilitator.html (modules: 2, notes: 2, quizzes with their answers: 1).",
        "Open it in a browser and print it, or save it as PDF (see docs/trainers.md). Keep it from learners.",
    ]
    en = (out / "tiny-en-facilitator.html").read_text(encoding="utf-8")
    fr = (out / "tiny-fr-facilitator.html").read_text(encoding="utf-8")
    assert "SECRET-NOTE-EN-ONE" in en and "SECRET-NOTE-EN-TWO" in en and "Session: 40 min" in en
    assert "Because B is what the module says." in en and "✓ B" in en
    assert "NOTE-SECRETE-FR-UN" in fr and "SECRET-NOTE-EN-ONE" not in fr
    assert "Séance : 35 min" in fr and "Corrigé" in fr
    # module two is not translated: the English notes, marked so
    assert "SECRET-NOTE-EN-TWO" in fr
    assert '<div class="guide-notes" lang="en" data-course-untranslated>' in fr
    assert "Ces notes ne sont pas encore traduites" in fr
    # no author text runs script: raw HTML is text, javascript: links dropped
    assert "<script" not in en and "javascript:" not in en
    assert "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"" in en
    assert "&lt;script&gt;" in en and "Which &lt;b&gt;one&lt;/b&gt; is right?" in en


def test_the_guide_is_readable_printable_and_accessible(course, browser, tmp_path):
    result = run("export", "facilitator", "--lang", "en", "--out", "guides", cwd=course)
    assert result.returncode == 0, result.stderr
    url = (course / "guides" / "tiny-en-facilitator.html").as_uri()
    for width in (390, 1280):
        # the guide's policy allows no script, axe-core's included: bypassed for the scan only
        ctx = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        requests = []
        page = ctx.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(tmp_path / f"guide-{width}.png"), full_page=True)
        assert axe_scan(page) == []
        if width == 1280:
            page.emulate_media(media="print")
            assert page.evaluate("getComputedStyle(document.querySelector('.guide-module')).breakBefore") == "page"
            pdf = page.pdf()
            assert pdf.startswith(b"%PDF")
        assert [r for r in requests if not r.startswith("file://")] == []
        ctx.close()


def test_cli_errors_are_clear(course, tmp_path):
    result = run("export", "facilitator", "--lang", "de", cwd=course)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: site has no build for de (it has en, fr). Build it first: mkdocs-course build --lang de."
    result = run("export", "facilitator", "--site-dir", "nowhere", cwd=course)
    assert result.stderr.strip() == "Error: nowhere holds no built course. Build the course first: mkdocs-course build."
    result = run("export", "facilitator", "--out", "site/en/guide", cwd=course)
    assert result.stderr.strip() == (
        f"Error: --out site/en/guide is inside the built site (site), so learners would receive the guide and its "
        "answer keys. Choose a folder outside it, such as the default 'dist'."
    )
    (course / "taken").mkdir(exist_ok=True)
    (course / "taken" / "tiny-en-facilitator.html").write_text("my own notes", encoding="utf-8")
    result = run("export", "facilitator", "--out", "taken", cwd=course)
    assert result.stderr.strip() == (
        "Error: taken/tiny-en-facilitator.html exists and is not a facilitator guide, so it is not overwritten. "
        "Move it away, or choose another folder with --out."
    )
    assert (course / "taken" / "tiny-en-facilitator.html").read_text() == "my own notes"
    result = run("export", "facilitator", cwd=tmp_path)
    assert result.stderr.strip() == (
        "Error: mkdocs.yml is not here, so the answer keys cannot be found. Run this in the course's folder, "
        "or give --config-file or --answer-keys."
    )


@pytest.mark.parametrize("text, message", [
    ("# P\n\n<!-- facilitator\nNever closed.\n", "course/en/p.md:3:1: the facilitator notes opened here are never closed, so the rest of the page would be hidden. End them with a line holding only '-->'."),
    ("---\ntitle: P\n---\n# P\n\n<!-- facilitator 45\nx\n-->\n", "course/en/p.md:6:1: the line that opens facilitator notes has '45' after 'facilitator'. Expected nothing, or the session's minutes as 'minutes: 45' (a whole number from 1 to 600)."),
    ("# P\n\n<!-- facilitator\nA --> B\n-->\n", "course/en/p.md:4:3: the facilitator notes opened at line 3 hold '-->' inside a line. That ends an HTML comment, so without the course plugin the rest would show to learners. Write '→' (or '- ->') instead, and end the notes with a line holding only '-->'."),
    ("# P\n\n<!-- facilitator Only a note -->\n", "course/en/p.md:3:1: facilitator notes open and close on one line. Put the notes on the lines after '<!-- facilitator' and end them with a line holding only '-->'."),
])
def test_bad_notes_stop_the_build_with_their_place(tmp_path, caplog, text, message):
    write_project(tmp_path, pages={"p.md": text})
    assert build_error(tmp_path, caplog) == f"course: {message}"


def test_notes_inside_fenced_code_are_page_text(tmp_path):
    from mkdocs_course.facilitator.notes import split_notes

    page = "# P\n\n```\n<!-- facilitator\n```\n\nText.\n"
    assert split_notes(page) == (page, [])


def test_the_demo_keeps_notes_out_of_its_site_and_in_every_guide(tmp_path):
    import shutil

    for name in ("mkdocs.yml", "course", "quizzes", "activities", "translations"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, tmp_path / name)
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for path, text in site_texts(tmp_path / "site"):
        assert "Answers to expect" not in text and "Respuestas esperadas" not in text, path
        assert "Réponses attendues" not in text and "الإجابات المتوقعة" not in text, path
    result = run("export", "facilitator", "--out", "guides", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expect = {"en": "Answers to expect", "es": "Respuestas esperadas", "fr": "Réponses attendues", "ar": "الإجابات المتوقعة"}
    for code, words in expect.items():
        guide = (tmp_path / "guides" / f"equality-at-work-{code}-facilitator.html").read_text(encoding="utf-8")
        assert guide.count('class="guide-note"') == 6, code
        assert words in guide, code
        assert guide.count('class="guide-quiz"') == 6, code
        # fair-hr's numeric question: 20, within 0.5, written as the language writes numbers
        assert ("± 0,5" if code in ("es", "fr") else "± 0.5") in guide, code
