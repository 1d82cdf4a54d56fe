"""The map projection shared by the renderer and the GUI: an equirectangular projection
whose standard parallel is the middle of what is drawn (longitudes scaled by the cosine of
that latitude), so shapes near the area of interest keep their proportions and distances
along it are true to scale. Good for the regional maps investigators need; not for a map of
the whole world near the poles.

`plane(lon, lat)` gives the plane coordinates (degrees of latitude, y down) the GUI's scene
uses; `Projection` maps them onto a picture of a given size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KM_PER_DEG_LAT = 111.195  # great-circle kilometres per degree on the 6371 km sphere


@dataclass(frozen=True)
class Plane:
    """Longitudes scaled by cos(standard parallel): x = lon·k, y = −lat (y grows down)."""

    k: float = 1.0

    @classmethod
    def around(cls, lat0: float) -> Plane:
        return cls(max(0.05, math.cos(math.radians(max(-80.0, min(80.0, lat0))))))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return lon * self.k, -lat

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        return x / self.k, -y


@dataclass(frozen=True)
class Projection:
    """The plane scaled (`scale` pixels per degree of latitude) and shifted into a picture
    `width` × `height` whose centre is (lon0, lat0)."""

    plane: Plane
    lon0: float
    lat0: float
    scale: float
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.plane.xy(lon - self.lon0, lat - self.lat0)
        return self.width / 2 + x * self.scale, self.height / 2 + y * self.scale

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.plane.lonlat((x - self.width / 2) / self.scale,
                                     (y - self.height / 2) / self.scale)
        return lon + self.lon0, lat + self.lat0

    def view(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) the picture shows."""
        west, north = self.lonlat(0, 0)
        east, south = self.lonlat(self.width, self.height)
        return west, south, east, north

    def km_per_px(self) -> float:
        return KM_PER_DEG_LAT / self.scale

    @classmethod
    def fit(cls, bounds: tuple[float, float, float, float] | None, width: int, height: int,
            margin: float = 0.15, min_span_deg: float = 4.0) -> Projection:
        """The projection showing `bounds` (west, south, east, north) whole with a margin,
        at least `min_span_deg` across; the whole Earth's middle band when bounds is None."""
        west, south, east, north = bounds or (-170.0, -60.0, 170.0, 75.0)
        lon0, lat0 = (west + east) / 2, (south + north) / 2
        plane = Plane.around(lat0)
        span_x = max((east - west) * plane.k, min_span_deg * plane.k) * (1 + 2 * margin)
        span_y = max(north - south, min_span_deg * 0.6) * (1 + 2 * margin)
        scale = min(width / span_x, height / span_y)
        return cls(plane, lon0, lat0, scale, width, height)


def nice_step(span_deg: float, lines: int = 6) -> float:
    """A graticule step (degrees) giving about `lines` lines over `span_deg`."""
    for step in (0.25, 0.5, 1, 2, 5, 10, 15, 30, 45, 90):
        if span_deg / step <= lines:
            return float(step)
    return 90.0


def nice_length_km(max_km: float) -> float:
    """The longest round length (1, 2 or 5 × 10^n km) not above `max_km`."""
    if max_km <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(max_km))
    for factor in (5, 2, 1):
        if factor * power <= max_km:
            return float(factor * power)
    return float(power)


def thinned(points: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    """Level of detail: drop points closer than `step` (Manhattan distance, in the points'
    own units) to the last one kept; the ends are always kept. The renderer (in pixels) and
    the GUI's track levels (in degrees) draw lines through it."""
    if step <= 0 or len(points) <= 2:
        return points
    kept = [points[0]]
    for p in points[1:-1]:
        q = kept[-1]
        if abs(p[0] - q[0]) + abs(p[1] - q[1]) >= step:
            kept.append(p)
    kept.append(points[-1])
    return kept

