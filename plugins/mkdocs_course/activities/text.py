"""An activity's text in the course catalogs, by contexts made of ids:

- ``<activity>/title``, ``<activity>/description``
- ``<activity>/scale/<point>``
- ``<activity>/area/<area>/title``, ``.../item/<item>``, ``.../advice/<from>``
- ``<activity>/row/<row>``, ``<activity>/field/<field>/label`` (also ``hint``, ``example``)

Activity ids never equal a quiz's (collection.py), so contexts never meet.
One walk over the activity serves both: listing entries for translators, and
giving the activity in a language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..i18n.catalog import Entry, Translations
from .model import Activity

Get = Callable[[str, str, str], str]  # (context, source text, note for translators) -> text


def _walk(a: Activity, get: Get) -> Activity:
    def t(context, text, note):
        return get(f"{a.id}/{context}", text, note) if text else text

    return replace(
        a,
        title=t("title", a.title, f"Title of the activity '{a.id}' ({a.kind})."),
        description=t("description", a.description, "Introduction shown above the activity (Markdown)."),
        scale=tuple(replace(p, label=t(f"scale/{p.id}", p.label, "A step of the self-assessment's answer scale."))
                    for p in a.scale),
        areas=tuple(replace(
            area,
            title=t(f"area/{area.id}/title", area.title, f"Title of the self-assessment's area '{area.id}'."),
            items=tuple(replace(i, text=t(f"area/{area.id}/item/{i.id}", i.text,
                                          "A statement the learner rates on the scale (Markdown)."))
                        for i in area.items),
            advice=tuple(replace(b, text=t(f"area/{area.id}/advice/{b.start:g}", b.text,
                                           f"Advice for a result of {b.start:g}% or more in this area (Markdown)."))
                         for b in area.advice),
        ) for area in a.areas),
        rows=tuple(replace(r, label=t(f"row/{r.id}", r.label, "Heading of a row of the action plan (plain text)."))
                   for r in a.rows),
        fields=tuple(replace(
            f,
            label=t(f"field/{f.id}/label", f.label, "Label of a field of the action plan (plain text)."),
            hint=t(f"field/{f.id}/hint", f.hint, "A hint under the field (plain text)."),
            example=t(f"field/{f.id}/example", f.example, "An example of what to write (plain text)."),
        ) for f in a.fields),
    )


def activity_entries(activity: Activity) -> list[Entry]:
    """The translatable text of one activity, in file order."""
    out: list[Entry] = []

    def record(context, text, note):
        out.append(Entry(context, text, note, [(activity.source, None)]))
        return text

    _walk(activity, record)
    return out


def translate(translations: Translations, activity: Activity) -> Activity:
    """The activity with its text in the translations' language; ids, points
    and weights unchanged (its version too, so results carry across)."""
    return _walk(activity, lambda context, text, note: translations.get(context, text))


def translated_share(translations: Translations, activity: Activity) -> float:
    entries = activity_entries(activity)
    return sum(1 for e in entries if translations.has(e.context, e.text)) / len(entries) if entries else 0.0
