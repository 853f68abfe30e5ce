"""`mkdocs-course certify`: a learner completes the course in Chromium and
downloads the record; the trainer verifies and signs it; the credential is
an Open Badges 3.0 credential that validates against 1EdTech's JSON Schema
and that two verifiers we did not write accept, and any change to it
breaks the signature."""

from __future__ import annotations

import copy
import json
import re

import pytest
from credential_support import (CHANGES, OB_SCHEMA, certify, did_document, digitalbazaar_verify, issuer_course,
                                openbadgeslib_verify)
from trainer_support import changed, take_course, write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def issued(tmp_path_factory, server, browser):
    """The course with an issuer, Amina's record, and what certify made of it."""
    project, url, key = issuer_course(tmp_path_factory.mktemp("credential-course"), server)
    record = take_course(browser, url, "Amina Diallo")
    folder = tmp_path_factory.mktemp("credential-records")
    path = write(folder, "amina.json", record)
    out = folder / "certificates"
    result = certify(project, path, key=key, out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    credential = json.loads((out / "amina.credential.json").read_text(encoding="utf-8"))
    return {"project": project, "url": url, "key": key, "record": record, "result": result, "out": out,
            "credential": credential, "folder": folder}


def test_certify_says_what_it_wrote(issued):
    out = issued["out"]
    assert issued["result"].stdout.splitlines() == [
        f"{issued['folder'] / 'amina.json'}: certified (Amina Diallo): {out / 'amina.credential.json'}, "
        f"{out / 'amina.certificate.html'} (the QR code holds the credential)",
        "1 record: 1 certified, 0 not.",
    ]


def test_the_credential_says_who_what_and_who_says_so(issued):
    credential, url = issued["credential"], issued["url"]
    did = did_document(issued["project"])["id"]
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2",
                                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                                      "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"] == {"id": did, "type": ["Profile"], "name": "Fair Work Trainers", "url": url,
                                    "email": "trainers@example.org"}
    subject = credential["credentialSubject"]
    assert subject["name"] == "Amina Diallo"
    assert subject["activityEndDate"] == issued["record"]["completed"]
    achievement = subject["achievement"]
    assert achievement["name"] == "Test course" and achievement["criteria"]["narrative"].startswith("Pass the self-check")
    modules = {d["name"]: (d["requiredValue"], r["value"]) for d, r in zip(achievement["resultDescription"], subject["result"])}
    assert modules == {"All types": ("60", "100"), "Pool": ("70", "100"), "Second": ("70", "100")}
    assert credential["credentialSchema"] == [{
        "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
        "type": "1EdTechJsonSchemaValidator2019"}]
    assert "validUntil" not in credential  # the course sets no validity
    proof = credential["proof"]
    assert (proof["type"], proof["cryptosuite"], proof["proofPurpose"]) == ("DataIntegrityProof", "eddsa-rdfc-2022", "assertionMethod")
    assert proof["verificationMethod"] in did_document(issued["project"])["assertionMethod"]


def test_a_course_with_pages_to_read_says_so_and_whose_word_they_rest_on(issued, tmp_path):
    from credential_support import sign_record

    record = copy.deepcopy(issued["record"])
    assert not any(page["required"] for page in record["pages"])  # the quiz-only wording above
    record["pages"] = [{"id": "welcome", "title": "Welcome", "required": True,
                        "read": record["completed"], "how": "end"}]
    signed = json.loads(sign_record(issued["project"], issued["key"], record, tmp_path).credential.read_text(encoding="utf-8"))
    achievement = signed["credentialSubject"]["achievement"]
    assert achievement["description"].startswith("Completion of the course “Test course”: every required page read")
    assert achievement["criteria"]["narrative"].startswith("Read each page the course requires")
    assert achievement["criteria"]["narrative"].endswith("the pages read are as the learner's browser recorded them.")


def test_the_credential_validates_against_the_open_badges_schema(issued):
    from jsonschema import Draft201909Validator

    schema = json.loads(OB_SCHEMA.read_text(encoding="utf-8"))
    assert [e.message for e in Draft201909Validator(schema).iter_errors(issued["credential"])] == []


def test_independent_verifiers_accept_it(issued, tmp_path):
    did_doc = did_document(issued["project"])
    assert openbadgeslib_verify(issued["credential"], did_doc) == ""
    assert digitalbazaar_verify(issued["credential"], did_doc, tmp_path) == {"verified": True, "error": ""}


@pytest.mark.parametrize("field", list(CHANGES))
def test_changing_any_field_breaks_the_signature(issued, tmp_path, field):
    credential = changed(issued["credential"], CHANGES[field])
    did_doc = did_document(issued["project"])
    assert "signature" in openbadgeslib_verify(credential, did_doc)
    assert digitalbazaar_verify(credential, did_doc, tmp_path) == {"verified": False, "error": "Invalid signature."}


def test_invalid_records_are_not_certified_and_say_why(issued, tmp_path):
    record = issued["record"]
    tampered = write(tmp_path, "tampered.json", changed(record, lambda r: r["quizzes"][0].update(best_score=50)))
    unreadable = write(tmp_path, "notes.json", b"not json")
    unnamed = write(tmp_path, "unnamed.json", changed(record, lambda r: (r["learner"].update(name=None),
                                                                          r.update(certificate=None))))
    good = write(tmp_path, "amina.json", record)
    out = tmp_path / "out"
    result = certify(issued["project"], tampered, unreadable, unnamed, good, key=issued["key"], out=out)
    assert result.returncode == 6  # the worst: tampered
    lines = result.stdout.splitlines()
    assert lines[0] == f"{tampered}: not certified: TAMPERED"
    assert lines[1] == (f"  [score] {tampered}: quiz 'all-types' claims a best score of 50%, but its attempts' "
                        "best is 100.")
    assert lines[2] == f"{unreadable}: not certified: unreadable"
    assert lines[3].startswith(f"  [file] {unreadable}: this is not JSON (line 1, column 1: Expecting value)")
    assert lines[4] == (f"{unnamed}: not certified: the course is not complete in this record (or the learner typed "
                        "no name), so there is nothing to certify yet.")
    assert lines[5].startswith(f"{good}: certified (Amina Diallo)")
    assert lines[6] == "4 records: 1 certified, 3 not."
    assert sorted(p.name for p in out.iterdir()) == ["amina.certificate.html", "amina.credential.json"]


def test_rotation_keeps_what_the_old_key_signed_valid(issued, tmp_path, server):
    from conftest import build_site
    from trainer_support import run

    project, _, old_key = issuer_course(tmp_path / "course", server)
    record = write(tmp_path, "amina.json", issued["record"])
    assert certify(project, record, key=old_key, out=tmp_path / "old").returncode == 0
    before = json.loads((tmp_path / "old" / "amina.credential.json").read_text(encoding="utf-8"))
    rotated = run("keys", "rotate", "--key-dir", old_key.parent, cwd=project)
    assert rotated.returncode == 0, rotated.stderr
    new_key = next(p for p in old_key.parent.glob("*.pem") if p != old_key)
    assert rotated.stdout.splitlines()[0] == f"Wrote the new private key {new_key}; certify signs with it from now on."
    build_site(project)
    did_doc = did_document(project)
    assert len(did_doc["assertionMethod"]) == 2
    assert openbadgeslib_verify(before, did_doc) == ""
    assert digitalbazaar_verify(before, did_doc, tmp_path)["verified"] is True
    refused = certify(project, record, key=old_key, out=tmp_path / "again")
    assert refused.returncode == 1
    assert re.fullmatch(r"Error: this key was retired on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by `keys rotate`; it still "
                        r"verifies what it signed, but signs nothing new\. Sign with the current key \(z6Mk\w{12}…\)\.",
                        refused.stderr.strip()), refused.stderr
    assert certify(project, record, key=new_key, out=tmp_path / "new").returncode == 0
    after = json.loads((tmp_path / "new" / "amina.credential.json").read_text(encoding="utf-8"))
    assert after["proof"]["verificationMethod"] != before["proof"]["verificationMethod"]
    assert openbadgeslib_verify(after, did_doc) == ""


def test_a_course_validity_sets_valid_until(issued, tmp_path, server):
    project, _, key = issuer_course(tmp_path / "course", server, extra="        validity: P18M\n")
    assert certify(project, write(tmp_path, "amina.json", issued["record"]), key=key, out=tmp_path / "out").returncode == 0
    credential = json.loads((tmp_path / "out" / "amina.credential.json").read_text(encoding="utf-8"))
    start, end = credential["validFrom"], credential["validUntil"]
    months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
    assert months == 18 and end[8:] == start[8:] or start[8:10] > "28"
    assert openbadgeslib_verify(credential, did_document(project)) == ""
