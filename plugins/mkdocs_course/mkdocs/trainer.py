"""The trainer feature's part of the build: the answer-key manifest, written
outside the site for ``mkdocs-course verify`` (see ``trainer/answerkeys.py``).

Each language's build adds its own files (its accepted fill-in answers), and
files of earlier versions are kept. ``mkdocs serve`` writes them too: the
plugin has no ``on_startup`` to tell it apart, because MkDocs keeps a plugin
that has one between builds, which changes what every feature keeps.
"""

from __future__ import annotations

from ..trainer.answerkeys import check_answer_keys_dir, write_answer_keys


class TrainerFeature:
    def on_config(self, build, config) -> None:
        """Refuse an answer-key folder that learners would receive."""
        self.build = build
        self.folder = build.project_dir / build.options.answer_keys_dir
        check_answer_keys_dir(self.folder, config.site_dir, [build.languages.pages_root, config.docs_dir])

    def on_post_build(self, outline) -> None:
        build, setup = self.build, self.build.languages
        quizzes = [setup.quiz_in_language(quiz)[0] for quiz in build.quizzes.values()]
        write_answer_keys(self.folder, build.course_id, setup.language, quizzes, outline, setup.source, build.strings)
