"""Placeholders in interface strings: ``{name}``, and nothing else.

Translations are text from outside the code, so they are never used as
Python format strings (``str.format`` would obey ``{count:>3000000}`` or
``{count.__class__}``). ``fill`` replaces only plain ``{name}`` placeholders,
as ``C.format`` in assets/js/core.js does in the browser; the catalog check
(i18n/checks.py) refuses every other use of braces in an interface string,
so the two always agree.
"""

from __future__ import annotations

import re

# ASCII names only, like \w in JavaScript
PLACEHOLDER = re.compile(r"\{(\w+)\}", re.ASCII)
# a placeholder, or any other text with a brace: '{count:>9}', '{a.b}', '{', '}'
BRACES = re.compile(r"\{(\w+)\}|\{[^{}\n]{0,40}\}?|\}", re.ASCII)


def placeholder_names(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(template: str, **values) -> str:
    """``template`` with each ``{name}`` given in ``values`` replaced by its
    value; any other brace stays as written."""
    return PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template
    )


def stray_brace(text: str) -> str | None:
    """The first brace in ``text`` that is not part of a plain placeholder
    (with what follows it inside the braces), or None."""
    for match in BRACES.finditer(text):
        if match.group(1) is None:
            return match.group(0)
    return None
