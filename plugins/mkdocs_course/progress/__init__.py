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
    RequiredActivity,
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
FILE_SCHEMA = 2  # the files' format: 2 added pages to read; import still reads 1


def file_schemas(version: int = FILE_SCHEMA) -> tuple[dict, dict]:
    """(completion record, progress export) JSON Schemas of one version of
    the files. Version 1 is version 2 without ``pages``."""
    import json

    record = json.loads(RECORD_SCHEMA.read_text(encoding="utf-8"))
    export = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    if version == 1:
        for schema in (record, export):
            schema["properties"]["schema"] = {"const": 1}
            schema["required"].remove("pages")
            del schema["properties"]["pages"]
            schema["$id"] = schema["$id"].removesuffix(":2") + ":1"
        text = json.dumps(export).replace("completion-record:2#", "completion-record:1#")
        export = json.loads(text)
    elif version != FILE_SCHEMA:
        raise ValueError(f"no file schema {version}")
    return record, export

__all__ = [
    "EXPORT_SCHEMA",
    "FILE_SCHEMA",
    "file_schemas",
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
