"""Raw EXIF of a file as two parallel views: printable strings (for `tags`) and values.

Tag names follow exifread's stable scheme, `<IFD> <TagName>`:
`Image …` (IFD0), `EXIF …` (the Exif sub-IFD), `GPS …`, `Interoperability …`,
`Thumbnail …` (IFD1), `MakerNote …`. Pillow's reader, used where exifread finds nothing
(Extended WebP, PNG eXIf after the image data, BigTIFF, EXIF after an XMP block), is
mapped onto the same names so the rest of the code does not care who read the file.

Values: ASCII tags are `str`; numeric tags are lists of int/float (a rational with a zero
denominator becomes None); undefined tags are `bytes`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import first_line


def quiet_exifread() -> None:
    """Silence exifread's log (called at start-up by `annotator.core.startup`, never at
    import): it logs every oddity of a broken file as a warning; the caller reports
    failures."""
    logging.getLogger("exifread").setLevel(logging.CRITICAL)


@dataclass
class RawExif:
    """Every EXIF tag found: `tags` name → printable string, `values` name → value."""

    tags: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # "exifread" or "pillow"
    problem: str | None = None  # why a reader failed, if it did

    def has_exif(self) -> bool:
        return any(k.startswith(("Image ", "EXIF ", "GPS ")) for k in self.tags)

    def text(self, name: str) -> str | None:
        """An ASCII tag as cleaned text (NULs and padding stripped), or None when empty."""
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, bytes):
            value = value.split(b"\x00", 1)[0].decode("utf-8", "replace")
        elif isinstance(value, list):
            if not value:
                return None
            value = " ".join(str(v) for v in value)
        cleaned = str(value).replace("\x00", " ").strip()
        return cleaned or None

    def exif_text(self, name: str) -> str | None:
        """An Exif-IFD tag (`EXIF <name>`), or the same tag written flat into IFD0
        (`Image <name>`), as some cameras and converters do."""
        return self.text(f"EXIF {name}") or self.text(f"Image {name}")

    def number(self, name: str, index: int = 0) -> float | None:
        value = self.values.get(name)
        if isinstance(value, list) and len(value) > index:
            item = value[index]
            return float(item) if isinstance(item, int | float) else None
        if isinstance(value, int | float):
            return float(value)
        return None

    def numbers(self, name: str) -> list[float | None] | None:
        value = self.values.get(name)
        if isinstance(value, list):
            return [float(v) if isinstance(v, int | float) else None for v in value]
        return None


def _ratio_value(r: Any) -> float | None:
    num, den = getattr(r, "num", None), getattr(r, "den", None)
    if num is None or den is None:
        return None
    if den == 0:
        return None
    return num / den


def _exifread_value(tag: Any) -> Any:
    values = tag.values
    if isinstance(values, str):
        return values
    if isinstance(values, bytes | bytearray):
        return bytes(values)
    out: list[Any] = []
    for v in values if isinstance(values, list | tuple) else [values]:
        if hasattr(v, "num") and hasattr(v, "den"):
            out.append(_ratio_value(v))
        elif isinstance(v, int | float):
            out.append(v)
        else:
            out.append(None)
    if tag.field_type == 7 and all(isinstance(v, int) and 0 <= v < 256 for v in out):
        return bytes(out)  # UNDEFINED: a byte string
    return out


def read_exifread(path: Path) -> RawExif:
    """exifread with details=False (no maker notes: fast). Never raises."""
    import exifread

    raw = RawExif(source="exifread")
    try:
        with open(path, "rb") as fh:
            found = exifread.process_file(fh, details=False, extract_thumbnail=False)
    except Exception as exc:  # noqa: BLE001 - exifread raises anything on broken files
        raw.problem = f"exifread: {type(exc).__name__}: {first_line(exc, '')}"[:200]
        return raw
    for name, tag in found.items():
        if not hasattr(tag, "values"):
            continue
        try:
            raw.tags[name] = str(tag.printable)
            raw.values[name] = _exifread_value(tag)
        except Exception:  # noqa: BLE001, S112 - one odd tag must not lose the others
            continue
    return raw


def _printable(value: Any) -> str:
    if isinstance(value, bytes):
        stripped = value.rstrip(b"\x00")
        if stripped and all(32 <= b < 127 for b in stripped):
            return stripped.decode("ascii")
        if len(value) <= 32:
            return "[" + ", ".join(str(b) for b in value) + "]"
        return f"({len(value)} bytes binary data)"
    if isinstance(value, tuple):
        if len(value) == 1:
            return _printable(value[0])
        return "[" + ", ".join(_printable(v) for v in value) + "]"
    if hasattr(value, "numerator") and hasattr(value, "denominator") and not isinstance(
            value, int):
        num, den = value.numerator, value.denominator
        if den == 1:
            return str(num)
        return f"{num}/{den}"
    return str(value).replace("\x00", "").strip()


def _pillow_value(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value
    items = value if isinstance(value, tuple | list) else (value,)
    out: list[Any] = []
    for v in items:
        if isinstance(v, int):
            out.append(v)
        elif hasattr(v, "numerator") and hasattr(v, "denominator"):
            den = v.denominator
            out.append(None if not den else float(v.numerator) / float(den))
        elif isinstance(v, float):
            out.append(v)
        else:
            out.append(None)
    return out


def _exifread_names() -> tuple[dict[int, str], dict[int, str]]:
    """exifread's tag names by number (main IFDs, GPS IFD), so Pillow's tags get the same."""
    from exifread.tags import exif as exifread_tables

    def names(table: dict[int, Any]) -> dict[int, str]:
        out = {}
        for number, entry in table.items():
            out[number] = entry[0] if isinstance(entry, tuple) else str(entry)
        return out

    return names(exifread_tables.EXIF_TAGS), names(exifread_tables.GPS_TAGS)


def read_pillow(im: Any) -> RawExif:
    """Pillow's EXIF reader on an opened image, mapped to exifread's names. Never raises."""
    from PIL import ExifTags

    main_names, gps_names = _exifread_names()
    main_names = {**ExifTags.TAGS, **main_names}
    gps_names = {**ExifTags.GPSTAGS, **gps_names}

    raw = RawExif(source="pillow")
    try:
        exif = im.getexif()
    except Exception as exc:  # noqa: BLE001
        raw.problem = f"pillow exif: {type(exc).__name__}: {first_line(exc, '')}"[:200]
        return raw

    def add(prefix: str, names: dict[int, str], items: Any) -> None:
        for tag_id, value in items:
            if tag_id in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo, ExifTags.IFD.Interop) and \
                    prefix in ("Image", "EXIF"):
                continue  # pointers to sub-IFDs, read below
            name = f"{prefix} {names.get(tag_id, f'Tag 0x{tag_id:04X}')}"
            try:
                raw.tags[name] = _printable(value)
                raw.values[name] = _pillow_value(value)
            except Exception:  # noqa: BLE001, S112 - one odd tag must not lose the others
                continue

    try:
        add("Image", main_names, exif.items())
        for ifd, prefix, names in (
            (ExifTags.IFD.Exif, "EXIF", main_names),
            (ExifTags.IFD.GPSInfo, "GPS", gps_names),
            (ExifTags.IFD.Interop, "Interoperability", main_names),
            (ExifTags.IFD.IFD1, "Thumbnail", main_names),
        ):
            try:
                add(prefix, names, exif.get_ifd(ifd).items())
            except Exception:  # noqa: BLE001, S112 - a broken sub-IFD; keep what we have
                continue
    except Exception as exc:  # noqa: BLE001
        raw.problem = f"pillow exif: {type(exc).__name__}: {first_line(exc, '')}"[:200]
    return raw
