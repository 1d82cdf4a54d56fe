"""The map as KML 2.2 (opens in Google Earth): folders of photos, airports, tracks and legs,
each Placemark with a TimeSpan (a photo's begins and ends at its capture time; an airport's
spans its first and last movement; a flight's its departure and arrival), so Earth's time
slider replays the movements. Coordinates are longitude,latitude; a line cut at the
antimeridian is a MultiGeometry. Built with ElementTree, so every text is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from annotator.core.maps.geometry import LonLat, MapData, split_antimeridian
from annotator.core.timeutil import iso_z

KML_NS = "http://www.opengis.net/kml/2.2"
STYLES = {  # id → (line colour aabbggrr, width)
    "leg": ("ff1e69d2", 2.5), "leg-estimated": ("991e69d2", 2.0), "track": ("ffb4580a", 2.5),
}


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = text
    return el


def _span(mark: ET.Element, begin: datetime | None, end: datetime | None) -> None:
    if begin is None and end is None:
        return
    span = _sub(mark, "TimeSpan")
    if begin is not None:
        _sub(span, "begin", iso_z(begin))
    if end is not None:
        _sub(span, "end", iso_z(end))


def _coords(points: list[LonLat]) -> str:
    return " ".join(f"{lon:.6f},{lat:.6f}" for lon, lat in points)


def _lines(mark: ET.Element, parts: list[list[LonLat]]) -> None:
    parent = _sub(mark, "MultiGeometry") if len(parts) > 1 else mark
    for part in parts:
        line = _sub(parent, "LineString")
        _sub(line, "tessellate", "1")
        _sub(line, "coordinates", _coords(part))


def _placemark(folder: ET.Element, name: str, description: str, style: str | None = None
               ) -> ET.Element:
    mark = _sub(folder, "Placemark")
    _sub(mark, "name", name)
    _sub(mark, "description", description)
    if style:
        _sub(mark, "styleUrl", f"#{style}")
    return mark


def kml_document(data: MapData, title: str = "annotator map") -> ET.Element:
    root = ET.Element("kml", xmlns=KML_NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", title)
    for sid, (colour, width) in STYLES.items():
        style = _sub(doc, "Style")
        style.set("id", sid)
        line = _sub(style, "LineStyle")
        _sub(line, "color", colour)
        _sub(line, "width", f"{width:g}")
    photos = _sub(doc, "Folder")
    _sub(photos, "name", "Photos")
    for p in data.photos:
        mark = _placemark(photos, p.name, f"SHA-256 {p.sha256}; captured "
                          f"{iso_z(p.capture_utc) or 'unknown'}; position: {p.placed}")
        _span(mark, p.capture_utc, p.capture_utc)
        _sub(_sub(mark, "Point"), "coordinates", _coords([(p.lon, p.lat)]))
    airports = _sub(doc, "Folder")
    _sub(airports, "name", "Airports")
    routes = {a.icao: a for a in data.routes.airports} if data.routes else {}
    for a in data.airports:
        mark = _placemark(airports, a.icao, f"{a.name}; {a.visits} visit(s)")
        seen = routes.get(a.icao)
        if seen is not None:
            _span(mark, seen.first_utc, seen.last_utc)
        _sub(_sub(mark, "Point"), "coordinates", _coords([(a.lon, a.lat)]))
    tracks = _sub(doc, "Folder")
    _sub(tracks, "name", "Tracks")
    for t in data.tracks:
        mark = _placemark(tracks, f"{t.label} flight {t.flight_id}",
                          f"{len(t.fixes)} positions received", "track")
        _span(mark, t.start, t.end)
        parts = split_antimeridian([(f.lon, f.lat) for f in t.fixes])
        _lines(mark, [c for c, _ in parts])
    legs = _sub(doc, "Folder")
    _sub(legs, "name", "Legs")
    for g in data.legs:
        mark = _placemark(legs, f"{g.label} {g.origin}→{g.destination}",
                          f"flight {g.flight_id}; departure {iso_z(g.departure) or 'unknown'}; "
                          f"arrival {iso_z(g.arrival) or 'unknown'}"
                          + ("; a time is estimated" if g.estimated else ""),
                          "leg-estimated" if g.estimated else "leg")
        _span(mark, g.departure, g.arrival)
        _lines(mark, g.parts)
    return root


def kml_bytes(data: MapData, title: str = "annotator map") -> bytes:
    root = kml_document(data, title)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
