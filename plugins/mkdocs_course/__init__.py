"""mkdocs-course: self-check quizzes, progress and certificates for MkDocs courses."""

__version__ = "0.1.0"
