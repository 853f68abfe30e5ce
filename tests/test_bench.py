"""The benchmark script runs end to end on a tiny course and reports its figures.

Timing targets live in the benchmark's own output, never here: this only
checks that the script works and that every figure it reports is there.

The side-by-side comparison installs mkdocs-quiz from the package registry
into the bench's own virtualenv (bench/.peer-venv, reused once made), builds
the same pages with the same questions in its syntax, and prints every
figure; its test skips, saying why, only if mkdocs-quiz cannot be installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "build_bench.py"


def run_bench(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """Run the bench through its entry point; return the process and its JSON figures."""
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--json", str(out)],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_benchmark_reports_every_figure(tmp_path):
    done, figures = run_bench(tmp_path, "--pages", "4", "--repeat", "1", "--no-peer")
    assert "Ratio plugin / plain" in done.stdout
    assert "warm-up (not counted)" in done.stdout
    assert "mkdocs-quiz: skipped, not asked for (--no-peer)" in done.stdout
    assert figures["pages"] == 4
    assert figures["repeat"] == 1

    build = figures["build"]
    assert len(build["plugin_seconds"]) == len(build["plain_seconds"]) == 1
    for key in ("plugin_median_seconds", "plain_median_seconds", "ratio", "ratio_target"):
        assert build[key] > 0, key
    assert isinstance(build["pass"], bool)
    # the targets: a rebuild at most 1.05 x plain, a first build at most 1.15 x
    assert (build["ratio_target"], build["cold_ratio_target"]) == (1.05, 1.15)
    assert build["pass"] == (build["ratio"] <= 1.05) and build["cold_pass"] == (build["cold_ratio"] <= 1.15)

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


@pytest.mark.slow
def test_peer_comparison_prints_every_figure(tmp_path):
    done, figures = run_bench(tmp_path, "--peer-only", "--pages", "2", "--repeat", "1")
    side = figures["side_by_side"]
    if side["peer"]["skipped"]:
        # The bench must still have run and said why.
        assert f"mkdocs-quiz: skipped, {side['peer']['skipped']}" in done.stdout
        pytest.skip(f"mkdocs-quiz could not be installed: {side['peer']['skipped']}")

    text = done.stdout
    # --peer-only prints the comparison and nothing of the plugin-only table.
    assert "Ratio plugin / plain" not in text
    assert "Side by side, one run: 2 pages x 10 questions, medians of 1 fresh-process builds" in text

    builds = side["builds"]
    assert list(builds) == ["plain", "peer", "cold", "plugin"]
    assert builds["plain"]["ratio"] == builds["plain"]["cpu_ratio"] == 1.0
    for name, build in builds.items():
        assert build["median_seconds"] > 0 and build["median_cpu_seconds"] > 0, name
        line = (
            f"{build['label']:<27}  {build['median_seconds']:5.2f}s  {build['ratio']:5.2f}"
            f"  {build['median_cpu_seconds']:5.2f}s  {build['cpu_ratio']:5.2f}"
        )
        assert line in text, line
    assert builds["peer"]["label"] == "mkdocs-quiz 1.7.1"

    weights = side["page_weight"]
    assert list(weights) == ["plain", "peer", "plugin"]
    labels = {"plain": "plain MkDocs + Material", "peer": "mkdocs-quiz 1.7.1", "plugin": "mkdocs-course"}
    for name, weight in weights.items():
        assert weight["total"] == weight["html"] + weight["js"] + weight["css"], name
        assert weight["extra_over_plain"] == weight["total"] - weights["plain"]["total"], name
        # Every page loads Material's bundle and stylesheet.
        assert any("assets/javascripts/bundle." in f for f in weight["js_files"]), name
        assert any("assets/stylesheets/main." in f for f in weight["css_files"]), name
        line = (
            f"{labels[name]:<27}  {weight['html']:>6}B  {weight['js']:>6}B  {weight['css']:>6}B"
            f"  {weight['total']:>6}B  {weight['extra_over_plain']:>+9}B"
        )
        assert line in text, line
    # mkdocs-quiz inlines its script and style into the page; ours are files.
    assert weights["peer"]["js_files"] == weights["plain"]["js_files"]
    assert weights["peer"]["html"] > weights["plain"]["html"]
    assert any(f.startswith("assets/course/course.") for f in weights["plugin"]["js_files"])
    assert weights["peer"]["extra_over_plain"] > 0 and weights["plugin"]["extra_over_plain"] > 0

    # Every question type says how it was written for the peer.
    for qtype in ("single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering"):
        assert f"  {qtype}: " in text, qtype
    assert "  left out: hints" in text
