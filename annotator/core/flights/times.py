"""When an aircraft took off and landed, as intervals, and where it was at a given instant.

This is the one account of an aircraft's whereabouts that the capture-date check
(`FLIGHT_CONFLICT`), the flight suggestions, the timeline and the report share, so they
cannot disagree. A take-off seen between a ground report at 07:22:55Z and an airborne one at
07:27:38Z is the interval [07:22:55Z, 07:27:38Z] with a best estimate inside it; a side the
evidence does not bound is None. A time a source states (a manual record, a schedule) with
no bounds stored is its own bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from annotator.core.timeutil import as_utc, iso_z

# Taxiing, lining up and the first minutes of a climb: a photo this close to a take-off or a
# landing may still show the aircraft on (or just above) the ground.
GROUND_MARGIN = timedelta(minutes=10)

BEFORE_DEPARTURE = "before_departure"
DEPARTING = "departing"  # inside the take-off's bounds (or its margin): either side possible
AIRBORNE = "airborne"
ARRIVING = "arriving"
AFTER_ARRIVAL = "after_arrival"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class TimeBounds:
    """A take-off or landing time: the best estimate and the interval it must lie in."""

    best: datetime | None
    earliest: datetime | None
    latest: datetime | None
    estimated: bool = False

    @property
    def known(self) -> bool:
        return self.best is not None or self.earliest is not None or self.latest is not None

    def to_json(self) -> list[str | None] | None:
        """`[earliest, latest]` (ISO UTC, null where unbounded), or null when unknown."""
        if not self.known:
            return None
        return [iso_z(self.earliest), iso_z(self.latest)]

    def describe(self) -> str:
        """"07:25:10Z" for an observed time; "between 07:22:55Z and 07:27:38Z" for bounds."""
        if self.earliest is not None and self.latest is not None and self.earliest != self.latest:
            return f"between {iso_z(self.earliest)} and {iso_z(self.latest)}"
        if self.earliest is None and self.latest is not None and self.best is None:
            return f"before {iso_z(self.latest)}"
        if self.latest is None and self.earliest is not None and self.best is None:
            return f"after {iso_z(self.earliest)}"
        when = self.best or self.earliest or self.latest
        return (iso_z(when) or "unknown") + (" (estimated)" if self.estimated else "")


@dataclass(frozen=True)
class FlightTimes:
    departure: TimeBounds
    arrival: TimeBounds


def bounds_of(best: datetime | None, estimated: bool, earliest: datetime | None,
              latest: datetime | None) -> TimeBounds:
    best, earliest, latest = as_utc(best), as_utc(earliest), as_utc(latest)
    if earliest is None and latest is None and best is not None:
        earliest = latest = best  # a stated time is its own bound
    return TimeBounds(best, earliest, latest, bool(estimated))


def flight_times(flight: Any) -> FlightTimes:
    """The bounded take-off and landing times of a stored flight (or anything with the same
    attributes: a `FlightDraft`)."""
    return FlightTimes(
        departure=bounds_of(flight.departure_utc, flight.departure_estimated,
                            getattr(flight, "departure_earliest_utc", None),
                            getattr(flight, "departure_latest_utc", None)),
        arrival=bounds_of(flight.arrival_utc, flight.arrival_estimated,
                          getattr(flight, "arrival_earliest_utc", None),
                          getattr(flight, "arrival_latest_utc", None)),
    )


def state_at(times: FlightTimes, t: datetime, margin: timedelta = GROUND_MARGIN) -> str:
    """Where the aircraft was, relative to this flight, at `t`:
    `before_departure` (certainly not yet taken off, and not about to), `departing`,
    `airborne` (certainly in the air, away from both ends by `margin`), `arriving`,
    `after_arrival`, or `unknown` (the evidence does not tell)."""
    t = as_utc(t)  # type: ignore[assignment]
    dep, arr = times.departure, times.arrival
    if dep.earliest is not None and t < dep.earliest - margin:
        return BEFORE_DEPARTURE
    if arr.latest is not None and t > arr.latest + margin:
        return AFTER_ARRIVAL
    after_takeoff = dep.latest is not None and t > dep.latest + margin
    before_landing = arr.earliest is not None and t < arr.earliest - margin
    if after_takeoff and before_landing:
        return AIRBORNE
    if dep.known and (dep.earliest is None or t >= dep.earliest - margin) and (
            dep.latest is None or t <= dep.latest + margin):
        return DEPARTING
    if arr.known and (arr.earliest is None or t >= arr.earliest - margin) and (
            arr.latest is None or t <= arr.latest + margin):
        return ARRIVING
    if after_takeoff and not arr.known:
        return UNKNOWN  # took off; whether it had landed is not known
    return UNKNOWN


def span(times: FlightTimes) -> tuple[datetime | None, datetime | None]:
    """The widest interval the flight can occupy: earliest take-off to latest landing."""
    dep, arr = times.departure, times.arrival
    start = dep.earliest or dep.best or dep.latest
    end = arr.latest or arr.best or arr.earliest
    return start, end


def overlap(a: FlightTimes, b: FlightTimes) -> bool:
    """Whether two flights of one airframe certainly overlap in time: each took off before
    the other had certainly landed (bounds taken at their narrowest)."""
    a_off = a.departure.latest or a.departure.best
    a_on = a.arrival.earliest or a.arrival.best
    b_off = b.departure.latest or b.departure.best
    b_on = b.arrival.earliest or b.arrival.best
    if None in (a_off, a_on, b_off, b_on):
        return False
    return a_off < b_on and b_off < a_on  # type: ignore[operator]


def airframe_key(flight: Any) -> tuple[str, object] | None:
    """What identifies the airframe that flew `flight`: its aircraft record, else its
    registration or ICAO address (None when the flight names no airframe)."""
    if getattr(flight, "aircraft_id", None):
        return ("aircraft", flight.aircraft_id)
    if getattr(flight, "registration", None):
        return ("registration", flight.registration)
    if getattr(flight, "icao24", None):
        return ("icao24", flight.icao24)
    return None


def overlaps_by_flight(flights: list[Any]) -> dict[int, list[int]]:
    """flight id → the ids of the other flights of the same airframe it overlaps in time
    (an airframe flies one flight at a time: two that overlap cannot both be right)."""
    groups: dict[tuple[str, object], list[Any]] = {}
    for flight in flights:
        key = airframe_key(flight)
        if key is not None:
            groups.setdefault(key, []).append(flight)
    found: dict[int, list[int]] = {}
    for group in groups.values():
        times = [(f, flight_times(f)) for f in group]
        for i, (a, ta) in enumerate(times):
            for b, tb in times[i + 1:]:
                if overlap(ta, tb):
                    found.setdefault(a.id, []).append(b.id)
                    found.setdefault(b.id, []).append(a.id)
    return {k: sorted(v) for k, v in found.items()}
