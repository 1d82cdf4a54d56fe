"""From a track (one aircraft's position reports) to flight drafts, one per derived leg."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from annotator.core.flights.legs import TrackPoint, derive_legs
from annotator.core.flights.records import FlightDraft
from annotator.core.reference.airports import distance_km
from annotator.core.reference.registration import normalize_registration

FT_PER_M = 3.280839895
KT_PER_MS = 1.943844492
FPM_PER_MS = 196.8503937


@dataclass
class Track:
    icao24: str | None = None
    registration: str | None = None
    callsign: str | None = None
    aircraft_type: str | None = None
    points: list[TrackPoint] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def registration_from_callsign(callsign: str | None) -> str | None:
    """Trackers often use the registration without its hyphen as callsign (`5UMBH`)."""
    if not callsign:
        return None
    check = normalize_registration(callsign)
    return check.normalized if check.valid and not check.warning and not check.partial else None


def fill_speeds(points: list[TrackPoint]) -> list[TrackPoint]:
    """Ground speed from successive positions where the source gives none (KML)."""
    out: list[TrackPoint] = []
    for i, p in enumerate(points):
        if p.gs_kt is not None or p.lat is None or p.lon is None:
            out.append(p)
            continue
        other = points[i + 1] if i + 1 < len(points) else (points[i - 1] if i else None)
        if other is None or other.lat is None or other.lon is None:
            out.append(p)
            continue
        seconds = abs((other.t - p.t).total_seconds())
        if seconds <= 0 or seconds > 600:
            out.append(p)
            continue
        km = distance_km(p.lat, p.lon, other.lat, other.lon)
        out.append(replace(p, gs_kt=km / 1.852 / (seconds / 3600)))
    return out


def finite(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def drafts_from_track(track: Track, kind: str, overrides_registration: str | None = None,
                      overrides_icao24: str | None = None,
                      overrides_callsign: str | None = None) -> list[FlightDraft]:
    registration = overrides_registration or track.registration or registration_from_callsign(
        track.callsign)
    drafts = []
    for leg in derive_legs(track.points):
        notes = [*track.notes, *leg.reasons]
        drafts.append(FlightDraft(
            registration=registration,
            icao24=overrides_icao24 or track.icao24,
            callsign=overrides_callsign or track.callsign,
            origin=leg.origin,
            destination=leg.destination,
            departure_utc=leg.departure_utc,
            departure_estimated=leg.departure_estimated,
            arrival_utc=leg.arrival_utc,
            arrival_estimated=leg.arrival_estimated,
            departure_earliest_utc=leg.departure_earliest,
            departure_latest_utc=leg.departure_latest,
            arrival_earliest_utc=leg.arrival_earliest,
            arrival_latest_utc=leg.arrival_latest,
            source_kind=kind,
            notes="; ".join(notes) or None,
            aircraft_type=track.aircraft_type,
            track=[p.as_raw() for p in leg.points],
            coverage_gaps=leg.gaps_json(),
        ))
    return drafts
