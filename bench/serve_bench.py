"""How long `mkdocs-course serve` takes to show an author's change: the time
from saving a quiz file (or a page) to the open page in Chromium showing the
new text, on the synthetic course of build_bench.py (100 module pages with a
ten-question quiz each, one language). Side by side in the same run: plain
`mkdocs serve` (MkDocs + Material, the same pages without quizzes) showing a
change to a page. Target: a saved quiz shows in under 1 s. See bench/README.md.

    python bench/serve_bench.py [--pages 100] [--repeat 3] [--json PATH]
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench  # noqa: E402  (the same synthetic course)

TARGET_S = 1.0
STARTUP_TIMEOUT_S = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A serve command running on 127.0.0.1 until stopped; its log kept."""

    def __init__(self, command: list[str], cwd: Path, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        self.log = open(log_path, "w", encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        self.process = subprocess.Popen(command + ["-a", f"127.0.0.1:{self.port}"], cwd=cwd, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}/"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while "Serving on" not in log_path.read_text(encoding="utf-8"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"serve did not start:\n{log_path.read_text(encoding='utf-8')}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def time_change(page, path: Path, old: str, marker: str, selector: str) -> float:
    """Write ``marker`` in place of ``old`` in ``path``; seconds until the page shows it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    start = time.monotonic()
    path.write_text(text.replace(old, marker, 1), encoding="utf-8")
    page.wait_for_function(
        "([selector, marker]) => { const el = document.querySelector(selector);"
        " return !!el && el.textContent.includes(marker); }",
        arg=[selector, marker], timeout=120_000, polling=20)
    return time.monotonic() - start


def rounds(page, url: str, path: Path, first: str, selector: str, repeat: int, log, what: str) -> list[float]:
    page.goto(url)
    page.wait_for_load_state("load")
    times, old = [], first
    for n in range(repeat):
        marker = f"Marker{n}x{int(time.time() * 1000) % 100000}"
        seconds = time_change(page, path, old, marker, selector)
        log(f"  {what}, round {n + 1}: {seconds:.2f} s")
        times.append(seconds)
        old = marker
        time.sleep(1.0)  # let serve go quiet before the next save
    return times


def measure(pages: int, repeat: int, log) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="course-serve-bench-") as tmp:
        root = Path(tmp)
        plugin_config, plain_config, quiz_urls = build_bench.generate(root, pages)
        plugin, plain = plugin_config.parent, plain_config.parent
        stem = quiz_urls[0].split("/")[0]
        quiz_file = sorted((plugin / "quizzes").glob("*.yml"))[0]
        prompt = next(line.split('"')[1] for line in quiz_file.read_text(encoding="utf-8").splitlines()
                      if line.strip().startswith("prompt:"))
        page_source = plain / "docs" / f"{stem}.md"
        heading = page_source.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        course = [str(Path(sys.executable).with_name("mkdocs-course")), "serve", "-f", str(plugin_config)]
        mkdocs = [sys.executable, "-m", "mkdocs", "serve", "-f", str(plain_config)]
        results: dict = {"pages": pages, "repeat": repeat, "target_s": TARGET_S}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            for name, command, cwd, path, old, selector in (
                ("plain MkDocs, a page saved", mkdocs, plain, page_source, heading.split()[-1], "h1"),
                ("mkdocs-course, a quiz saved", course, plugin, quiz_file, prompt, "[data-course-question] legend"),
                ("mkdocs-course, a page saved", course, plugin, plugin / "docs" / f"{stem}.md", heading.split()[-1], "h1"),
            ):
                log(f"starting {' '.join(command[:2])} for: {name}")
                server = Server(command, cwd, root / f"serve-{len(results)}.log")
                try:
                    times = rounds(page, server.url + f"{stem}/", path, old, selector, repeat, log, name)
                finally:
                    server.stop()
                results[name] = {"median_s": statistics.median(times), "times_s": times}
            browser.close()
    quiz = results["mkdocs-course, a quiz saved"]["median_s"]
    results["pass"] = quiz < TARGET_S
    results["quiz_over_plain_page"] = quiz / results["plain MkDocs, a page saved"]["median_s"]
    return results


def table(r: dict) -> str:
    lines = [f"From saving a file to the open page showing it, `serve`, {r['pages']} module pages, "
             f"median of {r['repeat']}", "-" * 72]
    for name in ("plain MkDocs, a page saved", "mkdocs-course, a page saved", "mkdocs-course, a quiz saved"):
        times = ", ".join(f"{t:.2f}" for t in r[name]["times_s"])
        lines.append(f"  {name:<30} {r[name]['median_s']:6.2f} s   ({times})")
    lines.append(f"  a saved quiz, against plain MkDocs's page: {r['quiz_over_plain_page']:.2f}x")
    lines.append(f"  a saved quiz shows in under {TARGET_S:.0f} s: {build_bench.verdict(r['pass'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = build_bench.bench_arguments(__doc__, 100, "module pages")
    parser.add_argument("--repeat", type=int, default=3, help="saves per case (default 3)")
    args = parser.parse_args(argv)
    results = measure(args.pages, args.repeat, lambda m: print(m, flush=True))
    return build_bench.report(results, table(results), args.json)


if __name__ == "__main__":
    sys.exit(main())
