"""Drive a quiz in the page through its documented data-course-* hooks."""

from __future__ import annotations

# Right answers to tests/fixtures/quiz-site/quizzes/all-types.yml, by question id.
ALL_TYPES_RIGHT = {
    "single": "b",
    "multiple": ["two", "four"],
    "truth": "true",
    "blank": "  paris ",
    "number": "3,5",
    "match": {"cat": "Meow", "dog": "Woof", "cow": "Moo"},
    "order": ["one", "two", "three"],
}
ALL_TYPES_WRONG = {
    "single": "a",
    "multiple": ["three"],
    "truth": "false",
    "blank": "Lyon",
    "number": "4",
    "match": {"cat": "Woof", "dog": "Meow", "cow": "Moo"},
    "order": ["three", "two", "one"],
}


class QuizDriver:
    def __init__(self, page, quiz_id: str):
        self.page = page
        self.root = page.locator(f'[data-course-quiz="{quiz_id}"]')

    def question(self, qid: str):
        return self.root.locator(f'[data-course-question="{qid}"]')

    def answer(self, qid: str, value) -> None:
        q = self.question(qid)
        kind = q.get_attribute("data-question-type")
        if kind in ("single", "true_false"):
            q.locator(f'input[value="{value}"]').check()
        elif kind == "multiple":
            for box in q.locator("input").all():
                if box.get_attribute("value") in value:
                    box.check()
                else:
                    box.uncheck()
        elif kind in ("fill_blank", "numeric"):
            q.locator("[data-course-input]").fill(value)
        elif kind == "matching":
            for pid, label in value.items():
                q.locator(f'[data-course-match="{pid}"]').select_option(label=label)
        elif kind == "ordering":
            self.order(qid, value)

    def current_order(self, qid: str) -> list[str]:
        items = self.question(qid).locator("[data-course-order] [data-course-option]")
        return [el.get_attribute("data-course-option") for el in items.all()]

    def order(self, qid: str, wanted: list[str]) -> None:
        """Press the move-up buttons until the items stand in `wanted` order."""
        for target, item_id in enumerate(wanted):
            while self.current_order(qid).index(item_id) > target:
                self.question(qid).locator(
                    f'[data-course-option="{item_id}"] [data-course-move="up"]'
                ).click()

    def check(self, qid: str) -> None:
        self.question(qid).locator("[data-course-check]").click()

    def answer_all(self, answers: dict) -> None:
        for qid, value in answers.items():
            if self.question(qid).is_visible():
                self.answer(qid, value)
                self.check(qid)

    def feedback(self, qid: str) -> str:
        return self.question(qid).locator("[data-course-feedback]").inner_text()

    def score(self, qid: str) -> str | None:
        return self.question(qid).get_attribute("data-course-score")

    @property
    def result(self):
        return self.root.locator("[data-course-result]")

    def stored(self, course: str, quiz: str) -> dict | None:
        return self.page.evaluate(
            "k => JSON.parse(localStorage.getItem(k))", f"mkdocs-course/{course}/{quiz}"
        )
