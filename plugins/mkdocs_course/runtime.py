"""The browser runtime shipped to the site: one JS and one CSS file.

The JavaScript is written as one small module per concern under
``assets/js``; they are joined in a fixed order into one cacheable file whose
name carries a hash of its content, so browsers may cache it for ever. Every
bundle is minified when it is made (rjsmin, rcssmin: comments and white space
only, names are kept, so a learner's browser shows readable code).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin

ASSETS = Path(__file__).resolve().parent / "assets"
JS_MODULES = ("core.js", "attempts.js", "journey.js", "storage.js", "grading.js", "quiz.js", "feedback.js", "boot.js")
CSS_FILE = "course.css"
SITE_CSS_FILES = ("site.css", "journey.css")
FOLDER = "assets/course"


@dataclass(frozen=True)
class Asset:
    path: str  # site-relative path, e.g. assets/course/course.1a2b3c4d.js
    content: bytes


def _asset(stem: str, suffix: str, content: bytes) -> Asset:
    digest = hashlib.sha256(content).hexdigest()[:10]
    return Asset(f"{FOLDER}/{stem}.{digest}{suffix}", content)


@lru_cache(maxsize=None)
def runtime_assets() -> tuple[Asset, Asset]:
    """The (script, stylesheet) pair, built once per process."""
    script = _joined(JS_MODULES, ASSETS / "js")
    css = _joined((CSS_FILE,), ASSETS)
    return _asset("course", ".js", script), _asset("course", ".css", css)


@lru_cache(maxsize=None)
def site_stylesheet() -> Asset:
    """What every page of the course gets: fixes to the theme, and the
    journey (progress line, module header, buttons)."""
    return _asset("site", ".css", _joined(SITE_CSS_FILES, ASSETS))


# Keyed by the source text itself (lru_cache hashes it): the languages one
# worker builds, and every rebuild of `serve`, reuse the first result. With
# rjsmin's and rcssmin's C extensions a bundle takes well under a millisecond,
# less than reading an entry of the disk cache would, so none is kept there.
@lru_cache(maxsize=64)
def minified_js(source: str) -> str:
    """JavaScript without comments and needless white space. Strings,
    template literals and regular expression literals are kept as written
    (so an escaped ``<\\/script>`` stays escaped)."""
    return rjsmin.jsmin(source).strip() + "\n"


@lru_cache(maxsize=64)
def minified_css(source: str) -> str:
    """CSS without comments and needless white space; strings kept."""
    return rcssmin.cssmin(source).strip() + "\n"


def read_minified(path: Path) -> str:
    """One asset file, minified by its kind (``.js`` or ``.css``)."""
    text = path.read_text(encoding="utf-8")
    return minified_css(text) if path.suffix == ".css" else minified_js(text)


# -- progress
# The progress page has its own bundle, so the quiz runtime stays small; the
# navigation marks and the journey come from one small script on every page,
# which shares the rules for what a saved attempt may hold (attempts.js) and
# what is done (journey.js) with the other two.
PROGRESS_JS_MODULES = (
    "core.js", "attempts.js", "journey.js", "storage.js", "activity-record.js", "certificate.js", "progress.js",
    "progress-files.js", "progress-boot.js",
)
PROGRESS_CSS_FILES = ("course.css", "progress.css")
NAV_JS_MODULES = ("core.js", "attempts.js", "journey.js", "journey-views.js", "nav.js")


def _joined(names: tuple[str, ...], folder: Path) -> bytes:
    """The files joined in order, then minified as one. A newline ends each,
    so a file whose last statement relies on automatic semicolon insertion
    does not run into the next."""
    source = "".join((folder / name).read_text(encoding="utf-8").rstrip() + "\n" for name in names)
    minify = minified_css if names[0].endswith(".css") else minified_js
    return minify(source).encode("utf-8")


@lru_cache(maxsize=None)
def progress_assets() -> tuple[Asset, Asset]:
    """The (script, stylesheet) pair of the "My progress" page."""
    script = _joined(PROGRESS_JS_MODULES, ASSETS / "js")
    css = _joined(PROGRESS_CSS_FILES, ASSETS)
    return _asset("progress", ".js", script), _asset("progress", ".css", css)


@lru_cache(maxsize=None)
def nav_script() -> Asset:
    """Marks passed modules in the navigation; loaded on every page."""
    return _asset("nav", ".js", _joined(NAV_JS_MODULES, ASSETS / "js"))


# -- activities (activities/, mkdocs/activities.py): their own bundle, only
# on pages that place a self-assessment or an action plan; storage.js's
# plain-item helpers; the rule for a saved activity (activity-record.js) is
# shared with the progress page, which puts activities in the record;
# journey.js gives the next step under a result (activity-next.js), as
# under a quiz's. journey.js only defines functions, so a page that also
# has a quiz (or the every-page nav bundle) running it again is harmless.
ACTIVITY_JS_MODULES = ("core.js", "attempts.js", "journey.js", "storage.js", "activity-record.js", "activity-next.js",
                       "activity-assessment.js", "activity-plan.js", "activity-boot.js")
ACTIVITY_CSS_FILES = ("course.css", "activity.css")


@lru_cache(maxsize=None)
def activity_assets() -> tuple[Asset, Asset]:
    """The (script, stylesheet) pair of pages with an activity."""
    return (_asset("activity", ".js", _joined(ACTIVITY_JS_MODULES, ASSETS / "js")),
            _asset("activity", ".css", _joined(ACTIVITY_CSS_FILES, ASSETS)))


# -- the course on the device (export/pwa.py): registers the worker, offers
# a new version and installing; every page, like nav.js.
OFFLINE_JS_MODULES = ("offline.js",)


@lru_cache(maxsize=None)
def offline_script() -> Asset:
    return _asset("offline", ".js", _joined(OFFLINE_JS_MODULES, ASSETS / "js"))


# -- trainer
# The trainer dashboard (mkdocs-course report --html) is a folder of its own,
# never part of the site: plain files that work offline from file://.
DASHBOARD_JS_MODULES = ("core.js", "certificate.js", "dashboard.js", "dashboard-view.js")
DASHBOARD_CSS_FILE = "dashboard.css"


def dashboard_assets() -> tuple[bytes, bytes]:
    """The dashboard's (script, stylesheet)."""
    return _joined(DASHBOARD_JS_MODULES, ASSETS / "js"), _joined((DASHBOARD_CSS_FILE,), ASSETS)


# -- SCORM packages
# Only in packages made by `mkdocs-course export scorm`, never on the site:
# the launch page's session (storage, grading's number reading, the
# journey's rules for pages read and activities done, what a saved activity
# may hold, and the bridge) and
# the small script every packaged page loads first.
SCORM_SHARED = ("core.js", "attempts.js", "journey.js", "storage.js", "grading.js")
SCORM_JS_MODULES = tuple(m for m in JS_MODULES if m in SCORM_SHARED) + (
    "activity-record.js", "scorm-lms.js", "scorm-suspend.js", "scorm-report.js", "scorm-session.js", "scorm-launch.js")
SCORM_PAGE_JS = ("scorm-page.js",)


@lru_cache(maxsize=None)
def scorm_assets() -> tuple[Asset, Asset]:
    """The (launch page, packaged page) scripts of a SCORM package."""
    folder = ASSETS / "js"
    return _asset("scorm", ".js", _joined(SCORM_JS_MODULES, folder)), _asset("scorm-page", ".js", _joined(SCORM_PAGE_JS, folder))


# -- credentials: the verify page (credentials/, mkdocs/credentials.py)
# Its own bundle, and Digital Bazaar's jsonld.js (npm `jsonld`, BSD-3-Clause,
# kept in assets/vendor/ with its licence) for RDF Dataset Canonicalization:
# only that page loads them.
VERIFY_JS_MODULES = ("core.js", "credential-check.js", "verify.js")
VERIFY_CSS_FILES = ("course.css", "verify.css")
VENDOR = ASSETS / "vendor"
SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


@lru_cache(maxsize=None)
def verify_assets() -> tuple[Asset, Asset, Asset, Asset]:
    """The verify page's (script, stylesheet, jsonld.js, jsonld.js's licence)."""
    script = _joined(VERIFY_JS_MODULES, ASSETS / "js")
    css = _joined(VERIFY_CSS_FILES, ASSETS)
    jsonld = SOURCE_MAP.sub(b"\n", (VENDOR / "jsonld.min.js").read_bytes())  # the map is not shipped
    licence = (VENDOR / "jsonld.LICENSE").read_bytes()
    return (_asset("verify", ".js", script), _asset("verify", ".css", css), _asset("jsonld", ".min.js", jsonld),
            Asset(f"{FOLDER}/jsonld.LICENSE.txt", licence))
