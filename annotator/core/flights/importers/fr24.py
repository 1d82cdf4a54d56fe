"""Flightradar24 CSV export: `Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction`.

Position is "lat,lon" (quoted), altitude in feet (0 on the ground), speed in knots. The
callsign is sometimes the registration without its hyphen (`5UMBH`), which is then used as one.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.importers.tracks import Track, drafts_from_track, finite
from annotator.core.flights.legs import TrackPoint
from annotator.core.flights.records import FlightDraft
from annotator.core.timeutil import parse_iso_utc

REQUIRED = ("Timestamp", "Callsign", "Position", "Altitude", "Speed")


def _time(row: dict[str, str], line: int) -> datetime:
    stamp = finite(row.get("Timestamp"))
    if stamp is not None:
        return datetime.fromtimestamp(stamp, UTC)
    try:
        return parse_iso_utc(row.get("UTC") or "")
    except ValueError as exc:
        raise InputRejected(f"line {line}: no readable Timestamp or UTC time.",
                            code="FR24_NO_TIME", line=line) from exc


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    reader = csv.DictReader(source.text().splitlines())
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputRejected(f"{source.name} lacks the Flightradar24 column(s) "
                            f"{', '.join(missing)}.",
                            code="FR24_MISSING_COLUMNS", name=source.name,
                            missing=', '.join(missing))
    track = Track()
    for row in reader:
        line = reader.line_num
        try:
            lat_text, lon_text = (row.get("Position") or "").split(",")
        except ValueError as exc:
            raise InputRejected(f"line {line}: Position is not \"lat,lon\".",
                                code="FR24_BAD_POSITION", line=line) from exc
        lat, lon = finite(lat_text), finite(lon_text)
        alt, speed = finite(row.get("Altitude")), finite(row.get("Speed"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputRejected(f"line {line}: Position is not a position on the globe.",
                                code="FR24_POSITION_OFF_GLOBE", line=line)
        if row.get("Altitude", "").strip() and alt is None:
            raise InputRejected(f"line {line}: Altitude {row['Altitude']!r} is not a number.",
                                code="FR24_BAD_ALTITUDE", line=line, row=f"{row['Altitude']!r}")
        callsign = (row.get("Callsign") or "").strip()
        if callsign and not track.callsign:
            track.callsign = callsign
        track.points.append(TrackPoint(t=_time(row, line), lat=lat, lon=lon, alt_ft=alt,
                                       ground=True if alt == 0 else None, gs_kt=speed,
                                       number=line))
    if not track.points:
        raise InputRejected(f"{source.name} has no track points.",
                            code="FR24_NO_POINTS", name=source.name)
    return drafts_from_track(track, "tracker", overrides.registration, overrides.icao24,
                             overrides.callsign)
