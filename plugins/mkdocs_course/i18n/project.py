"""A course project seen by translators: its strings, catalogs and pages.

Page staleness is decided by content, not file dates: a translated page
records in its front matter the hash of the source page it was translated
from (``translated_from: 1a2b3c4d5e6f``); when the source page's hash
differs, the translation is stale.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from ..activities import ActivityCollection
from ..activities.text import activity_entries
from ..quiz import QuizCollection
from .catalog import Entry, interface_entries, quiz_entries, read_catalog, template

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
TRANSLATED_FROM = re.compile(r"^translated_from:[ \t]*['\"]?([0-9a-f]+)['\"]?[ \t]*$", re.M)


@dataclass
class Project:
    """What the i18n tools need from mkdocs.yml and the course files."""

    root: Path
    config_file: Path
    languages: dict[str, str]
    source: str
    pages_root: Path
    translations_dir: Path
    quizzes_dir: Path
    activities_dir: Path
    pass_mark: float
    site_name: str
    site_description: str
    nav_titles: list[str] = field(default_factory=list)
    config_texts: list[tuple[str, str]] = field(default_factory=list)  # (text, what it is)

    @classmethod
    def load(cls, config_file: str | None) -> "Project":
        from mkdocs.config import load_config

        config = load_config(config_file)
        plugin = config.plugins.get("course")
        if plugin is None:
            raise click_error("mkdocs.yml does not use the 'course' plugin; add it under 'plugins:'.")
        options = plugin.config
        root = Path(config.config_file_path).resolve().parent
        languages = dict(options.languages or {})
        source = options.source_language or next(iter(languages), None) or config.theme.get("language") or "en"
        languages.setdefault(source, source)
        return cls(
            root=root,
            config_file=Path(config.config_file_path).resolve(),
            languages=languages,
            source=source,
            pages_root=root / options.pages_dir,
            translations_dir=root / options.translations_dir,
            quizzes_dir=root / options.quizzes_dir,
            activities_dir=root / options.activities_dir,
            pass_mark=options.pass_mark,
            site_name=config.site_name,
            site_description=config.site_description or "",
            nav_titles=list(_nav_titles(config.nav or [])),
            config_texts=list(config_texts(config, options)),
        )

    # -- strings -----------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every translatable string: site, navigation, quizzes, interface."""
        out = [Entry("site/name", self.site_name, "The course title, shown in the header and on certificates.")]
        if self.site_description:
            out.append(Entry("site/description", self.site_description, "One-sentence description of the course."))
        seen = set()
        for title in self.nav_titles:
            if title not in seen:
                seen.add(title)
                out.append(Entry("nav", title, "A title in the navigation.", [("mkdocs.yml", None)]))
        for text, what in self.config_texts:
            if ("config", text) not in seen:
                seen.add(("config", text))
                out.append(Entry("config", text, what, [("mkdocs.yml", None)]))
        quizzes = QuizCollection(self.quizzes_dir, self.root, self.pass_mark).load()
        for quiz in quizzes.values():
            out.extend(quiz_entries(quiz))
        for activity in ActivityCollection(self.activities_dir, self.root).load(quizzes).values():
            out.extend(activity_entries(activity))
        out.extend(interface_entries())
        return out

    def template(self) -> Catalog:
        return template(self.entries(), self.site_name)

    def po_path(self, language: str) -> Path:
        return self.translations_dir / f"{language}.po"

    def read_po(self, language: str) -> Catalog | None:
        path = self.po_path(language)
        if not path.is_file():
            return None
        return read_catalog(path, language, path.relative_to(self.root).as_posix())

    # -- pages -------------------------------------------------------------------

    def source_pages(self) -> list[str]:
        folder = self.pages_root / self.source
        return sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )

    def source_hash(self, page: str) -> str:
        return page_hash((self.pages_root / self.source / page).read_bytes())

    def page_state(self, language: str, page: str) -> str:
        """'translated', 'stale' or 'missing'."""
        path = self.pages_root / language / page
        if not path.is_file():
            return "missing"
        recorded = recorded_hash(path.read_text(encoding="utf-8"))
        return "translated" if recorded == self.source_hash(page) else "stale"


def page_hash(data: bytes) -> str:
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:12]


def recorded_hash(text: str) -> str | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    found = TRANSLATED_FROM.search(match.group(1) or "")
    return found.group(1) if found else None


def with_recorded_hash(text: str, digest: str) -> str:
    """The page text with ``translated_from: <digest>`` in its front matter."""
    line = f"translated_from: {digest}"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}\n---\n\n{text}"
    body = match.group(1) or ""
    if TRANSLATED_FROM.search(body):
        body = TRANSLATED_FROM.sub(line, body)
    else:
        body = body + line + "\n"
    return f"---\n{body}---\n" + text[match.end():]


def config_texts(config, options):
    """Texts written in mkdocs.yml that learners read: (text, what it is)."""
    cert = options.certificate
    for text, what in (
        (cert.title, "Certificate: its title."),
        (cert.wording, "Certificate: the words between the learner's name and the course title."),
        (cert.organisation, "Certificate: the organisation that offers the course."),
    ):
        if text:
            yield text, what
    for signature in cert.signatures:
        if signature.name:
            yield signature.name, "Certificate: the name under a signature line."
        if signature.role:
            yield signature.role, "Certificate: the role under a signature line."
    palette = config.theme.get("palette") or []
    for scheme in palette if isinstance(palette, list) else [palette]:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if toggle and toggle.get("name"):
            yield toggle["name"], "Tooltip of the button that switches between light and dark colours."
    toc = config.mdx_configs.get("toc") or {}
    if toc.get("permalink"):
        yield toc.get("permalink_title") or PERMALINK_TITLE, "Tooltip of the link symbol next to each heading."


PERMALINK_TITLE = "Permanent link"  # Python-Markdown's default


def _nav_titles(nav):
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(title, str) and title:
                    yield title
                if isinstance(value, list):
                    yield from _nav_titles(value)


def click_error(message: str):
    import click

    return click.ClickException(message)
