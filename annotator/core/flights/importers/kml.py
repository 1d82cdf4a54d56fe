"""KML tracks as Flightradar24, FlightAware and tar1090 export them.

Two shapes: a `gx:Track` with `when` and `gx:coord` ("lon lat alt") elements, or Placemarks
each with a `TimeStamp/when` and a `Point/coordinates` ("lon,lat,alt"). Altitudes are metres.
KML has no ground flag or speed: speed is computed from successive positions.
"""

from __future__ import annotations

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from annotator.core.errors import InputRejected
from annotator.core.flights.importers.source import ImportOverrides, SourceFile
from annotator.core.flights.importers.tracks import (
    FT_PER_M,
    Track,
    drafts_from_track,
    fill_speeds,
    finite,
)
from annotator.core.flights.legs import TrackPoint
from annotator.core.flights.records import FlightDraft
from annotator.core.timeutil import parse_iso_utc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _point(number: int, when: str | None, coord: str | None, sep: str | None) -> TrackPoint:
    if not when or not coord:
        raise InputRejected(f"KML point {number} lacks a time or coordinates.",
                            code="KML_POINT_INCOMPLETE", number=number)
    try:
        t = parse_iso_utc(when)
    except ValueError as exc:
        raise InputRejected(f"KML point {number}: {when!r} is not an ISO time.",
                            code="KML_BAD_TIME", number=number, when=f"{when!r}") from exc
    parts = coord.strip().split(sep)
    lon, lat = (finite(parts[0]), finite(parts[1])) if len(parts) >= 2 else (None, None)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputRejected(f"KML point {number}: {coord.strip()!r} is not lon,lat[,alt].",
                            code="KML_BAD_COORDINATES", number=number,
                            coordinates=f"{coord.strip()!r}")
    alt_m = finite(parts[2]) if len(parts) > 2 else None
    return TrackPoint(t=t, lat=lat, lon=lon, alt_ft=alt_m * FT_PER_M if alt_m is not None else None,
                      number=number)


def read(source: SourceFile, overrides: ImportOverrides) -> list[FlightDraft]:
    try:
        root = ElementTree.fromstring(source.data)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputRejected(f"{source.name} is not well-formed KML ({exc}).",
                            code="KML_MALFORMED", name=source.name, exc=exc) from exc
    points: list[TrackPoint] = []
    name = None
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "name" and name is None and element.text:
            name = element.text.strip()
        if tag == "Track":
            whens = [c.text for c in element if _local(c.tag) == "when"]
            coords = [c.text for c in element if _local(c.tag) == "coord"]
            if len(whens) != len(coords):
                raise InputRejected(f"{source.name}: a gx:Track has {len(whens)} times for "
                                    f"{len(coords)} positions.",
                                    code="KML_TRACK_MISMATCH", name=source.name, n_whens=len(whens),
                                    n_coords=len(coords))
            for when, coord in zip(whens, coords, strict=True):
                points.append(_point(len(points) + 1, when, coord, None))
        elif tag == "Placemark":
            when = coord = None
            for child in element.iter():
                ctag = _local(child.tag)
                if ctag == "when" and _local_parent_is_timestamp(element, child):
                    when = child.text
                elif ctag == "coordinates" and _in_point(element, child):
                    coord = child.text
            if when and coord:
                points.append(_point(len(points) + 1, when, coord, ","))
    if not points:
        raise InputRejected(f"{source.name} holds no timed track points (gx:Track or "
                            "Placemarks with TimeStamp and Point).",
                            code="KML_NO_TRACK", name=source.name)
    points.sort(key=lambda p: p.t)
    track = Track(callsign=name if name and " " not in name and len(name) <= 10 else None,
                  points=fill_speeds(points))
    return drafts_from_track(track, "tracker", overrides.registration, overrides.icao24,
                             overrides.callsign)


def _parents(root: object) -> dict[object, object]:
    return {child: parent for parent in root.iter() for child in parent}  # type: ignore[attr-defined]


def _local_parent_is_timestamp(placemark: object, when: object) -> bool:
    parent = _parents(placemark).get(when)
    return parent is not None and _local(parent.tag) == "TimeStamp"  # type: ignore[attr-defined]


def _in_point(placemark: object, coords: object) -> bool:
    parent = _parents(placemark).get(coords)
    return parent is not None and _local(parent.tag) == "Point"  # type: ignore[attr-defined]
