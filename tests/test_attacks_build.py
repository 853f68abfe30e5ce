"""The standing attack suite, build side: course text and translations that try
to put script, markup or huge output into a course (see docs/security.md)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from attacks import HIDDEN_SCHEMES, LINK_FORMS, attack, attack_quiz, unsafe_addresses
from mkdocs_course.quiz import QuizRenderer, load_quiz
from mkdocs_course.quiz.markup import QuizMarkdown, address_scheme, is_allowed_address
from mkdocs_course.quiz.render import decode_key

md = QuizMarkdown()


def html_strings(value):
    """Every string in a (decoded) payload: HTML the runtime may insert."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from html_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from html_strings(item)


def rendered(quiz) -> str:
    """A quiz's HTML and every string of its payload, answer key unmasked."""
    page = QuizRenderer("attacks").render(quiz)
    data = json.loads(re.search(r"<template data-course-payload>(.*?)</template>", page, re.S).group(1))
    key = decode_key(data["key"], base64.b64decode(data["salt"]))
    return "\n".join([page, *html_strings(key), *html_strings(data["strings"])])


# -- link addresses: decided the way a browser reads them -------------------------------


@pytest.mark.parametrize("form", LINK_FORMS)
@pytest.mark.parametrize("encoding", HIDDEN_SCHEMES)
def test_a_link_whose_scheme_is_hidden_by_character_codes_leads_nowhere(form, encoding):
    text = attack(form, encoding)
    html = md.block(text)
    assert unsafe_addresses(html) == []
    assert ' href="#"' in html or ' src="#"' in html
    assert "guide" in html  # the words stay; only the address goes
    assert md.refused_addresses(text) == [HIDDEN_SCHEMES[encoding]]


def test_autolinks_to_other_schemes_stay_text():
    for url in ("javascript:" + "alert(1)", "javascript&#58;alert(1)", "vbscript:x", "data:text/html,x"):
        assert md.block(f"<{url}>").startswith("<p>&lt;")
        assert unsafe_addresses(md.block(f"<{url}>")) == []


@pytest.mark.parametrize("address", [
    "https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG", "mailto:someone@example.org",
    "../page.md#part", "page.md", "/root", "?q=a:b", "#a:b", "//example.org/x", "images/a:b.png", "1abc:def",
])
def test_allowed_addresses_are_kept(address):
    assert is_allowed_address(address)
    assert f'href="{address}"' in md.block(f"[a]({address})")


def test_email_autolinks_are_kept():
    # Markdown writes them with character codes; decoded they are mailto:
    html = md.block("<someone@example.org>")
    assert unsafe_addresses(html) == [] and "&#58;" in html and md.refused_addresses("<someone@example.org>") == []


@pytest.mark.parametrize("address,scheme", [
    ("javascript&amp;#58;alert(1)", "javascript"),  # double-encoded: a browser decodes once, this is stricter
    ("java\u200bscript:x", "javascript"),
    ("&#x6A&#x61vascript:x", "javascript"),  # references without ';'
    ("C:\\Windows", "c"),
])
def test_the_scheme_is_found_after_decoding_and_dropping_invisible_characters(address, scheme):
    assert address_scheme(address) == scheme
    assert not is_allowed_address(address)


def test_a_hostile_link_in_every_field_of_every_question_type_leads_nowhere():
    text, fields = attack_quiz()
    quiz = load_quiz(text.encode(), "quizzes/attack.yml")
    html = rendered(quiz)
    assert unsafe_addresses(html) == []
    for label in fields:  # each link's words are there, so each field was rendered
        assert label in html, fields[label]
