"""A shadow measurement read as a clock: the windows of a day at a place when the sun stood
where the shadow says, and the comparison with the photo's capture time.

`analyse` is what `annotator shadow` prints (`ShadowResult.to_json()` is its `--json`
contract). The place is the photo's GPS position, else its claimed place, else the place
given, else a linked flight's airport (`dating.shadow_place`); the day is the date given,
else the capture's local date there. The comparison is the capture-date check's own
(`dating.compare_with_capture`), so `shadow` and `check-date` cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from annotator.core.dating import (
    Place,
    SunComparison,
    Window,
    compare_with_capture,
    local_date_of,
    sun_windows,
)
from annotator.core.dating.sun_day import local_day
from annotator.core.errors import InputRejected
from annotator.core.shadows.measure import ShadowMeasurement
from annotator.core.timeutil import iso_z


@dataclass(frozen=True)
class ShadowResult:
    """A measurement, the day and place it was read at, its windows, and the comparison
    with the capture time (None when the photo has no capture time in UTC)."""

    measurement: ShadowMeasurement
    place: Place
    day: date
    windows: tuple[Window, ...]
    check: SunComparison | None

    def to_json(self) -> dict[str, Any]:
        data = self.measurement.to_json()
        data["windows"] = [w.to_json() for w in self.windows]
        data["check"] = None if self.check is None else {
            "capture_utc": iso_z(self.check.capture_utc),
            "sun_at_capture": {"azimuth": round(self.check.sun_at_capture.azimuth, 2),
                               "elevation": round(self.check.sun_at_capture.elevation, 2)},
            "difference_deg": round(self.check.difference_deg, 2),
            "finding": self.check.code,
        }
        return data


def parse_day(text: str | None) -> date | None:
    """`2023-10-27` → a date; empty → None; anything else refused."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputRejected(f"{text!r} is not a date: give YYYY-MM-DD, e.g. 2023-10-27",
                            code="SHADOW_BAD_DATE", text=f"{text!r}") from None


def analyse(measurement: ShadowMeasurement, place: Place | None, day: date | None,
            capture_utc: datetime | None) -> ShadowResult:
    """The windows of `day` (else the capture's local date) at `place`, and the capture
    time compared with the measured sun. Refused without a place, or without any date."""
    if place is None:
        raise InputRejected("no place to read the shadow at: the photo has no GPS position, "
                            "claimed place or linked airport; give --place ICAO or LAT,LON",
                            code="SHADOW_NO_PLACE")
    if day is None:
        if capture_utc is None:
            raise InputRejected("no date to read the shadow on: the photo has no capture time "
                                "in UTC; give --date YYYY-MM-DD", code="SHADOW_NO_DATE")
        day = local_date_of(place, capture_utc)
    start, end = local_day(place, day)
    windows = sun_windows(place, measurement.band, start, end)
    check = (compare_with_capture(measurement.band, place, capture_utc, (day, windows))
             if capture_utc is not None else None)
    return ShadowResult(measurement, place, day, windows, check)
