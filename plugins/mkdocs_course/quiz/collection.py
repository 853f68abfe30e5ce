"""All the quizzes of a course, loaded from one folder."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from ..errors import CourseError
from .cache import DiskCache, key
from .errors import QuizError
from .loader import load_quiz
from .model import Quiz, quiz_from_data, quiz_to_data
from .yamlsource import Position


class SourceFolder:
    """A folder of YAML source files (``*.yml`` and ``*.yaml``) in a project:
    quizzes, activities. Paths are shown relative to the project."""

    def __init__(self, folder: Path, project_dir: Path):
        self.folder = folder
        self.project_dir = project_dir
        self._cache: dict[tuple[str, str], object] = {}  # (shown path, hash of its bytes) -> loaded
        self.digests: dict[str, str] = {}  # id -> hash of its file

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.project_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())

    def read_all(self, error: type, load_one) -> list[tuple[str, object]]:
        """Every file as (shown path, what ``load_one(data, shown)`` makes of
        it), in name order; a file is loaded again only when its bytes change.
        A file that cannot be read raises ``error``, the kind's error class."""
        cache: dict[tuple[str, str], object] = {}
        loaded = []
        for path in self.files():
            shown = self.shown(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise error(shown, Position(1, 1), f"cannot read the file ({exc.strerror})") from None
            digest = (shown, hashlib.sha256(data).hexdigest())
            item = self._cache.get(digest) or load_one(data, shown)
            cache[digest] = item
            self.digests[item.id] = digest[1]
            loaded.append((shown, item))
        self._cache = cache
        return loaded


class QuizCollection(SourceFolder):
    """Quizzes by id, loaded from ``quizzes/*.yml`` (and ``*.yaml``).

    Files are re-read only when their content changes (keyed by a hash of
    the bytes, not by file dates), which keeps ``serve`` rebuilds quick.
    """

    def __init__(self, folder: Path, project_dir: Path, default_pass_mark: float = 70,
                 disk_cache: DiskCache | None = None):
        super().__init__(folder, project_dir)
        self.default_pass_mark = default_pass_mark
        self.disk_cache = disk_cache
        self.quizzes: dict[str, Quiz] = {}

    def load(self) -> dict[str, Quiz]:
        """(Re)load every quiz file. Raises QuizError on the first problem."""
        quizzes: dict[str, Quiz] = {}
        for shown, quiz in self.read_all(QuizError, self._load):
            if quiz.id in quizzes:
                raise QuizError(
                    shown,
                    Position(1, 1),
                    f"the quiz id '{quiz.id}' is already used by {quizzes[quiz.id].source}",
                    "Give each quiz its own 'id' (it defaults to the file name).",
                    quiz_id=quiz.id,
                )
            quizzes[quiz.id] = quiz
        self.quizzes = quizzes
        return quizzes

    def _load(self, data: bytes, shown: str):
        if self.disk_cache is None:
            return load_quiz(data, shown, default_pass_mark=self.default_pass_mark)
        name = key("quiz", shown, data, self.default_pass_mark)
        try:
            quiz = quiz_from_data(self.disk_cache.get(name))
            if quiz.source == shown:
                return quiz
        except ValueError:  # no entry, or not one this code wrote: load the file
            pass
        # errors are never cached: a broken file is read again each build
        quiz = load_quiz(data, shown, default_pass_mark=self.default_pass_mark)
        self.disk_cache.put(name, quiz_to_data(quiz))
        return quiz

    def check_unpublished(self, docs_folders: Iterable[Path]) -> None:
        """Refuse quiz files that the site would publish.

        ``docs_folders`` are the folders whose files the site copies (the
        docs folder, and the source language's for pages not yet translated).
        A quiz file holds every answer key in plain text, so quiz files in
        one of them would reach every learner. Raises CourseError naming the
        folders and what to do.
        """
        files = self.files()
        if not files:
            return
        folder = self.folder.resolve()
        for docs in docs_folders:
            docs = Path(docs).resolve()
            if folder.is_relative_to(docs):
                shown_docs = self.shown(docs)
                raise CourseError(
                    f"quizzes_dir is '{self.shown(folder)}', inside the docs folder {shown_docs}, so the "
                    f"site would publish {self.shown(files[0])} and every other quiz file, answer keys "
                    f"and all. Move the quiz files to a folder outside {shown_docs}, such as quizzes/ "
                    "(the default), and set quizzes_dir to it."
                )
