"""OpenSky state vectors as CSV: `time, icao24, lat, lon, velocity, heading, vertrate,
callsign, onground, alert, spi, squawk, baroaltitude, geoaltitude, lastposupdate, lastcontact`.

SI units (m/s, m). One file may hold several aircraft: each icao24 is its own track.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.importers.tracks import (
    FPM_PER_MS,
    FT_PER_M,
    KT_PER_MS,
    Track,
    drafts_from_track,
    finite,
)
from annotator.core.flights.legs import TrackPoint
from annotator.core.flights.records import FlightDraft

REQUIRED = ("time", "icao24", "lat", "lon")
_TRUE = {"true", "1", "t", "yes"}
_FALSE = {"false", "0", "f", "no"}


def _scaled(value: str | None, factor: float, line: int, name: str) -> float | None:
    if value is None or not value.strip():
        return None
    number = finite(value)
    if number is None:
        raise InputRejected(f"line {line}: {name} {value!r} is not a number.",
                            code="OPENSKY_STATES_BAD_NUMBER", line=line, name=name,
                            value=f"{value!r}")
    return number * factor


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    reader = csv.DictReader(source.text().splitlines())
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputRejected(f"{source.name} lacks the OpenSky column(s) {', '.join(missing)}.",
                            code="OPENSKY_STATES_MISSING_COLUMNS", name=source.name,
                            missing=', '.join(missing))
    tracks: dict[str, Track] = {}
    for row in reader:
        line = reader.line_num
        stamp = finite(row.get("time"))
        if stamp is None:
            raise InputRejected(f"line {line}: time {row.get('time')!r} is not a Unix time.",
                                code="OPENSKY_STATES_BAD_TIME", line=line,
                                value=f"{row.get('time')!r}")
        icao = (row.get("icao24") or "").strip().lower()
        if not icao:
            raise InputRejected(f"line {line}: no icao24.",
                                code="OPENSKY_STATES_NO_ICAO24", line=line)
        track = tracks.setdefault(icao, Track(icao24=icao))
        callsign = (row.get("callsign") or "").strip()
        if callsign and not track.callsign:
            track.callsign = callsign
        ground_text = (row.get("onground") or "").strip().lower()
        ground = True if ground_text in _TRUE else False if ground_text in _FALSE else None
        alt = _scaled(row.get("baroaltitude"), FT_PER_M, line, "baroaltitude")
        if alt is None:
            alt = _scaled(row.get("geoaltitude"), FT_PER_M, line, "geoaltitude")
        lat = _scaled(row.get("lat"), 1.0, line, "lat")
        lon = _scaled(row.get("lon"), 1.0, line, "lon")
        if lat is None or lon is None:
            continue  # a state without position: nothing to place on the track
        track.points.append(TrackPoint(
            t=datetime.fromtimestamp(stamp, UTC), lat=lat, lon=lon, alt_ft=alt, ground=ground,
            gs_kt=_scaled(row.get("velocity"), KT_PER_MS, line, "velocity"),
            vrate_fpm=_scaled(row.get("vertrate"), FPM_PER_MS, line, "vertrate"),
            number=line,
        ))
    drafts: list[FlightDraft] = []
    for track in tracks.values():
        drafts.extend(drafts_from_track(track, "adsb", overrides.registration,
                                        overrides.icao24, overrides.callsign))
    return drafts
