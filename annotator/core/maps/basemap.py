"""The offline base map: Natural Earth 1:50m country polygons and land (coasts), shipped as
package data (`annotator/resources/maps/basemap-50m.json`; provenance in SOURCES.md there),
loaded once on first use.

Rings are lists of (lon, lat); `base_map(tolerance)` drops points closer than `tolerance`
degrees to the last one kept, so a zoomed-out map draws a fraction of the points.

The file (2.4 MB) is read a piece at a time, a country or a land polygon per step, each
turned at once into the tuples kept: read by a worker, one `json.loads` of the whole file
held the interpreter for ~200 ms, and the million lists it made cost a full garbage
collection as long again (the GUI thread stalled for both while the first map of a session
was prepared). No piece holds it for more than a few milliseconds now.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

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


Polygon = tuple[Ring, ...]  # outer ring, then holes


def _shapes(polygons: tuple[Polygon, ...], tolerance: float) -> tuple[Shape, ...]:
    shapes = []
    for rings in polygons:
        outer = _decimate(rings[0], tolerance)
        if not outer:
            continue  # smaller than the tolerance: not drawn at this zoom
        holes = [r for r in (_decimate(r, tolerance) for r in rings[1:]) if r]
        shapes.append(Shape((outer, *holes), _bbox(list(rings))))
    return tuple(shapes)


_GAP = re.compile(r"[\s,]*")


def _pieces(text: str) -> Iterator[tuple[str, Any, bool]]:
    """(key, value, True) for each element of a top-level array of the JSON object in
    `text`, (key, value, False) for the other top-level values: each parsed by its own
    small `raw_decode`, so the interpreter can switch threads between two pieces."""
    decoder = json.JSONDecoder()
    i = _GAP.match(text, 0).end()  # type: ignore[union-attr]
    if text[i] != "{":
        raise ValueError("the base map is not a JSON object")
    i += 1
    while True:
        i = _GAP.match(text, i).end()  # type: ignore[union-attr]
        if text[i] == "}":
            return
        key, i = decoder.raw_decode(text, i)
        i = _GAP.match(text, i).end()  # type: ignore[union-attr]
        if text[i] != ":":
            raise ValueError(f"the base map is not valid JSON at {i}")
        i = _GAP.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i] != "[":
            value, i = decoder.raw_decode(text, i)
            yield key, value, False
            continue
        i += 1
        while True:
            i = _GAP.match(text, i).end()  # type: ignore[union-attr]
            if text[i] == "]":
                i += 1
                break
            value, i = decoder.raw_decode(text, i)
            yield key, value, True


def _polygon(rings: list[list[list[float]]]) -> Polygon:
    return tuple([(float(x), float(y)) for x, y in ring] for ring in rings)


@dataclass(frozen=True)
class _Source:
    """The file as read: every polygon at full detail, in the tuples the levels share."""

    countries: tuple[tuple[str, str | None, tuple[float, float] | None,
                           tuple[Polygon, ...]], ...]
    land: tuple[Polygon, ...]
    source: str
    licence: str


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile: reading makes some 400,000 objects, none
    in a cycle (freed as they go, or kept), yet their number set off full collections of
    the whole heap, each holding the interpreter (every thread) for 70-100 ms."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@cache
def _source() -> _Source:
    with _collector_paused():
        return _read_source()


def _read_source() -> _Source:
    text = resources.files("annotator.resources").joinpath("maps/basemap-50m.json").read_text(
        "utf-8")
    countries, land, other = [], [], {}
    for key, value, element in _pieces(text):
        if element and key == "countries":
            label = value.get("label")
            countries.append((value.get("name") or "", value.get("iso_n3"),
                              (float(label[0]), float(label[1])) if label else None,
                              tuple(_polygon(p) for p in value["polygons"])))
        elif element and key == "land":
            land.append(_polygon(value))
        elif not element:
            other[key] = value
    return _Source(tuple(countries), tuple(land), str(other.get("source", "")),
                   str(other.get("licence", "")))


@cache
def base_map(tolerance: float = 0.0) -> BaseMap:
    """The base map with rings simplified to `tolerance` degrees (one of `LEVELS` is cached
    for each zoom; any value works)."""
    src = _source()
    with _collector_paused():
        return _simplified(src, tolerance)


def _simplified(src: _Source, tolerance: float) -> BaseMap:
    countries = []
    for name, iso_n3, label, polygons in src.countries:
        shapes = _shapes(polygons, tolerance)
        if not shapes:
            continue
        bbox = (min(s.bbox[0] for s in shapes), min(s.bbox[1] for s in shapes),
                max(s.bbox[2] for s in shapes), max(s.bbox[3] for s in shapes))
        countries.append(Country(name, iso_n3, label, shapes, bbox))
    return BaseMap(tuple(countries), _shapes(src.land, tolerance), src.source, src.licence)


def level_for(deg_per_px: float) -> float:
    """The coarsest cached simplification under half a pixel at this zoom."""
    best = 0.0
    for level in LEVELS:
        if level <= deg_per_px * 0.5:
            best = level
    return best
