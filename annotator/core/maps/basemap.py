"""The offline base map: Natural Earth 1:50m country polygons and land (coasts), shipped as
package data (`annotator/resources/maps/basemap-50m.json`; provenance in SOURCES.md there),
loaded once on first use.

Rings are [lon, lat] lists; `simplified(tolerance)` drops points closer than `tolerance`
degrees to the last one kept, so a zoomed-out map draws a fraction of the points.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

Ring = list[tuple[float, float]]
BBox = tuple[float, float, float, float]
LEVELS = (0.0, 0.03, 0.1, 0.3, 1.0)  # degrees: the simplifications kept ready


@dataclass(frozen=True)
class Shape:
    """One polygon: its outer ring and holes, with its bounding box."""

    rings: tuple[Ring, ...]
    bbox: BBox

    def meets(self, view: BBox) -> bool:
        w, s, e, n = view
        return not (self.bbox[2] < w or self.bbox[0] > e or self.bbox[3] < s or self.bbox[1] > n)


@dataclass(frozen=True)
class Country:
    name: str
    iso_n3: str | None
    label: tuple[float, float] | None
    shapes: tuple[Shape, ...]
    bbox: BBox


@dataclass(frozen=True)
class BaseMap:
    countries: tuple[Country, ...]
    land: tuple[Shape, ...]
    source: str
    licence: str


def _decimate(ring: Ring, tolerance: float) -> Ring:
    if tolerance <= 0 or len(ring) <= 4:
        return ring
    kept = [ring[0]]
    t2 = tolerance * tolerance
    for p in ring[1:-1]:
        q = kept[-1]
        if (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 >= t2:
            kept.append(p)
    kept.append(ring[-1])
    return kept if len(kept) >= 4 else []


def _bbox(rings: list[Ring]) -> BBox:
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return min(lons), min(lats), max(lons), max(lats)


def _shapes(polygons: list, tolerance: float) -> tuple[Shape, ...]:
    shapes = []
    for poly in polygons:
        rings = [[(float(x), float(y)) for x, y in ring] for ring in poly]
        outer = _decimate(rings[0], tolerance)
        if not outer:
            continue  # smaller than the tolerance: not drawn at this zoom
        holes = [r for r in (_decimate(r, tolerance) for r in rings[1:]) if r]
        shapes.append(Shape((outer, *holes), _bbox(rings)))
    return tuple(shapes)


@cache
def _document() -> dict:
    text = resources.files("annotator.resources").joinpath("maps/basemap-50m.json").read_text(
        "utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def base_map(tolerance: float = 0.0) -> BaseMap:
    """The base map with rings simplified to `tolerance` degrees (one of `LEVELS` is cached
    for each zoom; any value works)."""
    doc = _document()
    countries = []
    for c in doc["countries"]:
        shapes = _shapes(c["polygons"], tolerance)
        if not shapes:
            continue
        bbox = (min(s.bbox[0] for s in shapes), min(s.bbox[1] for s in shapes),
                max(s.bbox[2] for s in shapes), max(s.bbox[3] for s in shapes))
        label = tuple(c["label"]) if c.get("label") else None
        countries.append(Country(c.get("name") or "", c.get("iso_n3"), label,  # type: ignore[arg-type]
                                 shapes, bbox))
    return BaseMap(tuple(countries), _shapes(doc["land"], tolerance), doc.get("source", ""),
                   doc.get("licence", ""))


def level_for(deg_per_px: float) -> float:
    """The coarsest cached simplification under half a pixel at this zoom."""
    best = 0.0
    for level in LEVELS:
        if level <= deg_per_px * 0.5:
            best = level
    return best
