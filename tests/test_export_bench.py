"""The SCORM export benchmark runs end to end on a tiny course and reports
every figure (no target is checked here: the figures are the bench's)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "export_bench.py"


@pytest.mark.slow
def test_export_benchmark_reports_every_figure(tmp_path):
    project = tmp_path / "course"
    shutil.copytree(FIXTURES / "quiz-site", project)
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--project", str(project), "--modules", "20", "--attempts", "2",
         "--json", str(out)],
        capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| 1.2 | en |" in done.stdout and "| 2004 | en |" in done.stdout
    assert "Export time (every language, one command): SCORM 1.2:" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert [(p["version"], p["language"]) for p in figures["packages"]] == [("1.2", "en"), ("2004", "en")]
    assert all(p["bytes"] > 0 for p in figures["packages"])
    synthetic = figures["suspend"]["synthetic, 20 modules"]
    for version, limit in (("1.2", 4096), ("2004", 64000)):
        result = synthetic["result"][version]
        assert 0 < result["size"] <= limit and result["decided"] is True
        assert result["lz"] > 0
    assert figures["suspend"]["course completed"]["result"]["1.2"]["decided"] is True
    assert figures["bridge"]["page_gzip"] < figures["bridge"]["launch_gzip"]
