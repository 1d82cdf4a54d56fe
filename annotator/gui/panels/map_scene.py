"""The map's drawing prepared off the GUI thread: projection, level-of-detail simplification
and the QPainterPaths of the base map, the graticule, the legs and the tracks.

Building them for a 100,000-point track and 10,000 photos takes over a second, so it runs in
a worker (`prepare_map`, `prepare_flights`); QPainterPath is a value class Qt lets any thread
build. Graphics items are made from the result on the GUI thread only (`MapView`), a few
milliseconds at a time. Nothing here touches a widget or a scene.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtGui import QPainterPath, Qt

from annotator.core.maps import render as style
from annotator.core.maps.basemap import LEVELS, base_map
from annotator.core.maps.colours import (
    ALTITUDE,
    FLIGHT,
    SINGLE,
    AltitudeScale,
    flight_colours,
    track_runs,
)
from annotator.core.maps.geometry import LegArc, MapData, TrackLine
from annotator.core.maps.projection import Plane, nice_step, thinned

UNITS = 100.0  # scene units per degree of latitude
TRACK_LEVELS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2)  # degrees: a track's simplifications
CHUNK = 500  # track points per item
Region = tuple[float, float, float, float]  # west, south, east, north
Rect = tuple[float, float, float, float]  # x, y, width, height in scene units


@dataclass
class LegDrawing:
    leg: LegArc
    path: QPainterPath
    width: float
    colour: str


@dataclass
class TrackChunk:
    """Up to `CHUNK` points of one run of a track (one colour), at every level of detail,
    with the times it spans (the time filters show or hide it whole)."""

    track: TrackLine
    paths: list[QPainterPath]
    colour: str
    gap: bool
    first: datetime
    last: datetime


@dataclass
class FlightDrawing:
    """Legs and tracks coloured one way (`colour_by`); `altitude` the ramp's scale when
    coloured by altitude and some fix has one."""

    colour_by: str
    legs: list[LegDrawing] = field(default_factory=list)
    tracks: list[TrackChunk] = field(default_factory=list)
    altitude: AltitudeScale | None = None


@dataclass
class PhotoArrays:
    ids: list[int] = field(default_factory=list)
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)
    gps: list[bool] = field(default_factory=list)
    when: list[datetime | None] = field(default_factory=list)
    direction: list[float | None] = field(default_factory=list)


@dataclass
class PreparedMap:
    """Everything `MapView` draws for one `MapData`, in scene units."""

    data: MapData
    plane: Plane
    region: Region
    scene_rect: Rect
    home: Rect
    land: list[list[QPainterPath]]  # per level of `LEVELS`
    borders: list[list[QPainterPath]]
    labels: list[tuple[str, float, float]]
    graticule: QPainterPath
    flights: FlightDrawing
    photos: PhotoArrays


def xy(plane: Plane, lon: float, lat: float) -> tuple[float, float]:
    x, y = plane.xy(lon, lat)
    return x * UNITS, y * UNITS


def path_of(plane: Plane, points: list[tuple[float, float]], closed: bool = False
            ) -> QPainterPath:
    path = QPainterPath()
    if not points:
        return path
    k = plane.k * UNITS
    path.moveTo(points[0][0] * k, -points[0][1] * UNITS)
    for lon, lat in points[1:]:
        path.lineTo(lon * k, -lat * UNITS)
    if closed:
        path.closeSubpath()
    return path


def prepare_flights(data: MapData, plane: Plane, colour_by: str = SINGLE) -> FlightDrawing:
    """The legs (great-circle arcs of flights without a track) and the tracks (cut in runs
    of one colour, then in chunks, each at every level of detail) of `data`."""
    drawing = FlightDrawing(colour_by)
    counts = {(r.origin, r.destination): r.count
              for r in (data.routes.routes if data.routes else [])}
    by_flight = flight_colours(data) if colour_by == FLIGHT else {}
    for leg in data.legs:
        if leg.tracked:
            continue
        path = QPainterPath()
        for part in leg.parts:
            path.addPath(path_of(plane, part))
        width = 1.6 + 1.2 * math.log2(max(1, counts.get((leg.origin, leg.destination), 1)))
        drawing.legs.append(LegDrawing(leg, path, width,
                                       by_flight.get(leg.flight_id, style.LEG)))
    if colour_by == ALTITUDE:
        drawing.altitude = AltitudeScale.for_map(data)
    tracks = {t.flight_id: t for t in data.tracks}
    for flight_id, gap, run in track_runs(data, colour_by):
        # Chunks of CHUNK points, each its own item: the view culls those off screen.
        for i in range(0, max(1, len(run.coords) - 1), CHUNK):
            coords = run.coords[i:i + CHUNK + 1]
            times = run.times[i:i + CHUNK + 1]
            if len(coords) < 2:
                continue
            paths = [path_of(plane, thinned(coords, step)) for step in TRACK_LEVELS]
            drawing.tracks.append(TrackChunk(tracks[flight_id], paths, run.colour, gap,
                                             min(times), max(times)))
    return drawing


def _base(plane: Plane, region: Region) -> tuple[list[list[QPainterPath]],
                                                 list[list[QPainterPath]],
                                                 list[tuple[str, float, float]]]:
    land_levels, border_levels = [], []
    for level in LEVELS:
        bm = base_map(level)
        land: list[QPainterPath] = []
        borders: list[QPainterPath] = []
        for shape in bm.land:
            if shape.meets(region):
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.OddEvenFill)
                for ring in shape.rings:
                    path.addPath(path_of(plane, ring, closed=True))
                land.append(path)
        for country in bm.countries:
            for shape in country.shapes:
                if shape.meets(region):
                    borders.append(path_of(plane, shape.rings[0], closed=True))
        land_levels.append(land)
        border_levels.append(borders)
    labels = []
    for country in base_map(LEVELS[2]).countries:
        if country.label and country.bbox[2] - country.bbox[0] > 3 and (
                region[0] < country.label[0] < region[2]
                and region[1] < country.label[1] < region[3]):
            labels.append((country.name.upper(), *xy(plane, *country.label)))
    return land_levels, border_levels, labels


def _graticule(plane: Plane, region: Region) -> QPainterPath:
    step = nice_step(max(region[2] - region[0], region[3] - region[1]), 12)
    path = QPainterPath()
    lon = math.ceil(region[0] / step) * step
    while lon <= region[2]:
        path.addPath(path_of(plane, [(lon, region[1]), (lon, region[3])]))
        lon += step
    lat = math.ceil(region[1] / step) * step
    while lat <= region[3]:
        path.addPath(path_of(plane, [(region[0], lat), (region[2], lat)]))
        lat += step
    return path


def prepare_map(data: MapData, colour_by: str = SINGLE) -> PreparedMap:
    """Project and simplify everything `data` shows (run it in a worker)."""
    bounds = data.bounds() or (-20.0, -10.0, 40.0, 40.0)
    plane = Plane.around((bounds[1] + bounds[3]) / 2)
    region = (bounds[0] - 25, bounds[1] - 20, bounds[2] + 25, bounds[3] + 20)
    land, borders, labels = _base(plane, region)
    x0, y0 = xy(plane, region[0], region[3])
    x1, y1 = xy(plane, region[2], region[1])
    west, north = xy(plane, bounds[0], bounds[3])
    east, south = xy(plane, bounds[2], bounds[1])
    photos = PhotoArrays()
    for p in data.photos:
        x, y = xy(plane, p.lon, p.lat)
        photos.ids.append(p.photo_id)
        photos.xs.append(x)
        photos.ys.append(y)
        photos.gps.append(p.placed == "gps")
        photos.when.append(p.capture_utc)
        photos.direction.append(p.direction)
    # what "Fit" shows: everything with a margin (room for the sun's ray and the labels)
    m = max(80.0, 0.18 * max(east - west, south - north))
    return PreparedMap(data, plane, region, (x0, y0, x1 - x0, y1 - y0),
                       (west - m, north - m, east - west + 2 * m, south - north + 2 * m),
                       land, borders, labels, _graticule(plane, region),
                       prepare_flights(data, plane, colour_by), photos)


__all__ = ["CHUNK", "FlightDrawing", "PreparedMap", "TRACK_LEVELS", "UNITS",
           "prepare_flights", "prepare_map", "xy"]
