"""Quiz text as HTML: Markdown without raw HTML, and the fast path for plain lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_course.quiz.markup import PLAIN_LINE, QuizMarkdown

md = QuizMarkdown()


def test_markdown_works_but_raw_html_is_shown_as_text():
    assert md.inline("Pick the *second* `one`") == "Pick the <em>second</em> <code>one</code>"
    assert md.block("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"
    assert md.block("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_unsafe_link_and_image_addresses_are_dropped():
    assert md.inline("[a](javascript:alert(1))") == '<a href="#">a</a>'
    assert md.inline("[a]( JaVaScRiPt:alert(1))") == '<a href="#">a</a>'
    assert md.inline("![i](data:text/html,x)") == '<img alt="i" src="#">'
    assert md.inline("[a](https://example.org/x?y#z)") == '<a href="https://example.org/x?y#z">a</a>'
    assert md.inline("[a](../page.md#part)") == '<a href="../page.md#part">a</a>'
    assert md.inline("[a](mailto:someone@example.org)").startswith('<a href="')


def test_block_text_keeps_its_paragraphs():
    assert md.is_inline("One line") and not md.is_inline("One\n\nTwo")
    assert md.inline("One\n\nTwo") == "<p>One</p>\n<p>Two</p>"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_the_plain_line_fast_path_gives_what_markdown_gives(text):
    if PLAIN_LINE.match(text):
        assert QuizMarkdown().block(text) == md._md.reset().convert(text)
