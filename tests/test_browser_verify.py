"""The verify page: a credential from certify checked in Chromium with the
key the site publishes, from the certificate's QR link, a pasted text or a
file, with no network; every failed check is named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import axe_scan
from credential_support import CHANGES, certify, issuer_course, read_qr, sign_record
from trainer_support import changed, take_course, write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def verified(tmp_path_factory, server, browser):
    project, url, key = issuer_course(tmp_path_factory.mktemp("verify-course"), server)
    folder = tmp_path_factory.mktemp("verify-records")
    record = take_course(browser, url, "Amina <b>Diallo</b>")
    out = folder / "certificates"
    result = certify(project, write(folder, "amina.json", record), key=key, out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "amina.certificate.html").read_text(encoding="utf-8")
    credential = json.loads((out / "amina.credential.json").read_text(encoding="utf-8"))
    return {"project": project, "url": url, "key": key, "out": out, "html": html, "credential": credential,
            "record": record, "folder": folder}


def open_verify(page, url: str, fragment: str = ""):
    page.goto(url + "verify/" + fragment)
    page.wait_for_function("document.querySelector('[data-course-verify]').mkdocsCourseVerify")
    return page.locator("[data-course-verify-result]")


def outcome(page) -> tuple[str, str]:
    result = page.locator("[data-course-verify-result]")
    page.wait_for_function("!['', 'checking'].includes(document.querySelector('[data-course-verify-result]')"
                           ".getAttribute('data-course-verify-status') || '')")
    return result.get_attribute("data-course-verify-status"), result.inner_text()


def paste(page, text: str) -> tuple[str, str]:
    page.locator("[data-course-verify-input]").fill(text)
    page.locator("[data-course-verify-check]").click()
    page.wait_for_function("document.querySelector('[data-course-verify-result]').getAttribute('data-course-verify-status') !== 'checking'")
    return outcome(page)


def facts(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-course-verify-fact]')]
        .map(dd => [dd.getAttribute('data-course-verify-fact'), dd.textContent]))""")


def test_the_qr_code_of_a_certificate_opens_a_valid_check(verified, page):
    page.set_content(verified["html"])
    link = page.locator("[data-course-credential-link]").get_attribute("href")
    assert link.startswith(verified["url"] + "verify/#credential=")
    assert read_qr(page.locator("[data-course-credential-link] svg").screenshot()) == [link]
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(link)
    status, text = outcome(page)
    assert (status, text) == ("valid", "Valid: signed by Fair Work Trainers, and nothing in it has changed since.")
    shown = facts(page)
    assert shown["learner"] == "Amina <b>Diallo</b>"  # a name is text, never markup
    assert page.locator("[data-course-verify-content] b").count() == 0
    assert shown["course"] == "Test course" and shown["issuer"] == "Fair Work Trainers"
    assert shown["id"] == verified["credential"]["id"]
    rows = page.locator("[data-course-verify-modules] tbody tr").all_inner_texts()
    assert [r.split("\t") for r in rows] == [["All types", "100%", "60%"], ["Second", "100%", "70%"], ["Pool", "100%", "70%"]]
    assert all(r.startswith(verified["url"]) for r in requests), requests


def test_a_pasted_credential_and_a_file_are_checked(verified, page):
    open_verify(page, verified["url"])
    assert paste(page, json.dumps(verified["credential"]))[0] == "valid"
    page.reload()
    page.wait_for_function("document.querySelector('[data-course-verify]').mkdocsCourseVerify")
    page.locator("[data-course-verify-file]").set_input_files(str(verified["out"] / "amina.credential.json"))
    assert outcome(page)[0] == "valid"


def test_every_change_and_every_failed_check_is_named(verified, page):
    credential = verified["credential"]
    open_verify(page, verified["url"])
    signature = "Not valid: the signature does not match the content: something in it was changed after it was signed."
    for field, change in CHANGES.items():
        assert paste(page, json.dumps(changed(credential, change))) == ("invalid", signature), field
        assert page.locator("[data-course-verify-content]").is_hidden()
    assert paste(page, json.dumps(changed(credential, lambda c: c["credentialSubject"].update(nickname="Ami")))) == (
        "invalid", "Not valid: it holds something its signature does not cover (nickname).")
    assert paste(page, '{"@context": ') == ("invalid", "Not valid: this is not a credential (it is not JSON).")
    assert paste(page, json.dumps(changed(credential, lambda c: c.pop("issuer")))) == (
        "invalid", "Not valid: this is not an Open Badges credential of this course (issuer is missing or wrong).")
    assert paste(page, json.dumps(changed(credential, lambda c: c["proof"].update(cryptosuite="eddsa-jcs-2022")))) == (
        "invalid", "Not valid: it has no signature of the kind this course uses (eddsa-rdfc-2022).")
    other = changed(credential, lambda c: c["issuer"].update(id="did:web:academy.example", name="Another Academy"))
    assert paste(page, json.dumps(other)) == (
        "foreign", "Not from this issuer: it names “Another Academy” as its issuer, not Fair Work Trainers. "
        "Check it on that issuer's own page.")
    method = credential["proof"]["verificationMethod"].split("#")[0] + "#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    assert paste(page, json.dumps(changed(credential, lambda c: c["proof"].update(verificationMethod=method)))) == (
        "unknown-key", "Not valid: it was signed with a key that Fair Work Trainers has not published.")


def test_an_expired_credential_says_so(verified, page, tmp_path):
    long_ago = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(days=800)
    issued = sign_record(verified["project"], verified["key"], verified["record"], tmp_path, now=long_ago, validity="P2Y")
    credential = json.loads(issued.credential.read_text(encoding="utf-8"))
    open_verify(page, verified["url"])
    status, text = paste(page, json.dumps(credential))
    until = dt.datetime.fromisoformat(credential["validUntil"].replace("Z", "+00:00"))
    assert status == "expired"
    assert text == f"Expired: signed by Fair Work Trainers, but valid only until {until:%B} {until.day}, {until.year}."
    assert facts(page)["valid-until"] == f"{until:%B} {until.day}, {until.year}"


def test_a_browser_without_ed25519_is_told_what_it_needs(verified, context):
    page = context.new_page()
    page.add_init_script("Object.defineProperty(SubtleCrypto.prototype, 'importKey', "
                         "{value: () => Promise.reject(new DOMException('no', 'NotSupportedError'))})")
    open_verify(page, verified["url"])
    assert paste(page, json.dumps(verified["credential"])) == ("unsupported", (
        "This browser cannot check signatures: that needs a current browser (one with Ed25519 in Web Crypto, 2025 or "
        "later) and a secure address (https://). Open this page in a current browser."))


def test_the_page_checks_offline_and_is_in_the_precache_list(verified, context):
    sw = (verified["project"] / "site" / "sw.js").read_text(encoding="utf-8")
    listed = {url for url, _ in json.loads(sw.split("var BUILD = ", 1)[1].split(";\n", 1)[0])["files"]}
    assert {"verify/", "did.json", "issuer.json"} <= listed
    assert any(u.startswith("assets/course/jsonld.") for u in listed) and any(u.startswith("assets/course/verify.") for u in listed)
    page = context.new_page()
    open_verify(page, verified["url"])
    context.set_offline(True)
    try:
        assert paste(page, json.dumps(verified["credential"]))[0] == "valid"
    finally:
        context.set_offline(False)


def test_the_verify_page_is_accessible_at_phone_and_desktop_width(verified, page, tmp_path):
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        open_verify(page, verified["url"])
        assert paste(page, json.dumps(verified["credential"]))[0] == "valid"
        assert axe_scan(page) == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(tmp_path / f"verify-{width}.png"), full_page=True)


def test_the_printed_certificate_is_one_page_with_the_name_as_text(verified, page, tmp_path):
    from pypdf import PdfReader

    page.set_content(verified["html"])
    assert page.locator(".learner").inner_text() == "Amina <b>Diallo</b>"
    page.screenshot(path=str(tmp_path / "certificate-screen.png"), full_page=True)
    pdf = tmp_path / "certificate.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Amina <b>Diallo</b>" in text and "Test course" in text and "All types" in text


def test_a_multilingual_course_publishes_one_issuer_and_checks_in_arabic(tmp_path, server, browser):
    from trainer_support import run

    project, url, key = issuer_course(tmp_path / "course", server, name="i18n-site")
    built = run("build", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    root = json.loads((site / "did.json").read_text(encoding="utf-8"))
    assert root == json.loads((site / "ar" / "did.json").read_text(encoding="utf-8"))
    assert root["id"] == "did:web:127.0.0.1%3A" + url.split(":")[2].split("/")[0] + ":" + url.rstrip("/").rsplit("/", 1)[1]
    version = json.loads((site / "ar" / "mkdocs-course.json").read_text(encoding="utf-8"))["modules"][0]["version"]
    record = {  # what certify reads of a record verify found valid
        "lang": "ar", "course": {"id": "tiny-i18n"}, "learner": {"name": "عمر الفاروق"},
        "certificate": {"id": "ABCD-EF01-2345"}, "completed": "2026-11-30T10:00:00Z",
        "quizzes": [{"id": "colours", "required": True, "version": version, "best_score": 80, "pass_mark": 70}],
    }
    issued = sign_record(project, key, record, tmp_path / "out")
    credential = json.loads(issued.credential.read_text(encoding="utf-8"))
    assert credential["credentialSubject"]["achievement"]["inLanguage"] == "ar"
    assert issued.link.address.startswith(url + "ar/verify/#credential=")
    page = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        page.goto(issued.link.address)
        assert page.evaluate("getComputedStyle(document.querySelector('[data-course-verify]')).direction") == "rtl"
        assert page.locator("h1").inner_text() == "التحقق من شهادة"
        assert outcome(page) == ("valid", "صالحة: وقّعتها Fair Work Trainers، ولم يتغير فيها شيء منذ ذلك الحين.")
        assert facts(page)["learner"] == "عمر الفاروق"
        assert axe_scan(page) == []
        page.screenshot(path=str(tmp_path / "verify-ar-390.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(issued.certificate.as_uri())
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.locator(".learner").inner_text() == "عمر الفاروق"
        page.screenshot(path=str(tmp_path / "certificate-ar.png"), full_page=True)
    finally:
        page.close()


def test_a_credential_too_large_for_a_qr_code_is_fetched_from_where_it_is_published(verified, page, server, tmp_path):
    from mkdocs_course.credentials.certificate import MAX_QR_VERSION, qr_link

    import uuid

    noise = " ".join(str(uuid.uuid4()) for _ in range(60))  # text that does not compress
    large = changed(verified["credential"], lambda c: c["credentialSubject"]["achievement"].update(description=noise))
    hosted = server.add(verified["out"]) + "amina.credential.json"
    link, code = qr_link(verified["url"] + "verify/", large, hosted)
    assert (link.address, link.carries_credential) == (f"{verified['url']}verify/#url={hosted}", False)
    assert code.version <= MAX_QR_VERSION
    alone, _ = qr_link(verified["url"] + "verify/", large, None)
    assert alone.address == verified["url"] + "verify/"
    page.goto(link.address)
    assert outcome(page)[0] == "valid"
    page.goto("about:blank")  # a new load: a change of fragment alone would leave "valid" showing a moment
    page.goto(verified["url"] + "verify/#url=javascript:alert(1)")
    page.wait_for_function("document.querySelector('[data-course-verify-result]').textContent")
    assert outcome(page) == ("invalid", "The credential could not be fetched from javascript:alert(1). "
                             "Ask for the credential file, and choose it here.")
