"""How much of ``cmi.suspend_data`` a course's progress may take, computed
at export time from the build manifest, in the bridge's format
(``assets/js/scorm-suspend.js``, whose comment describes it).

The bridge always keeps, for every quiz, the attempt that decides its status
(first pass, else best) as a summary, then the unfinished attempts whole;
what resuming needs is at least that. The worst case counted here is every
module's deciding attempt at its longest (an attempt id as long as the
runtime makes them, a perfect score, an attempt lasting weeks, made on an
older version of the quiz) plus one unfinished attempt of the largest quiz,
every question answered with every option, typed answers of
``TYPED_ANSWER`` characters; with every page to read read (marked as done,
at a time that needs its longest form) and every required activity saved at
its longest: a self-assessment with every statement answered and three
results kept (the bridge keeps the first and the last two), an action plan
with every field of every row holding ``PLAN_TEXT`` characters. More
unfinished attempts, every attempt whole, and a plan's longer text are kept
while they fit; the browser keeps everything either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

LIMITS = {"1.2": 4096, "2004": 64000}
TYPED_ANSWER = 60
PLAN_TEXT = 200  # characters per field of an action plan, in the worst case counted
RESULTS_KEPT = 3  # a self-assessment's first and last two results
TIME = "2026-12-31T23:59:59.999Z"  # an ISO time, at its longest
ID_LENGTH = 17  # C.uid(): 8 base-36 digits of time, "-", 8 random ones
VERSION_LENGTH = 12
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
PREFIX = "mc1"


def quiz_key(quiz_id: str, size: int = 3) -> str:
    """FNV-1a of the id, base 36, ``size`` digits (as C.scorm.quizKey)."""
    h = 0x811C9DC5
    for char in quiz_id:
        h ^= ord(char)
        h = (h * 0x01000193) & 0xFFFFFFFF
    n, out = h % 36 ** size, ""
    for _ in range(size):
        out = DIGITS[n % 36] + out
        n //= 36
    return out


def key_size(quiz_ids: list[str]) -> int:
    """The fewest digits (at least 3) that give every quiz its own key."""
    for size in range(3, 7):
        if len({quiz_key(q, size) for q in quiz_ids}) == len(quiz_ids):
            return size
    return 7


def _compact(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _digits(ids: list[str]) -> object:
    return "0" * len(ids) if len(ids) <= 36 else [f"{i:>064}" for i in ids]


def worst_summary() -> str:
    """id|score|seconds|late|version|lang|passed, at their longest but lang."""
    return "|".join(["z" * ID_LENGTH, "100", "9999999", "9", "0" * VERSION_LENGTH, "", "1"])


def worst_draft(module: dict) -> list:
    """An unfinished attempt of ``module`` at its longest but one answer."""
    questions = module.get("questions", [])
    shown = questions[: module["draw"]] if module.get("draw") else questions
    positions = [DIGITS[i] if i < 36 else str(i) for i in range(len(shown))]
    answers, orders = {}, {}
    for i, q in zip(positions, shown):
        options = q.get("options") or (["true", "false"] if q["type"] == "true_false" else [])
        if q["type"] in ("single", "multiple", "ordering", "true_false", "matching") and options:
            orders[i] = _digits(options)
        if q["type"] in ("fill_blank", "numeric"):
            answers[i] = "w" * TYPED_ANSWER
        elif q["type"] == "true_false":
            answers[i] = 1
        elif q["type"] == "single":
            answers[i] = "0"
        else:
            answers[i] = _digits(options)
    fields = {"s": -9_999_999, "q": _digits([q["id"] for q in shown]), "o": orders, "a": answers,
              "k": "1" * max(0, len(shown) - 1), "v": "0" * VERSION_LENGTH, "c": 1}
    return ["z" * ID_LENGTH, fields]


def worst_read() -> str:
    """A read mark: "b" (Mark as done) and the time in ms, base 36."""
    return "b" + "z" * 9


def worst_activity(activity: dict) -> dict:
    """A required activity (the build manifest's ``required_activities``) at its longest, as kept."""
    if activity["kind"] == "action-plan":
        rows = activity.get("rows") or ["1"]
        return {"kind": "action-plan", "rows": {r: {f: "w" * PLAN_TEXT for f in activity.get("fields", [])}
                                                 for r in rows}, "updated": TIME}
    scale = max(activity.get("scale") or ["x"], key=len)
    answers = {item: scale for item in activity.get("items", [])}
    result = {"date": TIME, "version": "0" * VERSION_LENGTH, "answers": answers,
              "areas": {area: 100 for area in activity.get("areas", [])}}
    return {"kind": "self-assessment", "version": "0" * VERSION_LENGTH, "answers": answers,
            "results": [result] * RESULTS_KEPT}


@dataclass(frozen=True)
class SuspendEstimate:
    version: str
    limit: int
    needed: int  # characters, worst case as the module docstring defines it
    modules: int
    key_size: int
    readings: int = 0
    activities: int = 0

    @property
    def fits(self) -> bool:
        return self.needed <= self.limit


def estimate(modules: list[dict], version: str, readings: list[str] = (),
             activities: list[dict] = ()) -> SuspendEstimate:
    """The worst case for a course's modules, pages to read (ids) and
    required activities (the build manifest's)."""
    size = key_size([m["quiz"] for m in modules])
    needed = len(PREFIX) + _compact({"q": {}, "r": "z" * 9})
    for n, _module in enumerate(modules):
        # "key":"summary", and a comma between quizzes
        needed += size + 2 + 1 + _compact(worst_summary()) + (1 if n else 0)
    if modules:
        # one quiz holds [summary, draft]
        needed += 2 + 1 + max(_compact(worst_draft(m)) for m in modules)
    if readings:
        needed += len(',"p":') + _compact({page: worst_read() for page in readings})
    if activities:
        needed += len(',"a":') + _compact({a["id"]: worst_activity(a) for a in activities})
    return SuspendEstimate(version, LIMITS[version], needed, len(modules), size, len(readings), len(activities))


def advice(found: SuspendEstimate, title: str) -> str:
    """The warning when the worst case does not fit, for the trainer."""
    text = (
        f"{title}: SCORM {found.version} keeps at most {found.limit:,} characters of a learner's "
        f"progress (cmi.suspend_data); this course may need up to {found.needed:,}: the deciding "
        f"attempt of each of its {found.modules} modules and one unfinished attempt"
        + (f", {found.readings} pages read" if found.readings else "")
        + (f", {found.activities} required activities" if found.activities else "") + "."
    )
    if found.version == "1.2":
        text += " Export with --version 2004 (64,000 characters), or split the course into smaller packages."
    else:
        text += " Split the course into smaller packages."
    return text + (
        " What does not fit stays in the learner's browser only: the LMS will not have it on "
        "another device or browser."
    )
