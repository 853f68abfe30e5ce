"""The benchmark script runs end to end on a tiny course and reports its figures.

Timing targets live in the benchmark's own output, never here: this only
checks that the script works and that every figure it reports is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "build_bench.py"


@pytest.mark.slow
def test_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--pages", "4", "--repeat", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Ratio plugin / plain" in done.stdout
    assert "warm-up (not counted)" in done.stdout

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["pages"] == 4
    assert figures["repeat"] == 1

    build = figures["build"]
    assert len(build["plugin_seconds"]) == len(build["plain_seconds"]) == 1
    for key in ("plugin_median_seconds", "plain_median_seconds", "ratio", "ratio_target"):
        assert build[key] > 0, key
    assert isinstance(build["pass"], bool)

    runtime = figures["runtime"]
    for key in ("js_gzip_bytes", "css_gzip_bytes", "total_gzip_bytes", "target_gzip_bytes"):
        assert runtime[key] > 0, key
    assert runtime["total_gzip_bytes"] == runtime["js_gzip_bytes"] + runtime["css_gzip_bytes"]
    assert runtime["js_file"].startswith("assets/course/") and runtime["js_file"].endswith(".js")
    assert runtime["css_file"].startswith("assets/course/") and runtime["css_file"].endswith(".css")

    page = figures["quiz_page"]
    assert page["plugin_gzip_bytes"] > 0 and page["plain_gzip_bytes"] > 0
    assert page["difference_gzip_bytes"] == page["plugin_gzip_bytes"] - page["plain_gzip_bytes"]
    assert page["difference_gzip_bytes"] > 0  # the quiz adds markup

    assert figures["material_js"]["gzip_bytes"] > 0

    refs = figures["runtime_references"]
    assert refs["quiz_pages"] == 4
    assert refs["html_pages"] > refs["quiz_pages"]  # index, glossary and 404 have no quiz
    assert refs["pages_referencing_runtime"] == refs["quiz_pages"]
    assert refs["pass"] is True
