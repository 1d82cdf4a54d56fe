"""What a map or a routes table covers: an aircraft (by registration) and a period, and the
flights and photos of the case inside them.

A flight is inside the period when the widest interval it can occupy (`flights.times.span`)
meets the period; one whose times are all unknown is inside only when no period is given.
A date alone in `--to` means the whole of that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected
from annotator.core.flights.records import list_flights
from annotator.core.flights.times import flight_times, span
from annotator.core.models import AircraftRegistration, Box, Flight, PhotoFlightLink
from annotator.core.reference import normalize_registration
from annotator.core.timeutil import as_utc, parse_given_utc


@dataclass(frozen=True)
class MapFilter:
    """An aircraft (registration as normalized; None: every one) and a period (None: open)."""

    registration: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def contains(self, when: datetime | None) -> bool:
        """Whether an instant is inside the period (an unknown one only when none is set)."""
        when = as_utc(when)
        if when is None:
            return self.start is None and self.end is None
        return ((self.start is None or when >= self.start)
                and (self.end is None or when <= self.end))

    def meets(self, first: datetime | None, last: datetime | None) -> bool:
        """Whether an interval (an end None: unknown) meets the period."""
        first, last = as_utc(first) or as_utc(last), as_utc(last) or as_utc(first)
        if first is None or last is None:
            return self.start is None and self.end is None
        return ((self.start is None or last >= self.start)
                and (self.end is None or first <= self.end))

    def describe(self) -> dict[str, Any]:
        from_ = self.start.isoformat().replace("+00:00", "Z") if self.start else None
        to = self.end.isoformat().replace("+00:00", "Z") if self.end else None
        return {"registration": self.registration, "from_utc": from_, "to_utc": to}


def map_filter(registration: str | None = None, start: str | None = None,
               end: str | None = None) -> MapFilter:
    """A filter from what the user typed: a registration (normalized, as flights store it)
    and ISO 8601 dates or times (a date alone in `end` is the end of that day)."""
    reg = None
    if registration and registration.strip():
        check = normalize_registration(registration.strip())
        reg = check.normalized if check.valid and check.normalized else registration.strip().upper()
    first = parse_given_utc(start, "--from time") if start else None
    last = None
    if end:
        last = parse_given_utc(end, "--to time")
        if "T" not in end.strip() and " " not in end.strip():
            last = last + timedelta(days=1) - timedelta(microseconds=1)
    if first is not None and last is not None and last < first:
        raise InputRejected(f"the period ends ({end}) before it begins ({start}).",
                            code="MAP_PERIOD_REVERSED", start=start, end=end)
    return MapFilter(reg, first, last)


def selected_flights(session: Session, what: MapFilter) -> list[Flight]:
    """The case's flights of the aircraft in the period, by departure (`list_flights`).
    An airframe re-registered stays one aircraft: a flight recorded under its other
    registration belongs to it too."""
    flights = list_flights(session)
    if what.registration:
        aircraft_ids = set(session.execute(
            select(AircraftRegistration.aircraft_id)
            .where(AircraftRegistration.registration == what.registration)).scalars())
        flights = [f for f in flights if f.registration == what.registration
                   or (f.aircraft_id is not None and f.aircraft_id in aircraft_ids)]
    return [f for f in flights if what.meets(*span(flight_times(f)))]


def linked_photos(session: Session, flight_ids: list[int]) -> dict[int, list[int]]:
    """flight id → ids of the photos linked to it, ascending."""
    result: dict[int, list[int]] = {}
    for i in range(0, len(flight_ids), 5000):
        rows = session.execute(
            select(PhotoFlightLink.flight_id, PhotoFlightLink.photo_id)
            .where(PhotoFlightLink.flight_id.in_(flight_ids[i:i + 5000]))).all()
        for flight_id, photo_id in rows:
            result.setdefault(flight_id, []).append(photo_id)
    return {k: sorted(v) for k, v in result.items()}


def tagged_photos(session: Session, registration: str) -> set[int]:
    """Photos with a box tagged with the registration."""
    return set(session.execute(select(Box.photo_id)
                               .where(Box.registration == registration)).scalars())
