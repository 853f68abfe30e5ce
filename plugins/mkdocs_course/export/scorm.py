"""``mkdocs-course export scorm``: one SCORM 1.2 or 2004 (4th edition) zip
per language, made from a finished build.

A package holds ``imsmanifest.xml``, the language's built site made to work
inside an LMS (``packaged_site.py``), ``launch.html`` (the one SCO: it holds
the session with the LMS and shows the course in a frame) and the bridge's
two scripts. What the LMS is told, and why, is in docs/lms.md.
"""

from __future__ import annotations

import os
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CourseError
from ..quiz.render import script_json
from ..runtime import scorm_assets
from ..templating import template
from .manifest import BuiltSite, find_sites
from .packaged_site import DROPPED_FILES, packaged_page, search_index, site_page
from .scorm_manifest import LAUNCH, METADATA, PackageDescription, manifest_xml, metadata_xml
from .scorm_strings import launch_strings
from .scorm_suspend import LIMITS, SuspendEstimate, estimate

VERSIONS = ("1.2", "2004")
SEARCH_INDEX = "search/search_index.json"
INTERACTION_TYPES = {"single": "choice", "multiple": "choice", "true_false": "true-false",
                     "fill_blank": "fill-in", "numeric": "numeric", "matching": "matching",
                     "ordering": "sequencing"}


@dataclass
class Package:
    """One written package and what the LMS will receive from it."""

    path: Path
    language: str
    version: str
    files: int
    size: int
    suspend: SuspendEstimate
    required: list[dict] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    questions: dict[str, int] = field(default_factory=dict)
    mastery: float | None = None
    seconds: float = 0.0


def mastery_score(required: list[dict], readings: list = (), activities: list = ()) -> float | None:
    """The pass rule as a score, when it is one: a course with one required
    quiz and nothing else to do passes at that quiz's pass mark. With several
    quizzes, passing every one is not a threshold on any score; with pages to
    read or activities to do, the score says nothing of them. An LMS applying
    a mastery score would then set passed or completed against the course's
    rule (see docs/lms.md)."""
    if readings or activities:
        return None
    return float(required[0]["pass_mark"]) if len(required) == 1 else None


def to_do(data: dict) -> tuple[list[str], list[dict]]:
    """The build manifest's pages to read (ids) and activities to do
    ({id, kind, fields}): with the required quizzes, what completion counts."""
    readings = [r["id"] for r in data.get("required_pages", [])] or list(data.get("readings", []))
    activities = [{k: a[k] for k in ("id", "kind", "fields", "rows", "items", "areas", "scale") if k in a}
                  for a in data.get("required_activities", [])]
    if not activities and data.get("activities"):
        raise CourseError(
            "this build says which activities are required but not what finishes them. "
            "Build the course again with this version: mkdocs-course build.")
    return readings, activities


def package_name(site: BuiltSite, version: str) -> str:
    return f"{site.course_id}-{site.language}-scorm{version.replace('.', '')}.zip"


def export_scorm(site_dir: Path, version: str, out_dir: Path, languages: list[str] | None = None) -> list[Package]:
    """Write one package per language into ``out_dir``. Raises CourseError
    when there is no build, a language is not built, or out_dir cannot be written."""
    if version not in VERSIONS:
        raise CourseError(f"SCORM version {version} is not one this command writes. Use 1.2 or 2004.")
    sites = find_sites(site_dir, languages)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".mkdocs-course-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise CourseError(
            f"cannot write packages into {out_dir} ({exc.strerror or exc}). "
            "Choose another folder with --out, or make this one writable."
        ) from None
    return [write_package(site, version, out_dir / package_name(site, version)) for site in sites]


def _site_files(folder: Path) -> list[str]:
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            if name not in DROPPED_FILES:
                files.append(name)
    return files


def write_package(site: BuiltSite, version: str, target: Path) -> Package:
    started = time.perf_counter()
    data = site.data
    launch_js, page_js = scorm_assets()
    modules = data["modules"]
    required = [m for m in modules if m.get("required")]
    readings, activities = to_do(data)
    found = estimate(modules, version, readings, activities)
    files = _site_files(site.folder)
    pages = [site_page(p["url"]) for p in data.get("pages", [])]
    start = pages[0] if pages else "index.html"
    mastery = mastery_score(required, readings, activities)
    launch = _launch_page(site, version, launch_js.path, start, pages, found.key_size, readings, activities)
    extra = {launch_js.path, page_js.path, LAUNCH} | ({METADATA} if version == "1.2" else set())
    names = sorted(set(files) | extra)
    description = PackageDescription(
        identifier=f"{site.course_id}-{site.language}-scorm{version}",
        title=site.title, language=site.language, files=tuple(names),
        objectives=tuple(m["quiz"] for m in required), mastery=mastery,
    )
    tmp = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("imsmanifest.xml", manifest_xml(version, description))
            archive.writestr(LAUNCH, launch)
            if version == "1.2":
                archive.writestr(METADATA, metadata_xml(description))
            archive.writestr(launch_js.path, launch_js.content)
            archive.writestr(page_js.path, page_js.content)
            for name in files:
                archive.writestr(name, _packaged_file(site.folder, name, page_js.path))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CourseError(f"cannot write {target} ({exc.strerror or exc}). Choose another folder with --out.") from None
    questions: dict[str, int] = {}
    for module in modules:
        for q in module["questions"]:
            kind = INTERACTION_TYPES.get(q["type"], q["type"])
            questions[kind] = questions.get(kind, 0) + 1
    return Package(target, site.language, version, len(names) + 1, target.stat().st_size, found,
                   required, readings, activities, questions, mastery, time.perf_counter() - started)


def _packaged_file(folder: Path, name: str, page_script: str) -> bytes:
    raw = (folder / name).read_bytes()
    if name.endswith(".html"):
        depth = name.count("/")
        src = "../" * depth + page_script
        return packaged_page(raw.decode("utf-8"), src).encode("utf-8")
    if name == SEARCH_INDEX:
        return search_index(raw.decode("utf-8")).encode("utf-8")
    return raw


def _launch_page(site: BuiltSite, version: str, script: str, start: str, pages: list[str], key_size: int,
                 readings: list[str], activities: list[dict]) -> str:
    data = site.data
    strings = launch_strings(site.language)
    payload = {
        "version": version,
        "limit": LIMITS[version],
        "start": start,
        "pages": pages,
        "strings": {k: strings[k] for k in ("error", "saved", "review")},
        "course": {
            "id": site.course_id, "title": site.title, "version": data["course"]["version"],
            "lang": site.language, "keySize": key_size,
            # what completion counts besides the required quizzes (journey.js's rules)
            "readings": readings, "activities": activities,
            "modules": [
                {"quiz": m["quiz"], "title": m["title"], "required": m["required"], "pass_mark": m["pass_mark"],
                 "version": m["version"], "questions": m["questions"]}
                for m in data["modules"]
            ],
        },
    }
    return template("scorm-launch.html").render(
        language=site.language, direction=data.get("direction", "ltr"), title=site.title,
        strings=strings, start=start, script=script, payload=script_json(payload),
    )


# -- what the trainer reads ---------------------------------------------------------


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def describe(package: Package) -> list[str]:
    """The lines `export scorm` prints for one package."""
    v12 = package.version == "1.2"
    req = package.required
    ids = ", ".join(m["quiz"] for m in req) or "none"
    counted = [f"all {len(req)} required quizzes are passed"] if req else []
    if package.readings:
        counted.append(f"the {len(package.readings)} pages to read are read")
    if package.activities:
        counted.append(f"the {len(package.activities)} required activities are done")
    rule = ", ".join(counted[:-1]) + (" and " if len(counted) > 1 else "") + (counted[-1] if counted else "")
    done = ("passed" if req else "completed") if v12 else "completed"
    lines = [
        f"Wrote {package.path} ({_size(package.size)}, {package.files} files, SCORM {package.version}"
        f"{'' if v12 else ' 4th edition'}, {package.language}) in {package.seconds:.1f} s",
        "  The LMS will receive:",
        f"  - completion: {'cmi.core.lesson_status' if v12 else 'cmi.completion_status'} {done} when "
        f"{rule or 'something is required (this course requires nothing)'}"
        + ("; failed when each required quiz has been finished and some are not passed" if req and v12 else "")
        + "; incomplete until then",
    ]
    if not v12:
        lines.append("  - success: cmi.success_status passed when every required quiz is passed, failed when each "
                     "has been finished and some are not passed" if req else
                     "  - success: cmi.success_status unknown: the course has no required quiz")
    lines.append(f"  - score: the mean of the required quizzes' best scores, 0 to 100 (raw, min 0, max 100"
                 f"{'' if v12 else ', scaled 0 to 1'}); a quiz not finished yet counts 0")
    if package.mastery is not None:
        what = "adlcp:masteryscore" if v12 else "the primary objective's minNormalizedMeasure"
        lines.append(f"  - mastery score: {package.mastery:g} ({what}), the one required quiz's pass mark")
    elif package.readings or package.activities:
        lines.append("  - mastery score: none; completion also counts reading and activities, which no score says")
    else:
        lines.append("  - mastery score: none; passing means passing every required quiz, which no single score says")
    if not v12:
        lines.append("  - progress: cmi.progress_measure, the share of required quizzes passed, pages read and "
                     "activities done")
    lines.append(f"  - objectives: {len(req)}, one per required quiz ({ids}): status and best score")
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(package.questions.items()))
    lines.append(f"  - interactions: one per question of every finished attempt ({kinds or 'no questions'})")
    found = package.suspend
    lines.append(f"  - suspend_data: up to {found.needed:,} of {found.limit:,} characters in the worst case")
    return lines

