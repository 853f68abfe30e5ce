"""`mkdocs-course verify` and `mkdocs-course report`: the trainer's commands."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import CourseError
from .activities import activity_lines
from .answerkeys import DEFAULT_DIR, load_answer_keys
from .grading import js_round
from .records import RecordError, read_record, shown
from .report import csv_bytes, item_analysis, module_rows, question_texts, xlsx_bytes
from .verify import EXIT_CODES, Problem, Verdict, verify_record, worst

KIND = "mkdocs-course/verification"
SCHEMA = 1

answer_keys_option = click.option(
    "--answer-keys", "answer_keys", type=click.Path(file_okay=False), default=None,
    help=f"The answer-key folder a build wrote (default: answer_keys_dir of ./mkdocs.yml, else {DEFAULT_DIR}).",
)
config_option = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default=None,
    help="The course's mkdocs.yml (default: ./mkdocs.yml), to find the answer keys and languages.",
)


def project_options(config_file):
    """(project folder, the course plugin's options) of mkdocs.yml, or (None, None)."""
    path = Path(config_file or "mkdocs.yml")
    if not path.is_file():
        return None, None
    from mkdocs.config import load_config  # as i18n/project.py: only to read the options

    try:
        config = load_config(str(path))
    except Exception as exc:  # MkDocs' own config errors carry a readable message
        raise click.ClickException(f"cannot read {path}: {exc}") from None
    plugin = config.plugins.get("course")
    return path.resolve().parent, (plugin.config if plugin else None)


def load_keys(answer_keys, config_file):
    if answer_keys:
        folder = Path(answer_keys)
    else:
        root, options = project_options(config_file)
        folder = (root / options.answer_keys_dir) if options else Path(DEFAULT_DIR)
    try:
        return load_answer_keys(folder)
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None


def verify_files(paths, keys) -> list[Verdict]:
    """Every file checked; a bad one never stops the others."""
    now = dt.datetime.now(dt.timezone.utc)
    verdicts = []
    for path in paths:
        try:
            record = read_record(Path(path))
        except RecordError as exc:
            verdicts.append(Verdict(str(path), "unreadable", [Problem("file", str(exc))]))
            continue
        verdicts.append(verify_record(record, keys, now))
    return verdicts


def verification_json(verdicts: list[Verdict], keys) -> dict:
    """What ``verify --format json`` prints; the dashboard reads it too."""
    questions = {}
    for verdict in verdicts:
        for item in verdict.items:
            texts = question_texts(keys, verdict.record["course"]["id"], item["quiz"], item["version"])
            questions.setdefault(f"{item['quiz']}/{item['question']}", texts.get(item["question"], {}))
    return {
        "schema": SCHEMA, "kind": KIND, "generator": f"mkdocs-course {__version__}",
        "checked": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "result": worst(v.result for v in verdicts),
        "records": [v.as_json() for v in verdicts],
        "questions": questions,
    }


def _print_text(verdicts: list[Verdict]) -> None:
    for verdict in verdicts:
        who = verdict.learner
        about = f" ({shown(who) if who else 'no name'}, {shown(verdict.record.get('lang') or '?')})" if verdict.record else ""
        label = {"valid": "valid", "tampered": "TAMPERED", "foreign": "another course",
                 "unknown-version": "not checked: unknown version", "unreadable": "unreadable"}[verdict.result]
        click.echo(f"{verdict.file}: {label}{about}")
        for problem in verdict.problems:
            click.echo(f"  [{problem.check}] {problem.message}")
        for line in activity_lines(verdict.record or {}):  # self-assessments and action plans, never graded
            click.echo(f"  {line}")
    counts = {r: sum(1 for v in verdicts if v.result == r) for r in EXIT_CODES}
    summary = ", ".join(f"{n} {r}" for r, n in counts.items() if n)
    click.echo(f"{len(verdicts)} record{'s' if len(verdicts) != 1 else ''}: {summary}.")


@click.command("verify")
@click.argument("records", nargs=-1, required=True, type=click.Path(dir_okay=True))
@answer_keys_option
@config_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object for scripts and the trainer dashboard.")
def verify(records, answer_keys, config_file, output):
    """Re-grade learners' completion records against the answer keys.

    Exit code: 0 every record valid; 3 some made on a version the answer keys
    do not hold; 4 some from another course; 5 some unreadable; 6 some
    tampered (the worst found wins). 1: the answer keys cannot be read.
    """
    keys = load_keys(answer_keys, config_file)
    verdicts = verify_files(records, keys)
    if output == "json":
        click.echo(json.dumps(verification_json(verdicts, keys), ensure_ascii=False, indent=1))
    else:
        _print_text(verdicts)
    sys.exit(EXIT_CODES[worst(v.result for v in verdicts)])


def _print_items(items) -> None:
    if not items:
        click.echo("Item analysis: no valid record with checked questions.")
        return
    click.echo("Item analysis: right on the first attempt, hardest first (valid records only)")
    for item in items:
        click.echo(f"{item.quiz} / {item.question}: {item.right} of {item.learners} learners right "
                   f"({js_round(100 * item.share):g}%) - {shown(item.prompt)}")
        for option, count in sorted(item.wrong.items(), key=lambda kv: -kv[1]):
            text = item.options.get(option, "")
            click.echo(f"    wrong choice {option}{' (' + shown(text) + ')' if text else ''}: {count}")


@click.command("report")
@click.argument("records", nargs=-1, type=click.Path(dir_okay=True))
@answer_keys_option
@config_option
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write one row per learner and module to this CSV file (UTF-8 with BOM).")
@click.option("--xlsx", "xlsx_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="The same table as an Excel workbook.")
@click.option("--items", is_flag=True, help="Print the item analysis: which questions learners get wrong first time.")
@click.option("--html", "html_dir", type=click.Path(file_okay=False), default=None,
              help="Write the trainer dashboard (a folder that works offline) here.")
def report(records, answer_keys, config_file, csv_file, xlsx_file, items, html_dir):
    """Group report from learners' completion records, each verified first."""
    if html_dir:
        from .dashboard import write_dashboard

        written = write_dashboard(Path(html_dir), config_file)
        click.echo(f"Wrote the trainer dashboard to {html_dir}/ ({', '.join(written)}). Open index.html in a browser; "
                   "keep it off the learners' site.", err=True)
    if not records:
        if not html_dir:
            raise click.UsageError("give the completion records to report on (or --html DIR for the dashboard).")
        return
    if not (csv_file or xlsx_file or items):
        raise click.UsageError("say what to write: --csv FILE, --xlsx FILE or --items.")
    keys = load_keys(answer_keys, config_file)
    verdicts = verify_files(records, keys)
    for verdict in verdicts:
        if verdict.result in ("unreadable", "foreign"):
            click.echo(f"left out: {verdict.problems[0].message}", err=True)
    rows = [row for verdict in verdicts for row in module_rows(verdict)]
    if csv_file:
        Path(csv_file).write_bytes(csv_bytes(rows))
        click.echo(f"Wrote {len(rows)} rows to {csv_file}.", err=True)
    if xlsx_file:
        try:
            data = xlsx_bytes(rows)
        except ImportError:
            raise click.ClickException("--xlsx needs openpyxl: pip install 'mkdocs-course[xlsx]'.") from None
        Path(xlsx_file).write_bytes(data)
        click.echo(f"Wrote {len(rows)} rows to {xlsx_file}.", err=True)
    if items:
        _print_items(item_analysis(verdicts, keys))
    sys.exit(EXIT_CODES[worst(v.result for v in verdicts)])
