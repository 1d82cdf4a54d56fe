"""The camera body serial: EXIF/DNG tags and the maker notes we read, on generated JPEGs."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from annotator.core.metadata import read_metadata
from annotator.core.metadata.maker_notes import clean_serial, maker_note_serial
from tests.fixtures.factory import EXIF_IFD, make_exif, make_jpeg

BODY_SERIAL, CAMERA_SERIAL, MAKER_NOTE = 0xA431, 0xC62F, 0x927C


def _ifd(entries: list[tuple[int, int, int, bytes]], at: int, order: str = "<") -> bytes:
    """An IFD placed at `at` (counted from its offsets' base), longer values right after it."""
    head, tail = struct.pack(order + "H", len(entries)), b""
    values_at = at + 2 + 12 * len(entries) + 4
    for tag, kind, count, payload in entries:
        if len(payload) <= 4:
            field = payload.ljust(4, b"\x00")
        else:
            field = struct.pack(order + "I", values_at + len(tail))
            tail += payload
        head += struct.pack(order + "HHI", tag, kind, count) + field
    return head + b"\x00\x00\x00\x00" + tail


def _jpeg(tmp_path: Path, *, make: str, model: str = "X", note: bytes | None = None,
          ifd0: dict[int, object] | None = None, exif_ifd: dict[int, object] | None = None
          ) -> Path:
    exif = make_exif(make=make, model=model)
    for tag, value in (ifd0 or {}).items():
        exif[tag] = value
    sub = exif.get_ifd(EXIF_IFD)
    for tag, value in {**(exif_ifd or {}), **({MAKER_NOTE: note} if note else {})}.items():
        sub[tag] = value
    return make_jpeg(tmp_path / "s.jpg", 40, 30, exif=exif)


def test_exif_body_serial_and_dng_camera_serial(tmp_path: Path) -> None:
    body = _jpeg(tmp_path, make="GoPro", exif_ifd={BODY_SERIAL: " C3221324657219 "})
    assert read_metadata(body).serial == "C3221324657219"
    flat = _jpeg(tmp_path, make="NIKON CORPORATION", ifd0={BODY_SERIAL: "3050595"})
    assert read_metadata(flat).serial == "3050595"
    dng = _jpeg(tmp_path, make="Parrot", ifd0={CAMERA_SERIAL: "PI040378D25L000046"})
    assert read_metadata(dng).serial == "PI040378D25L000046"
    zeros = _jpeg(tmp_path, make="GoPro", exif_ifd={BODY_SERIAL: "0000000000"})
    assert read_metadata(zeros).serial is None


def test_canon_serial_is_zero_padded_as_exiftool_prints_it(tmp_path: Path) -> None:
    note = _ifd([(0x0001, 3, 1, b"\x00\x00"), (0x000C, 4, 1, struct.pack("<I", 560018150))], 0)
    assert read_metadata(_jpeg(tmp_path, make="Canon", model="Canon EOS 300D DIGITAL",
                               note=note)).serial == "0560018150"
    assert read_metadata(_jpeg(tmp_path, make="Canon", model="Canon EOS-1D Mark III",
                               note=note.replace(struct.pack("<I", 560018150),
                                                 struct.pack("<I", 5266)))).serial == "005266"


def test_nikon_serial_from_the_maker_notes_own_tiff_header(tmp_path: Path) -> None:
    tiff = b"MM\x00*\x00\x00\x00\x08" + _ifd([(0x0001, 7, 4, b"0210"),
                                            (0x001D, 2, 8, b"3105364\x00")], 8, ">")
    path = _jpeg(tmp_path, make="NIKON CORPORATION", note=b"Nikon\x00\x02\x10\x00\x00" + tiff)
    assert read_metadata(path).serial == "3105364"


def test_olympus_serial_from_the_equipment_ifd_not_the_lens_serial(tmp_path: Path) -> None:
    equipment = _ifd([(0x0101, 2, 32, b"B9U505495".ljust(31) + b"\x00"),  # the body
                      (0x0202, 2, 32, b"AC1205545".ljust(31) + b"\x00")], 30)  # the lens
    main = _ifd([(0x2010, 13, 1, struct.pack("<I", 30))], 12)
    assert len(main) == 18
    path = _jpeg(tmp_path, make="OLYMPUS IMAGING CORP.",
                 note=b"OLYMPUS\x00II\x03\x00" + main + equipment)
    assert read_metadata(path).serial == "B9U505495"


def test_a_maker_note_with_stale_offsets_gives_no_serial(tmp_path: Path) -> None:
    # Panasonic offsets count from the TIFF header: this one points into the IFD0 area,
    # as when software moves the note and leaves its offsets.
    note = b"Panasonic\x00\x00\x00" + struct.pack("<HHHII", 1, 0x0025, 7, 16, 10) + b"\0" * 24
    assert read_metadata(_jpeg(tmp_path, make="Panasonic", note=note)).serial is None


@pytest.mark.parametrize("header", [b"Nikon\x00\x02\x10\x00\x00II*\x00\x08\x00\x00\x00",
                                    b"OLYMPUS\x00II\x03\x00", b"OLYMP\x00\x01\x00",
                                    b"Panasonic\x00\x00\x00", b"SIGMA\x00\x00\x00\x01\x00",
                                    b"AOC\x00II", b"MOT\x00\x01\x01\x01\x01", b"\x01\xf1\x03\x00",
                                    b"RECONYXH2\x00", b""])
def test_garbage_maker_notes_never_raise(tmp_path: Path, header: bytes) -> None:
    rng = random.Random(header)
    for make in ("Canon", "NIKON", "OLYMPUS", "Panasonic", "SIGMA", "PENTAX", "Motorola", None):
        for _ in range(20):
            note = header + bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
            path = _jpeg(tmp_path, make=make or "", note=note)
            serial = maker_note_serial(path, make, "X")
            assert serial is None or clean_serial(serial) == serial
            assert read_metadata(path).error is None


def test_clean_serial_drops_what_cannot_be_a_serial() -> None:
    assert clean_serial(b"G21656736                      \x00") == "G21656736"
    assert clean_serial("NO= 1005a431        ") == "NO= 1005a431"
    assert clean_serial(b"S000407190102\x00\x00\x00") == "S000407190102"
    for bad in (None, "", b"\x00\x00", "   ", "00000000", "NO= 00000000", "L\x90Ko\x0c1",
                [1, 2], "x" * 65):
        assert clean_serial(bad) is None, bad


def test_unreadable_files_give_no_serial(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert maker_note_serial(empty, "Canon", "X") is None
    assert maker_note_serial(tmp_path / "missing.jpg", "Canon", "X") is None
    tiff = tmp_path / "t.tif"
    tiff.write_bytes(b"II*\x00\xff\xff\xff\x7f")
    assert maker_note_serial(tiff, None, None) is None
