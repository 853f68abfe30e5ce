"""Re-grading a completion record against the answer keys of the versions
its attempts name.

Verification proves that a record is consistent with the answer keys: every
score, pass, time, id and the certificate follow from the answers it holds,
by the browser's own rules. It cannot prove who answered.

Each problem found has a ``check`` (a stable name, in the JSON output) and
a message for the trainer. A record's result is the worst of its problems:
``valid`` < ``unknown-version`` (made on a quiz or course version the answer
keys do not hold: it could not be checked) < ``foreign`` (another course) <
``unreadable`` < ``tampered``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ..activities.model import activity_done
from ..progress.outline import certificate_id, course_version
from .answerkeys import AnswerKeys
from .attempts import AttemptCheck, Graded, parse_time
from .records import RecordFile, shown

RESULTS = ("valid", "unknown-version", "foreign", "unreadable", "tampered")
EXIT_CODES = {"valid": 0, "unknown-version": 3, "foreign": 4, "unreadable": 5, "tampered": 6}
UNKNOWN_CHECKS = {"version", "course-version"}
CLOCK_SKEW = dt.timedelta(minutes=5)


@dataclass
class Problem:
    check: str
    message: str


@dataclass
class Verdict:
    file: str
    result: str
    problems: list[Problem] = field(default_factory=list)
    record: dict | None = None
    sha256: str = ""
    items: list[dict] = field(default_factory=list)  # first-attempt answers, for item analysis
    # the required activities: {id, kind, title, done (when, or None)}, in the course's order
    activities: list[dict] = field(default_factory=list)

    @property
    def learner(self) -> str | None:
        return (self.record or {}).get("learner", {}).get("name") if self.record else None

    def as_json(self) -> dict:
        record = self.record or {}
        return {
            "file": self.file, "sha256": self.sha256, "result": self.result,
            "course": (record.get("course") or {}).get("id"),
            "learner": self.learner, "lang": record.get("lang"),
            "problems": [{"check": p.check, "message": p.message} for p in self.problems],
            "items": self.items, "activities": self.activities,
        }


def worst(results) -> str:
    return max(results, key=RESULTS.index, default="valid")


def verify_record(record: RecordFile, keys: AnswerKeys, now: dt.datetime | None = None) -> Verdict:
    """Re-grade one parsed record (see the module docstring)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    data, name = record.data, record.path
    verdict = Verdict(name, "valid", record=data, sha256=record.sha256)
    problems = verdict.problems
    course = data["course"]["id"]
    if course not in keys.course_ids:
        title = shown(data["course"].get("title") or course)
        known = ", ".join(f"'{c}'" for c in keys.course_ids)
        problems.append(Problem("course", f"{name}: this record is from another course, '{shown(course)}' ({title}); "
                                f"the answer keys are for {known}."))
        verdict.result = "foreign"
        return verdict

    def problem(check: str, message: str) -> None:
        problems.append(Problem(check, f"{name}: {message}"))

    created = parse_time(data["created"])
    if created is None:
        problem("times", f"the record's creation time {shown(json.dumps(data['created']))} is not a date and time.")
    elif created > now + CLOCK_SKEW:
        problem("times", f"the record says it was made at {data['created']}, which is in the future.")
    checker = AttemptCheck(keys, course, problem, now + CLOCK_SKEW, created)
    seen_quizzes, seen_attempts, graded_by_quiz = set(), set(), {}
    for entry in data["quizzes"]:
        quiz = entry["id"]
        if quiz in seen_quizzes:
            problem("quiz-id", f"quiz '{quiz}' is listed twice.")
        seen_quizzes.add(quiz)
        graded = []
        for attempt in entry["attempts"]:
            if attempt["id"] in seen_attempts:
                problem("attempt-id", f"the attempt id '{shown(attempt['id'])}' appears more than once; every attempt has its own id.")
            seen_attempts.add(attempt["id"])
            graded.append(checker.check(quiz, attempt))
        graded_by_quiz[quiz] = graded
        _check_module(entry, graded, keys, course, problem)
    verdict.activities = _check_completion(data, graded_by_quiz, keys, problem)
    verdict.result = worst("unknown-version" if p.check in UNKNOWN_CHECKS else "tampered" for p in problems)
    if verdict.result == "valid":
        verdict.items = first_attempt_items(graded_by_quiz)
    return verdict


def _check_module(entry: dict, graded: list[Graded], keys: AnswerKeys, course: str, problem) -> None:
    quiz, done = entry["id"], [g for g in graded if g.finished]
    passed = any(g.attempt.get("passed") is True for g in done)
    if entry["passed"] != passed:
        problem("pass", f"quiz '{quiz}' is marked {'passed' if entry['passed'] else 'not passed'}, "
                f"but {'an' if passed else 'none of its'} attempts passed.")
    scores = [g.attempt["score"] for g in done if isinstance(g.attempt.get("score"), (int, float))]
    best = entry["best_score"]
    if best is not None and best != max(scores, default=None):
        problem("score", f"quiz '{quiz}' claims a best score of {best}%, but its attempts' best is "
                f"{max(scores) if scores else 'none (no finished attempt)'}.")
    if entry["version"] is not None:
        known = keys.version(course, quiz, entry["version"])
        if known is not None and entry["pass_mark"] != known.any["pass_mark"]:
            problem("pass", f"quiz '{quiz}' claims a pass mark of {entry['pass_mark']}%; version "
                    f"{entry['version']} has {known.any['pass_mark']}%.")


def _check_completion(data: dict, graded_by_quiz: dict[str, list[Graded]], keys: AnswerKeys, problem) -> list[dict]:
    """Checks required flags, completion and certificate; returns the required
    activities and when each was done (None: not done)."""
    course = data["course"]
    known = keys.courses.get(course["id"], {}).get(course["version"])
    if known is None:
        problem("course-version", f"the record was made on course version {course['version']}, which the answer "
                "keys do not hold (built before answer keys were kept, or not committed), so which quizzes "
                "were required cannot be checked.")
        required = [e["id"] for e in data["quizzes"] if e["required"]]
        readings = [p["id"] for p in data.get("pages", []) if p["required"]]
        # an action plan's fields are not known: each row's own fields count
        todo = {a["id"]: {"kind": a["kind"], "fields": None} for a in data.get("activities", []) if a.get("required")}
    else:
        required = list(known["required"])
        readings = list(known.get("readings", []))
        todo = dict(known.get("activities", {}))
        for entry in data.get("activities", []):
            if "required" in entry and entry["required"] != (entry["id"] in todo):
                problem("required", f"activity '{entry['id']}' is marked {'required' if entry['required'] else 'optional'}, "
                        f"but course version {course['version']} has it {'optional' if entry['required'] else 'required'}.")
        for entry in data.get("pages", []):  # records of format 2
            if entry["required"] != (entry["id"] in readings):
                problem("required", f"page '{shown(entry['id'])}' is marked {'required' if entry['required'] else 'optional'}, "
                        f"but course version {course['version']} has it {'optional' if entry['required'] else 'required'}.")
        for entry in data["quizzes"]:
            if entry["required"] != (entry["id"] in known["required"]):
                problem("required", f"quiz '{entry['id']}' is marked {'required' if entry['required'] else 'optional'}, "
                        f"but course version {course['version']} has it {'optional' if entry['required'] else 'required'}.")
    firsts = {}
    for quiz in required:
        passes = [g for g in graded_by_quiz.get(quiz, []) if g.finished and g.attempt.get("passed") is True]
        if passes:
            firsts[quiz] = min(passes, key=lambda g: str(g.attempt["finished"]))
    # pages to read (records of format 2) and activities to do: the learner's browser says
    # when; nothing to re-grade, so only the rule is applied (activities.model.activity_done)
    read = {p["id"]: str(p["read"]) for p in data.get("pages", []) if p["read"] and p["id"] in readings}
    entries = {a["id"]: a for a in data.get("activities", [])}
    did = {}
    for activity_id, rule in todo.items():
        entry = entries.get(activity_id)
        fields = rule["fields"] if rule["fields"] is not None else _own_fields(entry)
        when = activity_done(rule["kind"], fields, entry) if entry and entry["kind"] == rule["kind"] else None
        if when:
            did[activity_id] = when
    complete = (bool(required or readings or todo) and len(firsts) == len(required) and len(read) == len(readings)
                and len(did) == len(todo))
    if data["completed"] is not None and not complete and len(did) < len(todo):
        missing = ", ".join(f"'{shown(a)}'" for a in todo if a not in did)
        problem("activities", f"the record says the course was completed, but the required "
                f"{'activity' if len(todo) - len(did) == 1 else 'activities'} {missing} "
                f"{'is' if len(todo) - len(did) == 1 else 'are'} not done in it.")
    dates = [str(g.attempt["finished"]) for g in firsts.values()] + list(read.values()) + list(did.values())
    date = max(dates, default=None) if complete else None
    if data["completed"] != date:
        problem("completed", f"the record says the course was completed {shown(json.dumps(data['completed']))}; "
                f"its attempts say {json.dumps(date) if date else 'it is not complete'}.")
    _check_certificate(data, complete, firsts, readings, todo, problem)
    return [{"id": a, "kind": rule["kind"], "title": (entries.get(a) or {}).get("title"), "done": did.get(a)}
            for a, rule in todo.items()]


def _check_certificate(data: dict, complete: bool, firsts: dict, readings: list, todo: dict, problem) -> None:
    course = data["course"]
    certificate = data["certificate"]
    if certificate is None:
        return
    name = data["learner"]["name"]
    if not complete or not name:
        problem("certificate-id", "the record holds a certificate, but "
                + ("the course is not complete." if not complete else "no learner name."))
        return
    attempts = sorted(g.attempt["id"] for g in firsts.values())
    if sorted(certificate["attempts"]) != attempts:
        problem("certificate-attempts", "the certificate rests on other attempts than the first pass of each "
                f"required quiz ({', '.join(shown(a) for a in attempts)}).")
    version = course_version({q: str(g.attempt.get("version")) for q, g in firsts.items()}, readings, todo)
    if certificate["course_version"] != version:
        problem("certificate-version", f"the certificate names course version {certificate['course_version']}, "
                f"but the attempts it rests on make version {version}.")
    expected = certificate_id(course["id"], version, name, attempts)
    if certificate["id"] != expected:
        problem("certificate-id", f"the certificate id is {certificate['id']}, but the course, the learner's name "
                f"and the attempts give {expected}.")


def _own_fields(entry: dict | None) -> list[str]:
    """An action plan's fields when the answer keys do not say: every field
    any of its rows holds."""
    rows = (entry or {}).get("rows") or {}
    return sorted({f for row in rows.values() for f in row})


def first_attempt_items(graded_by_quiz: dict[str, list[Graded]]) -> list[dict]:
    """For each question a learner answered: right or not on the first
    attempt that checked it, and the wrong choices made there."""
    items = []
    for quiz, graded in graded_by_quiz.items():
        seen = set()
        for g in sorted((g for g in graded if g.key is not None), key=lambda g: str(g.attempt.get("started", ""))):
            for qid, score in g.scores.items():
                if qid in seen:
                    continue
                seen.add(qid)
                items.append({"quiz": quiz, "version": g.version, "question": qid, "right": score == 1,
                              "wrong": g.wrong_choices(qid)})
    return items
