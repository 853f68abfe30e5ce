"""The ``mkdocs-course`` command.

``build`` and ``serve`` take the options MkDocs users know (``--strict``,
``--site-dir``, ``--config-file``, ``--dev-addr`` ...): for a one-language
course they are MkDocs' own commands, so behaviour and messages match
``mkdocs build`` and ``mkdocs serve`` exactly.
"""

from __future__ import annotations

import os
import sys

import click
from mkdocs.__main__ import State, build_command, serve_command

from . import __version__


@click.group(context_settings=dict(help_option_names=["-h", "--help"], max_content_width=100))
@click.version_option(__version__, "-V", "--version", prog_name="mkdocs-course")
@click.pass_context
def cli(ctx):
    """Build and preview a course made with mkdocs-course."""
    ctx.ensure_object(State)


cli.add_command(build_command, "build")
cli.add_command(serve_command, "serve")


def main(argv: list[str] | None = None) -> None:
    # MkDocs prints a long notice about its future on every run; a course
    # author cannot act on it, so keep the output to what concerns the course.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="mkdocs-course")


if __name__ == "__main__":
    main()
