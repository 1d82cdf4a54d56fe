"""read_metadata on generated files: normalized fields, the readers' fallbacks, XMP/IPTC,
and the promise that it never raises and never decodes pixels."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from annotator.core.hashing import sha256_of
from annotator.core.metadata import GpsFix, PhotoMetadata, read_metadata
from tests.fixtures.factory import make_exif, make_jpeg, scene
from tests.fixtures.metadata import (
    app1_xmp,
    app13_iptc,
    exif_with_thumbnail,
    jpeg_with,
    png_claiming,
    xmp_packet,
)

# Pillow narrates damaged TIFF/EXIF data as UserWarnings; fuzzed inputs have many.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _jpeg(tmp_path: Path, name: str = "p.jpg", w: int = 64, h: int = 48, **exif) -> Path:
    return make_jpeg(tmp_path / name, w, h, exif=make_exif(**exif))


def test_camera_fields_and_dates_with_subseconds_and_offset(tmp_path: Path) -> None:
    path = _jpeg(tmp_path, software="Firmware 1.2", original=datetime(2023, 10, 27, 10, 15),
                 digitized="2023:10:27 10:15:01", modified="2023:11:02 08:00:00",
                 offset="+01:00", subsec="05")
    meta = read_metadata(path)
    assert meta.error is None
    assert (meta.make, meta.model, meta.software) == ("Canon", "Canon EOS 5D Mark IV",
                                                      "Firmware 1.2")
    assert meta.datetime_original == "2023-10-27T10:15:00.05"
    assert meta.datetime_digitized == "2023-10-27T10:15:01"
    assert meta.datetime_modified == "2023-11-02T08:00:00"
    assert (meta.offset_original, meta.offset_digitized) == ("+01:00", "+01:00")
    assert meta.offset_modified is None
    assert meta.format == "JPEG"
    assert meta.tags["EXIF DateTimeOriginal"] == "2023:10:27 10:15:00"
    assert meta.size == path.stat().st_size


@pytest.mark.parametrize("bad", ["0000:00:00 00:00:00", "    :  :     :  :  ",
                                 "2023:02:30 10:00:00", "garbage", "2023:10:27 25:61:00"])
def test_invalid_dates_become_null(tmp_path: Path, bad: str) -> None:
    meta = read_metadata(_jpeg(tmp_path, original=bad))
    assert meta.datetime_original is None
    assert meta.error is None
    assert "EXIF DateTimeOriginal" in meta.tags  # the raw value is still shown


@pytest.mark.parametrize(("lat", "lon"), [(51.4775, -0.461389), (-33.9461, 151.1772),
                                          (40.6398, -73.7789), (-22.81, -43.2506)])
def test_gps_signed_degrees_from_refs(tmp_path: Path, lat: float, lon: float) -> None:
    meta = read_metadata(_jpeg(tmp_path, gps=(lat, lon)))
    assert meta.gps is not None
    assert meta.gps.lat == pytest.approx(lat, abs=1e-6)
    assert meta.gps.lon == pytest.approx(lon, abs=1e-6)


def test_gps_altitude_below_sea_level_and_utc_clock(tmp_path: Path) -> None:
    when = datetime(2023, 10, 27, 9, 15, 30)
    meta = read_metadata(_jpeg(tmp_path, gps=(52.0, 4.0), gps_alt=-4.5, gps_utc=when))
    assert meta.gps == GpsFix(lat=pytest.approx(52.0), lon=pytest.approx(4.0), alt=-4.5,
                              utc=datetime(2023, 10, 27, 9, 15, 30, tzinfo=UTC))
    assert meta.to_json()["gps"]["utc"] == "2023-10-27T09:15:30Z"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_displayed_size_follows_orientation(tmp_path: Path, orientation: int) -> None:
    meta = read_metadata(_jpeg(tmp_path, w=300, h=200, orientation=orientation))
    assert meta.orientation == orientation
    assert (meta.stored_width, meta.stored_height) == (300, 200)
    expected = (200, 300) if orientation >= 5 else (300, 200)
    assert (meta.width, meta.height) == expected


def test_no_exif_at_all(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    scene(40, 30).save(path)
    meta = read_metadata(path)
    assert meta.error is None
    assert (meta.format, meta.width, meta.height) == ("PNG", 40, 30)
    assert meta.orientation is None and meta.gps is None and meta.make is None
    assert meta.xmp is None and meta.iptc is None
    assert meta.has_thumbnail is False


def test_exif_thumbnail_is_detected(tmp_path: Path) -> None:
    buf = io.BytesIO()
    scene(16, 12).save(buf, "JPEG")
    path = jpeg_with(tmp_path / "t.jpg", exif=exif_with_thumbnail(buf.getvalue()))
    meta = read_metadata(path)
    assert meta.has_thumbnail is True
    assert meta.make == "Cam"
    plain = read_metadata(_jpeg(tmp_path, "n.jpg"))
    assert plain.has_thumbnail is False


def test_exif_behind_an_xmp_block_is_read(tmp_path: Path) -> None:
    exif = make_exif(orientation=6, original="2022:05:01 12:00:00", gps=(48.1, 11.5))
    path = jpeg_with(tmp_path / "x.jpg", exif=exif.tobytes(), segments=(app1_xmp(xmp_packet()),),
                     size=(60, 40))
    meta = read_metadata(path)
    assert meta.error is None
    assert meta.make == "Canon"
    assert meta.datetime_original == "2022-05-01T12:00:00"
    assert meta.orientation == 6 and (meta.width, meta.height) == (40, 60)
    assert meta.gps is not None and meta.gps.lat == pytest.approx(48.1, abs=1e-6)
    assert meta.xmp is not None and meta.xmp["creator"] == "Jane Spotter"


def test_pillow_fallback_reads_the_same_fields_under_the_same_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.metadata import reader as metadata_reader
    from annotator.core.metadata.exif_raw import RawExif

    path = _jpeg(tmp_path, w=60, h=40, orientation=5, original="2022:05:01 12:00:00",
                 offset="-04:00", subsec="250", gps=(-48.1, -11.5), gps_alt=120.0,
                 gps_utc=datetime(2022, 5, 1, 16, 0, 1), software="Editor 2")
    by_exifread = read_metadata(path)
    # What exifread returns on Extended WebP, PNG eXIf after IDAT, BigTIFF: nothing.
    monkeypatch.setattr(metadata_reader, "read_exifread", lambda _path: RawExif())
    by_pillow = read_metadata(path)
    fields = ("make", "model", "software", "orientation", "width", "height",
              "datetime_original", "offset_original", "datetime_digitized", "gps")
    assert by_exifread.datetime_original == "2022-05-01T12:00:00.250"
    for name in fields:
        assert getattr(by_pillow, name) == getattr(by_exifread, name), name
    shared = {"Image Make", "Image Orientation", "EXIF DateTimeOriginal", "GPS GPSLatitude",
              "GPS GPSLatitudeRef", "EXIF SubSecTimeOriginal", "EXIF OffsetTimeOriginal"}
    assert shared <= set(by_pillow.tags) and shared <= set(by_exifread.tags)


@pytest.mark.parametrize("fmt", ["WEBP", "PNG"])
def test_webp_and_png_exif_via_pillow(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"p.{fmt.lower()}"
    exif = make_exif(orientation=8, original="2021:07:04 18:30:00", gps=(-12.5, 130.8))
    scene(50, 20).save(path, fmt, exif=exif.tobytes())
    meta = read_metadata(path)
    assert meta.error is None
    assert meta.format == fmt
    assert meta.orientation == 8 and (meta.width, meta.height) == (20, 50)
    assert meta.datetime_original == "2021-07-04T18:30:00"
    assert meta.gps is not None and meta.gps.lon == pytest.approx(130.8, abs=1e-6)


def test_tiff_size_is_displayed_once(tmp_path: Path) -> None:
    path = tmp_path / "t.tif"
    scene(90, 30).save(path, "TIFF", exif=make_exif(orientation=6))
    meta = read_metadata(path)
    assert (meta.stored_width, meta.stored_height, meta.width, meta.height) == (90, 30, 30, 90)
    assert meta.orientation == 6


def test_heic_size_is_what_libheif_shows(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this libheif has no HEVC encoder")
    pillow_heif.register_heif_opener()
    path = tmp_path / "p.heic"
    exif = make_exif(orientation=6, original="2024:01:02 03:04:05")
    scene(64, 32).save(path, exif=exif.tobytes())
    meta = read_metadata(path)
    assert meta.format == "HEIF"
    assert meta.orientation == 6  # what the file says…
    assert (meta.width, meta.height) == (32, 64)  # …applied once, by libheif
    assert meta.datetime_original == "2024-01-02T03:04:05"


def test_xmp_fields_and_edit_history(tmp_path: Path) -> None:
    path = jpeg_with(tmp_path / "x.jpg", exif=make_exif().tobytes(),
                     segments=(app1_xmp(xmp_packet()),))
    xmp = read_metadata(path).xmp
    assert xmp is not None
    assert xmp["creator"] == "Jane Spotter"
    assert xmp["caption"] == "G-ABCD on finals"
    assert xmp["credit"] == "Spotters Ltd"
    assert xmp["dates"]["xmp:CreateDate"] == "2023-10-27T10:15:00+01:00"
    assert xmp["history"] == [
        {"action": "created", "when": "2023-10-27T10:15:00+01:00",
         "software_agent": "Camera Firmware 1.0", "changed": None},
        {"action": "saved", "when": "2023-10-28T09:00:00+01:00",
         "software_agent": "Adobe Photoshop 25.0", "changed": "/"},
    ]
    assert xmp["properties"]["photoshop:Credit"] == "Spotters Ltd"


def test_xmp_date_fills_a_missing_exif_date_but_never_overrides(tmp_path: Path) -> None:
    extra = "<exif:DateTimeOriginal>2020-01-01T08:00:00+02:00</exif:DateTimeOriginal>"
    packet = xmp_packet(extra=extra)
    only_xmp = jpeg_with(tmp_path / "a.jpg", segments=(app1_xmp(packet),))
    meta = read_metadata(only_xmp)
    assert (meta.datetime_original, meta.offset_original) == ("2020-01-01T08:00:00", "+02:00")
    both = jpeg_with(tmp_path / "b.jpg", exif=make_exif(original="2019:05:05 05:05:05").tobytes(),
                     segments=(app1_xmp(packet),))
    assert read_metadata(both).datetime_original == "2019-05-05T05:05:05"


def test_hostile_xmp_is_refused_without_expanding_entities(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>')
    path = jpeg_with(tmp_path / "x.jpg", exif=make_exif().tobytes(), segments=(app1_xmp(bomb),))
    meta = read_metadata(path)
    assert meta.error is None and meta.xmp is None
    assert "xmp:" in meta.tags["Annotator Warning"]


def test_iptc_fields(tmp_path: Path) -> None:
    segment = app13_iptc([(1, 90, b"\x1b%G"), (2, 80, "Zoë Spotter".encode()),
                          (2, 120, b"Arrival at EGLL"), (2, 110, b"Agency"),
                          (2, 25, b"aviation"), (2, 25, b"A320"),
                          (2, 55, b"20231027"), (2, 60, b"101500+0100")])
    path = jpeg_with(tmp_path / "i.jpg", exif=make_exif().tobytes(), segments=(segment,))
    iptc = read_metadata(path).iptc
    assert iptc is not None
    assert iptc["creator"] == "Zoë Spotter"
    assert iptc["caption"] == "Arrival at EGLL"
    assert iptc["credit"] == "Agency"
    assert iptc["keywords"] == ["aviation", "A320"]
    assert (iptc["date_created"], iptc["offset_created"]) == ("2023-10-27T10:15:00", "+01:00")
    assert iptc["datasets"]["2:120 Caption-Abstract"] == "Arrival at EGLL"


def test_metadata_never_decodes_pixels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _jpeg(tmp_path, w=1200, h=800, orientation=6, original="2023:10:27 10:15:00")

    def no_decode(self):  # type: ignore[no-untyped-def]
        raise AssertionError("read_metadata decoded pixels")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decode)
    monkeypatch.setattr(Image.Image, "load", no_decode)
    meta = read_metadata(path)
    assert meta.error is None
    assert (meta.width, meta.height) == (800, 1200)


def _assert_failed_cleanly(meta: PhotoMetadata, reason: str) -> None:
    assert isinstance(meta, PhotoMetadata)
    assert meta.error == reason
    assert meta.width is None and meta.height is None


def test_never_raises_on_bad_inputs(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    _assert_failed_cleanly(read_metadata(empty), "empty file")
    noise = tmp_path / "noise.jpg"
    noise.write_bytes(random.Random(1).randbytes(4096))
    _assert_failed_cleanly(read_metadata(noise), "not an image file")
    _assert_failed_cleanly(read_metadata(tmp_path / "missing.jpg"), "unreadable: no such file")
    bomb = read_metadata(png_claiming(tmp_path / "bomb.png", 30000, 30000))
    assert bomb.error == "decompression bomb: 900,000,000 pixels exceeds the limit of 250,000,000"


def test_truncated_jpeg_still_reports_its_header(tmp_path: Path) -> None:
    data = _jpeg(tmp_path, w=640, h=480, original="2023:10:27 10:15:00").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) // 2])
    meta = read_metadata(cut)
    # The header is intact: metadata is readable; decoding (ingest, GUI) will refuse it.
    assert meta.error is None
    assert (meta.width, meta.height) == (640, 480)
    assert meta.datetime_original == "2023-10-27T10:15:00"


def test_fuzzed_files_never_raise(tmp_path: Path) -> None:
    rng = random.Random(99)
    base = _jpeg(tmp_path, w=64, h=64, original="2023:10:27 10:15:00", gps=(1.0, 2.0)).read_bytes()
    tiff = io.BytesIO()
    scene(32, 32).save(tiff, "TIFF", exif=make_exif(orientation=3))
    for index, data in enumerate([base, tiff.getvalue()] * 30):
        fuzzed = bytearray(data)
        for _ in range(20):
            fuzzed[rng.randrange(min(len(fuzzed), 600))] = rng.randrange(256)
        path = tmp_path / f"f{index}.bin"
        path.write_bytes(bytes(fuzzed))
        meta = read_metadata(path)
        assert isinstance(meta, PhotoMetadata)
        assert meta.error is None or "\n" not in meta.error


def test_sha256_is_recorded_as_given_and_helper_hashes(tmp_path: Path) -> None:
    path = _jpeg(tmp_path)
    digest = sha256_of(path)
    assert len(digest) == 64
    assert read_metadata(path, sha256=digest, size=123).sha256 == digest
    assert read_metadata(path, sha256=digest, size=123).size == 123


def test_exif_dates_written_flat_into_ifd0_are_read(tmp_path: Path) -> None:
    exif = make_exif()
    exif[0x9003] = "2009:01:19 22:56:26"  # DateTimeOriginal in IFD0, as some converters do
    path = make_jpeg(tmp_path / "flat.jpg", 40, 30, exif=exif)
    assert read_metadata(path).datetime_original == "2009-01-19T22:56:26"


@pytest.mark.parametrize(("name", "head", "reason"), [
    ("x.cr2", b"II*\x00\x10\x00\x00\x00CR\x02\x00", "unsupported RAW format (CR2)"),
    ("x.rw2", b"IIU\x00\x18\x00\x00\x00", "unsupported RAW format (Panasonic RW2)"),
    ("x.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "truncated or corrupt image data"),
])
def test_rejection_names_what_the_bytes_claim(tmp_path: Path, name: str, head: bytes,
                                              reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(head + bytes(200))
    meta = read_metadata(path)
    assert meta.error is not None and meta.error.startswith(reason)


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le", "utf-8-sig"])
def test_xmp_in_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    # ExifTool's own XMP.jpg carries a UTF-16BE packet with no byte-order mark.
    packet = xmp_packet(with_history=False).decode("utf-8").encode(encoding)
    path = jpeg_with(tmp_path / "u.jpg", exif=make_exif().tobytes(),
                     segments=(app1_xmp(packet),))
    meta = read_metadata(path)
    assert meta.xmp is not None, meta.tags.get("Annotator Warning")
    assert meta.xmp["caption"] == "G-ABCD on finals"


def test_xmp_of_a_refused_file_is_still_found(tmp_path: Path) -> None:
    path = tmp_path / "broken.arw"
    path.write_bytes(b"II*\x00" + bytes(60) + xmp_packet() + bytes(100))
    meta = read_metadata(path)
    assert meta.error is not None and meta.error.startswith("unsupported RAW format (ARW)")
    assert meta.xmp is not None and meta.xmp["creator"] == "Jane Spotter"


def test_refused_jpeg_reports_the_size_its_header_claims(tmp_path: Path) -> None:
    data = bytearray(_jpeg(tmp_path, w=200, h=120).read_bytes())
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 7] = b"\x00\x00"  # height 0: "defined later by a DNL marker"
    path = tmp_path / "dnl.jpg"
    path.write_bytes(bytes(data))
    meta = read_metadata(path)
    assert meta.error == "truncated or corrupt image data"
    assert (meta.width, meta.height) == (200, 0)  # as ExifTool reports it
    assert meta.make == "Canon"
