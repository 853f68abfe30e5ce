"""Build-time and page-weight benchmark for the ``course`` plugin.

Generates a synthetic course (N module pages, one ten-question quiz each) and
the same pages without quizzes and without the plugin, builds both in fresh
``mkdocs build`` processes, alternating, and reports:

* the median wall time of each build and their ratio (target: at most 1.15);
* the gzipped size of the quiz runtime (JS + CSS, target: at most 8 KB);
* the gzipped size of one quiz page against the same page without its quiz,
  and of Material's own JS bundle for context;
* how many pages reference the runtime (it must be only the quiz pages).

Run from anywhere with the project's Python::

    python bench/build_bench.py [--pages 100] [--repeat 3] [--json PATH]

Everything is written to a temporary folder, removed afterwards.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

RATIO_TARGET = 1.15
RUNTIME_TARGET_BYTES = 8192
QUESTIONS_PER_QUIZ = 10
QUESTION_TYPES = ("single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering")
RUNTIME_FOLDER = "assets/course/"
RUNTIME_JS = RUNTIME_FOLDER + "course.*.js"
RUNTIME_CSS = RUNTIME_FOLDER + "course.*.css"
SEED = 20240611

# A small vocabulary about running a small enterprise; sentences are drawn
# from it at random, so the text has realistic word lengths and no meaning.
NOUNS = (
    "bakery", "workshop", "team", "shift", "supplier", "customer", "order", "invoice",
    "wage", "contract", "manager", "apprentice", "schedule", "meeting", "budget",
    "policy", "training", "record", "market", "product", "service", "tool", "machine",
    "owner", "worker", "colleague", "trainer", "report", "target", "survey", "idea",
    "process", "warehouse", "delivery", "price", "quality", "safety", "office",
)
VERBS = (
    "reviews", "plans", "records", "agrees", "changes", "improves", "checks", "shares",
    "compares", "explains", "measures", "supports", "prepares", "discusses", "tracks",
    "organises", "builds", "asks", "answers", "chooses", "reduces", "counts",
)
ADJECTIVES = (
    "small", "clear", "fair", "local", "weekly", "simple", "practical", "skilled",
    "new", "shared", "flexible", "careful", "open", "regular", "written", "useful",
    "experienced", "seasonal", "monthly", "quiet", "busy", "honest", "safe",
)
LINKS = (
    "the", "each", "every", "a", "one", "our", "their", "this", "that",
)
CONNECTORS = (
    "because", "while", "so that", "when", "after", "before", "although", "and",
)
ADMONITIONS = ("note", "tip", "info", "example", "warning")


class Words:
    """Deterministic word salad from the vocabulary above."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def phrase(self) -> str:
        r = self.rng
        parts = [r.choice(LINKS)]
        if r.random() < 0.6:
            parts.append(r.choice(ADJECTIVES))
        parts.append(r.choice(NOUNS))
        if parts[0] == "a" and parts[1][0] in "aeiou":
            parts[0] = "an"
        return " ".join(parts)

    def clause(self) -> str:
        return f"{self.phrase()} {self.rng.choice(VERBS)} {self.phrase()}"

    def sentence(self) -> str:
        r = self.rng
        text = self.clause()
        if r.random() < 0.5:
            text += f" {r.choice(CONNECTORS)} {self.clause()}"
        if r.random() < 0.15:
            noun = r.choice(NOUNS)
            text = text.replace(noun, f"**{noun}**", 1)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, words: int = 3) -> str:
        r = self.rng
        chosen = [r.choice(ADJECTIVES)] + [r.choice(NOUNS) for _ in range(words - 1)]
        text = " ".join(chosen)
        return text[0].upper() + text[1:]

    def short(self, words: int = 6) -> str:
        r = self.rng
        text = " ".join(r.choice(ADJECTIVES + NOUNS) for _ in range(words))
        return text[0].upper() + text[1:]


def wrap(text: str, width: int = 78, indent: str = "") -> str:
    lines, line = [], indent
    for word in text.split():
        if len(line) + len(word) + 1 > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += word + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


# -- the synthetic course ------------------------------------------------------


def module_page(words: Words, number: int) -> tuple[str, str]:
    """(title, Markdown body without the quiz line) of one module page."""
    r = words.rng
    title = f"Module {number}: {words.title(3)}"
    out = [f"# {title}", "", wrap(words.paragraph(4)), ""]
    for section in range(3):
        out += [f"## {words.title(2)}", "", wrap(words.paragraph(r.randint(3, 5))), ""]
        if section == 0:
            out += [f"- {words.sentence()}" for _ in range(r.randint(3, 5))] + [""]
        elif section == 1:
            out += [f"{i}. {words.sentence()}" for i in range(1, r.randint(4, 6))] + [""]
            kind = r.choice(ADMONITIONS)
            out += [f'!!! {kind} "{words.title(2)}"', wrap(words.paragraph(2), indent="    "), ""]
        else:
            out += [
                "| Figure | Last year | This year |",
                "| --- | ---: | ---: |",
            ]
            out += [f"| {words.title(2)} | {r.randint(1, 90)} | {r.randint(1, 90)} |" for _ in range(3)]
            out += ["", wrap(words.paragraph(3)), ""]
    return title, "\n".join(out)


def yaml_text(text: str) -> str:
    """A double-quoted YAML scalar (the word salad holds no quotes, but be safe)."""
    return json.dumps(text, ensure_ascii=False)


def question_yaml(words: Words, index: int, qtype: str) -> list[str]:
    r = words.rng
    out = [f"  - id: q{index + 1}", f"    type: {qtype}", f"    prompt: {yaml_text(words.sentence())}"]
    if qtype in ("single", "multiple"):
        count = 4
        correct = {r.randrange(count)} if qtype == "single" else set(r.sample(range(count), 2))
        if qtype == "multiple":
            out.append("    scoring: partial")
        out.append("    options:")
        for o in range(count):
            out += [f"      - id: o{o + 1}", f"        text: {yaml_text(words.short(5))}"]
            if o in correct:
                out.append("        correct: true")
            out.append(f"        feedback: {yaml_text(words.sentence())}")
    elif qtype == "true_false":
        out += [
            f"    answer: {'true' if r.random() < 0.5 else 'false'}",
            "    feedback:",
            f"      correct: {yaml_text(words.sentence())}",
            f"      incorrect: {yaml_text(words.sentence())}",
        ]
    elif qtype == "fill_blank":
        word = r.choice(NOUNS)
        out.append(f"    answers: [{yaml_text(word)}, {yaml_text(word + 's')}]")
    elif qtype == "numeric":
        out += [
            f"    answer: {r.randint(2, 400)}",
            "    tolerance: 0.5",
            '    unit: "%"',
        ]
    elif qtype == "matching":
        out.append("    pairs:")
        for p in range(4):
            out += [
                f"      - id: p{p + 1}",
                f"        left: {yaml_text(words.short(6))}",
                f"        right: {yaml_text(f'{p + 1}. ' + words.short(4))}",
            ]
    elif qtype == "ordering":
        out.append("    items:")
        for i in range(5):
            out += [f"      - id: i{i + 1}", f"        text: {yaml_text(words.short(6))}"]
    out.append(f"    explanation: {yaml_text(words.paragraph(2))}")
    if index % 3 == 0:
        out.append(f"    hint: {yaml_text(words.sentence())}")
    return out


def quiz_yaml(words: Words, quiz_id: str, title: str, questions: int = QUESTIONS_PER_QUIZ) -> str:
    out = [
        f"id: {quiz_id}",
        f"title: {yaml_text(title)}",
        f"description: {yaml_text(words.sentence())}",
        "pass_mark: 70",
        "questions:",
    ]
    for index in range(questions):
        out += question_yaml(words, index, QUESTION_TYPES[index % len(QUESTION_TYPES)])
    return "\n".join(out) + "\n"


def mkdocs_yml(with_plugin: bool, cache: bool = True) -> str:
    plugins = "  - search\n"
    if with_plugin:
        plugins += "  - course:\n      course_id: bench-course\n      pass_mark: 70\n"
        if not cache:
            plugins += "      cache: false\n"
    return (
        "site_name: Benchmark course\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        "  language: en\n"
        "  font: false\n"
        "  features:\n"
        "    - navigation.instant\n"
        "    - navigation.footer\n"
        "plugins:\n" + plugins + "markdown_extensions:\n"
        "  - admonition\n"
        "  - def_list\n"
        "  - attr_list\n"
        "  - md_in_html\n"
        "  - tables\n"
        "  - toc:\n"
        "      permalink: true\n"
    )


def generate(root: Path, pages: int, seed: int = SEED) -> tuple[Path, Path, list[str]]:
    """Write the plugin and plain projects under root; return their configs and page URLs."""
    words = Words(random.Random(seed))
    plugin, plain = root / "plugin", root / "plain"
    for project in (plugin, plain):
        (project / "docs").mkdir(parents=True)
    (plugin / "quizzes").mkdir()
    (plugin / "mkdocs.yml").write_text(mkdocs_yml(True), encoding="utf-8")
    # The same project with the build cache off: what a first build costs.
    (plugin / "mkdocs-cold.yml").write_text(mkdocs_yml(True, cache=False), encoding="utf-8")
    (plain / "mkdocs.yml").write_text(mkdocs_yml(False), encoding="utf-8")

    # Two pages without a quiz, so the runtime-reference check means something.
    extra = {
        "index.md": "# Benchmark course\n\n" + wrap(words.paragraph(6)) + "\n",
        "glossary.md": "# Glossary\n\n"
        + "\n\n".join(f"{words.title(2)}\n:   {words.sentence()}" for _ in range(12))
        + "\n",
    }
    for name, text in extra.items():
        for project in (plugin, plain):
            (project / "docs" / name).write_text(text, encoding="utf-8")

    quiz_urls = []
    digits = len(str(pages))
    for number in range(1, pages + 1):
        stem = f"module-{number:0{digits}d}"
        quiz_id = f"quiz-{number:0{digits}d}"
        title, body = module_page(words, number)
        (plain / "docs" / f"{stem}.md").write_text(body + "\n", encoding="utf-8")
        placed = f"{body}\n[Quiz: {title}](quiz:{quiz_id})\n"
        (plugin / "docs" / f"{stem}.md").write_text(placed, encoding="utf-8")
        (plugin / "quizzes" / f"{quiz_id}.yml").write_text(quiz_yaml(words, quiz_id, title), encoding="utf-8")
        quiz_urls.append(f"{stem}/index.html")
    return plugin / "mkdocs.yml", plain / "mkdocs.yml", quiz_urls


# -- building and measuring ----------------------------------------------------


def build(config: Path, site: Path) -> float:
    """Build in a fresh process; return its wall time in seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"build of {config} failed with exit code {done.returncode}")
    return elapsed


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def only(site: Path, pattern: str) -> Path:
    found = sorted(site.glob(pattern))
    if len(found) != 1:
        raise SystemExit(f"expected one file matching {pattern} in {site}, found {len(found)}")
    return found[0]


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def measure(pages: int, repeat: int, log) -> dict:
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        root = Path(tmp)
        plugin_cfg, plain_cfg, quiz_urls = generate(root, pages)
        sites = {"plugin": root / "site-plugin", "cold": root / "site-cold", "plain": root / "site-plain"}
        configs = {"plugin": plugin_cfg, "cold": plugin_cfg.with_name("mkdocs-cold.yml"), "plain": plain_cfg}
        names = ("plugin", "cold", "plain")

        # The warm-up also fills the plugin's build cache (.cache/ in the project).
        warmup = {name: build(configs[name], sites[name]) for name in names}
        log("warm-up (not counted): " + ", ".join(f"{n} {warmup[n]:.2f} s" for n in names))
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(repeat):
            # Rotate which build goes first each round so none always runs
            # on a machine warmed by another.
            order = names[round_ % 3:] + names[: round_ % 3]
            for name in order:
                times[name].append(build(configs[name], sites[name]))
            log(f"round {round_ + 1}/{repeat}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names))

        plugin_site, plain_site = sites["plugin"], sites["plain"]
        js = only(plugin_site, RUNTIME_JS)
        css = only(plugin_site, RUNTIME_CSS)
        bundle = only(plain_site, "assets/javascripts/bundle.*.min.js")
        page = quiz_urls[0]
        html = {
            p.relative_to(plugin_site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(plugin_site.rglob("*.html"))
        }

        def pages_referencing(asset: Path) -> set[str]:
            # The hashed file name is unique; the relative URL before it varies.
            return {url for url, text in html.items() if asset.name in text}

        referencing = pages_referencing(js) | pages_referencing(css)
        # Anything else the plugin ships (e.g. a site-wide stylesheet), for context.
        others = {
            p.relative_to(plugin_site).as_posix(): {
                "gzip_bytes": gzipped(p.read_bytes()),
                "pages_referencing": len(pages_referencing(p)),
            }
            for p in sorted((plugin_site / RUNTIME_FOLDER).iterdir())
            if p not in (js, css) and p.is_file()
        }

        plugin_median = statistics.median(times["plugin"])
        plain_median = statistics.median(times["plain"])
        cold_median = statistics.median(times["cold"])
        cold_ratio = cold_median / plain_median
        js_gz = gzipped(js.read_bytes())
        css_gz = gzipped(css.read_bytes())
        page_plugin = gzipped((plugin_site / page).read_bytes())
        page_plain = gzipped((plain_site / page).read_bytes())
        ratio = plugin_median / plain_median
        return {
            "pages": pages,
            "repeat": repeat,
            "questions_per_quiz": QUESTIONS_PER_QUIZ,
            "environment": {
                "python": platform.python_version(),
                "mkdocs": package_version("mkdocs"),
                "mkdocs-material": package_version("mkdocs-material"),
                "cpus": os.cpu_count(),
            },
            "build": {
                "warmup_seconds": warmup,
                "plugin_seconds": times["plugin"],
                "plain_seconds": times["plain"],
                "cold_seconds": times["cold"],
                "cold_median_seconds": cold_median,
                "cold_ratio": cold_ratio,
                "cold_pass": cold_ratio <= RATIO_TARGET,
                "plugin_median_seconds": plugin_median,
                "plain_median_seconds": plain_median,
                "ratio": ratio,
                "ratio_target": RATIO_TARGET,
                "pass": ratio <= RATIO_TARGET,
            },
            "runtime": {
                "js_file": js.relative_to(plugin_site).as_posix(),
                "css_file": css.relative_to(plugin_site).as_posix(),
                "js_bytes": js.stat().st_size,
                "css_bytes": css.stat().st_size,
                "js_gzip_bytes": js_gz,
                "css_gzip_bytes": css_gz,
                "total_gzip_bytes": js_gz + css_gz,
                "target_gzip_bytes": RUNTIME_TARGET_BYTES,
                "pass": js_gz + css_gz <= RUNTIME_TARGET_BYTES,
            },
            "quiz_page": {
                "path": page,
                "plugin_gzip_bytes": page_plugin,
                "plain_gzip_bytes": page_plain,
                "difference_gzip_bytes": page_plugin - page_plain,
            },
            "material_js": {
                "file": bundle.relative_to(plain_site).as_posix(),
                "gzip_bytes": gzipped(bundle.read_bytes()),
            },
            "other_course_assets": others,
            "runtime_references": {
                "html_pages": len(html),
                "quiz_pages": len(quiz_urls),
                "pages_referencing_runtime": len(referencing),
                "pass": referencing == set(quiz_urls),
            },
        }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def format_rows(head: str, rows: list[tuple[str, str, str]]) -> list[str]:
    """A heading, a rule, then (name, value, note) rows in aligned columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [head, "-" * len(head)]
    for name, value, note in rows:
        lines.append(f"{name:<{widths[0]}}  {value:>{widths[1]}}  {note}".rstrip())
    return lines


def table(r: dict) -> str:
    b, rt, qp, mj, refs = r["build"], r["runtime"], r["quiz_page"], r["material_js"], r["runtime_references"]
    env = r["environment"]
    rows = [
        ("Build, plugin (median)", f"{b['plugin_median_seconds']:.2f} s", "build cache filled"),
        ("Build, plugin, no cache (median)", f"{b['cold_median_seconds']:.2f} s", "cache: false, like a first build"),
        ("Build, plain (median)", f"{b['plain_median_seconds']:.2f} s", ""),
        ("Ratio plugin / plain", f"{b['ratio']:.3f}", f"<= {RATIO_TARGET}  {verdict(b['pass'])}"),
        ("Ratio plugin, no cache / plain", f"{b['cold_ratio']:.3f}", f"<= {RATIO_TARGET}  {verdict(b['cold_pass'])}"),
        ("Runtime JS (gzip -9)", f"{rt['js_gzip_bytes']} B", f"raw {rt['js_bytes']} B"),
        ("Runtime CSS (gzip -9)", f"{rt['css_gzip_bytes']} B", f"raw {rt['css_bytes']} B"),
        ("Runtime JS + CSS", f"{rt['total_gzip_bytes']} B", f"<= {RUNTIME_TARGET_BYTES} B  {verdict(rt['pass'])}"),
        ("Quiz page, plugin (gzip)", f"{qp['plugin_gzip_bytes']} B", qp["path"]),
        ("Same page, plain (gzip)", f"{qp['plain_gzip_bytes']} B", ""),
        ("Quiz page difference", f"{qp['difference_gzip_bytes']:+d} B", f"{QUESTIONS_PER_QUIZ} questions"),
        ("Material JS bundle (gzip)", f"{mj['gzip_bytes']} B", "baseline, for context"),
        (
            "Pages referencing runtime",
            f"{refs['pages_referencing_runtime']} of {refs['html_pages']}",
            f"= {refs['quiz_pages']} quiz pages  {verdict(refs['pass'])}",
        ),
    ]
    for path, other in r["other_course_assets"].items():
        rows.append(
            (
                f"Also shipped: {Path(path).name}",
                f"{other['gzip_bytes']} B",
                f"gzip, on {other['pages_referencing']} of {refs['html_pages']} pages",
            )
        )
    head = (
        f"{r['pages']} pages x {r['questions_per_quiz']} questions, {r['repeat']} builds each; "
        f"Python {env['python']}, MkDocs {env['mkdocs']}, Material {env['mkdocs-material']}, "
        f"{env['cpus']} CPUs"
    )
    lines = format_rows(head, rows)
    times = ", ".join(
        f"{name} [{' '.join(f'{t:.2f}' for t in b[name + '_seconds'])}]" for name in ("plugin", "cold", "plain")
    )
    lines.append(f"Build times (s): {times}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100, help="module pages, one quiz each (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each site (default 3)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")

    def log(message: str) -> None:
        print(message, flush=True)

    results = measure(args.pages, args.repeat, log)
    print()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
