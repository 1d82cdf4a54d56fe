"""The IANA time zone at a position, and the UTC offset a zone had at a local time.

timezonefinder's first use loads its polygon data (tens of milliseconds), so one finder is
made lazily and lookups are cached: a case's photos come from a handful of places.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_finder = None


def _tz_finder():  # type: ignore[no-untyped-def]
    global _finder
    if _finder is None:
        from timezonefinder import TimezoneFinder

        _finder = TimezoneFinder(in_memory=True)
    return _finder


def preload() -> None:
    """Load the time-zone polygons now (about 0.2 s), e.g. from a worker at start-up, so the
    first date check after an edit on the GUI thread does not pay for it."""
    _tz_finder()


@lru_cache(maxsize=4096)
def zone_at(lat: float, lon: float) -> str | None:
    """The zone name at (lat, lon) (e.g. `Africa/Bamako`), or None (open sea, bad input)."""
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    finder = _tz_finder()
    return finder.timezone_at(lng=lon, lat=lat) or finder.certain_timezone_at(lng=lon, lat=lat)


def zone(name: str) -> ZoneInfo | None:
    """A ZoneInfo for `name`, or None when the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def offset_at_local(name: str, local: datetime) -> timedelta | None:
    """The UTC offset zone `name` had at naive local time `local` (the earlier one in a
    repeated DST hour), or None when the zone is unknown."""
    tz = zone(name)
    if tz is None:
        return None
    return local.replace(tzinfo=tz, fold=0).utcoffset()


def format_offset(offset: timedelta) -> str:
    """`+01:00` style (as EXIF OffsetTime* writes it)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
