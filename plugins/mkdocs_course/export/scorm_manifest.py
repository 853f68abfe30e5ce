"""The ``imsmanifest.xml`` of a SCORM package: SCORM 1.2 (IMS Content
Packaging 1.1.2 with ADL's extensions) or SCORM 2004 4th edition (IMS CP 1.1
with ADL's and IMS Simple Sequencing's). One organization with one item: the
whole course is one SCO, launched at ``launch.html``, every file listed.

The XML is written with ElementTree, so titles are escaped whatever they hold;
tests validate it against the SCORM XSDs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

LAUNCH = "launch.html"
METADATA = "metadata.xml"  # SCORM 1.2: the course's IMS metadata record, by adlcp:location

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

NAMESPACES = {
    "1.2": {
        "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    },
    "2004": {
        "": "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
        "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
        "lom": "http://ltsc.ieee.org/xsd/LOM",
    },
}
# the XSD each namespace is described by, named as the SCORM books name them
SCHEMA_FILES = {
    "1.2": {"": "imscp_rootv1p1p2.xsd", "adlcp": "adlcp_rootv1p2.xsd"},
    "2004": {"": "imscp_v1p1.xsd", "adlcp": "adlcp_v1p3.xsd", "adlseq": "adlseq_v1p3.xsd",
             "adlnav": "adlnav_v1p3.xsd", "imsss": "imsss_v1p0.xsd"},
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


@dataclass(frozen=True)
class PackageDescription:
    """What the manifest says about one language's package."""

    identifier: str  # becomes xsd:ID values: see xml_id()
    title: str
    language: str
    files: tuple[str, ...]  # every file of the package but the manifest, "/"-separated
    objectives: tuple[str, ...] = ()  # the required quizzes' ids
    mastery: float | None = None  # percent; None when the pass rule is not a score


def xml_id(text: str) -> str:
    """An xsd:ID (an NCName) made from ``text``."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", text)
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else f"mc-{cleaned}"


def manifest_xml(version: str, package: PackageDescription) -> bytes:
    ns = NAMESPACES[version]
    q = {prefix: (lambda name, uri=uri: f"{{{uri}}}{name}") for prefix, uri in ns.items()}
    cp = q[""]
    root = ET.Element(cp("manifest"), {
        "identifier": xml_id(package.identifier), "version": "1",
        f"{{{XSI}}}schemaLocation": " ".join(
            f"{ns[p]} {name}" for p, name in SCHEMA_FILES[version].items()),
    })
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, cp("schemaversion")).text = SCHEMA_VERSION[version]
    if version == "1.2":
        # a record of its own, as SCORM 1.2 allows: IMS's metadata XSD for
        # 1.2 is not deterministic, so common validators cannot read an
        # inline record with it
        ET.SubElement(metadata, q["adlcp"]("location")).text = METADATA
    else:
        lom = q["lom"]
        general = ET.SubElement(ET.SubElement(metadata, lom("lom")), lom("general"))
        ET.SubElement(ET.SubElement(general, lom("title")), lom("string"), {"language": package.language}).text = package.title
        ET.SubElement(general, lom("language")).text = package.language

    organizations = ET.SubElement(root, cp("organizations"), {"default": "course"})
    organization = ET.SubElement(organizations, cp("organization"), {"identifier": "course"})
    ET.SubElement(organization, cp("title")).text = package.title
    item = ET.SubElement(organization, cp("item"), {"identifier": "course-item", "identifierref": "course-sco"})
    ET.SubElement(item, cp("title")).text = package.title
    if version == "1.2":
        if package.mastery is not None:
            ET.SubElement(item, q["adlcp"]("masteryscore")).text = _number(package.mastery)
    else:
        _sequencing(item, q["imsss"], package)

    resources = ET.SubElement(root, cp("resources"))
    kind = {"1.2": "scormtype", "2004": "scormType"}[version]
    resource = ET.SubElement(resources, cp("resource"), {
        "identifier": "course-sco", "type": "webcontent", q["adlcp"](kind): "sco", "href": LAUNCH,
    })
    for name in package.files:
        ET.SubElement(resource, cp("file"), {"href": name})

    return _xml(root, ns)


def _xml(root, ns: dict) -> bytes:
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    ET.register_namespace("xsi", XSI)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def metadata_xml(package: PackageDescription) -> bytes:
    """SCORM 1.2's metadata record (IMS Learning Resource Meta-data 1.2.1):
    the course's title and language."""
    uri = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
    md = lambda name: f"{{{uri}}}{name}"  # noqa: E731
    root = ET.Element(md("lom"), {f"{{{XSI}}}schemaLocation": f"{uri} imsmd_rootv1p2p1.xsd"})
    general = ET.SubElement(root, md("general"))
    ET.SubElement(ET.SubElement(general, md("title")), md("langstring"), {XML_LANG: package.language}).text = package.title
    ET.SubElement(general, md("language")).text = package.language
    return _xml(root, {"imsmd": uri})


def _sequencing(item, ss, package: PackageDescription) -> None:
    """The course's objectives; the primary one satisfied by the score only
    when the pass rule is a score (see docs/lms.md)."""
    sequencing = ET.SubElement(item, ss("sequencing"))
    objectives = ET.SubElement(sequencing, ss("objectives"))
    primary = {"objectiveID": "course"}
    if package.mastery is not None:
        primary["satisfiedByMeasure"] = "true"
    primary_el = ET.SubElement(objectives, ss("primaryObjective"), primary)
    if package.mastery is not None:
        ET.SubElement(primary_el, ss("minNormalizedMeasure")).text = _number(package.mastery / 100)
    for quiz in package.objectives:
        ET.SubElement(objectives, ss("objective"), {"objectiveID": quiz})
    ET.SubElement(sequencing, ss("deliveryControls"),
                  {"completionSetByContent": "true", "objectiveSetByContent": "true"})


def _number(value: float) -> str:
    return f"{value:g}"
