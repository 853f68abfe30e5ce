"""Trainer tools: the answer-key manifest a build keeps outside the site,
re-grading learners' completion records against it (``verify``), and group
reports (``report``: CSV, item analysis, the offline dashboard).

Nothing here depends on MkDocs; the adapter (``mkdocs/trainer.py``) writes
the answer keys during a build, and ``commands.py`` holds the CLI commands.
"""
