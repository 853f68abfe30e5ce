"""``certify``'s work for one record that verify found valid: the signed
credential and its printable certificate, in the record's language.

What the credential says about the course comes from the course (mkdocs.yml,
its catalogs) and the answer keys, never from the record: a record's titles
are the learner's file, only its answers, scores and name were verified.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..i18n.catalog import Translations, builtin_catalog, read_catalog
from . import integrity
from .certificate import Link, certificate_html
from .credential import CourseFacts, Module, build_credential
from .errors import CredentialError
from .keys import Issuer, IssuerKey


@dataclass(frozen=True)
class CourseSite:
    """What certify needs from mkdocs.yml."""

    root: Path
    course_id: str
    site_name: str
    site_url: str  # the course's root address, ending in /
    languages: dict[str, str]  # empty for a one-language course
    source: str
    translations_dir: Path
    verify_page: str  # e.g. verify.md
    directory_urls: bool
    validity: str | None
    issuer_file: Path | None
    answer_keys_dir: Path

    def language_of(self, record_language: str) -> str:
        return record_language if record_language in self.languages else self.source

    def verify_url(self, language: str) -> str:
        stem = self.verify_page[:-3]
        if posixpath.basename(stem) == "index":
            page = posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
        else:
            page = stem + ("/" if self.directory_urls else ".html")
        return f"{self.site_url}{language + '/' if self.languages else ''}{page}"

    def strings(self, language: str) -> tuple[dict, str]:
        """(interface strings, course title) in ``language``."""
        po = self.translations_dir / f"{language}.po"
        catalog = read_catalog(po, language, po.name) if po.is_file() else None
        translations = Translations(catalog, language, builtin_catalog(language))
        return translations.interface(), translations.get("config", self.site_name) if self.site_name else self.course_id


@dataclass(frozen=True)
class Issued:
    credential: Path
    certificate: Path
    link: Link


def modules_of(record: dict, keys, language: str) -> list[Module]:
    """The required modules as verified: best score and pass mark from the
    record (verify checked both), titles from the answer keys."""
    course = record["course"]["id"]
    modules = []
    for entry in record["quizzes"]:
        if not entry["required"]:
            continue
        version = keys.version(course, entry["id"], str(entry["version"])) if entry["version"] else None
        title = version.text_language(language).get("title") if version else None
        modules.append(Module(entry["id"], title or entry["id"], float(entry["best_score"] or 0),
                              float(entry["pass_mark"] or 0)))
    return modules


def certify_record(record: dict, stem: str, keys, site: CourseSite, issuer: Issuer, private, method: IssuerKey,
                   out: Path, hosted_at: str | None = None, now: dt.datetime | None = None) -> Issued:
    """Sign one valid record; write ``<stem>.credential.json`` and ``<stem>.certificate.html``.
    Raises CredentialError when the record cannot be certified."""
    if record.get("certificate") is None or not record.get("completed"):
        raise CredentialError("the course is not complete in this record (or the learner typed no name), so "
                              "there is nothing to certify yet.")
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    language = site.language_of(record.get("lang") or "")
    strings, title = site.strings(language)
    # a course that also asks for pages to be read or activities done says so: verify can re-grade
    # the quizzes, but of the pages and activities it has only what the browser recorded
    variant = ("_reading" if any(page.get("required") for page in record.get("pages") or ()) else "") + (
        "_activities" if any(a.get("required") for a in record.get("activities") or ()) else "")
    facts = CourseFacts(
        course_id=site.course_id, title=title, site_url=site.site_url, language=language,
        description=strings["credential_description" + variant].format(course=title),
        criteria=strings["credential_criteria" + variant],
        credential_name=strings["credential_name"].format(course=title), validity=site.validity,
    )
    credential = build_credential(record, modules_of(record, keys, language), facts, issuer.profile(), now)
    signed = integrity.sign(credential, private, method.id, credential["validFrom"])
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / f"{stem}.credential.json", out / f"{stem}.certificate.html"
    hosted = f"{hosted_at.rstrip('/')}/{json_path.name}" if hosted_at else None
    html, link = certificate_html(signed, strings, language, site.verify_url(language), json_path.name, hosted)
    json_path.write_text(json.dumps(signed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    html_path.write_text(html, encoding="utf-8")
    return Issued(json_path, html_path, link)
