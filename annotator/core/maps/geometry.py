"""What the map shows, read from the case (Qt-free): photo positions, airports, flight tracks
and great-circle legs, in longitude/latitude with their times.

The GeoJSON and KML writers, the SVG/PNG renderer and the GUI's map all draw a `MapData`, so
they show the same geometry. Every time is a flight's best estimate from `flights.times`
(`estimated` says where a time is estimated or only bounded); a photo is placed by its GPS
position, else by the place claimed for it (`placed`: "gps" or "claimed"), and one with
neither is not on the map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.flights.legs import COVERAGE_GAP_S
from annotator.core.flights.records import list_flights
from annotator.core.flights.times import flight_times
from annotator.core.maps.period import (
    MapFilter,
    linked_photos,
    selected_flights,
    tagged_photos,
)
from annotator.core.maps.routes import RouteSummary, leg_times, summarize
from annotator.core.models import Flight, Photo, PhotoClaim, PhotoFlightLink
from annotator.core.reference import find_airport
from annotator.core.timeutil import as_utc, parse_iso_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

LonLat = tuple[float, float]
ARC_STEP_DEG = 1.0  # a great-circle leg gets a point at least every degree of arc


@dataclass(frozen=True)
class PhotoPoint:
    photo_id: int
    sha256: str
    name: str
    lon: float
    lat: float
    placed: str  # "gps" or "claimed"
    capture_utc: datetime | None
    direction: float | None = None  # EXIF GPSImgDirection, degrees from north


@dataclass(frozen=True)
class AirportPoint:
    icao: str
    iata: str | None
    name: str
    lon: float
    lat: float
    visits: int = 0


@dataclass(frozen=True)
class TrackFix:
    t: datetime
    lon: float
    lat: float
    alt_ft: float | None


@dataclass(frozen=True)
class TrackPiece:
    """A stretch of a track drawn as one line: within one side of the antimeridian, and
    either received (`gap` False) or the straight bridge over a coverage gap (`gap` True)."""

    coords: list[LonLat]
    times: list[datetime]
    gap: bool = False
    alts: list[float | None] = field(default_factory=list)  # feet, one per coord


@dataclass(frozen=True)
class TrackLine:
    """A flight's received positions, in time order."""

    flight_id: int
    label: str
    fixes: list[TrackFix]

    @property
    def start(self) -> datetime:
        return self.fixes[0].t

    @property
    def end(self) -> datetime:
        return self.fixes[-1].t

    def pieces(self) -> list[TrackPiece]:
        """The track cut where reception stopped for over `COVERAGE_GAP_S` (the gap is its own
        piece, a bridge drawn dashed) and at the antimeridian."""
        pieces: list[TrackPiece] = []
        run: list[TrackFix] = [self.fixes[0]]
        for prev, fix in zip(self.fixes, self.fixes[1:], strict=False):
            if (fix.t - prev.t).total_seconds() > COVERAGE_GAP_S:
                pieces.extend(_split_fixes(run, gap=False))
                pieces.extend(_split_fixes([prev, fix], gap=True))
                run = [fix]
            else:
                run.append(fix)
        pieces.extend(_split_fixes(run, gap=False))
        return [p for p in pieces if len(p.coords) >= 2 or not p.gap]


@dataclass(frozen=True)
class LegArc:
    """A flight between two known airports as a great-circle arc (split at the antimeridian
    into `parts`); `tracked` when the flight also has a track, which is drawn instead."""

    flight_id: int
    label: str
    origin: str
    destination: str
    departure: datetime | None
    arrival: datetime | None
    estimated: bool
    parts: list[list[LonLat]]
    tracked: bool = False


@dataclass
class MapData:
    """Everything one map shows; `routes` is the routes table of the same flights."""

    photos: list[PhotoPoint] = field(default_factory=list)
    airports: list[AirportPoint] = field(default_factory=list)
    tracks: list[TrackLine] = field(default_factory=list)
    legs: list[LegArc] = field(default_factory=list)
    routes: RouteSummary | None = None
    what: MapFilter = field(default_factory=MapFilter)

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of everything drawn, or None for an empty map."""
        lons: list[float] = []
        lats: list[float] = []
        for p in self.photos:
            lons.append(p.lon)
            lats.append(p.lat)
        for a in self.airports:
            lons.append(a.lon)
            lats.append(a.lat)
        for t in self.tracks:
            lons.extend(f.lon for f in t.fixes)
            lats.extend(f.lat for f in t.fixes)
        for leg in self.legs:
            for part in leg.parts:
                lons.extend(c[0] for c in part)
                lats.extend(c[1] for c in part)
        if not lons:
            return None
        return min(lons), min(lats), max(lons), max(lats)

    def until(self, end: datetime | None, start: datetime | None = None) -> MapData:
        """The map limited to [start, end] (None: open): legs and tracks that begin after
        `end` or finish before `start` go, and photos taken outside it; airports stay."""
        def inside(first: datetime | None, last: datetime | None) -> bool:
            first, last = first or last, last or first
            if first is None or last is None:
                return True
            return (end is None or first <= end) and (start is None or last >= start)

        return replace(
            self,
            photos=[p for p in self.photos if inside(p.capture_utc, p.capture_utc)],
            tracks=[t for t in self.tracks if inside(t.start, t.end)],
            legs=[g for g in self.legs if inside(g.departure, g.arrival)])

    def time_span(self) -> tuple[datetime, datetime] | None:
        times = [t for g in self.legs for t in (g.departure, g.arrival) if t is not None]
        times += [t for tr in self.tracks for t in (tr.start, tr.end)]
        times += [p.capture_utc for p in self.photos if p.capture_utc is not None]
        return (min(times), max(times)) if times else None


def _split_fixes(fixes: list[TrackFix], gap: bool) -> list[TrackPiece]:
    parts = split_antimeridian([(f.lon, f.lat) for f in fixes], [f.t for f in fixes])
    pieces = []
    i = 0  # the fix each part begins at (a crossing point adds one coord at each end)
    for n, (coords, times) in enumerate(parts):
        first = 1 if n else 0
        alts: list[float | None] = [fixes[i - 1].alt_ft] if n else []
        real = len(coords) - first - (1 if n < len(parts) - 1 else 0)
        alts += [f.alt_ft for f in fixes[i:i + real]]
        i += real
        if n < len(parts) - 1:
            alts.append(fixes[i - 1].alt_ft)
        pieces.append(TrackPiece(coords, times, gap, alts))
    return pieces


def split_antimeridian(coords: Sequence[LonLat], times: Sequence[datetime] | None = None
                       ) -> list[tuple[list[LonLat], list[datetime]]]:
    """Cut a line where it crosses ±180° (a step of more than 180° in longitude), adding the
    crossing point (latitude interpolated; its time too) at both ends, as RFC 7946 §3.1.9
    asks. Returns (coords, times) parts; times are empty when none were given."""
    if not coords:
        return []
    parts: list[tuple[list[LonLat], list[datetime]]] = []
    cur: list[LonLat] = [coords[0]]
    cur_t: list[datetime] = [times[0]] if times else []
    for i in range(1, len(coords)):
        (lon1, lat1), (lon2, lat2) = coords[i - 1], coords[i]
        if abs(lon2 - lon1) > 180:
            edge = 180.0 if lon1 > 0 else -180.0
            lon2_shift = lon2 + 360 if lon1 > 0 else lon2 - 360
            f = (edge - lon1) / (lon2_shift - lon1) if lon2_shift != lon1 else 0.5
            lat = lat1 + (lat2 - lat1) * f
            cur.append((edge, lat))
            if times:
                t = times[i - 1] + (times[i] - times[i - 1]) * f
                cur_t.append(t)
            parts.append((cur, cur_t))
            cur = [(-edge, lat)]
            cur_t = [t] if times else []
        cur.append(coords[i])
        if times:
            cur_t.append(times[i])
    parts.append((cur, cur_t))
    return parts


def great_circle(a: LonLat, b: LonLat, step_deg: float = ARC_STEP_DEG) -> list[LonLat]:
    """Points along the shorter great circle from a to b (spherical interpolation), at least
    every `step_deg` of arc, ends included; longitudes in [-180, 180]."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    v1 = (math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1))
    v2 = (math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2))
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(v1, v2, strict=True))))
    omega = math.acos(dot)
    if omega < 1e-9:
        return [a, b]
    n = max(2, math.ceil(math.degrees(omega) / step_deg) + 1)
    points: list[LonLat] = []
    for i in range(n):
        f = i / (n - 1)
        s1 = math.sin((1 - f) * omega) / math.sin(omega)
        s2 = math.sin(f * omega) / math.sin(omega)
        x, y, z = (s1 * p + s2 * q for p, q in zip(v1, v2, strict=True))
        points.append((math.degrees(math.atan2(y, x)),
                       math.degrees(math.atan2(z, math.hypot(x, y)))))
    points[0], points[-1] = a, b
    return points


def _fixes(track: Iterable[Any]) -> list[TrackFix]:
    """A flight's stored points ([time, lat, lon, alt, gs, ground]) with a position, in time
    order; unreadable points are left out."""
    fixes = []
    for raw in track or []:
        try:
            t = parse_iso_utc(raw[0])
            lat, lon = float(raw[1]), float(raw[2])
        except (TypeError, ValueError, IndexError):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        alt = raw[3] if len(raw) > 3 and isinstance(raw[3], int | float) else None
        fixes.append(TrackFix(t, lon, lat, alt))
    fixes.sort(key=lambda f: f.t)
    return fixes


def _direction(raw_tags: dict[str, Any] | None) -> float | None:
    text = str((raw_tags or {}).get("GPS GPSImgDirection") or "").strip()
    if not text:
        return None
    try:
        if "/" in text:
            num, den = text.split("/", 1)
            value = float(num) / float(den)
        else:
            value = float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value % 360 if math.isfinite(value) else None


def _photo_points(session: Session, what: MapFilter, flight_ids: list[int],
                  only: Iterable[int] | None = None) -> list[PhotoPoint]:
    query = select(Photo.id, Photo.sha256, Photo.original_name, Photo.capture_utc, Photo.meta,
                   Photo.raw_tags)
    if only is not None:
        query = query.where(Photo.id.in_(sorted(set(only))))
    elif what.registration:
        ids = {p for ps in linked_photos(session, flight_ids).values() for p in ps}
        ids |= tagged_photos(session, what.registration)
        query = query.where(Photo.id.in_(sorted(ids)))
    claims = {row.photo_id: row for row in session.execute(select(PhotoClaim)).scalars()}
    points = []
    for photo_id, sha, name, when, meta, raw_tags in session.execute(query.order_by(Photo.id)):
        if not what.contains(when):
            continue
        gps = (meta or {}).get("gps") or {}
        lat, lon, placed = gps.get("lat"), gps.get("lon"), "gps"
        if lat is None or lon is None:
            claim = claims.get(photo_id)
            lat, lon, placed = (claim.place_lat, claim.place_lon, "claimed") if claim else (
                None, None, "")
        if lat is None or lon is None:
            continue
        points.append(PhotoPoint(photo_id, sha, name, float(lon), float(lat), placed,
                                 as_utc(when), _direction(raw_tags)))
    return points


def photo_point(session: Session, photo_id: int) -> PhotoPoint | None:
    """One photo where the map puts it (GPS, else the claimed place), or None when it has
    neither (or does not exist)."""
    points = _photo_points(session, MapFilter(), [], only=[photo_id])
    return points[0] if points else None


def _leg_arc(flight: Flight, tracked: bool) -> LegArc | None:
    a = find_airport(flight.origin) if flight.origin else None
    b = find_airport(flight.destination) if flight.destination else None
    if a is None or b is None:
        return None
    leg = leg_times(flight)
    times = flight_times(flight)
    estimated = bool(times.departure.estimated or times.arrival.estimated
                     or not times.departure.known or not times.arrival.known
                     or times.departure.best is None or times.arrival.best is None)
    arc = great_circle((a.lon, a.lat), (b.lon, b.lat))
    return LegArc(flight.id, leg.label, a.icao, b.icao, leg.departure, leg.arrival, estimated,
                  [coords for coords, _ in split_antimeridian(arc)], tracked)


def load_map(case: Case, what: MapFilter | None = None,
             photo_ids: Iterable[int] | None = None) -> MapData:
    """The map of the case's flights and photos selected by `what` (default: everything);
    with `photo_ids` (an evidence packet's photos), those photos and the flights linked to
    them instead."""
    what = what or MapFilter()
    with case.reading() as session:
        if photo_ids is not None:
            photo_ids = sorted(set(photo_ids))
            linked_ids: set[int] = set()
            for i in range(0, len(photo_ids), 5000):
                linked_ids |= set(session.execute(
                    select(PhotoFlightLink.flight_id)
                    .where(PhotoFlightLink.photo_id.in_(photo_ids[i:i + 5000]))).scalars())
            flights = list_flights(session, linked_ids)
        else:
            flights = selected_flights(session, what)
        ids = [f.id for f in flights]
        tracks: dict[int, Any] = {}
        for i in range(0, len(ids), 5000):
            tracks.update(session.execute(select(Flight.id, Flight.track)
                                          .where(Flight.id.in_(ids[i:i + 5000]))).all())  # type: ignore[arg-type]
        photos = _photo_points(session, what, ids, photo_ids)
        linked = linked_photos(session, ids)
        if photo_ids is not None:
            shown = set(photo_ids)
            linked = {f: [p for p in ps if p in shown] for f, ps in linked.items()}
        summary = summarize([leg_times(f) for f in flights], linked, None, what)
        data = MapData(photos=photos, routes=summary, what=what)
        for flight in flights:
            fixes = _fixes(tracks.get(flight.id) or [])
            label = flight.registration or flight.icao24 or f"flight {flight.id}"
            if len(fixes) >= 2:
                data.tracks.append(TrackLine(flight.id, label, fixes))
            arc = _leg_arc(flight, tracked=len(fixes) >= 2)
            if arc is not None:
                data.legs.append(arc)
    visits = {a.icao: a.visits for a in summary.airports}
    for icao in sorted(visits):
        airport = find_airport(icao)
        if airport is not None:
            data.airports.append(AirportPoint(airport.icao, airport.iata, airport.name,
                                              airport.lon, airport.lat, visits[icao]))
    return data
