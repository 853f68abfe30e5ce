"""The trainer feature's part of the build: the answer-key manifest, written
outside the site for ``mkdocs-course verify`` (see ``trainer/answerkeys.py``).

Each language's build adds its own files (its accepted fill-in answers), and
files of earlier versions are kept. ``mkdocs serve`` writes them too: the
plugin has no ``on_startup`` to tell it apart, because MkDocs keeps a plugin
that has one between builds, which changes what every feature keeps.
"""

from __future__ import annotations

from ..quiz.cache import key
from ..trainer.answerkeys import check_answer_keys_dir, key_file, write_answer_keys


class TrainerFeature:
    def on_config(self, build, config) -> None:
        """Refuse an answer-key folder that learners would receive."""
        self.build = build
        self.folder = build.project_dir / build.options.answer_keys_dir
        check_answer_keys_dir(self.folder, config.site_dir, [build.languages.pages_root, config.docs_dir])

    def on_post_build(self, outline) -> None:
        build, setup, cache = self.build, self.build.languages, self.build.disk_cache
        # A quiz whose file, catalogs and this tool are unchanged since its
        # keys were written (the cache remembers) is neither translated nor
        # written again: a rebuild of a large course skips them all.
        fresh = []
        for quiz_id, quiz in build.quizzes.items():
            written = key("answer-keys", str(self.folder), build.course_id, setup.language, build.content_key(quiz_id))
            path = key_file(self.folder, build.course_id, quiz, setup.language)
            # The entry holds the file's name: anything else in it is damage, and a miss.
            if cache is None or cache.get_text(written) != path.name or not path.is_file():
                fresh.append((quiz, written, path.name))
        quizzes = [setup.quiz_in_language(quiz)[0] for quiz, _, _ in fresh]
        write_answer_keys(self.folder, build.course_id, setup.language, quizzes, outline, setup.source, build.strings)
        for _, written, name in fresh if cache is not None else ():
            cache.put_text(written, name)
