"""`mkdocs-course keys` and the private key's safety: made outside the
course with permissions that keep it private, refused when they do not,
never read by the build and found nowhere in the site or its exports;
rotation keeps what the old key signed valid."""

from __future__ import annotations

import base64
import json
import os
import zipfile
from pathlib import Path

import pytest
from conftest import build_site
from test_progress_build import build_error
from credential_support import certify, digitalbazaar_verify, issuer_course, openbadgeslib_verify
from trainer_support import run, take_course, write


@pytest.fixture
def course(tmp_path, server):
    """A course with an issuer: (project, url, key)."""
    return issuer_course(tmp_path / "course", server)


def test_init_keeps_the_private_key_private_and_the_issuer_file_public(course):
    project, url, key = course
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert oct(key.parent.stat().st_mode & 0o777) == "0o700"
    assert project not in key.parents
    issuer = json.loads((project / "trainer" / "issuer.json").read_text(encoding="utf-8"))
    assert issuer["profile"] == {"name": "Fair Work Trainers", "url": url, "email": "trainers@example.org", "image": None}
    assert [k["retired"] for k in issuer["keys"]] == [None]
    assert "PRIVATE" not in json.dumps(issuer)


def test_init_refuses_a_key_folder_inside_the_course_and_a_second_issuer(course):
    project, _, _ = course
    again = run("keys", "init", "--name", "X", "--key-dir", project.parent / "elsewhere", cwd=project)
    assert again.returncode == 1
    assert again.stderr.strip() == (f"Error: {project / 'trainer' / 'issuer.json'} already exists: this course has "
                                    "an issuer. To change keys, run `mkdocs-course keys rotate`.")
    inside = run("keys", "init", "--name", "X", "--key-dir", project / "keys", "--issuer", project / "other.json", cwd=project)
    assert inside.returncode == 1
    assert inside.stderr.startswith(f"Error: the key folder {project / 'keys'} is inside the course's folder {project}, "
                                    "where it could be committed or published with the site.")
    assert not (project / "keys").exists() and not (project / "other.json").exists()


def test_init_needs_the_address_the_course_is_published_at(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: No address\nplugins:\n  - course\n", encoding="utf-8")
    result = run("keys", "init", "--name", "X", "--key-dir", tmp_path.parent / "k", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: the course's site_url is ''; a signed certificate names its issuer by the site's address (did:web), "
        "so set site_url in mkdocs.yml to the https:// address the course is published at, for example "
        "https://training.example.org/equality/.")


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_certify_refuses_a_key_others_can_read(course, tmp_path, mode):
    project, _, key = course
    key.chmod(mode)
    result = certify(project, tmp_path / "none.json", key=key, out=tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {key}: its permissions are {mode:04o}, so other people on this computer can read or change the "
        f"private key; mkdocs-course will not use it. Make it yours alone: chmod 600 {key}")
    assert not (tmp_path / "out").exists()


def test_certify_refuses_keys_that_are_not_the_issuers(course, tmp_path, server):
    project, _, _ = course
    _, _, stranger = issuer_course(tmp_path / "other", server)
    result = certify(project, tmp_path / "none.json", key=stranger, out=tmp_path / "out")
    assert result.stderr.strip().startswith("Error: this private key is not one of the issuer's keys in the issuer file")
    missing = certify(project, tmp_path / "none.json", key=tmp_path / "nope.pem", out=tmp_path / "out")
    assert missing.stderr.strip() == (f"Error: {tmp_path / 'nope.pem'}: there is no such key file. Give the file "
                                      "`mkdocs-course keys init` wrote (--key).")
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a key")
    garbage.chmod(0o600)
    bad = certify(project, tmp_path / "none.json", key=garbage, out=tmp_path / "out")
    assert bad.stderr.strip() == (f"Error: {garbage}: this is not a private key written by `mkdocs-course keys init` "
                                  "(an unencrypted PEM Ed25519 key), so it cannot sign.")


def key_forms(key: Path) -> list[bytes]:
    """The private key as it could leak: PEM text, its base64 body, the raw
    32 bytes, and their hex, base64 and base64url forms."""
    from cryptography.hazmat.primitives import serialization

    pem = key.read_bytes()
    private = serialization.load_pem_private_key(pem, password=None)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    body = b"".join(pem.splitlines()[1:-1])
    return [pem, body, raw, raw.hex().encode(), base64.b64encode(raw), base64.urlsafe_b64encode(raw).rstrip(b"=")]


def files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    found += [f"{path.name}:{n}" for n in archive.namelist()
                              if any(x in archive.read(n) for x in needles)]
            elif any(x in data for x in needles):
                found.append(str(path.relative_to(folder)))
    return found


def test_the_private_key_is_nowhere_in_the_site_or_its_exports(course, tmp_path):
    project, _, key = course
    exports = tmp_path / "exports"
    for args in (("export", "offline", "--out", exports / "offline"),
                 ("export", "scorm", "--version", "2004", "--out", exports / "scorm")):
        result = run(*args, cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
    forms = key_forms(key)
    assert files_holding(key.parent, forms) == [key.name]  # the search finds a key where there is one
    assert (project / "site" / "did.json").is_file() and list(exports.rglob("*.zip"))
    assert files_holding(project / "site", forms) == []
    assert files_holding(exports, forms) == []
    assert files_holding(project, forms) == []  # nor anywhere in the course's folder


def test_the_build_never_needs_the_private_key(course, tmp_path):
    project, _, key = course
    published = (project / "site" / "did.json").read_bytes()
    key.parent.rename(tmp_path / "moved-away")
    build_site(project)
    assert (project / "site" / "did.json").read_bytes() == published


def test_a_bad_issuer_file_or_option_stops_the_build_with_a_clear_message(course, caplog):
    project, url, _ = course
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("issuer: trainer/issuer.json", "issuer: trainer/issuer.json\n        validity: 2 years"), encoding="utf-8")
    assert build_error(project, caplog) == (
        "course: credentials: validity is '2 years'; write how long a certificate stays valid as an ISO 8601 "
        "duration: P2Y (two years), P18M (eighteen months), P90D (ninety days), or leave it out.")
    config.write_text(text.replace(f"site_url: {url}", "site_url: https://moved.example.org/x/"), encoding="utf-8")
    did = "did:web:127.0.0.1%3A" + url.split(":")[2].split("/")[0] + ":" + url.rstrip("/").rsplit("/", 1)[1]
    assert build_error(project, caplog) == (
        f"course: credentials: issuer is trainer/issuer.json, made for {did} ({url}), but this course is published at "
        "https://moved.example.org/x/ (did:web:moved.example.org:x). A certificate names the site that publishes its "
        "key: set site_url back, or make a new issuer with `mkdocs-course keys init`.")
    config.write_text(text, encoding="utf-8")
    issuer = project / "trainer" / "issuer.json"
    data = json.loads(issuer.read_text(encoding="utf-8"))
    data["keys"][0]["privateKeyMultibase"] = "z3u2en7t5LR2WtQH5PfsRmMwZLdGM"
    issuer.write_text(json.dumps(data), encoding="utf-8")
    assert build_error(project, caplog) == (
        f"course: {issuer}: the issuer file holds 'privateKeyMultibase', which looks like private key material; "
        "the issuer file is published with the site and must hold public keys only.")
