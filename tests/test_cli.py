"""The `mkdocs-course` command through its real entry point."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

QUIZ = """\
    title: Tiny
    questions:
      - id: q1
        type: true_false
        prompt: Is this tiny?
        answer: true
"""
PAGES = {"index.md": "# Home\n\n[Quiz: Tiny](quiz:tiny)\n"}


def command(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed"
    return found


def run(args, cwd):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_build_writes_the_site(project, tmp_path):
    folder = project(pages=PAGES, quizzes={"tiny.yml": QUIZ})
    result = run([command("mkdocs-course"), "build", "--strict", "--site-dir", str(tmp_path / "out")], folder)
    assert result.returncode == 0, result.stderr
    assert 'data-course-quiz="tiny"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_build_takes_a_config_file_elsewhere(project, tmp_path):
    folder = project(pages=PAGES, quizzes={"tiny.yml": QUIZ})
    result = run([command("mkdocs-course"), "build", "-f", str(folder / "mkdocs.yml")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (folder / "site" / "index.html").is_file()


def test_a_broken_quiz_fails_with_a_clear_message_and_no_traceback(project):
    folder = project(pages=PAGES, quizzes={"tiny.yml": QUIZ.replace("answer: true", "answer: maybe")})
    result = run([command("mkdocs-course"), "build"], folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    # MkDocs wraps long log lines to the terminal; compare the words
    said = " ".join(result.stderr.split())
    assert "course: quizzes/tiny.yml:6:13: quiz 'tiny', question 'q1': 'answer'" in said
    assert "must be true or false" in said and "'maybe'" in said


def test_a_file_that_is_not_utf8_fails_clearly(project):
    folder = project(pages=PAGES, quizzes={"tiny.yml": b"title: Caf\xe9\nquestions: []\n"})
    result = run([command("mkdocs-course"), "build"], folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    said = " ".join(result.stderr.split())
    assert "quizzes/tiny.yml:1:11:" in said and "not valid UTF-8 text (byte 0xe9" in said


def test_plain_mkdocs_build_keeps_working(project):
    folder = project(pages=PAGES, quizzes={"tiny.yml": QUIZ})
    result = run([command("mkdocs"), "build", "--strict"], folder)
    assert result.returncode == 0, result.stderr
    assert 'data-course-quiz="tiny"' in (folder / "site" / "index.html").read_text(encoding="utf-8")


def test_version_and_help(tmp_path):
    result = run([command("mkdocs-course"), "--version"], tmp_path)
    assert result.returncode == 0 and "mkdocs-course, version" in result.stdout
    result = run([command("mkdocs-course"), "--help"], tmp_path)
    assert "build" in result.stdout and "serve" in result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_serve_rebuilds_when_a_quiz_changes(project):
    folder = project(pages=PAGES, quizzes={"tiny.yml": QUIZ})
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [command("mkdocs-course"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "Is this tiny?" in fetch(url)
        (folder / "quizzes" / "tiny.yml").write_text(textwrap.dedent(QUIZ).replace("tiny?", "small?"), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Is this small?" not in fetch(url):
            assert time.monotonic() < deadline, "serve did not rebuild after the quiz changed"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_new_writes_a_course_that_builds_strictly_at_once(tmp_path):
    result = run([command("mkdocs-course"), "new", "fair-pay"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Wrote a new course in fair-pay/:"
    assert "Next: cd fair-pay && mkdocs-course serve" in result.stdout
    folder = tmp_path / "fair-pay"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[1:] == ["site/", ".cache/"]
    assert 'site_name: "Fair pay"' in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "course_id: fair-pay" in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    built = run([command("mkdocs-course"), "build", "--strict"], folder)
    assert built.returncode == 0, built.stderr
    module = (folder / "site/module-1/index.html").read_text(encoding="utf-8")
    assert 'data-course-quiz="module-1"' in module
    assert "data-course-progress-payload" in (folder / "site/progress/index.html").read_text(encoding="utf-8")
    # the quiz file points editors to a schema that is there
    first = (folder / "quizzes/module-1.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=quiz.schema.json"
    assert (folder / "quizzes/quiz.schema.json").is_file()


def test_new_takes_a_title_and_never_overwrites(tmp_path):
    result = run([command("mkdocs-course"), "new", "--title", 'Safe "work": a course'], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Next: mkdocs-course serve" in result.stdout
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Safe \\"work\\": a course"' in config and "course_id: safe-work-a-course" in config
    (tmp_path / "course/en/index.md").write_text("# Mine\n", encoding="utf-8")
    again = run([command("mkdocs-course"), "new", "."], tmp_path)
    assert again.returncode == 1
    assert "already has mkdocs.yml, .gitignore, course/en/index.md" in again.stderr
    assert "nothing was written" in again.stderr
    assert (tmp_path / "course/en/index.md").read_text(encoding="utf-8") == "# Mine\n"
    assert run([command("mkdocs-course"), "build", "--strict"], tmp_path).returncode == 0
