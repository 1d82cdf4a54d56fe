"""Reading the photo's clocks: parsers for EXIF/XMP date strings, and the derivation of the
capture instant in UTC (see `annotator.core.dating.check` for the order of sources).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from annotator.core.dating.model import DatingInput, Place
from annotator.core.metadata.model import PhotoMetadata
from annotator.core.reference.timezones import offset_at_local, zone_at
from annotator.core.timeutil import as_utc, iso_z

MAX_OFFSET = timedelta(hours=14)  # the widest UTC offset in use (Kiribati)


def parse_local(text: str | None) -> datetime | None:
    """An ISO local date-time (`2023-10-27T10:15:00.25`) as a naive datetime, or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        return None
    return value.replace(tzinfo=None) if value.tzinfo else value


def parse_offset(text: str | None) -> timedelta | None:
    """`+01:00` / `-05:30` / `Z` → timedelta, or None."""
    if not text:
        return None
    t = text.strip()
    if t in ("Z", "z", "+00:00", "-00:00"):
        return timedelta(0)
    try:
        sign = -1 if t[0] == "-" else 1
        hh, mm = t.lstrip("+-").split(":")[:2]
        value = sign * timedelta(hours=int(hh), minutes=int(mm))
    except (ValueError, IndexError):
        return None
    return value if abs(value) <= MAX_OFFSET else None


def parse_when(text: str | None) -> datetime | None:
    """An XMP date (`2023-10-27T12:00:00+01:00`, maybe naive or date-only)."""
    if not text:
        return None
    t = text.strip()
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(t)
    except ValueError:
        return None


def haversine_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def edit_history(meta: PhotoMetadata) -> list[dict[str, Any]]:
    """XMP `xmpMM:History` events as dicts with `action`, `when`, `software` (any may be None)."""
    xmp = meta.xmp or {}
    raw = xmp.get("history") or xmp.get("xmpMM:History") or xmp.get("History") or []
    if isinstance(raw, dict):
        raw = [raw]
    events = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue

        def pick(*keys: str, item: dict = item) -> Any:
            for k in keys:
                for variant in (k, f"stEvt:{k}"):
                    if item.get(variant):
                        return item[variant]
            return None

        events.append({"action": pick("action"), "when": pick("when"),
                       "software": pick("softwareAgent", "software_agent", "software"),
                       "changed": pick("changed")})
    return events


@dataclass
class CaptureTime:
    local: datetime | None = None
    utc: datetime | None = None
    source: str | None = None
    offset: timedelta | None = None
    zone: str | None = None  # IANA zone behind the offset, when one is known
    gps_residual: timedelta | None = None  # camera (with offset) minus GPS clock
    gps_zone_offset: timedelta | None = None  # the GPS position's zone, for comparison


def derive_capture(inp: DatingInput) -> CaptureTime:
    meta = inp.meta
    cap = CaptureTime(local=parse_local(meta.datetime_original))
    if cap.local is None:
        return cap
    local = cap.local
    gps = meta.gps
    gps_utc = as_utc(gps.utc) if gps and gps.utc else None
    offset = parse_offset(meta.offset_original)
    if offset is not None:
        cap.offset, cap.source = offset, "exif_offset"
    elif gps_utc is not None:
        quarter = timedelta(minutes=15)
        diff = local - gps_utc.replace(tzinfo=None)
        guessed = round(diff / quarter) * quarter
        if abs(guessed) <= MAX_OFFSET:
            cap.offset, cap.source = guessed, "gps_time"
    if cap.offset is None and gps is not None:
        name = zone_at(gps.lat, gps.lon)
        off = offset_at_local(name, local) if name else None
        if off is not None:
            cap.offset, cap.source, cap.zone = off, "gps_timezone", name
    claim_place = inp.claim.place if inp.claim else None
    for source, place in (("claimed_place", claim_place), ("linked_airport", inp.linked_airport)):
        if cap.offset is None and place is not None and place.tz:
            off = offset_at_local(place.tz, local)
            if off is not None:
                cap.offset, cap.source, cap.zone = off, source, place.tz
    if cap.offset is None:
        cap.source = None
        return cap
    cap.utc = (local - cap.offset).replace(tzinfo=UTC)
    if gps_utc is not None:
        cap.gps_residual = cap.utc - gps_utc
    if cap.zone is None and gps is not None:
        cap.zone = zone_at(gps.lat, gps.lon)
        if cap.zone and cap.source == "gps_time":
            cap.gps_zone_offset = offset_at_local(cap.zone, local)
    return cap


def photo_place(inp: DatingInput) -> Place | None:
    """Where the photo was taken, best first: GPS, the claimed place, the linked airport."""
    gps = inp.meta.gps
    if gps is not None:
        return Place(f"{gps.lat:.5f},{gps.lon:.5f}", gps.lat, gps.lon, zone_at(gps.lat, gps.lon))
    if inp.claim and inp.claim.place:
        return inp.claim.place
    return inp.linked_airport


def fmt_utc(value: datetime | None) -> str | None:
    return iso_z(value.replace(microsecond=0)) if value else None


def human_delta(delta: timedelta) -> str:
    seconds = int(round(abs(delta.total_seconds())))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    if seconds < 3 * 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds // 86400} days"


def aware(local: datetime | None, offset_text: str | None) -> datetime | None:
    off = parse_offset(offset_text)
    if local is None or off is None:
        return None
    return local.replace(tzinfo=timezone(off))
