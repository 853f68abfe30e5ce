"""The credentials feature's error type."""

from __future__ import annotations

from ..errors import CourseError


class CredentialError(CourseError):
    """A key, issuer file or credential that cannot be used, told in the trainer's words."""
