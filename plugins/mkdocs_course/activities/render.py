"""An Activity as HTML (templates/activity.html) with a small JSON payload.

Author text goes through the quizzes' Markdown (raw HTML off); advice for
every band is in the page, hidden, so the browser only shows one and never
parses HTML. Learner text is only ever set as a value or textContent.
"""

from __future__ import annotations

from markupsafe import Markup

from ..i18n.languages import is_rtl
from ..quiz.markup import QuizMarkdown
from ..quiz.render import script_json
from ..templating import template
from .model import SELF_ASSESSMENT, Activity

RUNTIME_STRINGS = (
    "activity_unanswered", "activity_results_ready", "activity_now", "activity_then", "activity_retake_started",
    "activity_saved", "activity_not_saved", "activity_row", "activity_self_assessment", "activity_action_plan",
)


class ActivityRenderer:
    """Renders activities with the interface strings of one language."""

    def __init__(self, course_id: str, language: str, strings: dict):
        self.course_id = course_id
        self.language = language
        self.strings = strings
        self._markdown = None

    @property
    def markdown(self) -> QuizMarkdown:
        if self._markdown is None:
            self._markdown = QuizMarkdown()
        return self._markdown

    def render(self, activity: Activity, text_language: str | None = None) -> str:
        md, base = self.markdown, f"ca-{activity.id}"
        text_language = text_language or self.language
        text = Markup("")
        if text_language != self.language:
            text = Markup(' lang="{}" dir="{}"').format(text_language, "rtl" if is_rtl(text_language) else "ltr")
        payload = {
            "course": self.course_id, "activity": activity.id, "kind": activity.kind, "version": activity.version,
            "title": activity.title,
            "strings": {k: self.strings[k] for k in RUNTIME_STRINGS},
        }
        view = {"base": base, "title": Markup(md.inline(activity.title)), "description": Markup(md.block(activity.description))}
        if activity.kind == SELF_ASSESSMENT:
            top = max(p.points for p in activity.scale)
            payload["scale"] = {p.id: p.points for p in activity.scale}
            payload["top"] = top
            payload["areas"] = [{"id": a.id, "items": [[i.id, i.weight] for i in a.items],
                                 "bands": [b.start for b in a.advice]} for a in activity.areas]
            view["scale"] = [{"id": p.id, "label": Markup(md.inline(p.label))} for p in activity.scale]
            view["areas"] = [{
                "id": a.id, "title": Markup(md.inline(a.title)),
                "items": [{"id": i.id, "text": Markup(md.inline(i.text))} for i in a.items],
                "advice": [{"start": b.start, "text": Markup(md.block(b.text))} for b in a.advice],
            } for a in activity.areas]
        else:
            payload["rows"] = [{"id": r.id, "label": r.label} for r in activity.rows]
            payload["fields"] = [{"id": f.id, "label": f.label} for f in activity.fields]
            # plain text (the export files hold it as written)
            view["rows"] = activity.rows
            view["fields"] = activity.fields
        return template("activity.html").render(
            activity=activity, view=view, t=self.strings, language=self.language,
            page_dir="rtl" if is_rtl(self.language) else "ltr", text=text, payload=script_json(payload),
        )
