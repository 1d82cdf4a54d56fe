"""The map as GeoJSON (RFC 7946): one FeatureCollection, WGS 84 longitude/latitude (no `crs`
member), coordinates to 6 decimals (about 0.1 m).

Features, told apart by `properties.kind`:
- `photo`: a Point with `photo_id`, `sha256`, `name`, `capture_utc`, `placed` (gps or
  claimed) and `direction` (GPSImgDirection, degrees, or null);
- `airport`: a Point with `icao`, `iata`, `name`, `visits`;
- `track`: a flight's received positions as a LineString (a MultiLineString when it crosses
  the antimeridian, cut there as §3.1.9 asks), with `times` (ISO 8601 UTC per position, in the
  coordinates' shape), `start_utc`, `end_utc`, `flight_id`, `registration`;
- `leg`: a flight between two known airports as a great-circle LineString (MultiLineString
  when cut at the antimeridian), with `origin`, `destination`, `departure_utc`,
  `arrival_utc`, `estimated` and `tracked` (a track of the flight is in the file too).
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.maps.geometry import LonLat, MapData, split_antimeridian
from annotator.core.timeutil import iso_z

DECIMALS = 6


def _pos(c: LonLat) -> list[float]:
    return [round(c[0], DECIMALS), round(c[1], DECIMALS)]


def _lines(parts: list[list[LonLat]]) -> dict[str, Any]:
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": [_pos(c) for c in parts[0]]}
    return {"type": "MultiLineString", "coordinates": [[_pos(c) for c in p] for p in parts]}


def _feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def feature_collection(data: MapData) -> dict[str, Any]:
    features = []
    for p in data.photos:
        features.append(_feature({"type": "Point", "coordinates": _pos((p.lon, p.lat))}, {
            "kind": "photo", "photo_id": p.photo_id, "sha256": p.sha256, "name": p.name,
            "capture_utc": iso_z(p.capture_utc), "placed": p.placed,
            "direction": p.direction}))
    for a in data.airports:
        features.append(_feature({"type": "Point", "coordinates": _pos((a.lon, a.lat))}, {
            "kind": "airport", "icao": a.icao, "iata": a.iata, "name": a.name,
            "visits": a.visits}))
    for t in data.tracks:
        parts = split_antimeridian([(f.lon, f.lat) for f in t.fixes], [f.t for f in t.fixes])
        times: Any = [[iso_z(x) for x in ts] for _, ts in parts]
        features.append(_feature(_lines([c for c, _ in parts]), {
            "kind": "track", "flight_id": t.flight_id, "registration": t.label,
            "start_utc": iso_z(t.start), "end_utc": iso_z(t.end),
            "times": times[0] if len(times) == 1 else times}))
    for g in data.legs:
        features.append(_feature(_lines(g.parts), {
            "kind": "leg", "flight_id": g.flight_id, "registration": g.label,
            "origin": g.origin, "destination": g.destination,
            "departure_utc": iso_z(g.departure), "arrival_utc": iso_z(g.arrival),
            "estimated": g.estimated, "tracked": g.tracked}))
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(data: MapData) -> bytes:
    """UTF-8 JSON, keys in a fixed order: the same map gives the same bytes."""
    return (json.dumps(feature_collection(data), ensure_ascii=False, separators=(",", ":"))
            + "\n").encode()
