"""Quizzes: load and validate YAML into a model, render it to HTML.

Nothing here depends on MkDocs; the adapter in ``mkdocs_course.mkdocs`` calls in.
"""

from .collection import QuizCollection
from .errors import QuizError
from .loader import load_quiz
from .model import Question, Quiz
from .placement import find_placements, replace_placements
from .render import QuizRenderer

__all__ = [
    "Question",
    "Quiz",
    "QuizCollection",
    "QuizError",
    "QuizRenderer",
    "find_placements",
    "load_quiz",
    "replace_placements",
]
