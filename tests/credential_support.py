"""Shared by the credential tests: a tiny course with an issuer, learners'
records from Chromium, certify run through its entry point, and the two
independent verifiers (openbadgeslib from PyPI, Digital Bazaar's
@digitalbazaar/vc from npm)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import FIXTURES, ROOT, build_site
from trainer_support import run

CONTEXTS = ROOT / "plugins" / "mkdocs_course" / "credentials" / "contexts"
OB_SCHEMA = FIXTURES / "openbadges" / "ob_v3p0_achievementcredential_schema.json"
ISSUER = "Fair Work Trainers"
# one change to each part of a credential: each must break its signature
CHANGES = {
    "name": lambda c: c["credentialSubject"].update(name="Omar"),
    "score": lambda c: c["credentialSubject"]["result"][0].update(value="99"),
    "date": lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
    "issuer": lambda c: c["issuer"].update(name="Another Academy"),
    "achievement": lambda c: c["credentialSubject"]["achievement"].update(name="Advanced course"),
    "pass mark": lambda c: c["credentialSubject"]["achievement"]["resultDescription"][0].update(requiredValue="10"),
}


def issuer_course(folder: Path, server, *, extra: str = "", name: str = "quiz-site") -> tuple[Path, str, Path]:
    """tests/fixtures/<name> with an issuer, built for the address it is served
    from: (project, base URL, private key file). The key lives beside the
    project, never inside it."""
    shutil.copytree(FIXTURES / name, folder, dirs_exist_ok=True)
    url = server.add(folder / "site")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("site_name:", f"site_url: {url}\nsite_name:", 1)
    text = text.replace("  - course:\n", f"  - course:\n      credentials:\n        issuer: trainer/issuer.json\n{extra}", 1)
    config.write_text(text, encoding="utf-8")
    keys = folder.parent / f"{folder.name}-keys"
    result = run("keys", "init", "--name", ISSUER, "--email", "trainers@example.org", "--key-dir", keys, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    build_site(folder)
    return folder, url, next(keys.glob("*.pem"))


def certify(project: Path, *records, key: Path, out: Path, more=()) -> subprocess.CompletedProcess:
    return run("certify", *records, "--key", key, "--out", out, *more, cwd=project)


def did_document(project: Path) -> dict:
    return json.loads((project / "site" / "did.json").read_text(encoding="utf-8"))


def openbadgeslib_verify(credential: dict, did_doc: dict) -> str:
    """'' when openbadgeslib's OB 3.0 Data Integrity verifier accepts the
    credential, else its reason. did:web is resolved from ``did_doc`` only."""
    from openbadgeslib.ob3.ldp import OB3LdpVerifier

    def download(url):
        expected = did_doc["id"].removeprefix("did:web:").replace(":", "/").replace("%3A", ":")
        assert url == f"https://{expected}/did.json", url
        return json.dumps(did_doc).encode("utf-8")

    try:
        OB3LdpVerifier.for_issuer_did(did_doc["id"]).verify(credential, download=download)
    except Exception as exc:  # its OB3VerificationError and the like: the reason is the result
        return str(exc) or type(exc).__name__
    return ""


def digitalbazaar_verify(credential: dict, did_doc: dict, folder: Path) -> dict:
    """@digitalbazaar/vc's verdict ({"verified", "error"}), offline (tests/dbverify.mjs)."""
    cred, doc = folder / "db-credential.json", folder / "db-did.json"
    cred.write_text(json.dumps(credential), encoding="utf-8")
    doc.write_text(json.dumps(did_doc), encoding="utf-8")
    result = subprocess.run(["node", str(ROOT / "tests" / "dbverify.mjs"), str(cred), str(doc), str(CONTEXTS)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def sign_record(project: Path, key: Path, record: dict, out: Path, *, now=None, validity=None, language=None):
    """certify's own steps for one record, at a chosen moment or in a chosen
    language (an expired credential, an Arabic one): the Issued files."""
    import dataclasses

    from mkdocs_course.credentials.commands import course_site
    from mkdocs_course.credentials.issue import certify_record
    from mkdocs_course.credentials.keys import method_of, read_issuer, read_private_key
    from mkdocs_course.trainer.answerkeys import load_answer_keys

    site = course_site(project / "mkdocs.yml")
    site = dataclasses.replace(site, validity=validity or site.validity)
    issuer = read_issuer(site.issuer_file)
    private = read_private_key(key)
    record = dict(record, lang=language) if language else record
    return certify_record(record, "signed", load_answer_keys(site.answer_keys_dir), site, issuer, private,
                          method_of(private, issuer), out, now=now)


def read_qr(png_bytes: bytes) -> list[str]:
    """The QR codes in a screenshot, read as a phone's camera app reads them (zxing-cpp)."""
    import png
    import zxingcpp

    width, height, rows, info = png.Reader(bytes=png_bytes).asRGBA8()
    grey = bytearray()
    for row in rows:
        grey.extend((row[i] * 299 + row[i + 1] * 587 + row[i + 2] * 114) // 1000 for i in range(0, len(row), 4))
    image = memoryview(grey).cast("B", shape=[height, width])
    return [code.text for code in zxingcpp.read_barcodes(image)]
