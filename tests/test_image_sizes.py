"""Course pages' images carry the width and height their files state, so
the text below does not jump as they load; nothing else is touched."""

from __future__ import annotations

import re
import struct
import zlib

from conftest import build_site


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


SIZED_SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 46 54" width="460" height="546"></svg>'
VIEWBOX_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'


def images_of(html: str) -> dict[str, str]:
    return {re.search(r'alt="([^"]*)"', tag).group(1): tag for tag in re.findall(r"<img\b[^>]*>", html)}


def test_local_images_get_the_size_their_files_state(project):
    folder = project(pages={
        "index.md": "# Home\n",
        "module/one.md": """\
            # One

            ![sized svg](../images/chart.svg)

            ![png](../images/photo%20one.png)

            ![viewbox only](../images/plain.svg)

            ![given](../images/photo%20one.png){ width="40" }

            ![elsewhere](https://example.org/picture.png)

            ![missing](../images/none.png)
            """,
    }, extra_config="markdown_extensions:\n  - attr_list\n")
    images = folder / "course" / "en" / "images"
    images.mkdir()
    (images / "chart.svg").write_text(SIZED_SVG, encoding="utf-8")
    (images / "plain.svg").write_text(VIEWBOX_SVG, encoding="utf-8")
    (images / "photo one.png").write_bytes(png(12, 7))
    site = build_site(folder, strict=False)
    shown = images_of((site / "module" / "one" / "index.html").read_text(encoding="utf-8"))
    assert 'width="460" height="546"' in shown["sized svg"]
    assert 'width="12" height="7"' in shown["png"]
    for untouched in ("viewbox only", "elsewhere", "missing"):
        assert "width=" not in shown[untouched] and "height=" not in shown[untouched], untouched
    assert 'width="40"' in shown["given"] and "height=" not in shown["given"]
