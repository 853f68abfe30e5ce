"""The one kind of error the course logic raises.

Every course rule (a quiz file, a catalog, the course settings, what makes
the course completable) raises a subclass of CourseError whose message is
written for the person who must act on it: file, line and column where there
is one, what was found, what was expected, what to do. A host adapter turns
it into its own error type (MkDocs: PluginError) without a traceback.
"""

from __future__ import annotations


class CourseError(Exception):
    """A course that must not reach learners as it is."""
