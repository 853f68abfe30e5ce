"""Load an activity file (``activities/*.yml``) into the Activity model.

The file conventions are the quizzes': UTF-8 YAML, one activity per file,
stable ids. Every problem raises ActivityError with file, line, column,
activity id, area or item id, what was found and what was expected.
"""

from __future__ import annotations

from pathlib import Path

from ..quiz.errors import QuizError
from ..quiz.fields import ID_PATTERN, ID_RULE, FieldReader, found
from ..quiz.yamlsource import Mapping, Position, Sequence, decode, parse_document
from .model import (ACTION_PLAN, FIELD_KINDS, KINDS, SELF_ASSESSMENT, Activity, ActivityError, Area, Band, Field, Row,
                    ScalePoint, Statement)

COMMON_KEYS = ("id", "kind", "title", "description")
KEYS = {
    SELF_ASSESSMENT: COMMON_KEYS + ("scale", "areas"),
    ACTION_PLAN: COMMON_KEYS + ("rows", "fields"),
}
SCALE_KEYS = ("id", "label", "points")
AREA_KEYS = ("id", "title", "items", "advice")
ITEM_KEYS = ("id", "text", "weight")
BAND_KEYS = ("from", "text")
ROW_KEYS = ("id", "label")
FIELD_KEYS = ("id", "label", "kind", "hint", "example")
MAX_ROWS = 50


def load_activity(data: bytes, source: str) -> Activity:
    """One activity file's bytes as a validated Activity; ``source`` is the
    path shown in messages. Raises ActivityError for any problem."""
    try:
        text = decode(data, source)
        document, position = parse_document(text, source)
    except ActivityError:
        raise
    except QuizError as exc:  # the YAML layer's: same place, an activity's wording
        raise ActivityError(exc.source, (exc.line, exc.column), exc.problem, exc.advice) from None
    return _ActivityReader(source).read(document, position)


class _ActivityReader(FieldReader):
    ERROR = ActivityError

    def read(self, document, position=Position(1, 1)) -> Activity:
        top = self.mapping(document, position, "the top level of an activity file")
        stem = Path(self.source).stem
        if "id" in top:
            self.quiz_id = self.label(top, None)
            activity_id = self.ident(top, "id", "activity")
        elif ID_PATTERN.fullmatch(stem):
            activity_id = stem
        else:
            self.fail(top.position, f"the file name '{stem}' cannot serve as the activity id",
                      "Add an 'id:' line, or rename the file. " + ID_RULE)
        self.quiz_id = activity_id
        if "kind" not in top:
            self.fail(top.position, "the activity has no 'kind'",
                      "Add 'kind: self-assessment' or 'kind: action-plan'.")
        kind = self.choice(top, "kind", "the activity", KINDS, SELF_ASSESSMENT)
        required = ("title", "scale", "areas") if kind == SELF_ASSESSMENT else ("title", "fields")
        other = KEYS[ACTION_PLAN if kind == SELF_ASSESSMENT else SELF_ASSESSMENT]
        for key in top:
            if key not in KEYS[kind] and key in other:
                self.fail(top.key_positions[key], f"the key '{key}' does not apply to a {kind}",
                          f"It belongs to {'an' if kind == SELF_ASSESSMENT else 'a'} "
                          f"{ACTION_PLAN if kind == SELF_ASSESSMENT else SELF_ASSESSMENT}; remove it, or change 'kind'.")
        self.check_keys(top, KEYS[kind], required, f"a {kind}")
        title = self.text(top, "title", "the activity", required=True, inline=True)
        description = self.text(top, "description", "the activity")
        if kind == SELF_ASSESSMENT:
            scale = self.scale(top)
            areas = self.areas(top)
            return Activity(activity_id, kind, title, self.source, description, scale=scale, areas=areas)
        rows = self.rows(top)
        fields = self.fields(top)
        return Activity(activity_id, kind, title, self.source, description, rows=rows, fields=fields)

    # -- self-assessment -----------------------------------------------------

    def entries(self, parent: Mapping, key: str, what: str, noun: str, keys, required, at_least=1, within=""):
        """Each entry of a list of mappings, with its position and a checked id;
        messages name the entry (``within`` names what holds it)."""
        listed = self.sequence(parent, key, what, at_least=at_least, noun=noun)
        seen: dict = {}
        outer = self.question_id
        for index, value in enumerate(listed):
            pos = listed.item_positions[index]
            self.question_id = outer
            m = self.mapping(value, pos, f"{noun[:-1]} {index + 1} of '{key}'")
            label = self.label(m, None)
            if label:
                self.question_id = f"{within}{noun[:-1]} '{label}'"
            self.check_keys(m, keys, required, f"{noun[:-1]} {index + 1} of '{key}'")
            if "id" in m:
                ident = self.ident(m, "id", noun[:-1])
                self.unique(seen, ident, m.value_positions["id"], noun[:-1])
            yield m, index, pos
            self.question_id = outer

    def scale(self, top: Mapping) -> tuple[ScalePoint, ...]:
        points = []
        for m, index, pos in self.entries(top, "scale", "the scale", "scale points", SCALE_KEYS, SCALE_KEYS, 2):
            self.question_id = f"scale point '{m['id']}'"
            label = self.text(m, "label", "the scale point", required=True, inline=True)
            value = self.number(m, "points", "the scale point")
            if value < 0:
                self.fail(m.value_positions["points"], f"'points' is {found(m, 'points')}; it must be 0 or more",
                          "Give the lowest step 0 points, e.g. 'points: 0'.")
            points.append(ScalePoint(m["id"], label, value))
        self.question_id = None
        if max(p.points for p in points) <= 0:
            self.fail(top.value_positions["scale"], "every step of the scale has 0 points, so no result can be worked out",
                      "Give the highest step the most points, e.g. 'not yet' 0, 'partly' 1, 'fully' 2.")
        return tuple(points)

    def areas(self, top: Mapping) -> tuple[Area, ...]:
        areas, item_ids = [], {}
        for m, index, pos in self.entries(top, "areas", "the self-assessment", "areas", AREA_KEYS,
                                          ("id", "title", "items", "advice")):
            area_id = m["id"]
            self.question_id = f"area '{area_id}'"
            title = self.text(m, "title", "the area", required=True, inline=True)
            items = []
            for item, _, _ in self.entries(m, "items", "the area", "items", ITEM_KEYS, ("id", "text"),
                                           within=f"area '{area_id}', "):
                self.question_id = f"area '{area_id}', item '{item['id']}'"
                # item ids are unique over the activity: saved answers key on them
                self.unique(item_ids, item["id"], item.value_positions["id"], "item")
                weight = 1.0
                if "weight" in item:
                    weight = self.number(item, "weight", "the item",
                                         "Write a positive number such as 'weight: 2' (1 when left out).")
                    if weight <= 0:
                        self.fail(item.value_positions["weight"],
                                  f"'weight' is {found(item, 'weight')}; it must be a positive number",
                                  "Write for example 'weight: 2', or remove it for the usual weight 1.")
                items.append(Statement(item["id"], self.text(item, "text", "the item", required=True), weight))
            self.question_id = f"area '{area_id}'"
            areas.append(Area(area_id, title, tuple(items), self.bands(m)))
        self.question_id = None
        return tuple(areas)

    def bands(self, area: Mapping) -> tuple[Band, ...]:
        bands = []
        for m, index, pos in self.entries(area, "advice", "the area", "bands", BAND_KEYS, BAND_KEYS):
            self.question_id = f"area '{area.get('id')}', band {index + 1}"
            start = self.number(m, "from", "the advice", "Write a percentage from 0 to 100, e.g. 'from: 50'.")
            if not 0 <= start <= 100:
                self.fail(m.value_positions["from"], f"'from' is {found(m, 'from')}; it must be a percentage from 0 to 100",
                          "Write for example 'from: 50' (no '%' sign).")
            if bands and start <= bands[-1].start:
                self.fail(m.value_positions["from"],
                          f"this band starts at {found(m, 'from')}, not above the band before it "
                          f"({bands[-1].start:g})", "List the bands from the lowest to the highest 'from'.")
            if not bands and start != 0:
                self.fail(m.value_positions["from"],
                          f"the first band starts at {found(m, 'from')}, so a result below it would have no advice",
                          "Start the first band at 'from: 0', so the bands cover 0 to 100 %.")
            bands.append(Band(start, self.text(m, "text", "the advice", required=True)))
        return tuple(bands)

    # -- action plan ---------------------------------------------------------

    def rows(self, top: Mapping) -> tuple[Row, ...]:
        if "rows" not in top:
            return (Row("1", ""),)
        value = top["rows"]
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1 <= value <= MAX_ROWS:
                self.fail(top.value_positions["rows"], f"'rows' is {value}; it must be from 1 to {MAX_ROWS}",
                          "Write for example 'rows: 3', or list the rows with an 'id' and a 'label' each.")
            return tuple(Row(str(n), "") for n in range(1, value + 1))
        if not isinstance(value, Sequence):
            self.fail(top.value_positions["rows"],
                      f"'rows' must be a number or a list of rows, but found {found(top, 'rows')}",
                      "Write for example 'rows: 3', or list the rows with an 'id' and a 'label' each.")
        rows = []
        for m, _, _ in self.entries(top, "rows", "the action plan", "rows", ROW_KEYS, ROW_KEYS):
            self.question_id = f"row '{m['id']}'"
            rows.append(Row(m["id"], self.text(m, "label", "the row", required=True, inline=True)))
        self.question_id = None
        return tuple(rows)

    def fields(self, top: Mapping) -> tuple[Field, ...]:
        fields = []
        for m, _, _ in self.entries(top, "fields", "the action plan", "fields", FIELD_KEYS, ("id", "label")):
            self.question_id = f"field '{m['id']}'"
            fields.append(Field(
                m["id"],
                self.text(m, "label", "the field", required=True, inline=True),
                self.choice(m, "kind", "the field", FIELD_KINDS, "text"),
                self.text(m, "hint", "the field", inline=True),
                self.text(m, "example", "the field", inline=True),
            ))
        self.question_id = None
        return tuple(fields)
