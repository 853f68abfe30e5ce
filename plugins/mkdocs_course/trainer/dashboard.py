"""The trainer dashboard: a self-contained folder (``report --html DIR``)
that reads completion records and verify's JSON output in the trainer's
browser, offline, in every language of the course's interface.

It is never part of the learners' site. It holds no answer key and grades
nothing: whether a record is verified comes from ``verify --format json``,
so the Python grader is the only one (see docs/trainers.md).
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..i18n.catalog import BUILTIN_LOCALES, Translations, builtin_catalog, read_catalog
from ..i18n.languages import is_rtl
from ..quiz.render import script_json
from ..runtime import dashboard_assets
from ..templating import template


def _name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")) or code
    except (UnknownLocaleError, ValueError):
        return code


def _course(config_file):
    """(languages {code: name}, source, translations folder, site_name) of the
    course, or the shipped interface languages when there is no mkdocs.yml."""
    path = Path(config_file or "mkdocs.yml")
    if path.is_file():
        from ..i18n.project import Project

        project = Project.load(str(path))
        return project.languages, project.source, project.translations_dir, project.site_name
    codes = ["en", *sorted(p.stem for p in BUILTIN_LOCALES.glob("*.po"))]
    return {c: _name(c) for c in codes}, "en", None, ""


def page_name(code: str, source: str) -> str:
    return "index.html" if code == source else f"{code}.html"


def write_dashboard(folder: Path, config_file=None) -> list[str]:
    """Write the dashboard's pages, script and stylesheet; returns the file names.
    Raises CourseError (CatalogError) for a broken catalog."""
    languages, source, translations_dir, site_name = _course(config_file)
    folder.mkdir(parents=True, exist_ok=True)
    script, css = dashboard_assets()
    (folder / "dashboard.js").write_bytes(script)
    (folder / "dashboard.css").write_bytes(css)
    links = [{"code": c, "name": _name(c), "href": page_name(c, source)} for c in languages]
    written = []
    page = template("dashboard.html")
    for code in languages:
        po = translations_dir / f"{code}.po" if translations_dir else None
        catalog = read_catalog(po, code, po.name) if po and po.is_file() else None
        translations = Translations(catalog, code, builtin_catalog(code))
        strings = {k: v for k, v in translations.interface().items() if k.startswith("dashboard_")}
        html = page.render(
            language=code, direction="rtl" if is_rtl(code) else "ltr", t=strings, languages=links,
            course_title=translations.get("config", site_name) if site_name else "",
            payload=script_json({"strings": strings, "language": code}),
        )
        name = page_name(code, source)
        (folder / name).write_text(html, encoding="utf-8")
        written.append(name)
    return written + ["dashboard.js", "dashboard.css"]
