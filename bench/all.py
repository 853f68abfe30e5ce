"""Every speed and size figure of the course in one run: the build against
plain MkDocs + Material and against mkdocs-quiz, all languages against one,
`serve` after saving a quiz, the quiz page's first load and its grading time.
Each benchmark prints its own table as it finishes; at the end one summary
lists every target with the figure measured and PASS or MISS. The README's
"Measured" section explains each miss. See bench/README.md.

    python bench/all.py [--quick] [--no-peer] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench  # noqa: E402
import languages_bench  # noqa: E402
import page_bench  # noqa: E402
import serve_bench  # noqa: E402

# Sizes of each benchmark: as the README's figures are measured, and tiny
# ones that only show the run works end to end.
FULL = {"build": (100, 5), "languages": (40, 3, 3), "serve": (100, 3), "page": (10, 50)}
QUICK = {"build": (3, 1), "languages": (2, 2, 1), "serve": (2, 1), "page": (2, 10)}


def measure(sizes: dict, peer: bool, log) -> dict:
    results: dict = {"sizes": sizes}
    started = time.monotonic()
    pages, repeat = sizes["build"]
    log(f"== build: {pages} pages, {repeat} rounds")
    results["build"] = build_bench.measure(pages, repeat, log, peer=peer)
    print(build_bench.table(results["build"]), "", build_bench.side_by_side_table(results["build"]), "", sep="\n")
    pages, languages, repeat = sizes["languages"]
    log(f"== languages: {pages} pages, {languages} languages, {repeat} rounds")
    results["languages"] = languages_bench.measure(pages, languages, repeat, log)
    print(languages_bench.table(results["languages"]), "", sep="\n")
    pages, repeat = sizes["serve"]
    log(f"== serve: {pages} pages, {repeat} saves")
    results["serve"] = serve_bench.measure(pages, repeat, log)
    print(serve_bench.table(results["serve"]), "", sep="\n")
    pages, questions = sizes["page"]
    log(f"== page: {pages} pages, a {questions}-question quiz")
    results["page"] = page_bench.measure(pages, questions, log)
    print(page_bench.table(results["page"]), "", sep="\n")
    results["seconds"] = time.monotonic() - started
    results["load_average_at_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return results


def targets(r: dict) -> list[tuple[str, str, str, bool]]:
    """(what, measured, target, met) for every target of the course's speed and size."""
    b, lang, serve, page = r["build"], r["languages"], r["serve"], r["page"]
    n = len(lang["languages"])
    quiz_saved = serve["mkdocs-course, a quiz saved"]["median_s"]
    load, grade = page["first_load"], page["grading"]
    # Builds are judged by CPU time (user + system of the build process), as
    # the issue measured them: other work on the machine stretches wall time
    # far more, and unevenly (the build tables show both).
    cpu = b["side_by_side"]["builds"]
    return [
        ("first build (no cache) / plain MkDocs, CPU", f"{cpu['cold']['cpu_ratio']:.2f}x",
         f"<= {build_bench.FIRST_BUILD_TARGET}x", cpu["cold"]["cpu_ratio"] <= build_bench.FIRST_BUILD_TARGET),
        ("rebuild (cache filled) / plain MkDocs, CPU", f"{cpu['plugin']['cpu_ratio']:.2f}x",
         f"<= {build_bench.RATIO_TARGET}x", cpu["plugin"]["cpu_ratio"] <= build_bench.RATIO_TARGET),
        (f"all {n} languages / one, cache filled", f"{lang['build']['ratio']:.2f}x",
         f"<= {lang['build']['ratio_target']:.2f}x", lang["build"]["pass"]),
        (f"all {n} languages / one, no cache", f"{lang['cold']['ratio']:.2f}x",
         f"<= {lang['cold']['ratio_target']:.2f}x", lang["cold"]["pass"]),
        (f"serve: a saved quiz shows ({serve['pages']} pages)", f"{quiz_saved:.2f} s",
         f"< {serve_bench.TARGET_S:.0f} s", serve["pass"]),
        ("quiz page first load, gzip, before search", f"{load['total_gzip_bytes'] / 1024:.1f} KB",
         f"<= {page_bench.FIRST_LOAD_BUDGET // 1024} KB", load["pass"]),
        (f"grading one question of {grade['questions']}, median", f"{grade['median_ms']:.2f} ms",
         f"< {page_bench.GRADE_TARGET_MS:.0f} ms", grade["pass"]),
        ("quiz runtime JS + CSS, gzip", f"{b['runtime']['total_gzip_bytes']} B",
         f"<= {build_bench.RUNTIME_TARGET_BYTES} B", b["runtime"]["pass"]),
    ]


def summary(r: dict) -> str:
    rows = targets(r)
    width = max(len(what) for what, *_ in rows)
    value = max(len(measured) for _, measured, *_ in rows)
    lines = ["Targets, all measured in this run", "-" * 72]
    for what, measured, target, met in rows:
        lines.append(f"  {what:<{width}}  {measured:>{value}}  {target:<10} {build_bench.verdict(met)}")
    builds = r["build"]["side_by_side"]["builds"]
    if "peer" in builds:
        lines.append(
            f"  {build_bench.PEER} {build_bench.PEER_VERSION} on the same pages (CPU time, plain = 1.00): "
            f"{builds['peer']['cpu_ratio']:.2f}x"
        )
    weights = r["build"]["side_by_side"]["page_weight"]
    extra = ", ".join(f"{name} {w['extra_over_plain']:+d} B" for name, w in weights.items() if name != "plain")
    lines.append(f"  a quiz page's weight over the plain page (HTML + JS + CSS, gzip -9): {extra}")
    missed = sum(1 for *_, met in rows if not met)
    lines.append(f"  {len(rows) - missed} of {len(rows)} targets met in {r['seconds'] / 60:.1f} min"
                 f" (load average {r['load_average_at_end']:.1f} at the end)"
                 + ("; README.md, section Measured, says why each miss is there" if missed else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: shows the run works, not the figures")
    parser.add_argument("--no-peer", action="store_true", help=f"do not install or build {build_bench.PEER}")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every figure as JSON to PATH")
    args = parser.parse_args(argv)
    results = measure(QUICK if args.quick else FULL, not args.no_peer, lambda m: print(m, flush=True))
    return build_bench.report(results, summary(results), args.json)


if __name__ == "__main__":
    sys.exit(main())
