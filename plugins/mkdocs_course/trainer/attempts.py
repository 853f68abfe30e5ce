"""Checking one attempt of a completion record: its ids, the shape of its
answers, its times, and every score and pass re-graded with the answer key
of the version and language it was made in."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field

from .answerkeys import AnswerKeys, QuizVersion
from .grading import attempt_score, grade, parse_number
from .records import shown

MAX_TEXT = 10_000  # a typed answer longer than this was not typed
BOX_TYPES = ("single", "multiple", "true_false", "matching", "ordering")  # questions with an option order


def choice_ids(question: dict) -> list[str]:
    """The ids a question's order lists: options, pairs or items."""
    return [c["id"] for c in question.get("options") or question.get("pairs") or question.get("items") or []]


@dataclass
class Graded:
    """One attempt as re-graded. ``key`` is None when its version is unknown."""

    attempt: dict
    key: QuizVersion | None = None
    scores: dict[str, float] = field(default_factory=dict)  # re-graded, questions checked

    @property
    def finished(self) -> bool:
        # the browser's rule (progress.js `finished`)
        return bool(self.attempt.get("finished")) and isinstance(self.attempt.get("score"), (int, float))

    @property
    def version(self) -> str | None:
        return self.attempt.get("version")

    def wrong_choices(self, qid: str) -> list[str]:
        question = self.key.questions(self.attempt.get("lang") or "")[qid]
        answer, key = self.attempt["answers"].get(qid), question["key"]
        if question["type"] == "single":
            return [answer] if answer not in key["correct"] else []
        if question["type"] == "multiple":
            return [a for a in answer if a not in key["correct"]]
        if question["type"] == "true_false":
            return [json.dumps(answer)] if answer is not key["answer"] else []
        return []


def _shape_problem(question: dict, answer) -> tuple[str, str] | None:
    """(check, what is wrong) when an answer has a shape the browser never
    writes for its question type, else None. None answers are drafts."""
    kind, ids = question["type"], choice_ids(question)
    if answer is None and kind in ("single", "true_false"):
        return None
    if kind == "single":
        if not isinstance(answer, str):
            return "answer", "is not an option id"
        return None if answer in ids else ("option-id", f"names the option '{shown(answer)}', which the question does not have")
    if kind == "multiple":
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            return "answer", "is not a list of option ids"
        unknown = [a for a in answer if a not in ids]
        if unknown:
            return "option-id", f"names the option '{shown(unknown[0])}', which the question does not have"
        return ("answer", "names an option twice") if len(set(answer)) != len(answer) else None
    if kind == "true_false":
        return None if isinstance(answer, bool) else ("answer", "is not true or false")
    if kind in ("fill_blank", "numeric"):
        if not isinstance(answer, str):
            return "answer", "is not the text typed"
        return ("answer", f"is longer than {MAX_TEXT} characters") if len(answer) > MAX_TEXT else None
    if kind == "matching":
        tokens = set(question["key"]["pairs"].values())
        if not isinstance(answer, dict) or not all(isinstance(v, str) for v in answer.values()):
            return "answer", "is not a choice for each row"
        unknown = [k for k in answer if k not in ids] + [v for v in answer.values() if v and v not in tokens]
        return ("option-id", f"names '{shown(unknown[0])}', which the question does not have") if unknown else None
    if kind == "ordering":
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer) or sorted(answer) != sorted(ids):
            return "option-id", "is not an order of the question's items"
        return None
    return "answer", "is for an unknown question type"


def _answered(kind: str, answer) -> bool:
    """The browser's C.isAnswered, plus a number it can read (Quiz.check)."""
    if answer is None:
        return False
    if kind == "multiple":
        return len(answer) > 0
    if kind == "fill_blank":
        return answer.strip() != ""
    if kind == "numeric":
        return answer.strip() != "" and not math.isnan(parse_number(answer))
    if kind == "matching":
        return all(answer.values())
    return True


def parse_time(value) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # RFC 3339 allows t and z
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


class AttemptCheck:
    """Checks attempts of one record; ``problem(check, message)`` collects what is wrong."""

    def __init__(self, keys: AnswerKeys, course: str, problem, latest: dt.datetime, created: dt.datetime | None):
        self.keys, self.course, self.problem = keys, course, problem
        self.latest, self.created = latest, created

    def check(self, quiz: str, a: dict) -> Graded:
        graded, aid = Graded(a), shown(a["id"])
        where = f"attempt '{aid}' of quiz '{quiz}'"
        problem = self.problem
        if a.get("quiz", quiz) != quiz:
            problem("quiz-id", f"{where} names quiz '{shown(a['quiz'])}'; an attempt is filed under its own quiz.")
        started, finished = parse_time(a.get("started")), parse_time(a.get("finished"))
        if "started" in a and started is None:
            problem("times", f"{where}: its start {shown(json.dumps(a['started']))} is not a date and time.")
        if a.get("finished") is not None and finished is None:
            problem("times", f"{where}: its end {shown(json.dumps(a['finished']))} is not a date and time.")
        if started and finished and finished < started:
            problem("times", f"{where} finished ({a['finished']}) before it started ({a['started']}).")
        for moment, what in ((started, "started"), (finished, "finished")):
            if moment and moment > self.latest:
                problem("times", f"{where} {what} at {a[what]}, which is in the future.")
            elif moment and self.created and moment > self.created:
                problem("times", f"{where} {what} at {a[what]}, after the record was made ({self.created.isoformat()}).")
        if not self.keys.knows_quiz(self.course, quiz):
            problem("quiz-id", f"{where}: the course never had a quiz '{shown(quiz)}'.")
            return graded
        version = a.get("version")
        key = self.keys.version(self.course, quiz, version) if isinstance(version, str) else None
        if key is None:
            problem("version", f"{where} was made on version {shown(json.dumps(version))}, which the answer keys do not "
                    "hold (built before answer keys were kept, or not committed), so it cannot be re-graded.")
            return graded
        graded.key = key
        self._grade(graded, where)
        return graded

    def _grade(self, graded: Graded, where: str) -> None:
        a, key, problem = graded.attempt, graded.key, self.problem
        lang = a.get("lang") or ""
        questions = key.questions(lang)
        drawn = a.get("questions", [])
        bad = [q for q in drawn if q not in questions]
        if bad:
            problem("question-id", f"{where} shows the question '{shown(bad[0])}', which version {key.version} does not have.")
            return
        draw = key.any["draw"]
        size = draw if draw and draw < len(questions) else len(questions)
        if len(set(drawn)) != len(drawn) or len(drawn) != size:
            problem("question-id", f"{where} shows {len(drawn)} questions{' with repeats' if len(set(drawn)) != len(drawn) else ''}; "
                    f"every attempt at version {key.version} shows {size} different questions.")
            return
        for qid, order in (a.get("orders") or {}).items():
            if qid not in questions or questions[qid]["type"] not in BOX_TYPES or sorted(order) != sorted(choice_ids(questions[qid])):
                problem("option-id", f"{where}: the order shown for '{shown(qid)}' is not an order of that question's choices.")
        answers, scores = a.get("answers") or {}, a.get("scores") or {}
        for qid, answer in answers.items():
            if qid not in drawn:
                problem("question-id", f"{where} answers the question '{shown(qid)}', which it did not show.")
                return
            found = _shape_problem(questions[qid], answer)
            if found:
                problem(found[0], f"{where}: the answer to '{shown(qid)}' {found[1]}.")
                return
        for qid, claimed in scores.items():
            if qid not in drawn or qid not in answers or not _answered(questions[qid]["type"], answers[qid]):
                problem("question-score", f"{where} scores the question '{shown(qid)}', which it {'did not show' if qid not in drawn else 'did not answer'}.")
                return
            graded.scores[qid] = self._score(graded, qid, claimed, where)
        if a.get("finished") is None:
            return
        missing = [q for q in drawn if q not in scores]
        if missing:
            problem("score", f"{where} is finished, but its question '{shown(missing[0])}' was never checked.")
            return
        score = attempt_score([graded.scores[q] for q in drawn])
        if a.get("score") != score:
            problem("score", f"{where} claims a score of {shown(json.dumps(a.get('score')))}%, but its answers give {score:g}%.")
        right = sum(1 for q in drawn if graded.scores[q] == 1)
        if a.get("right") != right:
            problem("score", f"{where} claims {shown(json.dumps(a.get('right')))} questions right, but its answers give {right}.")
        passed = score >= key.any["pass_mark"]
        if a.get("passed") is not passed:
            problem("pass", f"{where} is marked {'passed' if a.get('passed') else 'not passed'}, but its score of "
                    f"{score:g}% {'reaches' if passed else 'is below'} the pass mark of {key.any['pass_mark']:g}%.")

    def _score(self, graded: Graded, qid: str, claimed: float, where: str) -> float:
        """The re-graded score, in the attempt's language first; a learner who
        moved between language versions mid-attempt had a question checked
        with another language's accepted fill-in answers, so those count too."""
        a, key = graded.attempt, graded.key
        lang = a.get("lang") or ""
        answer = a["answers"][qid]
        first = grade(key.questions(lang)[qid]["key"], answer)
        if first == claimed:
            return first
        for other in key.by_language:
            if other != lang and grade(key.questions(other)[qid]["key"], answer) == claimed:
                return claimed
        self.problem("question-score", f"{where}: the question '{shown(qid)}' is scored {claimed:g}, but the answer "
                     f"{shown(json.dumps(answer, ensure_ascii=False))} gives {first:g}.")
        return first
