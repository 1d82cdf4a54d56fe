"""The largest JPEG a camera RAW file carries, so RAW photos can be shown and annotated.

Pillow cannot develop sensor data, but nearly every TIFF-structured RAW (NEF, CR2, ARW, DNG,
PEF, ORF, RW2…) embeds a JPEG preview, often at full resolution (Nikon's JpgFromRaw, the
CR2 IFD0 image, DNG preview SubIFDs). We walk the TIFF IFDs (IFD chain and SubIFDs), collect
every embedded JPEG (JPEGInterchangeFormat, single-strip JPEG-compressed images, Panasonic's
JpgFromRaw tag) and keep the largest. Orientation and XMP come from IFD0: the preview
itself usually carries neither.

The walk is bounded (IFD count, entries per IFD, loops) so a hostile file costs little.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_IFDS = 64
MAX_ENTRIES = 2000
MAX_XMP = 4 << 20
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
# TIFF magic numbers: standard, Panasonic RW2, Olympus ORF (two variants).
MAGICS = {42, 0x55, 0x4F52, 0x5352}

JPEG_OFFSET, JPEG_LENGTH = 0x0201, 0x0202
COMPRESSION, STRIP_OFFSETS, STRIP_COUNTS = 0x0103, 0x0111, 0x0117
SUB_IFDS, ORIENTATION, XMP_TAG = 0x014A, 0x0112, 0x02BC
RW2_JPG_FROM_RAW = 0x002E
EXIF_IFD = 0x8769


@dataclass(frozen=True)
class RawPreview:
    """The embedded JPEG's bytes, and what IFD0 says about the picture."""

    jpeg: bytes
    orientation: int | None
    xmp: bytes | None


class _Reader:
    def __init__(self, fh: BinaryIO, size: int) -> None:
        self.fh = fh
        self.size = size
        self.endian = "<"

    def read(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            return b""
        self.fh.seek(offset)
        return self.fh.read(length)

    def entries(self, offset: int) -> list[tuple[int, int, int, bytes]]:
        """(tag, type, count, 4-byte value field) for each entry of the IFD at `offset`."""
        head = self.read(offset, 2)
        if len(head) < 2:
            return []
        (count,) = struct.unpack(self.endian + "H", head)
        if count == 0 or count > MAX_ENTRIES:
            return []
        data = self.read(offset + 2, count * 12)
        out = []
        for i in range(len(data) // 12):
            tag, typ, n = struct.unpack(self.endian + "HHI", data[i * 12:i * 12 + 8])
            out.append((tag, typ, n, data[i * 12 + 8:i * 12 + 12]))
        return out

    def next_ifd(self, offset: int, count: int) -> int:
        raw = self.read(offset + 2 + count * 12, 4)
        return struct.unpack(self.endian + "I", raw)[0] if len(raw) == 4 else 0

    def values(self, typ: int, count: int, field: bytes) -> list[int]:
        """Integer values of a BYTE/SHORT/LONG/IFD entry (inline or at its offset)."""
        size = TYPE_SIZES.get(typ)
        if size is None or typ not in (1, 3, 4, 9, 13) or count > 4096:
            return []
        total = size * count
        raw = field[:total] if total <= 4 else self.read(
            struct.unpack(self.endian + "I", field)[0], total)
        if len(raw) < total:
            return []
        fmt = {1: "B", 3: "H", 4: "I", 9: "i", 13: "I"}[typ]
        return list(struct.unpack(self.endian + fmt * count, raw))

    def blob(self, typ: int, count: int, field: bytes, limit: int) -> bytes | None:
        size = TYPE_SIZES.get(typ, 1) * count
        if size > limit:
            return None
        if size <= 4:
            return field[:size]
        return self.read(struct.unpack(self.endian + "I", field)[0], size) or None


def _is_jpeg(reader: _Reader, offset: int, length: int) -> bool:
    return length > 2 and reader.read(offset, 2) == b"\xff\xd8"


def find_preview(path: Path) -> RawPreview | None:
    """The largest embedded JPEG of a TIFF-structured RAW file, or None."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            return _walk(_Reader(fh, size))
    except (OSError, struct.error, ValueError):
        return None


def _walk(reader: _Reader) -> RawPreview | None:
    head = reader.read(0, 8)
    if len(head) < 8 or head[:2] not in (b"II", b"MM"):
        return None
    reader.endian = "<" if head[:2] == b"II" else ">"
    magic, first = struct.unpack(reader.endian + "HI", head[2:8])
    if magic not in MAGICS:
        return None
    candidates: list[tuple[int, int]] = []
    orientation: int | None = None
    xmp: bytes | None = None
    queue = [(first, True)]
    seen: set[int] = set()
    while queue and len(seen) < MAX_IFDS:
        offset, is_ifd0 = queue.pop(0)
        if offset <= 0 or offset in seen:
            continue
        seen.add(offset)
        entries = reader.entries(offset)
        tags = {tag: (typ, n, field) for tag, typ, n, field in entries}

        def ints(tag: int, tags: dict = tags) -> list[int]:
            return reader.values(*tags[tag]) if tag in tags else []

        jpeg_at, jpeg_len = ints(JPEG_OFFSET), ints(JPEG_LENGTH)
        if jpeg_at and jpeg_len and _is_jpeg(reader, jpeg_at[0], jpeg_len[0]):
            candidates.append((jpeg_at[0], jpeg_len[0]))
        strips, counts, compression = ints(STRIP_OFFSETS), ints(STRIP_COUNTS), ints(COMPRESSION)
        if (len(strips) == 1 and len(counts) == 1 and compression and compression[0] in (6, 7)
                and _is_jpeg(reader, strips[0], counts[0])):
            candidates.append((strips[0], counts[0]))
        if RW2_JPG_FROM_RAW in tags:
            typ, n, field = tags[RW2_JPG_FROM_RAW]
            at = struct.unpack(reader.endian + "I", field)[0] if n > 4 else -1
            if at > 0 and _is_jpeg(reader, at, n):
                candidates.append((at, n))
        if is_ifd0:
            values = ints(ORIENTATION)
            orientation = values[0] if values and 1 <= values[0] <= 8 else None
            if XMP_TAG in tags:
                xmp = reader.blob(*tags[XMP_TAG], limit=MAX_XMP)
        queue.extend((sub, False) for sub in ints(SUB_IFDS))
        nxt = reader.next_ifd(offset, len(entries)) if entries else 0
        if nxt:
            queue.append((nxt, False))
    if not candidates:
        return None
    at, length = max(candidates, key=lambda c: c[1])
    data = reader.read(at, length)
    if not data.startswith(b"\xff\xd8"):
        return None
    return RawPreview(jpeg=data, orientation=orientation, xmp=xmp)
