"""What a learner's browser pays for a quiz page: its first load, gzipped,
everything counted, against a budget; and how long grading one question of a
50-question quiz takes in Chromium, against one frame. See bench/README.md.

    python bench/page_bench.py [--pages 10] [--questions 50] [--json PATH]
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench  # noqa: E402  (the same synthetic course)

FIRST_LOAD_BUDGET = 72 * 1024  # gzipped bytes, before the learner opens search
GRADE_TARGET_MS = 16.0  # one frame at 60 Hz
LONG_QUIZ = "long-quiz"

# Answers every question of the quiz in the page (any answer: grading time does
# not depend on being right), then checks them one by one, timing each check
# and the layout it causes, as the learner's next frame would need it.
GRADE_ALL = """async () => {
  const root = document.querySelector("[data-course-quiz]");
  for (const q of root.querySelectorAll("[data-course-question]")) {
    const kind = q.getAttribute("data-question-type");
    if (kind === "single" || kind === "true_false" || kind === "multiple") q.querySelector("input").click();
    else if (kind === "fill_blank" || kind === "numeric") {
      const input = q.querySelector("[data-course-input]");
      input.value = "7"; input.dispatchEvent(new Event("input", {bubbles: true}));
    } else if (kind === "matching") {
      for (const select of q.querySelectorAll("select")) {
        select.selectedIndex = 1; select.dispatchEvent(new Event("change", {bubbles: true}));
      }
    }
  }
  const times = [];
  for (const q of root.querySelectorAll("[data-course-question]")) {
    const form = q.matches("form") ? q : q.querySelector("form");
    const start = performance.now();
    form.requestSubmit();
    const graded = performance.now();
    void document.body.offsetHeight;  // the style and layout the feedback needs
    times.push([graded - start, performance.now() - start]);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return {times, graded: root.querySelectorAll("[data-course-question] [data-course-feedback]:not([hidden])").length};
}"""


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if path.endswith("search_index.json"):
        return "search index"
    if "sitemap" in name:
        return "sitemap"
    if name == "sw.js":
        return "offline worker"
    if path.endswith((".html", "/")) or "." not in name:
        return "HTML"
    return {"js": "JS", "css": "CSS", "png": "images", "svg": "images", "webmanifest": "manifest"}.get(
        name.rsplit(".", 1)[-1], "other")


def local_file(site: Path, path: str) -> Path:
    path = path.lstrip("/")
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def serve(site: Path):
    from mkdocs_course.preview import make_server

    httpd = make_server(site, "127.0.0.1", 0, quiet=True)
    httpd.handle_error = lambda request, address: None  # a fetch the browser gave up on
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def first_load(browser, base: str, site: Path, page_path: str) -> dict:
    """Every file the page, its workers and its service worker fetch until the
    network is quiet, gzipped (level 6, as hosts serve) from the built files;
    then what opening search fetches (Material's worker and the index, which
    the course holds back until then), apart."""
    context = browser.new_context(service_workers="allow")
    seen: dict[str, str] = {}
    worker: set[str] = set()

    def finished(request):
        path = urlsplit(request.url).path
        if request.service_worker is not None:  # the precache, in the background
            worker.add(path)
        else:
            seen.setdefault(path, kind_of(path))

    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(base + page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # the worker's precache and search's index come after load
    page.wait_for_load_state("networkidle")
    # the worker's own script is fetched by the browser, not by a page or worker
    script = page.evaluate("""navigator.serviceWorker.getRegistration().then(r => {
      const w = r && (r.active || r.waiting || r.installing); return w ? w.scriptURL : null; })""")
    if script:
        seen[urlsplit(script).path] = "offline worker"
    # then the learner opens search: what that fetches, not counted in the budget
    before = set(seen)
    page.locator(".md-search__input").focus()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    on_search = sorted(set(seen) - before)
    for path in on_search:
        del seen[path]
    context.close()
    files = []
    for path, kind in sorted(seen.items()):
        file = local_file(site, path)
        if file.is_file():
            data = file.read_bytes()
            files.append({"path": path, "kind": kind, "bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6))})
    search_files = [local_file(site, path) for path in on_search]
    search_gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in search_files if f.is_file())
    precache = [local_file(site, path) for path in worker - set(seen) - set(on_search)]
    precache_gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in precache if f.is_file())
    kinds: dict[str, int] = {}
    for f in files:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + f["gzip_bytes"]
    total = sum(kinds.values())
    return {"page": page_path, "files": files, "by_kind_gzip_bytes": kinds, "total_gzip_bytes": total,
            "budget_gzip_bytes": FIRST_LOAD_BUDGET, "pass": total <= FIRST_LOAD_BUDGET,
            "precache_files": len(precache), "precache_gzip_bytes": precache_gz,
            "on_search_files": on_search, "on_search_gzip_bytes": search_gz,
            "biggest": max(files, key=lambda f: f["gzip_bytes"])["path"] if files else None}


def grading(browser, base: str, questions: int) -> dict:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + LONG_QUIZ + "/")
    page.wait_for_function("document.querySelector('[data-course-quiz]').mkdocsCourseQuiz")
    result = page.evaluate(GRADE_ALL)
    context.close()
    script = [t[0] for t in result["times"]]
    times = [t[1] for t in result["times"]]
    return {"questions": questions, "graded": result["graded"], "median_ms": statistics.median(times),
            "max_ms": max(times), "last_ms": times[-1], "script_median_ms": statistics.median(script),
            "script_max_ms": max(script), "target_ms": GRADE_TARGET_MS,
            "pass": statistics.median(times) < GRADE_TARGET_MS}


def measure(pages: int, questions: int, log) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="course-page-bench-") as tmp:
        root = Path(tmp)
        config, _, quiz_urls = build_bench.generate(root, pages)
        project = config.parent
        words = build_bench.Words(random.Random(build_bench.SEED + 1))
        (project / "quizzes" / f"{LONG_QUIZ}.yml").write_text(
            build_bench.quiz_yaml(words, LONG_QUIZ, "A long quiz", questions), encoding="utf-8")
        (project / "docs" / f"{LONG_QUIZ}.md").write_text(
            f"# A long quiz\n\n{words.paragraph(3)}\n\n[Quiz: A long quiz](quiz:{LONG_QUIZ})\n", encoding="utf-8")
        site = root / "site"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                              cwd=project, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stdout + done.stderr)
        log(f"built {pages} module pages and a {questions}-question quiz")
        httpd, base = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox", "--disable-gpu"])
                weight = first_load(browser, base, site, quiz_urls[0].removesuffix("index.html"))
                grades = grading(browser, base, questions)
                browser.close()
        finally:
            httpd.shutdown()
            httpd.server_close()
    return {"first_load": weight, "grading": grades}


def table(r: dict) -> str:
    w, g = r["first_load"], r["grading"]
    lines = [f"Quiz page first load ({w['page']}), gzip -6, everything fetched until the network is quiet",
             "-" * 72]
    for kind, size in sorted(w["by_kind_gzip_bytes"].items(), key=lambda kv: -kv[1]):
        count = sum(1 for f in w["files"] if f["kind"] == kind)
        lines.append(f"  {kind:<16} {size / 1024:7.1f} KB  ({count} files)")
    verdict = build_bench.verdict(w["pass"])
    lines.append(f"  {'total':<16} {w['total_gzip_bytes'] / 1024:7.1f} KB  <= {FIRST_LOAD_BUDGET // 1024} KB  {verdict}")
    names = ", ".join(path.rsplit("/", 1)[-1] for path in w["on_search_files"]) or "nothing"
    lines.append(f"  when the learner opens search: {w['on_search_gzip_bytes'] / 1024:.1f} KB more ({names})")
    lines.append(f"  then the offline worker's precache, in the background: {w['precache_files']} more files, "
                 f"{w['precache_gzip_bytes'] / 1024:.1f} KB (not counted)")
    biggest = max(w["files"], key=lambda f: f["gzip_bytes"])
    lines.append(f"  biggest: {biggest['path']} ({biggest['gzip_bytes'] / 1024:.1f} KB)")
    lines.append("")
    lines.append(f"Grading one question of a {g['questions']}-question quiz in Chromium (check + layout)")
    lines.append("-" * 72)
    verdict = build_bench.verdict(g["pass"])
    lines.append(f"  median {g['median_ms']:.2f} ms, slowest {g['max_ms']:.2f} ms, last (finishes the quiz) "
                 f"{g['last_ms']:.2f} ms; {g['graded']} graded  median < {GRADE_TARGET_MS:.0f} ms  {verdict}")
    lines.append(f"  of which the script: median {g['script_median_ms']:.2f} ms, slowest {g['script_max_ms']:.2f} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = build_bench.bench_arguments(__doc__, 10, "module pages beside the long quiz")
    parser.add_argument("--questions", type=int, default=50, help="questions of the long quiz (default 50)")
    args = parser.parse_args(argv)
    results = measure(args.pages, args.questions, lambda m: print(m, flush=True))
    return build_bench.report(results, table(results), args.json)


if __name__ == "__main__":
    sys.exit(main())
