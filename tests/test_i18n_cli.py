"""`mkdocs-course i18n` status, update, init and mark, through the real command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import FIXTURES

COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))


def run(*args, cwd):
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=180)


@pytest.fixture
def course(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    return tmp_path


def translated_entries(po: Path) -> int:
    """How many entries of a catalog are translated (not fuzzy, every form filled):
    interface strings grow as features are added, so tests count them."""
    with po.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id and not m.fuzzy]
    return sum(1 for m in messages if m.string and (all(m.string) if isinstance(m.string, (tuple, list)) else True))


def catalog(course: Path, code: str):
    with open(course / "translations" / f"{code}.po", "rb") as handle:
        return read_po(handle, locale=code)


def entry(cat, context, msgid=None):
    for message in cat:
        if message.context == context and (msgid is None or message.id == msgid):
            return message
    return None


def test_status_counts_translated_stale_missing_and_fuzzy(course):
    # a stale page: its English source changed after the translation was made
    (course / "course/en/index.md").write_text("# Welcome\n\nThis is the new home page.\n", encoding="utf-8")
    # a fuzzy entry: its English source changed (the .po still holds the old text)
    quiz = course / "quizzes/colours.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("text: Green", "text: Dark green"), encoding="utf-8")
    result = run("i18n", "status", "--format", "json", cwd=course)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["source"] == "en" and list(report["languages"]) == ["fr", "ar"]
    fr = report["languages"]["fr"]
    assert fr["pages"]["stale"] == ["index.md"]
    assert fr["pages"]["missing"] == ["one.md", "two.md"]
    assert fr["pages"]["translated"] == []
    assert fr["catalog"]["fuzzy"] == ["colours/sky/option/green"]
    assert "colours/sky/option/blue" in fr["catalog"]["translated"]
    assert "colours/word/hint" not in fr["catalog"]["missing"]  # only entries that exist
    assert "interface/retry" in fr["catalog"]["missing"]
    assert fr["percent"] == 0
    ar = report["languages"]["ar"]
    assert ar["pages"]["missing"] == ["index.md", "one.md", "two.md"]

    table = run("i18n", "status", cwd=course)
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0] == "Source language: en"
    assert lines[1].split() == ["language", "pages", "done", "stale", "missing", "entries", "done", "fuzzy", "missing", "complete"]
    assert lines[2].split()[:6] == ["fr", "Français", "0/3", "1", "2", f"{len(fr['catalog']['translated'])}/{fr['catalog']['total']}"]
    assert "fr: stale pages: index.md" in table.stdout


def test_fail_under_gates_ci(course):
    assert run("i18n", "status", "--fail-under", "0", cwd=course).returncode == 0
    result = run("i18n", "status", "--fail-under", "50", cwd=course)
    assert result.returncode == 1
    assert "Below 50%: fr (" in result.stderr and "ar (0%)" in result.stderr


def test_update_keeps_work_marks_changes_fuzzy_and_removes_obsolete(course):
    quiz = course / "quizzes/colours.yml"
    text = quiz.read_text(encoding="utf-8").replace("text: Green", "text: Dark green")
    text = text.replace('feedback: "Yes, blue."', 'feedback: "Yes, blue."}\n      - {id: red, text: Red')
    quiz.write_text(text, encoding="utf-8")
    result = run("i18n", "update", cwd=course)
    assert result.returncode == 0, result.stderr
    kept = translated_entries(FIXTURES / "i18n-site" / "translations" / "fr.po") - 1  # 'green' is to review
    assert f"translations/fr.po: {kept} kept, 1 to review (source changed), 1 new, 0 obsolete" in result.stdout
    fr = catalog(course, "fr")
    green = entry(fr, "colours/sky/option/green")
    assert green.id == "Dark green" and green.string == "Vert" and green.fuzzy
    po_text = (course / "translations/fr.po").read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid "Green"\nmsgctxt "colours/sky/option/green"\nmsgid "Dark green"\nmsgstr "Vert"' in po_text
    assert entry(fr, "colours/sky/option/blue").string == "Bleu"
    assert entry(fr, "colours/sky/option/red").string == ""
    assert (course / "translations/messages.pot").read_text(encoding="utf-8").count('msgctxt "colours/sky/option/red"') == 1
    # a fuzzy translation is not used: the build shows the new English text
    build = run("build", "--lang", "fr", cwd=course)
    assert build.returncode == 0, build.stderr
    html = (course / "site/fr/one/index.html").read_text(encoding="utf-8")
    assert ">Dark green<" in html and ">Vert<" not in html and ">Bleu<" in html
    # a removed question's entries become obsolete, not lost
    quiz.write_text(quiz.read_text(encoding="utf-8").split("  - id: word")[0], encoding="utf-8")
    assert run("i18n", "update", cwd=course).returncode == 0
    text = (course / "translations/fr.po").read_text(encoding="utf-8")
    assert '#~ msgctxt "colours/word/prompt"' in text and '#~ msgstr "Tapez la couleur de la neige."' in text


def test_init_update_and_build_a_new_language(course):
    result = run("i18n", "init", "de", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "mkdocs.yml: added de (Deutsch) to the course languages" in result.stdout
    config = (course / "mkdocs.yml").read_text(encoding="utf-8")
    assert "        ar: العربية\n        de: Deutsch\n" in config
    assert (course / "course/de").is_dir()
    de = catalog(course, "de")
    assert entry(de, "colours/title").id == "Colours"
    # translate one entry and one page, as a translator would
    text = (course / "translations/de.po").read_text(encoding="utf-8")
    text = text.replace('msgctxt "colours/title"\nmsgid "Colours"\nmsgstr ""', 'msgctxt "colours/title"\nmsgid "Colours"\nmsgstr "Farben"')
    (course / "translations/de.po").write_text(text, encoding="utf-8")
    (course / "course/de/index.md").write_text("# Willkommen\n\nDas ist die Startseite.\n", encoding="utf-8")
    marked = run("i18n", "mark", "de", "index.md", cwd=course)
    assert marked.returncode == 0, marked.stderr
    assert (course / "course/de/index.md").read_text(encoding="utf-8").startswith("---\ntranslated_from: ")
    assert run("i18n", "update", cwd=course).returncode == 0
    assert entry(catalog(course, "de"), "colours/title").string == "Farben"
    status = json.loads(run("i18n", "status", "--format", "json", "--lang", "de", cwd=course).stdout)
    assert status["languages"]["de"]["pages"]["translated"] == ["index.md"]
    build = run("build", "--strict", cwd=course)
    assert build.returncode == 0, build.stderr
    assert "de: built" in build.stderr
    assert "Willkommen" in (course / "site/de/index.html").read_text(encoding="utf-8")
    assert "Farben" in (course / "site/de/one/index.html").read_text(encoding="utf-8")
    assert 'hreflang="de"' in (course / "site/index.html").read_text(encoding="utf-8")


def test_clear_messages_for_wrong_use(course):
    result = run("i18n", "init", "klingon", cwd=course)
    assert result.returncode == 1 and "'klingon' is not a language code" in result.stderr
    result = run("i18n", "mark", "fr", "nowhere.md", cwd=course)
    assert result.returncode == 1 and "course/en/nowhere.md does not exist" in result.stderr
    result = run("i18n", "status", "--lang", "xx", cwd=course)
    assert result.returncode == 1 and "unknown language xx" in result.stderr
    for args in (("i18n", "status"), ("i18n", "update"), ("i18n", "init", "de")):
        assert "Traceback" not in run(*args, cwd=course).stderr


@pytest.mark.slow
def test_serve_previews_one_language_and_reloads_on_catalog_changes(course):
    import os
    import time

    from test_cli import fetch, free_port

    port = free_port()
    server = subprocess.Popen(
        [COMMAND, "serve", "--lang", "fr", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=course, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/one/"
        html = fetch(url)
        assert '<html lang="fr"' in html and "Couleurs" in html
        po = course / "translations" / "fr.po"
        po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Couleurs"', 'msgstr "Les couleurs"'), encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Les couleurs" not in fetch(url):
            assert time.monotonic() < deadline, "serve did not rebuild after the catalog changed"
            time.sleep(0.3)
        page = course / "course" / "en" / "two.md"
        page.write_text("# Module two\n\nFreshly changed English text.\n", encoding="utf-8")
        while "Freshly changed English text." not in fetch(f"http://127.0.0.1:{port}/two/"):
            assert time.monotonic() < deadline + 30, "serve did not rebuild after a source page changed"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_second_update_keeps_fuzzy_entries_and_their_previous_text(course):
    quiz = course / "quizzes/colours.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("text: Green", "text: Dark green"), encoding="utf-8")
    assert run("i18n", "update", cwd=course).returncode == 0
    po = course / "translations/fr.po"
    before = po.read_text(encoding="utf-8")
    again = run("i18n", "update", cwd=course)
    kept = translated_entries(FIXTURES / "i18n-site" / "translations" / "fr.po") - 1  # 'green' is to review
    assert f"translations/fr.po: {kept} kept, 1 to review (source changed), 0 new, 0 obsolete" in again.stdout
    after = po.read_text(encoding="utf-8")
    assert after == before  # nothing changed, so the file (and its dates) is left alone
    assert "# | msgid" not in after and '#| msgid "Green"' in after
    table = run("i18n", "status", "--lang", "fr", cwd=course).stdout
    assert "fr: fuzzy entries (source changed, review them): colours/sky/option/green" in table


def test_init_accepts_region_codes(course):
    result = run("i18n", "init", "pt-BR", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "added pt-BR (Português (Brasil))" in result.stdout
    text = (course / "translations/pt-BR.po").read_text(encoding="utf-8")
    # the rule gettext documents for Brazilian Portuguese, whatever the
    # installed locale data says
    assert '"Language: pt_BR\\n"' in text and "nplurals=2; plural=(n > 1);" in text
    assert run("build", "--lang", "pt-BR", cwd=course).returncode == 0
    # Material writes the language its own translation file declares (pt)
    assert '<html lang="pt' in (course / "site/pt-BR/index.html").read_text(encoding="utf-8")


def test_plural_forms_may_spell_out_only_the_counting_number(course):
    po = course / "translations/fr.po"
    text = po.read_text(encoding="utf-8")
    ok = text.replace(
        'msgctxt "interface/quiz_summary"\nmsgid "1 question · pass mark {pass_mark}%"\n'
        'msgid_plural "{count} questions · pass mark {pass_mark}%"\nmsgstr[0] ""\nmsgstr[1] ""',
        'msgctxt "interface/quiz_summary"\nmsgid "1 question · pass mark {pass_mark}%"\n'
        'msgid_plural "{count} questions · pass mark {pass_mark}%"\n'
        'msgstr[0] "Une question · seuil de réussite {pass_mark} %"\nmsgstr[1] "{count} questions · seuil de réussite {pass_mark} %"',
    )
    assert ok != text
    po.write_text(ok, encoding="utf-8")
    assert run("build", "--lang", "fr", cwd=course).returncode == 0
    bad = ok.replace('msgstr[1] "{count} questions · seuil de réussite {pass_mark} %"', 'msgstr[1] "Des questions"')
    po.write_text(bad, encoding="utf-8")
    result = run("build", "--lang", "fr", cwd=course)
    assert result.returncode == 1
    assert "entry 'interface/quiz_summary': the translation drops {count}, {pass_mark}" in " ".join(result.stderr.split())


def test_markdown_autolinks_are_not_markup(course):
    po = course / "translations/fr.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Oui, bleu."', 'msgstr "Oui, bleu. Voir <https://example.org/ciel>."'),
                  encoding="utf-8")
    assert run("build", "--lang", "fr", cwd=course).returncode == 0


@pytest.mark.parametrize("code", ["es", "fr", "ar"])
def test_shipped_interface_translations_are_complete_and_valid(code):
    from mkdocs_course.i18n.catalog import builtin_catalog, interface_entries

    shipped = builtin_catalog(code)  # read_catalog also runs every catalog check
    for entry_ in interface_entries():
        msgid = entry_.text if isinstance(entry_.text, str) else entry_.text[0]
        message = shipped.get(msgid, context=entry_.context)
        assert message is not None and not message.fuzzy, entry_.context
        assert message.string and (all(message.string) if isinstance(message.string, (tuple, list)) else True), entry_.context


def test_a_new_language_gets_the_shipped_interface_strings(course):
    text = (course / "mkdocs.yml").read_text(encoding="utf-8").replace("        ar: العربية\n", "")
    (course / "mkdocs.yml").write_text(text, encoding="utf-8")
    (course / "translations" / "ar.po").unlink()
    result = run("i18n", "init", "ar", cwd=course)
    assert result.returncode == 0, result.stderr
    ar = catalog(course, "ar")
    assert entry(ar, "interface/check").string and entry(ar, "interface/check").string != "Check answer"
    assert entry(ar, "colours/title").string == ""
    assert "already translated (6 plural forms)" in result.stdout


def plural_header(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if "Plural-Forms" in line)


def test_update_keeps_the_catalogs_own_plural_rule(course):
    # a rule no release of the locale data gives French: update must keep it
    # (and the forms written for it), whatever the installed data says
    po = course / "translations/fr.po"
    text = po.read_text(encoding="utf-8")
    header = plural_header(po)
    rule = '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\\n"'
    text = text.replace(header, rule)
    text = text.replace(
        'msgid_plural "{count} questions · pass mark {pass_mark}%"\nmsgstr[0] ""\nmsgstr[1] ""',
        'msgid_plural "{count} questions · pass mark {pass_mark}%"\n'
        'msgstr[0] "{count} question · seuil {pass_mark} %"\n'
        'msgstr[1] "{count} questions (deux) · seuil {pass_mark} %"\n'
        'msgstr[2] "{count} questions · seuil {pass_mark} %"',
    )
    po.write_text(text, encoding="utf-8")
    assert run("i18n", "update", cwd=course).returncode == 0
    assert plural_header(po) == rule
    summary = entry(catalog(course, "fr"), "interface/quiz_summary")
    assert summary.string == ("{count} question · seuil {pass_mark} %", "{count} questions (deux) · seuil {pass_mark} %",
                              "{count} questions · seuil {pass_mark} %")


@pytest.mark.parametrize("code", ["es", "fr", "ar"])
def test_init_takes_the_plural_rule_of_the_shipped_interface_catalog(tmp_path, code):
    from mkdocs_course.i18n.catalog import BUILTIN_LOCALES

    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    for path in (tmp_path / "translations").glob("*.po"):
        path.unlink()
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("        ar: العربية\n", "").replace("        fr: Français\n", ""),
                      encoding="utf-8")
    result = run("i18n", "init", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert plural_header(tmp_path / f"translations/{code}.po") == plural_header(BUILTIN_LOCALES / f"{code}.po")


def test_update_on_the_demo_changes_nothing_and_keeps_it_complete(tmp_path):
    root = Path(__file__).resolve().parent.parent
    for name in ("course", "quizzes", "activities", "translations"):
        shutil.copytree(root / name, tmp_path / name)
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    before = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "translations").glob("*.po")}
    result = run("i18n", "update", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "0 to review" in result.stdout and "to review (source changed), 0 new" in result.stdout
    for name, text in before.items():
        after = (tmp_path / "translations" / name).read_text(encoding="utf-8")
        assert plural_header(tmp_path / "translations" / name) in text
        assert after == text, f"{name} changed on an update with no change to the course"
    status = run("i18n", "status", "--lang", "es", "--lang", "fr", "--fail-under", "100", cwd=tmp_path)
    assert status.returncode == 0, status.stdout + status.stderr


def test_init_on_a_one_language_course_adds_the_languages_list(tmp_path):
    assert run("new", "one-language", cwd=tmp_path).returncode == 0
    course = tmp_path / "one-language"
    result = run("i18n", "init", "es", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "      languages:\n        en: English\n        es: Español\n" in (course / "mkdocs.yml").read_text(encoding="utf-8")
    done = int(result.stdout.split("entries, ")[1].split(" already")[0])
    status = json.loads(run("i18n", "status", "--format", "json", cwd=course).stdout)
    assert len(status["languages"]["es"]["catalog"]["translated"]) == done > 0
    built = run("build", "--strict", cwd=course)
    assert built.returncode == 0, built.stderr
    assert (course / "site/es/module-1/index.html").is_file()


def test_init_says_what_to_add_when_it_cannot_find_the_plugin_options(tmp_path):
    assert run("new", "plain", cwd=tmp_path).returncode == 0
    config = tmp_path / "plain/mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # the plugin's options written as a flow mapping, which init does not edit
    start, end = text.index("  - course:\n"), text.index("markdown_extensions:")
    config.write_text(text[:start] + "  - course: {course_id: plain, pass_mark: 70}\n\n" + text[end:], encoding="utf-8")
    result = run("i18n", "init", "fr", cwd=tmp_path / "plain")
    assert result.returncode == 1
    assert "Add this under it, then run the command again:\n      languages:\n        en: English\n        fr: Français" in result.stderr
    assert not (tmp_path / "plain/translations/fr.po").exists()
