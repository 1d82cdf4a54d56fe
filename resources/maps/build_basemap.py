"""Build annotator/resources/maps/basemap-50m.json from world-atlas's TopoJSON.

Source: the npm package world-atlas 2.0.2 (`npm pack world-atlas@2.0.2`), a TopoJSON
redistribution of Natural Earth 4.1.0 Admin 0 countries at 1:50m (public domain). Usage:

    python3 resources/maps/build_basemap.py path/to/package/countries-50m.json

Writes a compact derivative: per country its name, ISO 3166-1 numeric code, a label point and
its polygons (rings of [lon, lat] rounded to 0.01°, consecutive duplicates dropped, closed);
and the land polygons (the countries merged by world-atlas), whose outlines are the coasts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "annotator" / "resources" / "maps" / "basemap-50m.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def polygons(arcs: list, geometry: dict) -> list[list[list[list[float]]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    result = []
    for part in parts:
        rings = [r for r in (ring(arcs, idx) for idx in part) if len(r) >= 4]
        if rings:
            result.append(rings)
    return result


def label_point(polys: list) -> list[float] | None:
    """The centre of the bounding box of the country's largest outer ring (by point count
    times extent): good enough to place a name."""
    best, best_size = None, -1.0
    for poly in polys:
        outer = poly[0]
        lons = [p[0] for p in outer]
        lats = [p[1] for p in outer]
        size = (max(lons) - min(lons)) * (max(lats) - min(lats))
        if size > best_size:
            best_size = size
            best = [round((max(lons) + min(lons)) / 2, 2), round((max(lats) + min(lats)) / 2, 2)]
    return best


def main(source: str) -> None:
    topo = json.loads(Path(source).read_text())
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polys = polygons(arcs, geometry)
        if not polys:
            continue
        countries.append({"name": geometry.get("properties", {}).get("name"),
                          "iso_n3": geometry.get("id"), "label": label_point(polys),
                          "polygons": polys})
    land = []
    for geometry in topo["objects"]["land"]["geometries"]:
        land.extend(polygons(arcs, geometry))
    doc = {"source": "Natural Earth 4.1.0 Admin 0 countries 1:50m via world-atlas 2.0.2",
           "licence": "public domain", "countries": countries, "land": land}
    OUT.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(countries)} countries, "
          f"{len(land)} land polygons")


if __name__ == "__main__":
    main(sys.argv[1])
