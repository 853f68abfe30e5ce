"""`mkdocs-course verify`: learners take a tiny course in Chromium and
download their completion records; the trainer re-grades them from the
command line, and every kind of tampering is caught and named."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import build_site
from mkdocs_course.progress import certificate_id
from trainer_support import COURSE, attempt, build_trainer_course, changed, run, take_course, write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def trainer_course(tmp_path_factory, server, browser):
    """The course, and the records of two learners: (project, url, records)."""
    project, url = build_trainer_course(tmp_path_factory.mktemp("trainer-course"), server)
    records = {
        "amina": take_course(browser, url, "Amina Diallo"),
        "omar": take_course(browser, url, "عمر الفاروق", wrong_first=True),
    }
    return project, url, records


def verify(project, *paths, fmt="json"):
    result = run("verify", *paths, "--answer-keys", project / "trainer" / "answer-keys", "--format", fmt)
    return result, (json.loads(result.stdout) if fmt == "json" and result.stdout.strip() else None)


def test_records_downloaded_from_the_course_are_valid(trainer_course, tmp_path):
    project, _, records = trainer_course
    paths = [write(tmp_path, f"{name}.json", data) for name, data in records.items()]
    result, report = verify(project, *paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [r["result"] for r in report["records"]] == ["valid", "valid"]
    assert report["records"][1]["learner"] == "عمر الفاروق"
    text = run("verify", *paths, "--answer-keys", project / "trainer" / "answer-keys")
    assert text.returncode == 0
    assert f"{paths[0]}: valid (Amina Diallo, en)" in text.stdout
    assert text.stdout.strip().endswith("2 records: 2 valid.")


def _raise_score(r):
    attempt(r, "second", 0)["score"] = 100
    attempt(r, "second", 0)["passed"] = True


TAMPERING = {
    # a failed first attempt claims a pass
    "score raised": (_raise_score, "score", "claims a score of 100%, but its answers give 0%"),
    "pass flipped": (lambda r: attempt(r, "second", 0).update(passed=True), "pass",
                     "is marked passed, but its score of 0% is below the pass mark of 70%"),
    "answer changed": (lambda r: attempt(r, "all-types")["answers"].update(single="a"), "question-score",
                       "the question 'single' is scored 1, but the answer \"a\" gives 0"),
    "question score raised": (lambda r: attempt(r, "all-types", 0)["scores"].update(multiple=1), "question-score",
                              "the question 'multiple' is scored 1, but the answer [\"three\"] gives 0"),
    "invented quiz": (lambda r: r["quizzes"][0]["attempts"].__setitem__(0, {**r["quizzes"][0]["attempts"][0], "quiz": "exam"}),
                      "quiz-id", "names quiz 'exam'; an attempt is filed under its own quiz"),
    "invented question": (lambda r: attempt(r, "second")["answers"].update(bonus="x"), "question-id",
                          "answers the question 'bonus', which it did not show"),
    "invented option": (lambda r: attempt(r, "second")["answers"].update(only="purple"), "option-id",
                        "names the option 'purple', which the question does not have"),
    "finished before it started": (lambda r: attempt(r, "second").update(started="2100-01-01T00:00:00.000Z"), "times",
                                   "before it started (2100-01-01T00:00:00.000Z)"),
    "in the future": (lambda r: attempt(r, "second").update(finished="2999-01-01T00:00:00.000Z"), "times",
                      "finished at 2999-01-01T00:00:00.000Z, which is in the future"),
    "certificate id changed": (lambda r: r["certificate"].update(id="AAAA-BBBB-CCCC"), "certificate-id",
                               "the certificate id is AAAA-BBBB-CCCC, but the course, the learner's name and the attempts give"),
    "name changed": (lambda r: r["learner"].update(name="Someone Else"), "certificate-id", "the certificate id is"),
    "course version changed": (lambda r: r["certificate"].update(course_version="0123456789ab"), "certificate-version",
                               "the certificate names course version 0123456789ab, but the attempts it rests on make version"),
    "duplicated attempt": (lambda r: attempt(r, "pool").update(id=attempt(r, "second")["id"]), "attempt-id",
                           "appears more than once"),
    "module marked passed": (lambda r: r["quizzes"][0].update(best_score=99), "score",
                             "quiz 'all-types' claims a best score of 99%, but its attempts' best is 100"),
}


@pytest.mark.parametrize("kind", list(TAMPERING))
def test_each_kind_of_tampering_is_caught_and_named(trainer_course, tmp_path, kind):
    project, _, records = trainer_course
    change, check, words = TAMPERING[kind]
    source = records["omar"] if kind in ("score raised", "pass flipped", "question score raised") else records["amina"]
    path = write(tmp_path, "tampered.json", changed(source, change))
    result, report = verify(project, path)
    assert result.returncode == 6, result.stdout
    entry = report["records"][0]
    assert entry["result"] == "tampered"
    assert check in [p["check"] for p in entry["problems"]], entry["problems"]
    assert any(words in p["message"] and p["message"].startswith(f"{path}: ") for p in entry["problems"]), entry["problems"]


def test_an_attempt_on_an_unknown_version_cannot_be_checked(trainer_course, tmp_path):
    project, _, records = trainer_course
    # the failed first attempt, on which the certificate does not rest
    record = changed(records["omar"], lambda r: attempt(r, "second", 0).update(version="ffffffffffff"))
    result, report = verify(project, write(tmp_path, "old.json", record))
    assert result.returncode == 3
    problem = report["records"][0]["problems"][0]
    assert report["records"][0]["result"] == "unknown-version"
    assert problem["check"] == "version"
    assert 'was made on version "ffffffffffff", which the answer keys do not hold' in problem["message"]


def test_a_record_from_another_course_is_told_apart(trainer_course, tmp_path):
    project, _, records = trainer_course
    record = changed(records["amina"], lambda r: r["course"].update(id="other-course", title="Other course"))
    result, report = verify(project, write(tmp_path, "other.json", record))
    assert result.returncode == 4
    assert report["records"][0]["problems"][0]["message"].endswith(
        "this record is from another course, 'other-course' (Other course); the answer keys are for 'test-course'.")


def test_records_on_an_older_version_still_verify_after_the_quiz_changes(trainer_course, tmp_path, server):
    # the author fixes an answer key and rebuilds: the old version's keys are kept
    project, _, records = trainer_course
    second = project / "quizzes" / "second.yml"
    original = second.read_text(encoding="utf-8")
    try:
        second.write_text(original.replace("- {id: green, text: Green}", "- {id: green, text: Green}\n      - {id: grey, text: Grey}"), encoding="utf-8")
        build_site(project, site_dir=tmp_path / "site2")
        versions = sorted(p.name for p in (project / "trainer" / "answer-keys" / COURSE / "second").iterdir())
        assert len(versions) == 2
        result, report = verify(project, write(tmp_path, "amina.json", records["amina"]))
        assert result.returncode == 0, report
    finally:
        second.write_text(original, encoding="utf-8")


BAD_FILES = {
    "not-json.json": (b'{"schema": 1,', "this is not JSON (line 1, column 14: Expecting property name enclosed in double quotes)"),
    "latin1.json": ("{\"name\": \"Zo\u00eb\"}".encode("latin-1"), "this is not a text file in UTF-8 (byte 13 cannot be read)"),
    "list.json": (b"[1, 2]", "this JSON is not a completion record (it is not an object with a 'kind')."),
    "export.json": (json.dumps({"schema": 1, "kind": "mkdocs-course/progress"}).encode(), "this is a progress export, not a completion record"),
    "deep.json": (b"[" * 100000 + b"]" * 100000, "the file nests lists or objects too deeply to be a completion record."),
    "huge.json": (b" " * (50 * 1024 * 1024), "the file is 50 MB; a completion record is at most 10 MB."),
}


def test_every_bad_file_gets_a_clear_message_and_the_others_are_still_checked(trainer_course, tmp_path):
    project, _, records = trainer_course
    paths = [write(tmp_path, name, data) for name, (data, _) in BAD_FILES.items()]
    schema = changed(records["amina"], lambda r: r.update(learner={"name": 42}))
    paths.append(write(tmp_path, "schema.json", schema))
    good = write(tmp_path, "good.json", records["amina"])
    result, report = verify(project, *paths, good, tmp_path / "missing.json")
    assert result.returncode == 6 - 1  # unreadable files; the good one is valid
    by_file = {r["file"]: r for r in report["records"]}
    for name, (_, words) in BAD_FILES.items():
        entry = by_file[str(tmp_path / name)]
        assert entry["result"] == "unreadable"
        assert entry["problems"][0]["message"].startswith(f"{tmp_path / name}: {words}"), entry["problems"][0]["message"]
    assert by_file[str(tmp_path / "schema.json")]["problems"][0]["message"] == (
        f"{tmp_path / 'schema.json'}: not a valid completion record: at .learner.name, 42 is not of type 'string', 'null'.")
    assert by_file[str(tmp_path / "missing.json")]["problems"][0]["message"] == f"{tmp_path / 'missing.json'}: there is no such file."
    assert by_file[str(good)]["result"] == "valid"
    assert "Traceback" not in result.stderr


def test_a_name_with_markup_or_terminal_codes_is_shown_as_text(trainer_course, tmp_path):
    project, _, records = trainer_course
    record = changed(records["amina"], lambda r: r["learner"].update(name="<b>Zoë</b>\x1b[31m"))
    result = run("verify", write(tmp_path, "odd.json", record), "--answer-keys", project / "trainer" / "answer-keys")
    # the certificate was made for another name, so it is caught; the name prints inert
    assert "(<b>Zoë</b>\\u001b[31m, en)" in result.stdout
    assert "\x1b" not in result.stdout


def test_the_exit_codes_are_documented_in_the_help():
    result = run("verify", "--help")
    text = " ".join(result.stdout.split())
    assert ("Exit code: 0 every record valid; 3 some made on a version the answer keys do not hold; 4 some from "
            "another course; 5 some unreadable; 6 some tampered (the worst found wins). 1: the answer keys cannot "
            "be read.") in text


def test_without_answer_keys_the_trainer_is_told_how_to_get_them(tmp_path):
    result = run("verify", tmp_path / "x.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: there are no answer keys in trainer/answer-keys. Build the course (mkdocs-course build) in its project "
        "folder to write them, or give their folder with --answer-keys.")


def test_times_are_checked_against_the_moment_of_checking():
    from mkdocs_course.trainer.attempts import parse_time

    assert parse_time("2026-03-01T17:40:12.000Z") == dt.datetime(2026, 3, 1, 17, 40, 12, tzinfo=dt.timezone.utc)
    assert parse_time("yesterday") is None


BAD_DATES = {
    # (where in the record, its path in the message, the value, what is wrong)
    "month 13": (lambda r: r.update(created="2026-13-01T10:00:00.000Z"), ".created", "2026-13-01T10:00:00.000Z",
                 "there is no month 13"),
    "february 30": (lambda r: attempt(r, "second").update(started="2026-02-30T10:00:00Z"), ".quizzes[1].attempts[0].started",
                    "2026-02-30T10:00:00Z", "2026-02 has no day 30"),
    "hour 25": (lambda r: attempt(r, "pool").update(finished="2026-03-01T25:00:00+01:00"), ".quizzes[2].attempts[0].finished",
                "2026-03-01T25:00:00+01:00", "25:00:00 is not a time of day"),
    "no offset": (lambda r: r.update(completed="2026-03-01T10:00:00"), ".completed", "2026-03-01T10:00:00",
                  "it has no Z or offset from UTC after the time"),
    "not a date": (lambda r: r.update(completed="last tuesday"), ".completed", "last tuesday",
                   "it is not written as a date and time"),
}


@pytest.mark.parametrize("kind", list(BAD_DATES))
def test_a_malformed_date_anywhere_is_named_with_its_place_and_value(trainer_course, tmp_path, kind):
    project, _, records = trainer_course
    change, where, value, why = BAD_DATES[kind]
    path = write(tmp_path, "dates.json", changed(records["amina"], change))
    result, report = verify(project, path)
    assert result.returncode == 5, result.stdout
    assert report["records"][0]["result"] == "unreadable"
    assert report["records"][0]["problems"][0]["message"] == (
        f"{path}: not a valid completion record: at {where}, \"{value}\" is not a date and time ({why}); expected one "
        "like 2026-03-01T17:40:12.000Z (RFC 3339: year-month-day, 'T', hours:minutes:seconds, then Z or an offset "
        "such as +02:00).")


def test_dates_with_an_offset_or_without_milliseconds_are_accepted(trainer_course, tmp_path):
    project, _, records = trainer_course

    def offsets(r):
        created = dt.datetime.fromisoformat(r["created"].replace("Z", "+00:00"))
        r["created"] = created.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30))).isoformat()  # same moment
        assert r["created"].endswith("+05:30")

    result, report = verify(project, write(tmp_path, "offset.json", changed(records["amina"], offsets)))
    assert result.returncode == 0, report
