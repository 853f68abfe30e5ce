"""Group reports from verified completion records: one row per learner and
module, then per required activity (CSV, or XLSX), and item analysis (which questions learners get
wrong on their first attempt, and which wrong choices they make).

Rows show what each record claims, next to whether it was verified; a
valid record's claims are what its answers give. The dashboard
(``assets/js/dashboard.js``) makes the same rows and the same CSV, byte for
byte, from the same records and ``verify --format json``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .answerkeys import AnswerKeys
from .records import shown
from .verify import Verdict

COLUMNS = ("learner", "language", "module", "quiz", "activity", "status", "best_score", "attempts",
           "first_passed", "details", "verified", "result", "checks", "file")
# A cell starting with one of these is a formula in Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def finished(attempt: dict) -> bool:
    return bool(attempt.get("finished")) and isinstance(attempt.get("score"), (int, float))


def module_rows(verdict: Verdict) -> list[dict]:
    """The rows of one record: each module of the course it lists (quizzes
    still in the course), then each activity the course requires, with what
    the record claims and the verdict."""
    record = verdict.record
    if record is None or verdict.result in ("foreign", "unreadable"):
        return []
    learner = {
        "learner": record["learner"]["name"] or "", "language": record["lang"],
        "verified": "yes" if verdict.result == "valid" else "no", "result": verdict.result,
        "checks": ", ".join(dict.fromkeys(p.check for p in verdict.problems)), "file": verdict.file,
    }
    rows = []
    for entry in record["quizzes"]:
        if entry["title"] is None:
            continue  # no longer in the course
        done = [a for a in entry["attempts"] if finished(a)]
        passes = sorted(str(a["finished"]) for a in done if a.get("passed") is True)
        status = "passed" if entry["passed"] else "in progress" if entry["attempts"] else "not started"
        rows.append({
            **learner, "module": entry["title"], "quiz": entry["id"], "activity": "", "status": status,
            "best_score": "" if entry["best_score"] is None else number(entry["best_score"]),
            "attempts": str(len(done)), "first_passed": passes[0][:10] if passes else "", "details": "",
        })
    entries = {a.get("id"): a for a in record.get("activities") or []}
    for required in verdict.activities:
        rows.append({
            **learner, "module": required["title"] or required["id"], "quiz": "", "activity": required["id"],
            "status": "done" if required["done"] else "not done", "best_score": "", "attempts": "",
            "first_passed": str(required["done"] or "")[:10],
            "details": activity_details(required["kind"], entries.get(required["id"])),
        })
    return rows


def activity_details(kind: str, entry: dict | None) -> str:
    """What a required activity's row says besides done: a self-assessment's
    last result per area, an action plan's number of rows. The learner's own
    words stay out of the table (verify prints them)."""
    if kind == "action-plan":
        rows = (entry or {}).get("rows") or {}
        return f"action plan, {len(rows)} row{'' if len(rows) == 1 else 's'}"
    results = (entry or {}).get("results") or []
    if not results:
        return "self-assessment, no result yet"
    areas = results[-1].get("areas") or {}
    return "self-assessment: " + ", ".join(f"{area} {number(percent)}%" for area, percent in areas.items())


def number(value: float) -> str:
    """A number as JavaScript's String() writes it, for the common cases (85.7, 100)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def safe_cell(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula: a
    leading apostrophe before = + - @ (the OWASP advice for CSV files).
    Control and bidirectional characters (a name may hold any) are written
    visibly as ``\\u001b`` and the like, as verify prints them: a raw one
    breaks an XLSX file or reorders a CSV line's text."""
    text = shown(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(rows: list[dict]) -> str:
    """UTF-8 CSV text (the caller adds the byte-order mark): comma-separated,
    every text cell quoted, lines ending CRLF, as RFC 4180 says."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def csv_bytes(rows: list[dict]) -> bytes:
    """The CSV file: UTF-8 with a byte-order mark, which Excel needs to read
    non-Latin names right (LibreOffice reads it either way)."""
    return b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8")


def xlsx_bytes(rows: list[dict]) -> bytes:
    """The same table as an Excel workbook (needs openpyxl); text cells are
    stored as text, so nothing in a name runs as a formula."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Learners"
    sheet.append(list(COLUMNS))
    for row in rows:
        values = []
        for column in COLUMNS:
            value = row[column]
            if column in ("best_score", "attempts") and value != "":
                values.append(float(value) if "." in value else int(value))
            else:
                values.append(shown(value))  # openpyxl refuses control characters
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "="
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- item analysis --------------------------------------------------------------


@dataclass
class Item:
    quiz: str
    question: str
    prompt: str
    type: str
    learners: int = 0
    right: int = 0
    wrong: dict | None = None  # option id -> times chosen on a first attempt
    options: dict | None = None  # option id -> its text

    @property
    def share(self) -> float:
        return self.right / self.learners if self.learners else 0.0


def question_texts(keys: AnswerKeys, course: str, quiz: str, version: str) -> dict[str, dict]:
    """Question id -> {prompt, type, options: {id: text}} in the course's source language."""
    found = keys.version(course, quiz, version)
    if found is None:
        return {}
    key = found.text_language(keys.source_language(course))
    return {
        q["id"]: {"prompt": q["prompt"], "type": q["type"],
                  "options": {o["id"]: o["text"] for o in q.get("options", [])}}
        for q in key["questions"]
    }


def item_analysis(verdicts: list[Verdict], keys: AnswerKeys) -> list[Item]:
    """Per question of the valid records: the share of learners right on
    their first attempt, and how often each wrong choice was made; hardest first."""
    items: dict[tuple[str, str], Item] = {}
    for verdict in verdicts:
        if verdict.result != "valid":
            continue
        course = verdict.record["course"]["id"]
        for entry in verdict.items:
            text = question_texts(keys, course, entry["quiz"], entry["version"]).get(entry["question"], {})
            item = items.get((entry["quiz"], entry["question"]))
            if item is None:
                item = items[(entry["quiz"], entry["question"])] = Item(
                    entry["quiz"], entry["question"], text.get("prompt", ""), text.get("type", ""), wrong={}, options={})
            item.learners += 1
            item.right += entry["right"]
            item.options.update(text.get("options", {}))
            for option in entry["wrong"]:
                item.wrong[option] = item.wrong.get(option, 0) + 1
    return sorted(items.values(), key=lambda i: (i.share, i.quiz, i.question))
