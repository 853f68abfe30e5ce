"""The demo course, *Equality at work*: its pages, quizzes and diagrams meet
the course's own quality bar, it builds strictly, and its pages pass an
accessibility scan. Passing every quiz, in every language, is in
test_demo_journey.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, axe_scan, build_site
from mkdocs_course.quiz import QuizCollection

COURSE = ROOT / "course"
DOCS = COURSE / "en"
# the languages the demo is translated into, each with pages in course/<code>/
TRANSLATED = sorted(p.name for p in COURSE.iterdir() if p.is_dir() and p.name != "en")
QUIZZES = ROOT / "quizzes"
MODELINE = "# yaml-language-server: $schema=../plugins/mkdocs_course/quiz/quiz.schema.json"

# module page -> the quiz it ends with
MODULES = {
    "module-1.md": "why-equality",
    "module-2.md": "cooperation",
    "module-3.md": "fair-hr",
    "module-4.md": "harassment",
    "module-5.md": "safety-health",
    "module-6.md": "supply-chains",
}
OTHER_PAGES = ["index.md", "how-it-works.md", "glossary.md", "sources.md"]

PLACEMENT = re.compile(r"^ {0,3}\[[^\]]*\]\(quiz:([A-Za-z0-9][A-Za-z0-9_-]*)\)\s*$")
ADMONITION = re.compile(r'^!!! (\w+)(?: "([^"]*)")?\s*$')
HEADING = re.compile(r"^#{1,6} ")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
SVG_TEXT = re.compile(r"<(title|text)\b[^>]*>([^<]*)</\1>")
CHOICE_TYPES = ("single", "multiple")


@pytest.fixture(scope="module")
def quizzes():
    return QuizCollection(QUIZZES, ROOT).load()


def source(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def module_ids() -> list[str]:
    return list(MODULES)


# -- the Markdown pages -------------------------------------------------------------


@pytest.mark.parametrize("name", module_ids())
def test_each_module_ends_with_a_this_week_tip_then_its_quiz(name):
    lines = source(name).rstrip("\n").splitlines()
    placements = [(i, m.group(1)) for i, line in enumerate(lines) if (m := PLACEMENT.match(line))]
    assert [quiz for _, quiz in placements] == [MODULES[name]], "one quiz per module, its own"
    quiz_line = placements[0][0]
    # the quiz closes the module's content: after it, at most one section
    # saying where to go next (module 1), or, closing the course, the
    # self-assessment taken again (module 6), so a learner meets the quiz before leaving
    after = [line for line in lines[quiz_line + 1:] if HEADING.match(line)]
    closing = {"module-1.md": ["## Where to go from here"], "module-6.md": ["## Where you stand now"]}
    assert after == [] or after == closing.get(name), after
    # walking back from the quiz: the nearest admonition is the tip, with no
    # heading in between (so the tip belongs to the end of the module)
    for line in reversed(lines[:quiz_line]):
        assert not HEADING.match(line), f"a heading comes between the tip and the quiz: {line!r}"
        if m := ADMONITION.match(line):
            assert m.groups() == ("tip", "This week, try"), line
            break
    else:
        raise AssertionError("no 'This week, try' tip before the quiz")


@pytest.mark.parametrize("name", module_ids())
def test_each_module_has_a_fictional_case_and_headings(name):
    text = source(name)
    cases = re.findall(r'^!!! example "Case: [^"]+\(a fictional enterprise\)"\s*$', text, re.MULTILINE)
    assert cases, "at least one case study, marked as fictional"
    assert text.startswith(f"# Module {name[7]}: ")
    assert len(re.findall(r"^## ", text, re.MULTILINE)) >= 3
    # 10 to 20 minutes of reading for people reading slowly, on a phone
    words = len(text.split())
    assert 1200 <= words <= 3000, words


def test_the_home_page_lists_every_module_and_the_other_pages():
    home = source("index.md")
    for name in [*MODULES, "how-it-works.md", "glossary.md", "sources.md"]:
        assert f"]({name})" in home, name
    assert "not** an ILO publication" in home or "not an ILO publication" in home


def test_no_remote_resources_in_pages():
    for name in [*MODULES, *OTHER_PAGES]:
        for alt, src in IMAGE.findall(source(name)):
            assert not re.match(r"(https?:)?//", src), f"{name}: remote image {src}"


def test_images_exist_and_have_meaningful_alt_text():
    used = set()
    for name in [*MODULES, *OTHER_PAGES]:
        for alt, src in IMAGE.findall(source(name)):
            assert len(alt.split()) >= 8, f"{name}: alt text too short for {src}: {alt!r}"
            path = (DOCS / name).parent / src
            assert path.is_file(), f"{name}: {src} does not exist"
            used.add(path.resolve())
    svgs = sorted((DOCS / "images").glob("*.svg"))
    assert len(svgs) >= 2
    assert {p.resolve() for p in svgs} <= used, "every diagram is used on a page"


@pytest.mark.parametrize("svg", sorted(COURSE.glob("*/images/*.svg")),
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_diagrams_are_self_contained_with_generic_fonts(svg):
    text = svg.read_text(encoding="utf-8")
    # nothing fetched from elsewhere: the only URL allowed is the SVG namespace
    urls = set(re.findall(r"https?://[^\s\"')]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls
    assert "@import" not in text and "<image" not in text
    # a generic family: the device's own sans-serif, which covers Arabic script
    fonts = set(re.findall(r'font-family="([^"]*)"', text))
    assert fonts == {"sans-serif"}, fonts
    assert "<text" in text and "<title" in text
    if svg.parent.parent.name == "ar":
        assert 'direction="rtl"' in text, "Arabic labels are laid out right to left"


def diagram_labels(svg: Path) -> list[str]:
    return [label for _, label in SVG_TEXT.findall(svg.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_pages_show_diagrams_in_their_own_language(language):
    """A page in course/<code>/ links images/x.svg; if course/<code>/images/x.svg
    were missing, the build would quietly show the English diagram."""
    seen = 0
    for page in sorted((COURSE / language).glob("*.md")):
        for alt, src in IMAGE.findall(page.read_text(encoding="utf-8")):
            own = (page.parent / src).resolve()
            where = f"course/{language}/{page.name}: {src}"
            assert own.is_file(), f"{where} is not in course/{language}/, so learners would see the English diagram"
            assert own.parent == (COURSE / language / "images").resolve(), where
            english = DOCS / "images" / own.name
            assert english.is_file(), f"{where} has no English original of the same name"
            labels, english_labels = diagram_labels(own), diagram_labels(english)
            assert labels[0] != english_labels[0], f"{where}: the title is still in English"
            untranslated = [label for label in labels if label in english_labels and re.search("[A-Za-z]{4}", label)]
            # a word spelt the same in both languages is fine ("motivation"); a diagram left in English is not
            assert len(untranslated) <= 1, f"{where}: labels still in English: {untranslated}"
            seen += 1
    assert seen >= 1


@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_glossaries_keep_every_entry_anchor(language):
    glossary = COURSE / language / "glossary.md"
    if not glossary.is_file():
        pytest.skip(f"no {language} glossary yet")
    anchors = re.findall(r"\{ #([a-z0-9-]+) \}", glossary.read_text(encoding="utf-8"))
    assert sorted(anchors) == sorted(re.findall(r"\{ #([a-z0-9-]+) \}", source("glossary.md")))


def test_glossary_links_point_to_glossary_entries():
    glossary = source("glossary.md")
    anchors = set(re.findall(r"\{ #([a-z0-9-]+) \}", glossary))
    assert len(anchors) >= 30
    for name in [*MODULES, *OTHER_PAGES]:
        for anchor in re.findall(r"\(glossary\.md#([a-z0-9-]+)\)", source(name)):
            assert anchor in anchors, f"{name}: glossary.md#{anchor} is not an entry"


def test_sources_name_the_conventions_in_full():
    sources = " ".join(source("sources.md").split())  # titles may wrap across lines
    for title in (
        "Forced Labour Convention, 1930 (No. 29)",
        "Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)",
        "Right to Organise and Collective Bargaining Convention, 1949 (No. 98)",
        "Equal Remuneration Convention, 1951 (No. 100)",
        "Discrimination (Employment and Occupation) Convention, 1958 (No. 111)",
        "Minimum Age Convention, 1973 (No. 138)",
        "Occupational Safety and Health Convention, 1981 (No. 155)",
        "Workers with Family Responsibilities Convention, 1981 (No. 156)",
        "Worst Forms of Child Labour Convention, 1999 (No. 182)",
        "Maternity Protection Convention, 2000 (No. 183)",
        "Promotional Framework for Occupational Safety and Health Convention, 2006 (No. 187)",
        "Violence and Harassment Convention, 2019 (No. 190)",
        "Violence and Harassment Recommendation, 2019 (No. 206)",
        "Goal 5: Achieve gender equality and empower all women and girls.",
        "5.4:", "5.5:",
    ):
        assert title in sources, title


def convention_rows(text: str) -> dict[str, str]:
    """Convention number -> its row in the sources table."""
    return {m.group(1): line for line in text.splitlines() if line.startswith("| ")
            for m in [re.search(r"\((?:No\.|núm\.|n°|رقم)\s(\d+)\)", line)] if m}


@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_sources_list_the_same_conventions(language):
    page = COURSE / language / "sources.md"
    if not page.is_file():
        pytest.skip(f"no {language} sources page yet")
    english = convention_rows(source("sources.md"))
    rows = convention_rows(page.read_text(encoding="utf-8"))
    assert sorted(rows, key=int) == sorted(english, key=int)
    for number, row in rows.items():
        # the same modules refer to each Convention in every language
        assert row.rsplit("|", 2)[1].strip() == english[number].rsplit("|", 2)[1].strip(), row


# -- the quizzes ----------------------------------------------------------------------


def test_every_quiz_belongs_to_one_module(quizzes):
    assert sorted(quizzes) == sorted(MODULES.values())


@pytest.mark.parametrize("quiz_id", list(MODULES.values()))
def test_each_quiz_has_6_to_10_questions_of_at_least_4_types(quizzes, quiz_id):
    quiz = quizzes[quiz_id]
    assert 6 <= len(quiz.questions) <= 10
    assert len({q.type for q in quiz.questions}) >= 4
    assert quiz.draw is None  # every learner answers every question


@pytest.mark.parametrize("quiz_id", list(MODULES.values()))
def test_every_option_explains_itself(quizzes, quiz_id):
    for q in quizzes[quiz_id].questions:
        if q.type in CHOICE_TYPES:
            for option in q.options:
                assert option.feedback.strip(), f"{quiz_id}/{q.id}/{option.id} has no feedback"
        else:
            # no options to explain: the question explains itself instead
            assert (q.feedback_correct and q.feedback_incorrect) or q.explanation, f"{quiz_id}/{q.id}"


@pytest.mark.parametrize("quiz_id", list(MODULES.values()))
def test_quiz_files_point_editors_to_the_schema(quiz_id):
    first = (QUIZZES / f"{quiz_id}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE


def test_the_first_quiz_keeps_every_question_type(quizzes):
    types = [q.type for q in quizzes["why-equality"].questions]
    assert set(types) == {"single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering"}


# -- the built site -------------------------------------------------------------------


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def page_html(site: Path, name: str) -> str:
    folder = site if name == "index.md" else site / name[:-3]
    return (folder / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_site(ROOT, site_dir=tmp_path_factory.mktemp("demo") / "site", strict=True)


@pytest.mark.parametrize("name", module_ids())
def test_each_built_module_has_its_quiz_after_the_tip(built, name):
    html = page_html(built, name)
    quiz_id = MODULES[name]
    assert html.count(f'data-course-quiz="{quiz_id}"') == 1
    assert "(quiz:" not in html
    tip = html.index('<p class="admonition-title">This week, try</p>')
    quiz = html.index(f'data-course-quiz="{quiz_id}"')
    assert tip < quiz
    assert "<h2" not in html[tip:quiz], "nothing but the tip between the module text and its quiz"
    # the quiz shows every question of the file
    assert html.count('data-course-question="') >= 6


def test_the_self_assessment_opens_and_closes_the_course_and_module_6_has_the_action_plan(built):
    how = page_html(built, "how-it-works.md")
    assert how.count('data-course-activity="where-you-stand"') == 1
    last = page_html(built, "module-6.md")
    # the plan in the section on building one, the self-assessment again after the quiz
    plan, quiz = last.index('data-course-activity="action-plan"'), last.index('data-course-quiz="supply-chains"')
    again = last.index('data-course-activity="where-you-stand"')
    assert last.index('id="building-an-action-plan"') < plan < quiz < again
    assert "(activity:" not in how + last
    # six areas, one per module, two statements each, on a three-step scale
    assert how.count('data-course-area="') == 6
    assert how.count('data-course-item="') == 12
    assert how.count('type="radio" name="ca-where-you-stand-turnover-cost"') == 3


def test_built_pages_have_images_with_alt_text_that_exist(built):
    seen = 0
    for name in [*MODULES, *OTHER_PAGES]:
        folder = built if name == "index.md" else built / name[:-3]
        parser = _Images()
        parser.feed(page_html(built, name))
        for img in parser.images:
            src, alt = img.get("src", ""), img.get("alt", "")
            assert not re.match(r"(https?:)?//", src), f"{name}: remote image {src}"
            assert alt.strip(), f"{name}: image {src} has no alt text"
            assert (folder / src).resolve().is_file(), f"{name}: {src} missing from the site"
            seen += 1
    assert seen >= 2


def test_the_nav_lists_every_page_in_order(built):
    html = page_html(built, "index.md")
    titles = [
        "How this course works",
        "Module 1: Why equality is good business",
        "Module 2: Workplace cooperation",
        "Module 3: Fair HR practices",
        "Module 4: Preventing violence and harassment",
        "Module 5: Safe and healthy workplaces",
        "Module 6: Equality in supply chains",
        "Glossary",
        "Sources",
    ]
    positions = [html.find(title) for title in titles]
    assert -1 not in positions, dict(zip(titles, positions))
    assert positions == sorted(positions)


# -- passing every quiz in Chromium ---------------------------------------------------


def right_answers(quiz) -> dict:
    """What a learner who knows the answer key types, clicks and picks."""
    answers = {}
    for q in quiz.questions:
        if q.type == "single":
            answers[q.id] = next(o.id for o in q.options if o.correct)
        elif q.type == "multiple":
            answers[q.id] = [o.id for o in q.options if o.correct]
        elif q.type == "true_false":
            answers[q.id] = "true" if q.answer_bool else "false"
        elif q.type == "fill_blank":
            answers[q.id] = q.answers[0]
        elif q.type == "numeric":
            answers[q.id] = f"{q.answer_number:g}"
        elif q.type == "matching":
            answers[q.id] = {p.id: p.right for p in q.pairs}
        elif q.type == "ordering":
            answers[q.id] = [i.id for i in q.items]
    return answers


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory, server):
    site = tmp_path_factory.mktemp("demo-served") / "site"
    url = server.add(site)  # before building: the sitemap needs the served address
    build_site(ROOT, site_dir=site, site_url=url)
    return url


@pytest.mark.browser
@pytest.mark.parametrize("name", [*OTHER_PAGES, *MODULES])
def test_every_demo_page_passes_an_accessibility_scan(page, demo_site, name):
    page.goto(demo_site + ("" if name == "index.md" else name[:-3] + "/"))
    assert axe_scan(page) == []
