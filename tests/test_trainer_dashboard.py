"""The trainer dashboard (`report --html`), opened from file:// in Chromium
with no network: records and verify's output chosen or dropped, the group's
tables, tampering shown, the same CSV as the command line, every name as
text, every language, accessibility."""

from __future__ import annotations

import pytest
from conftest import axe_scan
from test_trainer_verify import TAMPERING, trainer_course  # noqa: F401  (a fixture: the course and two learners' records)
from trainer_support import attempt, changed, run, write

pytestmark = pytest.mark.browser

MARKUP = "<img src=x onerror=\"document.title='owned'\">Zoë"


@pytest.fixture
def group(trainer_course, tmp_path):
    """A folder of records (two learners, each kind of tampering, a name in
    markup) and verify's JSON output for them; (folder, record names)."""
    project, _, records = trainer_course
    folder = tmp_path / "records"
    folder.mkdir()
    names = [write(folder, "amina.json", records["amina"]).name, write(folder, "omar.json", records["omar"]).name]
    for i, (kind, (change, _, _)) in enumerate(TAMPERING.items()):
        source = records["omar"] if kind in ("score raised", "pass flipped", "question score raised") else records["amina"]
        names.append(write(folder, f"tampered-{i:02}.json", changed(source, change)).name)
    names.append(write(folder, "markup.json", changed(records["omar"], lambda r: r["learner"].update(name=MARKUP))).name)
    old = changed(records["omar"], lambda r: attempt(r, "second", 0).update(version="ffffffffffff"))
    names.append(write(folder, "old-version.json", old).name)
    keys = project / "trainer" / "answer-keys"
    result = run("verify", *names, "--answer-keys", keys, "--format", "json", cwd=folder)
    (tmp_path / "verified.json").write_text(result.stdout, encoding="utf-8")
    return folder, names


@pytest.fixture
def dashboard(trainer_course, tmp_path, browser):
    """The dashboard written from the course's project and opened offline: a page."""
    project = trainer_course[0]
    result = run("report", "--html", tmp_path / "dashboard", cwd=project)
    assert result.returncode == 0, result.stderr
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    requests = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_() if route.request.url.startswith("file:") else route.abort()))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((tmp_path / "dashboard" / "index.html").as_uri())
    page.wait_for_function("document.querySelector('[data-course-dashboard]').mkdocsCourseDashboard")
    yield page
    assert not errors and all(url.startswith("file:") for url in requests), (errors, requests)
    context.close()


def choose(page, paths):
    page.locator("[data-course-dashboard-input]").set_input_files([str(p) for p in paths])
    page.wait_for_function("n => document.querySelectorAll('[data-course-dashboard-files] li').length >= n", arg=len(paths))


def learner_rows(page):
    return page.locator("[data-course-dashboard-learners] tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.children).map(c => c.textContent))")


def test_records_and_verify_output_show_the_group_and_every_tampering(dashboard, group, tmp_path):
    folder, names = group
    choose(dashboard, [folder / n for n in names] + [tmp_path / "verified.json"])
    rows = learner_rows(dashboard)
    # the course requires its three quizzes and no activity
    assert rows[0] == ["Amina Diallo", "en", "3 of 3", "\u2014", "verified"]
    assert rows[1] == ["عمر الفاروق", "en", "3 of 3", "\u2014", "verified"]
    for row, (kind, (_, check, _)) in zip(rows[2:], TAMPERING.items()):
        assert row[4].startswith("tampered: ") and check in row[4], (kind, row)
    assert rows[-1][4] == "not checked: made on a quiz version the answer keys do not hold"
    assert dashboard.locator("[data-course-dashboard-summary]").inner_text() == f"Learners: {len(names)}. Verified: 2."
    # tampered records are left out of the group's figures
    modules = dashboard.locator("[data-course-dashboard-modules] tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.children).map(c => c.textContent))")
    assert modules[0] == ["One", "3 of 3", "0", "0", "0", "0", "3", "0"]
    hardest = dashboard.locator("[data-course-dashboard-items] tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.children).map(c => c.textContent))")
    single = next(r for r in hardest if r[0].startswith("Pick the second option."))
    assert single[1] == "1 of 2 (50%)" and single[2] == "First option: 1"
    assert hardest[-1][1].endswith("(100%)")


def test_a_record_without_verify_output_is_shown_as_not_verified(dashboard, group):
    folder, names = group
    choose(dashboard, [folder / "amina.json", folder / "tampered-00.json"])
    assert [r[4] for r in learner_rows(dashboard)] == [
        "not verified: check it with mkdocs-course verify --format json and add the output"] * 2
    assert dashboard.locator("[data-course-dashboard-items]").inner_text() == (
        "Add verify's JSON output to see which questions learners get wrong on their first attempt.")


def test_files_dropped_on_the_page_are_read_too(dashboard, group, tmp_path):
    folder, _ = group
    files = [(name, (folder / name).read_text(encoding="utf-8")) for name in ("amina.json", "omar.json")]
    files.append(("verified.json", (tmp_path / "verified.json").read_text(encoding="utf-8")))
    files.append(("notes.txt", "not a record"))
    dashboard.evaluate("""files => {
        const data = new DataTransfer();
        files.forEach(([name, text]) => data.items.add(new File([text], name, {type: 'application/json'})));
        document.querySelector('[data-course-dashboard-drop]').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", files)
    dashboard.wait_for_function("document.querySelectorAll('[data-course-dashboard-files] li').length === 4")
    assert [r[4] for r in learner_rows(dashboard)] == ["verified", "verified"]
    assert dashboard.locator('[data-course-dashboard-file="bad"]').inner_text() == (
        "notes.txt — not read: this is neither a completion record nor verify's JSON output")
    # the live region is emptied, then filled a moment later, so that it is announced again
    dashboard.wait_for_function("document.querySelector('[data-course-dashboard-live]').textContent !== ''")
    assert dashboard.locator("[data-course-dashboard-live]").inner_text() == "Files read: 4."


def test_the_exported_csv_is_byte_for_byte_the_command_lines(dashboard, group, trainer_course, tmp_path):
    folder, names = group
    choose(dashboard, [folder / n for n in names] + [tmp_path / "verified.json"])
    with dashboard.expect_download() as info:
        dashboard.locator("[data-course-dashboard-export]").click()
    exported = open(info.value.path(), "rb").read()
    keys = trainer_course[0] / "trainer" / "answer-keys"
    run("report", *names, "--answer-keys", keys, "--csv", tmp_path / "cli.csv", cwd=folder)
    assert exported == (tmp_path / "cli.csv").read_bytes()
    assert info.value.suggested_filename.startswith("test-course-group-")


def test_names_that_look_like_markup_are_only_text(dashboard, group):
    folder, _ = group
    choose(dashboard, [folder / "markup.json"])
    assert learner_rows(dashboard)[0][0] == MARKUP
    assert dashboard.locator("[data-course-dashboard] img").count() == 0
    assert dashboard.title() != "owned"


def test_the_dashboard_speaks_every_language_of_the_course(tmp_path, browser):
    from conftest import FIXTURES
    import shutil

    shutil.copytree(FIXTURES / "i18n-site", tmp_path / "course", dirs_exist_ok=True)
    assert run("report", "--html", tmp_path / "dash", cwd=tmp_path / "course").returncode == 0
    assert sorted(p.name for p in (tmp_path / "dash").iterdir()) == ["ar.html", "dashboard.css", "dashboard.js", "fr.html", "index.html"]
    page = browser.new_page()
    page.goto((tmp_path / "dash" / "ar.html").as_uri())
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text().startswith("لوحة المدرّب")
    assert "لا تغادر الملفات هذا المتصفح أبدًا" in page.locator("[data-course-dashboard-privacy]").inner_text()
    page.goto((tmp_path / "dash" / "fr.html").as_uri())
    assert page.locator("[data-course-dashboard-export]").inner_text() == "Exporter en CSV"
    assert page.locator('a[aria-current="page"]').inner_text() == "français"
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_the_dashboard(dashboard, group, tmp_path, scheme):
    folder, names = group
    dashboard.emulate_media(color_scheme=scheme)
    choose(dashboard, [folder / n for n in names[:3]] + [tmp_path / "verified.json"])
    assert axe_scan(dashboard) == []


def test_the_dashboard_fits_a_phone(dashboard, group, tmp_path):
    folder, names = group
    choose(dashboard, [folder / n for n in names] + [tmp_path / "verified.json"])
    dashboard.screenshot(path=str(tmp_path / "dashboard-1280.png"), full_page=True)
    dashboard.set_viewport_size({"width": 390, "height": 900})
    dashboard.emulate_media(color_scheme="dark")
    dashboard.screenshot(path=str(tmp_path / "dashboard-390-dark.png"), full_page=True)
    # wide tables scroll inside their own box; the page itself does not
    assert dashboard.evaluate("document.documentElement.scrollWidth") <= 390


def test_control_and_bidi_characters_in_a_name_are_shown_isolated_and_exported_visibly(dashboard, trainer_course, tmp_path):
    from test_trainer_report import CONTROL_NAME, control_shown

    project, _, records = trainer_course
    folder = tmp_path / "control"
    folder.mkdir()
    names = [write(folder, "amina.json", records["amina"]).name,
             write(folder, "control.json", changed(records["amina"], lambda r: r["learner"].update(name=CONTROL_NAME))).name]
    keys = project / "trainer" / "answer-keys"
    checked = run("verify", *names, "--answer-keys", keys, "--format", "json", cwd=folder).stdout
    (tmp_path / "verified.json").write_text(checked, encoding="utf-8")
    choose(dashboard, [folder / n for n in names] + [tmp_path / "verified.json"])
    # on the page, the name is text in its own <bdi>: its overrides reorder nothing outside it
    cell = dashboard.locator("[data-course-dashboard-learners] tbody tr").nth(1).locator("th bdi")
    assert cell.evaluate("b => b.textContent") == CONTROL_NAME
    assert learner_rows(dashboard)[1][1:3] == ["en", "3 of 3"]
    with dashboard.expect_download() as info:
        dashboard.locator("[data-course-dashboard-export]").click()
    exported = open(info.value.path(), "rb").read()
    run("report", *names, "--answer-keys", keys, "--csv", tmp_path / "cli.csv", cwd=folder)
    assert exported == (tmp_path / "cli.csv").read_bytes()
    assert control_shown(CONTROL_NAME).encode("utf-8") in exported
