"""Generated photos for the capture-date checks: EXIF with an IFD1 thumbnail, XMP history.

Pillow writes IFD0/EXIF/GPS but not an IFD1 thumbnail, so `with_thumbnail` appends one by
hand: IFD0's next-IFD pointer is set to a new IFD1 (Compression=6, JPEGInterchangeFormat,
JPEGInterchangeFormatLength) placed after everything else, followed by the thumbnail JPEG.
Appending keeps every existing offset valid.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

from tests.factory import scene


def jpeg_of(image: Image.Image, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def with_thumbnail(exif_bytes: bytes, thumb_jpeg: bytes) -> bytes:
    """`exif_bytes` (Pillow's `Exif.tobytes()`, starting `Exif\\0\\0`) plus an IFD1 thumbnail."""
    assert exif_bytes.startswith(b"Exif\x00\x00")
    tiff = bytearray(exif_bytes[6:])
    endian = "<" if tiff[:2] == b"II" else ">"
    ifd0 = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[ifd0:ifd0 + 2])[0]
    next_ptr_at = ifd0 + 2 + 12 * count
    if len(tiff) % 2:
        tiff += b"\x00"
    ifd1 = len(tiff)
    entries = 3
    data_at = ifd1 + 2 + 12 * entries + 4
    tiff[next_ptr_at:next_ptr_at + 4] = struct.pack(endian + "I", ifd1)
    tiff += struct.pack(endian + "H", entries)
    tiff += struct.pack(endian + "HHIHH", 0x0103, 3, 1, 6, 0)  # Compression: JPEG
    tiff += struct.pack(endian + "HHII", 0x0201, 4, 1, data_at)
    tiff += struct.pack(endian + "HHII", 0x0202, 4, 1, len(thumb_jpeg))
    tiff += struct.pack(endian + "I", 0)
    tiff += thumb_jpeg
    return b"Exif\x00\x00" + bytes(tiff)


def photo_with_thumbnail(path: Path, exif_bytes: bytes, *, main: Image.Image | None = None,
                         thumb: Image.Image | None = None) -> Path:
    """A JPEG whose EXIF carries `thumb` (default: the main picture reduced to 160 wide)."""
    main = main if main is not None else scene(640, 480)
    if thumb is None:
        thumb = main.copy()
        thumb.thumbnail((160, 160))
    path.parent.mkdir(parents=True, exist_ok=True)
    main.save(path, "JPEG", quality=90, exif=with_thumbnail(exif_bytes, jpeg_of(thumb)))
    return path


def xmp_packet(history: list[tuple[str, str, str]]) -> bytes:
    """An XMP packet with `xmpMM:History` events (action, when, softwareAgent)."""
    items = "".join(
        f'<rdf:li stEvt:action="{a}" stEvt:when="{w}" stEvt:softwareAgent="{s}"/>'
        for a, w, s in history
    )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
        'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#">'
        f"<xmpMM:History><rdf:Seq>{items}</rdf:Seq></xmpMM:History>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()
