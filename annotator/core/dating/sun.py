"""Where the sun stood: elevation and azimuth at a place and UTC instant.

Investigators compare these with shadows in the photo. `astral` implements the NOAA
(Meeus) solar position equations; the tests hold it to NOAA figures within 0.5°.
Elevation includes atmospheric refraction, as NOAA's calculator reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from annotator.core.timeutil import as_utc

NIGHT_BELOW_DEG = -6.0  # civil twilight ends: too dark for an ordinary daylight photo


@dataclass(frozen=True)
class SunPosition:
    """Degrees: elevation above the horizon, azimuth clockwise from true north."""

    elevation: float
    azimuth: float

    @property
    def is_night(self) -> bool:
        return self.elevation < NIGHT_BELOW_DEG

    def to_json(self) -> dict[str, float]:
        return {"elevation": round(self.elevation, 2), "azimuth": round(self.azimuth, 2)}


def sun_position(when_utc: datetime, lat: float, lon: float) -> SunPosition:
    """The sun's position seen from (lat, lon) at `when_utc` (an aware datetime)."""
    from astral import Observer
    from astral.sun import azimuth, elevation

    when = as_utc(when_utc)
    assert when is not None
    observer = Observer(latitude=lat, longitude=lon)
    return SunPosition(
        elevation=float(elevation(observer, when, with_refraction=True)),
        azimuth=float(azimuth(observer, when)) % 360.0,
    )
