"""The ``mkdocs-course`` command.

``build`` and ``serve`` take the options MkDocs users know (``--strict``,
``--site-dir``, ``--config-file``, ``--dev-addr`` ...). A course with
``languages`` builds every language into ``<site_dir>/<language>/`` in
parallel processes plus a language chooser; a one-language course is built
by MkDocs' own command. ``i18n`` holds the translators' tools; ``export``
the packages made from a build (SCORM, the offline copy; ``export/commands.py``);
``verify`` and ``report`` the trainers' (``trainer/commands.py``), ``keys``
and ``certify`` their signed certificates (``credentials/commands.py``).
"""

from __future__ import annotations

import logging
import os
import sys

import click
from mkdocs.__main__ import State, build_command, serve_command

from . import __version__
from .mkdocs.languages import LANGUAGE_ENV
from .mkdocs.pwa import SERVE_ENV


@click.group(context_settings=dict(help_option_names=["-h", "--help"], max_content_width=100))
@click.version_option(__version__, "-V", "--version", prog_name="mkdocs-course")
@click.pass_context
def cli(ctx):
    """Build, preview and translate a course made with mkdocs-course; verify learners' records."""
    ctx.ensure_object(State)


def _config_path(config_file) -> str | None:
    return getattr(config_file, "name", config_file) if config_file else None


def _build(lang, jobs, site_url, **kwargs):
    """Build the course (every language, in parallel, when it has several)."""
    from .mkdocs.multibuild import course_languages

    config_file = _config_path(kwargs.get("config_file"))
    try:
        languages, _, _ = course_languages(config_file)
    except Exception:
        # a broken mkdocs.yml: MkDocs' own command reports it its usual way
        return build_command.callback(**kwargs)
    if not languages and not lang:
        if site_url:
            raise click.UsageError("--site-url is for courses with several languages; "
                                   "for one language, set site_url in mkdocs.yml.")
        return build_command.callback(**kwargs)
    from .mkdocs.multibuild import build_all

    quiet = logging.getLogger("mkdocs").level > logging.INFO  # set by -q
    code = build_all(
        config_file,
        site_dir=kwargs.get("site_dir"),
        only=list(lang) or None,
        strict=bool(kwargs.get("strict")),
        quiet=quiet,
        jobs=jobs,
        echo=lambda text: click.echo(text, err=True),
        site_url=site_url,
    )
    if code:
        raise SystemExit(code)


build = click.Command(
    "build",
    params=[p for p in build_command.params]
    + [
        click.Option(["-l", "--lang"], multiple=True, metavar="CODE",
                     help="Build only this language (repeatable). Default: every language of the course."),
        click.Option(["--site-url"], metavar="URL", default=None,
                     help="The address the built site will be served from, instead of site_url in mkdocs.yml "
                     "(each language is under it, e.g. URL/es/)."),
        click.Option(["-j", "--jobs"], type=click.IntRange(1, 64), default=None,
                     help="Worker processes for a multilingual build (default: one per core, at most one per language)."),
    ],
    callback=_build,
    help="Build the course. A multilingual course is built into <site_dir>/<language>/ "
    "with a language chooser at the root.",
)


def _serve(lang, **kwargs):
    """Preview one language with live reload."""
    if lang:
        os.environ[LANGUAGE_ENV] = lang
    os.environ[SERVE_ENV] = "1"  # no service worker: it would keep stale builds
    return serve_command.callback(**kwargs)


serve = click.Command(
    "serve",
    params=[p for p in serve_command.params]
    + [click.Option(["-l", "--lang"], metavar="CODE",
                    help="The language to preview (default: the source language).")],
    callback=_serve,
    help="Preview the course with live reload on changes to pages, quizzes and translations.",
)

cli.add_command(build, "build")
cli.add_command(serve, "serve")


@cli.command("new")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--title", default=None, help="The course's title (default: from the folder's name).")
@click.option("--course-id", default=None, help="A stable id for saved progress (default: from the title).")
def new(folder, title, course_id):
    """Write a new one-language course into FOLDER (default: here), ready to build."""
    from pathlib import Path

    from .errors import CourseError
    from .newcourse import write_new_course

    target = Path(folder)
    try:
        written = write_new_course(target, title, course_id)
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None
    shown = "." if target == Path(".") else str(target)
    click.echo(f"Wrote a new course in {shown}/:")
    for name in written:
        click.echo(f"  {name}")
    here = "" if shown == "." else f"cd {shown} && "
    click.echo(f"Next: {here}mkdocs-course serve   (then open http://127.0.0.1:8000/)")


@cli.command("preview")
@click.argument("site", default="site", type=click.Path(exists=True, file_okay=False))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", metavar="<IP:PORT>", show_default=True,
              help="Where to serve the built course.")
def preview(site, dev_addr):
    """Serve a built course (default: site/) as a static host would, with its 404 pages."""
    from pathlib import Path

    from .preview import make_server

    host, _, port = dev_addr.rpartition(":")
    try:
        server = make_server(Path(site), host or "127.0.0.1", int(port))
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"cannot serve on {dev_addr}: {exc}") from None
    click.echo(f"Serving {site}/ on http://{host or '127.0.0.1'}:{server.server_address[1]}/ (Ctrl+C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _add_i18n():
    from .i18n.commands import i18n

    cli.add_command(i18n, "i18n")


_add_i18n()


def _add_export():
    from .export.commands import export

    cli.add_command(export, "export")


_add_export()


def _add_trainer():
    from .trainer.commands import report, verify

    cli.add_command(verify, "verify")
    cli.add_command(report, "report")


_add_trainer()


def _add_credentials():
    from .credentials.commands import certify, keys

    cli.add_command(keys, "keys")
    cli.add_command(certify, "certify")


_add_credentials()


def main(argv: list[str] | None = None) -> None:
    # MkDocs prints a long notice about its future on every run; a course
    # author cannot act on it, so keep the output to what concerns the course.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="mkdocs-course")


if __name__ == "__main__":
    main()
