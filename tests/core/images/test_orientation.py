"""EXIF Orientation ↔ displayed space: a marker drawn in the stored image must land where the
mapping says, for all eight orientations, in memory and through real files (JPEG, PNG, TIFF,
HEIC), and boxes must survive a round trip (labelImg #198, CVAT #733 are the bugs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageOps

from annotator.core.images import decode
from annotator.core.images.orientation import (
    displayed_size,
    displayed_to_stored_box,
    displayed_to_stored_point,
    normalize,
    stored_to_displayed_box,
    stored_to_displayed_point,
    upright,
)
from tests.fixtures.metadata import exif_orientation_bytes, marker_image

W, H = 120, 80
MARK = (10, 6, 40, 26)  # a white box near the stored top-left corner (x0, y0, x1, y1)
ALL = range(1, 9)


def _white_bbox(im: Image.Image) -> tuple[int, int, int, int]:
    gray = im.convert("L").point(lambda v: 255 if v > 128 else 0)
    box = gray.getbbox()
    assert box is not None, "marker vanished"
    return box


def _close(a: tuple[float, ...], b: tuple[float, ...], tol: float) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("orientation", ALL)
def test_displayed_size_swaps_only_for_5_to_8(orientation: int) -> None:
    expected = (H, W) if orientation >= 5 else (W, H)
    assert displayed_size(W, H, orientation) == expected


@pytest.mark.parametrize("orientation", ALL)
def test_marker_lands_where_the_box_mapping_says(orientation: int) -> None:
    stored = marker_image(W, H, MARK)
    shown = upright(stored, orientation)
    assert shown.size == displayed_size(W, H, orientation)
    assert _white_bbox(shown) == tuple(int(v) for v in stored_to_displayed_box(
        MARK, W, H, orientation))


@pytest.mark.parametrize("orientation", ALL)
def test_upright_agrees_with_pillows_exif_transpose(orientation: int) -> None:
    stored = marker_image(W, H, MARK)
    tagged = stored.copy()
    exif = Image.Exif()
    exif[0x0112] = orientation
    tagged.info["exif"] = exif.tobytes()
    reference = ImageOps.exif_transpose(tagged)
    assert upright(stored, orientation).tobytes() == reference.tobytes()


@pytest.mark.parametrize("orientation", ALL)
def test_point_and_box_round_trip(orientation: int) -> None:
    for x, y in [(0, 0), (W, H), (13.5, 70.25), (W, 0), (0, H)]:
        dx, dy = stored_to_displayed_point(x, y, W, H, orientation)
        dw, dh = displayed_size(W, H, orientation)
        assert 0 <= dx <= dw and 0 <= dy <= dh
        assert displayed_to_stored_point(dx, dy, W, H, orientation) == pytest.approx((x, y))
    box = (12.0, 5.0, 50.5, 33.0)
    shown = stored_to_displayed_box(box, W, H, orientation)
    assert shown[0] <= shown[2] and shown[1] <= shown[3]
    assert displayed_to_stored_box(shown, W, H, orientation) == pytest.approx(box)


def test_stored_top_left_is_shown_top_right_for_orientation_6() -> None:
    # Orientation 6: the camera was turned clockwise; the picture is rotated 90° CW to show.
    assert stored_to_displayed_point(0, 0, W, H, 6) == (H, 0)
    assert stored_to_displayed_point(0, 0, W, H, 8) == (0, W)


@pytest.mark.parametrize("junk", [None, 0, 9, -1, "x", "6x"])
def test_unusable_orientation_values_mean_as_stored(junk: object) -> None:
    assert normalize(junk) == 1
    im = marker_image(W, H, MARK)
    assert upright(im, junk) is im  # type: ignore[arg-type]


def _save(path: Path, fmt: str, orientation: int) -> Path:
    im = marker_image(W, H, MARK)
    if fmt == "JPEG":
        im.save(path, "JPEG", quality=95, exif=exif_orientation_bytes(orientation))
    elif fmt == "PNG":
        im.save(path, "PNG", exif=exif_orientation_bytes(orientation))
    elif fmt in ("WEBP", "AVIF"):
        im.save(path, fmt, lossless=True, quality=100, exif=exif_orientation_bytes(orientation))
    elif fmt == "TIFF":
        exif = Image.Exif()
        exif[0x0112] = orientation
        im.save(path, "TIFF", exif=exif, compression="tiff_lzw")
    return path


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP", "AVIF"])
@pytest.mark.parametrize("orientation", ALL)
def test_files_decode_upright_exactly_once(tmp_path: Path, fmt: str, orientation: int) -> None:
    """Pillow's TIFF loader orients by itself; JPEG, PNG, WebP and AVIF (whose irot/imir
    Pillow reports as EXIF Orientation) do not. Either way the marker must be where the
    mapping says, never turned twice."""
    from PIL import features

    if fmt == "AVIF" and not features.check("avif"):
        pytest.skip("this Pillow has no AVIF support")
    path = _save(tmp_path / f"o{orientation}.{fmt.lower()}", fmt, orientation)
    expected = stored_to_displayed_box(MARK, W, H, orientation)
    full = decode.full_upright(path)
    assert full.mode == "RGB"
    assert full.size == displayed_size(W, H, orientation)
    assert _close(_white_bbox(full), expected, 2)
    # Passing the orientation explicitly (as ingest and the GUI do) must not add a turn.
    again = decode.full_upright(path, orientation=orientation)
    assert _close(_white_bbox(again), expected, 2)
    small = decode.reduced_upright(path, 60, orientation=orientation)
    assert max(small.size) == 60
    scale = 60 / max(W, H)
    assert _close(_white_bbox(small), tuple(v * scale for v in expected), 3)
    with decode.open_image(path) as im:
        g = decode.geometry(im)
    assert (g.width, g.height) == displayed_size(W, H, orientation)
    assert (g.stored_width, g.stored_height) == (W, H)


def test_heic_container_rotation_is_not_applied_twice(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this libheif has no HEVC encoder")
    decode.register_heif()
    path = tmp_path / "turned.heic"
    im = marker_image(W, H, MARK)
    # pillow-heif writes EXIF Orientation 6 as the container's `irot`, as phones do.
    im.save(path, quality=95, exif=exif_orientation_bytes(6))
    shown = decode.full_upright(path, orientation=6)
    assert shown.size == (H, W)
    assert _close(_white_bbox(shown), stored_to_displayed_box(MARK, W, H, 6), 3)
