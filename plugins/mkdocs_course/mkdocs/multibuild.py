"""Build every language of a course: one MkDocs build per language, in
parallel worker processes, into ``<site_dir>/<language>/``, plus a root page
that sends visitors to their language.

Each worker is an ordinary MkDocs build (load_config, then build) whose
plugin reads the language from MKDOCS_COURSE_LANGUAGE; nothing in MkDocs is
patched and no build is re-entered from a hook.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGE_ENV


@dataclass
class LanguageResult:
    language: str
    ok: bool
    seconds: float
    message: str = ""
    warnings: int = 0


def course_languages(config_file: str | None) -> tuple[dict[str, str], str, object]:
    """The course languages, source language and loaded config of a project."""
    from mkdocs.config import load_config

    config = load_config(config_file)
    plugin = config.plugins.get("course")
    languages = dict(plugin.config.languages) if plugin is not None else {}
    source = (plugin.config.source_language if plugin else None) or next(iter(languages), "en")
    return languages, source, config


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if record.levelno == logging.WARNING:
            self.count += 1


def build_language(config_file: str | None, language: str, site_dir: str, site_url: str | None,
                   strict: bool, quiet: bool) -> LanguageResult:
    """Build one language; runs in a worker process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    os.environ[LANGUAGE_ENV] = language
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(logging.Formatter(f"[{language}] %(levelname)-7s -  %(message)s"))
    stream.setLevel(logging.WARNING if quiet else logging.INFO)
    counter = _Counter()
    logger.addHandler(stream)
    logger.addHandler(counter)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    start = time.monotonic()
    try:
        overrides = {"site_dir": site_dir, "strict": strict}
        if site_url:
            overrides["site_url"] = site_url
        config = load_config(config_file, **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as exc:
        # MkDocs has logged the error itself (marked with the language above);
        # its Abort text ("Aborted with a BuildError!") adds nothing to act on.
        message = "see the error above" if "BuildError" in str(exc) else str(exc).rstrip("!.")
        return LanguageResult(language, False, time.monotonic() - start, message, counter.count)
    except (MkDocsException, SystemExit) as exc:
        return LanguageResult(language, False, time.monotonic() - start, str(exc), counter.count)
    return LanguageResult(language, True, time.monotonic() - start, "", counter.count)


# What a multilingual build writes at the root of the site, beside the language folders.
ROOT_FILES = ("index.html", "404.html")


def remove_stale_output(root: Path, languages: dict[str, str]) -> list[str]:
    """Remove what an earlier build left at the site's root: a one-language
    build's pages and assets, or a language the course no longer has.

    The build owns its site folder (MkDocs itself empties it on every build);
    hidden entries such as .git or .nojekyll are kept, as MkDocs keeps them.
    Returns the names removed.
    """
    if not root.is_dir():
        return []
    removed = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in languages or entry.name in ROOT_FILES:
            continue
        folder = entry.is_dir() and not entry.is_symlink()
        if folder:
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name + ("/" if folder else ""))
    return removed


def build_all(config_file: str | None, *, site_dir: str | None = None, only: list[str] | None = None,
              strict: bool = False, quiet: bool = False, jobs: int | None = None, echo=print,
              site_url: str | None = None) -> int:
    """Build the chosen (default: all) languages; returns a process exit code."""
    from ..i18n.chooser import write_root_pages

    languages, source, config = course_languages(config_file)
    if not languages:
        languages = {source: source}
    wanted = only or list(languages)
    unknown = [code for code in wanted if code not in languages]
    if unknown:
        echo(f"Error: unknown language {', '.join(unknown)}; the course has {', '.join(languages)}.")
        return 2
    root = Path(site_dir or config.site_dir).resolve()
    base_url = site_url or config.site_url or ""
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    project = Path(config.config_file_path or ".").resolve().parent
    if project == root or root in project.parents:
        echo(f"Error: the site folder {root} holds the course's own files ({project}); a build "
             "empties its site folder. Give another --site-dir, such as site.")
        return 2
    removed = remove_stale_output(root, languages)
    if removed:
        echo(f"Removed from {root.name}/ what no language of the course builds there (an earlier "
             f"build's output): {', '.join(removed)}")
    jobs = jobs or min(len(wanted), os.cpu_count() or 1)
    echo(f"Building {len(wanted)} language{'s' if len(wanted) != 1 else ''} "
         f"({', '.join(wanted)}) into {root} with {jobs} worker{'s' if jobs != 1 else ''}")
    start = time.monotonic()
    results: list[LanguageResult] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {
            pool.submit(build_language, config_file, code, str(root / code),
                        f"{base_url}{code}/" if base_url else None, strict, quiet): code
            for code in wanted
        }
        for done, future in enumerate(as_completed(futures), start=1):
            code = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a crash in a worker: report it, build the rest
                result = LanguageResult(code, False, 0.0, f"the build process failed: {exc!r}")
            results.append(result)
            state = "built" if result.ok else "FAILED"
            extra = f", {result.warnings} warning{'s' if result.warnings != 1 else ''}" if result.warnings else ""
            echo(f"  [{done}/{len(wanted)}] {code}: {state} in {result.seconds:.1f} s{extra}"
                 + (f" - {result.message}" if result.message and not result.ok else ""))
    # List only languages the site holds (a --lang build may add to an
    # earlier full build, or stand alone).
    present = {code: name for code, name in languages.items() if (root / code / "index.html").is_file()}
    if present:
        write_root_pages(root, present, source if source in present else next(iter(present)), config.site_name)
    failed = [r.language for r in results if not r.ok]
    total = time.monotonic() - start
    if failed:
        echo(f"Failed: {', '.join(sorted(failed))} (see the messages above). Took {total:.1f} s.")
        return 1
    echo(f"Done in {total:.1f} s: {', '.join(f'{code}/' for code in wanted)} and the language chooser at index.html")
    return 0
