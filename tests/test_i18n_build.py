"""Multilingual builds: one MkDocs build per language, through the real command."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from mkdocs_course.quiz.render import decode_key

COMMAND = str(Path(sys.executable).with_name("mkdocs-course"))


def run(*args, cwd):
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def i18n_site(tmp_path_factory):
    """The i18n fixture (en source, fr partly translated, ar untranslated), built."""
    folder = tmp_path_factory.mktemp("i18n")
    shutil.copytree(FIXTURES / "i18n-site", folder, dirs_exist_ok=True)
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_url: https://courses.example.org/tiny/\n" + text, encoding="utf-8")
    result = run("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder, folder / "site", result


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def payload(html: str) -> dict:
    data = json.loads(re.search(r"<template data-course-payload>(.*?)</template>", html, re.S).group(1))
    data["decoded"] = decode_key(data["key"], base64.b64decode(data["salt"]))
    return data


def test_every_language_gets_its_own_site_with_progress_shown(i18n_site):
    _, site, result = i18n_site
    assert "Building 3 languages (en, fr, ar)" in result.stderr
    for code in ("en", "fr", "ar"):
        assert f"] {code}: built in" in result.stderr
        html = page(site, f"{code}/index.html")
        assert f'<html lang="{code}"' in html
    assert 'dir="rtl"' in re.search(r"<body[^>]*>", page(site, "ar/index.html")).group(0)
    assert 'dir="ltr"' in re.search(r"<body[^>]*>", page(site, "fr/index.html")).group(0)


def test_each_language_has_its_own_search_index_404_and_interface(i18n_site):
    _, site, _ = i18n_site
    for code in ("en", "fr", "ar"):
        index = json.loads(page(site, f"{code}/search/search_index.json"))
        assert index["config"]["lang"] == [code]
        assert f'<html lang="{code}"' in page(site, f"{code}/404.html")
    french = json.loads(page(site, "fr/search/search_index.json"))
    texts = " ".join(d["text"] for d in french["docs"])
    assert "Ceci est la page d’accueil." in texts
    assert "This is the home page." not in texts  # only this language's home page
    assert "Rechercher" in page(site, "fr/index.html")  # Material's own strings in French


def test_translated_pages_quizzes_and_navigation(i18n_site):
    _, site, _ = i18n_site
    home = page(site, "fr/index.html")
    assert "Bienvenue" in home and "course-fallback" not in home
    assert "Accueil" in home and "Premier module" in home
    assert "<title>Petit cours</title>" in home  # the course title, translated
    one = page(site, "fr/one/index.html")
    assert "De quelle couleur est le ciel par beau temps ?" in one
    assert "Vérifier la réponse" in one
    assert '<section class="course-quiz" id="cq-colours" lang="fr"' in one


def test_an_untranslated_page_falls_back_with_a_notice_in_the_learners_language(i18n_site):
    _, site, _ = i18n_site
    one = page(site, "fr/one/index.html")
    assert (
        '<p class="admonition-title">Cette page n’est pas encore disponible en français ; '
        "elle est affichée en anglais.</p>"
    ) in one
    assert '<div lang="en" dir="ltr" data-course-fallback-content>' in one
    assert "Some English text about cooperation." in one
    arabic = page(site, "ar/one/index.html")
    assert "data-course-fallback-content" in arabic
    # Material's own word names the search dialog, in the page's language
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">' in one
    # an untranslated quiz speaks Arabic (its interface) around the author's English text
    assert '<section class="course-quiz" id="cq-colours" lang="ar" dir="rtl"' in arabic
    assert '<span class="course-question__prompt" lang="en" dir="ltr">' in arabic
    assert '<p class="course-quiz__summary" data-course-summary>' in arabic
    # a translated quiz has no text marked as another language
    assert ' lang="en"' not in page(site, "fr/one/index.html").split('id="cq-colours"', 1)[1].split("</section>")[0]


def test_answer_keys_are_the_same_in_every_language(i18n_site):
    _, site, _ = i18n_site
    keys = {code: payload(page(site, f"{code}/one/index.html")) for code in ("en", "fr", "ar")}
    assert len({k["version"] for k in keys.values()}) == 1
    for code, data in keys.items():
        assert data["decoded"]["sky"]["correct"] == ["blue"], code
    # accepted fill-in answers are per language: the right word differs
    assert keys["en"]["decoded"]["word"]["answers"] == ["white"]
    assert keys["fr"]["decoded"]["word"]["answers"] == ["blanc", "blanche"]
    assert keys["fr"]["strings"]["score"][1] == "Votre score : {score} % ({right} sur {total} questions justes)."


def test_arabic_plural_rules_reach_the_runtime(i18n_site):
    _, site, _ = i18n_site
    table = payload(page(site, "ar/one/index.html"))["plural"]
    # Arabic has six forms: 0, 1, 2, 3-10, 11-99, and 100-102; the catalog's
    # Plural-Forms header numbers the last two 5 and 4.
    assert [int(table[n]) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103)] == [0, 1, 2, 3, 3, 5, 5, 4, 4, 3]


def test_root_chooser_sitemaps_and_language_switcher(i18n_site):
    _, site, _ = i18n_site
    root = page(site, "index.html")
    for code, name in (("en", "English"), ("fr", "Français"), ("ar", "العربية")):
        assert f'<a href="{code}/" hreflang="{code}" lang="{code}"' in root and name in root
    assert 'dir="rtl">العربية</a>' in root
    assert (site / "404.html").is_file()
    sitemap = page(site, "fr/sitemap.xml")
    assert '<loc>https://courses.example.org/tiny/fr/one/</loc>' in sitemap
    assert '<xhtml:link rel="alternate" hreflang="ar" href="https://courses.example.org/tiny/ar/one/"/>' in sitemap
    switcher = page(site, "fr/one/index.html")
    assert re.search(r'<a href="[^"]*/ar/" hreflang="ar" class="md-select__link">', switcher)


BROKEN = [
    ("syntax", 'msgctxt "extra"\nmsgid "Colours"\nmsgstr "Couleurs\n', "entry 'extra': a quoted string is not closed"),
    ("garbage", 'msgctxt "extra"\nmsgid "A"\nmsgstr "B"\nthis is not PO\n', "entry 'extra': the catalog cannot be read"),
    ("plural", None, "entry 'interface/previous': this entry has more plural forms than the language has"),
    ("placeholder", None, "the translation drops {language}"),
    ("markup", None, "the translation contains markup or script (<img src=x onerror=alert(1)>) that the source does not"),
]


def break_catalog(text: str, kind: str) -> str:
    if kind == "plural":
        return re.sub(r'(msgctxt "interface/previous"\n(?:msgid.*\n)+)msgstr\[0\] ""\nmsgstr\[1\] ""\n',
                      r'\1msgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\n', text)
    if kind == "placeholder":
        return text.replace("elle est affichée en {source}.", "elle est affichée.").replace(
            "pas encore disponible en {language} ;", "pas encore disponible ;")
    if kind == "markup":
        return text.replace('msgstr "Bleu"', 'msgstr "<img src=x onerror=alert(1)>"')
    return text + "\n" + dict((k, v) for k, v, _ in BROKEN)[kind]


@pytest.mark.parametrize("kind,expected", [(k, e) for k, _, e in BROKEN])
def test_a_broken_catalog_stops_the_build_naming_file_line_and_entry(tmp_path, kind, expected):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    po = tmp_path / "translations" / "fr.po"
    broken = break_catalog(po.read_text(encoding="utf-8"), kind)
    assert broken != po.read_text(encoding="utf-8")
    po.write_text(broken, encoding="utf-8")
    result = run("build", "--lang", "fr", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    said = " ".join(result.stderr.split())
    assert "translations/fr.po:" in said and expected in said
    if kind not in ("syntax", "garbage"):
        assert re.search(r"translations/fr\.po:\d+: entry '[^']+'", said)


def test_a_language_that_is_not_configured_is_refused(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    result = run("build", "--lang", "de", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown language de; the course has en, fr, ar." in result.stderr


def test_plain_mkdocs_build_still_builds_one_language(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    result = subprocess.run([mkdocs, "build", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert '<html lang="en"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    result = subprocess.run([mkdocs, "build", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "MKDOCS_COURSE_LANGUAGE": "fr"})
    assert result.returncode == 0, result.stderr
    assert '<html lang="fr"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_partial_build_lists_only_the_languages_the_site_holds(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    assert run("build", "--lang", "fr", cwd=tmp_path).returncode == 0
    root = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in root and 'hreflang="en"' not in root
    assert run("build", "--lang", "en", cwd=tmp_path).returncode == 0
    root = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr"' in root and 'hreflang="en"' in root and 'hreflang="ar"' not in root


def test_site_url_can_be_given_on_the_command_line(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    result = run("build", "--site-url", "http://127.0.0.1:8000/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<loc>http://127.0.0.1:8000/fr/one/</loc>" in page(tmp_path / "site", "fr/sitemap.xml")


def test_a_multilingual_build_removes_what_a_one_language_build_left(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    multilingual = config.read_text(encoding="utf-8")
    # first the course had one language, built by plain MkDocs into site/
    config.write_text(multilingual.replace("        fr: Français\n", "").replace("        ar: العربية\n", "")
                      .replace("      languages:\n        en: English\n", ""), encoding="utf-8")
    assert run("build", cwd=tmp_path).returncode == 0
    assert (tmp_path / "site/one/index.html").is_file() and (tmp_path / "site/sitemap.xml").is_file()
    (tmp_path / "site/.nojekyll").write_text("", encoding="utf-8")
    config.write_text(multilingual, encoding="utf-8")
    result = run("build", "--lang", "en", "--lang", "fr", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Removed from site/ what no language of the course builds there (an earlier build's output): " in result.stderr
    assert "one/" in result.stderr and "sitemap.xml" in result.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [".nojekyll", "404.html", "en", "fr", "index.html"]
    # a later build of one language keeps the others
    assert run("build", "--lang", "ar", cwd=tmp_path).returncode == 0
    assert {"en", "fr", "ar"} <= {p.name for p in (tmp_path / "site").iterdir()}


def test_a_site_folder_holding_the_course_is_refused(tmp_path):
    shutil.copytree(FIXTURES / "i18n-site", tmp_path, dirs_exist_ok=True)
    result = run("build", "--site-dir", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "holds the course's own files" in result.stderr
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "course/en/index.md").is_file()
