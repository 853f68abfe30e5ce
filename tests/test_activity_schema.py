"""The activity JSON Schema (for editors) agrees with the loader (for the build).

The loader in ``mkdocs_course.activities.loader`` is the authority; the schema
gives authors completion and early warnings in their editor. These tests pin
it to the loader: the same keys and kinds, every activity of the demo and
every example in docs/activities.md accepted by both, and the same mistakes
refused by both."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator
from mkdocs_course.activities.loader import (AREA_KEYS, BAND_KEYS, FIELD_KEYS, ITEM_KEYS, KEYS, MAX_ROWS, ROW_KEYS,
                                              SCALE_KEYS, load_activity)
from mkdocs_course.activities.model import ACTION_PLAN, FIELD_KINDS, KINDS, SELF_ASSESSMENT, ActivityError

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "plugins" / "mkdocs_course" / "activities" / "activity.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
DEFS = SCHEMA["definitions"]
VALIDATOR = Draft7Validator(SCHEMA)
DEMO = sorted((ROOT / "activities").glob("*.yml"))
MODELINE = "# yaml-language-server: $schema=../plugins/mkdocs_course/activities/activity.schema.json"
GUIDE = ROOT / "docs" / "activities.md"


def schema_accepts(data) -> bool:
    return not list(VALIDATOR.iter_errors(data))


def loader_accepts(data) -> bool:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    try:
        load_activity(text.encode("utf-8"), "activities/sample.yml")
    except ActivityError:
        return False
    return True


def demo(kind: str) -> dict:
    for path in DEMO:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] == kind:
            return data
    raise AssertionError(f"the demo has no {kind}")


def test_the_schema_is_a_valid_draft_7_schema():
    Draft7Validator.check_schema(SCHEMA)


def test_the_schema_names_the_loaders_keys_and_kinds():
    assert set(SCHEMA["properties"]["kind"]["enum"]) == set(KINDS)
    assert set(DEFS["selfAssessment"]["properties"]) == set(KEYS[SELF_ASSESSMENT])
    assert set(DEFS["actionPlan"]["properties"]) == set(KEYS[ACTION_PLAN])
    for name, keys in (("scalePoint", SCALE_KEYS), ("area", AREA_KEYS), ("item", ITEM_KEYS), ("band", BAND_KEYS),
                       ("row", ROW_KEYS), ("field", FIELD_KEYS)):
        assert set(DEFS[name]["properties"]) == set(keys), name
    assert set(DEFS["field"]["properties"]["kind"]["enum"]) == set(FIELD_KINDS)
    assert DEFS["actionPlan"]["properties"]["rows"]["oneOf"][0]["maximum"] == MAX_ROWS


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name)
def test_every_demo_activity_is_accepted_by_both_and_points_editors_at_the_schema(path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    assert (path.parent / MODELINE.split("=", 1)[1]).resolve() == SCHEMA_PATH
    load_activity(text.encode("utf-8"), str(path))
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) == []


def test_every_example_in_the_guide_is_accepted_by_both():
    blocks = re.findall(r"^```yaml\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.M | re.S)
    examples = [b for b in blocks if re.search(r"^kind: ", b, re.M)]
    assert len(examples) >= 2
    for text in examples:
        load_activity(text.encode("utf-8"), "docs/activities.md")
        assert list(VALIDATOR.iter_errors(yaml.safe_load(text))) == []


def _set(path, value):
    def change(data):
        *parents, last = path
        node = data
        for key in parents:
            node = node[key]
        if value is KeyError:
            del node[last]
        else:
            node[last] = value
    return change


MISTAKES = {
    SELF_ASSESSMENT: {
        "no kind": _set(["kind"], KeyError),
        "unknown kind": _set(["kind"], "quiz"),
        "no title": _set(["title"], KeyError),
        "empty title": _set(["title"], "  "),
        "unknown key": _set(["pass_mark"], 70),
        "a key of an action plan": _set(["rows"], 3),
        "one scale step": lambda d: d.update(scale=d["scale"][:1]),
        "negative points": _set(["scale", 0, "points"], -1),
        "points as words": _set(["scale", 0, "points"], "none"),
        "bad scale id": _set(["scale", 0, "id"], "not yet"),
        "no areas": _set(["areas"], []),
        "area without advice": _set(["areas", 0, "advice"], KeyError),
        "item without text": _set(["areas", 0, "items", 0, "text"], KeyError),
        "zero weight": _set(["areas", 0, "items", 0, "weight"], 0),
        "unknown item key": _set(["areas", 0, "items", 0, "points"], 2),
        "band above 100": _set(["areas", 0, "advice", -1, "from"], 120),
        "band without text": _set(["areas", 0, "advice", 0, "text"], KeyError),
    },
    ACTION_PLAN: {
        "no fields": _set(["fields"], []),
        "unknown field kind": _set(["fields", 0, "kind"], "number"),
        "field without label": _set(["fields", 0, "label"], KeyError),
        "unknown field key": _set(["fields", 0, "placeholder"], "x"),
        "too many rows": _set(["rows"], MAX_ROWS + 1),
        "no rows": _set(["rows"], 0),
        "rows as words": _set(["rows"], "three"),
        "a key of a self-assessment": _set(["scale"], []),
    },
}


@pytest.mark.parametrize("kind,mistake", [(k, m) for k, ms in MISTAKES.items() for m in ms])
def test_a_mistake_is_refused_by_both(kind, mistake):
    data = copy.deepcopy(demo(kind))
    assert loader_accepts(data) and schema_accepts(data)
    MISTAKES[kind][mistake](data)
    assert not loader_accepts(data), "the loader accepts it"
    assert not schema_accepts(data), "the schema accepts it"
