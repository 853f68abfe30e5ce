"""The course's app icons, drawn in pure Python as PNG files.

A square in the course's theme colour with a white check mark inside the
central circle that every launcher keeps (a "maskable" icon's safe zone is
the circle of 80% of the side), so one drawing serves both as an ordinary
icon and as a maskable one. No image library is needed for a square and two
strokes; the mark is anti-aliased by its distance to the strokes.
"""

from __future__ import annotations

import re
import struct
import zlib
from functools import lru_cache

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# The check mark, in fractions of the side: two strokes meeting at the bottom,
# well inside the safe zone (a circle of radius 0.4 around the centre).
MARK = ((0.31, 0.52), (0.44, 0.65), (0.70, 0.38))
STROKE = 0.075  # half the stroke's width


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three numbers (the caller checked it with HEX_COLOUR)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def _row_cover(cy: float, points, width: float, size: int) -> list[tuple[int, int, float]]:
    """Runs (first pixel, end, how much of each the mark covers) of one row,
    only where the mark touches it.

    The distance to the mark changes by at most one pixel per pixel, so a run
    of pixels whose centre is far outside (or deep inside) the stroke is
    wholly background (or wholly mark) without looking at each pixel; only
    runs across the stroke's edge are halved until single pixels remain.
    """
    a, b, c = points
    cover: list[tuple[int, int, float]] = []

    def distance(x: float) -> float:
        return min(_distance(x, cy, a, b), _distance(x, cy, b, c))

    def fill(x0: int, x1: int) -> None:
        d = distance((x0 + x1) / 2)
        half = (x1 - x0) / 2
        if d - half >= width + 0.5:
            return  # every pixel here is background
        if d + half <= width - 0.5:
            cover.append((x0, x1, 1.0))
            return
        if x1 - x0 == 1:
            # 1 inside the stroke, 0 outside, a pixel's ramp
            cover.append((x0, x1, max(0.0, min(1.0, width - d + 0.5))))
            return
        middle = (x0 + x1) // 2
        fill(x0, middle)
        fill(middle, x1)

    fill(0, size)
    return cover


@lru_cache(maxsize=8)
def icon_png(size: int, colour: str) -> bytes:
    """A ``size`` x ``size`` PNG: the theme colour with a white check mark."""
    back = bytes(rgb(colour))
    points = [(x * size, y * size) for x, y in MARK]
    width = STROKE * size
    plain = b"\x00" + back * size  # filter byte "none", then the row's pixels
    rows = []
    for y in range(size):
        cover = _row_cover(y + 0.5, points, width, size)
        if not cover:
            rows.append(plain)
            continue
        row = bytearray(plain)
        for x0, x1, amount in cover:
            pixel = bytes(round(c + (255 - c) * amount) for c in back)
            row[1 + 3 * x0: 1 + 3 * x1] = pixel * (x1 - x0)
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png(width: int, height: int, raw: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, read from its header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])
