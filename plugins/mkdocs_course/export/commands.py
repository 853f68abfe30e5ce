"""`mkdocs-course export`: packages made from a built course."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CourseError
from ..trainer.commands import answer_keys_option, config_option

SITE_DIR = dict(default="site", show_default=True, type=click.Path(file_okay=False), help="The built course.")


def languages_option(help):
    return click.option("-l", "--lang", multiple=True, metavar="CODE", help=help + " Default: every built language.")


def out_option(help):
    return click.option("-o", "--out", default="dist", show_default=True, type=click.Path(file_okay=False), help=help)


@click.group("export")
def export():
    """Make packages from a built course (run mkdocs-course build first)."""


@export.command("offline")
@languages_option("Put only this language in the copy (repeatable).")
@click.option("-d", "--site-dir", **SITE_DIR)
@out_option("Where the zip file goes.")
def offline(lang, site_dir, out):
    """Write a zip of the course that works unzipped, opened from files, with no connection."""
    from .offline import export_offline

    try:
        copy = export_offline(Path(site_dir), Path(out), list(lang) or None)
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None
    size = copy.path.stat().st_size
    click.echo(f"Wrote {copy.path} ({size / 1e6:.1f} MB, {copy.files} files; {', '.join(copy.languages)}).")
    click.echo("Unzip it and open index.html in Google Chrome or Microsoft Edge (see docs/offline.md).")


@export.command("scorm")
@click.option("--version", "version", type=click.Choice(["1.2", "2004"]), required=True,
              help="SCORM 1.2 or SCORM 2004 4th edition (see docs/lms.md for which to choose).")
@languages_option("Package only this language (repeatable).")
@click.option("-d", "--site-dir", **SITE_DIR)
@out_option("Where the zip files go.")
@click.option("-s", "--strict", is_flag=True,
              help="Fail when a learner's progress may not fit in what the LMS keeps for it.")
def scorm(version, lang, site_dir, out, strict):
    """Write one SCORM zip per language, ready to upload to an LMS."""
    from .scorm import describe, export_scorm
    from .scorm_suspend import advice

    try:
        packages = export_scorm(Path(site_dir), version, Path(out), list(lang) or None)
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None
    too_big = []
    for package in packages:
        for line in describe(package):
            click.echo(line)
        if not package.suspend.fits:
            too_big.append(package)
    if too_big:
        for package in too_big:
            click.echo(("Error: " if strict else "Warning: ") + advice(package.suspend, package.path.name), err=True)
        if strict:
            raise SystemExit(1)


@export.command("facilitator")
@languages_option("Write only this language's guide (repeatable).")
@click.option("-d", "--site-dir", **SITE_DIR)
@out_option("Where the guides go (never inside the site: they hold the answers).")
@answer_keys_option
@config_option
def facilitator(lang, site_dir, out, answer_keys, config_file):
    """Write the facilitator guide of each language: timings, notes, quizzes and their answer keys."""
    from ..facilitator.guide import export_guides, interface_strings
    from ..trainer.commands import load_keys, project_options

    root, options = project_options(config_file)
    folder = Path(answer_keys) if answer_keys else (root / options.answer_keys_dir if options else None)
    if folder is None:
        raise click.ClickException(
            f"{config_file or 'mkdocs.yml'} is not here, so the answer keys cannot be found. Run this in the "
            "course's folder, or give --config-file or --answer-keys."
        )
    keys = load_keys(str(folder), None)
    translations = root / options.translations_dir if options else None
    pages = [root / options.pages_dir] if options else []
    try:
        guides = export_guides(
            Path(site_dir), Path(out), keys, folder, lambda code: interface_strings(translations, code),
            list(lang) or None, pages, progress=lambda code: click.echo(f"Writing the facilitator guide in {code}…"),
        )
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None
    for guide in guides:
        click.echo(f"Wrote {guide.path} (modules: {guide.modules}, notes: {guide.notes}, quizzes with their answers: {guide.quizzes}).")
    click.echo("Open it in a browser and print it, or save it as PDF (see docs/trainers.md). Keep it from learners.")
