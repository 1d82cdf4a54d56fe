"""The sun at a photo's place and capture time, as the map draws it (Qt-free): a ray toward
the sun's azimuth from the photo's point, or, when the capture time is only known to lie in
an interval, the fan of azimuths the sun swept during it (sampled, so a fan that crosses
north or runs the other way round is right), and whether the sun was up at all.

The place is the map's (`geometry`: GPS, else the claimed place); the time is the capture-date
account the rest of the application shows (`dating.stored_date`: its best estimate and the
interval it must lie in), else the photo's stored capture time. Nothing is guessed: with no
place or no time there is no mark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from annotator.core.dating import SunPosition, stored_date, sun_position
from annotator.core.maps.geometry import LonLat, PhotoPoint, photo_point
from annotator.core.timeutil import parse_iso_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

EARTH_KM = 6371.0
HORIZON_DEG = -0.833  # the sun's upper limb on the horizon, with refraction (astral's)
FAN_STEP = timedelta(minutes=10)
FAN_MAX_SAMPLES = 145  # a day at 10 minutes
WHOLE_DAY = timedelta(hours=24)


@dataclass(frozen=True)
class SunMark:
    """The sun seen from (`lon`, `lat`): at the best capture time (`best`, None when only an
    interval is known) and at the interval's ends; `fan` the azimuths, in time order, the
    sun took while up during the interval (empty for a point in time, or when the sun was
    down all along); `whole_day` when the interval is a day or more (any azimuth the sun
    takes that day is possible: no fan is drawn)."""

    photo_id: int
    lon: float
    lat: float
    placed: str  # "gps" or "claimed"
    when: datetime | None
    earliest: datetime | None
    latest: datetime | None
    best: SunPosition | None
    first: SunPosition | None
    last: SunPosition | None
    fan: tuple[float, ...] = ()
    whole_day: bool = False

    @property
    def is_interval(self) -> bool:
        return (self.earliest is not None and self.latest is not None
                and self.earliest != self.latest)

    @property
    def up(self) -> bool:
        """Whether the sun was above the horizon (at the best time; for an interval, at
        some time in it)."""
        if self.best is not None and not self.is_interval:
            return self.best.elevation > HORIZON_DEG
        return bool(self.fan) or any(p is not None and p.elevation > HORIZON_DEG
                                     for p in (self.best, self.first, self.last))

    def ray(self, length_km: float) -> list[LonLat] | None:
        """The photo's point and the point `length_km` toward the sun's azimuth (at the best
        time), or None when the sun was below the horizon or there is no best time."""
        if self.best is None or self.best.elevation <= HORIZON_DEG:
            return None
        return [(self.lon, self.lat), toward(self.lon, self.lat, self.best.azimuth, length_km)]

    def wedge(self, length_km: float) -> list[LonLat]:
        """The fan as a closed outline: the photo's point, then the points `length_km` away
        along each azimuth of the fan (empty when there is no fan)."""
        if not self.fan:
            return []
        return [(self.lon, self.lat),
                *(toward(self.lon, self.lat, a, length_km) for a in self.fan),
                (self.lon, self.lat)]


def toward(lon: float, lat: float, azimuth: float, km: float) -> LonLat:
    """The point `km` along the great circle leaving (lon, lat) at `azimuth` (degrees
    clockwise from true north); longitude in [-180, 180)."""
    d = km / EARTH_KM
    phi1, lam1, theta = math.radians(lat), math.radians(lon), math.radians(azimuth)
    phi2 = math.asin(math.sin(phi1) * math.cos(d)
                     + math.cos(phi1) * math.sin(d) * math.cos(theta))
    lam2 = lam1 + math.atan2(math.sin(theta) * math.sin(d) * math.cos(phi1),
                             math.cos(d) - math.sin(phi1) * math.sin(phi2))
    return (math.degrees(lam2) + 540) % 360 - 180, math.degrees(phi2)


def sun_mark_at(photo: PhotoPoint, when: datetime | None,
                bounds: tuple[datetime | None, datetime | None] | None = None
                ) -> SunMark | None:
    """The mark for a photo placed at `photo` taken at `when` (best estimate, may be None)
    within `bounds` (earliest, latest; None or an open end: only `when` is known)."""
    earliest, latest = bounds if bounds else (None, None)
    if earliest is None or latest is None:
        earliest = latest = None
    if when is None and earliest is None:
        return None

    def at(t: datetime | None) -> SunPosition | None:
        return sun_position(t, photo.lat, photo.lon) if t is not None else None

    fan: list[float] = []
    whole_day = False
    if earliest is not None and latest is not None and latest > earliest:
        whole_day = latest - earliest >= WHOLE_DAY
        if not whole_day:
            n = min(FAN_MAX_SAMPLES, max(2, math.ceil((latest - earliest) / FAN_STEP) + 1))
            for i in range(n):
                sun = sun_position(earliest + (latest - earliest) * (i / (n - 1)),
                                   photo.lat, photo.lon)
                if sun.elevation > HORIZON_DEG:
                    fan.append(sun.azimuth)
    return SunMark(photo.photo_id, photo.lon, photo.lat, photo.placed, when, earliest, latest,
                   at(when), at(earliest), at(latest), tuple(fan), whole_day)


def photo_sun(case: Case, photo_id: int) -> SunMark | None:
    """The sun mark of one photo of the case (None: not on the map, or no capture time)."""
    with case.reading() as session:
        point = photo_point(session, photo_id)
        if point is None:
            return None
        date = stored_date(session, photo_id) or {}
    when = _instant(date.get("capture_utc")) or point.capture_utc
    raw = date.get("capture_bounds") or [None, None]
    bounds = (_instant(raw[0]), _instant(raw[1])) if len(raw) == 2 else None
    return sun_mark_at(point, when, bounds)


def _instant(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return parse_iso_utc(text)
    except ValueError:
        return None


__all__ = ["SunMark", "photo_sun", "sun_mark_at", "toward"]
