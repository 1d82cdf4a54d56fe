"""A JPEG's header, read marker by marker: what the encoder wrote before the picture data.

We read the segments ourselves (Pillow keeps only some of them, and never says whether the
Huffman tables were the standard ones): the quantization tables (DQT) as stored, the frame
(SOF0–SOF15: size, components, sampling factors), the Huffman tables (DHT), the restart
interval (DRI), APPn identifiers and comments (COM), up to the first scan (SOS). What comes
after the first SOS is entropy-coded picture data (and, in progressive files, more tables).

A truncated or malformed header raises `JpegStructureError` with one sentence; a file that
is not a JPEG at all is `None` from `read_structure`, not an error.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field

from annotator.core.errors import InputRejected

# Zig-zag order (T.81 figure A.6): position k of a DQT payload is natural index ZIGZAG[k].
ZIGZAG = (
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
    12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
    35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
    58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
)

# MD5 of (BITS + HUFFVAL) of the four example tables of T.81 Annex K.3, which libjpeg
# writes unless asked to optimize: a file whose every table is one of these was not
# Huffman-optimized.
STANDARD_HUFFMAN_MD5 = frozenset({
    "f1a74efb2a5392c92566ae83254801ea",  # DC luminance
    "f98d8ec27887b6f6133f8cdc1215e074",  # DC chrominance
    "1d9e194fd499e70e57dec680dc4edbe4",  # AC luminance
    "7f394bbf281ecffc67f5e2f4b72fe577",  # AC chrominance
})

_SOF = {0xC0 + n for n in range(16)} - {0xC4, 0xC8, 0xCC}
_NAMES = {0xC4: "DHT", 0xC8: "JPG", 0xCC: "DAC", 0xD8: "SOI", 0xD9: "EOI", 0xDA: "SOS",
          0xDB: "DQT", 0xDC: "DNL", 0xDD: "DRI", 0xDE: "DHP", 0xDF: "EXP", 0xFE: "COM"}
# APPn payload prefixes worth naming in the marker list.
_APP_IDS = (
    (b"JFIF\0", "JFIF"), (b"JFXX\0", "JFXX"), (b"Exif\0", "Exif"),
    (b"http://ns.adobe.com/xap/1.0/\0", "XMP"), (b"http://ns.adobe.com/xmp/extension/\0",
                                                  "XMP-extended"),
    (b"ICC_PROFILE\0", "ICC_PROFILE"), (b"MPF\0", "MPF"), (b"Photoshop 3.0\0", "Photoshop"),
    (b"Adobe", "Adobe"), (b"Ducky", "Ducky"), (b"AVI1", "AVI1"), (b"FPXR", "FPXR"),
)


class JpegStructureError(InputRejected):
    """The JPEG header cannot be read (truncated, or a segment runs past the end)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="JPEG_STRUCTURE", detail=message)


def marker_name(marker: int) -> str:
    if marker in _SOF:
        return f"SOF{marker - 0xC0}"
    if 0xE0 <= marker <= 0xEF:
        return f"APP{marker - 0xE0}"
    if 0xD0 <= marker <= 0xD7:
        return f"RST{marker - 0xD0}"
    return _NAMES.get(marker, f"0x{marker:02X}")


@dataclass(frozen=True)
class Component:
    ident: int
    h: int
    v: int
    table: int


@dataclass
class JpegStructure:
    """The header's facts. Tables are 64 values in natural (row-major) order."""

    markers: list[str] = field(default_factory=list)
    # DQT segment payloads as stored, by the index of their first table (ExifTool's digest)
    dqt_segments: dict[int, bytes] = field(default_factory=dict)
    tables: dict[int, tuple[int, ...]] = field(default_factory=dict)
    sof: int | None = None
    width: int = 0
    height: int = 0
    components: list[Component] = field(default_factory=list)
    huffman_md5: list[str] = field(default_factory=list)
    restart_interval: int = 0
    comments: list[str] = field(default_factory=list)
    reached_scan: bool = False
    skipped_bytes: int = 0  # bytes between segments that belong to none

    @property
    def progressive(self) -> bool:
        return self.sof in (0xC2, 0xC6, 0xCA, 0xCE)

    @property
    def optimized_huffman(self) -> bool:
        """Huffman tables other than the standard ones (progressive files always are)."""
        if self.progressive:
            return True
        return any(h not in STANDARD_HUFFMAN_MD5 for h in self.huffman_md5)

    @property
    def subsampling(self) -> str | None:
        """"4:2:0", "4:2:2", "4:4:4", "4:4:0", "4:1:1", "gray", or "HxV,..." when odd."""
        if not self.components:
            return None
        if len(self.components) == 1:
            return "gray"
        y, *chroma = self.components
        if any((c.h, c.v) != (1, 1) for c in chroma):
            return ",".join(f"{c.h}x{c.v}" for c in self.components)
        return {(1, 1): "4:4:4", (2, 1): "4:2:2", (2, 2): "4:2:0", (1, 2): "4:4:0",
                (4, 1): "4:1:1"}.get((y.h, y.v), f"{y.h}x{y.v},1x1,1x1")

    def table_for(self, component: int) -> tuple[int, ...] | None:
        if component >= len(self.components):
            return None
        return self.tables.get(self.components[component].table)

    def tables_sha256(self) -> str | None:
        """SHA-256 over the tables the components use, in component order (our own key:
        two files with this value quantized their pictures alike)."""
        used = [self.table_for(i) for i in range(len(self.components))]
        if not used or any(t is None for t in used):
            return None
        data = b"".join(bytes(min(v, 255) for v in t) + struct.pack(">H", max(t))
                        for t in used if t is not None)
        return hashlib.sha256(data).hexdigest()


def is_jpeg(head: bytes) -> bool:
    return head[:3] == b"\xff\xd8\xff"


def read_structure(data: bytes) -> JpegStructure | None:
    """Parse the header in `data` (the whole file, or at least its start).

    None when `data` is not a JPEG. When `data` ends before the first scan, the result has
    `reached_scan` False: the caller decides whether that is a truncated file (the whole
    file was given) or only a short read.
    """
    if not is_jpeg(data):
        return None
    js = JpegStructure(markers=["SOI"])
    pos, n = 2, len(data)
    while pos < n:
        if data[pos] != 0xFF:
            # Garbage between segments: libjpeg and ExifTool skip to the next 0xFF.
            nxt = data.find(b"\xff", pos)
            if nxt < 0:
                break
            js.skipped_bytes += nxt - pos
            pos = nxt
        while pos < n and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= n:
            break
        marker = data[pos]
        pos += 1
        if marker in (0x01, *range(0xD0, 0xD8)):  # TEM, RSTn: no length
            js.markers.append(marker_name(marker))
            continue
        if marker == 0xD9:
            js.markers.append("EOI")
            raise JpegStructureError("the JPEG ends before any picture data (no SOS)")
        if pos + 2 > n:
            break
        length = struct.unpack_from(">H", data, pos)[0]
        if length < 2:
            raise JpegStructureError(f"bad segment length {length} at byte {pos}")
        if pos + length > n:
            if marker == 0xDA:
                js.markers.append("SOS")
                js.reached_scan = True
            break
        payload = data[pos + 2:pos + length]
        pos += length
        js.markers.append(_segment_name(marker, payload))
        _read_segment(js, marker, payload)
        if marker == 0xDA:
            js.reached_scan = True
            break
    return js


def _segment_name(marker: int, payload: bytes) -> str:
    name = marker_name(marker)
    if 0xE0 <= marker <= 0xEF:
        for prefix, label in _APP_IDS:
            if payload.startswith(prefix):
                return f"{name}:{label}"
    return name


def _read_segment(js: JpegStructure, marker: int, payload: bytes) -> None:
    if marker == 0xDB:
        _read_dqt(js, payload)
    elif marker in _SOF:
        if len(payload) < 6:
            raise JpegStructureError("SOF segment too short")
        _, h, w, nc = struct.unpack_from(">BHHB", payload, 0)
        if len(payload) < 6 + 3 * nc:
            raise JpegStructureError("SOF segment too short for its components")
        js.sof, js.width, js.height = marker, w, h
        js.components = [
            Component(payload[6 + 3 * i], payload[7 + 3 * i] >> 4, payload[7 + 3 * i] & 15,
                      payload[8 + 3 * i])
            for i in range(nc)
        ]
    elif marker == 0xC4:
        i = 0
        while i + 17 <= len(payload):
            count = sum(payload[i + 1:i + 17])
            end = i + 17 + count
            if end > len(payload):
                raise JpegStructureError("DHT segment too short")
            js.huffman_md5.append(hashlib.md5(payload[i + 1:end],
                                              usedforsecurity=False).hexdigest())
            i = end
    elif marker == 0xDD and len(payload) >= 2:
        js.restart_interval = struct.unpack_from(">H", payload, 0)[0]
    elif marker == 0xFE:
        js.comments.append(payload.decode("latin-1").rstrip("\0").strip()[:200])


def _read_dqt(js: JpegStructure, payload: bytes) -> None:
    if not payload:
        return
    # ExifTool keeps each DQT segment whole, under its first table's index (< 4).
    first = payload[0] & 0x0F
    if first < 4:
        js.dqt_segments[first] = bytes(payload)
    i = 0
    while i < len(payload):
        pq, tq = payload[i] >> 4, payload[i] & 0x0F
        size = 128 if pq else 64
        if i + 1 + size > len(payload):
            raise JpegStructureError("DQT segment too short")
        if pq:
            zz = struct.unpack_from(">64H", payload, i + 1)
        else:
            zz = tuple(payload[i + 1:i + 65])
        natural = [0] * 64
        for k, v in enumerate(zz):
            natural[ZIGZAG[k]] = v
        js.tables[tq] = tuple(natural)
        i += 1 + size
