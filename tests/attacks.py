"""Hostile course text for the standing attack suite (tests/test_attacks_*.py).

Link addresses that run script when clicked once a browser has decoded them,
the forms of Markdown that place an address in a page, and a quiz that puts
one in every field. The browser decides what an address means, so the
oracle here reads the built HTML as a browser does: character references
decoded by an HTML parser, then the URL rules for spaces and controls.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

# Every one of these sets window.__pwned when a browser follows it.
SCRIPT = "void(window.__pwned=1)"
HIDDEN_SCHEMES = {
    "colon-reference": "javascript&#58;" + SCRIPT,
    "named-colon": "javascript&colon;" + SCRIPT,
    "hex-letter": "java&#x73;cript:" + SCRIPT,
    "first-letter": "&#106;avascript:" + SCRIPT,
    "mixed-case-hex-colon": "JaVaScRiPt&#x3A;" + SCRIPT,
    "padded-colon": "javascript&#0000058;" + SCRIPT,
    "tab-inside": "java&#9;script:" + SCRIPT,
    "newline-inside": "java&#10;script:" + SCRIPT,
    "leading-space": "&#32;javascript:" + SCRIPT,
    "leading-control": "&#1;javascript:" + SCRIPT,
    "plain": "javascript:" + SCRIPT,
    "vbscript": "vbscript:msgbox(1)",
    "data-html": "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+",
}
# The ways Markdown puts an address into a page. {label} must stay visible.
LINK_FORMS = {
    "inline": "[{label}]({url})",
    "angle-brackets": "[{label}](<{url}>)",
    "with-title": '[{label}]({url} "more")',
    "image": "![{label}]({url})",
    "reference": "[{label}][r]\n\n[r]: {url}",
    "reference-image": "![{label}][r]\n\n[r]: {url}",
}
ONE_LINE_FORMS = ("inline", "angle-brackets", "with-title", "image")
ALLOWED = ("http", "https", "mailto")


def attack(form: str, encoding: str, label: str = "guide") -> str:
    return LINK_FORMS[form].format(label=label, url=HIDDEN_SCHEMES[encoding])


class _Addresses(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # decodes attribute values, as a browser does
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "xlink:href") and value is not None:
                self.found.append((tag, name, value))


def browser_scheme(address: str) -> str | None:
    """The scheme a browser finds in an already decoded attribute value."""
    address = address.strip("".join(chr(c) for c in range(0x21)))
    address = re.sub(r"[\t\n\r]", "", address)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", address)
    return match.group(1).lower() if match else None


def unsafe_addresses(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of every address in ``html`` that a browser
    would follow to something other than http(s), mailto or a relative address."""
    parser = _Addresses()
    parser.feed(html)
    parser.close()
    return [f for f in parser.found if browser_scheme(f[2]) not in (None, *ALLOWED)]


def _hostile_text(fields: dict[str, str]):
    """text(field, one_line) -> "Read <a hostile link>", each call another
    form and encoding in turn; `fields` records the field by the link's label."""
    encodings = list(HIDDEN_SCHEMES)

    def text(field: str, one_line: bool = False) -> str:
        n = len(fields)
        forms = ONE_LINE_FORMS if one_line else tuple(LINK_FORMS)
        label = f"link{n}"
        fields[label] = field
        # nothing after the link: a reference definition must end its text
        return "Read " + attack(forms[n % len(forms)], encodings[n % len(encodings)], label)

    return text


def attack_quiz(quiz_id: str = "attack") -> tuple[str, dict[str, str]]:
    """A quiz file (YAML text) with a hostile link in every text field, and
    the field each link is in, by its label."""
    fields: dict[str, str] = {}
    text = _hostile_text(fields)

    common = lambda name: {  # noqa: E731
        "prompt": text(f"{name}/prompt"),
        "hint": text(f"{name}/hint"),
        "explanation": text(f"{name}/explanation"),
        "feedback": {"correct": text(f"{name}/feedback/correct"), "incorrect": text(f"{name}/feedback/incorrect")},
    }
    quiz = {
        "id": quiz_id,
        "title": text("title", one_line=True),
        "description": text("description"),
        "questions": [
            {"id": "single", "type": "single", **common("single"), "options": [
                {"id": "a", "text": text("single/option/a", True), "feedback": text("single/option/a/feedback")},
                {"id": "b", "text": text("single/option/b", True), "correct": True,
                 "feedback": text("single/option/b/feedback")},
            ]},
            {"id": "multiple", "type": "multiple", **common("multiple"), "options": [
                {"id": "a", "text": text("multiple/option/a", True), "correct": True,
                 "feedback": text("multiple/option/a/feedback")},
                {"id": "b", "text": text("multiple/option/b", True), "feedback": text("multiple/option/b/feedback")},
            ]},
            {"id": "truth", "type": "true_false", **common("truth"), "answer": True},
            {"id": "blank", "type": "fill_blank", **common("blank"), "answers": ["Paris"]},
            {"id": "number", "type": "numeric", **common("number"), "answer": 4,
             "unit": text("number/unit", True)},
            {"id": "match", "type": "matching", **common("match"), "pairs": [
                {"id": "p1", "left": text("match/pair/p1/left", True), "right": text("match/pair/p1/right", True)},
                {"id": "p2", "left": text("match/pair/p2/left", True), "right": text("match/pair/p2/right", True)},
            ]},
            {"id": "order", "type": "ordering", **common("order"), "items": [
                {"id": "i1", "text": text("order/item/i1", True)},
                {"id": "i2", "text": text("order/item/i2", True)},
            ]},
        ],
    }
    return yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), fields


def alias_bomb(options: int = 2000, questions: int = 2000) -> bytes:
    """One question's options anchored and reused by every other question:
    about 190 KB of YAML that expands to options x questions options."""
    lines = ["title: Bomb", "questions:", "  - id: q0", "    type: single", "    prompt: Pick one",
             "    options: &opts"]
    lines += [f"      - {{id: o{i}, text: Option {i}{', correct: true' if i == 0 else ''}}}" for i in range(options)]
    lines += [f"  - {{id: q{n}, type: single, prompt: Pick one, options: *opts}}" for n in range(1, questions)]
    return ("\n".join(lines) + "\n").encode()


def attack_activities(prefix: str = "attack") -> tuple[dict[str, str], dict[str, str]]:
    """A self-assessment and an action plan (file name -> YAML text) with a
    hostile link in every text field, and the field each link is in, by its
    label. Fields rendered as inline Markdown (titles, statements, scale
    labels) get the one-line forms; the action plan's labels, hints and
    examples are plain text, shown as written."""
    fields: dict[str, str] = {}
    text = _hostile_text(fields)
    assessment = {
        "id": f"{prefix}-check", "kind": "self-assessment",
        "title": text("check/title", True), "description": text("check/description"),
        "scale": [{"id": "no", "label": text("check/scale/no", True), "points": 0},
                  {"id": "yes", "label": text("check/scale/yes", True), "points": 1}],
        "areas": [{
            "id": area, "title": text(f"check/area/{area}/title", True),
            "items": [{"id": f"{area}-{i}", "text": text(f"check/area/{area}/item/{i}", True)} for i in (1, 2)],
            "advice": [{"from": start, "text": text(f"check/area/{area}/advice/{start}")} for start in (0, 50)],
        } for area in ("pay", "safety")],
    }
    plan = {
        "id": f"{prefix}-plan", "kind": "action-plan",
        "title": text("plan/title", True), "description": text("plan/description"),
        "rows": [{"id": row, "label": text(f"plan/row/{row}", True)} for row in ("first", "second")],
        "fields": [{"id": f, "label": text(f"plan/field/{f}/label", True), "hint": text(f"plan/field/{f}/hint", True),
                    "example": text(f"plan/field/{f}/example", True), **({"kind": "line"} if f == "who" else {})}
                   for f in ("action", "who")],
    }
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # noqa: E731
    return {f"{prefix}-check.yml": dump(assessment), f"{prefix}-plan.yml": dump(plan)}, fields
