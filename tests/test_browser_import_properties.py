"""The standing attack suite, part 3: property-based import.

Hypothesis writes progress exports that follow progress-export.schema.json,
then mutates some of them (a value swapped for any JSON, a key dropped or
added, "__proto__" included, a number made 1e309, the text cut short). The
runtime's own reader, C.readProgressFile, reads each batch in one Chromium
page. It must never throw, and it must agree with the schema: a file is
imported exactly when the schema (plus the rules a schema cannot say: one
entry per quiz, none called "learner", attempts of the quiz they are listed
under, patterns and times matched whole) accepts it, foreign when it names
another course, damaged otherwise.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_course.progress import file_schemas
from test_browser_progress import COURSE, open_progress, progress_site  # noqa: F401

pytestmark = pytest.mark.browser

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)", re.ASCII)
KINDS = ("mkdocs-course/progress", "mkdocs-course/completion-record")


# -- the oracle: the schemas, read the way the browser reads them -----------------------------


def schema_validators():
    from jsonschema import Draft202012Validator, FormatChecker, validators
    from jsonschema.exceptions import ValidationError
    from referencing import Registry, Resource

    def pattern(validator, value, instance, schema):
        # ECMAScript's $ is the end of the text; Python's re.search also
        # matches before a final newline
        if isinstance(instance, str) and not re.search(value.removesuffix("$") + r"\Z", instance, re.ASCII):
            yield ValidationError(f"{instance!r} does not match {value!r}")

    checker = FormatChecker()
    checker.checks("date-time")(lambda v: not isinstance(v, str) or bool(TIME.fullmatch(v)))
    Strict = validators.extend(Draft202012Validator, {"pattern": pattern})
    found = {}
    for version in (1, 2):  # files of schema 1 (before pages to read) are still imported
        record, export = file_schemas(version)
        registry = Registry().with_resource(record["$id"], Resource.from_contents(record))
        found[KINDS[0], version] = Strict(export, registry=registry, format_checker=checker)
        found[KINDS[1], version] = Strict(record, registry=registry, format_checker=checker)
    return found


VALIDATORS = schema_validators()


def expected(text: str) -> str:
    """What the runtime must make of a file: imported, foreign or damaged."""
    try:
        data = json.loads(text)
    except ValueError:
        return "damaged"
    if not isinstance(data, dict) or type(data.get("schema")) is bool or data.get("schema") not in (1, 2):
        return "damaged"
    course = data.get("course")
    if data.get("kind") not in KINDS or not isinstance(course, dict) or not isinstance(course.get("id"), str):
        return "damaged"
    if course["id"] != COURSE:
        return "foreign"
    if not VALIDATORS[data["kind"], data["schema"]].is_valid(data):
        return "damaged"
    pages = [p["id"] for p in data.get("pages", []) if p["read"]]
    if len(set(pages)) != len(pages):
        return "damaged"
    ids = [q["id"] for q in data["quizzes"]]
    if len(set(ids)) != len(ids) or "learner" in ids:
        return "damaged"
    for q in data["quizzes"]:
        for a in q["attempts"] + ([q["current"]] if q.get("current") else []):
            if a.get("quiz", q["id"]) != q["id"]:
                return "damaged"
    return "imported"


# -- what Hypothesis writes ------------------------------------------------------------------

# ids: mostly names a plain object already answers to, now and then any id
NAMES = ["q1", "a", "x-1", "A_b", "constructor", "valueOf", "toString", "hasOwnProperty", "learner"]
ids = st.one_of(st.sampled_from(NAMES), st.from_regex(ID, fullmatch=True))
times = st.datetimes().map(lambda d: d.isoformat(timespec="milliseconds") + "Z")
short = st.one_of(st.sampled_from(["", "Amina", "\u0623\u0645\u064a\u0646\u0629", "<b>x</b>", "a\nb"]), st.text(max_size=6))
id_lists = st.lists(ids, max_size=3, unique=True)
answers = st.one_of(st.none(), st.booleans(), short, id_lists, st.dictionaries(ids, short, max_size=2))


@st.composite
def attempts(draw, quiz: str):
    finished = draw(st.one_of(st.none(), times))
    fields = {
        "quiz": st.just(quiz), "version": short, "lang": st.sampled_from(["en", "fr", "ar", ""]),
        "started": times, "questions": id_lists, "orders": st.dictionaries(ids, id_lists, max_size=2),
        "answers": st.dictionaries(ids, answers, max_size=2),
        "scores": st.dictionaries(ids, st.floats(0, 1), max_size=2),
        "right": st.one_of(st.none(), st.integers(0, 20)), "abandoned": st.booleans(),
    }
    attempt = {"id": draw(st.one_of(ids, st.sampled_from(["__proto__", "\u00e9t\u00e9"]), st.text(min_size=1, max_size=8))),
               "finished": finished}
    attempt.update(draw(st.fixed_dictionaries({}, optional=fields)))
    if finished is not None or draw(st.booleans()):
        attempt["score"] = draw(st.floats(0, 100))
        attempt["passed"] = draw(st.booleans())
    return attempt


@st.composite
def exports(draw):
    quiz_ids = draw(st.lists(ids.filter(lambda i: i != "learner"), max_size=2, unique=True))
    return {
        "schema": 1, "kind": KINDS[0], "generator": "mkdocs-course 0.1.0",
        "course": {"id": COURSE, "title": draw(short), "version": draw(st.from_regex(r"[0-9a-f]{12}", fullmatch=True))},
        "lang": "en", "created": draw(times),
        "learner": draw(st.one_of(st.none(), st.fixed_dictionaries({"name": short}))),
        "quizzes": [{"id": q, "attempts": draw(st.lists(attempts(q), max_size=2)),
                     "current": draw(st.one_of(st.none(), attempts(q)))} for q in quiz_ids],
    }


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=8), st.sampled_from(["__proto__", "constructor", "learner", COURSE, "", "80"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["__proto__", "constructor", "id", "x", "q1"]), inner, max_size=3)),
    max_leaves=6,
)


def places(value, path=()):
    """Every (path, value) inside a JSON value."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from places(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from places(v, path + (i,))


@st.composite
def files(draw):
    doc = draw(exports())
    how = draw(st.sampled_from(["none", "replace", "drop", "add", "infinite", "cut", "foreign"]))
    spots = list(places(doc))
    path, _ = draw(st.sampled_from(spots))
    if how in ("replace", "drop", "add") and path:
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        if how == "replace":
            parent[path[-1]] = draw(json_values)
        elif how == "drop":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(["__proto__", "constructor", "toString", "extra"]))] = draw(json_values)
    text = json.dumps(doc, allow_nan=False)
    if how == "infinite":
        numbers = [m.start() for m in re.finditer(r"(?<=: )-?\d+(\.\d+)?(e[-+]?\d+)?(?=[,}\]])", text)]
        if numbers:
            at = draw(st.sampled_from(numbers))
            end = re.match(r"-?\d+(\.\d+)?(e[-+]?\d+)?", text[at:]).end()
            text = text[:at] + draw(st.sampled_from(["1e309", "-1e309", "1e308"])) + text[at + end:]
    elif how == "foreign":
        text = text.replace(json.dumps(COURSE), json.dumps(draw(st.sampled_from(["other", "constructor", COURSE + " "]))), 1)
    elif how == "cut":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    return text


READ = """texts => texts.map(text => {
  try {
    const r = window.mkdocsCourse.readProgressFile(text, %s);
    if (r.error) return r.error;
    return Array.isArray(r.quizzes) && typeof r.learner === 'string' ? 'imported' : 'odd: ' + JSON.stringify(r);
  } catch (e) {
    return 'threw: ' + e;
  }
})""" % json.dumps(COURSE)


@pytest.mark.slow
def test_every_file_is_imported_or_refused_as_the_schema_says(page, progress_site):
    open_progress(page, progress_site)
    seen = {"imported": 0, "foreign": 0, "damaged": 0}

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
    @given(st.lists(files(), min_size=10, max_size=10))
    def batch(texts):
        results = page.evaluate(READ, texts)
        for text, result in zip(texts, results):
            assert result == expected(text), text[:2000]
            seen[result] += 1

    batch()
    # the generator reaches every outcome, so the property is not empty
    assert all(seen.values()), seen
