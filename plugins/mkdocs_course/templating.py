"""The Jinja environment of the course's HTML templates (autoescaped)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from .i18n.placeholders import fill

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # `{{ t.key | fill(name=value) }}`: translated strings are never format strings
    env.filters["fill"] = lambda text, **values: fill(str(text), **values)
    return env


def template(name: str) -> Template:
    """One of templates/*.html, compiled once per process."""
    return environment().get_template(name)
