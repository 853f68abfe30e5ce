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
