"""Build-time and page-weight benchmark for the ``course`` plugin.

Generates a synthetic course (N module pages, one ten-question quiz each) and
the same pages without quizzes and without the plugin, builds both in fresh
``mkdocs build`` processes, alternating, and reports:

* the median wall time of each build and their ratio (targets: a rebuild with
  the build cache filled at most 1.05, a first build without it at most 1.15);
* the gzipped size of the quiz runtime (JS + CSS, target: at most 8 KB);
* the gzipped size of one quiz page against the same page without its quiz,
  and of Material's own JS bundle for context;
* how many pages reference the runtime (it must be only the quiz pages);
* side by side in the same run, plain = 1.00: the leading MkDocs quiz plugin
  (mkdocs-quiz, installed from the package registry into a virtualenv of its
  own, bench/.peer-venv) building the same pages with the same questions in
  its syntax, and this plugin's first build and cached build, in wall and CPU
  time; and the quiz page's weight (HTML + the JS and CSS it loads, gzipped)
  for each, with its extra weight over the plain page.

Run from anywhere with the project's Python::

    python bench/build_bench.py [--pages 100] [--repeat 3] [--json PATH]
    python bench/build_bench.py --peer-only --pages 20 --repeat 1   # the comparison only
    python bench/build_bench.py --no-peer                           # without mkdocs-quiz

Everything is written to a temporary folder, removed afterwards.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

RATIO_TARGET = 1.05  # a rebuild, build cache filled
FIRST_BUILD_TARGET = 1.15  # a first build, no cache
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


def question_data(words: Words, index: int, qtype: str) -> dict:
    """One question as plain data, so both syntaxes carry the same text."""
    r = words.rng
    q: dict = {"id": f"q{index + 1}", "type": qtype, "prompt": words.sentence()}
    if qtype in ("single", "multiple"):
        count = 4
        correct = {r.randrange(count)} if qtype == "single" else set(r.sample(range(count), 2))
        q["options"] = [
            {"text": words.short(5), "correct": o in correct, "feedback": words.sentence()} for o in range(count)
        ]
    elif qtype == "true_false":
        q["answer"] = r.random() < 0.5
        q["correct_feedback"], q["incorrect_feedback"] = words.sentence(), words.sentence()
    elif qtype == "fill_blank":
        word = r.choice(NOUNS)
        q["answers"] = [word, word + "s"]
    elif qtype == "numeric":
        q["answer"] = r.randint(2, 400)
    elif qtype == "matching":
        q["pairs"] = [(words.short(6), f"{p + 1}. " + words.short(4)) for p in range(4)]
    elif qtype == "ordering":
        q["items"] = [words.short(6) for _ in range(5)]
    q["explanation"] = words.paragraph(2)
    q["hint"] = words.sentence() if index % 3 == 0 else None
    return q


def question_yaml(q: dict) -> list[str]:
    qtype = q["type"]
    out = [f"  - id: {q['id']}", f"    type: {qtype}", f"    prompt: {yaml_text(q['prompt'])}"]
    if qtype in ("single", "multiple"):
        if qtype == "multiple":
            out.append("    scoring: partial")
        out.append("    options:")
        for o, option in enumerate(q["options"]):
            out += [f"      - id: o{o + 1}", f"        text: {yaml_text(option['text'])}"]
            if option["correct"]:
                out.append("        correct: true")
            out.append(f"        feedback: {yaml_text(option['feedback'])}")
    elif qtype == "true_false":
        out += [
            f"    answer: {'true' if q['answer'] else 'false'}",
            "    feedback:",
            f"      correct: {yaml_text(q['correct_feedback'])}",
            f"      incorrect: {yaml_text(q['incorrect_feedback'])}",
        ]
    elif qtype == "fill_blank":
        out.append(f"    answers: [{', '.join(yaml_text(a) for a in q['answers'])}]")
    elif qtype == "numeric":
        out += [f"    answer: {q['answer']}", "    tolerance: 0.5", '    unit: "%"']
    elif qtype == "matching":
        out.append("    pairs:")
        for p, (left, right) in enumerate(q["pairs"]):
            out += [
                f"      - id: p{p + 1}",
                f"        left: {yaml_text(left)}",
                f"        right: {yaml_text(right)}",
            ]
    elif qtype == "ordering":
        out.append("    items:")
        for i, item in enumerate(q["items"]):
            out += [f"      - id: i{i + 1}", f"        text: {yaml_text(item)}"]
    out.append(f"    explanation: {yaml_text(q['explanation'])}")
    if q["hint"]:
        out.append(f"    hint: {yaml_text(q['hint'])}")
    return out


def quiz_data(words: Words, title: str, questions: int = QUESTIONS_PER_QUIZ) -> dict:
    return {
        "title": title,
        "description": words.sentence(),
        "questions": [question_data(words, i, QUESTION_TYPES[i % len(QUESTION_TYPES)]) for i in range(questions)],
    }


def quiz_yaml(words: Words, quiz_id: str, title: str, questions: int = QUESTIONS_PER_QUIZ) -> str:
    return quiz_data_yaml(quiz_data(words, title, questions), quiz_id)


def quiz_data_yaml(quiz: dict, quiz_id: str) -> str:
    out = [
        f"id: {quiz_id}",
        f"title: {yaml_text(quiz['title'])}",
        f"description: {yaml_text(quiz['description'])}",
        "pass_mark: 70",
        "questions:",
    ]
    for q in quiz["questions"]:
        out += question_yaml(q)
    return "\n".join(out) + "\n"


# -- the same questions in the peer's syntax -----------------------------------

PEER = "mkdocs-quiz"
PEER_VERSION = "1.7.1"
# How each of our question types is written for mkdocs-quiz, which has
# one-answer and several-answer choice questions (checkbox lists, per-answer
# feedback in a blockquote) and fill-in-the-blank questions ([[answer]], one
# exact answer per blank, compared without case). Read from its parsing.py
# and plugin.py (version 1.7.1).
PEER_MAPPING = {
    "single": "one-answer choice",
    "multiple": "several-answer choice (all or nothing: no partial scoring)",
    "true_false": "one-answer choice of True / False, feedback on each",
    "fill_blank": "fill-in-the-blank with the first accepted answer only (no alternatives)",
    "numeric": "fill-in-the-blank with the exact number (no tolerance, no unit)",
    "matching": "lacks it: fill-in-the-blank, the right-hand list then a blank per left item",
    "ordering": "lacks it: fill-in-the-blank, a blank for each item's position",
}
PEER_LEFT_OUT = "hints (no equivalent), the quiz's pass mark"


def peer_question_md(q: dict) -> str:
    """One of our questions as a mkdocs-quiz <quiz> block."""
    qtype, out = q["type"], ["<quiz>"]
    if qtype in ("single", "multiple", "true_false"):
        if qtype == "true_false":
            options = [
                {"text": text, "correct": q["answer"] is value,
                 "feedback": q["correct_feedback"] if q["answer"] is value else q["incorrect_feedback"]}
                for text, value in (("True", True), ("False", False))
            ]
        else:
            options = q["options"]
        out.append(q["prompt"])
        for option in options:
            out.append(f"- [{'x' if option['correct'] else ' '}] {option['text']}")
            out.append(f"> {option['feedback']}")
        out += ["", q["explanation"]]
    else:
        out.append(q["prompt"])
        if qtype in ("fill_blank", "numeric"):
            answer = q["answers"][0] if qtype == "fill_blank" else q["answer"]
            out += ["", f"Answer: [[{answer}]]"]
        elif qtype == "matching":
            out += [""] + [right for _, right in q["pairs"]] + [""]  # "1. ...": a numbered list
            out += [f"- {left}: [[{number + 1}]]" for number, (left, _) in enumerate(q["pairs"])]
        elif qtype == "ordering":
            out += [""] + [f"- {item}: [[{position + 1}]]" for position, item in enumerate(q["items"])]
        out += ["", "---", q["explanation"]]
    out.append("</quiz>")
    return "\n".join(out)


def peer_quiz_md(quiz: dict) -> str:
    """The quiz as our placement shows it (title, description, questions)."""
    blocks = [f"## {quiz['title']}", "", quiz["description"], ""]
    for q in quiz["questions"]:
        blocks += [peer_question_md(q), ""]
    return "\n".join(blocks)


def peer_mkdocs_yml() -> str:
    """The plain site's configuration with mkdocs-quiz added, its defaults kept."""
    return mkdocs_yml(False).replace("  - search\n", "  - search\n  - mkdocs_quiz\n", 1)


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


def generate(root: Path, pages: int, seed: int = SEED, peer: bool = False) -> tuple[Path, Path, list[str]]:
    """Write the plugin and plain projects under root; return their configs and page URLs.

    With peer, also root/peer: the same pages with the same questions in
    mkdocs-quiz's syntax.
    """
    words = Words(random.Random(seed))
    plugin, plain = root / "plugin", root / "plain"
    projects = (plugin, plain, root / "peer") if peer else (plugin, plain)
    for project in projects:
        (project / "docs").mkdir(parents=True)
    (plugin / "quizzes").mkdir()
    (plugin / "mkdocs.yml").write_text(mkdocs_yml(True), encoding="utf-8")
    # The same project with the build cache off: what a first build costs.
    (plugin / "mkdocs-cold.yml").write_text(mkdocs_yml(True, cache=False), encoding="utf-8")
    (plain / "mkdocs.yml").write_text(mkdocs_yml(False), encoding="utf-8")
    if peer:
        (root / "peer" / "mkdocs.yml").write_text(peer_mkdocs_yml(), encoding="utf-8")

    # Two pages without a quiz, so the runtime-reference check means something.
    extra = {
        "index.md": "# Benchmark course\n\n" + wrap(words.paragraph(6)) + "\n",
        "glossary.md": "# Glossary\n\n"
        + "\n\n".join(f"{words.title(2)}\n:   {words.sentence()}" for _ in range(12))
        + "\n",
    }
    for name, text in extra.items():
        for project in projects:
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
        quiz = quiz_data(words, title)
        (plugin / "quizzes" / f"{quiz_id}.yml").write_text(quiz_data_yaml(quiz, quiz_id), encoding="utf-8")
        if peer:
            (root / "peer" / "docs" / f"{stem}.md").write_text(f"{body}\n\n{peer_quiz_md(quiz)}", encoding="utf-8")
        quiz_urls.append(f"{stem}/index.html")
    return plugin / "mkdocs.yml", plain / "mkdocs.yml", quiz_urls


# -- building and measuring ----------------------------------------------------


def build(config: Path, site: Path, python: str | None = None) -> tuple[float, float]:
    """Build in a fresh process; return its wall time and its CPU time (user + system) in seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [python or sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"build of {config} failed with exit code {done.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


# -- the peer's environment ----------------------------------------------------

PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
CONSTRAINTS = Path(__file__).resolve().parent.parent / "constraints.txt"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def peer_versions(python: Path) -> list[str] | None:
    """[mkdocs-quiz, mkdocs, mkdocs-material] versions installed for python, or None."""
    code = (
        "import importlib.metadata as m\n"
        "print(' '.join(m.version(n) for n in ('mkdocs-quiz', 'mkdocs', 'mkdocs-material')))"
    )
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True)
    return done.stdout.split() if done.returncode == 0 else None


def peer_environment(venv: Path, log) -> dict:
    """A virtualenv of its own with mkdocs-quiz and this environment's MkDocs and Material.

    Made (or brought to the wanted versions) with pip from the package
    registry; never touches the project's own environment. Returns
    {"python": path or None, "versions": ..., "skipped": reason or None}.
    """
    wanted = [PEER_VERSION, package_version("mkdocs"), package_version("mkdocs-material")]
    python = venv_python(venv)
    if python.exists() and peer_versions(python) == wanted:
        return {"python": str(python), "versions": wanted, "skipped": None, "venv": str(venv)}
    log(f"installing {PEER} {PEER_VERSION} into {venv} (MkDocs {wanted[1]}, Material {wanted[2]})")
    steps = [[sys.executable, "-m", "venv", str(venv)]] if not python.exists() else []
    install = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if CONSTRAINTS.exists():
        install += ["-c", str(CONSTRAINTS)]
    install += [f"{PEER}=={wanted[0]}", f"mkdocs=={wanted[1]}", f"mkdocs-material=={wanted[2]}"]
    steps.append(install)
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            return {"python": None, "versions": None, "venv": str(venv),
                    "skipped": f"could not install {PEER}: `{' '.join(step[:4])} ...` took over 15 minutes"}
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return {"python": None, "versions": None, "venv": str(venv),
                    "skipped": f"could not install {PEER} {PEER_VERSION} from the package registry "
                    f"(is it reachable?): {last[0]}"}
    found = peer_versions(python)
    if found != wanted:
        return {"python": None, "versions": found, "venv": str(venv),
                "skipped": f"{venv} has {found}, wanted {PEER}, mkdocs, mkdocs-material {wanted}"}
    return {"python": str(python), "versions": wanted, "skipped": None, "venv": str(venv)}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def only(site: Path, pattern: str) -> Path:
    found = sorted(site.glob(pattern))
    if len(found) != 1:
        raise SystemExit(f"expected one file matching {pattern} in {site}, found {len(found)}")
    return found[0]


TAG = re.compile(r"<(script|link)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"', re.IGNORECASE)


def page_weight(site: Path, page: str) -> dict:
    """A page's HTML and the local JS and CSS files it loads, each gzip -9, in bytes.

    Inline scripts and styles are part of the HTML. Files are the page's
    ``<script src>`` and ``<link rel="stylesheet" href>``, resolved against
    the page and counted once each.
    """
    html_path = site / page
    text = html_path.read_text(encoding="utf-8")
    found = {"js": set(), "css": set()}
    for tag, attrs in TAG.findall(text):
        values = {k.lower(): v for k, v in ATTRIBUTE.findall(attrs)}
        if tag.lower() == "script" and "src" in values:
            kind, url = "js", values["src"]
        elif tag.lower() == "link" and "stylesheet" in values.get("rel", "").split() and "href" in values:
            kind, url = "css", values["href"]
        else:
            continue
        if re.match(r"^[a-z]+:|^//", url):
            continue  # not part of the site (there should be none: no CDN)
        target = Path(os.path.normpath(html_path.parent / url.split("?")[0].split("#")[0]))
        if target.is_file():
            found[kind].add(target)
    weights = {"html": gzipped(html_path.read_bytes())}
    for kind, paths in found.items():
        weights[kind] = sum(gzipped(path.read_bytes()) for path in paths)
        weights[kind + "_files"] = sorted(path.relative_to(site).as_posix() for path in paths)
    weights["total"] = weights["html"] + weights["js"] + weights["css"]
    return weights


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def measure(pages: int, repeat: int, log, peer: bool = True, peer_venv: Path = PEER_VENV) -> dict:
    peer_env = peer_environment(peer_venv, log) if peer else {"skipped": "not asked for (--no-peer)"}
    if peer and peer_env["skipped"]:
        log(f"peer skipped: {peer_env['skipped']}")
    with_peer = bool(peer_env.get("python"))
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        root = Path(tmp)
        plugin_cfg, plain_cfg, quiz_urls = generate(root, pages, peer=with_peer)
        sites = {"plugin": root / "site-plugin", "cold": root / "site-cold", "plain": root / "site-plain"}
        configs = {"plugin": plugin_cfg, "cold": plugin_cfg.with_name("mkdocs-cold.yml"), "plain": plain_cfg}
        pythons = {}
        names: tuple[str, ...] = ("plugin", "cold", "plain")
        if with_peer:
            sites["peer"], configs["peer"] = root / "site-peer", root / "peer" / "mkdocs.yml"
            pythons["peer"] = peer_env["python"]
            names += ("peer",)

        # The warm-up also fills the plugin's build cache (.cache/ in the project).
        warmup = {name: build(configs[name], sites[name], pythons.get(name))[0] for name in names}
        log("warm-up (not counted): " + ", ".join(f"{n} {warmup[n]:.2f} s" for n in names))
        times: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(repeat):
            # Rotate which build goes first each round so none always runs
            # on a machine warmed by another.
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                wall, used = build(configs[name], sites[name], pythons.get(name))
                times[name].append(wall)
                cpu[name].append(used)
            log(f"round {round_ + 1}/{repeat}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names))

        comparison = side_by_side(sites, times, cpu, quiz_urls[0], peer_env)
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
            "side_by_side": comparison,
            "questions_per_quiz": QUESTIONS_PER_QUIZ,
            "environment": {
                "python": platform.python_version(),
                "mkdocs": package_version("mkdocs"),
                "mkdocs-material": package_version("mkdocs-material"),
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
            },
            "build": {
                "warmup_seconds": warmup,
                "plugin_seconds": times["plugin"],
                "plain_seconds": times["plain"],
                "cold_seconds": times["cold"],
                "cpu_seconds": cpu,
                "cold_median_seconds": cold_median,
                "cold_ratio": cold_ratio,
                "cold_pass": cold_ratio <= FIRST_BUILD_TARGET,
                "cold_ratio_target": FIRST_BUILD_TARGET,
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


def side_by_side(sites: dict, times: dict, cpu: dict, page: str, peer_env: dict) -> dict:
    """Plain = 1.00: mkdocs-quiz and this plugin (first build and cache filled), time and page weight."""
    plain_wall, plain_cpu = statistics.median(times["plain"]), statistics.median(cpu["plain"])
    rows = [("plain", "plain MkDocs + Material", "plain"), ("peer", f"{PEER} {PEER_VERSION}", "peer"),
            ("cold", "mkdocs-course, first build", "plugin"), ("plugin", "mkdocs-course, cache filled", "plugin")]
    builds, weights = {}, {}
    for name, label, site_name in rows:
        if name not in times:
            continue
        wall, used = statistics.median(times[name]), statistics.median(cpu[name])
        builds[name] = {
            "label": label,
            "median_seconds": wall,
            "median_cpu_seconds": used,
            "ratio": wall / plain_wall,
            "cpu_ratio": used / plain_cpu,
        }
        if site_name not in weights:
            weights[site_name] = page_weight(sites[site_name], page)
    for weight in weights.values():
        weight["extra_over_plain"] = weight["total"] - weights["plain"]["total"]
    return {
        "peer": {
            "package": PEER,
            "version": PEER_VERSION,
            "skipped": peer_env["skipped"],
            "environment": peer_env.get("venv"),
            "mapping": PEER_MAPPING,
            "left_out": PEER_LEFT_OUT,
        },
        "builds": builds,
        "page": page,
        "page_weight": weights,
    }


def side_by_side_table(r: dict) -> str:
    s = r["side_by_side"]
    env = r["environment"]
    head = (
        f"Side by side, one run: {r['pages']} pages x {r['questions_per_quiz']} questions, "
        f"medians of {r['repeat']} fresh-process builds, plain = 1.00"
    )
    lines = [head, "-" * len(head)]
    label_width = max(len(b["label"]) for b in s["builds"].values())
    lines.append(f"{'':<{label_width}}  {'wall':>6}  {'ratio':>5}  {'CPU':>6}  {'ratio':>5}")
    for b in s["builds"].values():
        lines.append(
            f"{b['label']:<{label_width}}  {b['median_seconds']:5.2f}s  {b['ratio']:5.2f}"
            f"  {b['median_cpu_seconds']:5.2f}s  {b['cpu_ratio']:5.2f}"
        )
    if s["peer"]["skipped"]:
        lines.append(f"{PEER}: skipped, {s['peer']['skipped']}")
    lines.append("")
    lines.append(f"Quiz page {s['page']}, gzip -9: HTML (inline scripts and styles included) + the JS and CSS files it loads")
    names = {"plain": "plain MkDocs + Material", "peer": f"{PEER} {PEER_VERSION}", "plugin": "mkdocs-course"}
    lines.append(f"{'':<{label_width}}  {'HTML':>7}  {'JS':>7}  {'CSS':>7}  {'total':>7}  {'over plain':>10}")
    for name, w in s["page_weight"].items():
        lines.append(
            f"{names[name]:<{label_width}}  {w['html']:>6}B  {w['js']:>6}B  {w['css']:>6}B"
            f"  {w['total']:>6}B  {w['extra_over_plain']:>+9}B"
        )
    if not s["peer"]["skipped"]:
        lines.append("")
        lines.append(f"Our question types in {PEER} (it has choice and fill-in-the-blank questions):")
        for qtype, how in s["peer"]["mapping"].items():
            lines.append(f"  {qtype}: {how}")
        lines.append(f"  left out: {s['peer']['left_out']}")
    lines.append(
        f"Python {env['python']}, MkDocs {env['mkdocs']}, Material {env['mkdocs-material']}, {env['cpus']} CPUs, "
        f"load average {' '.join(f'{x:.1f}' for x in env['load_average'] or ())}"
    )
    return "\n".join(lines)


def bench_arguments(doc: str, pages: int, pages_help: str) -> argparse.ArgumentParser:
    """The options the Chromium benchmarks share: --pages and --json."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=pages, help=f"{pages_help} (default {pages})")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    return parser


def report(results: dict, text: str, json_path: Path | None) -> int:
    """Print a benchmark's table; with --json, also write its figures."""
    print()
    print(text)
    if json_path:
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


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
        ("Ratio plugin, no cache / plain", f"{b['cold_ratio']:.3f}", f"<= {FIRST_BUILD_TARGET}  {verdict(b['cold_pass'])}"),
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
    parser.add_argument("--repeat", "--rounds", type=int, default=3, help="timed builds of each site (default 3)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    parser.add_argument("--peer-only", action="store_true",
                        help=f"print only the side-by-side comparison with {PEER} (e.g. --pages 20 --repeat 1)")
    parser.add_argument("--no-peer", action="store_true", help=f"do not install or build {PEER}")
    parser.add_argument("--peer-venv", type=Path, default=PEER_VENV, metavar="PATH",
                        help=f"virtualenv for {PEER}, made if missing (default bench/.peer-venv)")
    args = parser.parse_args(argv)
    if args.peer_only and args.no_peer:
        parser.error("--peer-only and --no-peer exclude each other")
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")

    def log(message: str) -> None:
        print(message, flush=True)

    results = measure(args.pages, args.repeat, log, peer=not args.no_peer, peer_venv=args.peer_venv)
    print()
    if not args.peer_only:
        print(table(results))
        print()
    print(side_by_side_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
