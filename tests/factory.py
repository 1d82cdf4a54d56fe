"""Generated fixtures: JPEGs (and other formats) with exactly the EXIF a test needs.

Everything is made in code with Pillow, so the repository ships no third-party images.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

# EXIF tag numbers (TIFF/EXIF 2.32)
ORIENTATION = 0x0112
MAKE, MODEL, SOFTWARE, MODIFY_DATE = 0x010F, 0x0110, 0x0131, 0x0132
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, DATETIME_DIGITIZED = 0x9003, 0x9004
OFFSET_TIME, OFFSET_ORIGINAL, OFFSET_DIGITIZED = 0x9010, 0x9011, 0x9012
SUBSEC_ORIGINAL = 0x9291


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    deg = int(value)
    minutes_full = (value - deg) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 4)
    return (float(deg), float(minutes), seconds)


def scene(width: int, height: int, seed: int = 0) -> Image.Image:
    """A picture with structure (sky, ground, a marker at top-left) so crops and rotations show."""
    img = Image.new("RGB", (width, height), (120 + seed % 100, 170, 220))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(90, 90, 80))
    draw.rectangle((0, 0, max(1, width // 8), max(1, height // 8)), fill=(220, 30, 30))
    draw.ellipse((width // 3, height // 3, width // 2, height // 2), fill=(240, 240, 240))
    return img


def make_exif(
    *,
    orientation: int | None = None,
    make: str | None = "Canon",
    model: str | None = "Canon EOS 5D Mark IV",
    software: str | None = None,
    original: datetime | str | None = None,
    digitized: datetime | str | None = None,
    modified: datetime | str | None = None,
    offset: str | None = None,
    subsec: str | None = None,
    gps: tuple[float, float] | None = None,
    gps_alt: float | None = None,
    gps_utc: datetime | None = None,
) -> Image.Exif:
    """An EXIF block with the given values (None leaves a tag out)."""

    def fmt(value: datetime | str) -> str:
        return value if isinstance(value, str) else value.strftime("%Y:%m:%d %H:%M:%S")

    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if make:
        exif[MAKE] = make
    if model:
        exif[MODEL] = model
    if software:
        exif[SOFTWARE] = software
    if modified is not None:
        exif[MODIFY_DATE] = fmt(modified)
    ifd = exif.get_ifd(EXIF_IFD)
    if original is not None:
        ifd[DATETIME_ORIGINAL] = fmt(original)
    if digitized is not None:
        ifd[DATETIME_DIGITIZED] = fmt(digitized)
    if offset is not None:
        ifd[OFFSET_ORIGINAL] = offset
        ifd[OFFSET_DIGITIZED] = offset
    if subsec is not None:
        ifd[SUBSEC_ORIGINAL] = subsec
    if gps is not None:
        lat, lon = gps
        g = exif.get_ifd(GPS_IFD)
        g[0] = b"\x02\x02\x00\x00"
        g[1] = "N" if lat >= 0 else "S"
        g[2] = _dms(lat)
        g[3] = "E" if lon >= 0 else "W"
        g[4] = _dms(lon)
        if gps_alt is not None:
            g[5] = b"\x00" if gps_alt >= 0 else b"\x01"
            g[6] = abs(float(gps_alt))
        if gps_utc is not None:
            g[7] = (float(gps_utc.hour), float(gps_utc.minute), float(gps_utc.second))
            g[29] = gps_utc.strftime("%Y:%m:%d")
    return exif


def make_jpeg(
    path: Path,
    width: int = 640,
    height: int = 480,
    *,
    exif: Image.Exif | None = None,
    seed: int = 0,
    quality: int = 90,
    image: Image.Image | None = None,
) -> Path:
    """Write a JPEG at `path` with the given EXIF (stored pixels are width × height)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img = image if image is not None else scene(width, height, seed)
    kwargs = {"quality": quality}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()
    img.save(path, "JPEG", **kwargs)
    return path


def jpeg_bytes(width: int = 64, height: int = 48, **exif_kwargs: object) -> bytes:
    buf = io.BytesIO()
    scene(width, height).save(buf, "JPEG", exif=make_exif(**exif_kwargs).tobytes())  # type: ignore[arg-type]
    return buf.getvalue()
