"""Routes, airports and trips: the pattern of an aircraft's movements over a period.

- A **route** is an ordered pair (origin, destination) with the flights that flew it; its
  `first_utc` is the first of their departures, `last_utc` the last of their arrivals (best
  estimates from `flights.times`; a bound where no best estimate is known); `months` counts
  its legs by month of departure (UTC).
- An **airport**'s `visits` are the aircraft's stays there: an arrival and the next departure
  of the same airframe from there (a stay whose arrival or departure is outside the records
  is still a stay). `first_utc`/`last_utc` are its first and last movement (arrival or
  departure).
- An airframe's **base** is the airport where it spent most time on the ground (stays whose
  two ends are known; with a period, a stay open at one end counts up to the period's bound:
  an aircraft parked since before `--from` was there; ties: more visits, then the code);
  when that airport gives no trip but the records begin and end at one airport (a single
  loop), that airport is the base; `--base` overrides it for every airframe.
- A **trip** is a chain of one airframe's legs that leaves the base and comes back to it,
  each leg departing from where the previous one arrived; a chain broken by a leg from
  elsewhere or an unknown airport is no trip (nothing is guessed about the missing legs).

Everything is computed from the flights `period.selected_flights` returns and the links of
their photos, so the CLI, the GUI's Routes panel and the packet's report tell one story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from annotator.core.flights.times import airframe_key, flight_times
from annotator.core.maps.period import MapFilter, linked_photos, selected_flights
from annotator.core.reference import find_airport, require_airport
from annotator.core.timeutil import iso_z

if TYPE_CHECKING:
    from annotator.core.case import Case
    from annotator.core.models import Flight


@dataclass(frozen=True)
class LegTimes:
    """A flight reduced to what routes need: its airframe, airports and best times."""

    flight_id: int
    airframe: tuple[str, object] | None
    label: str  # registration, else ICAO address, else "flight N"
    origin: str | None
    destination: str | None
    departure: datetime | None
    arrival: datetime | None
    estimated: bool

    @property
    def when(self) -> datetime | None:
        return self.departure or self.arrival


@dataclass
class Route:
    origin: str | None
    destination: str | None
    flights: list[int] = field(default_factory=list)
    photos: list[int] = field(default_factory=list)
    first_utc: datetime | None = None
    last_utc: datetime | None = None
    months: dict[str, int] = field(default_factory=dict)  # "2023-10" → legs flown (UTC)

    @property
    def count(self) -> int:
        return len(self.flights)

    def to_json(self) -> dict[str, Any]:
        return {"origin": self.origin, "destination": self.destination, "count": self.count,
                "first_utc": iso_z(self.first_utc), "last_utc": iso_z(self.last_utc),
                "flights": list(self.flights), "photos": list(self.photos),
                "months": dict(sorted(self.months.items()))}


@dataclass
class Stay:
    """An airframe on the ground at an airport between an arrival and a departure (None:
    outside the records)."""

    airport: str
    airframe: tuple[str, object] | None
    arrived: datetime | None
    departed: datetime | None

    @property
    def duration(self) -> timedelta | None:
        if self.arrived is None or self.departed is None or self.departed < self.arrived:
            return None
        return self.departed - self.arrived

    def time_within(self, start: datetime | None, end: datetime | None) -> timedelta:
        """Its known length; a stay open at one end counts up to the period's bound there
        (the aircraft was on the ground since the period began, or until it ended), and
        nothing when the period is open on that side."""
        arrived = self.arrived or start
        departed = self.departed or end
        if arrived is None or departed is None or departed < arrived:
            return timedelta(0)
        return departed - arrived


@dataclass
class AirportVisits:
    icao: str
    name: str | None
    visits: int = 0
    first_utc: datetime | None = None
    last_utc: datetime | None = None
    time_on_ground: timedelta = timedelta(0)

    def to_json(self) -> dict[str, Any]:
        return {"icao": self.icao, "name": self.name, "visits": self.visits,
                "first_utc": iso_z(self.first_utc), "last_utc": iso_z(self.last_utc)}


@dataclass
class Trip:
    aircraft: str
    base: str
    flights: list[int]
    airports: list[str]
    start_utc: datetime | None
    end_utc: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"flights": list(self.flights), "airports": list(self.airports),
                "start_utc": iso_z(self.start_utc), "end_utc": iso_z(self.end_utc),
                "aircraft": self.aircraft, "base": self.base}


@dataclass
class RouteSummary:
    """The answer of `flights routes`: routes by count (then first flown), airports by visits,
    trips in time order, and the base used for each aircraft."""

    routes: list[Route]
    airports: list[AirportVisits]
    trips: list[Trip]
    bases: dict[str, str | None]
    legs: list[LegTimes]

    def to_json(self) -> dict[str, Any]:
        return {"routes": [r.to_json() for r in self.routes],
                "airports": [a.to_json() for a in self.airports],
                "trips": [t.to_json() for t in self.trips],
                "bases": [{"aircraft": k, "base": v} for k, v in self.bases.items()]}


def leg_times(flight: Flight) -> LegTimes:
    times = flight_times(flight)
    dep, arr = times.departure, times.arrival
    label = flight.registration or flight.icao24 or f"flight {flight.id}"
    return LegTimes(
        flight.id, airframe_key(flight), label, flight.origin, flight.destination,
        dep.best or dep.earliest or dep.latest, arr.best or arr.latest or arr.earliest,
        bool(dep.estimated or arr.estimated or (dep.known and dep.best is None)
             or (arr.known and arr.best is None)))


def _min(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)


def routes_of(legs: list[LegTimes], photos: dict[int, list[int]]) -> list[Route]:
    found: dict[tuple[str | None, str | None], Route] = {}
    for leg in legs:
        route = found.setdefault((leg.origin, leg.destination),
                                 Route(leg.origin, leg.destination))
        route.flights.append(leg.flight_id)
        if leg.when is not None:
            month = leg.when.strftime("%Y-%m")
            route.months[month] = route.months.get(month, 0) + 1
        route.first_utc = _min(route.first_utc, leg.departure)
        route.last_utc = _max(route.last_utc, leg.arrival)
        route.photos = sorted(set(route.photos) | set(photos.get(leg.flight_id, [])))
    far = datetime.max.replace(tzinfo=None)
    return sorted(found.values(), key=lambda r: (
        -r.count, r.first_utc.replace(tzinfo=None) if r.first_utc else far,
        r.origin or "~", r.destination or "~"))


def by_airframe(legs: list[LegTimes]) -> dict[str, list[LegTimes]]:
    """Each airframe's legs in time order (legs naming no airframe each stand alone)."""
    groups: dict[Any, list[LegTimes]] = {}
    labels: dict[Any, str] = {}
    for leg in legs:
        key = leg.airframe if leg.airframe is not None else ("flight", leg.flight_id)
        groups.setdefault(key, []).append(leg)
        labels.setdefault(key, leg.label)
    far = datetime.max.replace(tzinfo=None)
    return {labels[k]: sorted(v, key=lambda g: (g.when.replace(tzinfo=None) if g.when else far,
                                                g.flight_id))
            for k, v in groups.items()}


def stays_of(legs: list[LegTimes]) -> list[Stay]:
    """One airframe's stays on the ground, from its legs in time order."""
    stays: list[Stay] = []
    previous: LegTimes | None = None
    for leg in legs:
        if previous is not None and previous.destination and previous.destination == leg.origin:
            stays.append(Stay(leg.origin, leg.airframe, previous.arrival, leg.departure))
        else:
            if previous is not None and previous.destination:
                stays.append(Stay(previous.destination, leg.airframe, previous.arrival, None))
            if leg.origin:
                stays.append(Stay(leg.origin, leg.airframe, None, leg.departure))
        previous = leg
    if previous is not None and previous.destination:
        stays.append(Stay(previous.destination, previous.airframe, previous.arrival, None))
    return stays


def base_of(stays: list[Stay], start: datetime | None = None,
            end: datetime | None = None) -> str | None:
    """The airport where the airframe spent most (known) time in the period [start, end];
    ties: more stays, then the code."""
    ground: dict[str, timedelta] = {}
    count: dict[str, int] = {}
    for stay in stays:
        ground[stay.airport] = ground.get(stay.airport, timedelta(0)) + stay.time_within(
            start, end)
        count[stay.airport] = count.get(stay.airport, 0) + 1
    if not ground:
        return None
    return min(ground, key=lambda a: (-ground[a], -count[a], a))


def trips_of(aircraft: str, legs: list[LegTimes], base: str) -> list[Trip]:
    """The chains of legs that leave `base` and come back to it."""
    trips: list[Trip] = []
    chain: list[LegTimes] = []
    for leg in legs:
        if chain and leg.origin != chain[-1].destination:
            chain = []  # broken: a leg from elsewhere, or an unknown airport
        if not chain:
            if leg.origin != base:
                continue
        chain.append(leg)
        if leg.destination == base:
            trips.append(Trip(aircraft, base, [g.flight_id for g in chain],
                              [base] + [g.destination or "????" for g in chain],
                              chain[0].departure, chain[-1].arrival))
            chain = []
    return trips


def airports_of(legs_by_aircraft: dict[str, list[LegTimes]],
                stays: list[Stay]) -> list[AirportVisits]:
    found: dict[str, AirportVisits] = {}

    def entry(icao: str) -> AirportVisits:
        if icao not in found:
            airport = find_airport(icao)
            found[icao] = AirportVisits(icao, airport.name if airport else None)
        return found[icao]

    for legs in legs_by_aircraft.values():
        for leg in legs:
            for icao, when in ((leg.origin, leg.departure), (leg.destination, leg.arrival)):
                if icao:
                    item = entry(icao)
                    item.first_utc = _min(item.first_utc, when)
                    item.last_utc = _max(item.last_utc, when)
    for stay in stays:
        item = entry(stay.airport)
        item.visits += 1
        item.time_on_ground += stay.duration or timedelta(0)
    return sorted(found.values(), key=lambda a: (-a.visits, a.icao))


def summarize(legs: list[LegTimes], photos: dict[int, list[int]],
              base: str | None = None, period: MapFilter | None = None) -> RouteSummary:
    """Routes, airports and trips of these legs (`base`: the ICAO code every airframe's trips
    start from, else each airframe's own, found over `period`)."""
    period = period or MapFilter()
    grouped = by_airframe(legs)
    all_stays: list[Stay] = []
    trips: list[Trip] = []
    bases: dict[str, str | None] = {}
    for aircraft, its_legs in grouped.items():
        stays = stays_of(its_legs)
        all_stays.extend(stays)
        home = base or base_of(stays, period.start, period.end)
        found = trips_of(aircraft, its_legs, home) if home else []
        first, last = its_legs[0].origin, its_legs[-1].destination
        if not base and not found and first and first == last:
            # Records that begin and end at one airport show where the aircraft returns:
            # with no longer stay known anywhere that gives a trip, that is its base.
            home, found = first, trips_of(aircraft, its_legs, first)
        bases[aircraft] = home
        trips.extend(found)
    far = datetime.max.replace(tzinfo=None)
    trips.sort(key=lambda t: (t.start_utc.replace(tzinfo=None) if t.start_utc else far,
                              t.flights[0]))
    return RouteSummary(routes_of(legs, photos), airports_of(grouped, all_stays), trips,
                        bases, legs)


def case_routes(case: Case, what: MapFilter | None = None,
                base: str | None = None) -> RouteSummary:
    """The routes, airports and trips of the case's flights selected by `what`; `base` is an
    airport as the user typed it (ICAO, IATA or a known name)."""
    home = None
    if base:
        home = require_airport(base).icao
    what = what or MapFilter()
    with case.reading() as session:
        flights = selected_flights(session, what)
        photos = linked_photos(session, [f.id for f in flights])
        legs = [leg_times(f) for f in flights]
    return summarize(legs, photos, home, what)
