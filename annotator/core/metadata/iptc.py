"""IPTC-IIM datasets (the Photoshop APP13 block newsrooms still write) as a plain value.

Pillow's `IptcImagePlugin.getiptcinfo` gives `{(record, dataset): bytes | [bytes, …]}`;
here they get their IIM names, text decoding (UTF-8 when dataset 1:90 says so, else UTF-8
if it decodes, else Latin-1) and the few fields an examiner reads.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.metadata.exif_values import parse_offset

DATASET_NAMES = {
    (1, 90): "CodedCharacterSet",
    (2, 0): "ApplicationRecordVersion",
    (2, 5): "ObjectName",
    (2, 10): "Urgency",
    (2, 15): "Category",
    (2, 20): "SupplementalCategories",
    (2, 25): "Keywords",
    (2, 40): "SpecialInstructions",
    (2, 55): "DateCreated",
    (2, 60): "TimeCreated",
    (2, 62): "DigitalCreationDate",
    (2, 63): "DigitalCreationTime",
    (2, 65): "OriginatingProgram",
    (2, 70): "ProgramVersion",
    (2, 80): "By-line",
    (2, 85): "By-lineTitle",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName",
    (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "CopyrightNotice",
    (2, 118): "Contact",
    (2, 120): "Caption-Abstract",
    (2, 122): "Writer-Editor",
}

_UTF8_ESCAPES = (b"\x1b%G", b"\x1b%/I")


def _decoder(datasets: dict[tuple[int, int], Any]) -> str | None:
    charset = datasets.get((1, 90))
    if isinstance(charset, list):
        charset = charset[0] if charset else None
    if isinstance(charset, bytes) and charset.strip() in _UTF8_ESCAPES:
        return "utf-8"
    return None


def _text(raw: Any, encoding: str | None) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if not isinstance(raw, bytes | bytearray):
        return str(raw)
    data = bytes(raw).rstrip(b"\x00")
    if encoding:
        return data.decode(encoding, "replace").strip()
    try:
        return data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return data.decode("latin-1").strip()


def _iso(date: str | None, time: str | None) -> tuple[str | None, str | None]:
    """IIM `CCYYMMDD` + `HHMMSS±HHMM` → (ISO local, offset)."""
    if not date or not re.fullmatch(r"\d{8}", date) or date.startswith("0000"):
        return None, None
    day = f"{date[:4]}-{date[4:6]}-{date[6:8]}"
    if not time:
        return day, None
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})?([+\-]\d{2}:?\d{2})?", time)
    if not m:
        return day, None
    clock = f"{m.group(1)}:{m.group(2)}:{m.group(3) or '00'}"
    return f"{day}T{clock}", parse_offset(m.group(4)) if m.group(4) else None


def parse_iptc(datasets: dict[tuple[int, int], Any]) -> dict[str, Any] | None:
    """The IPTC object of `annotator exif --json`, or None when there is nothing.

    Keys: `creator`, `caption`, `credit`, `headline`, `source`, `copyright`, `keywords`,
    `date_created` / `offset_created` (2:55 + 2:60), `digital_created` /
    `offset_digital_created` (2:62 + 2:63), and `datasets` (every dataset raw, keyed
    `"2:120 Caption-Abstract"`; a repeated dataset is a list).
    """
    if not datasets:
        return None
    encoding = _decoder(datasets)
    raw: dict[str, Any] = {}
    for key in sorted(datasets, key=lambda k: (int(k[0]), int(k[1]))):
        try:
            record, number = int(key[0]), int(key[1])
        except (TypeError, ValueError, IndexError):
            continue
        label = f"{record}:{number}"
        if (record, number) in DATASET_NAMES:
            label += " " + DATASET_NAMES[(record, number)]
        value = datasets[key]
        if isinstance(value, list):
            raw[label] = [_text(v, encoding) for v in value]
        else:
            raw[label] = _text(value, encoding)

    def get(record: int, number: int) -> str | None:
        value = datasets.get((record, number))
        if value is None:
            return None
        if isinstance(value, list):
            texts = [_text(v, encoding) for v in value]
            return "; ".join(t for t in texts if t) or None
        return _text(value, encoding) or None

    created, created_offset = _iso(get(2, 55), get(2, 60))
    digital, digital_offset = _iso(get(2, 62), get(2, 63))
    keywords = datasets.get((2, 25))
    if keywords is not None and not isinstance(keywords, list):
        keywords = [keywords]
    return {
        "creator": get(2, 80),
        "caption": get(2, 120),
        "credit": get(2, 110),
        "headline": get(2, 105),
        "source": get(2, 115),
        "copyright": get(2, 116),
        "keywords": [_text(k, encoding) for k in keywords] if keywords else [],
        "date_created": created,
        "offset_created": created_offset,
        "digital_created": digital,
        "offset_digital_created": digital_offset,
        "datasets": raw,
    }
