"""The report's pictures of a shadow measurement, drawn with reportlab (no Qt): the photo
with the marks (the ground rectangle numbered, the foot, the tip and the shadow's arrow
labelled with its bearing), and the chart of the sun's day (elevation and azimuth against UTC
time, night shaded, the measured band, the windows, the EXIF and claimed times).

Both are drawn from the manifest's `shadow` entry, so the report shows what the manifest
says. The chart mirrors the app's (`gui/shadows/chart.py`) on the same `DayChart` values.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from annotator.core.timeutil import parse_iso_utc

GROUND = colors.HexColor("#00b4e6")
FOOT = colors.HexColor("#e6b800")
TIP = colors.HexColor("#e0402c")
ELEVATION = colors.HexColor("#3478dc")
AZIMUTH = colors.HexColor("#e67e22")
WINDOW = colors.Color(0.18, 0.8, 0.44, alpha=0.45)
NIGHT = colors.Color(0, 0, 0, alpha=0.12)
EXIF = colors.HexColor("#c81e1e")
CLAIMED = colors.HexColor("#8e44ad")


class MarkedPhoto(Flowable):
    """The annotated picture (`source`: what reportlab opens; `real`: the same file for
    its size) with the shadow marks drawn over it. Marks are displayed photo pixels; the
    annotated picture is the photo scaled uniformly, its caption strip below."""

    def __init__(self, source: str, real: Path, photo_size: tuple[int, int],
                 marks: dict[str, Any], bearing: float | None, max_w: float,
                 max_h: float, font: str) -> None:
        super().__init__()
        with PILImage.open(real) as im:
            w, h = im.size
        scale = min(max_w / w, max_h / h)
        self.source = source
        self.width, self.height = w * scale, h * scale
        self.k = self.width / max(1, photo_size[0])  # drawn points per photo pixel
        self.marks = marks
        self.bearing = bearing
        self.font = font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def _at(self, point: Any) -> tuple[float, float]:
        return float(point[0]) * self.k, self.height - float(point[1]) * self.k

    def draw(self) -> None:
        c = self.canv
        c.drawImage(self.source, 0, 0, width=self.width, height=self.height)
        corners = [self._at(p) for p in self.marks["ground"]]
        c.setLineWidth(1.4)
        c.setStrokeColor(GROUND)
        c.setFillColor(GROUND)
        path = c.beginPath()
        path.moveTo(*corners[0])
        for x, y in corners[1:]:
            path.lineTo(x, y)
        path.close()
        c.drawPath(path, stroke=1, fill=0)
        c.setFont(self.font, 8)
        for i, (x, y) in enumerate(corners, start=1):
            c.circle(x, y, 2.2, stroke=1, fill=0)
            c.drawString(x + 3, y + 3, str(i))
        fx, fy = self._at(self.marks["foot"])
        tx, ty = self._at(self.marks["tip"])
        c.setStrokeColor(FOOT)
        c.circle(fx, fy, 2.6, stroke=1, fill=0)
        c.setStrokeColor(TIP)
        c.setFillColor(TIP)
        c.setLineWidth(1.6)
        c.line(fx, fy, tx, ty)
        angle = math.atan2(ty - fy, tx - fx)
        for side in (2.6, -2.6):
            c.line(tx, ty, tx + 6 * math.cos(angle + side), ty + 6 * math.sin(angle + side))
        if self.bearing is not None:
            c.setFont(self.font, 8)
            c.drawString(tx + 4, ty - 10, f"shadow {self.bearing:.1f}° true")


def _t(text: str | None) -> datetime | None:
    return parse_iso_utc(text) if text else None


def day_chart_drawing(chart: dict[str, Any], width: float, height: float,
                      font: str) -> Drawing:
    """The sun's day of a `DayChart.to_json()` as a reportlab Drawing of `width` × `height`
    points."""
    d = Drawing(width, height)
    left, right, bottom, top = 30.0, width - 34.0, 24.0, height - 14.0
    path = chart.get("path") or []
    if len(path) < 2:
        d.add(String(width / 2, height / 2, "No path of the sun to draw.", fontName=font,
                     fontSize=8, textAnchor="middle"))
        return d
    times = [parse_iso_utc(p["utc"]) for p in path]
    start, end = times[0], times[-1] + (times[1] - times[0])

    def x_of(when: datetime) -> float:
        return left + (right - left) * (when - start) / (end - start)

    def y_el(value: float) -> float:
        return bottom + (top - bottom) * (max(-15.0, min(90.0, value)) + 15.0) / 105.0

    def y_az(value: float) -> float:
        value = value if 0.0 <= value <= 360.0 else value % 360.0
        return bottom + (top - bottom) * value / 360.0

    sunrise, sunset = _t(chart.get("sunrise_utc")), _t(chart.get("sunset_utc"))
    if sunrise is not None:
        d.add(Rect(left, bottom, x_of(sunrise) - left, top - bottom, fillColor=NIGHT,
                   strokeColor=None))
    if sunset is not None:
        d.add(Rect(x_of(sunset), bottom, right - x_of(sunset), top - bottom, fillColor=NIGHT,
                   strokeColor=None))
    for window in chart.get("windows") or []:
        x0, x1 = x_of(parse_iso_utc(window["from_utc"])), x_of(parse_iso_utc(window["to_utc"]))
        middle, span = (x0 + x1) / 2, max(2.5, x1 - x0)
        d.add(Rect(middle - span / 2, bottom, span, top - bottom, fillColor=WINDOW,
                   strokeColor=None))
    band = chart.get("band") or {}
    if band.get("elevation") is not None:
        err = band.get("elevation_error") or 0.0
        y0, y1 = y_el(band["elevation"] - err), y_el(band["elevation"] + err)
        d.add(Rect(left, y0, right - left, max(0.8, y1 - y0),
                   fillColor=colors.Color(0.2, 0.47, 0.86, alpha=0.2), strokeColor=None))
    if band.get("azimuth") is not None and (band.get("azimuth_error") or 0) < 180:
        lo = band["azimuth"] - band["azimuth_error"]
        hi = band["azimuth"] + band["azimuth_error"]
        if 0 <= lo and hi <= 360:
            d.add(Rect(left, y_az(lo), right - left, max(0.8, y_az(hi) - y_az(lo)),
                       fillColor=colors.Color(0.9, 0.49, 0.13, alpha=0.2), strokeColor=None))
    d.add(Rect(left, bottom, right - left, top - bottom, fillColor=None,
               strokeColor=colors.HexColor("#9aa3ad"), strokeWidth=0.5))
    d.add(Line(left, y_el(0), right, y_el(0), strokeColor=colors.HexColor("#9aa3ad"),
               strokeWidth=0.4))
    for colour, y_of, key in ((ELEVATION, y_el, "elevation"), (AZIMUTH, y_az, "azimuth")):
        segment: list[float] = []
        previous = None
        for when, p in zip(times, path, strict=True):
            value = float(p[key])
            if previous is not None and abs(value - previous) > 180 and len(segment) >= 4:
                d.add(PolyLine(segment, strokeColor=colour, strokeWidth=1.2))
                segment = []
            segment += [x_of(when), y_of(value)]
            previous = value
        if len(segment) >= 4:
            d.add(PolyLine(segment, strokeColor=colour, strokeWidth=1.2))
    for label, key, colour in (("EXIF", "capture_utc", EXIF), ("claimed", "claimed_utc", CLAIMED)):
        marked = _t(chart.get(key))
        if marked is None or not (start <= marked <= end):
            continue
        x = x_of(marked)
        d.add(Line(x, bottom, x, top, strokeColor=colour, strokeWidth=1, strokeDashArray=[3, 2]))
        d.add(String(x + 2, top - 8, label, fontName=font, fontSize=7, fillColor=colour))
    hours = round((end - start).total_seconds() / 3600)
    for h in range(0, hours + 1, 3):
        x = left + (right - left) * h / max(1, hours)
        d.add(String(x, bottom - 10, (start + (end - start) * (h / max(1, hours))).strftime(
            "%H:%M"), fontName=font, fontSize=6.5, textAnchor="middle"))
    d.add(String((left + right) / 2, 2, "UTC", fontName=font, fontSize=7, textAnchor="middle"))
    for value in (0, 30, 60, 90):
        d.add(String(left - 3, y_el(value) - 2, f"{value}°", fontName=font, fontSize=6.5,
                     textAnchor="end", fillColor=ELEVATION))
    for value in (0, 90, 180, 270, 360):
        d.add(String(right + 3, y_az(value) - 2, f"{value}°", fontName=font, fontSize=6.5,
                     fillColor=AZIMUTH))
    d.add(String(left, top + 4, "elevation", fontName=font, fontSize=7, fillColor=ELEVATION))
    d.add(String(right, top + 4, "azimuth", fontName=font, fontSize=7, fillColor=AZIMUTH,
                 textAnchor="end"))
    d.add(String((left + right) / 2, top + 4, "green: when the sun stood where the shadow says",
                 fontName=font, fontSize=7, textAnchor="middle",
                 fillColor=colors.HexColor("#1e7e46")))
    return d
