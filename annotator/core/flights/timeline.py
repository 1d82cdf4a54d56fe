"""What the timeline shows, read from the case (Qt-free): one row per aircraft with its
flights as bars (best estimates, the bounds of each end, coverage gaps, a lane per flight so
that overlapping flights of one airframe are drawn apart), and photos as marks at their
capture time on the row of the flight they are linked to, or of the aircraft they show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from annotator.core.flights.records import list_flights
from annotator.core.flights.times import TimeBounds, flight_times
from annotator.core.models import Box, Photo, PhotoFlightLink
from annotator.core.timeutil import as_utc, parse_iso_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

UNPLACED = "photos"  # row of photos linked to no flight and showing no known registration
STUB = timedelta(minutes=45)  # how far an unknown end is drawn from the known one


def assign_lanes(bars: list[LegBar]) -> int:
    """Give each bar the lowest lane free over its extent (first-fit interval colouring, bars
    taken in order of start); return how many lanes the row needs (at least one)."""
    lane_ends: list[datetime] = []  # per lane: where its last bar ends
    placed = [b for b in bars if b.extent()[0] is not None]
    for bar in bars:
        if bar not in placed:
            bar.lane = 0
    for bar in sorted(placed, key=lambda b: (b.extent()[0], b.flight_id)):
        start, end = bar.extent()
        assert start is not None and end is not None
        end = max(end, start + STUB)  # a bar with one known end is drawn STUB long
        for lane, last in enumerate(lane_ends):
            if last <= start:
                bar.lane, lane_ends[lane] = lane, end
                break
        else:
            bar.lane = len(lane_ends)
            lane_ends.append(end)
    return max(1, len(lane_ends))


@dataclass
class LegBar:
    """A flight on its aircraft's row: best-estimate ends (None: unknown), the bounds the
    evidence gives each end, its coverage gaps, and its lane within the row (flights of one
    airframe that overlap in time cannot share a lane)."""

    flight_id: int
    label: str
    start: datetime | None
    end: datetime | None
    gaps: list[tuple[datetime, datetime]] = field(default_factory=list)
    departure: TimeBounds | None = None
    arrival: TimeBounds | None = None
    lane: int = 0

    def extent(self) -> tuple[datetime | None, datetime | None]:
        """The widest interval the bar covers on the axis (bounds included)."""
        start = (self.departure.earliest if self.departure and self.departure.earliest
                 else self.start)
        end = self.arrival.latest if self.arrival and self.arrival.latest else self.end
        return start or end, end or start


@dataclass
class PhotoMark:
    photo_id: int
    name: str
    when: datetime


@dataclass
class TimelineData:
    """Rows keyed by aircraft (registration, else ICAO address), in first-seen order."""

    rows: dict[str, list[LegBar]] = field(default_factory=dict)
    marks: dict[str, list[PhotoMark]] = field(default_factory=dict)
    lanes: dict[str, int] = field(default_factory=dict)  # row → how many lanes it needs

    @classmethod
    def load(cls, case: Case) -> TimelineData:
        data = cls()
        with case.reading() as s:
            row_of_flight: dict[int, str] = {}
            for f in list_flights(s):
                key = f.registration or f.icao24 or f"flight {f.id}"
                row_of_flight[f.id] = key
                gaps = []
                for a, b in f.coverage_gaps or []:
                    try:
                        gaps.append((parse_iso_utc(a), parse_iso_utc(b)))
                    except (TypeError, ValueError):
                        continue
                label = f"{f.origin or '????'}→{f.destination or '????'}"
                times = flight_times(f)
                data.rows.setdefault(key, []).append(LegBar(
                    f.id, label, as_utc(f.departure_utc), as_utc(f.arrival_utc), gaps,
                    departure=times.departure, arrival=times.arrival))
            links = dict(s.execute(select(PhotoFlightLink.photo_id,
                                          PhotoFlightLink.flight_id)).all())
            regs = dict(s.execute(select(Box.photo_id, Box.registration)
                                  .where(Box.registration.is_not(None))).all())
            photos = s.execute(select(Photo.id, Photo.original_name, Photo.capture_utc)
                               .where(Photo.capture_utc.is_not(None))).all()
        for photo_id, name, when in photos:
            row: str | None = row_of_flight.get(links.get(photo_id, -1))
            if row is None and regs.get(photo_id) in data.rows:
                row = regs[photo_id]
            data.marks.setdefault(row or UNPLACED, []).append(
                PhotoMark(photo_id, name, as_utc(when)))  # type: ignore[arg-type]
        for key, bars in data.rows.items():
            data.lanes[key] = assign_lanes(bars)
        return data

    def span(self) -> tuple[datetime, datetime] | None:
        times = [t for bars in self.rows.values() for b in bars for t in b.extent() if t]
        times += [m.when for marks in self.marks.values() for m in marks]
        if not times:
            return None
        return min(times) - timedelta(hours=2), max(times) + timedelta(hours=2)

    def row_keys(self) -> list[str]:
        keys = list(self.rows)
        if UNPLACED in self.marks:
            keys.append(UNPLACED)
        return keys
