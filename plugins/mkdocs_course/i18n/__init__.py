"""Strings the course shows learners, and (later) their translations."""
