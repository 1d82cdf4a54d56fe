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
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.flights.records import flight_json, flights_json, list_flights
from annotator.core.models import AircraftRegistration, Box, Flight, Photo, PhotoClaim
from annotator.core.registration import normalize_registration, registration_matches
from annotator.core.timeutil import as_utc, iso_z, parse_iso_utc

FLOOR = 0.5
MARGIN = 0.05
TIME_SCALE_S = 2 * 3600.0  # a 2-hour gap scores 1/e
PLACE_SCALE_KM = 50.0
NEAR_KM = 5.0
TRACK_REACH_S = 120.0  # a tracked position this close in time stands for the capture time
WEIGHTS = {"registration": 0.4, "time": 0.4, "place": 0.2}
LIMIT = 10


@dataclass(frozen=True)
class PhotoEvidence:
    registrations: tuple[str, ...]
    capture_utc: datetime | None
    capture_source: str | None
    lat: float | None
    lon: float | None
    place_source: str | None


@dataclass
class Suggestion:
    flight: Flight
    score: float
    relation: str
    reasons: list[str] = field(default_factory=list)
    flight_object: dict[str, Any] | None = None  # as `flights list --json` shows it

    def to_json(self) -> dict[str, Any]:
        return {"flight": self.flight_object or flight_json(self.flight),
                "score": round(self.score, 3), "relation": self.relation,
                "reasons": list(self.reasons)}


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
    capture, capture_source = as_utc(photo.capture_utc), "capture_utc"
    if capture is None:
        capture = _exif_time(meta.get("datetime_original"), meta.get("offset_original"))
        capture_source = "exif" if capture else None
    lat = lon = None
    place_source = None
    gps = meta.get("gps") or None
    if isinstance(gps, dict) and gps.get("lat") is not None and gps.get("lon") is not None:
        lat, lon, place_source = float(gps["lat"]), float(gps["lon"]), "GPS"
    else:
        claim = session.execute(
            select(PhotoClaim).where(PhotoClaim.photo_id == photo.id)
        ).scalar_one_or_none()
        if claim is not None and claim.place_lat is not None and claim.place_lon is not None:
            lat, lon = claim.place_lat, claim.place_lon
            place_source = f"the claimed place {claim.place}" if claim.place else "claimed place"
        elif claim is not None and claim.place:
            from annotator.core.airports import find_airport

            airport = find_airport(claim.place)
            if airport is not None:
                lat, lon = airport.lat, airport.lon
                place_source = f"the claimed place {airport.icao}"
    return PhotoEvidence(tuple(dict.fromkeys(regs)), capture, capture_source, lat, lon,
                         place_source)


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


def _time_and_relation(evidence: PhotoEvidence, flight: Flight) -> tuple[float, str, list[str]]:
    t = evidence.capture_utc
    dep, arr = as_utc(flight.departure_utc), as_utc(flight.arrival_utc)
    if t is None:
        return 0.0, "unknown", ["the photo's capture time is unknown"]
    if dep is None and arr is None:
        return 0.0, "unknown", ["the flight's times are unknown"]
    reasons: list[str] = []
    if dep is not None and t <= dep:
        gap, relation = (dep - t).total_seconds(), "before_departure"
        reasons.append(f"taken {_minutes(gap)} before the departure at {iso_z(dep)}"
                       + (" (estimated)" if flight.departure_estimated else ""))
    elif arr is not None and t >= arr:
        gap, relation = (t - arr).total_seconds(), "after_arrival"
        reasons.append(f"taken {_minutes(gap)} after the arrival at {iso_z(arr)}"
                       + (" (estimated)" if flight.arrival_estimated else ""))
    elif dep is not None and arr is not None:
        gap, relation = 0.0, "in_flight"
        reasons.append(f"taken during the flight ({iso_z(dep)} to {iso_z(arr)})")
    elif dep is not None:
        gap, relation = (t - dep).total_seconds(), "unknown"
        reasons.append(f"taken {_minutes(gap)} after the departure; the arrival is unknown")
    else:
        assert arr is not None
        gap, relation = (arr - t).total_seconds(), "unknown"
        reasons.append(f"taken {_minutes(gap)} before the arrival; the departure is unknown")
    score = math.exp(-gap / TIME_SCALE_S)
    if (relation == "before_departure" and flight.departure_estimated) or (
        relation == "after_arrival" and flight.arrival_estimated
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


def _place_score(evidence: PhotoEvidence, flight: Flight, relation: str) -> tuple[float, str]:
    from annotator.core.airports import distance_km, find_airport

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
        near = [(code_, find_airport(code_)) for code_ in (flight.origin, flight.destination)
                if code_]
        near = [(c, a) for c, a in near if a is not None]
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
    ranked: list[Suggestion] = []
    for flight in list_flights(session):
        reg = _registration_score(evidence, _names(session, flight))
        if reg is None:
            continue
        t_score, relation, t_reasons = _time_and_relation(evidence, flight)
        p_score, p_reason = _place_score(evidence, flight, relation)
        score = (WEIGHTS["registration"] * reg[0] + WEIGHTS["time"] * t_score
                 + WEIGHTS["place"] * p_score)
        ranked.append(Suggestion(flight, score, relation, [reg[1], *t_reasons, p_reason]))
    ranked.sort(key=lambda s: (-s.score, s.flight.id))
    ranked = ranked[:limit]
    if ranked:
        objects = {o["id"]: o for o in flights_json(session, [s.flight.id for s in ranked])}
        for suggestion in ranked:
            suggestion.flight_object = objects[suggestion.flight.id]
    if not ranked:
        status = "none"
    elif ranked[0].score < FLOOR:
        status = "weak"
    elif len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        status = "ambiguous"
    else:
        status = "ok"
    return SuggestionResult(status, ranked, evidence)
