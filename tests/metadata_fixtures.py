"""Generated fixtures for the metadata, decode and orientation tests: JPEG segments (XMP,
IPTC, EXIF with a thumbnail), header-only pixel bombs and damaged files, all made in code.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

from tests.factory import make_exif, scene

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


def xmp_packet(*, creator: str = "Jane Spotter", caption: str = "G-ABCD on finals",
               credit: str = "Spotters Ltd", with_history: bool = True,
               extra: str = "") -> bytes:
    """An XMP packet in the shapes editors write: attributes, Seq/Alt, and a History with
    one event as attributes and one as a parseType=Resource struct."""
    history = ""
    if with_history:
        history = """
   <xmpMM:History><rdf:Seq>
    <rdf:li stEvt:action="created" stEvt:when="2023-10-27T10:15:00+01:00"
            stEvt:softwareAgent="Camera Firmware 1.0"/>
    <rdf:li rdf:parseType="Resource">
     <stEvt:action>saved</stEvt:action>
     <stEvt:when>2023-10-28T09:00:00+01:00</stEvt:when>
     <stEvt:softwareAgent>Adobe Photoshop 25.0</stEvt:softwareAgent>
     <stEvt:changed>/</stEvt:changed>
    </rdf:li>
   </rdf:Seq></xmpMM:History>"""
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:mm="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmp:CreateDate="2023-10-27T10:15:00+01:00"
    photoshop:Credit="{credit}">
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt>
   </dc:description>{history}{extra}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def insert_segments(jpeg: bytes, *segments: bytes) -> bytes:
    """Insert APPn segments right after SOI (so they come before any existing APP1)."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def app1_xmp(packet: bytes) -> bytes:
    return _segment(0xE1, XMP_HEADER + packet)


def app13_iptc(datasets: list[tuple[int, int, bytes]]) -> bytes:
    """A Photoshop APP13 segment holding one 8BIM 0x0404 resource of IPTC-IIM datasets."""
    iim = b"".join(struct.pack(">BBBH", 0x1C, rec, num, len(value)) + value
                   for rec, num, value in datasets)
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    return _segment(0xED, b"Photoshop 3.0\x00" + resource + iim)


def exif_with_thumbnail(thumbnail: bytes, make: str = "Cam") -> bytes:
    """A little-endian EXIF block whose IFD1 holds a JPEG thumbnail (Pillow writes no IFD1).

    Layout: header, IFD0 (Make), IFD1 (JPEGInterchangeFormat, ...Length), thumbnail bytes.
    """
    make_bytes = make.encode("ascii")[:3] + b"\x00"
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHI4s", 0x010F, 2, len(make_bytes), make_bytes)
    ifd1_offset = 8 + len(ifd0) + 4
    thumb_offset = ifd1_offset + 2 + 2 * 12 + 4
    ifd1 = struct.pack("<H", 2) + struct.pack("<HHII", 0x0201, 4, 1, thumb_offset) + \
        struct.pack("<HHII", 0x0202, 4, 1, len(thumbnail)) + struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + struct.pack("<I", ifd1_offset) + ifd1
    return b"Exif\x00\x00" + tiff + thumbnail


def jpeg_with(path: Path, *, exif: bytes | None = None, segments: tuple[bytes, ...] = (),
              size: tuple[int, int] = (64, 48)) -> Path:
    """A JPEG with the given raw EXIF block and extra segments inserted first."""
    buf = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    scene(*size).save(buf, "JPEG", quality=85, **kwargs)
    path.write_bytes(insert_segments(buf.getvalue(), *segments))
    return path


def png_claiming(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims width × height pixels (a decompression bomb shape):
    a valid IHDR and a few bytes of IDAT, no real pixel data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    return path


def marker_image(width: int, height: int, box: tuple[int, int, int, int],
                 mode: str = "RGB") -> Image.Image:
    """A black image with one white rectangle at `box` (stored pixel space)."""
    im = Image.new(mode, (width, height), 0)
    im.paste(255 if mode in ("L", "1") else (255, 255, 255), box)
    return im


def exif_orientation_bytes(orientation: int) -> bytes:
    return make_exif(orientation=orientation).tobytes()


def raw_like(path: Path, preview: Image.Image, *, orientation: int = 1,
             xmp: bytes | None = None, make: str = "NIKON") -> Path:
    """A TIFF-structured RAW the way cameras lay it out: IFD0 holds a tiny uncompressed
    thumbnail, Make, Orientation (and XMP); a SubIFD holds the full-size JPEG preview."""
    buf = io.BytesIO()
    preview.save(buf, "JPEG", quality=92)
    jpeg = buf.getvalue()
    thumb = Image.new("RGB", (16, 12), (90, 90, 90)).tobytes()
    make_bytes = make.encode("ascii") + b"\x00"
    if len(make_bytes) % 2:
        make_bytes += b"\x00"
    xmp = xmp or b""
    if len(xmp) % 2:
        xmp += b" "
    bits = struct.pack("<HHH", 8, 8, 8)
    n0 = 11 + (1 if xmp else 0)
    ifd0_size = 2 + 12 * n0 + 4
    sub_size = 2 + 12 * 3 + 4
    bits_off = 8 + ifd0_size + sub_size
    make_off = bits_off + len(bits)
    thumb_off = make_off + len(make_bytes)
    xmp_off = thumb_off + len(thumb)
    jpeg_off = xmp_off + len(xmp)
    sub_off = 8 + ifd0_size

    def entry(tag: int, typ: int, count: int, value: int) -> bytes:
        if typ == 3 and count == 1:
            return struct.pack("<HHIHH", tag, typ, count, value, 0)
        return struct.pack("<HHII", tag, typ, count, value)

    entries = [
        entry(0x0100, 3, 1, 16), entry(0x0101, 3, 1, 12), entry(0x0102, 3, 3, bits_off),
        entry(0x0103, 3, 1, 1),
        entry(0x0106, 3, 1, 2), entry(0x010F, 2, len(make_bytes), make_off),
        entry(0x0111, 4, 1, thumb_off), entry(0x0112, 3, 1, orientation),
        entry(0x0115, 3, 1, 3), entry(0x0117, 4, 1, len(thumb)), entry(0x014A, 4, 1, sub_off),
    ]
    if xmp:
        entries.append(entry(0x02BC, 7, len(xmp), xmp_off))
    ifd0 = struct.pack("<H", len(entries)) + b"".join(entries) + struct.pack("<I", 0)
    sub = struct.pack("<H", 3) + entry(0x0103, 3, 1, 6) + entry(0x0201, 4, 1, jpeg_off) + \
        entry(0x0202, 4, 1, len(jpeg)) + struct.pack("<I", 0)
    path.write_bytes(b"II*\x00" + struct.pack("<I", 8) + ifd0 + sub + bits + make_bytes + thumb
                     + xmp + jpeg)
    return path
