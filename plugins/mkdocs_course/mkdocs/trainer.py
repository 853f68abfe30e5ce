"""The trainer feature's part of the build: the answer-key manifest, written
outside the site for ``mkdocs-course verify`` (see ``trainer/answerkeys.py``).

Each language's build adds its own files (its accepted fill-in answers), and
files of earlier versions are kept. ``mkdocs serve`` writes none: versions
made while editing were never shipped to learners.
"""

from __future__ import annotations

from ..trainer.answerkeys import check_answer_keys_dir, write_answer_keys


class TrainerFeature:
    def __init__(self):
        self.command = "build"

    def on_startup(self, command: str) -> None:
        self.command = command

    def on_config(self, build, config) -> None:
        """Refuse an answer-key folder that learners would receive."""
        self.build = build
        self.folder = build.project_dir / build.options.answer_keys_dir
        check_answer_keys_dir(self.folder, config.site_dir, [build.languages.pages_root, config.docs_dir])

    def on_post_build(self, outline) -> None:
        if self.command == "serve":
            return
        build, setup = self.build, self.build.languages
        quizzes = [setup.quiz_in_language(quiz)[0] for quiz in build.quizzes.values()]
        write_answer_keys(self.folder, build.course_id, setup.language, quizzes, outline, setup.source, build.strings)
