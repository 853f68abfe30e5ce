"""`mkdocs-course report`: the group's CSV (read back through LibreOffice),
the Excel workbook, and the item analysis, from records learners made in
Chromium."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from test_trainer_verify import trainer_course  # noqa: F401  (a fixture: the course and two learners' records)
from trainer_support import changed, run, write

pytestmark = pytest.mark.browser

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
HEADER = ["learner", "language", "module", "quiz", "activity", "status", "best_score", "attempts", "first_passed",
          "details", "verified", "result", "checks", "file"]


def group_files(records, folder):
    """The two learners' records, and one whose name a spreadsheet would run as a formula."""
    formula = changed(records["amina"], lambda r: r["learner"].update(name="=HYPERLINK(\"http://x\",\"Zoë\")"))
    return [write(folder, "amina.json", records["amina"]), write(folder, "omar.json", records["omar"]),
            write(folder, "formula.json", formula)]


def report(project, *args):
    return run("report", *args, "--answer-keys", project / "trainer" / "answer-keys")


def cells_of(fods) -> list[list[tuple[str, str | None, str]]]:
    """(value type, formula, text) of every cell, row by row, in a flat ODF spreadsheet."""
    rows = []
    for row in ET.parse(fods).iter(f"{{{NS['table']}}}table-row"):
        cells = []
        for c in row.iter(f"{{{NS['table']}}}table-cell"):
            # empty cells side by side are one element that says how many
            repeat = min(int(c.get(f"{{{NS['table']}}}number-columns-repeated") or 1), 64)
            cells += [(c.get(f"{{{NS['office']}}}value-type"), c.get(f"{{{NS['table']}}}formula"), "".join(c.itertext()).strip())] * repeat
        while cells and cells[-1] == (None, None, ""):
            cells.pop()
        if any(text for _, _, text in cells):
            rows.append(cells)
    return rows


def libreoffice(path, folder, infilter=None):
    """Open a file in LibreOffice (headless) and save it as flat ODF; its cells."""
    args = [SOFFICE, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless"]
    if infilter:
        args.append(f"--infilter={infilter}")
    subprocess.run([*args, "--convert-to", "fods", "--outdir", str(folder / "lo"), str(path)],
                   check=True, capture_output=True, timeout=180)
    return cells_of(folder / "lo" / (path.stem + ".fods"))


def test_the_csv_has_one_row_per_learner_and_module(trainer_course, tmp_path):
    project, _, records = trainer_course
    files = group_files(records, tmp_path)
    result = report(project, *files, "--csv", tmp_path / "group.csv")
    assert result.returncode == 6  # the renamed record no longer matches its certificate
    data = (tmp_path / "group.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\"learner\",\"language\",")
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == ",".join(f'"{c}"' for c in HEADER)
    assert lines[1].startswith('"Amina Diallo","en","One","all-types","","passed","100","1","20')
    assert lines[1].endswith(f'"yes","valid","","{files[0]}"')
    # the second learner failed each quiz once, then passed
    assert lines[4].startswith('"عمر الفاروق","en","One","all-types","","passed","100","2","20')
    assert lines[7].startswith("\"'=HYPERLINK(\"\"http://x\"\",\"\"Zoë\"\")\",\"en\"")
    assert '"no","tampered","certificate-id"' in lines[7]
    assert len(lines) == 1 + 9 + 1 and lines[-1] == ""


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by scripts/test.sh")
def test_libreoffice_reads_non_latin_names_and_runs_no_formula(trainer_course, tmp_path):
    project, _, records = trainer_course
    report(project, *group_files(records, tmp_path), "--csv", tmp_path / "group.csv", "--xlsx", tmp_path / "group.xlsx")
    # what LibreOffice's text import dialog offers: comma, double quote, UTF-8
    for rows in (libreoffice(tmp_path / "group.csv", tmp_path, "CSV:44,34,76,1"), libreoffice(tmp_path / "group.xlsx", tmp_path)):
        assert [text for _, _, text in rows[0]][:len(HEADER)] == HEADER
        names = [row[0][2] for row in rows[1:]]
        assert names[0] == "Amina Diallo" and names[3] == "عمر الفاروق"
        formula_cell = rows[7][0]
        assert formula_cell[1] is None and formula_cell[0] == "string"
        assert formula_cell[2].endswith('=HYPERLINK("http://x","Zoë")')
        assert not any(formula for row in rows for _, formula, _ in row)
        assert rows[1][HEADER.index("best_score")][:1] == ("float",)  # the best score is a number


def test_item_analysis_names_the_questions_learners_get_wrong_first(trainer_course, tmp_path):
    project, _, records = trainer_course
    result = report(project, *group_files(records, tmp_path)[:2], "--items")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Item analysis: right on the first attempt, hardest first (valid records only)"
    assert "all-types / single: 1 of 2 learners right (50%) - Pick the second option." in lines
    at = lines.index("all-types / single: 1 of 2 learners right (50%) - Pick the second option.")
    assert lines[at + 1] == "    wrong choice a (First option): 1"
    assert "all-types / multiple: 1 of 2 learners right (50%) - Pick the even numbers." in lines
    assert "    wrong choice three (Three): 1" in lines
    assert "second / only: 1 of 2 learners right (50%) - Which colour is the sky on a clear day?" in lines
    assert "    wrong choice green (Green): 1" in lines
    assert "all-types / truth: 1 of 2 learners right (50%) - Water is wet." in lines
    assert "    wrong choice false (False): 1" in lines


def test_report_needs_something_to_write(trainer_course, tmp_path):
    project, _, records = trainer_course
    result = report(project, write(tmp_path, "a.json", records["amina"]))
    assert result.returncode == 2
    assert "say what to write: --csv FILE, --xlsx FILE or --items." in result.stderr


# every C0 control character, DEL, and bidirectional overrides around an Arabic name
CONTROL_NAME = "Zoë " + "".join(map(chr, range(0x20))) + "\x7f \u202eعمر\u202c \u2067x\u2069"


def control_shown(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7f or c in "\u202e\u202c\u2067\u2069" else c
                   for c in text)


def test_control_and_bidi_characters_in_a_name_are_written_visibly(trainer_course, tmp_path):
    from openpyxl import load_workbook

    project, _, records = trainer_course
    path = write(tmp_path, "control.json", changed(records["amina"], lambda r: r["learner"].update(name=CONTROL_NAME)))
    result = report(project, path, "--csv", tmp_path / "c.csv", "--xlsx", tmp_path / "c.xlsx")
    assert result.returncode == 6 and "Traceback" not in result.stderr, result.stderr  # renamed: certificate-id
    data = (tmp_path / "c.csv").read_bytes().decode("utf-8")
    expected = control_shown(CONTROL_NAME)
    assert expected.startswith("Zoë \\u0000\\u0001") and "\\u007f \\u202eعمر\\u202c \\u2067x\\u2069" in expected
    assert data.split("\r\n")[1].startswith(f'"{expected}","en","One"')
    assert not any(ord(c) < 0x20 and c not in "\r\n" or ord(c) == 0x7f or c in "\u202e\u202c\u2067\u2069" for c in data)
    assert data.count("\r\n") == 4 and "\n" not in data.replace("\r\n", "")
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert [sheet.cell(row=r, column=1).value for r in (2, 3, 4)] == [expected] * 3
    if SOFFICE:
        rows = libreoffice(tmp_path / "c.xlsx", tmp_path)
        assert rows[1][0][2] == expected
