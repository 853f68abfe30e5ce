"""The page benchmark runs end to end on a tiny course and reports its figures.

Its targets (first-load budget, one frame per grade) are printed by the
benchmark, never checked here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "page_bench.py"


@pytest.mark.slow
@pytest.mark.browser
def test_page_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "page.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--pages", "2", "--questions", "7", "--json", str(out)],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "<= 72 KB" in done.stdout and "< 16 ms" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    load = figures["first_load"]
    kinds = {f["kind"] for f in load["files"]}
    assert {"HTML", "JS", "CSS", "offline worker"} <= kinds and "search index" not in kinds, kinds
    # search's worker and index come only when search is opened
    assert any(p.endswith("/search/search_index.json") for p in load["on_search_files"])
    assert any("/workers/search." in p for p in load["on_search_files"]) and load["on_search_gzip_bytes"] > 0
    assert "when the learner opens search:" in done.stdout
    assert load["total_gzip_bytes"] == sum(f["gzip_bytes"] for f in load["files"]) > 0
    assert any("assets/course/course." in f["path"] for f in load["files"])
    grading = figures["grading"]
    assert grading["questions"] == grading["graded"] == 7
    assert 0 < grading["script_median_ms"] <= grading["median_ms"] <= grading["max_ms"]
