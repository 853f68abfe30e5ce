"""Activities beside quizzes: self-assessments and action plans (no MkDocs here)."""

from .collection import ActivityCollection
from .loader import load_activity
from .model import ACTION_PLAN, SELF_ASSESSMENT, Activity, ActivityError

__all__ = ["ACTION_PLAN", "SELF_ASSESSMENT", "Activity", "ActivityCollection", "ActivityError", "load_activity"]
