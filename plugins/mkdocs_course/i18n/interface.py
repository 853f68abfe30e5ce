"""Every interface string a learner meets, in the source language.

Keys are stable; values are the English text. Placeholders in braces
(``{score}``) are filled in by the browser runtime or the renderer. The
translation issue turns this table into gettext catalog entries.
"""

INTERFACE = {
    # shown in the page by the renderer
    "quiz_label": "Self-check quiz",
    "quiz_summary": "{count} questions · pass mark {pass_mark}%",
    "quiz_summary_one": "1 question · pass mark {pass_mark}%",
    "quiz_pool_summary": "{draw} of {count} questions drawn each attempt · pass mark {pass_mark}%",
    "question_label": "Question {number}",
    "check": "Check answer",
    "hint": "Show a hint",
    "true": "True",
    "false": "False",
    "your_answer": "Your answer",
    "choose": "Choose…",
    "move_up": "Move up",
    "move_down": "Move down",
    "self_check_notice": "This is a self-check to help you learn: it is graded in your browser and is not an exam.",
    "noscript": "This quiz needs JavaScript to be graded. The questions are shown so you can still read them.",
    # used by the browser runtime
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partial": "Partly correct.",
    "unanswered": "Please answer the question before checking.",
    "not_a_number": "Please type a number, for example 42 or 3.5.",
    "right_choice": "right answer",
    "wrong_choice": "your choice, not right",
    "missed_choice": "a right answer you did not choose",
    "your_choice": "your choice",
    "right_place": "in the right place",
    "wrong_place": "should be at position {position}",
    "right_match": "right match",
    "wrong_match": "right match: {right}",
    "accepted": "Accepted answers: {answers}",
    "expected_number": "Expected answer: {answer}",
    "question_result": "Question {number}: {verdict}",
    "score": "Your score: {score}% ({right} of {total} questions right).",
    "passed": "Passed. The pass mark is {pass_mark}%.",
    "failed": "Not passed yet. The pass mark is {pass_mark}%: review the feedback and try again.",
    "retry": "Try again",
    "moved": "{item}: now at position {position} of {count}.",
    "previous": "Earlier attempts: {count}. Best score {best}% on {date}.",
    "older_version": "Some earlier attempts were made on an older version of this quiz.",
    "storage_blocked": "Your answers are graded, but this browser does not let the course save your progress (storage is blocked or full). Your results will be lost when you leave this page.",
    "storage_corrupt": "Saved progress for this quiz could not be read. It was set aside in this browser, not deleted, and the quiz starts afresh.",
}
