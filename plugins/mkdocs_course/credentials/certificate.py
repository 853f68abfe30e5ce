"""The printable certificate that goes with a signed credential: one page of
HTML in the record's language, the learner's name as text only, the course,
its modules and scores, and a QR code (segno, pure Python) that opens the
course's verify page with the credential in the address's fragment, which
browsers never send to the server.

A credential too large for a QR code a phone reads from paper is given
by address instead (``certify --credential-url``), or the code opens the
verify page alone and the certificate says which file to give it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import zlib
from dataclasses import dataclass

import segno
import segno.encoder
from markupsafe import Markup, escape
from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from ..i18n.languages import is_rtl
from ..templating import template

# Version 33 is 149 modules square: printed 64 mm wide (with its quiet zone) a
# module is 0.4 mm, about the least a phone camera reads from paper held
# close. A credential of a few modules fits (about 1.7 KB once compressed);
# larger codes are not worth printing.
MAX_QR_VERSION = 33


@dataclass(frozen=True)
class Link:
    """What the QR code opens, and whether it carries the credential."""

    address: str
    carries_credential: bool
    qr_version: int


def packed(credential: dict) -> str:
    """The credential as the verify page reads it from ``#credential=``:
    compact JSON, raw DEFLATE, base64url without padding."""
    data = json.dumps(credential, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(data) + deflate.flush()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def qr_link(verify_url: str, credential: dict, hosted_at: str | None) -> tuple[Link, segno.QRCode]:
    """The QR code's address: the credential itself when it fits, else where
    it is hosted (``hosted_at``), else the verify page alone."""
    for address, carries in ((f"{verify_url}#credential={packed(credential)}", True),
                             (f"{verify_url}#url={hosted_at}" if hosted_at else None, False),
                             (verify_url, False)):
        if address is None:
            continue
        try:
            code = segno.make(address, error="l", micro=False)
        except segno.encoder.DataOverflowError:  # more than any QR code holds
            continue
        if code.version <= MAX_QR_VERSION:
            return Link(address, carries, code.version), code
    code = segno.make(verify_url, error="l", micro=False)
    return Link(verify_url, False, code.version), code


def _locale(language: str):
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def long_date(iso: str, language: str) -> str:
    moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return format_date(moment.date(), format="long", locale=_locale(language))


def _isolated(text: str, **values) -> Markup:
    """A translated sentence with its addresses and names kept left to right
    (``<bdi dir="ltr">``), so an Arabic line does not reorder a URL."""
    return Markup(escape(text)).format(**{k: Markup('<bdi dir="ltr">{}</bdi>').format(v) for k, v in values.items()})


def certificate_html(credential: dict, strings: dict, language: str, verify_url: str, file_name: str,
                     hosted_at: str | None = None) -> tuple[str, Link]:
    """The printable page and what its QR code opens."""
    t = strings
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    results = {r["resultDescription"]: r["value"] for r in subject.get("result", [])}
    modules = [{"title": d["name"], "score": t["certificate_percent"].format(score=results.get(d["id"], "")),
                "pass_mark": t["certificate_percent"].format(score=d.get("requiredValue", ""))}
               for d in achievement.get("resultDescription", [])]
    link, code = qr_link(verify_url, credential, hosted_at)
    issuer = credential["issuer"]
    check = t["credential_check"] if link.carries_credential or hosted_at else t["credential_check_no_code"]
    html = template("certificate-print.html").render(
        t=t, language=language, direction="rtl" if is_rtl(language) else "ltr",
        title=t["certificate_title"], learner=subject["name"], course=achievement["name"], modules=modules,
        issued=t["credential_issued"].format(date=long_date(credential["validFrom"], language), issuer=issuer["name"]),
        completed=t["certificate_date"].format(date=long_date(subject["activityEndDate"], language))
        if subject.get("activityEndDate") else "",
        valid_until=t["credential_valid_until"].format(date=long_date(credential["validUntil"], language))
        if credential.get("validUntil") else "",
        check=_isolated(check, address=verify_url, file=file_name),
        credential_id=_isolated(t["credential_id"], id=credential["id"]), link=link.address,
        qr=code.svg_inline(scale=4, border=4, dark="#000", light="#fff", omitsize=True),
    )
    return html, link
