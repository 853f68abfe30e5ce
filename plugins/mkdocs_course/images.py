"""Width and height on the images of a course page, so that the text below
an image does not jump when it arrives (Cumulative Layout Shift).

Only what cannot change how the page looks is added: the size an image file
itself states (a PNG's header; an SVG's ``width`` and ``height`` on its root,
in pixels or without a unit), on an ``<img>`` that gives neither. An SVG with
only a ``viewBox`` has no size of its own, so its ``<img>`` is left alone.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Callable

IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
SRC = re.compile(r'\ssrc="([^"]*)"', re.I)
HAS_SIZE = re.compile(r"\s(?:width|height)\s*=", re.I)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
SVG_LENGTH = r"""\s{name}\s*=\s*["']\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*["']"""
SVG_WIDTH = re.compile(SVG_LENGTH.format(name="width").encode())
SVG_HEIGHT = re.compile(SVG_LENGTH.format(name="height").encode())
SVG_HEAD_BYTES = 4096  # the root element comes first, after an XML declaration or comment


def image_size(path: Path) -> tuple[int, int] | None:
    """The (width, height) in CSS pixels a PNG or SVG file states, or None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SVG_HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(PNG_SIGNATURE) and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return (width, height) if width and height else None
    if path.suffix.lower() == ".svg":
        root = SVG_ROOT.search(head)
        if root:
            width, height = SVG_WIDTH.search(root.group()), SVG_HEIGHT.search(root.group())
            if width and height:
                w, h = round(float(width.group(1))), round(float(height.group(1)))
                return (w, h) if w and h else None
    return None


def add_image_sizes(html: str, locate: Callable[[str], Path | None]) -> str:
    """``html`` with ``width`` and ``height`` on each ``<img>`` that has
    neither and whose ``src`` ``locate`` turns into a file of known size."""

    def sized(match: re.Match) -> str:
        tag = match.group()
        src = SRC.search(tag)
        if not src or HAS_SIZE.search(tag):
            return tag
        path = locate(src.group(1))
        size = image_size(path) if path else None
        if not size:
            return tag
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return f'{tag[:end].rstrip()} width="{size[0]}" height="{size[1]}"{tag[end:]}'

    return IMG_TAG.sub(sized, html) if "<img" in html else html
