"""A record's activities in a trainer's words, for `mkdocs-course verify`:
each self-assessment's last result per area (and the one before), each
action plan's text. Everything the learner wrote or the record names goes
through ``shown`` (control and bidi characters escaped), so it is only text."""

from __future__ import annotations

from .records import shown


def _day(value) -> str:
    return shown(str(value or "?")[:10])


def _areas(result: dict) -> str:
    return ", ".join(f"{shown(area)} {percent:g}%" for area, percent in result.get("areas", {}).items()) or "no area"


def activity_lines(data: dict) -> list[str]:
    """Lines (without indentation) describing every activity of a record."""
    lines = []
    for activity in data.get("activities") or []:
        name = shown(activity.get("id"))
        title = f" ({shown(activity['title'])})" if activity.get("title") else ""
        if activity.get("kind") == "action-plan":
            rows = activity.get("rows") or {}
            lines.append(f"action plan {name}{title}, updated {_day(activity.get('updated'))}:"
                         + ("" if any(any(v.strip() for v in r.values()) for r in rows.values()) else " empty"))
            for row, fields in rows.items():
                filled = [f"{shown(field)}: {shown(text)}" for field, text in fields.items() if text.strip()]
                if filled:
                    lines.append(f"  row {shown(row)}: " + "; ".join(filled))
            continue
        results = activity.get("results") or []
        if not results:
            lines.append(f"self-assessment {name}{title}: no result yet")
            continue
        now = results[-1]
        line = f"self-assessment {name}{title}, {_day(now.get('date'))}: {_areas(now)}"
        if len(results) > 1:
            line += f"; before, {_day(results[-2].get('date'))}: {_areas(results[-2])}"
        lines.append(line)
    return lines
