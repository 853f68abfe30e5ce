"""Facilitator notes: what a trainer reads and learners never get.

``notes.py`` finds the notes in a page and takes them out; ``guide.py``
writes the facilitator guide from a built site. Nothing here imports MkDocs.
"""
