"""The standing attack suite, build side: course text and translations that try
to put script, markup or huge output into a course (see docs/security.md)."""

from __future__ import annotations

import base64
import json
import re
import textwrap
from pathlib import Path

import pytest
from attacks import HIDDEN_SCHEMES, LINK_FORMS, attack, attack_activities, attack_quiz, unsafe_addresses
from mkdocs_course.activities import load_activity
from mkdocs_course.activities.render import ActivityRenderer
from mkdocs_course.activities.text import activity_entries
from mkdocs_course.i18n.catalog import CatalogError, Translations, quiz_entries, read_catalog
from mkdocs_course.i18n.interface import INTERFACE
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


def attack_activity_list():
    files, fields = attack_activities()
    return [load_activity(text.encode(), f"activities/{name}") for name, text in files.items()], fields


def test_a_hostile_link_in_every_field_of_both_kinds_of_activity_leads_nowhere():
    activities, fields = attack_activity_list()
    renderer = ActivityRenderer("attacks", "en", dict(INTERFACE))
    html = "\n".join(renderer.render(a) for a in activities)
    assert unsafe_addresses(html) == []
    for label in fields:  # each link's words are there, so each field was rendered
        assert label in html, fields[label]


# -- the same links in translations ----------------------------------------------------------

PO_HEAD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
)


def po_entry(context: str, source: str, translation: str) -> str:
    def quoted(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'

    return f"msgctxt {quoted(context)}\nmsgid {quoted(source)}\nmsgstr {quoted(translation)}\n"


def catalog_error(tmp_path: Path, text: str) -> str:
    po = tmp_path / "translations" / "fr.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(PO_HEAD + text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        read_catalog(po, "fr", "translations/fr.po")
    return str(info.value)


ATTACK_ENTRIES = quiz_entries(load_quiz(attack_quiz()[0].encode(), "quizzes/attack.yml"))


ACTIVITY_ENTRIES = [e for a in attack_activity_list()[0] for e in activity_entries(a)]
# every quiz field with one form and encoding, every activity field with another
TRANSLATED_FIELDS = [(e, "inline", "colon-reference") for e in ATTACK_ENTRIES if not e.context.endswith("/answers")] + [
    (e, "reference", "hex-letter") for e in ACTIVITY_ENTRIES]


@pytest.mark.parametrize("entry,form,encoding", TRANSLATED_FIELDS, ids=lambda v: getattr(v, "context", v))
def test_a_translation_of_any_quiz_or_activity_field_may_not_link_to_script(tmp_path, entry, form, encoding):
    translation = "Lisez " + attack(form, encoding, "le guide")
    said = catalog_error(tmp_path, po_entry(entry.context, "Read the guide", translation))
    assert said == (
        f"translations/fr.po:7: entry '{entry.context}': the translation links to "
        f"{HIDDEN_SCHEMES[encoding]!r}, which is not an allowed address (read as a "
        "browser reads it, with its character codes decoded). Links may lead only to http:, "
        "https: or mailto: addresses, or to pages and files of the course (relative addresses)."
    )


@pytest.mark.parametrize("form", LINK_FORMS)
@pytest.mark.parametrize("encoding", HIDDEN_SCHEMES)
def test_a_translation_may_not_hide_a_script_link_in_any_form(tmp_path, form, encoding):
    said = catalog_error(tmp_path, po_entry("attack/single/prompt", "Read the guide", attack(form, encoding, "x")))
    assert said.startswith("translations/fr.po:7: entry 'attack/single/prompt': the translation links to ")
    assert "which is not an allowed address" in said


def test_a_translation_may_keep_a_link_of_the_source_and_add_safe_ones(tmp_path):
    po = tmp_path / "fr.po"
    po.write_text(PO_HEAD + po_entry(
        "q/a/prompt", "See [the guide](https://example.org) and [this](page.md)",
        "Voir [le guide](https://example.org/fr), [ceci](page.md) et <https://example.org>",
    ), encoding="utf-8")
    catalog = read_catalog(po, "fr", "fr.po")
    assert Translations(catalog, "fr").get("q/a/prompt", "See [the guide](https://example.org) and [this](page.md)")


# -- placeholders: translations are never Python format strings ------------------------------


@pytest.mark.parametrize("translation,problem", [
    ("Question {number:>3000000}", "the translation has '{number:>3000000}', but a placeholder is only a name "
     "in braces. Write {number} exactly as the source does, with nothing else inside the braces."),
    ("Question {number.__class__.__mro__}", "the translation has '{number.__class__.__mro__}', but a placeholder "
     "is only a name in braces. Write {number} exactly as the source does, with nothing else inside the braces."),
    ("Question {number!r}", "the translation has '{number!r}', but a placeholder is only a name in braces. "
     "Write {number} exactly as the source does, with nothing else inside the braces."),
    ("Question {number[0]}", "the translation has '{number[0]}', but a placeholder is only a name in braces. "
     "Write {number} exactly as the source does, with nothing else inside the braces."),
    ("Question { {number}", "the translation has a '{' that is not part of a placeholder. Braces are kept for "
     "placeholders such as {count}; remove it, or use other characters such as parentheses."),
    ("Question {{number}}", "the translation has a '{' that is not part of a placeholder. Braces are kept for "
     "placeholders such as {count}; remove it, or use other characters such as parentheses."),
    ("Question {number} }", "the translation has a '}' that is not part of a placeholder. Braces are kept for "
     "placeholders such as {count}; remove it, or use other characters such as parentheses."),
])
def test_an_interface_translation_may_hold_only_plain_placeholders(tmp_path, translation, problem):
    said = catalog_error(tmp_path, po_entry("interface/question_label", "Question {number}", translation))
    assert said == "translations/fr.po:7: entry 'interface/question_label': " + problem


def test_quiz_text_may_hold_braces_as_text(tmp_path):
    po = tmp_path / "fr.po"
    source = "What does `{}` mean in `{a: 1}`?"
    po.write_text(PO_HEAD + po_entry("q/a/prompt", source, "Que veut dire `{}` dans `{a: 1}` ?"), encoding="utf-8")
    assert Translations(read_catalog(po, "fr", "fr.po"), "fr").get("q/a/prompt", source).startswith("Que veut")


def test_fill_replaces_only_plain_placeholders():
    from mkdocs_course.i18n.placeholders import fill

    assert fill("Question {number} of {count}", number=2, count=5) == "Question 2 of 5"
    for template in ("{number:>3000000}", "{number.__class__.__mro__}", "{number!r}", "{number[0]}", "{", "}{"):
        assert fill(template, number=2) == template
    assert fill("{other}", number=2) == "{other}"  # like C.format in the browser


def test_a_hostile_translation_that_escaped_the_check_still_cannot_format(tmp_path):
    # The renderer fills placeholders itself; even a catalog nobody checked
    # cannot ask for padding or Python internals.
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="fr")
    catalog.add("Question {number}", "Question {number:>3000000}{number.__class__.__mro__}",
                context="interface/question_label")
    catalog.add(("1 question · pass mark {pass_mark}%", "{count} questions · pass mark {pass_mark}%"),
                ("{count:>3000000}", "{count.__class__}"), context="interface/quiz_summary")
    renderer = QuizRenderer("attacks", Translations(catalog, "fr"))
    quiz = load_quiz(b"title: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n", "q.yml")
    html = renderer.render(quiz)
    assert len(html) < 20000
    assert "Question {number:&gt;3000000}{number.__class__.__mro__}" in html
    assert "{count:&gt;3000000}" in html and "class 'object'" not in html


# -- texts the theme writes as raw HTML: site name, navigation, mkdocs.yml texts -------------

RAW_ADVICE = (
    "Write plain text: no '<' and no '\"' (use typographic quotes such as “ ” or « »), "
    "and the characters themselves instead of codes such as &amp; or &#60;."
)


@pytest.mark.parametrize("context", ["nav", "config", "site/name", "site/description", "interface/progress_title"])
@pytest.mark.parametrize("translation,problem", [
    ("<img src=x onerror=alert(1)>",
     "the translation contains markup or script (<img src=x onerror=alert(1)>) that the source does not. "
     "Translations are plain text or Markdown; remove the HTML."),
    ("Cours <img src=x onerror=alert(1)//",
     "the translation contains markup or script (<img src=x onerror=alert(1)//) that the source does not. "
     "Translations are plain text or Markdown; remove the HTML."),
    ('Cours" onfocus="alert(1)" autofocus x="',
     "the translation contains '\"', but the theme writes this text into the page as HTML, where it could "
     "become markup. " + RAW_ADVICE),
    ("&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;",
     "the translation contains '&lt;', but the theme writes this text into the page as HTML, where it could "
     "become markup. " + RAW_ADVICE),
    ("Cours &#60;b",
     "the translation contains '&#60;', but the theme writes this text into the page as HTML, where it could "
     "become markup. " + RAW_ADVICE),
    ("Cours < 3",
     "the translation contains '<', but the theme writes this text into the page as HTML, where it could "
     "become markup. " + RAW_ADVICE),
])
def test_a_text_the_theme_writes_as_html_may_hold_no_markup(tmp_path, context, translation, problem):
    said = catalog_error(tmp_path, po_entry(context, "My course", translation))
    assert said == f"translations/fr.po:7: entry '{context}': {problem}"


def test_plain_punctuation_is_fine_where_the_theme_writes_html(tmp_path):
    po = tmp_path / "fr.po"
    po.write_text(PO_HEAD + po_entry("site/name", "R&D course", "Cours d'R&D > été, “ça” & co"), encoding="utf-8")
    assert Translations(read_catalog(po, "fr", "fr.po"), "fr").get("site/name", "R&D course") == (
        "Cours d'R&D > été, “ça” & co"
    )


def build_french(tmp_path: Path, replace: dict[str, str]):
    """The i18n fixture with some French translations replaced, built in French."""
    import shutil
    import subprocess
    import sys

    from conftest import FIXTURES

    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    po = tmp_path / "translations" / "fr.po"
    text = po.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    po.write_text(text, encoding="utf-8")
    command = str(Path(sys.executable).with_name("mkdocs-course"))
    result = subprocess.run([command, "build", "--lang", "fr"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=180)
    return result, tmp_path / "site" / "fr"


@pytest.mark.parametrize("old,new,line,entry", [
    ('msgstr "Premier module"', 'msgstr "Premier <img src=x onerror=alert(1)//"', 31, "nav"),
    ('msgstr "Petit cours"', 'msgstr "<img src=x onerror=alert(1)>"', 19, "site/name"),
])
def test_a_translated_navigation_title_or_site_name_cannot_become_an_element(tmp_path, old, new, line, entry):
    result, site = build_french(tmp_path, {old: new})
    said = " ".join(result.stderr.split())
    assert result.returncode == 1 and "Traceback" not in said
    assert f"translations/fr.po:{line}: entry '{entry}': the translation contains markup or script (<img " in said
    pages = list(site.rglob("*.html")) if site.is_dir() else []
    assert not any("onerror=alert" in p.read_text(encoding="utf-8") for p in pages)


def test_a_translated_site_name_with_plain_punctuation_is_shown_as_written(tmp_path):
    result, site = build_french(tmp_path, {'msgstr "Petit cours"': 'msgstr "Cours d\'R&D > été"',
                                           'msgstr "Premier module"': 'msgstr "Module 1 & 2 > suite"'})
    assert result.returncode == 0, result.stderr
    page = (site / "one" / "index.html").read_text(encoding="utf-8")
    assert "Cours d'R&D > été" in page and "Module 1 & 2 > suite" in page
    assert "&amp;amp;" not in page


def test_the_progress_page_heading_shows_its_words_as_written():
    from mkdocs_course.progress.page import MARKER, page_markdown

    assert page_markdown({"progress_title": "Mes  *progrès* [a](b) #1"}) == (
        f"# Mes \\*progrès\\* \\[a\\]\\(b\\) \\#1\n\n{MARKER}\n"
    )


# -- YAML aliases: what a small file may expand to --------------------------------------------

BOMB_MESSAGE = (
    "quizzes/bomb.yml:2007:55: the aliases in this file repeat more than 10,000 values "
    "(10,003 at this '*opts' alone), which would make a huge quiz page. Aliases are for "
    "reusing a few values; write the repeated part out where it is needed, or split the "
    "quiz into several files."
)
MEASURE = """
import resource, sys, time
from mkdocs_course.quiz import QuizError, load_quiz
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    load_quiz(data, "quizzes/bomb.yml")
    print("loaded")
except QuizError as error:
    print(error)
print(time.perf_counter() - start)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB
"""


def test_an_alias_bomb_is_refused_quickly_in_little_memory(tmp_path):
    import subprocess
    import sys

    from attacks import alias_bomb

    bomb = tmp_path / "bomb.yml"
    bomb.write_bytes(alias_bomb())
    assert 150_000 < bomb.stat().st_size < 250_000
    done = subprocess.run([sys.executable, "-c", MEASURE, str(bomb)], capture_output=True, text=True, timeout=120)
    said, seconds, kib = done.stdout.strip().splitlines()
    assert said == BOMB_MESSAGE, done.stderr
    assert float(seconds) < 15  # it was 149 s before aliases were bounded
    assert int(kib) < 400 * 1024  # and 7.9 GB


def test_an_alias_bomb_stops_the_build_with_the_message(tmp_path):
    import subprocess
    import sys
    import time

    from attacks import alias_bomb
    from conftest import write_project

    write_project(tmp_path, pages={"index.md": "# Bomb\n\n[Quiz: Bomb](quiz:bomb)\n"},
                  quizzes={"bomb.yml": alias_bomb()})
    start = time.perf_counter()
    command = str(Path(sys.executable).with_name("mkdocs-course"))
    done = subprocess.run([command, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "course: " + BOMB_MESSAGE in " ".join(done.stderr.split())
    assert time.perf_counter() - start < 30
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_few_reused_values_are_still_fine():
    text = (
        "title: Scale\nquestions:\n"
        "  - id: q1\n    type: single\n    prompt: How sure are you?\n    explanation: &why " + "Because. " * 50 + "\n"
        "    options: &scale\n" + "".join(f"      - {{id: s{i}, text: Level {i}, correct: {str(i == 3).lower()}}}\n"
                                         for i in range(1, 6))
        + "".join(f"  - {{id: q{n}, type: single, prompt: Again {n}, explanation: *why, options: *scale}}\n"
                  for n in range(2, 101))
    )
    quiz = load_quiz(text.encode(), "quizzes/scale.yml")
    assert len(quiz.questions) == 100 and all(len(q.options) == 5 for q in quiz.questions)


# -- the build cache: whoever can write it cannot run code in the build -----------------------

ROOT = Path(__file__).resolve().parent.parent
QUIZ_FILES = sorted(ROOT.glob("quizzes/*.yml")) + sorted(ROOT.glob("tests/fixtures/*/quizzes/*.yml"))


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.name)
def test_a_cached_quiz_reads_back_equal(path):
    from mkdocs_course.quiz.model import quiz_from_data, quiz_to_data

    quiz = load_quiz(path.read_bytes(), "quizzes/" + path.name)
    again = quiz_from_data(json.loads(json.dumps(quiz_to_data(quiz))))
    assert again == quiz and again.version == quiz.version


@pytest.mark.parametrize("damage", [
    None, [], "text", 42, {}, [1, 2],
    [1, "T", "s", [], 70.0, "", None, False, {}],  # an id that is not text
    ["q", "T", "s", [["q1", "exec", "P", "", "", "", "", True, [], "all_or_nothing", None, [], "normalized",
                      None, 0.0, "", [], []]], 70.0, "", None, False, {}],  # an unknown question type
])
def test_a_cache_entry_of_the_wrong_shape_is_refused(damage):
    from mkdocs_course.quiz.model import quiz_from_data

    with pytest.raises(ValueError):
        quiz_from_data(damage)


class _RunsCode:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.system, (f"touch {self.marker}",))


def test_a_poisoned_build_cache_runs_no_code_and_the_build_stays_right(tmp_path):
    import pickle
    import zlib

    from conftest import build_site, write_project

    project = write_project(tmp_path / "course", pages={"index.md": "# Home\n\n[Quiz: x](quiz:all-types)\n"},
                            quizzes={"all-types.yml": (ROOT / "tests/fixtures/quiz-site/quizzes/all-types.yml")
                                     .read_bytes()})
    site = build_site(project)
    first = (site / "index.html").read_text(encoding="utf-8")
    entries = sorted(p for p in (project / ".cache" / "mkdocs-course").rglob("*") if p.is_file())
    # the quiz, its HTML, the record of its answer keys and the two drawn icons
    assert sorted(p.suffix for p in entries) == [".json", ".txt", ".txt", ".txt", ".txt"]

    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_RunsCode(marker))
    pickle.loads(payload)  # the payload is real: loading it runs its command
    assert marker.exists()
    marker.unlink()
    good = {entry: entry.read_bytes() for entry in entries}
    checksum = lambda body: b"%08x\n" % zlib.crc32(body) + body  # noqa: E731
    for damage in (payload, b"\x00garbage\xff", b"[1, 2", checksum(b"[1, 2"), checksum(b'{"id": "q"}'),
                   checksum(payload), lambda data: data[:-40], lambda data: data.replace(b"a", b"b", 1)):
        for entry in entries:
            entry.write_bytes(damage(good[entry]) if callable(damage) else damage)
            entry.with_suffix(".pickle").write_bytes(payload)  # where the pickle cache kept it
        build_site(project)
        assert not marker.exists()
        assert (site / "index.html").read_text(encoding="utf-8") == first
        for entry in entries:  # each damaged entry was a miss, and was written again
            assert entry.read_bytes() == good[entry]


# -- ids end where the text ends --------------------------------------------------------------


def test_a_language_code_with_a_line_break_is_refused(tmp_path):
    from conftest import write_project
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    folder = write_project(tmp_path, pages={"index.md": "# Home\n"},
                           plugin_options='languages:\n  "en\\n": English\n')
    config = load_config(str(folder / "mkdocs.yml"))
    with pytest.raises(PluginError) as info:
        config.plugins["course"].on_config(config)
    assert str(info.value) == (
        "course: the language code 'en\\n' under 'languages' is not a language code. "
        "Use codes such as en, fr, es, ar or pt-BR."
    )


# -- quiz files never reach the site ----------------------------------------------------------

PUBLISHED_MESSAGE = (
    "course: quizzes_dir is 'course/en/quizzes', inside the docs folder course/en, so the site "
    "would publish course/en/quizzes/basics.yml and every other quiz file, answer keys and all. "
    "Move the quiz files to a folder outside course/en, such as quizzes/ (the default), and set "
    "quizzes_dir to it."
)
BASICS = "title: Basics\nquestions:\n  - {id: q, type: true_false, prompt: Wet?, answer: true}\n"


def course_build(folder: Path, *args: str):
    """`mkdocs-course build` in ``folder``, as an author runs it."""
    import subprocess
    import sys

    command = str(Path(sys.executable).with_name("mkdocs-course"))
    done = subprocess.run([command, "build", *args], cwd=folder, capture_output=True, text=True, timeout=120)
    return done.returncode, " ".join(done.stderr.split())


@pytest.mark.parametrize("quizzes_dir", ["course/en/quizzes", "course/en"])
def test_a_quizzes_folder_inside_the_docs_folder_is_refused(tmp_path, quizzes_dir):
    from conftest import write_project

    write_project(tmp_path, pages={"index.md": "# Home\n\n[Quiz: Basics](quiz:basics)\n"},
                  plugin_options=f"quizzes_dir: {quizzes_dir}\n")
    (tmp_path / quizzes_dir).mkdir(parents=True, exist_ok=True)
    (tmp_path / quizzes_dir / "basics.yml").write_text(BASICS, encoding="utf-8")
    code, said = course_build(tmp_path)
    assert code == 1 and "Traceback" not in said
    assert PUBLISHED_MESSAGE.replace("course/en/quizzes", quizzes_dir) in said
    assert not list(tmp_path.glob("site/**/basics.yml"))


def test_quiz_files_reached_through_fallback_pages_are_refused(tmp_path):
    # The French build copies untranslated files from course/en/, quiz files too.
    from conftest import write_project

    write_project(tmp_path, pages={"index.md": "# Home\n\n[Quiz: Basics](quiz:basics)\n"},
                  plugin_options="quizzes_dir: course/en/quizzes\nlanguages:\n  en: English\n  fr: Français\n")
    (tmp_path / "course" / "fr").mkdir()
    (tmp_path / "course" / "fr" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (tmp_path / "course/en/quizzes").mkdir()
    (tmp_path / "course/en/quizzes/basics.yml").write_text(BASICS, encoding="utf-8")
    code, said = course_build(tmp_path, "--lang", "fr")
    assert code == 1 and "Traceback" not in said
    assert PUBLISHED_MESSAGE in said
    assert not list(tmp_path.glob("site/**/basics.yml"))


def test_quiz_files_outside_the_docs_folder_stay_out_of_the_site(tmp_path):
    from conftest import build_site, write_project

    write_project(tmp_path, pages={"index.md": "# Home\n\n[Quiz: Basics](quiz:basics)\n"},
                  quizzes={"basics.yml": BASICS})
    site = build_site(tmp_path)
    assert (site / "index.html").is_file() and not list(site.rglob("*.yml"))
