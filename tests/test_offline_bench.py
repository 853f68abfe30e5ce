"""The offline bench builds a copy of the demo course and reports what a first
visit precaches and the offline copy's size. Here for one language and
without Chromium: it checks the bench still builds the demo as it is (every
folder the course is made of copied) and reports its figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "offline_bench.py"


@pytest.mark.slow
def test_offline_bench_builds_the_demo_and_reports_sizes(tmp_path):
    out = tmp_path / "offline.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--lang", "en", "--no-browser", "--json", str(out)],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    english = figures["languages"]["en"]
    assert english["files"] > 20 and 0 < english["gzip"] < english["bytes"]
    assert figures["offline_zip_bytes"] > 100_000
