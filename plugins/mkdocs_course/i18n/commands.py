"""`mkdocs-course i18n`: the translators' tools (status, update, init, mark)."""

from __future__ import annotations

import json
import re
import sys

import click
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog

from ..quiz import QuizError
from .catalog import (
    TEXT_KEYED,
    CatalogError,
    babel_code,
    builtin_catalog,
    write_catalog,
)
from .plurals import rule_for, set_rule
from .project import Project, page_hash, with_recorded_hash

config_option = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default=None,
    help="The course's mkdocs.yml (default: ./mkdocs.yml).",
)


def _project(config_file) -> Project:
    try:
        return Project.load(config_file)
    except click.ClickException:
        raise
    except Exception as exc:  # MkDocs' own config errors carry a readable message
        raise click.ClickException(f"cannot read the course configuration: {exc}") from None


def _builtin(language: str):
    return builtin_catalog(language)


def _fail(exc: Exception):
    raise click.ClickException(str(exc)) from None


@click.group()
def i18n():
    """Translation tools: what is missing or stale, update catalogs, add a language."""


# -- status ------------------------------------------------------------------------


def language_status(project: Project, language: str, template: Catalog) -> dict:
    pages = {"translated": [], "stale": [], "missing": []}
    for page in project.source_pages():
        pages[project.page_state(language, page)].append(page)
    catalog = project.read_po(language)
    by_context = {m.context: m for m in catalog if m.id} if catalog else {}
    entries = {"translated": [], "fuzzy": [], "missing": []}
    for message in template:
        if not message.id:
            continue
        text_keyed = message.context in TEXT_KEYED
        key = f"{message.context}: {message.id}" if text_keyed else message.context
        found = catalog.get(message.id, context=message.context) if text_keyed and catalog else by_context.get(message.context)
        strings = found.string if found else ""
        done = all(strings) if isinstance(strings, (tuple, list)) else bool(strings)
        if not found or not done:
            entries["missing"].append(key)
        elif found.fuzzy or found.id != message.id:
            entries["fuzzy"].append(key)
        else:
            entries["translated"].append(key)
    page_total = sum(len(v) for v in pages.values()) or 1
    entry_total = sum(len(v) for v in entries.values()) or 1
    pages_percent = 100 * len(pages["translated"]) / page_total
    catalog_percent = 100 * len(entries["translated"]) / entry_total
    return {
        "name": project.languages.get(language, language),
        "pages": {"total": page_total, **pages},
        "catalog": {"total": entry_total, **entries},
        "pages_percent": round(pages_percent, 1),
        "catalog_percent": round(catalog_percent, 1),
        "percent": round(min(pages_percent, catalog_percent), 1),
    }


@i18n.command()
@config_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="PCT",
              help="Exit with status 1 when a language is less than PCT percent complete.")
@click.option("-l", "--lang", multiple=True, metavar="CODE", help="Only these languages (repeatable).")
def status(config_file, fmt, fail_under, lang):
    """Pages translated / stale / missing and catalog entries translated / fuzzy / missing."""
    project = _project(config_file)
    try:
        template = project.template()
        wanted = [c for c in (lang or project.languages) if c != project.source]
        unknown = [c for c in wanted if c not in project.languages]
        if unknown:
            raise click.ClickException(f"unknown language {', '.join(unknown)}; the course has {', '.join(project.languages)}.")
        report = {c: language_status(project, c, template) for c in wanted}
    except (QuizError, CatalogError) as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps({"source": project.source, "languages": report}, indent=2, ensure_ascii=False))
    else:
        _print_table(project, report)
    if fail_under is not None:
        low = [c for c, r in report.items() if r["percent"] < fail_under]
        if low:
            click.echo(f"Below {fail_under:g}%: " + ", ".join(f"{c} ({report[c]['percent']:g}%)" for c in low), err=True)
            sys.exit(1)


def _print_table(project: Project, report: dict) -> None:
    head = ("language", "pages done", "stale", "missing", "entries done", "fuzzy", "missing", "complete")
    rows = [head]
    for code, r in report.items():
        p, c = r["pages"], r["catalog"]
        rows.append((
            f"{code} {r['name']}", f"{len(p['translated'])}/{p['total']}", str(len(p["stale"])),
            str(len(p["missing"])), f"{len(c['translated'])}/{c['total']}", str(len(c["fuzzy"])),
            str(len(c["missing"])), f"{r['percent']:g}%",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    click.echo(f"Source language: {project.source}")
    for row in rows:
        click.echo("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
    for code, r in report.items():
        for kind in ("stale", "missing"):
            if r["pages"][kind]:
                click.echo(f"{code}: {kind} pages: {', '.join(r['pages'][kind])}")
        if r["catalog"]["fuzzy"]:
            click.echo(f"{code}: fuzzy entries (source changed, review them): {', '.join(r['catalog']['fuzzy'])}")


# -- update --------------------------------------------------------------------------


def merge(old: Catalog | None, template: Catalog, language: str,
          builtin: Catalog | None = None) -> tuple[Catalog, dict]:
    """The template's entries with the translations kept from `old`.

    Matching is by context (stable ids). A translation whose source text
    changed is kept but marked fuzzy, with the previous source text; entries
    no longer in the template become obsolete. New interface entries take
    the translation mkdocs-course ships for the language (`builtin`), if any.
    """
    known = {m.context: m for m in builtin or () if m.id and m.string and not m.fuzzy}
    new = Catalog(locale=babel_code(language), project=template.project, fuzzy=False,
                  header_comment=(old.header_comment if old else
                                  f"# {Locale.parse(babel_code(language)).english_name} translation of the course."))
    # The catalog's own plural rule stays (see plurals.py).
    set_rule(new, rule_for(language, old, builtin))
    if old is not None:
        new.last_translator = old.last_translator
        new.language_team = old.language_team
        new.revision_date = old.revision_date
    previous = {}
    if old is not None:
        for m in old:
            if m.id:
                previous[(m.context, m.id if m.context in TEXT_KEYED else None)] = m
    counts = {"kept": 0, "fuzzy": 0, "new": 0, "obsolete": 0}
    for t in template:
        if not t.id:
            continue
        key = (t.context, t.id if t.context in TEXT_KEYED else None)
        prev = previous.pop(key, None)
        plural = isinstance(t.id, (tuple, list))
        empty = tuple("" for _ in range(new.num_plurals)) if plural else ""
        string, flags, previous_id, user_comments = empty, set(), (), []
        if prev is not None:
            user_comments = prev.user_comments
            if plural == isinstance(prev.string, (tuple, list)) and prev.string:
                string = prev.string
            has_text = all(string) if plural else bool(string)
            if has_text and prev.id != t.id:
                flags.add("fuzzy")
                previous_id = prev.id if isinstance(prev.id, (tuple, list)) else (prev.id,)
                counts["fuzzy"] += 1
            elif has_text and prev.fuzzy:
                flags.add("fuzzy")  # still waiting for review
                previous_id = prev.previous_id
                counts["fuzzy"] += 1
            elif has_text:
                counts["kept"] += 1
        else:
            counts["new"] += 1
            shipped = known.get(t.context)
            if shipped is not None and shipped.id == t.id:
                string = shipped.string
        new.add(t.id, string, locations=t.locations, flags=flags, auto_comments=t.auto_comments,
                user_comments=user_comments, previous_id=previous_id, context=t.context)
    for (context, _), m in previous.items():
        has_text = all(m.string) if isinstance(m.string, (tuple, list)) else bool(m.string)
        if has_text:
            new.obsolete[(m.id, context) if context else m.id] = m
            counts["obsolete"] += 1
    return new, counts


@i18n.command()
@config_option
def update(config_file):
    """Extract every string into messages.pot and merge it into each catalog."""
    project = _project(config_file)
    try:
        template = project.template()
        pot = project.translations_dir / "messages.pot"
        write_catalog(template, pot)
        click.echo(f"{pot.relative_to(project.root)}: {sum(1 for m in template if m.id)} entries")
        for language in project.languages:
            if language == project.source:
                continue
            old = project.read_po(language)
            catalog, counts = merge(old, template, language, _builtin(language))
            path = project.po_path(language)
            write_catalog(catalog, path)
            click.echo(
                f"{path.relative_to(project.root)}: {counts['kept']} kept, {counts['fuzzy']} to review "
                f"(source changed), {counts['new']} new, {counts['obsolete']} obsolete"
            )
    except (QuizError, CatalogError) as exc:
        _fail(exc)


# -- init ----------------------------------------------------------------------------

LANGUAGES_BLOCK = re.compile(r"^(?P<indent>[ \t]*)languages:[ \t]*\n(?P<items>(?:(?P=indent)[ \t]+\S.*\n)+)", re.M)


COURSE_PLUGIN = re.compile(r"^(?P<indent>[ \t]*)- course:[ \t]*(?:#.*)?\n(?P<next>[ \t]*)", re.M)


def add_language_to_config(text: str, code: str, name: str, source: tuple[str, str] | None = None) -> str | None:
    """mkdocs.yml with `code: name` added to the course's languages, or None.

    A course with no ``languages`` yet gets the list, with the ``source``
    language (code, name) first, under the course plugin's options.
    """
    match = LANGUAGES_BLOCK.search(text)
    if not match:
        plugin = COURSE_PLUGIN.search(text)
        if not plugin or source is None:
            return None
        options = plugin.group("next")
        if len(options) <= len(plugin.group("indent")):  # `- course:` with no options yet
            options = plugin.group("indent") + "    "
        block = f"{options}languages:\n" + "".join(
            f"{options}  {c}: {json.dumps(n, ensure_ascii=False) if ':' in n else n}\n" for c, n in (source, (code, name))
        )
        at = plugin.start("next")
        return text[:at] + block + text[at:]
    items = match.group("items")
    item_indent = re.match(r"[ \t]*", items).group(0)
    line = f"{item_indent}{code}: {json.dumps(name, ensure_ascii=False) if ':' in name else name}\n"
    return text[: match.end()] + line + text[match.end():]


def own_name(code: str) -> str:
    """A language's name in that language, capitalised: 'English', 'Español'."""
    try:
        name = Locale.parse(babel_code(code)).get_display_name(babel_code(code)) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


@i18n.command()
@config_option
@click.argument("code")
@click.option("--name", default=None, help="The language's own name (default: from the locale data).")
def init(config_file, code, name):
    """Add the language CODE: catalog, page folder and configuration."""
    project = _project(config_file)
    if not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", code):
        raise click.ClickException(f"'{code}' is not a language code; use one such as fr, es, ar or pt-BR.")
    try:
        Locale.parse(babel_code(code))
    except (UnknownLocaleError, ValueError):
        raise click.ClickException(f"'{code}' is not a language the locale data knows; check the code.") from None
    name = name or own_name(code)
    # Everything that can fail is done before any file is written.
    changed = None
    if code not in project.languages:
        source = (project.source, own_name(project.source))
        changed = add_language_to_config(project.config_file.read_text(encoding="utf-8"), code, name, source)
        if changed is None:
            raise click.ClickException(
                "could not find the course plugin's options in mkdocs.yml ('- course:' under 'plugins:'). "
                f"Add this under it, then run the command again:\n      languages:\n"
                f"        {source[0]}: {source[1]}\n        {code}: {name}"
            )
    try:
        template = project.template()
        catalog, counts = merge(project.read_po(code), template, code, _builtin(code))
    except (QuizError, CatalogError) as exc:
        _fail(exc)
    if changed is None:
        click.echo(f"{code} is already a language of the course; nothing to add to mkdocs.yml.")
    else:
        project.config_file.write_text(changed, encoding="utf-8")
        project.languages[code] = name
        click.echo(f"mkdocs.yml: added {code} ({name}) to the course languages")
    folder = project.pages_root / code
    folder.mkdir(parents=True, exist_ok=True)
    click.echo(f"{folder.relative_to(project.root)}/: translated pages go here; untranslated pages fall back to {project.source}")
    write_catalog(catalog, project.po_path(code))
    write_catalog(template, project.translations_dir / "messages.pot")
    done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy
               and (all(m.string) if isinstance(m.string, (tuple, list)) else True))
    click.echo(f"{project.po_path(code).relative_to(project.root)}: {sum(1 for m in catalog if m.id)} entries, "
               f"{done} already translated ({catalog.num_plurals} plural forms)")
    click.echo(f"Next: translate the catalog (e.g. in Poedit), copy pages from {project.source} into "
               f"{folder.relative_to(project.root)}/ and translate them, then run "
               f"`mkdocs-course i18n mark {code} <page>`.")


# -- mark ----------------------------------------------------------------------------


@i18n.command()
@config_option
@click.argument("code")
@click.argument("pages", nargs=-1)
@click.option("--all", "all_pages", is_flag=True, help="Every translated page of the language.")
def mark(config_file, code, pages, all_pages):
    """Record that translated PAGES match the current source pages."""
    project = _project(config_file)
    if code not in project.languages or code == project.source:
        raise click.ClickException(f"'{code}' is not a translation language of the course ({', '.join(project.languages)}).")
    folder = project.pages_root / code
    if all_pages:
        pages = [p for p in project.source_pages() if (folder / p).is_file()]
    if not pages:
        raise click.ClickException("name the pages to mark (paths as under the source folder), or use --all.")
    for page in pages:
        page = page.replace("\\", "/")
        source = project.pages_root / project.source / page
        target = folder / page
        if not source.is_file():
            raise click.ClickException(f"{source.relative_to(project.root)} does not exist; give the page's path as in the source folder.")
        if not target.is_file():
            raise click.ClickException(f"{target.relative_to(project.root)} does not exist; translate the page there first.")
        digest = page_hash(source.read_bytes())
        target.write_text(with_recorded_hash(target.read_text(encoding="utf-8"), digest), encoding="utf-8")
        click.echo(f"{target.relative_to(project.root)}: translated from {project.source} version {digest}")
