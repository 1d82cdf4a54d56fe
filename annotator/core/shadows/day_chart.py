"""What a chart of the sun's day shows for one photo: the sun's path over the local day at
the place the shadow was read, the band the measurement puts it in with its windows, and
the photo's capture time (EXIF, as the check derives it) and claimed time marked. The
windows are the measurement's own (the saved result's), never searched again, so the chart
and the figures cannot disagree.

One value (`DayChart`) for the app's chart and the report's, so both draw the same thing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from annotator.core.dating import (
    Place,
    SunBand,
    SunDay,
    Window,
    claim_row,
    get_claim,
    parse_local,
    stored_place,
    sun_day,
)
from annotator.core.models import Photo
from annotator.core.reference import zone
from annotator.core.shadows.analysis import ShadowResult
from annotator.core.shadows.records import get_shadow
from annotator.core.timeutil import iso_z, parse_iso_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.core.case.folder import Case


@dataclass(frozen=True)
class DayChart:
    """The sun's day with the measured band, and the times to mark on it."""

    day: SunDay
    capture_utc: datetime | None
    claimed_utc: datetime | None
    claimed_text: str | None  # the claim as typed (a date alone is not a time to mark)

    def to_json(self) -> dict[str, Any]:
        band = self.day.band
        return {**self.day.to_json(), "band": band.to_json() if band else None,
                "capture_utc": iso_z(self.capture_utc), "claimed_utc": iso_z(self.claimed_utc),
                "claimed": self.claimed_text}


def claimed_instant(claimed: str | None, place: Place | None) -> datetime | None:
    """A claimed local date-time at a place with a zone, in UTC (a date alone: None)."""
    if not claimed or "T" not in claimed or place is None or not place.tz:
        return None
    local = parse_local(claimed)
    tz = zone(place.tz)
    if local is None or tz is None:
        return None
    return local.replace(tzinfo=tz).astimezone(UTC)


def chart_of(result: ShadowResult, capture_utc: datetime | None = None,
             claimed_utc: datetime | None = None,
             claimed_text: str | None = None) -> DayChart:
    """The chart of a measurement's day (its place and date, its band, its very windows)."""
    return DayChart(_day_with(result.place, result.day, result.measurement.band,
                              result.windows), capture_utc, claimed_utc, claimed_text)


def _day_with(place: Place, day: date, band: SunBand, windows: tuple[Window, ...]) -> SunDay:
    """The sun's day with the windows a measurement found (not searched again)."""
    return dataclasses.replace(sun_day(place, day), band=band, windows=windows)


def _stored_result_place(result: dict[str, Any]) -> str | None:
    return result.get("place") if isinstance(result.get("place"), str) else None


def photo_day_chart(session: Session, photo_id: int) -> DayChart | None:
    """The chart of the photo's saved measurement (None when it has none), read in
    `session`: the place and day the measurement was read at, the capture time the stored
    check holds, the claim."""
    stored = get_shadow(session, photo_id)
    photo = session.get(Photo, photo_id)
    if stored is None or photo is None:
        return None
    result = stored.result
    sun = result.get("sun") or {}
    where = result.get("place_point") or {}
    if not where or result.get("date") is None:
        return None
    place = Place(str(_stored_result_place(result)), float(where["lat"]), float(where["lon"]),
                  where.get("tz"))
    band = stored.band or SunBand(float(sun["azimuth"]), float(sun["azimuth_error"]),
                                  sun.get("elevation"), sun.get("elevation_error"))
    windows = tuple(Window(parse_iso_utc(w["from_utc"]), parse_iso_utc(w["to_utc"]))
                    for w in result.get("windows") or [])
    day = _day_with(place, date.fromisoformat(str(result["date"])), band, windows)
    claim = get_claim(session, photo_id)
    claimed_place = stored_place(claim_row(session, photo_id)) or place
    return DayChart(day, photo.capture_utc, claimed_instant(claim.claimed, claimed_place),
                    claim.claimed)


def measured_day_chart(case: Case, photo_id: int, result: ShadowResult) -> DayChart:
    """The chart of a fresh measurement on a case photo (not yet saved): its day and band,
    the capture time it was compared with (else the photo's), the photo's claim."""
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        claim = get_claim(session, photo_id)
        claimed_place = stored_place(claim_row(session, photo_id)) or result.place
        capture = (result.check.capture_utc if result.check is not None
                   else photo.capture_utc if photo is not None else None)
    return chart_of(result, capture, claimed_instant(claim.claimed, claimed_place),
                    claim.claimed)
