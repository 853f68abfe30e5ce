"""`mkdocs-course export`: packages made from a built course."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import CourseError


@click.group("export")
def export():
    """Make packages from a built course (run mkdocs-course build first)."""


@export.command("offline")
@click.option("-l", "--lang", multiple=True, metavar="CODE",
              help="Put only this language in the copy (repeatable). Default: every built language.")
@click.option("-d", "--site-dir", default="site", show_default=True, type=click.Path(file_okay=False),
              help="The built course.")
@click.option("-o", "--out", default="dist", show_default=True, type=click.Path(file_okay=False),
              help="Where the zip file goes.")
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
@click.option("-l", "--lang", multiple=True, metavar="CODE",
              help="Package only this language (repeatable). Default: every built language.")
@click.option("-d", "--site-dir", default="site", show_default=True, type=click.Path(file_okay=False),
              help="The built course.")
@click.option("-o", "--out", default="dist", show_default=True, type=click.Path(file_okay=False),
              help="Where the zip files go.")
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
