"""The one error a course author meets when a quiz or page is wrong."""

from __future__ import annotations

from ..errors import CourseError


class Position(tuple):
    """A 1-based (line, column) pair."""

    __slots__ = ()

    def __new__(cls, line: int, column: int):
        return super().__new__(cls, (line, column))

    @property
    def line(self) -> int:
        return self[0]

    @property
    def column(self) -> int:
        return self[1]

    @classmethod
    def of(cls, node) -> "Position":
        """Where a PyYAML node starts."""
        return cls(node.start_mark.line + 1, node.start_mark.column + 1)


class QuizError(CourseError):
    """A problem in a quiz file or in the page that places a quiz.

    The message reads ``file:line:column: [quiz 'id', question 'id':] what was
    found, and what was expected. What to do.`` so that editors and terminals
    can jump to the spot.
    """

    # How the message names the file's subject and its part (an activity's
    # error says "activity 'id', item 'id'").
    SUBJECT, PART = "quiz", "question"

    def __init__(
        self,
        source: str,
        position,
        problem: str,
        advice: str = "",
        *,
        quiz_id: str | None = None,
        question_id: str | None = None,
    ):
        self.source = source
        self.line, self.column = position if position else (1, 1)
        self.problem = problem
        self.advice = advice
        self.quiz_id = quiz_id
        self.question_id = question_id
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}:{self.column}"
        about = []
        if self.quiz_id:
            about.append(f"{self.SUBJECT} '{self.quiz_id}'")
        if self.question_id:
            about.append(f"{self.PART} '{self.question_id}'")
        prefix = f"{where}: " + (", ".join(about) + ": " if about else "")
        text = prefix + self.problem
        if not text.endswith("."):
            text += "."
        if self.advice:
            text += " " + self.advice
        return text
