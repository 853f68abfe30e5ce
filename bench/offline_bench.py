"""What the course costs a learner to keep offline: the first visit's download
per language, the precache's duration on a throttled "slow 3G" profile in
Chromium, and the offline copy's size. See bench/README.md."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).with_name("mkdocs-course"))
# what the demo course is made of: a copy of these builds it as the README says
PROJECT_FILES = ("mkdocs.yml", "course", "quizzes", "activities", "translations")
# Chrome DevTools' "Slow 3G": 500 kbit/s each way, 400 ms round trip (x5, as DevTools applies it)
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1024 / 8, "uploadThroughput": 500 * 1024 / 8}


def precache_list(site: Path) -> list[list[str]]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^var BUILD = (.*);$", text, re.M).group(1))["files"]


def file_of(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def download_size(site: Path) -> tuple[int, int, int]:
    """Files, bytes and bytes gzipped (level 6, as hosts serve) the worker fetches."""
    files = precache_list(site)
    raw = packed = 0
    for url, _ in files:
        data = file_of(site, url).read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, 6))
    return len(files), raw, packed


def precache_seconds(site_root: Path, language: str, throttle: dict | None) -> float:
    from mkdocs_course.preview import make_server
    from playwright.sync_api import sync_playwright

    httpd = make_server(site_root, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{language}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context()
            page = context.new_page()
            if throttle:
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", throttle)
            start = time.monotonic()
            page.goto(url, timeout=600000)
            page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=600000, polling=100)
            seconds = time.monotonic() - start
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", action="append", help="only this language (repeatable; default: all)")
    parser.add_argument("--no-browser", action="store_true", help="sizes only, no Chromium timing")
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    figures: dict = {"languages": {}}
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "course"
        project.mkdir()
        for name in PROJECT_FILES:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        build = [CLI, "build", "-q"] + [f"--lang={code}" for code in args.lang or []]
        if subprocess.run(build, cwd=project).returncode != 0:
            print("offline bench: the demo course did not build (the messages above say why)", file=sys.stderr)
            return 1
        site = project / "site"
        languages = [p.parent.name for p in sorted(site.glob("*/sw.js"))]
        print(f"{'language':<9} {'files':>5} {'bytes':>10} {'gzip':>9} {'precache fast':>14} {'slow 3G':>9}")
        for code in languages:
            files, raw, packed = download_size(site / code)
            row = {"files": files, "bytes": raw, "gzip": packed}
            if not args.no_browser:
                row["precache_s"] = precache_seconds(site, code, None)
                row["precache_slow3g_s"] = precache_seconds(site, code, SLOW_3G)
            figures["languages"][code] = row
            timing = "" if args.no_browser else f"{row['precache_s']:>13.1f}s {row['precache_slow3g_s']:>8.1f}s"
            print(f"{code:<9} {files:>5} {raw:>10} {packed:>9} {timing}")
        exported = subprocess.run([CLI, "export", "offline", "--out", "dist"], cwd=project, capture_output=True, text=True)
        if exported.returncode != 0:
            print(f"offline bench: export offline failed:\n{exported.stdout}{exported.stderr}", file=sys.stderr)
            return 1
        (copy,) = (project / "dist").glob("*.zip")
        figures["offline_zip_bytes"] = copy.stat().st_size
        print(f"offline copy {copy.name}: {copy.stat().st_size} bytes ({', '.join(languages)})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
