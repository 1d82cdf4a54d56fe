"""The map drawn without Qt: `compose` turns a `MapData` into a `Scene` of plain shapes in
picture pixels (base map, graticule, country names, legs, tracks, airports, photo points, a
scale bar, a title and the data's attribution); `svg_bytes` and `png_bytes` draw that one
scene, so the SVG and the PNG show the same map, and the GUI draws the same geometry through
`projection` and `basemap`.

How things are drawn (the legend says so too): legs without a track as great-circle arcs,
thicker the more often the route was flown, dashed when a time is estimated; tracks as
received, a coverage gap as a dashed bridge; photo positions from GPS as filled red dots,
claimed places as hollow red rings, a short tick for the direction of view; airports as
dark squares with their ICAO (IATA) code. The PNG is drawn at twice its size and reduced
(antialiasing by supersampling).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from annotator.core.maps.basemap import base_map, level_for
from annotator.core.maps.colours import (
    ALTITUDE,
    FLIGHT,
    SINGLE,
    AltitudeScale,
    flight_colours,
    track_runs,
)
from annotator.core.maps.geometry import MapData
from annotator.core.maps.projection import Projection, nice_length_km, nice_step, thinned

WIDTH, HEIGHT = 1600, 1000
SUPERSAMPLE = 2
SEA = "#cfe0ec"
LAND = "#f3efe4"
BORDER = "#b8ae98"
COAST = "#7f97a8"
GRID = "#9fb3c2"
LEG = "#c4561b"
TRACK = "#1f5fa8"
AIRPORT = "#222222"
PHOTO = "#d7191c"
TEXT = "#333333"
COUNTRY_TEXT = "#8a8170"
ATTRIBUTION = "Base map: Natural Earth 1:50m (public domain)"

XY = tuple[float, float]


@dataclass(frozen=True)
class Polygon:
    rings: list[list[XY]]
    fill: str | None
    stroke: str | None = None
    width: float = 1.0


@dataclass(frozen=True)
class Line:
    points: list[XY]
    stroke: str
    width: float = 1.0
    dash: tuple[float, float] | None = None


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    fill: str | None
    stroke: str | None = None
    width: float = 1.0
    square: bool = False


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    size: float
    fill: str = TEXT
    anchor: str = "start"  # start, middle, end
    bold: bool = False
    halo: bool = True


@dataclass
class Scene:
    width: int
    height: int
    background: str
    items: list[Polygon | Line | Dot | Label] = field(default_factory=list)
    projection: Projection | None = None


def _simplified(points: list[XY], min_px: float = 0.75) -> list[XY]:
    """Points closer than `min_px` to the last one kept dropped (`projection.thinned`)."""
    return thinned(points, min_px)


def _base(scene: Scene, proj: Projection) -> None:
    view = proj.view()
    pad = 1.0
    padded = (view[0] - pad, view[1] - pad, view[2] + pad, view[3] + pad)
    level = level_for(1 / proj.scale)
    bm = base_map(level)
    for shape in bm.land:
        if shape.meets(padded):
            scene.items.append(Polygon([_simplified([proj.xy(*p) for p in r], 0.5)
                                        for r in shape.rings], LAND))
    for country in bm.countries:
        for shape in country.shapes:
            if shape.meets(padded):
                scene.items.append(Polygon([_simplified([proj.xy(*p) for p in r], 0.5)
                                            for r in shape.rings], None, BORDER, 0.8))
    for shape in bm.land:
        if shape.meets(padded):
            scene.items.append(Polygon([_simplified([proj.xy(*p) for p in r], 0.5)
                                        for r in shape.rings], None, COAST, 1.0))


def _graticule(scene: Scene, proj: Projection) -> None:
    west, south, east, north = proj.view()
    step = nice_step(max(east - west, north - south))
    lon = math.ceil(west / step) * step
    while lon <= east:
        x, _ = proj.xy(lon, 0)
        scene.items.append(Line([(x, 0), (x, scene.height)], GRID, 0.6, (4, 4)))
        scene.items.append(Label(x + 3, scene.height - 6, _deg(lon, "E", "W"), 11, GRID))
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north:
        _, y = proj.xy(0, lat)
        scene.items.append(Line([(0, y), (scene.width, y)], GRID, 0.6, (4, 4)))
        scene.items.append(Label(4, y - 3, _deg(lat, "N", "S"), 11, GRID))
        lat += step


def _deg(value: float, pos: str, neg: str) -> str:
    text = f"{abs(value):g}°"
    return text + (pos if value > 0 else neg if value < 0 else "")


LABEL_GRID_PX = 40  # spacing of the points tried for a country name the frame cuts off
LABEL_MIN_POINTS = 6  # …and how many must fall in the country for its name to be shown


def _country_names(scene: Scene, proj: Projection) -> None:
    """Each country's name at its label point; where the frame cuts that point off but shows
    enough of the country, at the middle of the part shown (Niger on a map of its west)."""
    view = proj.view()
    grid: list[tuple[float, float]] | None = None
    for country in base_map(level_for(1 / proj.scale)).countries:
        if country.label is None:
            continue
        w, s, e, n = country.bbox
        if e < view[0] or w > view[2] or n < view[1] or s > view[3]:
            continue
        x0, y0 = proj.xy(w, n)
        x1, y1 = proj.xy(e, s)
        x, y = proj.xy(*country.label)
        if x1 - x0 < 90:
            continue
        if not (40 < x < scene.width - 40 and 30 < y < scene.height - 30):
            if grid is None:
                grid = [(gx, gy) for gx in range(90, scene.width - 89, LABEL_GRID_PX)
                        for gy in range(60, scene.height - 59, LABEL_GRID_PX)]
            inside = _inside_country(country, proj, grid)
            if len(inside) < LABEL_MIN_POINTS:
                continue
            mx = sum(p[0] for p in inside) / len(inside)
            my = sum(p[1] for p in inside) / len(inside)
            x, y = min(inside, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
        scene.items.append(Label(x, y, country.name.upper(), 13, COUNTRY_TEXT, "middle",
                                 halo=False))


def _inside_country(country, proj: Projection,  # type: ignore[no-untyped-def]
                    points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The picture points that fall inside the country (even-odd over each shape's rings)."""
    lonlat = [proj.lonlat(px, py) for px, py in points]
    hit = [False] * len(points)
    for shape in country.shapes:
        w, s, e, n = shape.bbox
        for i, (lon, lat) in enumerate(lonlat):
            if hit[i] or not (w <= lon <= e and s <= lat <= n):
                continue
            crossings = 0
            for ring in shape.rings:
                for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=False):
                    if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                        crossings += 1
            hit[i] = crossings % 2 == 1
    return [p for p, h in zip(points, hit, strict=True) if h]


def _flights(scene: Scene, proj: Projection, data: MapData, colour_by: str = SINGLE) -> None:
    counts: dict[tuple[str | None, str | None], int] = {}
    if data.routes is not None:
        counts = {(r.origin, r.destination): r.count for r in data.routes.routes}
    by_flight = flight_colours(data) if colour_by == FLIGHT else {}
    for leg in data.legs:
        if leg.tracked:
            continue
        n = counts.get((leg.origin, leg.destination), 1)
        width = 1.6 + 1.2 * math.log2(max(1, n))
        for part in leg.parts:
            scene.items.append(Line(_simplified([proj.xy(*c) for c in part]),
                                    by_flight.get(leg.flight_id, LEG), width,
                                    (7, 5) if leg.estimated else None))
    for _flight_id, gap, run in track_runs(data, colour_by):
        points = _simplified([proj.xy(*c) for c in run.coords])
        scene.items.append(Line(points, run.colour, 1.5 if gap else 2.2,
                                (5, 4) if gap else None))


def _airports(scene: Scene, proj: Projection, data: MapData) -> None:
    for a in data.airports:
        x, y = proj.xy(a.lon, a.lat)
        scene.items.append(Dot(x, y, 5, AIRPORT, "#ffffff", 1.2, square=True))
        code = f"{a.icao} ({a.iata})" if a.iata else a.icao
        if x + 9 + 9.5 * len(code) > scene.width - 8:  # near the right edge: label on the left
            scene.items.append(Label(x - 9, y - 7, code, 14, AIRPORT, "end", bold=True))
        else:
            scene.items.append(Label(x + 9, y - 7, code, 14, AIRPORT, bold=True))


def _photos(scene: Scene, proj: Projection, data: MapData) -> None:
    for p in data.photos:
        x, y = proj.xy(p.lon, p.lat)
        if p.direction is not None:
            a = math.radians(p.direction)
            scene.items.append(Line([(x, y), (x + 16 * math.sin(a), y - 16 * math.cos(a))],
                                    PHOTO, 2.0))
        if p.placed == "gps":
            scene.items.append(Dot(x, y, 4.5, PHOTO, "#ffffff", 1.2))
        else:
            scene.items.append(Dot(x, y, 6, None, PHOTO, 2.0))


def _altitude_legend(scene: Scene, scale: AltitudeScale, above: int) -> None:
    """The altitude ramp under the legend: one swatch per band, the feet at each end."""
    lx, ly = scene.width - 230.0, 24.0 + above * 20 + 14  # under the legend's `above` lines
    scene.items.append(Label(lx, ly, "track altitude (ft)", 12, TEXT))
    w = 180.0 / scale.bands
    for i, (_low, _high, colour) in enumerate(scale.limits()):
        x = lx + i * w
        scene.items.append(Line([(x, ly + 12), (x + w, ly + 12)], colour, 8.0))
    scene.items.append(Label(lx, ly + 32, "0", 11, TEXT))
    scene.items.append(Label(lx + 180, ly + 32, f"{scale.top:,.0f}", 11, TEXT, "end"))


def legend_entries(data: MapData) -> list[str]:
    """What the legend lists: only what the map draws (a key to lines that are not there
    would say something the map does not show)."""
    legs = [leg for leg in data.legs if not leg.tracked]
    pieces = [piece for track in data.tracks for piece in track.pieces()]
    shown = {
        "leg (great circle)": any(not leg.estimated for leg in legs),
        "leg, a time estimated": any(leg.estimated for leg in legs),
        "track": any(not piece.gap for piece in pieces),
        "coverage gap": any(piece.gap for piece in pieces),
        "photo (GPS)": any(p.placed == "gps" for p in data.photos),
        "photo (claimed place)": any(p.placed != "gps" for p in data.photos),
    }
    return [name for name, drawn in shown.items() if drawn]


def _furniture(scene: Scene, proj: Projection, title: str, data: MapData) -> None:
    max_km = proj.km_per_px() * scene.width * 0.2
    km = nice_length_km(max_km)
    px = km / proj.km_per_px()
    x0, y0 = 24.0, scene.height - 34.0
    scene.items.append(Line([(x0, y0), (x0 + px, y0)], TEXT, 3.0))
    scene.items.append(Line([(x0, y0 - 6), (x0, y0 + 6)], TEXT, 2.0))
    scene.items.append(Line([(x0 + px, y0 - 6), (x0 + px, y0 + 6)], TEXT, 2.0))
    scene.items.append(Label(x0 + px / 2, y0 - 10, f"{km:g} km", 13, TEXT, "middle"))
    if title:
        scene.items.append(Label(24, 32, title, 20, TEXT, bold=True))
    scene.items.append(Label(scene.width - 12, scene.height - 12, ATTRIBUTION, 11, TEXT,
                             "end"))
    lines = {"leg (great circle)": (LEG, None), "leg, a time estimated": (LEG, (7.0, 5.0)),
             "track": (TRACK, None), "coverage gap": (TRACK, (5.0, 4.0))}
    lx, y = scene.width - 230.0, 24.0
    for text in legend_entries(data):
        if text in lines:
            colour, dash = lines[text]
            scene.items.append(Line([(lx, y), (lx + 34, y)], colour, 2.5, dash))
        elif text == "photo (GPS)":
            scene.items.append(Dot(lx + 17, y, 4.5, PHOTO, "#ffffff", 1.2))
        else:
            scene.items.append(Dot(lx + 17, y, 6, None, PHOTO, 2.0))
        scene.items.append(Label(lx + 42, y + 5, text, 12, TEXT))
        y += 20


def compose(data: MapData, width: int = WIDTH, height: int = HEIGHT, title: str = "",
            projection: Projection | None = None, colour_by: str = SINGLE) -> Scene:
    """The scene of `data` in a picture `width` × `height` (fitted to what is drawn unless a
    projection is given), tracks coloured as `colour_by` says (`colours`: one colour, by
    flight, or by altitude with its ramp in the legend)."""
    proj = projection or Projection.fit(data.bounds(), width, height)
    scene = Scene(width, height, SEA, projection=proj)
    _base(scene, proj)
    _graticule(scene, proj)
    _country_names(scene, proj)
    _flights(scene, proj, data, colour_by)
    _airports(scene, proj, data)
    _photos(scene, proj, data)
    _furniture(scene, proj, title, data)
    scale = AltitudeScale.for_map(data) if colour_by == ALTITUDE else None
    if scale is not None:
        _altitude_legend(scene, scale, len(legend_entries(data)))
    return scene


# --- SVG ---------------------------------------------------------------------------------


def _pts(points: list[XY]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def scene_svg(scene: Scene) -> str:
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{scene.width}" '
           f'height="{scene.height}" viewBox="0 0 {scene.width} {scene.height}" '
           'font-family="DejaVu Sans, Verdana, sans-serif">',
           f'<rect width="100%" height="100%" fill="{scene.background}"/>']
    for item in scene.items:
        if isinstance(item, Polygon):
            d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in r) + " Z"
                         for r in item.rings if len(r) >= 3)
            if not d:
                continue
            out.append(f'<path d="{d}" fill="{item.fill or "none"}" fill-rule="evenodd"'
                       + (f' stroke="{item.stroke}" stroke-width="{item.width:g}"'
                          ' stroke-linejoin="round"' if item.stroke else "") + "/>")
        elif isinstance(item, Line):
            if len(item.points) < 2:
                continue
            dash = f' stroke-dasharray="{item.dash[0]:g},{item.dash[1]:g}"' if item.dash else ""
            out.append(f'<polyline points="{_pts(item.points)}" fill="none" '
                       f'stroke="{item.stroke}" stroke-width="{item.width:g}" '
                       f'stroke-linecap="round" stroke-linejoin="round"{dash}/>')
        elif isinstance(item, Dot):
            stroke = (f' stroke="{item.stroke}" stroke-width="{item.width:g}"'
                      if item.stroke else "")
            fill = item.fill or "none"
            if item.square:
                out.append(f'<rect x="{item.x - item.r:.1f}" y="{item.y - item.r:.1f}" '
                           f'width="{2 * item.r:g}" height="{2 * item.r:g}" fill="{fill}"'
                           f"{stroke}/>")
            else:
                out.append(f'<circle cx="{item.x:.1f}" cy="{item.y:.1f}" r="{item.r:g}" '
                           f'fill="{fill}"{stroke}/>')
        else:
            anchor = f' text-anchor="{item.anchor}"' if item.anchor != "start" else ""
            weight = ' font-weight="bold"' if item.bold else ""
            text = (f'<text x="{item.x:.1f}" y="{item.y:.1f}" font-size="{item.size:g}"'
                    f'{anchor}{weight}')
            if item.halo:  # a white outline underneath (paint-order is not read everywhere)
                out.append(f'{text} fill="#ffffff" stroke="#ffffff" stroke-width="3" '
                           f'stroke-linejoin="round">{escape(item.text)}</text>')
            out.append(f'{text} fill="{item.fill}">{escape(item.text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def svg_bytes(data: MapData, width: int = WIDTH, height: int = HEIGHT,
              title: str = "", colour_by: str = SINGLE) -> bytes:
    return scene_svg(compose(data, width, height, title, colour_by=colour_by)).encode()


# --- PNG ---------------------------------------------------------------------------------

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
              Path("/usr/share/fonts/TTF"), Path("/Library/Fonts"), Path("C:/Windows/Fonts"))


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans where the system has it, else Pillow's own scalable font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for path in (folder / name for folder in _FONT_DIRS):
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _dashes(points: list[XY], on: float, off: float) -> list[list[XY]]:
    """The dashes of a polyline as separate short polylines."""
    pieces: list[list[XY]] = []
    draw, left = True, on
    current: list[XY] = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while seg - pos > left:
            pos += left
            f = pos / seg
            p = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
            if draw:
                current.append(p)
                pieces.append(current)
            current = [p]
            draw = not draw
            left = on if draw else off
        left -= seg - pos
        if draw:
            current.append((x1, y1))
        else:
            current = [(x1, y1)]
    if draw and len(current) >= 2:
        pieces.append(current)
    return pieces


def scene_png(scene: Scene, supersample: int = SUPERSAMPLE) -> bytes:
    s = supersample
    image = Image.new("RGB", (scene.width * s, scene.height * s), scene.background)
    draw = ImageDraw.Draw(image)

    def sc(points: list[XY]) -> list[XY]:
        return [(x * s, y * s) for x, y in points]

    for item in scene.items:
        if isinstance(item, Polygon):
            if item.fill:
                # Holes (lakes) are few at this scale: the outer ring filled, holes in sea.
                for i, ring in enumerate(item.rings):
                    if len(ring) >= 3:
                        draw.polygon(sc(ring), fill=item.fill if i == 0 else scene.background)
            if item.stroke:
                for ring in item.rings:
                    if len(ring) >= 2:
                        draw.line(sc(ring), fill=item.stroke, width=max(1, round(item.width * s)))
        elif isinstance(item, Line):
            if len(item.points) < 2:
                continue
            width = max(1, round(item.width * s))
            pieces = _dashes(item.points, *item.dash) if item.dash else [item.points]
            for piece in pieces:
                draw.line(sc(piece), fill=item.stroke, width=width, joint="curve")
        elif isinstance(item, Dot):
            box = [(item.x - item.r) * s, (item.y - item.r) * s, (item.x + item.r) * s,
                   (item.y + item.r) * s]
            width = max(1, round(item.width * s)) if item.stroke else 0
            if item.square:
                draw.rectangle(box, fill=item.fill, outline=item.stroke, width=width)
            else:
                draw.ellipse(box, fill=item.fill, outline=item.stroke, width=width)
        else:
            font = _font(round(item.size * s), item.bold)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
            draw.text((item.x * s, item.y * s), item.text, fill=item.fill, font=font,
                      anchor=anchor, stroke_width=round(1.5 * s) if item.halo else 0,
                      stroke_fill="#ffffff")
    if s > 1:
        image = image.resize((scene.width, scene.height), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def png_bytes(data: MapData, width: int = WIDTH, height: int = HEIGHT, title: str = "",
              supersample: int = SUPERSAMPLE, colour_by: str = SINGLE) -> bytes:
    return scene_png(compose(data, width, height, title, colour_by=colour_by), supersample)


__all__ = ["compose", "png_bytes", "scene_png", "scene_svg", "svg_bytes"]
