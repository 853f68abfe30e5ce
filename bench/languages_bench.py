"""Multilingual build benchmark: all languages in parallel against one.

Generates a synthetic course in N languages (the pages and quizzes of
``build_bench.py``, with translated copies of every page and a filled
catalog per language), then builds it in fresh ``mkdocs-course build``
processes, alternating, and reports:

* the median wall time of a one-language build (``--lang en``) and of the
  all-languages build (parallel workers), and their ratio
  (target: at most 0.7 x N);
* for context, the total of N one-language builds run one after another,
  and the gain of the parallel build over it;
* one all-languages and one one-language build without the build cache
  (``cache: false``), like a first build, against the same target;
* the size (raw and gzipped) of each language's search index, and whether
  each index holds only its own language's pages.

Run from anywhere with the project's Python::

    python bench/languages_bench.py [--pages 40] [--languages 3] [--repeat 3] [--json PATH]

Everything is written to a temporary folder, removed afterwards.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_bench  # noqa: E402  (the page and quiz generator)

from babel.messages.pofile import read_po, write_po  # noqa: E402

# In this order: --languages 3 takes the first three.
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "ar": "العربية"}
SOURCE = "en"
RATIO_FACTOR = 0.7  # target: all languages take at most 0.7 x N one-language builds
COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))
CACHE_DIR = ".cache/mkdocs-course"


def tag(code: str) -> str:
    """The marker put in front of every translated paragraph and string.

    Plain text: no braces (catalog placeholders) and no angle brackets
    (markup), and never part of a quiz placement line.
    """
    return f"[{code.upper()}]"


# -- the synthetic multilingual course --------------------------------------------


def mkdocs_yml(codes: list[str], cache: bool = True) -> str:
    languages = "".join(f"        {code}: {LANGUAGES[code]}\n" for code in codes)
    return (
        "site_name: Benchmark course\n"
        "docs_dir: course/en\n"
        "theme:\n"
        "  name: material\n"
        "  font: false\n"
        "  features:\n"
        "    - navigation.instant\n"
        "    - navigation.footer\n"
        "plugins:\n"
        "  - search\n"
        "  - course:\n"
        "      course_id: bench-languages\n"
        "      pass_mark: 70\n"
        + ("" if cache else "      cache: false\n")
        + "      languages:\n"
        + languages
        + "markdown_extensions:\n"
        "  - admonition\n"
        "  - def_list\n"
        "  - attr_list\n"
        "  - md_in_html\n"
        "  - tables\n"
        "  - toc:\n"
        "      permalink: true\n"
    )


PLACEMENT = re.compile(r"^[ ]{0,3}\[[^\]\n]*\]\(\s*quiz:")
LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+\.)\s+)(.*)$")
ADMONITION = re.compile(r'^(!!!\s+\w+\s+")(.*)$')


def translate_page(markdown: str, code: str) -> str:
    """The page with the language's tag in front of every block of text.

    Headings, paragraphs, list items, admonition titles and bodies, and
    definition terms and definitions are tagged; tables and quiz placement
    lines are left as they are (a placement must stay alone on its line).
    """
    mark = tag(code)
    out = []
    for block in markdown.split("\n\n"):
        lines = block.split("\n")
        first = lines[0]
        if not first.strip() or first.startswith("|") or PLACEMENT.match(first):
            out.append(block)
            continue
        if first.startswith("#"):
            hashes, _, title = first.partition(" ")
            lines[0] = f"{hashes} {mark} {title}"
        elif LIST_ITEM.match(first):
            lines = [LIST_ITEM.sub(lambda m: f"{m.group(1)}{mark} {m.group(2)}", line) for line in lines]
        elif ADMONITION.match(first):
            lines[0] = ADMONITION.sub(lambda m: f"{m.group(1)}{mark} {m.group(2)}", first)
            if len(lines) > 1:
                indent = re.match(r"\s*", lines[1]).group(0)
                lines[1] = f"{indent}{mark} {lines[1].lstrip()}"
        elif len(lines) > 1 and lines[1].startswith(":"):
            # a definition list entry: term, then ':   definition'
            lines[0] = f"{mark} {first}"
            lines[1] = re.sub(r"^(:\s+)", lambda m: f"{m.group(1)}{mark} ", lines[1])
        else:
            lines[0] = f"{mark} {first}"
        out.append("\n".join(lines))
    return "\n\n".join(out)


def tagged(text: str, code: str, per_line: bool = False) -> str:
    mark = tag(code)
    if per_line:  # accepted answers of a fill-in-the-blank question, one per line
        return "\n".join(f"{mark} {line}" if line.strip() else line for line in text.split("\n"))
    return f"{mark} {text}"


def fill_catalog(path: Path, code: str) -> dict:
    """Give every entry of a catalog a tagged copy of its source text."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=code)
    counts = {"entries": 0, "plural_entries": 0, "num_plurals": catalog.num_plurals}
    # The form the language uses for n = 1 takes the singular text; every other
    # form (Arabic has six) the plural one.
    one_form = gettext.c2py(catalog.plural_expr)(1) if catalog.num_plurals > 1 else 0
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (tuple, list)):
            singular, plural = message.id[0], message.id[-1]
            message.string = tuple(
                tagged(singular if form == one_form else plural, code) for form in range(catalog.num_plurals)
            )
            counts["plural_entries"] += 1
        else:
            per_line = bool(message.context and message.context.endswith("/answers"))
            message.string = tagged(message.id, code, per_line)
        message.flags.discard("fuzzy")
        counts["entries"] += 1
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=0, sort_output=False, include_previous=True)
    return counts


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([COMMAND, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"`mkdocs-course {' '.join(args)}` failed with exit code {done.returncode}")
    return done


def generate(root: Path, pages: int, codes: list[str]) -> tuple[Path, dict]:
    """Write the course under root/course; return its mkdocs.yml and catalog figures."""
    scratch = root / "generator"
    # build_bench writes a plugin project (docs/ + quizzes/) and a plain one.
    plugin_cfg, _, _ = build_bench.generate(scratch, pages)
    project = root / "course"
    (project / "course").mkdir(parents=True)
    shutil.move(str(plugin_cfg.parent / "docs"), str(project / "course" / SOURCE))
    shutil.move(str(plugin_cfg.parent / "quizzes"), str(project / "quizzes"))
    shutil.rmtree(scratch)
    (project / "mkdocs.yml").write_text(mkdocs_yml(codes), encoding="utf-8")
    (project / "mkdocs-cold.yml").write_text(mkdocs_yml(codes, cache=False), encoding="utf-8")

    source = project / "course" / SOURCE
    for code in codes:
        if code == SOURCE:
            continue
        folder = project / "course" / code
        for page in sorted(source.rglob("*.md")):
            target = folder / page.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(translate_page(page.read_text(encoding="utf-8"), code), encoding="utf-8")
        # Record which source version each page translates, as a translator would.
        run_cli("i18n", "mark", code, "--all", cwd=project)

    run_cli("i18n", "update", cwd=project)
    catalogs = {code: fill_catalog(project / "translations" / f"{code}.po", code) for code in codes if code != SOURCE}
    status = json.loads(run_cli("i18n", "status", "--format", "json", cwd=project).stdout)
    for code, report in status["languages"].items():
        catalogs[code]["complete_percent"] = report["percent"]
    return project / "mkdocs.yml", catalogs


# -- building and measuring ------------------------------------------------------------


class Builder:
    def __init__(self, project: Path):
        self.project = project
        self.workers: int | None = None
        self.warnings: list[str] = []

    def build(self, config: str, site: Path, lang: str | None = None) -> float:
        """`mkdocs-course build -q` in a fresh process; return its wall time in seconds."""
        args = ["build", "-q", "-f", config, "-d", str(site)]
        if lang:
            args += ["--lang", lang]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        start = time.perf_counter()
        done = subprocess.run([COMMAND, *args], cwd=self.project, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"`mkdocs-course {' '.join(args)}` failed with exit code {done.returncode}")
        found = re.search(r"with (\d+) workers?", done.stderr)
        if found and not lang:
            self.workers = int(found.group(1))
        for line in done.stderr.splitlines():
            if "WARNING" in line and line not in self.warnings:
                self.warnings.append(line)
        return elapsed


def code_fingerprint() -> str:
    """The hash the build cache keys start with: a new one whenever the package's code changes."""
    from mkdocs_course.quiz.cache import code_fingerprint as fingerprint

    return fingerprint.__wrapped__()  # not the memoised value: the code may change during a run


def cache_state(project: Path) -> dict:
    files = [p for p in (project / CACHE_DIR).rglob("*") if p.is_file()] if (project / CACHE_DIR).is_dir() else []
    return {"entries": len(files), "bytes": sum(p.stat().st_size for p in files)}


def index_report(site: Path, code: str, codes: list[str]) -> dict:
    """Size of one language's search index and whether it holds only that language."""
    path = site / code / "search" / "search_index.json"
    data = path.read_bytes()
    index = json.loads(data)
    docs = index["docs"]
    pages: dict[str, list[str]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc.get("title", "") + "\n" + doc.get("text", ""))
    own = tag(code) if code != SOURCE else None
    foreign = {tag(c): 0 for c in codes if c not in (code, SOURCE)}
    with_own = 0
    for texts in pages.values():
        joined = "\n".join(texts)
        if own and own in joined:
            with_own += 1
        for mark in foreign:
            foreign[mark] += joined.count(mark)
    # A page this language lacks falls back to the source page, under a notice.
    fallback = sum(
        1 for page in (site / code).rglob("*.html") if "data-course-fallback" in page.read_text(encoding="utf-8")
    )
    own_ok = own is None or with_own == len(pages)
    return {
        "file": path.relative_to(site).as_posix(),
        "bytes": len(data),
        "gzip_bytes": build_bench.gzipped(data),
        "docs": len(docs),
        "pages": len(pages),
        "own_tag": own,
        "pages_with_own_tag": with_own if own else None,
        "foreign_tag_hits": foreign,
        "search_lang": index.get("config", {}).get("lang"),
        "fallback_pages": fallback,
        "pass": bool(pages) and own_ok and not any(foreign.values()) and not fallback,
    }


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(pages: int, languages: int, repeat: int, log) -> dict:
    codes = list(LANGUAGES)[:languages]
    n = len(codes)
    target = RATIO_FACTOR * n
    with tempfile.TemporaryDirectory(prefix="course-languages-bench-") as tmp:
        root = Path(tmp)
        load_start = os.getloadavg()[0]  # other work on the machine skews every figure
        code_start = code_fingerprint()
        start = time.perf_counter()
        config, catalogs = generate(root, pages, codes)
        project = config.parent
        filled = ", ".join(
            f"{code}: {k['entries']} entries, {k['num_plurals']} plural forms" for code, k in catalogs.items()
        )
        log(
            f"generated {pages} pages + index + glossary in {n} languages ({', '.join(codes)}), "
            f"catalogs filled ({filled}) "
            f"in {time.perf_counter() - start:.1f} s"
        )
        builder = Builder(project)
        sites = {name: root / f"site-{name}" for name in ("one", "all", "seq", "cold-one", "cold-all")}

        def one() -> float:
            return builder.build("mkdocs.yml", sites["one"], SOURCE)

        def all_() -> float:
            return builder.build("mkdocs.yml", sites["all"])

        per_language: dict[str, list[float]] = {code: [] for code in codes}

        def seq(record: bool = True) -> float:
            total = 0.0
            for code in codes:
                seconds = builder.build("mkdocs.yml", sites["seq"], code)
                if record:
                    per_language[code].append(seconds)
                total += seconds
            return total

        runs = {"one": one, "all": all_, "seq": seq}
        names = ("one", "all", "seq")
        before = cache_state(project)
        # The warm-up also fills the plugin's build cache (.cache/ in the project).
        warmup = {"one": one(), "all": all_(), "seq": seq(record=False)}
        warm = cache_state(project)
        log(
            "warm-up (not counted): " + ", ".join(f"{k} {v:.2f} s" for k, v in warmup.items())
            + f"; build cache {CACHE_DIR}: {before['entries']} entries before, "
            f"{warm['entries']} after ({warm['bytes'] / 1024:.0f} KiB)"
        )
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(repeat):
            # Rotate which build goes first so none always runs on a machine warmed by another.
            order = names[round_ % 3:] + names[: round_ % 3]
            for name in order:
                times[name].append(runs[name]())
            log(f"round {round_ + 1}/{repeat}: " + ", ".join(f"{k} {times[k][-1]:.2f} s" for k in names))
        after_timed = cache_state(project)

        # Without the build cache, like a first build (the cache folder is left alone).
        cold_all = builder.build("mkdocs-cold.yml", sites["cold-all"])
        cold_one = builder.build("mkdocs-cold.yml", sites["cold-one"], SOURCE)
        after_cold = cache_state(project)
        code_end = code_fingerprint()
        log(f"cache: false: all {cold_all:.2f} s, one {cold_one:.2f} s")

        indexes = {code: index_report(sites["all"], code, codes) for code in codes}
        one_median, all_median, seq_median = median(times["one"]), median(times["all"]), median(times["seq"])
        ratio = all_median / one_median
        cold_ratio = cold_all / cold_one
        from importlib.metadata import PackageNotFoundError, version

        def package_version(name: str) -> str:
            try:
                return version(name)
            except PackageNotFoundError:
                return "?"

        return {
            "pages": pages,
            "languages": codes,
            "repeat": repeat,
            "environment": {
                "python": platform.python_version(),
                "mkdocs": package_version("mkdocs"),
                "mkdocs-material": package_version("mkdocs-material"),
                "mkdocs-course": package_version("mkdocs-course"),
                "cpus": os.cpu_count(),
                "load_average_at_start": load_start,
                "load_average_at_end": os.getloadavg()[0],
            },
            "workers": builder.workers,
            "catalogs": catalogs,
            "build": {
                "warmup_seconds": warmup,
                "one_language": SOURCE,
                "one_seconds": times["one"],
                "all_seconds": times["all"],
                "sequential_seconds": times["seq"],
                "sequential_per_language_seconds": per_language,
                "one_median_seconds": one_median,
                "all_median_seconds": all_median,
                "sequential_median_seconds": seq_median,
                "ratio": ratio,
                "ratio_target": target,
                "pass": ratio <= target,
                "parallel_gain": seq_median / all_median,
            },
            "cache": {
                "folder": CACHE_DIR,
                "entries_before_warmup": before["entries"],
                "entries_after_warmup": warm["entries"],
                "bytes_after_warmup": warm["bytes"],
                "entries_added_by_timed_builds": after_timed["entries"] - warm["entries"],
                "entries_added_by_cold_builds": after_cold["entries"] - after_timed["entries"],
                "code_fingerprint_at_start": code_start,
                "code_fingerprint_at_end": code_end,
                "code_changed_during_run": code_start != code_end,
                # warm: the warm-up filled the cache and the timed builds found everything in it
                "warm": warm["entries"] > 0 and after_timed["entries"] == warm["entries"],
            },
            "cold": {
                "all_seconds": cold_all,
                "one_seconds": cold_one,
                "ratio": cold_ratio,
                "ratio_target": target,
                "pass": cold_ratio <= target,
                "all_vs_warm_one_ratio": cold_all / one_median,
            },
            "search_index": indexes,
            "index_check_pass": all(r["pass"] for r in indexes.values()),
            "warnings": builder.warnings,
        }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(r: dict) -> str:
    b, c, cold, env = r["build"], r["cache"], r["cold"], r["environment"]
    n = len(r["languages"])
    goal = f"<= {RATIO_FACTOR} x {n} = {b['ratio_target']:.2f}"
    cache_note = (
        f"warm: {c['entries_after_warmup']} entries filled by the warm-up"
        if c["warm"]
        else f"NOT warm: {c['entries_after_warmup']} entries after the warm-up, "
        f"{c['entries_added_by_timed_builds']} added by timed builds"
    )
    if c["code_changed_during_run"]:
        cache_note += "; the plugin's code changed during the run (new cache keys)"
    rows = [
        (f"Build, one language ({b['one_language']}, median)", f"{b['one_median_seconds']:.2f} s", "--lang " + b["one_language"]),
        (f"Build, all {n} languages (median)", f"{b['all_median_seconds']:.2f} s", f"{r['workers']} parallel workers"),
        ("Ratio all / one", f"{b['ratio']:.3f}", f"{goal}  {verdict(b['pass'])}"),
        (f"{n} one-language builds in a row (median)", f"{b['sequential_median_seconds']:.2f} s", "for context"),
        ("Parallel gain, in a row / all", f"{b['parallel_gain']:.2f}x", ""),
        ("Build cache during timed builds", "warm" if c["warm"] else "cold", cache_note),
        ("No cache, all languages (once)", f"{cold['all_seconds']:.2f} s", "cache: false, like a first build"),
        ("No cache, one language (once)", f"{cold['one_seconds']:.2f} s", "cache: false"),
        ("Ratio all / one, no cache", f"{cold['ratio']:.3f}", f"{goal}  {verdict(cold['pass'])}"),
        ("No-cache all / cached one", f"{cold['all_vs_warm_one_ratio']:.3f}", "for information"),
    ]
    for code, idx in r["search_index"].items():
        if idx["own_tag"]:
            own = f"{idx['own_tag']} on {idx['pages_with_own_tag']}/{idx['pages']} pages"
        else:
            own = f"{idx['pages']} pages, source"
        foreign = sum(idx["foreign_tag_hits"].values())
        rows.append(
            (
                f"Search index, {code} (gzip)",
                f"{idx['gzip_bytes']} B",
                f"raw {idx['bytes']} B; {own}; other tags {foreign}; fallback pages {idx['fallback_pages']}; "
                f"search lang {','.join(idx['search_lang'] or [])}  {verdict(idx['pass'])}",
            )
        )
    rows.append(("Each index holds only its language", "yes" if r["index_check_pass"] else "no",
                 verdict(r["index_check_pass"])))
    head = (
        f"{r['pages']} pages x {build_bench.QUESTIONS_PER_QUIZ} questions, {n} languages "
        f"({', '.join(r['languages'])}), {r['repeat']} builds each; "
        f"Python {env['python']}, MkDocs {env['mkdocs']}, Material {env['mkdocs-material']}, {env['cpus']} CPUs, "
        f"load average {env['load_average_at_start']:.2f} at start, {env['load_average_at_end']:.2f} at end"
    )
    lines = build_bench.format_rows(head, rows)
    times = ", ".join(
        f"{name} [{' '.join(f'{t:.2f}' for t in b[key])}]"
        for name, key in (("one", "one_seconds"), ("all", "all_seconds"), ("in a row", "sequential_seconds"))
    )
    lines.append(f"Build times (s): {times}")
    per = ", ".join(
        f"{code} [{' '.join(f'{t:.2f}' for t in ts)}]" for code, ts in b["sequential_per_language_seconds"].items()
    )
    lines.append(f"One-language builds in a row (s): {per}")
    if r["warnings"]:
        lines.append(f"Build warnings ({len(r['warnings'])}): " + " | ".join(r["warnings"][:5]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="module pages, one quiz each (default 40)")
    parser.add_argument("--languages", type=int, default=3,
                        help=f"course languages, 2 to {len(LANGUAGES)}: {', '.join(LANGUAGES)} in this order (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each kind (default 3)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")
    if not 2 <= args.languages <= len(LANGUAGES):
        parser.error(f"--languages must be from 2 to {len(LANGUAGES)}")

    def log(message: str) -> None:
        print(message, flush=True)

    results = measure(args.pages, args.languages, args.repeat, log)
    print()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
