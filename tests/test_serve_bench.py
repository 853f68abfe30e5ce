"""The serve benchmark runs end to end on a tiny course: it starts `serve`,
saves a quiz and a page, and reports how long the open page took to show
each. Its target (under 1 s) is printed by the benchmark, never checked here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "serve_bench.py"
CASES = ("plain MkDocs, a page saved", "mkdocs-course, a page saved", "mkdocs-course, a quiz saved")


@pytest.mark.slow
@pytest.mark.browser
def test_serve_benchmark_times_a_saved_quiz_and_page(tmp_path):
    out = tmp_path / "serve.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--pages", "3", "--repeat", "1", "--json", str(out)],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "a saved quiz shows in under 1 s:" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    for case in CASES:
        assert len(figures[case]["times_s"]) == 1 and 0 < figures[case]["median_s"] < 120, figures[case]
        assert case in done.stdout
