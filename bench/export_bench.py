"""SCORM export benchmark: package sizes and export time for a course, and
how much of cmi.suspend_data learners' progress takes.

* Builds the course (default: the demo course of this repository) into a
  temporary folder, exports every language as SCORM 1.2 and 2004, and
  reports each zip's size and each export's wall time.
* Packs learners' progress with the bridge's own code
  (``assets/js/scorm-suspend.js``, run by Node): the course completed (each
  required quiz failed once, then passed, answers and all) and a synthetic
  course of ``--modules`` ten-question modules with ``--attempts`` finished
  attempts each (the last one passing) and an unfinished attempt in every
  tenth module. For SCORM 1.2 (4,096 characters) and 2004 (64,000) it
  reports the characters used, the attempts kept and dropped, whether every
  module's deciding attempt was kept (target: yes), and the export-time
  worst case; and what lz-string (npm) would make of the same text, the
  measure of whether compression would earn its bytes.
* The bridge's scripts, raw and gzipped.

Run from anywhere with the project's Python (Node and `npm ci` needed)::

    python bench/export_bench.py [--project PATH] [--modules 100] [--attempts 3] [--json PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "plugins" / "mkdocs_course" / "assets" / "js"
LZ_STRING = ROOT / "node_modules" / "lz-string" / "libs" / "lz-string.js"
SEED = 20261201
TYPES = ("single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering")
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"

sys.path.insert(0, str(ROOT / "plugins"))
from mkdocs_course.export.scorm_suspend import LIMITS, estimate  # noqa: E402
from mkdocs_course.runtime import scorm_assets  # noqa: E402

NODE_PACK = r"""
const fs = require("fs");
global.window = {};
eval(fs.readFileSync(process.argv[1], "utf8"));
const S = window.mkdocsCourse.scorm;
let LZ = null;
try { LZ = require(process.argv[2]); } catch (e) { /* npm ci not run: no comparison */ }
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
for (const [version, limit] of Object.entries(input.limits)) {
  const packed = S.pack(input.course, input.stored, limit, input.mark);
  const back = S.unpack(input.course, packed.text);
  const decided = input.course.modules.every(m => {
    const mine = input.stored[m.quiz];
    if (!mine || !mine.attempts.some(a => a.finished)) return true;
    const theirs = back.stored[m.quiz];
    const pass = a => a.finished && a.passed === true;
    return !!theirs && theirs.attempts.some(pass) === mine.attempts.some(pass);
  });
  out[version] = {size: packed.size, kept: packed.kept, dropped: packed.dropped, decided,
                  lz: LZ ? LZ.compressToBase64(packed.text).length : null};
}
process.stdout.write(JSON.stringify(out));
"""


def base36(n: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 36)
        out = BASE36[d] + out
    return out or "0"


class Learner:
    """Makes attempts as the quiz runtime saves them, from a fixed seed."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.clock = 1_790_000_000_000  # ms, late 2026

    def uid(self, at: int) -> str:
        return base36(at) + "-" + "".join(self.rng.choice(BASE36) for _ in range(8))

    def answer(self, q: dict):
        r, options = self.rng, q.get("options") or []
        if q["type"] == "single":
            return r.choice(options)
        if q["type"] == "multiple":
            return sorted(r.sample(options, 2))
        if q["type"] == "true_false":
            return r.random() < 0.5
        if q["type"] == "fill_blank":
            return r.choice(["Equal pay", "the owner", "a written policy", "twelve weeks"])
        if q["type"] == "numeric":
            return str(r.randint(1, 500))
        if q["type"] == "matching":
            return dict(zip(options, r.sample(q.get("choices") or options, len(options))))
        return r.sample(options, len(options))

    def attempt(self, module: dict, passed: bool | None, lang: str) -> dict:
        questions = module["questions"][: module.get("draw") or None]
        started = self.clock
        self.clock += self.rng.randint(120_000, 900_000)
        ids = [q["id"] for q in questions]
        orders = {q["id"]: self.rng.sample(q["options"], len(q["options"]))
                  for q in questions if q.get("options")}
        answers = {q["id"]: self.answer(q) for q in questions}
        if passed is None:  # unfinished: half the questions answered, some checked
            half = ids[: len(ids) // 2]
            answers = {k: answers[k] for k in half}
            scores = {k: 1 for k in half[:-1]}
            attempt = {"id": self.uid(started), "finished": None, "score": None, "passed": None}
        else:
            right = len(ids) if passed else max(0, len(ids) // 2 - 1)
            scores = {k: (1 if i < right else 0) for i, k in enumerate(ids)}
            score = round(100 * right / len(ids), 1)
            finished = self.clock
            attempt = {"id": self.uid(finished + 1), "finished": iso(finished), "score": score,
                       "right": right, "passed": score >= module["pass_mark"]}
        attempt.update({"quiz": module["quiz"], "version": module["version"], "lang": lang,
                        "started": iso(started), "questions": ids, "orders": orders,
                        "answers": answers, "scores": scores})
        self.clock += self.rng.randint(3_600_000, 86_400_000)
        return attempt


def iso(ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + f".{ms % 1000:03d}Z"


def progress(modules: list[dict], attempts: int, lang: str = "en", drafts_every: int = 10) -> dict:
    """Each module: attempts - 1 failed attempts, then a pass; a draft in every
    `drafts_every`-th module."""
    learner, stored = Learner(), {}
    for n, module in enumerate(modules):
        done = [learner.attempt(module, k == attempts - 1, lang) for k in range(attempts)]
        current = learner.attempt(module, None, lang) if drafts_every and n % drafts_every == 0 else done[-1]
        stored[module["quiz"]] = {"attempts": done, "current": current}
    return stored


def synthetic_modules(count: int) -> list[dict]:
    """Build-manifest modules: ten questions each, cycling through every type."""
    modules = []
    for n in range(count):
        questions = []
        for i in range(10):
            kind = TYPES[i % len(TYPES)]
            q = {"id": f"q{i + 1}", "type": kind}
            if kind in ("single", "multiple", "ordering"):
                q["options"] = [f"o{k}" for k in range(1, 5)]
            if kind == "matching":
                q["options"] = ["p1", "p2", "p3"]
                q["choices"] = sorted(f"{(n * 31 + i * 7 + k) * 2654435761 % 16**8:08x}" for k in range(3))
            questions.append(q)
        modules.append({"quiz": f"quiz-{n + 1:03d}", "title": f"Module {n + 1}", "required": True,
                        "pass_mark": 70, "version": f"{n:012x}", "questions": questions})
    return modules


def pack(modules: list[dict], stored: dict, lang: str) -> dict:
    """The bridge's own packing, run by Node, for both versions' limits."""
    course = {"lang": lang, "modules": modules, "keySize": estimate(modules, "1.2").key_size}
    payload = json.dumps({"course": course, "stored": stored, "limits": LIMITS, "mark": 0})
    done = subprocess.run(["node", "-e", NODE_PACK, str(JS / "scorm-suspend.js"), str(LZ_STRING)],
                          input=payload, capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise SystemExit(f"node failed: {done.stderr}")
    return json.loads(done.stdout)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("mkdocs-course", path=str(Path(sys.executable).parent)) or "mkdocs-course"
    done = subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, timeout=900)
    if done.returncode:
        raise SystemExit(f"mkdocs-course {' '.join(args)} failed:\n{done.stderr}")
    return done


def measure(project: Path, modules: int, attempts: int, log) -> dict:
    from mkdocs_course.export.manifest import find_sites

    figures: dict = {"project": str(project), "packages": [], "suspend": {}}
    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        site, out = Path(tmp) / "site", Path(tmp) / "dist"
        log(f"building {project} ...")
        started = time.perf_counter()
        run("build", "-q", "--site-dir", str(site), cwd=project)
        figures["build_seconds"] = round(time.perf_counter() - started, 2)
        sites = find_sites(site)
        for version in ("1.2", "2004"):
            started = time.perf_counter()
            run("export", "scorm", "--version", version, "--site-dir", str(site), "--out", str(out), cwd=project)
            seconds = time.perf_counter() - started
            figures.setdefault("export_seconds", {})[version] = round(seconds, 2)
            for built in sites:
                zip_path = out / f"{built.course_id}-{built.language}-scorm{version.replace('.', '')}.zip"
                figures["packages"].append({"version": version, "language": built.language,
                                            "bytes": zip_path.stat().st_size,
                                            "site_bytes": sum(p.stat().st_size for p in built.folder.rglob("*") if p.is_file())})
        source = sites[0]
        required = [m for m in source.modules if m["required"]]
        log("packing progress ...")
        demo = progress(required, 2, source.language, drafts_every=0)
        figures["suspend"]["course completed"] = dict(
            modules=len(source.modules), attempts=2 * len(required), result=pack(source.modules, demo, source.language),
            worst={v: estimate(source.modules, v).needed for v in LIMITS})
        synthetic = synthetic_modules(modules)
        stored = progress(synthetic, attempts)
        figures["suspend"][f"synthetic, {modules} modules"] = dict(
            modules=modules, attempts=attempts * modules + len(range(0, modules, 10)), result=pack(synthetic, stored, "en"),
            worst={v: estimate(synthetic, v).needed for v in LIMITS})
    launch, page = scorm_assets()
    figures["bridge"] = {"launch_bytes": len(launch.content), "launch_gzip": len(gzip.compress(launch.content, 9)),
                         "page_bytes": len(page.content), "page_gzip": len(gzip.compress(page.content, 9))}
    return figures


def table(f: dict) -> str:
    lines = [f"Course: {f['project']} (built in {f['build_seconds']:.1f} s)", "",
             "Packages (zip) against the language's built site:",
             "| version | language | zip | site | zip / site |", "| --- | --- | --- | --- | --- |"]
    for p in f["packages"]:
        lines.append(f"| {p['version']} | {p['language']} | {p['bytes'] / 1024:,.0f} KB | {p['site_bytes'] / 1024:,.0f} KB "
                     f"| {p['bytes'] / p['site_bytes']:.2f} |")
    lines += ["", "Export time (every language, one command): " + ", ".join(
        f"SCORM {v}: {s:.1f} s" for v, s in f["export_seconds"].items()), "",
        "suspend_data (characters), packed by the bridge's own code:",
        "| progress | version | used / limit | kept | dropped | deciding attempts kept | worst case (export check) | lz-string / ours |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, s in f["suspend"].items():
        for version, r in s["result"].items():
            lz = f"{r['lz'] / r['size']:.2f}" if r["lz"] else "n/a"
            lines.append(f"| {name}, {s['attempts']} attempts | {version} | {r['size']:,} / {LIMITS[version]:,} "
                         f"| {r['kept']} | {r['dropped']} | {'yes' if r['decided'] else 'NO'} "
                         f"| {s['worst'][version]:,} ({'fits' if s['worst'][version] <= LIMITS[version] else 'warns'}) | {lz} |")
    b = f["bridge"]
    lines += ["", f"Bridge: launch page script {b['launch_bytes']:,} bytes ({b['launch_gzip']:,} gzip), "
              f"page script {b['page_bytes']:,} bytes ({b['page_gzip']:,} gzip); only in SCORM packages."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the course to build (default: the demo course)")
    parser.add_argument("--modules", type=int, default=100, help="modules of the synthetic course (default 100)")
    parser.add_argument("--attempts", type=int, default=3, help="finished attempts per synthetic module (default 3)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    figures = measure(args.project.resolve(), args.modules, args.attempts, lambda text: print(text, file=sys.stderr))
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
