"""readsb / ADS-B Exchange `trace_full_<hex>.json`: one aircraft, points relative to `timestamp`.

Each point is `[seconds after timestamp, lat, lon, altitude ft | "ground" | null, ground speed
kt, track, flags, vertical rate fpm, details | null, source type, geometric altitude, …]`.
`flags & 2` (readsb's "new leg") is not used: legs come from the ground state and gaps.
An `icao` beginning with `~` is a non-ICAO (TIS-B / anonymous) address and is not kept as one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.importers.tracks import Track, drafts_from_track, finite
from annotator.core.flights.legs import TrackPoint
from annotator.core.flights.records import FlightDraft


def _point(number: int, base: float, item: object) -> TrackPoint:
    if not isinstance(item, list) or len(item) < 4:
        raise InputRejected(f"trace point {number} is not a list of at least 4 values.",
                            code="READSB_BAD_POINT", number=number)
    offset = finite(item[0])
    if offset is None:
        raise InputRejected(f"trace point {number} has no time.",
                            code="READSB_POINT_NO_TIME", number=number)
    alt_raw = item[3]
    ground = None
    alt = None
    if alt_raw == "ground":
        ground = True
    elif alt_raw is not None:
        alt = finite(alt_raw)
        if alt is None:
            raise InputRejected(f"trace point {number} has an unreadable altitude {alt_raw!r}.",
                                code="READSB_BAD_ALTITUDE", number=number, alt_raw=f"{alt_raw!r}")
        ground = False
    lat, lon = finite(item[1]), finite(item[2])
    if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
        raise InputRejected(f"trace point {number} has a position off the globe.",
                            code="READSB_POINT_OFF_GLOBE", number=number)
    return TrackPoint(
        t=datetime.fromtimestamp(base + offset, UTC),
        lat=lat,
        lon=lon,
        alt_ft=alt,
        ground=ground,
        gs_kt=finite(item[4]) if len(item) > 4 else None,
        vrate_fpm=finite(item[7]) if len(item) > 7 else None,
        number=number,
    )


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    doc = source.json()
    if not isinstance(doc, dict) or "trace" not in doc or "timestamp" not in doc:
        raise InputRejected(f"{source.name} is not a readsb trace (no trace or timestamp).",
                            code="READSB_NOT_TRACE", name=source.name)
    base = finite(doc.get("timestamp"))
    if base is None or not isinstance(doc["trace"], list):
        raise InputRejected(f"{source.name}: timestamp or trace is malformed.",
                            code="READSB_MALFORMED", name=source.name)
    icao = str(doc.get("icao") or "").strip().lower()
    track = Track(registration=doc.get("r") or None, aircraft_type=doc.get("t") or None)
    if icao.startswith("~"):
        track.notes.append(f"non-ICAO address {icao} (not an ICAO 24-bit address)")
    elif icao:
        track.icao24 = icao
    track.points = [_point(n, base, item) for n, item in enumerate(doc["trace"], 1)]
    for item in doc["trace"]:
        details = item[8] if len(item) > 8 else None
        if isinstance(details, dict) and details.get("flight"):
            track.callsign = str(details["flight"]).strip() or None
            break
    return drafts_from_track(track, "adsb", overrides.registration, overrides.icao24,
                             overrides.callsign)
