"""PyYAML's syntax errors, told in the words of a course author.

PyYAML reports problems such as "while scanning a simple key ... could not
find expected ':'"; this module turns each into where it is, what is wrong
and what to write instead.
"""

from __future__ import annotations

import yaml

from .errors import Position

QUOTE_ADVICE = "Put the whole text in double quotes."
GENERIC_ADVICE = (
    "Check the indentation and quoting near this spot; a text that "
    "contains ': ' or starts with a special character needs quotes."
)


def _mark_position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)


def explain_yaml_error(exc: yaml.MarkedYAMLError):
    """Say in an author's words what PyYAML found wrong, and where.

    Returns (position, problem, advice). PyYAML's own wording is kept for
    the rarer problems that have no translation here.
    """
    context = exc.context or ""
    problem = exc.problem or ""
    at_problem = _mark_position(exc.problem_mark or exc.context_mark)
    at_context = _mark_position(exc.context_mark or exc.problem_mark)
    if context.startswith("expected a single document"):
        return (
            at_problem,
            "a second YAML document starts here, but a quiz file holds one quiz",
            "Remove the '---' line, or move the second quiz to a file of its own.",
        )
    if context.startswith("found duplicate anchor"):
        name = context.split("'")[1] if "'" in context else ""
        return (
            at_problem,
            f"the anchor '&{name}' is defined twice (first on line {at_context.line})",
            "Give each anchor its own name.",
        )
    if problem.startswith("found undefined alias"):
        name = problem.split("'")[1] if "'" in problem else ""
        return (
            at_problem,
            f"'*{name}' refers to an anchor '&{name}' that is not defined before it",
            "A text that starts with '*' must be in quotes; "
            f"to reuse a value, mark it with '&{name}' first.",
        )
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        return (
            at_context,
            "the quote that opens here is never closed",
            "Add the closing quote at the end of the text. Inside '...' write a "
            "single quote as '', inside \"...\" write a double quote as \\\".",
        )
    if context in ("while scanning an alias", "while scanning an anchor"):
        sign = "*" if "alias" in context else "&"
        kind = "alias" if sign == "*" else "anchor"
        return (
            at_context,
            f"a text that starts with '{sign}' is read as a YAML {kind}",
            QUOTE_ADVICE,
        )
    if problem.startswith("found character") and problem.endswith("cannot start any token"):
        if "'\\t'" in problem:
            return (
                at_problem,
                "a tab is used for indentation, but YAML allows only spaces",
                "Replace the tab with spaces.",
            )
        char = problem[len("found character ") : -len(" that cannot start any token")]
        return at_problem, f"a text cannot start with {char} unless it is in quotes", QUOTE_ADVICE
    if problem.startswith("found unknown escape character"):
        char = problem[len("found unknown escape character ") :].strip("'")
        return (
            Position(at_problem.line, max(at_problem.column - 1, 1)),  # the backslash
            f"'\\{char}' is not a valid escape in a text in double quotes",
            "Write a backslash as '\\\\', or use single quotes, in which a backslash is plain text.",
        )
    if problem == "mapping values are not allowed here":
        return (
            at_problem,
            "this ': ' is read as the start of a new 'key: value'",
            "If the text contains ': ', put the whole text in quotes; otherwise "
            "indent this line like the other keys of its block.",
        )
    if problem.startswith("expected <block end>"):
        if problem.endswith("'<scalar>'"):
            return (
                at_problem,
                "unexpected text after a value that was already complete",
                "A text that starts with a quote, '[' or '{' ends at the matching "
                "closing mark; put the whole text in quotes.",
            )
        return (
            at_problem,
            "this line is not indented like the lines before it",
            "Indent each key like the other keys of its block, with spaces.",
        )
    if context == "while parsing a flow node" and problem.endswith("'<stream end>'"):
        return (
            at_problem,
            "the file ends inside a '[...]' or '{...}' that is never closed",
            "Close it with ']' or '}'; if it is text that starts with '[' or '{', put it in quotes.",
        )
    for opening, closing, kind in (("[", "]", "flow sequence"), ("{", "}", "flow mapping")):
        if context == f"while parsing a {kind}":
            got = problem.rpartition("but got ")[2]
            if got != "'<stream end>'" and at_problem.line == at_context.line:
                # e.g. a '?' in a text inside {...}: the bracket is closed later
                return (
                    at_problem,
                    f"{got} cannot stand here, inside the '{opening}...{closing}' "
                    f"that starts on column {at_context.column}",
                    "Put the text that holds it in quotes.",
                )
            return (
                at_context,
                f"the '{opening}' here is never closed with '{closing}'",
                f"If this is text, put it in quotes; otherwise close it with '{closing}'.",
            )
    return at_problem, problem or context or "unreadable YAML", GENERIC_ADVICE
