"""The camera body's serial number, wherever the camera wrote it, printed as ExifTool prints it.

Why a module of its own: EXIF has had a tag for it only since 2010 (BodySerialNumber), and
most cameras keep the serial in their maker note, a vendor's private block that the reader's
exifread pass skips (details=False: fast) and that exifread misreads where it does decode it
(Nikon strings at shifted offsets, no Olympus Equipment IFD) at up to 100 ms a file. So the
few maker-note entries that hold the body serial are read here straight from the file's
EXIF block: a JPEG's APP1 segment or a TIFF-based RAW's own IFDs, a handful of IFD entries.

What counts: the body's number, never a lens, flash or extender serial. Panasonic writes only
an "InternalSerialNumber" (unique, but not the number printed on the body); it is used since
it is the only one. Anything that cannot be a serial (empty, all zeros, non-printable garbage
of a broken maker note) is dropped. Nothing here raises: maker notes are often broken.
"""

from __future__ import annotations

import mmap
import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.images.raw_preview import TYPE_SIZES  # TIFF field type → bytes per value

if TYPE_CHECKING:
    from annotator.core.metadata.exif_raw import RawExif

# exifread's names: 0xA431 in the Exif IFD or flat in IFD0; DNG's CameraSerialNumber 0xC62F
# (unnamed by exifread, named by Pillow's table when Pillow read the EXIF); Camera Raw's 0xFDE9.
_STANDARD = ("EXIF BodySerialNumber", "Image BodySerialNumber", "Image Tag 0xC62F",
             "Image CameraSerialNumber", "EXIF SerialNumber", "Image SerialNumber")
# Makes whose maker note holds a body serial this module reads (none: e.g. Reconyx HC500).
_MAKES = re.compile(r"^\s*(canon|nikon|olympus|epson|panasonic|sigma|foveon|pentax|ricoh|"
                    r"asahi|motorola|reconyx)", re.IGNORECASE)
_TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"IIRO", b"IIRS", b"MMOR", b"IIU\x00")


def clean_serial(value: Any) -> str | None:
    """Printable text up to the first NUL, stripped; None when empty, all zeros or garbage."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).split(b"\x00", 1)[0].decode("latin-1")
    if value is None or isinstance(value, list | dict):
        return None
    text = str(value).split("\x00", 1)[0].strip()
    if not text or len(text) > 64 or not all(" " <= c <= "~" for c in text):
        return None
    digits = re.sub(r"[^0-9A-Za-z]", "", text.removeprefix("NO="))  # Nikon's "NO= 00000000"
    return text if digits.strip("0") else None


def standard_serial(raw: RawExif) -> str | None:
    """EXIF BodySerialNumber (in the Exif IFD or IFD0), else DNG CameraSerialNumber, else
    the SerialNumber Photoshop Camera Raw copies from the maker note."""
    for name in _STANDARD:
        serial = clean_serial(raw.values.get(name))
        if serial:
            return serial
    return None


def maker_note_serial(path: Path, make: str | None, model: str | None) -> str | None:
    """The body serial a Canon, Nikon, Olympus, Pentax/Ricoh, Sigma, Panasonic, Motorola or
    Reconyx maker note holds, in a JPEG or a TIFF-based RAW; None otherwise. Never raises."""
    if make and not _MAKES.match(make):
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            if head[:3] == b"\xff\xd8\xff":
                block = _jpeg_exif(fh, 0)
                return _from_tiff(block, make or "", model or "") if block else None
            if head not in _TIFF_MAGIC:
                return None
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                if head != b"IIU\x00":
                    return _from_tiff(data, make or "", model or "")
                # Panasonic RW2: the EXIF is that of the JPEG preview in IFD0 (JpgFromRaw)
                t = _Tiff(data)
                preview = t.ifd(t.u("I", 4), 0, "<", trusted=True).get(0x002E)
                block = _jpeg_exif(fh, preview[1]) if preview else None
                return _from_tiff(block, make or "", model or "") if block else None
    except Exception:  # noqa: BLE001 - a broken file or maker note: no serial, not an error
        return None


def _jpeg_exif(fh: Any, start: int) -> bytes | None:
    """The TIFF block of the first APP1 `Exif` segment of the JPEG at `start` in `fh`."""
    fh.seek(start + 2)
    for _ in range(64):
        head = fh.read(4)
        if len(head) < 4 or head[0] != 0xFF or head[1] in (0xD9, 0xDA):
            return None  # end of the headers (start of scan) or not a marker: no EXIF
        length = int.from_bytes(head[2:4], "big")
        body = fh.read(max(length - 2, 0))
        if head[1] == 0xE1 and body[:6] == b"Exif\x00\x00":
            return body[6:]
    return None


class _Tiff:
    """IFD entries of a TIFF block (`data`; positions are indexes into it)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.order = "<" if data[:2] == b"II" else ">"
        self.note_end = 0  # where the maker note ends, once found

    def u(self, fmt: str, pos: int, order: str | None = None) -> int:
        return struct.unpack_from((order or self.order) + fmt, self.data, pos)[0]

    def ifd(self, pos: int, base: int, order: str | None,
            trusted: bool = False) -> dict[int, tuple[int, int, int]]:
        """tag → (type, where its value is, its size) for the IFD at `pos` whose value
        offsets count from `base`. A maker note whose offsets count from the TIFF header
        (base 0) goes stale when software moves it: unless `trusted`, such an IFD reads as
        {} when a value lies before its end or beyond the note (ExifTool then guesses a
        fix; we read nothing rather than guess)."""
        count = self.u("H", pos, order) if order and 0 <= pos <= len(self.data) - 2 else 0
        end = pos + 2 + 12 * count
        if not 0 < count <= 512 or end > len(self.data):
            return {}
        out = {}
        for entry in range(pos + 2, end, 12):
            tag, kind, n = struct.unpack_from(f"{order}HHI", self.data, entry)
            size = TYPE_SIZES.get(kind, 0) * n
            start = entry + 8 if size <= 4 else base + self.u("I", entry + 8, order)
            if size > 4 and base == 0 and not trusted and not (
                    end <= start and start + size <= self.note_end):
                return {}
            if 0 < size and 0 <= start and start + size <= len(self.data):
                out[tag] = (kind, start, size)
        return out

    def guess_order(self, pos: int) -> str | None:
        """Maker notes do not always say their byte order: the file's, else the other, if
        it gives a sane entry count and a known type for the first entry."""
        for order in (self.order, ">" if self.order == "<" else "<"):
            if 0 <= pos <= len(self.data) - 8 and 0 < self.u("H", pos, order) <= 512 \
                    and 1 <= self.u("H", pos + 4, order) <= 13:
                return order
        return None

    def text(self, entry: tuple[int, int, int] | None) -> str | None:
        return clean_serial(bytes(self.data[entry[1]:entry[1] + min(entry[2], 256)])) \
            if entry else None


def _from_tiff(data: Any, make: str, model: str) -> str | None:
    """IFD0 → Exif IFD → MakerNote, then the vendor's serial entry in it."""
    t = _Tiff(data)
    exif = t.ifd(t.u("I", 4), 0, t.order, trusted=True).get(0x8769)
    if exif is None or exif[2] != 4:
        return None
    note = t.ifd(t.u("I", exif[1]), 0, t.order, trusted=True).get(0x927C)
    if note is None or note[2] < 8:
        return None
    t.note_end = note[1] + note[2]
    return _vendor(t, note[1], bytes(data[note[1]:note[1] + 16]), make, model)


def _vendor(t: _Tiff, at: int, head: bytes, make: str, model: str) -> str | None:
    """The serial in the maker note at `at` (its first bytes `head`), as ExifTool reads it."""
    def order_at(i: int) -> str | None:
        return {b"II": "<", b"MM": ">"}.get(head[i:i + 2])

    def tag(ifd: int, base: int, order: str | None, number: int) -> str | None:
        return t.text(t.ifd(ifd, base, order).get(number))

    if head.startswith(b"Nikon\x00\x02"):  # a TIFF header of its own at +10
        order = order_at(10)
        entries = t.ifd(at + 10 + t.u("I", at + 14, order), at + 10, order) if order else {}
        return t.text(entries.get(0x001D)) or t.text(entries.get(0x00A0))
    if head.startswith((b"OLYMP\x00", b"EPSON\x00")):
        return _olympus(t, at + 8, 0, t.guess_order(at + 8))
    if head.startswith(b"OLYMPUS\x00"):
        return _olympus(t, at + 12, at, order_at(8))
    if head.startswith(b"Panasonic\x00"):  # InternalSerialNumber: Panasonic has no other
        return tag(at + 12, 0, t.guess_order(at + 12), 0x0025)
    if head.startswith((b"SIGMA\x00", b"FOVEON\x00")):
        return tag(at + 10, 0, t.guess_order(at + 10), 0x0002)
    if head.startswith(b"AOC\x00"):
        return tag(at + 6, 0, t.guess_order(at + 6), 0x0229)
    if head.startswith(b"PENTAX \x00"):
        return tag(at + 10, at, order_at(8), 0x0229)
    if head.startswith(b"RICOH\x00") and order_at(6):  # the GR III's Pentax-style note
        return tag(at + 8, at, order_at(6), 0x0229)
    if head.startswith(b"MOT\x00"):
        return tag(at + 8, at, t.guess_order(at + 8), 0x5501)
    if head.startswith(b"\x01\xf1") and (head[2:4] in (b"\x02\x00", b"\x03\x00")
                                          or make.strip().upper() == "RECONYX"):
        return _utf16(t, at + 0x2A)  # Hyperfire
    if head.startswith(b"RECONYXUF\x00"):
        return clean_serial(bytes(t.data[at + 0x4B:at + 0x4B + 15]))
    if head.startswith(b"RECONYXH2\x00"):
        return _utf16(t, at + 0x7E)
    if make.lower().startswith("canon"):
        return _canon(t, at, model)
    if make.lower().startswith("nikon"):  # the D1's note: an IFD, no header
        entries = t.ifd(at, 0, t.guess_order(at))
        return t.text(entries.get(0x001D)) or t.text(entries.get(0x00A0))
    return None


def _olympus(t: _Tiff, ifd: int, base: int, order: str | None) -> str | None:
    """Equipment (0x2010) SerialNumber, else the main IFD's (0x101A, older models 0x0404)."""
    entries = t.ifd(ifd, base, order)
    equipment = entries.get(0x2010)
    if equipment is not None:
        kind, start, size = equipment
        # an IFD written in place (type undefined), or a pointer to one (IFD, LONG)
        sub = start if kind == 7 else base + t.u("I", start, order)
        serial = t.text(t.ifd(sub, base, order).get(0x0101))
        if serial:
            return serial
    return t.text(entries.get(0x101A)) or t.text(entries.get(0x0404))


def _canon(t: _Tiff, at: int, model: str) -> str | None:
    """0x000C, a number: ExifTool prints it zero-padded to 10 digits, 6 for the EOS-1D
    family, and as hex-then-decimal halves for the D30."""
    order = t.guess_order(at)
    entry = t.ifd(at, 0, order, trusted=True).get(0x000C) if order else None
    if entry is None or entry[0] != 4 or entry[2] != 4:
        return None
    value = t.u("I", entry[1], order)
    if not value:
        return None
    if re.search(r"EOS D30\b", model):
        return f"{value >> 16:04x}{value & 0xFFFF:05d}"
    return f"{value:06d}" if "EOS-1D" in model else f"{value:010d}"


def _utf16(t: _Tiff, start: int) -> str | None:
    """Reconyx writes its serial as 15 UTF-16LE characters."""
    text = bytes(t.data[start:start + 30]).decode("utf-16-le", "replace")
    return clean_serial(text.split("\x00", 1)[0])
