"""Camera RAW files are shown through their largest embedded JPEG, turned by the RAW's own
IFD0 Orientation (the preview carries none), and described by the RAW's metadata."""

from __future__ import annotations

from pathlib import Path

from annotator.core.images import decode
from annotator.core.images.orientation import stored_to_displayed_box
from annotator.core.images.raw_preview import find_preview
from annotator.core.metadata import read_metadata
from tests.fixtures.metadata import marker_image, raw_like, xmp_packet

MARK = (20, 10, 80, 50)


def _white_bbox(im) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    return im.convert("L").point(lambda v: 255 if v > 128 else 0).getbbox()


def test_the_full_size_preview_is_found(tmp_path: Path) -> None:
    path = raw_like(tmp_path / "DSC_0001.NEF", marker_image(300, 200, MARK), orientation=6)
    preview = find_preview(path)
    assert preview is not None
    assert preview.jpeg[:2] == b"\xff\xd8" and preview.orientation == 6


def test_raw_metadata_describes_the_preview_as_displayed(tmp_path: Path) -> None:
    path = raw_like(tmp_path / "DSC_0001.nef", marker_image(300, 200, MARK), orientation=6,
                    xmp=xmp_packet(with_history=False))
    meta = read_metadata(path)
    assert meta.error is None
    assert meta.format == "NEF"
    assert (meta.stored_width, meta.stored_height) == (300, 200)
    assert (meta.width, meta.height, meta.orientation) == (200, 300, 6)
    assert meta.make == "NIKON"
    assert meta.xmp is not None and meta.xmp["creator"] == "Jane Spotter"
    assert decode.header_size(path) == (300, 200, "NEF")


def test_raw_preview_decodes_upright(tmp_path: Path) -> None:
    path = raw_like(tmp_path / "IMG_0001.CR2", marker_image(300, 200, MARK), orientation=8)
    full = decode.full_upright(path)
    assert full.size == (200, 300)
    expected = stored_to_displayed_box(MARK, 300, 200, 8)
    assert all(abs(a - b) <= 2 for a, b in zip(_white_bbox(full), expected, strict=True))
    small = decode.reduced_upright(path, 150)
    assert small.size == (100, 150)


def test_raw_without_a_usable_preview_falls_back_to_pillow(tmp_path: Path) -> None:
    path = raw_like(tmp_path / "x.nef", marker_image(64, 48, MARK))
    data = bytearray(path.read_bytes())
    at = data.rfind(b"\xff\xd8")
    data[at:at + 2] = b"\x00\x00"  # the preview is no JPEG any more
    path.write_bytes(bytes(data))
    assert find_preview(path) is None
    with decode.open_image(path) as im:  # Pillow reads IFD0's small thumbnail
        assert im.size == (16, 12)


def test_a_jpeg_named_nef_is_just_a_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "renamed.nef"
    marker_image(40, 30, MARK).save(path, "JPEG")
    meta = read_metadata(path)
    assert (meta.format, meta.width, meta.height) == ("JPEG", 40, 30)
