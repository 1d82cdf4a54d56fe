"""What a file's first bytes claim, for files the decoder refuses.

Two uses: naming the reason of a rejection precisely (a JPEG Pillow cannot open is
"truncated or corrupt", a Panasonic RW2 is "an unsupported RAW format", a text file is
"not an image file"), and reporting the pixel size a refused file's header claims (TIFF
IFD0 ImageWidth/ImageLength, JPEG SOF), the way ExifTool reports it beside its warning.
Nothing here decodes pixels.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from annotator.core.metadata.exif_raw import RawExif

RAW_SIGNATURES = (
    (b"IIU\x00", "Panasonic RW2"),
    (b"IIRO", "Olympus ORF"),
    (b"IIRS", "Olympus ORF"),
    (b"MMOR", "Olympus ORF"),
    (b"FUJIFILMCCD-RAW", "Fujifilm RAF"),
    (b"\x00MRM", "Minolta MRW"),
    (b"FOVb", "Sigma X3F"),
)
IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"II+\x00", "BigTIFF"),
    (b"MM\x00+", "BigTIFF"),
    (b"BM", "BMP"),
)
# TIFF-based RAW formats: their first IFD is often a preview Pillow may or may not decode.
RAW_EXTENSIONS = frozenset({
    ".3fr", ".arw", ".cr2", ".crw", ".dcr", ".dng", ".erf", ".iiq", ".k25", ".kdc", ".mef",
    ".mos", ".mrw", ".nef", ".nrw", ".orf", ".pef", ".raf", ".raw", ".rw2", ".rwl", ".sr2",
    ".srf", ".srw", ".x3f",
})
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1",
               b"avif", b"avis")


def sniff(head: bytes) -> tuple[str, bool] | None:
    """(format family, is RAW) from a file's first 16+ bytes, or None when unrecognized."""
    for magic, name in RAW_SIGNATURES:
        if head.startswith(magic):
            return name, True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP", False
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "HEIF", False
    for magic, name in IMAGE_SIGNATURES:
        if head.startswith(magic):
            return name, False
    return None


def sniff_file(path: Path) -> tuple[str, bool] | None:
    """`sniff` of a file; a TIFF-structured file with a RAW extension counts as RAW."""
    try:
        with open(path, "rb") as fh:
            kind = sniff(fh.read(32))
    except OSError:
        return None
    if kind is not None and kind[0] in ("TIFF", "BigTIFF") and is_raw_name(path):
        return path.suffix[1:].upper(), True
    return kind


def is_raw_name(path: Path) -> bool:
    return path.suffix.lower() in RAW_EXTENSIONS


def jpeg_header_segments(path: Path) -> Iterator[tuple[int, int, BinaryIO]]:
    """(marker, length, file) of each segment of a JPEG's header, up to and including the
    first scan (SOS); the file stands just after the length bytes, so the caller may read the
    segment's payload. Nothing for a file that is not a JPEG; the walk stops quietly at a
    broken length or the end of the file. OSError propagates."""
    with open(path, "rb") as fh:
        if fh.read(2) != b"\xff\xd8":
            return
        for _ in range(10_000):
            byte = fh.read(1)
            while byte == b"\xff":  # fill bytes
                byte = fh.read(1)
            if not byte:
                return
            marker = byte[0]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                continue  # no length
            length_bytes = fh.read(2)
            if len(length_bytes) < 2:
                return
            (length,) = struct.unpack(">H", length_bytes)
            start = fh.tell()
            yield marker, length, fh
            if marker == 0xDA or length < 2:
                return
            fh.seek(start + length - 2)


def _jpeg_sof_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from the first SOF marker of a JPEG; None if not found."""
    sof = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
    try:
        for marker, _length, fh in jpeg_header_segments(path):
            if marker in sof:
                data = fh.read(5)
                if len(data) < 5:
                    return None
                height, width = struct.unpack(">HH", data[1:5])
                return width, height
    except OSError:
        return None
    return None


def header_claimed_size(path: Path, raw: RawExif) -> tuple[int, int] | None:
    """The stored pixel size the header of a file claims, when the decoder refused it."""
    kind = sniff_file(path)
    if kind is None:
        return None
    family, _is_raw = kind
    if family == "JPEG":
        return _jpeg_sof_size(path)
    if family in ("TIFF", "BigTIFF"):
        w, h = raw.number("Image ImageWidth"), raw.number("Image ImageLength")
        if w is not None and h is not None and w >= 0 and h >= 0:
            return int(w), int(h)
    return None


XMP_SCAN_LIMIT = 8 << 20


def scan_xmp(path: Path, limit: int = XMP_SCAN_LIMIT) -> bytes | None:
    """An XMP packet found by scanning the file's first bytes (the XMP spec's packet scan),
    for files no container parser could open. UTF-8 packets only."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit)
    except OSError:
        return None
    start = data.find(b"<x:xmpmeta")
    if start < 0:
        return None
    end = data.find(b"</x:xmpmeta>", start)
    if end < 0:
        return None
    return data[start:end + len(b"</x:xmpmeta>")]
