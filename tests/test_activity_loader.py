"""Every problem in an activity file, or in a page placing one, reaches the
author as one exact message: ``path:line:column: activity 'id', area 'a',
item 'i': what was found. What to do.``; and a build stops on it."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.exceptions import Abort
from mkdocs_course.activities import ActivityCollection, ActivityError, load_activity
from mkdocs_course.activities.text import activity_entries

from conftest import build_site

SOURCE = "activities/baseline.yml"
ASSESSMENT = """\
id: baseline
kind: self-assessment
title: Where do you stand?
scale:
  - {id: not-yet, label: Not yet, points: 0}
  - {id: partly, label: Partly, points: 1}
  - {id: fully, label: Fully in place, points: 2}
areas:
  - id: pay
    title: Equal pay
    items:
      - {id: review, text: We review pay every year., weight: 3}
      - {id: grades, text: Every job has a pay grade.}
    advice:
      - {from: 0, text: Begin with a pay review.}
      - {from: 50, text: "You have started; next, grade every job."}
"""
PLAN = """\
id: plan
kind: action-plan
title: My plan
rows: 2
fields:
  - {id: action, label: Action, hint: One change., example: Review pay}
  - {id: when, label: By when, kind: date}
"""


def error(text: str, old: str = "", new: str = "", source: str = SOURCE) -> str:
    data = textwrap.dedent(text).replace(old, new, 1) if old else textwrap.dedent(text)
    with pytest.raises(ActivityError) as info:
        load_activity(data.encode("utf-8"), source)
    return str(info.value)


def test_a_valid_self_assessment_and_its_results():
    activity = load_activity(ASSESSMENT.encode(), SOURCE)
    pay = activity.areas[0]
    assert [i.weight for i in pay.items] == [3, 1]
    # 3 x 1 + 1 x 2 = 5 of 3 x 2 + 1 x 2 = 8 -> 62.5 -> 63 (as the browser rounds)
    assert activity.area_result(pay, {"review": "partly", "grades": "fully"}) == 63
    assert pay.band(63).text == "You have started; next, grade every job."
    assert pay.band(49).text == "Begin with a pay review."
    # wording is not part of the version: a translation keeps results
    reworded = load_activity(ASSESSMENT.replace("Equal pay", "Pay").encode(), SOURCE)
    assert reworded.version == activity.version
    reweighted = load_activity(ASSESSMENT.replace("weight: 3", "weight: 2").encode(), SOURCE)
    assert reweighted.version != activity.version


def test_a_valid_action_plan():
    plan = load_activity(PLAN.encode(), "activities/plan.yml")
    assert [r.id for r in plan.rows] == ["1", "2"]
    assert [(f.id, f.kind) for f in plan.fields] == [("action", "text"), ("when", "date")]
    listed = load_activity(PLAN.replace("rows: 2", "rows:\n  - {id: first, label: First step}").encode(),
                           "activities/plan.yml")
    assert [(r.id, r.label) for r in listed.rows] == [("first", "First step")]


@pytest.mark.parametrize("old, new, message", [
    ("kind: self-assessment", "kind: survey",
     "activities/baseline.yml:2:7: activity 'baseline': 'kind' of the activity must be one of: self-assessment, "
     "action-plan, but found the text 'survey'. Write for example 'kind: self-assessment'."),
    ("kind: self-assessment\n", "",
     "activities/baseline.yml:1:1: activity 'baseline': the activity has no 'kind'. Add 'kind: self-assessment' "
     "or 'kind: action-plan'."),
    ("title: Where", "titel: Where",
     "activities/baseline.yml:3:1: activity 'baseline': unknown key 'titel' in a self-assessment. Did you mean "
     "'title'? Valid keys here: id, kind, title, description, scale, areas."),
    ("areas:", "rows: 3\nareas:",
     "activities/baseline.yml:8:1: activity 'baseline': the key 'rows' does not apply to a self-assessment. It "
     "belongs to an action-plan; remove it, or change 'kind'."),
    ("scale:\n  - {id: not-yet, label: Not yet, points: 0}\n  - {id: partly, label: Partly, points: 1}\n"
     "  - {id: fully, label: Fully in place, points: 2}", "scale: []",
     "activities/baseline.yml:4:8: activity 'baseline': the scale has no scale points. Add scale points under 'scale:'."),
    ("points: 1}\n  - {id: fully, label: Fully in place, points: 2}", "points: 0}",
     "activities/baseline.yml:5:3: activity 'baseline': every step of the scale has 0 points, so no result can be "
     "worked out. Give the highest step the most points, e.g. 'not yet' 0, 'partly' 1, 'fully' 2."),
    ("{id: partly, label: Partly, points: 1}", "{id: partly, label: Partly, points: -1}",
     "activities/baseline.yml:6:41: activity 'baseline', scale point 'partly': 'points' is '-1'; it must be 0 or "
     "more. Give the lowest step 0 points, e.g. 'points: 0'."),
    ("{id: partly, label: Partly, points: 1}", "{id: not-yet, label: Partly, points: 1}",
     "activities/baseline.yml:6:10: activity 'baseline', scale point 'not-yet': the scale point id 'not-yet' is used "
     "twice (first on line 5). Give each scale point its own id."),
    ("weight: 3", "weight: 0",
     "activities/baseline.yml:12:63: activity 'baseline', area 'pay', item 'review': 'weight' is '0'; it must be a "
     "positive number. Write for example 'weight: 2', or remove it for the usual weight 1."),
    ("weight: 3", "weight: heavy",
     "activities/baseline.yml:12:63: activity 'baseline', area 'pay', item 'review': 'weight' of the item must be a "
     "number, but found the text 'heavy'. Write a positive number such as 'weight: 2' (1 when left out)."),
    ("{id: grades,", "{id: review,",
     "activities/baseline.yml:13:14: activity 'baseline', area 'pay', item 'review': the item id 'review' is used "
     "twice (first on line 12). Give each item its own id."),
    ("{from: 0, text: Begin", "{from: 10, text: Begin",
     "activities/baseline.yml:15:16: activity 'baseline', area 'pay', band 1: the first band starts at '10', so a "
     "result below it would have no advice. Start the first band at 'from: 0', so the bands cover 0 to 100 %."),
    ("{from: 50,", "{from: 0,",
     "activities/baseline.yml:16:16: activity 'baseline', area 'pay', band 2: this band starts at '0', not above the "
     "band before it (0). List the bands from the lowest to the highest 'from'."),
    ("{from: 50,", "{from: 120,",
     "activities/baseline.yml:16:16: activity 'baseline', area 'pay', band 2: 'from' is '120'; it must be a "
     "percentage from 0 to 100. Write for example 'from: 50' (no '%' sign)."),
    ("    advice:\n      - {from: 0, text: Begin with a pay review.}\n"
     "      - {from: 50, text: \"You have started; next, grade every job.\"}\n", "",
     "activities/baseline.yml:9:5: activity 'baseline', area 'pay': area 1 of 'areas' has no 'advice'. Add 'advice:' "
     "to area 1 of 'areas'."),
    ("{id: grades, text: Every job has a pay grade.}", "{id: grades, text: ''}",
     "activities/baseline.yml:13:28: activity 'baseline', area 'pay', item 'grades': 'text' of the item is empty. "
     "Write the text of the item."),
])
def test_self_assessment_errors_are_precise(old, new, message):
    assert error(ASSESSMENT, old, new) == message


@pytest.mark.parametrize("old, new, message", [
    ("rows: 2", "rows: 0",
     "activities/plan.yml:4:7: activity 'plan': 'rows' is 0; it must be from 1 to 50. Write for example 'rows: 3', "
     "or list the rows with an 'id' and a 'label' each."),
    ("rows: 2", "rows: many",
     "activities/plan.yml:4:7: activity 'plan': 'rows' must be a number or a list of rows, but found the text "
     "'many'. Write for example 'rows: 3', or list the rows with an 'id' and a 'label' each."),
    ("kind: date}", "kind: calendar}",
     "activities/plan.yml:7:38: activity 'plan', field 'when': 'kind' of the field must be one of: text, line, date, "
     "but found the text 'calendar'. Write for example 'kind: text'."),
    ("fields:", "scale: []\nfields:",
     "activities/plan.yml:5:1: activity 'plan': the key 'scale' does not apply to a action-plan. It belongs to a "
     "self-assessment; remove it, or change 'kind'."),
    ("{id: when,", "{id: action,",
     "activities/plan.yml:7:10: activity 'plan', field 'action': the field id 'action' is used twice (first on line "
     "6). Give each field its own id."),
])
def test_action_plan_errors_are_precise(old, new, message):
    assert error(PLAN, old, new, "activities/plan.yml") == message


def test_yaml_syntax_errors_name_the_activity_file():
    message = error("id: x\nkind: [self-assessment\n", source="activities/x.yml")
    assert message.startswith("activities/x.yml:")
    assert "invalid YAML" in message


def test_ids_are_unique_across_activities_and_quizzes(tmp_path):
    folder = tmp_path / "activities"
    folder.mkdir()
    (folder / "a.yml").write_text(PLAN, encoding="utf-8")
    (folder / "b.yml").write_text(PLAN, encoding="utf-8")
    with pytest.raises(ActivityError) as info:
        ActivityCollection(folder, tmp_path).load()
    assert str(info.value) == (
        "activities/b.yml:1:1: activity 'plan': the id 'plan' is already used by activities/a.yml. Give each "
        "activity an id of its own, different from every quiz's and activity's (it defaults to the file name).")
    (folder / "b.yml").unlink()

    class Quiz:
        source = "quizzes/plan.yml"

    with pytest.raises(ActivityError, match="the id 'plan' is already used by quizzes/plan.yml"):
        ActivityCollection(folder, tmp_path).load({"plan": Quiz()})


def test_every_text_gets_a_catalog_context_from_ids():
    contexts = [e.context for e in activity_entries(load_activity(ASSESSMENT.encode(), SOURCE))]
    assert contexts == [
        "baseline/title", "baseline/scale/not-yet", "baseline/scale/partly", "baseline/scale/fully",
        "baseline/area/pay/title", "baseline/area/pay/item/review", "baseline/area/pay/item/grades",
        "baseline/area/pay/advice/0", "baseline/area/pay/advice/50",
    ]
    plan = [e.context for e in activity_entries(load_activity(PLAN.encode(), "activities/plan.yml"))]
    assert plan == ["plan/title", "plan/field/action/label", "plan/field/action/hint", "plan/field/action/example",
                    "plan/field/when/label"]


def course(project, page: str, activities: dict[str, str]):
    folder = project(pages={"index.md": page})
    (folder / "activities").mkdir()
    for name, text in activities.items():
        (folder / "activities" / name).write_text(text, encoding="utf-8")
    return folder


def test_a_page_placing_an_unknown_activity_stops_the_build(project, caplog):
    folder = course(project, "# Home\n\n[Self-assessment: x](activity:baselin)\n", {"baseline.yml": ASSESSMENT})
    with pytest.raises(Abort):
        build_site(folder)
    assert (
        "course: course/en/index.md:3:31: this page places the activity 'baselin', but no activity has that id. "
        "Known activity ids: baseline. An activity's id is the 'id' in its file under activities/, or else the file name.") in caplog.text


def test_a_stray_activity_link_stops_the_build_but_code_does_not(project, caplog):
    page = "# Home\n\nSee [this](activity:baseline) now.\n"
    folder = course(project, page, {"baseline.yml": ASSESSMENT})
    with pytest.raises(Abort):
        build_site(folder)
    assert ("course: course/en/index.md:3:12: this activity link shares its line with "
            "other text, so it would reach learners as a dead link.") in caplog.text
    (folder / "course/en/index.md").write_text(
        "# Home\n\n```\n[Self-assessment: x](activity:nothing)\n```\n\n`[a](activity:nothing)`\n\n"
        "[Self-assessment: Where](activity:baseline)\n", encoding="utf-8")
    site = build_site(folder)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('data-course-activity="baseline"') == 1
    assert "activity:nothing" in html  # the examples stay as written


def test_an_unplaced_activity_is_a_warning_that_strict_makes_fatal(project, caplog):
    folder = course(project, "# Home\n", {"baseline.yml": ASSESSMENT})
    with pytest.raises(Abort, match="warnings in strict mode"):
        build_site(folder)
    assert ("activities/baseline.yml: the activity 'baseline' is not placed on any page, so learners never see it."
            in caplog.text)
