"""The facilitator guide: one print-ready HTML file per language, made from a
built site (its build manifest), the notes the build kept and the answer
keys, all outside the site (``mkdocs-course export facilitator``).

The file is self-contained (its stylesheet inside, no script, no address
outside it) and its Content-Security-Policy allows no script at all. Notes
are Markdown read with raw HTML off and addresses checked, as quiz text is
(``quiz/markup.py``); every other text is escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from markupsafe import Markup

from ..errors import CourseError
from ..export.manifest import BuiltSite, find_sites
from ..i18n.catalog import Translations, builtin_catalog, read_catalog
from ..i18n.placeholders import fill
from ..quiz.markup import QuizMarkdown
from ..runtime import ASSETS
from ..templating import template
from ..trainer.answerkeys import AnswerKeys
from .notes import read_notes

GENERATOR = "mkdocs-course facilitator guide"
STYLESHEET = ASSETS / "facilitator.css"


@dataclass(frozen=True)
class Guide:
    path: Path
    language: str
    modules: int
    notes: int
    quizzes: int


def guide_name(site: BuiltSite) -> str:
    return f"{site.course_id}-{site.language}-facilitator.html"


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_out_dir(out_dir: Path, site_dir: Path, pages_dirs=()) -> None:
    """Refuse a folder whose guide learners would receive. Raises CourseError."""
    for folder, what in [(Path(site_dir), "the built site"), *((Path(d), "the course's pages") for d in pages_dirs)]:
        if _inside(Path(out_dir), folder):
            raise CourseError(
                f"--out {out_dir} is inside {what} ({folder}), so learners would receive the guide and its "
                "answer keys. Choose a folder outside it, such as the default 'dist'."
            )


def _check_target(path: Path) -> None:
    """Never overwrite a file this command did not write."""
    if path.exists():
        try:
            ours = f'<meta name="generator" content="{GENERATOR}">' in path.read_text(encoding="utf-8")[:2000]
        except (OSError, UnicodeDecodeError):
            ours = False
        if not ours:
            raise CourseError(
                f"{path} exists and is not a facilitator guide, so it is not overwritten. "
                "Move it away, or choose another folder with --out."
            )


def _answer(question: dict, t: dict, true_false: dict, number) -> dict:
    """What the guide shows as a question's answer key."""
    key, kind = question.get("key", {}), question.get("type")
    out = {"prompt": question.get("prompt", ""), "explanation": question.get("explanation", ""),
           "options": [], "lines": [], "list": [], "list_title": ""}
    if kind in ("single", "multiple"):
        right = set(key.get("correct", []))
        out["options"] = [{"text": o.get("text", ""), "right": o.get("id") in right} for o in question.get("options", [])]
    elif kind == "true_false":
        out["lines"] = [fill(t["facilitator_answer"], answer=true_false["true" if key.get("answer") else "false"])]
    elif kind == "fill_blank":
        out["lines"] = [fill(t["accepted"], answers=", ".join(key.get("answers", [])))]
    elif kind == "numeric":
        answer, tolerance = key.get("answer"), key.get("tolerance") or 0
        out["lines"] = [fill(t["facilitator_tolerance"], answer=number(answer), tolerance=number(tolerance))
                        if tolerance else fill(t["facilitator_answer"], answer=number(answer))]
    elif kind == "ordering":
        items = {i.get("id"): i.get("text", "") for i in question.get("items", [])}
        out["list_title"], out["list"] = t["facilitator_order"], [items.get(i, i) for i in key.get("order", [])]
    elif kind == "matching":
        out["list_title"] = t["facilitator_pairs"]
        out["list"] = [f"{p.get('text', '')} → {p.get('match', '')}".rstrip(" →") for p in question.get("pairs", [])]
    return out


def number_in(language: str):
    """Numbers as ``language`` writes them (``0,5`` in French), as the quiz
    runtime shows them to learners; plain ones for a language Babel lacks."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return lambda n: f"{n:g}" if isinstance(n, (int, float)) else str(n)
    return lambda n: format_decimal(n, locale=locale) if isinstance(n, (int, float)) else str(n)


def guide_html(site: BuiltSite, notes_folder: Path, keys: AnswerKeys, strings: dict) -> tuple[str, Guide]:
    """The guide of one built language site, and what it holds."""
    t, md = strings, QuizMarkdown()
    data, language = site.data, site.language
    notes = read_notes(notes_folder, site.course_id, language)
    quiz_modules = {m["quiz"]: m for m in site.modules}
    true_false = {"true": t["true"], "false": t["false"]}
    number = number_in(language)
    modules, total, n_notes, n_quizzes = [], 0, 0, 0
    for page in data.get("pages", []):
        page_notes = notes.get(page.get("id"))
        if page.get("module") is None and page_notes is None:
            continue
        quizzes = []
        for quiz_id in page.get("quizzes", []):
            module = quiz_modules.get(quiz_id, {})
            version = keys.version(site.course_id, quiz_id, module.get("version", ""))
            n_quizzes += 1
            if version is None:
                quizzes.append({"title": module.get("title", quiz_id), "missing": True})
                continue
            keyfile = version.for_language(language)
            quizzes.append({
                "title": fill(t["facilitator_quiz"], title=keyfile.get("title", quiz_id)),
                "pass_mark": fill(t["facilitator_pass_mark"], pass_mark=number(keyfile.get("pass_mark", 0))),
                "questions": [_answer(q, t, true_false, number) for q in keyfile.get("questions", [])],
                "missing": False,
            })
        session = page_notes.minutes if page_notes else None
        total += session or 0
        blocks = [Markup(md.block(n.markdown)) for n in page_notes.notes] if page_notes else []
        n_notes += len(blocks)
        modules.append({
            "anchor": f"module-{len(modules) + 1}",
            "title": page.get("title", ""),
            "session": fill(t["facilitator_session"], minutes=number(session)) if session else "",
            "study": fill(t["facilitator_study"], minutes=number(page["minutes"])) if page.get("minutes") else "",
            "notes": blocks,
            "untranslated": bool(page_notes and page_notes.untranslated),
            "notes_lang": page_notes.language if page_notes else language,
            "quizzes": quizzes,
        })
    text = template("facilitator.html").render(
        t=t, language=language, direction=data.get("direction", "ltr"), generator=GENERATOR,
        course_title=site.title, modules=modules, css=Markup(STYLESHEET.read_text(encoding="utf-8")),
        total=fill(t["facilitator_total"], minutes=number(total)) if total else "",
    )
    return text, Guide(Path(guide_name(site)), language, len(modules), n_notes, n_quizzes)


def export_guides(site_dir: Path, out_dir: Path, keys: AnswerKeys, notes_folder: Path, strings_for,
                  languages: list[str] | None = None, pages_dirs=(), progress=None) -> list[Guide]:
    """Write one guide per built language (or ``languages``) into ``out_dir``.
    ``strings_for(code)`` gives the interface strings of a language. Raises
    CourseError for a missing build or language, or an out folder that
    would publish the guide or overwrite another file."""
    sites = find_sites(site_dir, languages)
    out_dir = Path(out_dir)
    check_out_dir(out_dir, site_dir, pages_dirs)
    for site in sites:
        _check_target(out_dir / guide_name(site))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CourseError(f"cannot write into {out_dir} ({exc.strerror or exc}). Choose another folder with --out.") from None
    guides = []
    for site in sites:
        if progress:
            progress(site.language)
        text, guide = guide_html(site, notes_folder, keys, strings_for(site.language))
        path = out_dir / guide.path
        path.write_text(text, encoding="utf-8")
        guides.append(Guide(path, guide.language, guide.modules, guide.notes, guide.quizzes))
    return guides



def interface_strings(translations_dir: Path | None, language: str) -> dict:
    """The interface strings of ``language``: the course's catalog over the
    shipped one. Raises CourseError (CatalogError) for a broken catalog."""
    po = Path(translations_dir) / f"{language}.po" if translations_dir else None
    catalog = read_catalog(po, language, po.name) if po and po.is_file() else None
    return Translations(catalog, language, builtin_catalog(language)).interface()
