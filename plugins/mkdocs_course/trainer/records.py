"""Reading a learner's completion record safely: size, encoding, JSON,
nesting and the record's JSON Schema, each failure told in the trainer's
words with the file's name. A learner's names are only ever text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import CourseError
from ..progress import FILE_SCHEMA, file_schemas

# RFC 3339 section 5.6 date-time: what the browser writes (Date.toISOString) and more
DATE_TIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})[Tt](?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})"
    r"(?:\.\d+)?(?:[Zz]|[+-](?P<off_hour>\d{2}):(?P<off_minute>\d{2}))"
)
DATE_TIME_EXAMPLE = "2026-03-01T17:40:12.000Z"
MAX_BYTES = 10 * 1024 * 1024  # a record of thousands of attempts is a few MB
MAX_DEPTH = 32  # a record is 6 levels deep; answers add 2
KIND_RECORD = "mkdocs-course/completion-record"
KIND_PROGRESS = "mkdocs-course/progress"
SCHEMA = FILE_SCHEMA  # 2: pages to read count; records of format 1 are still read
SCHEMAS = (1, FILE_SCHEMA)


class RecordError(CourseError):
    """A file that cannot be read as a completion record."""


class DateTimeError(ValueError):
    """A text that is not an RFC 3339 date and time; says which part is wrong."""


def check_date_time(value) -> bool:
    """True for an RFC 3339 date-time on a real calendar day (offsets and Z
    accepted); raises DateTimeError saying what is wrong. Non-strings pass:
    the schema's ``type`` refuses them."""
    if not isinstance(value, str):
        return True
    found = DATE_TIME.fullmatch(value)
    if not found:
        if DATE_TIME.fullmatch(value + "Z"):
            raise DateTimeError("it has no Z or offset from UTC after the time")
        raise DateTimeError("it is not written as a date and time")
    year, month, day, hour, minute, second = (int(found[k]) for k in ("year", "month", "day", "hour", "minute", "second"))
    if not 1 <= month <= 12:
        raise DateTimeError(f"there is no month {month:02d}")
    try:
        dt.date(year, month, day)
    except ValueError:
        raise DateTimeError(f"{year:04d}-{month:02d} has no day {day:02d}") from None
    if hour > 23 or minute > 59 or second > 59:
        # a leap second (:60) is refused too: browsers never write one
        raise DateTimeError(f"{hour:02d}:{minute:02d}:{second:02d} is not a time of day")
    if found["off_hour"] is not None and (int(found["off_hour"]) > 23 or int(found["off_minute"]) > 59):
        raise DateTimeError(f"the offset from UTC, {value[-6:]}, is not one")
    return True


@dataclass(frozen=True)
class RecordFile:
    path: str  # as the trainer named it
    data: dict
    sha256: str  # of the file's bytes: ties verify's output to the file


def shown(text) -> str:
    """Learner-supplied text safe to print in a terminal: control and bidi
    characters (which could move the cursor or reorder a line) escaped."""
    def escape(ch: str) -> str:
        if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200c\u200d":
            return f"\\u{ord(ch):04x}"
        return ch

    return "".join(escape(ch) for ch in str(text))


def _depth(value) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


@lru_cache(maxsize=None)
def _validator(version: int):
    from jsonschema import Draft202012Validator, FormatChecker

    # jsonschema does not check "format" unless given a checker, and its own
    # date-time check needs an optional package: ours is RFC 3339 with a calendar
    formats = FormatChecker(formats=())
    formats.checks("date-time", raises=DateTimeError)(check_date_time)
    return Draft202012Validator(file_schemas(version)[0], format_checker=formats)


def _message(error) -> str:
    if error.validator == "format" and isinstance(error.cause, DateTimeError):
        found = json.dumps(error.instance, ensure_ascii=False)
        found = found if len(found) <= 60 else found[:59] + "…"
        return (f"{found} is not a date and time ({error.cause}); "
                f"expected one like {DATE_TIME_EXAMPLE} (RFC 3339: year-month-day, 'T', hours:minutes:seconds, "
                "then Z or an offset such as +02:00)")
    return error.message


def _where(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) or "the top level"


def parse_record(name: str, raw: bytes) -> RecordFile:
    """A completion record from a file's bytes. Raises RecordError saying what is wrong."""
    digest = hashlib.sha256(raw).hexdigest()
    if len(raw) > MAX_BYTES:
        raise RecordError(
            f"{name}: the file is {len(raw) / 1048576:.0f} MB; a completion record is at most "
            f"{MAX_BYTES // 1048576} MB. Check that it is the file the learner downloaded."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"{name}: this is not a text file in UTF-8 (byte {exc.start + 1} cannot be read), so it is not "
            "a completion record. Ask the learner for the file from 'Download completion record'."
        ) from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise RecordError(f"{name}: the file nests lists or objects too deeply to be a completion record.") from None
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"{name}: this is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}), so it is not a "
            "completion record. It may be cut short or edited; ask the learner to download it again."
        ) from None
    if _depth(data) > MAX_DEPTH:
        raise RecordError(f"{name}: the file nests lists or objects too deeply to be a completion record.")
    if not isinstance(data, dict):
        raise RecordError(f"{name}: this JSON is not a completion record (it is not an object with a 'kind').")
    kind = data.get("kind")
    if kind == KIND_PROGRESS:
        raise RecordError(
            f"{name}: this is a progress export, not a completion record. Ask the learner for the file "
            "from 'Download completion record' on the course's progress page."
        )
    if kind != KIND_RECORD:
        raise RecordError(f"{name}: this JSON is not a completion record (its kind is {shown(json.dumps(kind))}, "
                          f"expected \"{KIND_RECORD}\").")
    if data.get("schema") not in SCHEMAS or isinstance(data.get("schema"), bool):
        raise RecordError(
            f"{name}: this completion record has format {shown(json.dumps(data.get('schema')))}; this version of "
            f"mkdocs-course reads formats {' and '.join(map(str, SCHEMAS))}. Update mkdocs-course to check it."
        )
    errors = sorted(_validator(data["schema"]).iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        error = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        message = re.sub(r"\s+", " ", shown(_message(error)))[:400]
        raise RecordError(f"{name}: not a valid completion record: at {_where(error.absolute_path)}, {message}{more}.")
    return RecordFile(name, data, digest)


def read_record(path: Path) -> RecordFile:
    """Read and parse one file (at most MAX_BYTES + 1 bytes are read)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                size = Path(path).stat().st_size
                raise RecordError(
                    f"{name}: the file is {size / 1048576:.0f} MB; a completion record is at most "
                    f"{MAX_BYTES // 1048576} MB. Check that it is the file the learner downloaded."
                )
    except FileNotFoundError:
        raise RecordError(f"{name}: there is no such file.") from None
    except IsADirectoryError:
        raise RecordError(f"{name}: this is a folder; give the record files in it (for example {name}/*.json).") from None
    except OSError as exc:
        raise RecordError(f"{name}: the file cannot be read ({exc.strerror or exc}).") from None
    return parse_record(name, raw)
