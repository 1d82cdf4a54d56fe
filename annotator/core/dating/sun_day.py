"""The sun's day at a place: sunrise, sunset, its path, and the windows of time when it stood
where a measurement (a shadow, satellite imagery) says it stood.

A day is the place's local calendar day (its IANA zone), so "27 October at Bamako" means what
an investigator there means. Sunrise and sunset are the standard ones (NOAA's: the sun's upper
limb on a sea-level horizon, with refraction; astral computes them). Every instant is UTC.

`sun_windows` scans the day with the same `sun_position` the capture-date check uses and
refines each edge by bisection to a second, so a window and the check can never disagree
about where the sun was. The scan's step is short enough that no window is stepped over: the
sun's elevation changes at most 0.25° a minute, and so does its azimuth away from the zenith
(near it the azimuth turns faster, but a shadow is then too short to give a narrow band), so
it spends at least 2·e / 0.25 minutes inside a band ±e wide; the step is half of that (2 s to
30 s).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from annotator.core.dating.model import Place
from annotator.core.dating.sun import SunPosition, sun_position
from annotator.core.reference.timezones import zone
from annotator.core.timeutil import as_utc, iso_z

SCAN_STEP = timedelta(seconds=30)  # the longest step; narrow bands get shorter ones
MIN_SCAN_STEP = timedelta(seconds=2)
EDGE_PRECISION = timedelta(seconds=1)
PATH_STEP = timedelta(minutes=10)
# A shadow needs the sun up. At NOAA's sunrise and sunset (upper limb on the horizon: the
# centre 0.833° below it without refraction), `sun_position`, refraction counted, gives
# −0.365° to −0.375° (astral's refraction model): the sun is up above −0.36°, so a window
# never begins before sunrise nor ends after sunset (to astral's few seconds).
UPPER_LIMB_DEG = -0.36


@dataclass(frozen=True)
class SunBand:
    """Where a measurement puts the sun: azimuth ± error (degrees true), and elevation ±
    error when known. The errors are half-widths the true direction lies within (see the
    measurement's own docstring for the confidence they carry)."""

    azimuth: float
    azimuth_error: float
    elevation: float | None = None
    elevation_error: float | None = None

    def holds(self, sun: SunPosition) -> bool:
        """Is the sun inside the band (and above the horizon)?"""
        if sun.elevation < UPPER_LIMB_DEG:
            return False
        if abs(angle_between(sun.azimuth, self.azimuth)) > self.azimuth_error:
            return False
        if self.elevation is not None:
            return abs(sun.elevation - self.elevation) <= (self.elevation_error or 0.0)
        return True

    def to_json(self) -> dict[str, float | None]:
        return {"azimuth": round(self.azimuth, 2), "azimuth_error": round(self.azimuth_error, 2),
                "elevation": None if self.elevation is None else round(self.elevation, 2),
                "elevation_error": (None if self.elevation_error is None
                                    else round(self.elevation_error, 2))}


@dataclass(frozen=True)
class Window:
    """An interval of UTC time, both ends included."""

    start: datetime
    end: datetime

    def contains(self, when: datetime) -> bool:
        moment = as_utc(when)
        return moment is not None and self.start <= moment <= self.end

    def to_json(self) -> dict[str, str | None]:
        return {"from_utc": iso_z(self.start), "to_utc": iso_z(self.end)}

    def label(self) -> str:
        return f"{self.start:%H:%M:%S}–{self.end:%H:%M:%S} UTC"


@dataclass(frozen=True)
class SunDay:
    """`annotator sun --json`: the day, its sunrise and sunset, the path every 10 minutes and
    the windows of a band (empty without one)."""

    place: Place
    day: date
    zone: str | None
    sunrise: datetime | None
    sunset: datetime | None
    path: tuple[tuple[datetime, SunPosition], ...]
    windows: tuple[Window, ...]
    band: SunBand | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "place": self.place.label, "date": self.day.isoformat(), "zone": self.zone,
            "sunrise_utc": iso_z(self.sunrise), "sunset_utc": iso_z(self.sunset),
            "path": [{"utc": iso_z(t), "azimuth": round(s.azimuth, 2),
                      "elevation": round(s.elevation, 2)} for t, s in self.path],
            "windows": [w.to_json() for w in self.windows],
        }


def angle_between(a: float, b: float) -> float:
    """a − b in degrees, wrapped to (−180, 180]."""
    d = (a - b) % 360.0
    return d - 360.0 if d > 180.0 else d


def sky_separation(a: SunPosition, azimuth: float, elevation: float | None) -> float:
    """Degrees between the sun `a` and a measured direction: the angle on the sky when the
    elevation is known, else the difference of azimuths alone."""
    if elevation is None:
        return abs(angle_between(a.azimuth, azimuth))
    e1, e2 = math.radians(a.elevation), math.radians(elevation)
    daz = math.radians(angle_between(a.azimuth, azimuth))
    cos_sep = math.sin(e1) * math.sin(e2) + math.cos(e1) * math.cos(e2) * math.cos(daz)
    return math.degrees(math.acos(max(-1.0, min(1.0, cos_sep))))


def place_zone(place: Place) -> tzinfo:
    """The place's zone; UTC when it has none (open sea): the day is then the UTC day."""
    return (zone(place.tz) if place.tz else None) or UTC


def local_day(place: Place, day: date) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the local calendar day `day` at `place`."""
    tz = place_zone(place)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end


def local_date_of(place: Place, when: datetime) -> date:
    """The local calendar date at `place` of the instant `when`."""
    moment = as_utc(when)
    assert moment is not None
    return moment.astimezone(place_zone(place)).date()


def _edge(inside: Callable[[datetime], bool], outside_at: datetime,
          inside_at: datetime) -> datetime:
    """Bisect, in whole seconds, between an instant outside the band and one inside it;
    returns the inside end (a window's ends are instants when the sun was in the band)."""
    a, b = outside_at, inside_at
    while abs((b - a).total_seconds()) > EDGE_PRECISION.total_seconds():
        mid = a + timedelta(seconds=int((b - a).total_seconds() / 2))
        if inside(mid):
            b = mid
        else:
            a = mid
    return b


def scan_step(band: SunBand) -> timedelta:
    """Half the least time the sun can take to cross the band (see the module docstring)."""
    narrowest = band.azimuth_error
    if band.elevation is not None:
        narrowest = min(narrowest, band.elevation_error or 0.0)
    seconds = 0.5 * 60.0 * 2.0 * narrowest / 0.25
    return max(MIN_SCAN_STEP, min(SCAN_STEP, timedelta(seconds=int(seconds))))


def sun_windows(place: Place, band: SunBand, start: datetime,
                end: datetime) -> tuple[Window, ...]:
    """The intervals within [start, end) when the sun, seen from `place`, was in `band`."""
    def inside(when: datetime) -> bool:
        return band.holds(sun_position(when, place.lat, place.lon))

    step = scan_step(band)
    windows: list[Window] = []
    opened: datetime | None = None
    previous: datetime | None = None
    t = start
    while t < end:
        now_in = inside(t)
        if now_in and opened is None:
            opened = start if previous is None else _edge(inside, previous, t)
        elif not now_in and opened is not None and previous is not None:
            windows.append(Window(opened, _edge(inside, t, previous)))
            opened = None
        previous, t = t, t + step
    if opened is not None and previous is not None:
        last = end - EDGE_PRECISION
        closing = last if inside(last) else _edge(inside, last, previous)
        windows.append(Window(opened, closing))
    return tuple(windows)


def _sun_event(event: str, place: Place, day: date) -> datetime | None:
    """`sunrise` or `sunset` on the local day, in UTC; None when the sun does not cross the
    horizon that day (polar day or night). astral is imported here, as in `sun`, so that
    importing the dating package stays cheap."""
    import astral.sun
    from astral import Observer

    try:
        when = getattr(astral.sun, event)(Observer(latitude=place.lat, longitude=place.lon),
                                          day, tzinfo=place_zone(place))
    except ValueError:
        return None
    return _to_second(when.astimezone(UTC))


def _to_second(when: datetime) -> datetime:
    return (when + timedelta(microseconds=500_000)).replace(microsecond=0)


def sun_day(place: Place, day: date, band: SunBand | None = None) -> SunDay:
    """The sun's day at `place` on its local date `day`, with the windows of `band`."""
    start, end = local_day(place, day)
    path = []
    t = start
    while t < end:
        path.append((t, sun_position(t, place.lat, place.lon)))
        t += PATH_STEP
    windows = sun_windows(place, band, start, end) if band is not None else ()
    return SunDay(place=place, day=day, zone=place.tz, sunrise=_sun_event("sunrise", place, day),
                  sunset=_sun_event("sunset", place, day), path=tuple(path), windows=windows,
                  band=band)


@dataclass(frozen=True)
class SunComparison:
    """A measured sun set against the capture time: the sun then, how far it was from the
    measurement, the day's windows, and whether the capture falls in one of them."""

    capture_utc: datetime
    sun_at_capture: SunPosition
    difference_deg: float
    windows: tuple[Window, ...]
    consistent: bool

    @property
    def code(self) -> str:
        return "SHADOW_CONSISTENT" if self.consistent else "SHADOW_TIME_MISMATCH"


def compare_with_capture(band: SunBand, place: Place, capture_utc: datetime,
                         day_windows: tuple[date, tuple[Window, ...]] | None = None
                         ) -> SunComparison:
    """Where the sun stood at `capture_utc` against where the measurement puts it, with the
    windows of the capture's local day (the one account `check-date` and `shadow` share).
    `day_windows`: (day, its windows) already found for this band and place, used when that
    day is the capture's."""
    moment = as_utc(capture_utc)
    assert moment is not None
    capture_day = local_date_of(place, moment)
    if day_windows is not None and day_windows[0] == capture_day:
        windows = day_windows[1]
    else:
        start, end = local_day(place, capture_day)
        windows = sun_windows(place, band, start, end)
    sun = sun_position(moment, place.lat, place.lon)
    inside = band.holds(sun) or any(w.contains(moment) for w in windows)
    return SunComparison(capture_utc=moment, sun_at_capture=sun,
                         difference_deg=sky_separation(sun, band.azimuth, band.elevation),
                         windows=windows, consistent=inside)
