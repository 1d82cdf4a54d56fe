"""Which flights a photo may document, ranked with reasons (as MusicBrainz Picard matches files).

Inputs from the photo: the registrations tagged in its boxes (a partial `5U-MB?` is a
pattern), its capture time in UTC (`Photo.capture_utc`, else EXIF DateTimeOriginal with its
offset), and its position (GPS, else the place the investigator claimed). Each flight gets:
- a registration score (exact, pattern, unknown on the flight, or none tagged); a flight of a
  different registration is not suggested at all;
- a time score decaying with the gap between capture and the nearest known departure/arrival,
  from which the relation follows (before departure, after arrival, in flight, unknown);
- a place score from the distance between the photo and the airport of that relation.
A coverage gap in the flight's track is reported, never counted for or against.
The result is `ok`, `ambiguous` (best two within `MARGIN`), `weak` (best below `FLOOR`) or
`none`.

The relation comes from the same account of where the aircraft was that the capture-date
check uses (`flights.times.state_at`, with bounded take-off and landing times), so the two
never disagree: a suggestion whose relation the photo's own evidence contradicts (GPS on an
apron while the aircraft was certainly airborne; GPS far from the airport of a
before-departure or after-arrival relation; a track far from the photo) carries the
conflict in its reasons ("conflict: …"), and the result is never `ok` for it.
Without a valid tagged registration that names an aircraft of the case (none tagged, a typo,
a registration one edit away from a known one), every flight is ranked by time and place,
the reasons say so (and "did you mean …?"), and the status is at best `weak`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.flights.records import flight_json, flights_json, list_flights
from annotator.core.flights.times import (
    AFTER_ARRIVAL,
    AIRBORNE,
    ARRIVING,
    BEFORE_DEPARTURE,
    DEPARTING,
    TimeBounds,
    flight_times,
    state_at,
)
from annotator.core.metadata import PhotoMetadata, gps_error_m
from annotator.core.models import AircraftRegistration, Box, Flight, Photo, PhotoClaim
from annotator.core.reference.airports import distance_km, find_airport, nearest_airport
from annotator.core.reference.registration import normalize_registration, registration_matches
from annotator.core.timeutil import as_utc, iso_z, parse_iso_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

FLOOR = 0.5
MARGIN = 0.05
TIME_SCALE_S = 2 * 3600.0  # a 2-hour gap scores 1/e
PLACE_SCALE_KM = 50.0
NEAR_KM = 5.0
TRACK_REACH_S = 120.0  # a tracked position this close in time stands for the capture time
WEIGHTS = {"registration": 0.4, "time": 0.4, "place": 0.2}
VISIBLE_KM = 30.0  # an aircraft in flight farther than this from the camera is not its subject
CONFLICT_FACTOR = 0.5  # a suggestion the photo's evidence contradicts ranks below the others
LIMIT = 10


@dataclass(frozen=True)
class PhotoEvidence:
    registrations: tuple[str, ...]
    capture_utc: datetime | None
    capture_source: str | None
    lat: float | None
    lon: float | None
    place_source: str | None
    gps_error_m: float | None = None


@dataclass
class Suggestion:
    flight: Flight
    score: float
    relation: str
    reasons: list[str] = field(default_factory=list)
    flight_object: dict[str, Any] | None = None  # as `flights list --json` shows it
    conflicts: list[str] = field(default_factory=list)  # what the photo's evidence contradicts

    def to_json(self) -> dict[str, Any]:
        return {"flight": self.flight_object or flight_json(self.flight),
                "score": round(self.score, 3), "relation": self.relation,
                "reasons": list(self.reasons)}  # conflicts are among the reasons


@dataclass
class SuggestionResult:
    status: str
    suggestions: list[Suggestion]
    evidence: PhotoEvidence

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "suggestions": [s.to_json() for s in self.suggestions]}


def _exif_time(text: str | None, offset: str | None) -> datetime | None:
    if not text:
        return None
    cleaned = re.sub(r"^(\d{4}):(\d{2}):(\d{2})[ T]", r"\1-\2-\3T", text.strip())
    if not offset:
        return None  # a local time without its offset is not an instant
    try:
        return parse_iso_utc(cleaned[:19] + offset.strip())
    except ValueError:
        return None


def photo_evidence(session: Session, photo: Photo) -> PhotoEvidence:
    regs = [r for (r,) in session.execute(
        select(Box.registration).where(Box.photo_id == photo.id, Box.registration.is_not(None))
    ) if r and r.strip()]
    meta = photo.meta or {}
    capture = as_utc(photo.capture_utc)
    capture_source: str | None = "capture_utc"
    if capture is None:
        capture = _exif_time(meta.get("datetime_original"), meta.get("offset_original"))
        capture_source = "exif" if capture else None
    lat = lon = None
    place_source = None
    gps = meta.get("gps") or None
    gps_error = None
    if isinstance(gps, dict) and gps.get("lat") is not None and gps.get("lon") is not None:
        lat, lon, place_source = float(gps["lat"]), float(gps["lon"]), "GPS"
        raw = photo.raw_tags or {}
        tags = raw.get("tags") if isinstance(raw.get("tags"), dict) else raw
        gps_error = gps_error_m(PhotoMetadata(path="", tags=dict(tags or {})))
    else:
        claim = session.execute(
            select(PhotoClaim).where(PhotoClaim.photo_id == photo.id)
        ).scalar_one_or_none()
        if claim is not None and claim.place_lat is not None and claim.place_lon is not None:
            lat, lon = claim.place_lat, claim.place_lon
            place_source = f"the claimed place {claim.place}" if claim.place else "claimed place"
        elif claim is not None and claim.place:
            airport = find_airport(claim.place)
            if airport is not None:
                lat, lon = airport.lat, airport.lon
                place_source = f"the claimed place {airport.icao}"
    return PhotoEvidence(tuple(dict.fromkeys(regs)), capture, capture_source, lat, lon,
                         place_source, gps_error)


def _minutes(seconds: float) -> str:
    minutes = round(abs(seconds) / 60)
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes / 60:.1f} h"


def _registration_score(evidence: PhotoEvidence, names: set[str]) -> tuple[float, str] | None:
    """(score, reason), or None when the flight is another aircraft."""
    if not evidence.registrations:
        return 0.5, "no registration is tagged in the photo"
    if not names:
        return 0.3, "the flight's registration is unknown"
    for tagged in evidence.registrations:
        check = normalize_registration(tagged)
        for name in sorted(names):
            if check.partial and registration_matches(tagged, name):
                return 0.8, f"the partial registration {tagged} matches {name}"
            if not check.partial and registration_matches(tagged, name):
                return 1.0, f"registration {name} is tagged in the photo"
    return None


def _compact(registration: str) -> str:
    return re.sub(r"[^A-Z0-9?]", "", registration.upper())


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one substitution, insertion, deletion or swap of two
    neighbouring characters (the typos of a registration read off a photo)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _usable_tags(evidence: PhotoEvidence, known: set[str]) -> tuple[tuple[str, ...], list[str]]:
    """The tagged registrations that can filter flights (valid, or a pattern, and naming an
    aircraft of the case), and the reasons why the others cannot ("did you mean …?")."""
    usable: list[str] = []
    notes: list[str] = []
    for tagged in evidence.registrations:
        check = normalize_registration(tagged)
        names_one = any(registration_matches(tagged, name) for name in known)
        if (check.valid or check.partial) and names_one:
            usable.append(tagged)
            continue
        near = sorted(name for name in known if _one_edit_apart(_compact(tagged), _compact(name)))
        why = ("is not a valid registration" if not (check.valid or check.partial)
               else "names no aircraft in this case")
        note = f"the tagged registration {tagged} {why}"
        if near:
            note += f": did you mean {' or '.join(near)}?"
        notes.append(note)
    return tuple(usable), notes


def _known_registrations(session: Session) -> set[str]:
    names = {r for r in session.execute(select(Flight.registration)).scalars() if r}
    names |= set(session.execute(select(AircraftRegistration.registration)).scalars())
    return names


def _time_and_relation(evidence: PhotoEvidence, flight: Flight) -> tuple[float, str, list[str]]:
    t = evidence.capture_utc
    times = flight_times(flight)
    dep, arr = times.departure, times.arrival
    if t is None:
        return 0.0, "unknown", ["the photo's capture time is unknown"]
    if not dep.known and not arr.known:
        return 0.0, "unknown", ["the flight's times are unknown"]
    state = state_at(times, t)
    reasons: list[str] = []
    dep_at = dep.best or dep.latest or dep.earliest
    arr_at = arr.best or arr.earliest or arr.latest
    if state == BEFORE_DEPARTURE or (state == DEPARTING and _at(evidence, flight.origin)) or (
            state == DEPARTING and not _located(evidence) and dep_at is not None
            and t <= dep_at):
        relation = "before_departure"
        gap = max(0.0, ((dep.earliest or dep_at) - t).total_seconds())  # type: ignore[operator]
        reasons.append(_gap_text(t, dep, "before the departure", before=True))
    elif state == AFTER_ARRIVAL or (state == ARRIVING and _at(evidence, flight.destination)) or (
            state == ARRIVING and not _located(evidence) and arr_at is not None
            and t >= arr_at):
        relation = "after_arrival"
        gap = max(0.0, (t - (arr.latest or arr_at)).total_seconds())  # type: ignore[operator]
        reasons.append(_gap_text(t, arr, "after the arrival", before=False))
    elif state in (AIRBORNE, DEPARTING, ARRIVING):
        relation, gap = "in_flight", 0.0
        reasons.append(f"taken during the flight (departure {dep.describe()}, arrival "
                       f"{arr.describe()})")
    elif dep.known and dep_at is not None and t >= dep_at:
        gap, relation = (t - dep_at).total_seconds(), "unknown"
        reasons.append(f"taken {_minutes(gap)} after the departure; the arrival is unknown")
    elif arr_at is not None and t <= arr_at:
        gap, relation = (arr_at - t).total_seconds(), "unknown"
        reasons.append(f"taken {_minutes(gap)} before the arrival; the departure is unknown")
    else:
        return 0.0, "unknown", ["the flight's times do not place the capture"]
    score = math.exp(-gap / TIME_SCALE_S)
    if (relation == "before_departure" and dep.estimated) or (
        relation == "after_arrival" and arr.estimated
    ):
        score *= 0.9
    for start, end in flight.coverage_gaps or []:
        try:
            a, b = parse_iso_utc(start), parse_iso_utc(end)
        except (TypeError, ValueError):
            continue
        if a - timedelta(minutes=5) <= t <= b + timedelta(minutes=5):
            reasons.append(f"the capture time falls in a coverage gap of the track ({start} to "
                           f"{end}): no evidence either way")
    return score, relation, reasons


def _gap_text(t: datetime, end: TimeBounds, what: str, *, before: bool) -> str:
    at = end.best or (end.earliest if before else end.latest) or end.latest or end.earliest
    assert at is not None
    gap = (at - t).total_seconds() if before else (t - at).total_seconds()
    when = (iso_z(at) or "unknown") + (" (estimated)" if end.estimated else "")
    if end.earliest is not None and end.latest is not None and end.earliest != end.latest:
        when += f", known to lie between {iso_z(end.earliest)} and {iso_z(end.latest)}"
    if gap < 0:
        return f"taken while the aircraft was {'taking off' if before else 'landing'} ({when})"
    return f"taken {_minutes(gap)} {what} at {when}"


def _located(evidence: PhotoEvidence) -> bool:
    return evidence.lat is not None and evidence.lon is not None


def _at(evidence: PhotoEvidence, code: str | None) -> bool:
    """Whether the photo's position is at airport `code` (within NEAR_KM)."""
    if not _located(evidence) or not code:
        return False
    airport = find_airport(code)
    return airport is not None and distance_km(
        evidence.lat, evidence.lon, airport.lat, airport.lon) <= NEAR_KM  # type: ignore[arg-type]


def _conflicts(evidence: PhotoEvidence, flight: Flight, relation: str) -> list[str]:
    """What the photo's own position says against this relation (the same rules as the
    capture-date check: FLIGHT_CONFLICT and PLACE_MISMATCH)."""
    if not _located(evidence) or evidence.capture_utc is None:
        return []
    lat, lon = evidence.lat, evidence.lon
    assert lat is not None and lon is not None
    out: list[str] = []
    if relation == "in_flight":
        seen = _track_position(flight, evidence.capture_utc)
        if seen is not None:
            d = distance_km(lat, lon, seen[0], seen[1])
            if d > VISIBLE_KM:
                out.append(f"the track puts the aircraft {d:.0f} km from the photo's position "
                           f"({evidence.place_source}) at the capture time")
        elif state_at(flight_times(flight), evidence.capture_utc) == AIRBORNE:
            near = nearest_airport(lat, lon, NEAR_KM)
            if near is not None:
                out.append(f"the photo's position ({evidence.place_source}) is at "
                           f"{near.airport.icao}, on the ground, while the aircraft was "
                           "airborne")
    code = {"before_departure": flight.origin, "after_arrival": flight.destination}.get(relation)
    airport = find_airport(code) if code else None
    if airport is not None:
        d = distance_km(lat, lon, airport.lat, airport.lon)
        limit = max(NEAR_KM, 3 * evidence.gps_error_m / 1000) if evidence.gps_error_m else NEAR_KM
        if d > limit and evidence.place_source == "GPS":
            out.append(f"the photo's GPS position is {d:.0f} km from {airport.icao}, where "
                       f"the {relation.replace('_', ' ')} relation puts it")
    return out


def _place_score(evidence: PhotoEvidence, flight: Flight, relation: str) -> tuple[float, str]:
    if evidence.lat is None or evidence.lon is None:
        return 0.5, "the photo's position is unknown"
    code = {"before_departure": flight.origin, "after_arrival": flight.destination}.get(relation)
    if relation == "in_flight" and evidence.capture_utc is not None:
        seen = _track_position(flight, evidence.capture_utc)
        if seen is not None:
            d = distance_km(evidence.lat, evidence.lon, seen[0], seen[1])
            return (math.exp(-d / PLACE_SCALE_KM),
                    f"the track puts the aircraft {d:.1f} km from the photo's position "
                    f"({evidence.place_source}) at the capture time")
    if relation == "in_flight" or code is None:
        near = [(code_, airport) for code_ in (flight.origin, flight.destination)
                if code_ and (airport := find_airport(code_)) is not None]
        if not near:
            return 0.5, "the flight's airports are unknown"
        dists = [(distance_km(evidence.lat, evidence.lon, a.lat, a.lon), c) for c, a in near]
        d, c = min(dists)
        return 0.5 * math.exp(-d / PLACE_SCALE_KM) + 0.25, f"{d:.1f} km from {c} " \
            f"({evidence.place_source})"
    airport = find_airport(code)
    if airport is None:
        return 0.5, f"airport {code} is not in the airport table"
    d = distance_km(evidence.lat, evidence.lon, airport.lat, airport.lon)
    score = 1.0 if d <= NEAR_KM else math.exp(-(d - NEAR_KM) / PLACE_SCALE_KM)
    return score, f"{d:.1f} km from {airport.icao} ({evidence.place_source})"


def _track_position(flight: Flight, when: datetime) -> tuple[float, float] | None:
    """The tracked position nearest in time to `when`, if one lies within TRACK_REACH_S
    (otherwise the capture falls outside reception: nothing is inferred)."""
    best: tuple[float, float, float] | None = None
    for point in flight.track or []:
        if len(point) < 3 or point[1] is None or point[2] is None:
            continue
        try:
            gap = abs((parse_iso_utc(point[0]) - when).total_seconds())
        except (TypeError, ValueError):
            continue
        if gap <= TRACK_REACH_S and (best is None or gap < best[0]):
            best = (gap, float(point[1]), float(point[2]))
    return (best[1], best[2]) if best else None


def _names(session: Session, flight: Flight) -> set[str]:
    names = {flight.registration} if flight.registration else set()
    if flight.aircraft_id:
        for reg in session.execute(select(AircraftRegistration).where(
                AircraftRegistration.aircraft_id == flight.aircraft_id)).scalars():
            when = as_utc(flight.departure_utc or flight.arrival_utc)
            starts, ends = as_utc(reg.valid_from), as_utc(reg.valid_to)
            if when is None or ((starts is None or starts <= when) and
                                (ends is None or when <= ends)):
                names.add(reg.registration)
    return names


def suggest_for_photo(session: Session, photo: Photo, limit: int = LIMIT) -> SuggestionResult:
    evidence = photo_evidence(session, photo)
    usable, tag_notes = _usable_tags(evidence, _known_registrations(session))
    by_time_and_place = not usable
    matching = replace(evidence, registrations=usable)
    ranked: list[Suggestion] = []
    for flight in list_flights(session):
        reg = _registration_score(matching, _names(session, flight))
        if reg is None:
            continue
        if by_time_and_place:
            reg = (0.5, "no valid registration naming an aircraft of this case is tagged: "
                        "ranked by time and place only")
        t_score, relation, t_reasons = _time_and_relation(evidence, flight)
        p_score, p_reason = _place_score(evidence, flight, relation)
        score = (WEIGHTS["registration"] * reg[0] + WEIGHTS["time"] * t_score
                 + WEIGHTS["place"] * p_score)
        conflicts = _conflicts(evidence, flight, relation)
        if conflicts:
            score *= CONFLICT_FACTOR
        reasons = [reg[1], *tag_notes, *t_reasons, p_reason,
                   *(f"conflict: {c}" for c in conflicts)]
        ranked.append(Suggestion(flight, score, relation, reasons, conflicts=conflicts))
    ranked.sort(key=lambda s: (-s.score, s.flight.id))
    ranked = ranked[:limit]
    if ranked:
        objects = {o["id"]: o for o in flights_json(session, [s.flight.id for s in ranked])}
        for suggestion in ranked:
            suggestion.flight_object = objects[suggestion.flight.id]
    if not ranked:
        status = "none"
    elif ranked[0].score < FLOOR or ranked[0].conflicts or by_time_and_place:
        status = "weak"  # a conflict, or no registration to go by, is never a match
    elif len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        status = "ambiguous"
    else:
        status = "ok"
    return SuggestionResult(status, ranked, evidence)


def suggestions_for(case: Case, photo_id: int) -> dict[str, Any]:
    """`suggest --json` for one photo, in a read transaction of its own (the GUI's call)."""
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        if photo is None:
            return {"status": "none", "suggestions": []}
        return suggest_for_photo(session, photo).to_json()
