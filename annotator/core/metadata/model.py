"""What a photo file says about itself, as one `PhotoMetadata` value.

Readers: exifread first; Pillow's EXIF reader where exifread finds nothing; pillow-heif for
HEIC/HEIF; XMP (defusedxml) and IPTC-IIM beside EXIF. Pixel size comes from the decoder's
header (no pixel is decoded, so reading a 12 MP JPEG costs a few milliseconds).

`read_metadata` never raises: whatever goes wrong becomes `error` (one line) and the fields
it could not read stay None. Raw tag names are exifread's (`Image Make`,
`EXIF DateTimeOriginal`, `GPS GPSLatitude`, `Thumbnail JPEGInterchangeFormat`…; see
`annotator.core.metadata.exif_raw`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from annotator.core.metadata.credentials import ContentCredentials
from annotator.core.timeutil import iso_z


@dataclass(frozen=True)
class GpsFix:
    """A GPS position in signed decimal degrees and metres, and the GPS clock's UTC time."""

    lat: float
    lon: float
    alt: float | None = None
    utc: datetime | None = None


@dataclass(frozen=True)
class PhotoMetadata:
    """Normalized metadata of one file. Dates are ISO 8601 local time without offset
    (`2023-10-27T10:15:00`, sub-seconds when present); offsets are `+01:00`; `width` and
    `height` are as displayed (after Orientation); `tags` holds every raw tag, name → string.

    `stored_width`/`stored_height` are the file's own pixel grid (the decoder's size before
    Orientation). `orientation` is the file's EXIF value; for HEIF the decoder has
    already applied the container's transforms, so there width/height equal the stored
    size and the value is informational: show pixels with `decode.reduced_upright` /
    `full_upright`, which apply it exactly once. `error` is set when the file cannot be
    opened as an image (the decoder's one-line reason; pixel data truncated behind a good
    header is found only by decoding); a metadata reader's trouble with a
    damaged block is the raw tag `Annotator Warning`. `xmp`/`iptc` are documented in
    `annotator.core.metadata.xmp.parse_xmp` and `annotator.core.metadata.iptc.parse_iptc`.
    `c2pa` is the file's content credentials (`annotator.core.metadata.credentials`), None
    when it has none.
    """

    path: str
    sha256: str | None = None
    size: int | None = None
    format: str | None = None
    width: int | None = None
    height: int | None = None
    stored_width: int | None = None
    stored_height: int | None = None
    orientation: int | None = None
    make: str | None = None
    model: str | None = None
    lens: str | None = None
    serial: str | None = None
    software: str | None = None
    datetime_original: str | None = None
    datetime_digitized: str | None = None
    datetime_modified: str | None = None
    offset_original: str | None = None
    offset_digitized: str | None = None
    offset_modified: str | None = None
    gps: GpsFix | None = None
    has_thumbnail: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    xmp: dict[str, Any] | None = None
    iptc: dict[str, Any] | None = None
    error: str | None = None
    c2pa: ContentCredentials | None = None

    def to_json(self) -> dict[str, Any]:
        """The `annotator exif --json` object (the contract other tools read)."""
        data = asdict(self)
        data.pop("stored_width")
        data.pop("stored_height")
        if self.gps is not None:
            data["gps"] = {"lat": self.gps.lat, "lon": self.gps.lon, "alt": self.gps.alt,
                           "utc": iso_z(self.gps.utc)}
        data["c2pa"] = self.c2pa.to_json() if self.c2pa is not None else None
        return data


# ---------------------------------------------------------------------------------------
# The error a file states for its own GPS fix

DOP_METRES = 5.0  # a dilution of precision times the usual range error, when only DOP is given


def gps_error_m(meta: PhotoMetadata) -> float | None:
    """The horizontal error the file states for its GPS fix, in metres: GPSHPositioningError
    (which exifread names by its number, 0x001F), else GPSDOP × 5 m; None when neither."""
    for key, scale in (("GPS GPSHPositioningError", 1.0), ("GPS Tag 0x001F", 1.0),
                       ("GPS GPSDOP", DOP_METRES)):
        value = _rational(meta.tags.get(key))
        if value is not None and value >= 0:
            return value * scale
    return None


def _rational(text: object) -> float | None:
    if text is None:
        return None
    raw = str(text).strip().strip("[]")
    try:
        if "/" in raw:
            num, den = raw.split("/", 1)
            return float(num) / float(den) if float(den) else None
        return float(raw)
    except ValueError:
        return None


EXIF_GROUPS = ("Image ", "EXIF ", "GPS ", "Thumbnail ", "Interoperability ", "MakerNote ")


def has_exif(meta: PhotoMetadata) -> bool:
    """Whether the file carries any EXIF (not just XMP/IPTC or nothing)."""
    if any(key.startswith(EXIF_GROUPS) for key in meta.tags):
        return True
    return any(v is not None for v in (meta.make, meta.model, meta.datetime_original,
                                       meta.datetime_digitized, meta.datetime_modified,
                                       meta.gps, meta.orientation)) or meta.has_thumbnail
