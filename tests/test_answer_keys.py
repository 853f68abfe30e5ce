"""The answer-key manifest a build keeps for trainers: outside the site,
one file per quiz version and language, older versions kept, equal to the
keys the browser grades with, and never in anything learners receive."""

from __future__ import annotations

import base64
import html
import json
import re
import shutil

import pytest
from conftest import FIXTURES, build_site
from mkdocs_course.quiz.render import decode_key
from test_i18n_build import i18n_site  # noqa: F401  (a fixture: the i18n course built in en, fr and ar)
from trainer_support import run

PAYLOAD = re.compile(r"<template data-course-payload>(.*?)</template>", re.S)


def key_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))


def grading_part(key: dict) -> dict:
    """What C.grade reads of a question's key (feedback and explanations aside)."""
    return {k: v for k, v in key.items() if k not in ("feedback", "explanation", "ok", "no", "rights")}


def assert_no_answer_keys_in(site, answer_keys):
    texts = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert texts, site
    markers = [b"answer-keys", b"mkdocs-course/answer-key", b"mkdocs-course/course-version"]
    for path in answer_keys.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["kind"] != "mkdocs-course/answer-key":
            continue
        for q in data["questions"]:
            markers.append(json.dumps(q["key"], ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            markers.append(json.dumps(q["key"], ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    for path, content in texts.items():
        assert path.suffix != ".json" or path.name in ("mkdocs-course.json", "search_index.json"), path
        for marker in markers:
            assert marker not in content, (path, marker[:80])


def test_a_build_keeps_every_key_outside_the_site_equal_to_the_pages_keys(tmp_path):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    site = build_site(tmp_path)
    keys = tmp_path / "trainer" / "answer-keys"
    files = key_files(keys)
    assert [f for f in files if "/_course/" not in f] == [
        f"test-course/{quiz}/{version}/en.json" for quiz, version in sorted(
            (m["quiz"], m["version"]) for m in json.loads((site / "mkdocs-course.json").read_text())["modules"])]
    assert (keys / "README.md").read_text(encoding="utf-8").startswith("# Answer keys (trainer only)")
    # what the browser grades with, unmasked from the page, equals the manifest
    page = (site / "one" / "index.html").read_text(encoding="utf-8")
    payload = json.loads(PAYLOAD.search(page).group(1))
    browser = decode_key(payload["key"], base64.b64decode(payload["salt"]))
    manifest = json.loads((keys / "test-course" / "all-types" / payload["version"] / "en.json").read_text(encoding="utf-8"))
    assert {q["id"]: q["key"] for q in manifest["questions"]} == {qid: grading_part(k) for qid, k in browser.items()}
    assert manifest["pass_mark"] == payload["passMark"] and manifest["draw"] is None
    assert_no_answer_keys_in(site, keys)


def test_every_language_adds_its_accepted_answers_and_learners_get_none(i18n_site):
    folder, site, _ = i18n_site
    keys = folder / "trainer" / "answer-keys"
    version_dir = next((keys / "tiny-i18n" / "colours").iterdir())
    by_language = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in version_dir.iterdir()}
    assert sorted(by_language) == ["ar", "en", "fr"]
    answers = {code: next(q for q in d["questions"] if q["id"] == "word")["key"]["answers"] for code, d in by_language.items()}
    assert answers == {"en": ["white"], "fr": ["blanc", "blanche"], "ar": ["white"]}
    assert by_language["fr"]["title"] != by_language["en"]["title"]
    assert_no_answer_keys_in(site, keys)


def test_older_versions_are_kept_when_a_quiz_changes(tmp_path):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    build_site(tmp_path)
    quiz = tmp_path / "quizzes" / "second.yml"
    text = quiz.read_text(encoding="utf-8").replace("{id: blue, text: Blue, correct: true}", "{id: blue, text: Blue}")
    quiz.write_text(text.replace("{id: green, text: Green}", "{id: green, text: Green, correct: true}"), encoding="utf-8")
    build_site(tmp_path)
    assert len(list((tmp_path / "trainer" / "answer-keys" / "test-course" / "second").iterdir())) == 2
    assert len(list((tmp_path / "trainer" / "answer-keys" / "test-course" / "_course").iterdir())) == 2


@pytest.mark.parametrize("folder, what", [("site/keys", "the site folder"), ("course", "a folder of pages"), (".", "the site folder")])
def test_a_folder_learners_would_receive_is_refused(tmp_path, folder, what):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("course_id: test-course", f"course_id: test-course\n      answer_keys_dir: {folder}"), encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    inside = {"the site folder": tmp_path / "site", "a folder of pages": tmp_path / "course"}[what]
    assert (
        f"course: answer_keys_dir is {(tmp_path / folder).resolve()}, which is or holds {what} ({inside}), so learners "
        "would receive the right answers. Set answer_keys_dir to a folder outside the site and the pages, such as "
        "the default 'trainer/answer-keys'.") in " ".join(result.stderr.split())
    assert not (tmp_path / "site" / "keys").exists()


def test_the_plain_text_of_prompts_is_kept_for_reports(tmp_path):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    build_site(tmp_path)
    version = next((tmp_path / "trainer" / "answer-keys" / "test-course" / "all-types").iterdir())
    data = json.loads((version / "en.json").read_text(encoding="utf-8"))
    single = data["questions"][0]
    assert single["prompt"] == "Pick the second option." and html.unescape(single["prompt"]) == single["prompt"]
    assert single["options"][0] == {"id": "a", "text": "First option"}


def test_a_rebuild_writes_only_the_keys_that_are_missing_or_changed(tmp_path):
    shutil.copytree(FIXTURES / "quiz-site", tmp_path, dirs_exist_ok=True)
    build_site(tmp_path)
    keys = tmp_path / "trainer/answer-keys"
    files = {p: p.stat().st_mtime_ns for p in keys.rglob("*.json")}
    build_site(tmp_path)
    assert {p: p.stat().st_mtime_ns for p in keys.rglob("*.json")} == files
    # a file removed by hand comes back on the next build, cache or not
    gone = next(p for p in files if "/all-types/" in p.as_posix())
    expected = gone.read_text(encoding="utf-8")
    gone.unlink()
    build_site(tmp_path)
    assert gone.read_text(encoding="utf-8") == expected
