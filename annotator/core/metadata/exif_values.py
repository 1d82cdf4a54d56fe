"""Parsing the textual values of EXIF, XMP and IPTC into normalized forms.

Dates: camera clocks write `2023:10:27 10:15:00`; editors write `2023-10-27T10:15:00.12+01:00`;
broken files write `0000:00:00 00:00:00` or blanks. We keep local time without offset as
ISO 8601 (`2023-10-27T10:15:00`, sub-seconds when present) and an offset as `+01:00`; a
value that is not a real calendar date becomes None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_DATE_RE = re.compile(
    r"^\s*(\d{4})[:\-/. ](\d{1,2})[:\-/. ](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?)?"
    r"\s*(Z|[+\-]\d{1,2}(?::?\d{2})?)?"
)
_OFFSET_RE = re.compile(r"^\s*([+\-])(\d{1,2})(?::?(\d{2}))?\s*$")


def parse_offset(text: str | None) -> str | None:
    """`+01:00` from `+01:00`, `+0100`, `-5`, `Z`; None for blanks and out-of-range values."""
    if text is None:
        return None
    cleaned = text.replace("\x00", "").strip()
    if cleaned in ("Z", "z"):
        return "+00:00"
    m = _OFFSET_RE.match(cleaned)
    if not m:
        return None
    sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    return f"{sign}{hours:02d}:{minutes:02d}"


def _subsec_digits(text: str | None) -> str | None:
    if text is None:
        return None
    digits = re.match(r"^\s*(\d+)", text.replace("\x00", ""))
    return digits.group(1) if digits else None


def parse_local_datetime(
    text: str | None, subsec: str | None = None, *, date_only: bool = False
) -> tuple[str | None, str | None]:
    """(ISO local datetime or None, offset or None) from an EXIF/XMP date text.

    `subsec` is the matching SubSecTime* value (digits are fractions of a second: "5" means
    .5, "050" means .050). An offset written inside the text (XMP style) is returned too.
    A date without time is accepted only with `date_only` (XMP/IPTC dates may be bare days)
    and is then returned as `YYYY-MM-DD`.
    """
    if not text:
        return None, None
    m = _DATE_RE.match(str(text).replace("\x00", ""))
    if not m:
        return None, None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m.group(4) is None:
        if not date_only:
            return None, None
        try:
            return datetime(year, month, day).date().isoformat(), None
        except ValueError:
            return None, None
    hour, minute = int(m.group(4)), int(m.group(5))
    second = int(m.group(6) or 0)
    if year < 1800:  # 0000:00:00 and other cleared clocks
        return None, None
    if hour == 24 and minute == 0 and second == 0:
        hour, day_shift = 0, 1
    else:
        day_shift = 0
    try:
        value = datetime(year, month, day, hour, minute, second) + timedelta(days=day_shift)
    except ValueError:
        return None, None
    frac = m.group(7) or _subsec_digits(subsec)
    text_out = value.isoformat()
    if frac:
        frac = frac[:6]
        text_out += "." + frac
    return text_out, parse_offset(m.group(8)) if m.group(8) else None


def dms_to_degrees(parts: list[float | None] | None) -> float | None:
    """Degrees from EXIF's [degrees, minutes, seconds] rationals (fewer parts accepted)."""
    if not parts:
        return None
    if any(p is None for p in parts[:3]):
        return None
    values = [float(p) for p in parts[:3]]  # type: ignore[arg-type]
    while len(values) < 3:
        values.append(0.0)
    deg, minutes, seconds = values
    # Seven decimals (about 1 cm) is finer than any GPS fix; rounding drops the binary noise
    # of the sum (-7.9502, not -7.950200000000001) without losing what the file holds.
    return round(deg + minutes / 60.0 + seconds / 3600.0, 7)


def gps_utc(date_text: str | None, time_parts: list[float | None] | None) -> datetime | None:
    """Aware UTC datetime from GPSDateStamp (`2023:10:27`) and GPSTimeStamp ([h, m, s])."""
    if not date_text or not time_parts or len(time_parts) < 3:
        return None
    if any(p is None for p in time_parts[:3]):
        return None
    m = re.match(r"^\s*(\d{4})[:\-/](\d{1,2})[:\-/](\d{1,2})", date_text)
    if not m:
        return None
    h, mi, s = (float(p) for p in time_parts[:3])  # type: ignore[arg-type]
    if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 61):
        return None
    try:
        day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=UTC)
    except ValueError:
        return None
    if day.year < 1980:  # GPS time starts in 1980; earlier is a cleared clock
        return None
    micro = round((h * 3600 + mi * 60 + s) * 1_000_000)
    return day + timedelta(microseconds=micro)
