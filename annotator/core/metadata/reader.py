"""The work behind `read_metadata`: run the readers, then normalize into `PhotoMetadata`.

Order and precedence (why): exifread is fast and reads what cameras write, so it goes
first; Pillow's EXIF reader fills in where exifread finds nothing; XMP and IPTC are read
beside EXIF and only fill a normalized field EXIF lacks (the same tag in another
container, e.g. `exif:DateTimeOriginal` in XMP), never override it.

Problems of a metadata reader on a file whose pixels are fine (a broken maker note, a
fuzzed IFD) are not errors of the photo: they are kept as the raw tag
`Annotator Warning`, beside every tag that could still be read. `error` is set only when
the file is not a usable image (the decoder refused it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from annotator.core.errors import InputRejected, first_line
from annotator.core.images.container_header import header_claimed_size, scan_xmp
from annotator.core.images.decode import Geometry, format_of, geometry, open_image
from annotator.core.images.orientation import displayed_size
from annotator.core.metadata.credentials import read_credentials
from annotator.core.metadata.exif_raw import RawExif, read_exifread, read_pillow
from annotator.core.metadata.exif_values import (
    dms_to_degrees,
    gps_utc,
    parse_local_datetime,
    parse_offset,
)
from annotator.core.metadata.iptc import parse_iptc
from annotator.core.metadata.maker_notes import clean_serial, maker_note_serial, standard_serial
from annotator.core.metadata.model import GpsFix, PhotoMetadata
from annotator.core.metadata.xmp import parse_xmp

WARNING_TAG = "Annotator Warning"

# (field, date tag, subsec tag, offset tag); Exif-IFD names, see RawExif.exif_text
_DATES = (
    ("original", "DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal"),
    ("digitized", "DateTimeDigitized", "SubSecTimeDigitized", "OffsetTimeDigitized"),
    ("modified", None, "SubSecTime", "OffsetTime"),
)


class MetadataReader:
    """One file's metadata, read once. Use `read()`; it raises only on a bug."""

    def __init__(self, path: Path, *, sha256: str | None, size: int | None) -> None:
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.fields: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.error: str | None = None
        self.geometry: Geometry | None = None

    # -- readers -------------------------------------------------------------------------

    def _read_container(self) -> tuple[RawExif | None, bytes | str | None, Any]:
        """Open the header once: format, decoder size, Pillow EXIF, XMP packet, IPTC."""
        try:
            im = open_image(self.path)
        except InputRejected as exc:
            self.error = str(exc)
            return None, None, None
        with im:
            self.fields["format"] = format_of(im) or None
            self.geometry = geometry(im)
            pillow_raw = read_pillow(im)
            xmp_packet = _xmp_packet(im)
            iptc = _iptc_datasets(im, self.warnings)
        return pillow_raw, xmp_packet, iptc

    def read(self) -> PhotoMetadata:
        pillow_raw, xmp_packet, iptc_raw = self._read_container()
        if self.error and self.error.startswith(("empty", "unreadable")):
            # Nothing to read: no bytes, or no permission.
            return PhotoMetadata(path=str(self.path), sha256=self.sha256, size=self.size,
                                 error=self.error)
        raw = read_exifread(self.path)
        if raw.problem:
            self.warnings.append(raw.problem)
        if not raw.has_exif() and pillow_raw is not None and pillow_raw.has_exif():
            raw = pillow_raw
        if pillow_raw is not None and pillow_raw.problem and raw is pillow_raw:
            self.warnings.append(pillow_raw.problem)

        xmp = None
        if xmp_packet is None and self.error:
            xmp_packet = scan_xmp(self.path)  # the decoder refused the file; XMP may remain
        if xmp_packet:
            xmp = parse_xmp(xmp_packet, self.warnings)
        iptc = None
        if iptc_raw:
            iptc = parse_iptc(iptc_raw)

        # NUL cannot be stored in PostgreSQL JSON text; padding NULs carry no information.
        tags = {_no_nul(k): _no_nul(v) for k, v in raw.tags.items()}
        xmp, iptc = _strip_nuls(xmp), _strip_nuls(iptc)
        if self.warnings:
            tags[WARNING_TAG] = "; ".join(self.warnings)[:500]
        return self._build(raw, tags, xmp, iptc)

    # -- normalization -------------------------------------------------------------------

    def _build(self, raw: RawExif, tags: dict[str, str], xmp: dict[str, Any] | None,
               iptc: dict[str, Any] | None) -> PhotoMetadata:
        xmp_props: dict[str, Any] = (xmp or {}).get("properties", {})
        g = self.geometry
        orientation = _orientation(raw.number("Image Orientation"))
        if g is not None and g.decoder_orients and g.orientation is not None and (
                raw.source == "pillow" or orientation is None):
            # pillow-heif resets the EXIF tag it hands Pillow to 1 and keeps the file's
            # value aside; Pillow's TIFF reader drops it once applied. Report the file's.
            orientation = g.orientation
            if raw.source == "pillow" and "Image Orientation" in tags:
                tags["Image Orientation"] = str(orientation)
        if orientation is None and g is not None:
            orientation = g.orientation
        if orientation is None:
            orientation = _orientation(_first_number(xmp_props.get("tiff:Orientation")))
        fmt = self.fields.get("format")
        stored_w = stored_h = width = height = None
        if g is not None:
            stored_w, stored_h = g.stored_width, g.stored_height
            if g.decoder_orients:
                width, height = g.width, g.height
            else:
                width, height = displayed_size(stored_w, stored_h, orientation)
        else:
            claimed = header_claimed_size(self.path, raw)
            if claimed is not None:
                # The decoder refused the pixels (`error` says why); report what the
                # container's own header claims, as ExifTool does.
                stored_w, stored_h = claimed
                width, height = displayed_size(stored_w, stored_h, orientation)

        dates: dict[str, str | None] = {}
        for name, date_tag, subsec_tag, offset_tag in _DATES:
            date_text = raw.exif_text(date_tag) if date_tag else raw.text("Image DateTime")
            local, inline_offset = parse_local_datetime(date_text, raw.exif_text(subsec_tag))
            dates[f"datetime_{name}"] = local
            dates[f"offset_{name}"] = parse_offset(raw.exif_text(offset_tag)) or inline_offset
        _fill_dates_from_xmp(dates, xmp_props)
        make = raw.text("Image Make") or _xmp_text(xmp_props, "tiff:Make")
        model = raw.text("Image Model") or _xmp_text(xmp_props, "tiff:Model")

        return PhotoMetadata(
            path=str(self.path),
            sha256=self.sha256,
            size=self.size,
            format=fmt,
            width=width,
            height=height,
            stored_width=stored_w,
            stored_height=stored_h,
            orientation=orientation,
            make=make,
            model=model,
            lens=raw.exif_text("LensModel") or _xmp_text(xmp_props, "aux:Lens")
            or _xmp_text(xmp_props, "exifEX:LensModel"),
            serial=_serial(self.path, raw, xmp_props, make, model),
            software=raw.text("Image Software") or _xmp_text(xmp_props, "xmp:CreatorTool"),
            gps=_gps(raw) or _gps_from_xmp(xmp_props),
            has_thumbnail=_has_thumbnail(raw, fmt),
            tags=tags,
            xmp=xmp,
            iptc=iptc,
            error=self.error,
            c2pa=read_credentials(self.path),
            **dates,
        )


def _no_nul(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text


def _strip_nuls(value: Any) -> Any:
    if isinstance(value, str):
        return _no_nul(value)
    if isinstance(value, dict):
        return {_no_nul(str(k)): _strip_nuls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_nuls(v) for v in value]
    return value


def _has_thumbnail(raw: RawExif, fmt: str | None) -> bool:
    """An EXIF thumbnail in IFD1: JPEG-compressed (JPEGInterchangeFormat with a length), or,
    outside TIFF, uncompressed strips as early cameras wrote. In a TIFF file IFD1 is the
    second page, not a thumbnail."""
    length = raw.number("Thumbnail JPEGInterchangeFormatLength")
    if raw.number("Thumbnail JPEGInterchangeFormat") is not None and (length or 0) > 0:
        return True
    if fmt == "TIFF":
        return False
    return raw.number("Thumbnail StripOffsets") is not None and bool(
        raw.number("Thumbnail StripByteCounts"))


def _serial(path: Path, raw: RawExif, props: dict[str, Any], make: str | None,
            model: str | None) -> str | None:
    """The camera body's serial: EXIF/DNG tags, then XMP, then the maker note, where most
    cameras keep it (a second, small read of the file, so only when the others have none)."""
    return (standard_serial(raw) or clean_serial(_xmp_text(props, "aux:SerialNumber"))
            or clean_serial(_xmp_text(props, "exifEX:BodySerialNumber"))
            or maker_note_serial(path, make, model))


def _first_number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        return float(str(value).strip().split()[0])
    except (ValueError, IndexError):
        return None


def _orientation(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= 8 else None


def _xmp_text(props: dict[str, Any], name: str) -> str | None:
    value = props.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return None
    text = str(value).strip() if value is not None else ""
    return text or None


def _fill_dates_from_xmp(dates: dict[str, str | None], props: dict[str, Any]) -> None:
    """EXIF lacks a date that XMP carries under its EXIF/TIFF name: take XMP's."""
    for name, keys in (
        ("original", ("exif:DateTimeOriginal",)),
        ("digitized", ("exif:DateTimeDigitized", "xmp:CreateDate")),
        ("modified", ("tiff:DateTime", "xmp:ModifyDate")),
    ):
        if dates[f"datetime_{name}"] is not None:
            continue
        for key in keys:
            local, offset = parse_local_datetime(_xmp_text(props, key))
            if local:
                dates[f"datetime_{name}"] = local
                if dates[f"offset_{name}"] is None:
                    dates[f"offset_{name}"] = offset
                break


def _gps(raw: RawExif) -> GpsFix | None:
    lat = dms_to_degrees(raw.numbers("GPS GPSLatitude"))
    lon = dms_to_degrees(raw.numbers("GPS GPSLongitude"))
    if lat is None or lon is None:
        return None
    if (raw.text("GPS GPSLatitudeRef") or "N").upper().startswith("S"):
        lat = -lat
    if (raw.text("GPS GPSLongitudeRef") or "E").upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    alt = raw.number("GPS GPSAltitude")
    if alt is not None:
        ref = raw.values.get("GPS GPSAltitudeRef")
        below = (isinstance(ref, bytes) and ref[:1] == b"\x01") or (
            isinstance(ref, list) and ref and ref[0] == 1) or ref == 1
        if below:
            alt = -alt
    utc = gps_utc(raw.text("GPS GPSDate"), raw.numbers("GPS GPSTimeStamp"))
    return GpsFix(lat=lat, lon=lon, alt=alt, utc=utc)


def _gps_from_xmp(props: dict[str, Any]) -> GpsFix | None:
    """XMP's `exif:GPSLatitude` is `DDD,MM.mmmN` or `DDD,MM,SSN`."""
    def coord(text: str | None) -> float | None:
        if not text:
            return None
        text = text.strip()
        hemi = text[-1:].upper()
        if hemi not in "NSEW" or not hemi:
            return None
        try:
            parts = [float(p) for p in text[:-1].split(",")]
        except ValueError:
            return None
        value = dms_to_degrees(parts)  # type: ignore[arg-type]
        if value is None:
            return None
        return -value if hemi in "SW" else value

    lat = coord(_xmp_text(props, "exif:GPSLatitude"))
    lon = coord(_xmp_text(props, "exif:GPSLongitude"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return GpsFix(lat=lat, lon=lon)


def _xmp_packet(im: Any) -> bytes | str | None:
    """The XMP packet Pillow found (JPEG APP1, PNG iTXt, WebP chunk, TIFF tag 700, HEIF)."""
    packet = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if packet:
        return packet
    tag_v2 = getattr(im, "tag_v2", None)
    if tag_v2 is not None:
        try:
            value = tag_v2.get(700)
        except Exception:  # noqa: BLE001
            return None
        if isinstance(value, bytes | str) and value:
            return value
    return None


def _iptc_datasets(im: Any, warnings: list[str]) -> dict[tuple[int, int], Any] | None:
    """IPTC-IIM datasets via Pillow (JPEG APP13 Photoshop block, TIFF tag 33723)."""
    if (im.format or "").upper() not in ("JPEG", "MPO", "TIFF"):
        return None
    try:
        from PIL import IptcImagePlugin

        data = IptcImagePlugin.getiptcinfo(im)
    except Exception as exc:  # noqa: BLE001 - a broken APP13 block
        warnings.append(f"iptc: {type(exc).__name__}")
        return None
    return data or None


def read_metadata(
    path: Path | str, *, sha256: str | None = None, size: int | None = None
) -> PhotoMetadata:
    """Everything `path` says about itself. Never raises: a failure becomes `error`.

    `sha256` and `size` are recorded as given (ingest has hashed the file already); `size`
    is taken from the file system when omitted; the hash is not computed here.
    """
    path = Path(path)
    try:
        if size is None:
            size = os.stat(path).st_size
    except OSError:
        size = None
    try:
        return MetadataReader(path, sha256=sha256, size=size).read()
    except Exception as exc:  # noqa: BLE001 - the contract: never raise
        first = first_line(exc, "")
        return PhotoMetadata(path=str(path), sha256=sha256, size=size,
                             error=f"internal error: {type(exc).__name__}: {first}"[:300])
