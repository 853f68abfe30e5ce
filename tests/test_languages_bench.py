"""The multilingual benchmark runs end to end on a tiny course and reports its figures.

Timing targets live in the benchmark's own output, never here: this only
checks that the script works, that every figure it reports is there, and
that each language's search index holds only that language's pages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "languages_bench.py"


@pytest.mark.slow
def test_languages_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "languages-bench.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--pages", "3", "--languages", "3", "--repeat", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warm-up (not counted)" in done.stdout
    assert "Ratio all / one" in done.stdout
    assert "Each index holds only its language" in done.stdout

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["pages"] == 3
    assert figures["repeat"] == 1
    assert figures["languages"] == ["en", "es", "fr"]
    assert figures["workers"] >= 1

    build = figures["build"]
    assert len(build["one_seconds"]) == len(build["all_seconds"]) == len(build["sequential_seconds"]) == 1
    for key in (
        "one_median_seconds",
        "all_median_seconds",
        "sequential_median_seconds",
        "ratio",
        "ratio_target",
        "parallel_gain",
    ):
        assert build[key] > 0, key
    assert build["ratio_target"] == pytest.approx(0.7 * 3)
    assert isinstance(build["pass"], bool)
    for name in ("one", "all", "seq"):
        assert build["warmup_seconds"][name] > 0, name
    assert set(build["sequential_per_language_seconds"]) == {"en", "es", "fr"}
    for code, seconds in build["sequential_per_language_seconds"].items():
        assert len(seconds) == 1 and seconds[0] > 0, code

    cold = figures["cold"]
    for key in ("all_seconds", "one_seconds", "ratio", "ratio_target", "all_vs_warm_one_ratio"):
        assert cold[key] > 0, key
    assert isinstance(cold["pass"], bool)

    cache = figures["cache"]
    assert cache["entries_after_warmup"] > 0 and cache["bytes_after_warmup"] > 0
    assert cache["entries_added_by_cold_builds"] == 0  # cache: false neither reads nor writes it
    assert isinstance(cache["warm"], bool)

    catalogs = figures["catalogs"]
    assert set(catalogs) == {"es", "fr"}
    for code, catalog in catalogs.items():
        assert catalog["entries"] > 0 and catalog["num_plurals"] > 0, code
        assert catalog["complete_percent"] == 100, code

    indexes = figures["search_index"]
    assert set(indexes) == {"en", "es", "fr"}
    for code, index in indexes.items():
        assert index["bytes"] > 0 and index["gzip_bytes"] > 0, code
        assert index["docs"] > 0 and index["pages"] > 0, code
        assert not any(index["foreign_tag_hits"].values()), code
        assert index["search_lang"] == [code]
        assert index["fallback_pages"] == 0, code
        assert index["pass"] is True, code
    for code in ("es", "fr"):
        assert indexes[code]["pages_with_own_tag"] == indexes[code]["pages"]
    assert figures["index_check_pass"] is True
