"""`bench/all.py` runs every benchmark in one process and ends with one summary
of every speed and size target. Here it runs at its tiny sizes: the test checks
that each target is measured and reported, never whether it is met."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "all.py"
TARGETS = (
    "first build (no cache) / plain MkDocs, CPU",
    "rebuild (cache filled) / plain MkDocs, CPU",
    "all 2 languages / one, cache filled",
    "all 2 languages / one, no cache",
    "serve: a saved quiz shows (2 pages)",
    "quiz page first load, gzip, before search",
    "grading one question of 10, median",
    "quiz runtime JS + CSS, gzip",
)


@pytest.mark.slow
@pytest.mark.browser
def test_one_run_reports_every_target(tmp_path):
    out = tmp_path / "all.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--no-peer", "--json", str(out)],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = done.stdout.split("Targets, all measured in this run", 1)[1]
    for target in TARGETS:
        line = next((line for line in summary.splitlines() if target in line), None)
        assert line is not None, (target, summary)
        assert line.rstrip().endswith(("PASS", "MISS")), line
    assert "of 8 targets met in" in summary
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["build"]["build"]["cold_ratio"] > 0
    assert figures["languages"]["languages"] and figures["serve"]["pages"] == 2
    assert figures["page"]["grading"]["graded"] == 10
    assert figures["page"]["first_load"]["total_gzip_bytes"] > 0
