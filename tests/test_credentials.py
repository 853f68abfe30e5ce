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
