"""The build manifest every build writes for exports (export/manifest.py)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import FIXTURES, build_site
from mkdocs_course.errors import CourseError
from mkdocs_course.export.manifest import FILE, find_sites, read_site
from test_cli import command


def test_a_build_describes_its_course_modules_and_questions(tmp_path):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    site = build_site(tmp_path)
    built = read_site(site)
    assert built.course_id == "test-course" and built.language == "en"
    assert built.data["direction"] == "ltr" and built.data["progress_page"] == "progress/"
    modules = {m["quiz"]: m for m in built.modules}
    assert modules["all-types"]["url"] == "one/" and modules["all-types"]["required"] is True
    assert [q["type"] for q in modules["all-types"]["questions"]] == [
        "single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering"]
    assert [p["url"] for p in built.data["pages"]][:2] == ["", "one/"]
    # course version: the same hash the progress page and certificates use
    progress = (site / "progress/index.html").read_text(encoding="utf-8")
    assert built.data["course"]["version"] in progress
    # no answer key: only these names appear as keys anywhere in it
    def keys(value):
        if isinstance(value, dict):
            for name, inner in value.items():
                yield name
                yield from keys(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from keys(inner)

    assert set(keys(json.loads((site / FILE).read_text(encoding="utf-8")))) == {
        "schema", "kind", "generator", "course", "id", "title", "version", "language", "direction",
        "source_language", "languages", "en", "progress_page", "pages", "url", "quizzes", "modules", "quiz",
        "pass_mark", "required", "draw", "questions", "type", "options", "choices", "reading", "module", "minutes",
        "readings", "activities", "required_activities", "required_pages", "brand", "organisation", "logo", "primary", "accent", "theme_color"}


def test_every_language_has_its_manifest_in_the_course_order(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    result = subprocess.run([command("mkdocs-course"), "build"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    sites = find_sites(tmp_path / "site")
    assert [s.language for s in sites] == ["en", "fr", "ar"]
    assert [s.data["direction"] for s in sites] == ["ltr", "ltr", "rtl"]
    assert {s.data["course"]["version"] for s in sites} == {sites[0].data["course"]["version"]}
    assert [s.language for s in find_sites(tmp_path / "site", ["ar", "en"])] == ["ar", "en"]
    with pytest.raises(CourseError) as error:
        find_sites(tmp_path / "site", ["es"])
    assert str(error.value) == (
        f"{tmp_path / 'site'} has no build for es (it has en, fr, ar). Build it first: mkdocs-course build --lang es.")


def test_a_folder_that_is_not_a_build_is_named(tmp_path):
    with pytest.raises(CourseError) as error:
        find_sites(tmp_path)
    assert str(error.value) == f"{tmp_path} holds no built course. Build the course first: mkdocs-course build."
    (tmp_path / FILE).write_text(json.dumps({"kind": "something else"}), encoding="utf-8")
    with pytest.raises(CourseError, match="is not a build manifest"):
        read_site(tmp_path)
    (tmp_path / FILE).write_text("{", encoding="utf-8")
    with pytest.raises(CourseError, match="cannot be read"):
        read_site(tmp_path)
