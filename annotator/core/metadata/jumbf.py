"""The C2PA manifest store embedded in a file, as its raw bytes (a `.c2pa` file: the JUMBF
superbox labelled `c2pa`), for the evidence packet: the SDK reads and checks it but offers
no way to take it out.

JPEG keeps it in APP11 segments (ISO/IEC 19566-5: each segment carries `JP`, a box
instance number, a sequence number, then a slice of the box; every slice after the first
repeats the box's 8-byte header, which is dropped when they are joined); PNG in a `caBX`
chunk. Other containers (HEIF, MP4, WebP, TIFF/DNG) return None: their store is still in the
original, which the packet carries byte for byte.
"""

from __future__ import annotations

import struct
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_STORE = 64 * 1024 * 1024


def embedded_store(path: Path | str) -> bytes | None:
    """The raw manifest store, or None (no store, an unsupported container, a read error)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
            fh.seek(0)
            if head[:2] == b"\xff\xd8":
                return _jpeg_store(fh.read(MAX_STORE * 2))
            if head == PNG_SIGNATURE:
                return _png_store(fh.read(MAX_STORE * 2))
    except OSError:
        return None
    return None


def _jpeg_store(data: bytes) -> bytes | None:
    boxes: dict[int, list[tuple[int, bytes]]] = {}
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None  # not at a marker: a damaged header
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no header after this
            break
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segment = data[pos + 4:pos + 2 + length]
        if marker == 0xEB and segment[:2] == b"JP" and len(segment) >= 16:
            instance = struct.unpack(">H", segment[2:4])[0]
            sequence = struct.unpack(">I", segment[4:8])[0]
            boxes.setdefault(instance, []).append((sequence, segment[8:]))
        pos += 2 + length
    for slices in boxes.values():
        slices.sort()
        joined = slices[0][1] + b"".join(s[8:] for _, s in slices[1:])
        if _is_c2pa_store(joined):
            return joined
    return None


def _png_store(data: bytes) -> bytes | None:
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"caBX":
            store = data[pos + 8:pos + 8 + length]
            return store if _is_c2pa_store(store) else None
        if kind == b"IEND":
            break
        pos += 12 + length
    return None


def _is_c2pa_store(box: bytes) -> bool:
    """A JUMBF superbox (`jumb`) whose description box is labelled `c2pa`."""
    return len(box) > 40 and box[4:8] == b"jumb" and b"c2pa" in box[8:64]
