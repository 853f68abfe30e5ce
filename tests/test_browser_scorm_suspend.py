"""What the SCORM bridge keeps in cmi.suspend_data (assets/js/scorm-suspend.js),
run in Chromium on synthetic progress (bench/export_bench.py's generator),
against the export's worst-case check (export/scorm_suspend.py)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from mkdocs_course.export.scorm_suspend import ID_LENGTH, TYPED_ANSWER, estimate, worst_activity
from mkdocs_course.runtime import scorm_assets

sys.path.insert(0, str(ROOT / "bench"))
import export_bench  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture
def bridge(page):
    page.set_content("<!doctype html><title>bridge</title>")
    page.add_script_tag(content=scorm_assets()[0].content.decode("utf-8"))
    return page


def pack(page, modules, stored, limit, key_size=3, extra=None):
    return page.evaluate(
        """([modules, stored, limit, keySize, extra]) => {
            const S = window.mkdocsCourse.scorm, course = {lang: 'en', modules, keySize};
            const packed = S.pack(course, stored, limit, 0, extra || undefined);
            const read = S.unpack(course, packed.text), back = read.stored;
            const status = {};
            for (const m of modules) {
                const s = S.quizState(back[m.quiz]);
                status[m.quiz] = [s.passed, s.best ? s.best.score : null];
            }
            return Object.assign(packed, {status, back, pages: read.pages, activities: read.activities});
        }""", [modules, stored, limit, key_size, extra])


def test_a_hundred_modules_with_several_attempts_each_fit_in_scorm_12(bridge):
    modules = export_bench.synthetic_modules(100)
    stored = export_bench.progress(modules, attempts=3)
    packed = pack(bridge, modules, stored, 4096)
    assert packed["size"] == len(packed["text"]) <= 4096
    # every module's status and best score come back from the LMS's copy
    for m in modules:
        attempts = stored[m["quiz"]]["attempts"]
        assert packed["status"][m["quiz"]] == [True, max(a["score"] for a in attempts)], m["quiz"]
    assert packed["kept"] >= 100 and packed["dropped"] > 0
    # 2004 holds far more: every attempt, and the unfinished ones whole
    roomy = pack(bridge, modules, stored, 64000)
    assert roomy["size"] <= 64000 and roomy["kept"] == 310
    first = modules[0]["quiz"]
    assert roomy["back"][first]["current"]["answers"] == stored[first]["current"]["answers"]


def worst_progress(modules):
    """Every module passed on an older version, as long as the export's check
    counts it, and the largest quiz's unfinished attempt at its longest."""
    stored, largest = {}, max(modules, key=lambda m: len(m["questions"]))
    finished = 1_790_000_000_000  # ms
    for n, m in enumerate(modules):
        # the id as C.uid() makes it just after finishing, 9 ms late
        done = {"id": export_bench.base36(finished + n + 9) + "-" + "z" * (ID_LENGTH - 9), "quiz": m["quiz"],
                "version": "f" * 12, "lang": "en", "started": export_bench.iso(finished + n - 9_999_999_000),
                "finished": export_bench.iso(finished + n), "score": 100, "passed": True}
        stored[m["quiz"]] = {"attempts": [done], "current": None}
    answers, orders = {}, {}
    for q in largest["questions"]:
        options = q.get("options") or ["true", "false"]
        if q.get("options") or q["type"] == "true_false":
            orders[q["id"]] = options
        answers[q["id"]] = {"single": options[0], "true_false": True, "fill_blank": "w" * TYPED_ANSWER,
                            "numeric": "9" * TYPED_ANSWER, "matching": dict(zip(options, q.get("choices") or []))
                            }.get(q["type"], options)
    ids = [q["id"] for q in largest["questions"]]
    stored[largest["quiz"]]["current"] = {
        "id": export_bench.base36(finished) + "-" + "z" * 8, "quiz": largest["quiz"], "version": "f" * 12,
        "lang": "en", "started": export_bench.iso(finished - 9_999_999), "finished": None, "questions": ids, "orders": orders,
        "answers": answers, "scores": {k: 1 for k in ids[:-1]}, "score": None, "passed": None}
    return stored


@pytest.mark.parametrize("count", [6, 60])
def test_the_export_check_is_an_upper_bound_of_what_the_bridge_writes(bridge, count):
    modules = export_bench.synthetic_modules(count)
    found, stored = estimate(modules, "1.2"), worst_progress(modules)
    largest = max(modules, key=lambda m: len(m["questions"]))["quiz"]

    def holds_what_resuming_needs(limit):
        packed = pack(bridge, modules, stored, limit, found.key_size)
        draft = (packed["back"].get(largest) or {}).get("current")
        return all(passed for passed, _ in packed["status"].values()) and bool(draft) and (
            draft["answers"] == stored[largest]["current"]["answers"])

    # what the check counts is enough, and not much more than enough
    assert holds_what_resuming_needs(found.needed)
    assert not holds_what_resuming_needs(found.needed - 40)


def test_a_course_too_large_for_scorm_12_still_keeps_every_quizs_status_first(bridge):
    modules = export_bench.synthetic_modules(70)
    assert not estimate(modules, "1.2").fits or estimate(modules, "1.2").needed > 3900
    packed = pack(bridge, modules, worst_progress(modules), 4096)
    assert packed["size"] <= 4096
    kept = [q for q, (passed, _) in packed["status"].items() if passed]
    # the deciding attempts come first, in module order; the draft waits
    assert kept == [m["quiz"] for m in modules[: len(kept)]] and len(kept) >= 60


READ_TIME = export_bench.iso(36 ** 8)  # its time in ms takes 9 base-36 digits


def to_do():
    """Pages to read and required activities as the build manifest has them, and
    each saved at its longest (export/scorm_suspend.py's worst case)."""
    readings = [f"reading-page-{n:02}" for n in range(8)]
    activities = [
        {"id": "baseline", "kind": "self-assessment", "fields": [], "rows": [],
         "items": [f"statement-{n}" for n in range(12)], "areas": ["pay", "safety", "culture"],
         "scale": ["not-yet", "partly", "fully-in-place"]},
        {"id": "plan", "kind": "action-plan", "fields": ["action", "who", "when"], "rows": ["1", "2", "3"],
         "items": [], "areas": [], "scale": []},
    ]
    extra = {"pages": {p: {"schema": 1, "read": READ_TIME, "how": "button"} for p in readings},
             "activities": [{"id": a["id"], "data": {"schema": 1, **worst_activity(a)}, "required": True}
                            for a in activities]}
    return readings, activities, extra


@pytest.mark.parametrize("count", [6, 30])
def test_the_export_check_counts_pages_read_and_activities_too(bridge, count):
    modules = export_bench.synthetic_modules(count)
    readings, activities, extra = to_do()
    found, stored = estimate(modules, "1.2", readings, activities), worst_progress(modules)
    assert found.needed > estimate(modules, "1.2").needed + 3000
    largest = max(modules, key=lambda m: len(m["questions"]))["quiz"]

    def holds_what_resuming_needs(limit):
        packed = pack(bridge, modules, stored, limit, found.key_size, extra)
        draft = (packed["back"].get(largest) or {}).get("current")
        return all(passed for passed, _ in packed["status"].values()) and bool(draft) and (
            draft["answers"] == stored[largest]["current"]["answers"]) and (
            packed["pages"] == extra["pages"]) and (
            packed["activities"] == {x["id"]: x["data"] for x in extra["activities"]})

    assert holds_what_resuming_needs(found.needed)
    assert not holds_what_resuming_needs(found.needed - 40)


def test_pages_read_and_required_activities_come_before_unfinished_attempts(bridge):
    modules = export_bench.synthetic_modules(6)
    readings, activities, extra = to_do()
    stored = worst_progress(modules)
    needed = estimate(modules, "1.2", readings, activities).needed
    # without room for the draft, the statuses, the pages and the activities stay
    packed = pack(bridge, modules, stored, needed - 40, 3, extra)
    assert all(passed for passed, _ in packed["status"].values())
    assert packed["pages"] == extra["pages"] and set(packed["activities"]) == {"baseline", "plan"}
    # a self-assessment keeps its first and last two results
    many = {"schema": 1, **worst_activity(activities[0])}
    many["results"] = [dict(r, date=f"2026-01-{d:02}T10:00:00.000Z") for d, r in
                       enumerate(many["results"] * 2, start=1)]
    kept = pack(bridge, modules, {}, 64000, 3, {"pages": {}, "activities": [
        {"id": "baseline", "data": many, "required": True}]})
    assert [r["date"][8:10] for r in kept["activities"]["baseline"]["results"]] == ["01", "05", "06"]
