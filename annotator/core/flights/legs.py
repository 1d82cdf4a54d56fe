"""Take-offs and landings derived from a track of position reports.

Receivers hear aircraft, not flights: a track is a list of reports with gaps where nobody
received anything. The rules (issue 4):
- ground state comes from the report's ground flag, else a ground speed below taxi speed or a
  zero altitude; readsb's "new leg" flag is not trusted on its own;
- a take-off is a ground report followed by an airborne one, a landing the reverse; its
  airport is the nearest one within a few kilometres of the ground reports, else unknown;
- a short gap with the aircraft airborne on both sides is not a landing; a long gap that
  begins in a descent and ends in a climb, or outlasts any plausible time aloft, hides a
  landing and a take-off: the leg is split there and the unseen airport and times stay unknown;
- a track that begins or ends in the air has an unknown departure or arrival.
Every stretch without reports longer than `COVERAGE_GAP_S` is recorded as a coverage gap.

Every take-off and landing keeps the bounds the reports give it (the last report on one
side, the first on the other; None where a side is unbounded): a take-off hidden in a gap of
a few minutes is still known to lie inside it, and gets a best estimate there (from the
first airborne report's altitude and climb rate, else the middle of the gap), marked
estimated. Only past `LONG_GAP_S` is no best estimate given, the bounds still kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from annotator.core.reference.airports import nearest_airport
from annotator.core.timeutil import iso_z

COVERAGE_GAP_S = 180.0  # no report for 3 minutes: a stretch without reception
PRECISE_S = 60.0  # a transition seen within a minute gives an observed (not estimated) time
LONG_GAP_S = 30 * 60.0  # an airborne gap this long may hide a landing and a take-off
MAX_ALOFT_S = 16 * 3600.0  # longer than any plausible time aloft for the aircraft we follow
TAXI_MAX_KT = 50.0  # slower than this on the ground is taxiing, not flying
VERTICAL_FPM = 250.0  # climb/descent rate that counts as climbing/descending
AIRPORT_KM = 5.0  # nearest airport within this distance of the ground reports
BLIP_POINTS = 3  # at most this many contrary reports …
BLIP_S = 60.0  # … lasting less than this are noise, not a take-off or a landing


@dataclass(frozen=True)
class TrackPoint:
    """One position report, normalized; `number` is its point (or line) number in the source."""

    t: datetime
    lat: float | None
    lon: float | None
    alt_ft: float | None = None
    ground: bool | None = None
    gs_kt: float | None = None
    vrate_fpm: float | None = None
    number: int = 0

    def as_raw(self) -> list[object]:
        """The compact form kept on the flight for display: [time, lat, lon, alt, gs, ground]."""
        return [iso_z(self.t), self.lat, self.lon, self.alt_ft, self.gs_kt, self.ground]


@dataclass
class Leg:
    """One flight derived from a track; None means not observed."""

    departure_utc: datetime | None = None
    departure_estimated: bool = False
    origin: str | None = None
    arrival_utc: datetime | None = None
    arrival_estimated: bool = False
    destination: str | None = None
    departure_earliest: datetime | None = None
    departure_latest: datetime | None = None
    arrival_earliest: datetime | None = None
    arrival_latest: datetime | None = None
    points: list[TrackPoint] = field(default_factory=list)
    coverage_gaps: list[tuple[datetime, datetime]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def gaps_json(self) -> list[list[str | None]]:
        return [[iso_z(a), iso_z(b)] for a, b in self.coverage_gaps]


def state(point: TrackPoint) -> str | None:
    """'ground', 'air' or None (the report says too little to tell)."""
    if point.ground is True:
        return "ground"
    if point.ground is False:
        return "air"
    if point.gs_kt is not None and point.gs_kt < TAXI_MAX_KT:
        if point.vrate_fpm is None or abs(point.vrate_fpm) < 2 * VERTICAL_FPM:
            return "ground"
    if point.alt_ft is not None and point.alt_ft <= 0:
        return "ground"
    if point.alt_ft is not None or (point.gs_kt is not None and point.gs_kt >= TAXI_MAX_KT):
        return "air"
    return None


def _vertical(points: list[TrackPoint], i: int, direction: int) -> float | None:
    """Vertical rate at point i: reported, else from altitudes within 5 minutes on one side."""
    if points[i].vrate_fpm is not None:
        return points[i].vrate_fpm
    j = i + direction
    while 0 <= j < len(points) and abs((points[j].t - points[i].t).total_seconds()) <= 300:
        a, b = (points[j], points[i]) if direction < 0 else (points[i], points[j])
        minutes = (b.t - a.t).total_seconds() / 60
        if a.alt_ft is not None and b.alt_ft is not None and minutes > 0:
            return (b.alt_ft - a.alt_ft) / minutes
        j += direction
    return None


def _airport_near(run: list[TrackPoint]) -> str | None:
    for point in run:
        if point.lat is not None and point.lon is not None:
            near = nearest_airport(point.lat, point.lon, AIRPORT_KM)
            if near is not None:
                return near.airport.icao
    return None


def _ground_run(points: list[TrackPoint], states: list[str], i: int,
                step: int) -> list[TrackPoint]:
    """The ground reports around index i going in `step` direction, without a coverage gap."""
    run = [points[i]]
    j = i + step
    while 0 <= j < len(points) and states[j] == "ground":
        if abs((points[j].t - points[j - step].t).total_seconds()) > COVERAGE_GAP_S:
            break
        run.append(points[j])
        j += step
    return run


def smoothed_states(points: list[TrackPoint]) -> list[str]:
    """Each report's state, with blips removed: a run of at most `BLIP_POINTS` reports lasting
    under `BLIP_S`, between reports of the other state on both sides, takes their state (one
    "airborne" report while taxiing is not a flight; one "ground" report at cruise is not a
    landing)."""
    states = [state(p) or "air" for p in points]
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and states[j + 1] == states[i]:
            j += 1
        if 0 < i and j + 1 < len(points) and states[i - 1] == states[j + 1] != states[i]:
            inside = (points[j].t - points[i].t).total_seconds()
            around = (points[j + 1].t - points[i - 1].t).total_seconds()
            if j - i + 1 <= BLIP_POINTS and inside < BLIP_S and around <= COVERAGE_GAP_S:
                for k in range(i, j + 1):
                    states[k] = states[i - 1]
        i = j + 1
    return states


def _estimate(points: list[TrackPoint], ground_i: int, air_i: int, taking_off: bool) -> datetime:
    """The best estimate of a take-off (or landing) hidden between reports `ground_i` and
    `air_i`: the airborne report's altitude over its climb (descent) rate back (forward) from
    it, kept inside the gap; the middle of the gap when either is unknown."""
    ground, air = points[ground_i], points[air_i]
    start, end = (ground.t, air.t) if taking_off else (air.t, ground.t)
    middle = start + (end - start) / 2
    rate = _vertical(points, air_i, 1 if taking_off else -1)
    if air.alt_ft is None or rate is None or abs(rate) < VERTICAL_FPM:
        return middle
    above = air.alt_ft - (ground.alt_ft if ground.alt_ft is not None and ground.alt_ft > 0
                          else 0.0)
    minutes = max(above, 0.0) / abs(rate)
    guess = air.t - timedelta(minutes=minutes) if taking_off else air.t + timedelta(
        minutes=minutes)
    return min(max(guess, start), end)


def derive_legs(raw_points: list[TrackPoint]) -> list[Leg]:
    """The flights a track shows, oldest first (a track only on the ground shows none)."""
    points = sorted((p for p in raw_points if state(p) is not None), key=lambda p: p.t)
    states = smoothed_states(points)
    legs: list[Leg] = []
    current: Leg | None = None
    start_index = 0
    for i, point in enumerate(points):
        here = states[i]
        if i == 0:
            if here == "air":
                current = Leg(departure_latest=point.t,
                              reasons=["the track begins in the air: departure not observed"])
            continue
        prev = points[i - 1]
        before = states[i - 1]
        gap = (point.t - prev.t).total_seconds()
        gap_span = (prev.t, point.t) if gap > COVERAGE_GAP_S else None
        if gap_span and current is not None:
            current.coverage_gaps.append(gap_span)
        if before == "ground" and here == "air":
            current = Leg(departure_earliest=prev.t, departure_latest=point.t)
            run = _ground_run(points, states, i - 1, -1)
            start_index = i - len(run)
            if gap <= COVERAGE_GAP_S:
                current.departure_utc = point.t
                current.departure_estimated = gap > PRECISE_S
                current.origin = _airport_near(run)
            elif gap <= LONG_GAP_S:
                current.origin = _airport_near(run)
                current.departure_utc = _estimate(points, i - 1, i, taking_off=True)
                current.departure_estimated = True
                current.coverage_gaps.append(gap_span)  # type: ignore[arg-type]
                current.reasons.append(f"take-off not observed (coverage gap): between "
                                       f"{iso_z(prev.t)} and {iso_z(point.t)}")
            else:
                current.coverage_gaps.append(gap_span)  # type: ignore[arg-type]
                current.reasons.append("long coverage gap before the first airborne report: "
                                       "departure not observed")
        elif before == "air" and here == "ground" and current is not None:
            run = _ground_run(points, states, i, 1)
            current.arrival_earliest, current.arrival_latest = prev.t, point.t
            if gap <= COVERAGE_GAP_S:
                current.arrival_utc = point.t
                current.arrival_estimated = gap > PRECISE_S
                current.destination = _airport_near(run)
            elif gap <= LONG_GAP_S:
                current.destination = _airport_near(run)
                current.arrival_utc = _estimate(points, i, i - 1, taking_off=False)
                current.arrival_estimated = True
                current.reasons.append(f"landing not observed (coverage gap): between "
                                       f"{iso_z(prev.t)} and {iso_z(point.t)}")
            else:
                current.reasons.append("long coverage gap before the first ground report: "
                                       "arrival not observed")
            current.points = points[start_index : i + len(run)]
            legs.append(current)
            current = None
        elif before == "air" and here == "air" and current is not None and _hides_landing(
            points, i, gap
        ):
            current.reasons.append("a long coverage gap that begins in a descent (or outlasts "
                                   "any time aloft) hides a landing: arrival not observed")
            current.points = points[start_index:i]
            current.arrival_earliest, current.arrival_latest = prev.t, point.t
            legs.append(current)
            current = Leg(coverage_gaps=[gap_span] if gap_span else [],
                          departure_earliest=prev.t, departure_latest=point.t,
                          reasons=["the leg begins after a long coverage gap: departure not "
                                   "observed"])
            start_index = i
        elif before == "air" and here == "air" and current is None:
            current = Leg(departure_latest=prev.t)
            start_index = i - 1
    if current is not None:
        current.reasons.append("the track ends in the air: arrival not observed")
        current.arrival_earliest = points[-1].t
        current.points = points[start_index:]
        legs.append(current)
    return legs


def _hides_landing(points: list[TrackPoint], i: int, gap: float) -> bool:
    if gap > MAX_ALOFT_S:
        return True
    if gap <= LONG_GAP_S:
        return False
    down = _vertical(points, i - 1, -1)
    up = _vertical(points, i, 1)
    return down is not None and up is not None and down <= -VERTICAL_FPM and up >= VERTICAL_FPM


def gap_overlaps(gaps: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
    return any(a < end and b > start for a, b in gaps)
