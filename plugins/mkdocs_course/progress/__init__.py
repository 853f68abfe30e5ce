"""Learner progress and certificates: what completes a course, the progress
page, and the formats of the files learners download.

Nothing here depends on MkDocs; the adapter in ``mkdocs_course.mkdocs`` calls in.
The browser side is ``assets/js/progress.js`` and ``assets/js/certificate.js``.
"""

from pathlib import Path

from .outline import (
    CourseOutline,
    Module,
    OutlineError,
    PlacedPage,
    build_outline,
    certificate_id,
    check_required,
    check_required_ids,
    course_version,
    normalise_name,
)
from .page import (
    MARKER,
    CertificateText,
    ProgressPage,
    Signature,
    check_page_files,
    page_markdown,
    progress_page_path,
)

HERE = Path(__file__).resolve().parent
RECORD_SCHEMA = HERE / "completion-record.schema.json"
EXPORT_SCHEMA = HERE / "progress-export.schema.json"

__all__ = [
    "EXPORT_SCHEMA",
    "MARKER",
    "RECORD_SCHEMA",
    "CertificateText",
    "CourseOutline",
    "Module",
    "OutlineError",
    "PlacedPage",
    "ProgressPage",
    "Signature",
    "build_outline",
    "certificate_id",
    "check_page_files",
    "check_required",
    "check_required_ids",
    "course_version",
    "normalise_name",
    "page_markdown",
    "progress_page_path",
]
