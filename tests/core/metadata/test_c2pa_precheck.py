"""The JPEG pre-check that spares the C2PA SDK on files that cannot hold a manifest store."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from annotator.core.metadata.credentials import _jpeg_without_app11


def _jpeg(extra_segment: bytes = b"") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 120, 200)).save(buf, "JPEG")
    data = buf.getvalue()
    return data[:2] + extra_segment + data[2:]


def test_a_plain_jpeg_has_no_app11(tmp_path: Path):
    f = tmp_path / "plain.jpg"
    f.write_bytes(_jpeg())
    assert _jpeg_without_app11(f)


def test_a_jpeg_with_an_app11_segment_goes_to_the_sdk(tmp_path: Path):
    payload = b"JP\x00\x01" + b"jumb" + b"c2pa" + b"\x00" * 8
    segment = b"\xff\xeb" + (len(payload) + 2).to_bytes(2, "big") + payload
    f = tmp_path / "c2pa.jpg"
    f.write_bytes(_jpeg(segment))
    assert not _jpeg_without_app11(f)


def test_anything_unexpected_goes_to_the_sdk(tmp_path: Path):
    png = tmp_path / "x.png"
    Image.new("RGB", (4, 4)).save(png)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe1\x00")  # a segment cut in its length
    assert not _jpeg_without_app11(png)
    assert not _jpeg_without_app11(broken)
    assert not _jpeg_without_app11(tmp_path / "missing.jpg")
