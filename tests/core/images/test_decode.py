"""Opening images safely: every bad input is refused with one sentence, the pixel limit is
ours alone (Pillow's own 89 MP warning / 179 MP refusal never decide), and the reduced
decode is small, RGB and upright."""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

import pytest
from PIL import Image

from annotator.core.errors import InputRejected
from annotator.core.images import decode
from tests.fixtures.factory import make_exif, make_jpeg, scene
from tests.fixtures.metadata import png_claiming

# Pillow narrates damaged TIFF/EXIF data as UserWarnings; fuzzed inputs have many.
pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning"),
              pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")]


@pytest.fixture(autouse=True)
def _default_limit():
    decode.set_max_pixels(decode.DEFAULT_MAX_PIXELS)
    yield
    decode.set_max_pixels(decode.DEFAULT_MAX_PIXELS)


def _reason(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputRejected) as info:
        decode.open_image(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_good_jpeg_opens_lazily_with_its_header_size(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "a.jpg", 320, 200)
    with decode.open_image(path) as im:
        assert im.size == (320, 200)
        assert im.format == "JPEG"
        assert im.tile, "the pixels must not have been decoded yet"


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    assert _reason(path) == "empty file"


def test_random_bytes_named_jpg_are_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "noise.jpg"
    path.write_bytes(random.Random(7).randbytes(5000))
    assert _reason(path) == "not an image file"


def test_text_file_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("flight log\n" * 50)
    assert _reason(path) == "not an image file"


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.jpg") == "unreadable: no such file"


def test_folder_is_unreadable(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "unreadable: is a directory"


def test_permission_denied_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_jpeg(tmp_path / "locked.jpg", 32, 32)

    def refuse(*_args: object, **_kwargs: object):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(decode, "open", refuse, raising=False)
    assert _reason(path) == "unreadable: permission denied"


def test_chmod_000_file_is_unreadable(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "locked.jpg", 32, 32)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: a chmod 000 file is still readable")
        assert _reason(path) == "unreadable: permission denied"
    finally:
        path.chmod(0o644)


def test_truncated_jpeg_opens_but_refuses_to_decode(tmp_path: Path) -> None:
    good = make_jpeg(tmp_path / "good.jpg", 800, 600)
    data = good.read_bytes()
    bad = tmp_path / "cut.jpg"
    bad.write_bytes(data[: len(data) // 2])
    with decode.open_image(bad) as im:  # the header is intact
        assert im.size == (800, 600)
    for call in (lambda: decode.reduced_upright(bad, 256), lambda: decode.full_upright(bad)):
        with pytest.raises(InputRejected, match="^truncated or corrupt image data$"):
            call()


def test_jpeg_cut_inside_its_header_is_corrupt_not_foreign(tmp_path: Path) -> None:
    data = make_jpeg(tmp_path / "good.jpg", 64, 64).read_bytes()
    bad = tmp_path / "stub.jpg"
    bad.write_bytes(data[:40])
    assert _reason(bad) == "truncated or corrupt image data"


def test_fuzzed_tiff_is_rejected_or_decodes_but_never_crashes(tmp_path: Path) -> None:
    buf = io.BytesIO()
    scene(64, 48).save(buf, "TIFF", exif=make_exif(orientation=6))
    data = bytearray(buf.getvalue())
    rng = random.Random(2024)
    outcomes = set()
    for round_ in range(40):
        fuzzed = bytearray(data)
        for _ in range(12):
            fuzzed[rng.randrange(len(fuzzed))] = rng.randrange(256)
        path = tmp_path / f"fuzz{round_}.tif"
        path.write_bytes(bytes(fuzzed))
        try:
            im = decode.reduced_upright(path, 32)
        except InputRejected as exc:
            assert "\n" not in str(exc)
            outcomes.add("rejected")
        else:
            assert im.mode == "RGB" and max(im.size) <= 32
            outcomes.add("decoded")
    assert "rejected" in outcomes


def test_pixel_bomb_is_refused_from_the_header(tmp_path: Path) -> None:
    path = png_claiming(tmp_path / "bomb.png", 30000, 30000)
    assert path.stat().st_size < 1000
    assert _reason(path) == (
        "decompression bomb: 900,000,000 pixels exceeds the limit of 250,000,000")


def test_our_limit_replaces_pillows_defaults(tmp_path: Path) -> None:
    # 200 MP: Pillow's default would refuse (> 179 MP); under our 250 MP it opens.
    assert Image.MAX_IMAGE_PIXELS == decode.DEFAULT_MAX_PIXELS
    path = png_claiming(tmp_path / "big.png", 20000, 10000)
    with decode.open_image(path) as im:
        assert im.size == (20000, 10000)


def test_limit_is_configurable_and_pillow_follows(tmp_path: Path) -> None:
    path = png_claiming(tmp_path / "mid.png", 4000, 3000)
    decode.set_max_pixels(10_000_000)
    assert Image.MAX_IMAGE_PIXELS == 10_000_000
    assert decode.max_pixels() == 10_000_000
    assert _reason(path) == "decompression bomb: 12,000,000 pixels exceeds the limit of 10,000,000"
    # Over twice our limit Pillow itself raises; it must read the same.
    huge = png_claiming(tmp_path / "huge.png", 10000, 10000)
    assert _reason(huge) == (
        "decompression bomb: 100,000,000 pixels exceeds the limit of 10,000,000")
    # A per-call limit overrides the process one.
    with decode.open_image(path, max_pixels=20_000_000) as im:
        assert im.size == (4000, 3000)
    with pytest.raises(ValueError):
        decode.set_max_pixels(0)


def test_register_heif_is_idempotent() -> None:
    decode.register_heif()
    decode.register_heif()
    assert ".heic" in Image.registered_extensions()


def test_reduced_upright_is_small_rgb_and_uses_the_reduced_jpeg_decode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import JpegImagePlugin

    path = make_jpeg(tmp_path / "big.jpg", 2400, 1600, exif=make_exif(orientation=6))
    scaled: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):  # type: ignore[no-untyped-def]
        result = original(self, mode, size)
        scaled.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    thumb = decode.reduced_upright(path, 256)
    assert thumb.mode == "RGB"
    assert thumb.size == (171, 256)  # 1600 × 2400 displayed, long side 256
    assert scaled and scaled[0] == (300, 200), "the JPEG was not decoded at 1/8 scale"


def test_reduced_upright_never_enlarges(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "small.jpg", 100, 50)
    assert decode.reduced_upright(path, 1600).size == (100, 50)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "L", "1", "CMYK", "I;16", "I", "F"])
def test_every_pixel_mode_comes_back_rgb(tmp_path: Path, mode: str) -> None:
    im = Image.new(mode, (40, 30))
    fmt = "JPEG" if mode == "CMYK" else "TIFF"
    path = tmp_path / f"m.{fmt.lower()}"
    im.save(path, fmt)
    assert decode.full_upright(path).mode == "RGB"
    assert decode.reduced_upright(path, 20).size == (20, 15)


def test_sixteen_bit_image_is_scaled_not_clipped(tmp_path: Path) -> None:
    im = Image.new("I;16", (4, 1))
    for x, v in enumerate((0, 1000, 2000, 4000)):
        im.putpixel((x, 0), v)
    path = tmp_path / "deep.tif"
    im.save(path)
    out = decode.full_upright(path)
    assert out.getpixel((0, 0))[0] == 0 and out.getpixel((3, 0))[0] == 255
    assert 0 < out.getpixel((1, 0))[0] < out.getpixel((2, 0))[0] < 255


def test_transparency_is_shown_over_white(tmp_path: Path) -> None:
    path = tmp_path / "clear.png"
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(path)
    assert decode.full_upright(path).getpixel((0, 0)) == (255, 255, 255)


def test_header_size_is_the_stored_grid(tmp_path: Path) -> None:
    path = make_jpeg(tmp_path / "turned.jpg", 300, 200, exif=make_exif(orientation=8))
    assert decode.header_size(path) == (300, 200, "JPEG")
    assert decode.displayed_size(300, 200, 8) == (200, 300)
