"""The OpenBadgeCredential made from a completion record that verify found
valid: who (the learner's name), what (the course as an Achievement, each
required module's best score as a Result against its pass mark), who says so
(the issuer's profile), when (validFrom, and validUntil when the course sets
a validity), against the Open Badges 3.0 JSON Schema.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from urllib.parse import quote

from .contexts import CREDENTIAL_CONTEXTS
from .errors import CredentialError

OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019"
DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@dataclass(frozen=True)
class Module:
    quiz: str
    title: str
    score: float
    pass_mark: float


@dataclass(frozen=True)
class CourseFacts:
    """What the credential says about the course, in the record's language."""

    course_id: str
    title: str
    site_url: str  # the course's root address, ending in /
    language: str
    description: str
    criteria: str
    credential_name: str
    validity: str | None = None  # ISO 8601 duration, e.g. P2Y


def parse_validity(value: str | None) -> tuple[int, int, int] | None:
    """(years, months, days) of an ISO 8601 duration such as P2Y, P18M, P90D.
    Raises CredentialError for another form."""
    if value in (None, ""):
        return None
    match = DURATION.match(str(value).strip())
    if not match or not any(match.groups()):
        raise CredentialError(
            f"credentials: validity is {value!r}; write how long a certificate stays valid as an ISO 8601 "
            "duration: P2Y (two years), P18M (eighteen months), P90D (ninety days), or leave it out."
        )
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    return years, months, weeks * 7 + days


def add_duration(start: dt.datetime, duration: tuple[int, int, int]) -> dt.datetime:
    years, months, days = duration
    month0 = start.month - 1 + months
    year = start.year + years + month0 // 12
    month = month0 % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day) + dt.timedelta(days=days)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def credential_id(issuer_did: str, course_id: str, certificate_id: str) -> str:
    """The same record certified again gets the same id."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{issuer_did}/{course_id}/{certificate_id}')}"


def score_text(value: float) -> str:
    return f"{value:g}"


def build_credential(record: dict, modules: list[Module], course: CourseFacts, issuer_profile: dict,
                     issued: dt.datetime) -> dict:
    """The unsigned OpenBadgeCredential for one valid record."""
    name = (record["learner"]["name"] or "").strip()
    if not name:
        raise CredentialError("the record has no learner name, so there is no one to name on a certificate.")
    achievement_id = f"{course.site_url}#achievement"
    descriptions, results = [], []
    for module in modules:
        rid = f"{course.site_url}#module-{quote(module.quiz, safe='')}"
        descriptions.append({
            "id": rid, "type": ["ResultDescription"], "name": module.title, "resultType": "Percent",
            "requiredValue": score_text(module.pass_mark), "valueMin": "0", "valueMax": "100",
        })
        results.append({"type": ["Result"], "resultDescription": rid, "value": score_text(module.score)})
    credential = {
        "@context": list(CREDENTIAL_CONTEXTS),
        "id": credential_id(issuer_profile["id"], course.course_id, record["certificate"]["id"]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": course.credential_name,
        "issuer": issuer_profile,
        "validFrom": iso(issued),
    }
    duration = parse_validity(course.validity)
    if duration:
        credential["validUntil"] = iso(add_duration(issued, duration))
    credential["credentialSubject"] = {
        "type": ["AchievementSubject"],
        "name": name,
        "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}],
        "activityEndDate": record["completed"],
        "achievement": {
            "id": achievement_id,
            "type": ["Achievement"],
            "achievementType": "CertificateOfCompletion",
            "name": course.title,
            "description": course.description,
            "criteria": {"id": course.site_url, "narrative": course.criteria},
            "inLanguage": course.language,
            "resultDescription": descriptions,
        },
        "result": results,
    }
    credential["credentialSchema"] = [{"id": OB_SCHEMA, "type": SCHEMA_TYPE}]
    return credential
