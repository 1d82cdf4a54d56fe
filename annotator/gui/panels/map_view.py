"""The map as a QGraphicsView: the same geometry `annotator map` draws (core `maps`), in
the plane of `maps.projection` (x = lon·cos φ0, y = −lat, times `UNITS` scene units).

The base map is vector paths (crisp at any zoom); lines use cosmetic pens (their width in
screen pixels whatever the zoom); airports, labels and photo points ignore the zoom too.
Level of detail: the base map and every track are kept as paths at a few simplifications,
and the view shows the one whose step is under a pixel at the current zoom, so a
100,000-point track is not drawn point by point when zoomed out.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from annotator.core.maps import render as style
from annotator.core.maps.basemap import LEVELS, base_map
from annotator.core.maps.geometry import MapData
from annotator.core.maps.projection import Plane, nice_step

UNITS = 100.0  # scene units per degree of latitude
PHOTO_ID = 0  # QGraphicsItem.data key: the photo a point stands for
TRACK_LEVELS = (0.0, 0.01, 0.05, 0.2)  # degrees: a track's simplifications


def _pen(colour: str, width: float, dash: bool = False) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _decimated(points: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    if step <= 0 or len(points) <= 2:
        return points
    kept = [points[0]]
    for p in points[1:-1]:
        q = kept[-1]
        if abs(p[0] - q[0]) + abs(p[1] - q[1]) >= step:
            kept.append(p)
    kept.append(points[-1])
    return kept


class PhotoPoint(QGraphicsEllipseItem):
    """A photo on the map: filled (GPS) or a ring (claimed place); clicking selects it."""

    def __init__(self, photo_id: int, x: float, y: float, gps: bool, when: datetime | None):
        r = 5.0 if gps else 6.0
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.setPos(x, y)
        self.when = when
        self.setData(PHOTO_ID, photo_id)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(30)
        self.setBrush(QBrush(QColor(style.PHOTO)) if gps else QBrush(Qt.BrushStyle.NoBrush))
        self.setPen(QPen(QColor("#ffffff" if gps else style.PHOTO), 1.2 if gps else 2.0))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_current(self, current: bool) -> None:
        self.setPen(QPen(QColor("#ffd400"), 3.0) if current else QPen(
            QColor("#ffffff" if self.brush().style() != Qt.BrushStyle.NoBrush else style.PHOTO),
            1.2 if self.brush().style() != Qt.BrushStyle.NoBrush else 2.0))
        self.setZValue(31 if current else 30)


class LodPath(QGraphicsPathItem):
    """A line kept at several simplifications; `show_level` picks the one to draw."""

    def __init__(self, paths: list[QPainterPath], pen: QPen):
        super().__init__(paths[0])
        self.paths = paths
        self.level = 0
        self.setPen(pen)

    def show_level(self, level: int) -> None:
        level = min(level, len(self.paths) - 1)
        if level != self.level:
            self.level = level
            self.setPath(self.paths[level])


class MapView(QGraphicsView):
    """Draws a `MapData`; emits `photo_clicked(photo_id)` when a photo point is clicked."""

    photo_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor(style.SEA))
        self.plane = Plane()
        self.data: MapData | None = None
        self.photo_items: dict[int, PhotoPoint] = {}
        self.leg_items: list[tuple[Any, QGraphicsPathItem]] = []  # (LegArc, item)
        self.track_items: list[tuple[Any, LodPath]] = []
        self.base_items: list[QGraphicsPathItem] = []  # one per LEVELS entry (land)
        self.border_items: list[QGraphicsPathItem] = []
        self.current_photo: int | None = None
        self.until: datetime | None = None

    # -- building ----------------------------------------------------------------------

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.plane.xy(lon, lat)
        return x * UNITS, y * UNITS

    def _path(self, points: list[tuple[float, float]], closed: bool = False) -> QPainterPath:
        path = QPainterPath()
        if not points:
            return path
        path.moveTo(*self.xy(*points[0]))
        for lon, lat in points[1:]:
            path.lineTo(*self.xy(lon, lat))
        if closed:
            path.closeSubpath()
        return path

    def set_data(self, data: MapData) -> None:
        """Draw `data` (replacing what was drawn) and fit it in the view."""
        scene = self.scene()
        scene.clear()
        self.photo_items, self.leg_items, self.track_items = {}, [], []
        self.base_items, self.border_items = [], []
        self.data = data
        bounds = data.bounds() or (-20.0, -10.0, 40.0, 40.0)
        self.plane = Plane.around((bounds[1] + bounds[3]) / 2)
        region = (bounds[0] - 25, bounds[1] - 20, bounds[2] + 25, bounds[3] + 20)
        self._base(region)
        self._graticule(region)
        self._flights(data)
        self._airports(data)
        self._photos(data)
        west, north = self.xy(bounds[0], bounds[3])
        east, south = self.xy(bounds[2], bounds[1])
        self.home = QRectF(QPointF(west, north), QPointF(east, south)).adjusted(
            -80, -80, 80, 80)
        scene.setSceneRect(QRectF(QPointF(*self.xy(region[0], region[3])),
                                  QPointF(*self.xy(region[2], region[1]))))
        self.fit()
        self.apply_filter(self.until)
        self.set_current_photo(self.current_photo)

    def _base(self, region: tuple[float, float, float, float]) -> None:
        for level in LEVELS:
            bm = base_map(level)
            land = QPainterPath()
            land.setFillRule(Qt.FillRule.OddEvenFill)
            borders = QPainterPath()
            for shape in bm.land:
                if shape.meets(region):
                    for ring in shape.rings:
                        land.addPath(self._path(ring, closed=True))
            for country in bm.countries:
                for shape in country.shapes:
                    if shape.meets(region):
                        borders.addPath(self._path(shape.rings[0], closed=True))
            item = self.scene().addPath(land, _pen(style.COAST, 1.0),
                                        QBrush(QColor(style.LAND)))
            item.setZValue(0)
            border = self.scene().addPath(borders, _pen(style.BORDER, 0.8))
            border.setZValue(1)
            self.base_items.append(item)
            self.border_items.append(border)
        for country in base_map(LEVELS[2]).countries:
            if country.label and country.bbox[2] - country.bbox[0] > 3 and (
                    region[0] < country.label[0] < region[2]
                    and region[1] < country.label[1] < region[3]):
                text = self.scene().addSimpleText(country.name.upper())
                text.setBrush(QColor(style.COUNTRY_TEXT))
                text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
                text.setPos(*self.xy(*country.label))
                text.setZValue(2)

    def _graticule(self, region: tuple[float, float, float, float]) -> None:
        step = nice_step(max(region[2] - region[0], region[3] - region[1]), 12)
        pen = _pen(style.GRID, 0.6, dash=True)
        path = QPainterPath()
        lon = math.ceil(region[0] / step) * step
        while lon <= region[2]:
            path.addPath(self._path([(lon, region[1]), (lon, region[3])]))
            lon += step
        lat = math.ceil(region[1] / step) * step
        while lat <= region[3]:
            path.addPath(self._path([(region[0], lat), (region[2], lat)]))
            lat += step
        self.scene().addPath(path, pen).setZValue(3)

    def _flights(self, data: MapData) -> None:
        counts = {(r.origin, r.destination): r.count
                  for r in (data.routes.routes if data.routes else [])}
        for leg in data.legs:
            if leg.tracked:
                continue
            path = QPainterPath()
            for part in leg.parts:
                path.addPath(self._path(part))
            width = 1.6 + 1.2 * math.log2(max(1, counts.get((leg.origin, leg.destination), 1)))
            item = self.scene().addPath(path, _pen(style.LEG, width, dash=leg.estimated))
            item.setZValue(10)
            item.setToolTip(f"{leg.label} {leg.origin}→{leg.destination} #{leg.flight_id}")
            self.leg_items.append((leg, item))
        for track in data.tracks:
            paths = []
            for step in TRACK_LEVELS:
                path = QPainterPath()
                for piece in track.pieces():
                    if not piece.gap:
                        path.addPath(self._path(_decimated(piece.coords, step)))
                paths.append(path)
            item = LodPath(paths, _pen(style.TRACK, 2.2))
            item.setZValue(11)
            item.setToolTip(f"{track.label} #{track.flight_id}")
            self.scene().addItem(item)
            self.track_items.append((track, item))

    def _airports(self, data: MapData) -> None:
        font = QFont()
        font.setBold(True)
        for a in data.airports:
            x, y = self.xy(a.lon, a.lat)
            mark = QGraphicsRectItem(-5, -5, 10, 10)
            mark.setBrush(QColor(style.AIRPORT))
            mark.setPen(QPen(QColor("#ffffff"), 1.2))
            mark.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            mark.setPos(x, y)
            mark.setZValue(20)
            mark.setToolTip(f"{a.icao} — {a.name}")
            self.scene().addItem(mark)
            label = QGraphicsSimpleTextItem(f"{a.icao} ({a.iata})" if a.iata else a.icao)
            label.setFont(font)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            label.setPos(x, y)
            label.setTransform(label.transform().translate(8, -18))
            label.setZValue(21)
            self.scene().addItem(label)

    def _photos(self, data: MapData) -> None:
        for p in data.photos:
            item = PhotoPoint(p.photo_id, *self.xy(p.lon, p.lat), p.placed == "gps",
                              p.capture_utc)
            item.setToolTip(p.name)
            self.scene().addItem(item)
            self.photo_items[p.photo_id] = item

    # -- showing -----------------------------------------------------------------------

    def fit(self) -> None:
        if getattr(self, "home", None) is not None:
            self.fitInView(self.home, Qt.AspectRatioMode.KeepAspectRatio)
        self._level_of_detail()

    def apply_filter(self, until: datetime | None) -> None:
        """Show only what began by `until` (None: everything)."""
        self.until = until

        def shown(first: datetime | None) -> bool:
            return until is None or first is None or first <= until

        for leg, item in self.leg_items:
            item.setVisible(shown(leg.departure or leg.arrival))
        for track, titem in self.track_items:
            titem.setVisible(shown(track.start))
        for point in self.photo_items.values():
            point.setVisible(shown(point.when))

    def set_current_photo(self, photo_id: int | None) -> None:
        if self.current_photo in self.photo_items:
            self.photo_items[self.current_photo].set_current(False)
        self.current_photo = photo_id
        if photo_id in self.photo_items:
            self.photo_items[photo_id].set_current(True)

    def visible_legs(self) -> list[int]:
        return [leg.flight_id for leg, item in self.leg_items if item.isVisible()]

    def _level_of_detail(self) -> None:
        px_per_deg = self.transform().m11() * UNITS
        deg_per_px = 1 / px_per_deg if px_per_deg > 0 else 1.0
        base = max(i for i, level in enumerate(LEVELS) if level <= deg_per_px * 0.5 or i == 0)
        for i, (land, border) in enumerate(zip(self.base_items, self.border_items,
                                               strict=True)):
            land.setVisible(i == base)
            border.setVisible(i == base)
        track = max(i for i, level in enumerate(TRACK_LEVELS)
                    if level <= deg_per_px * 0.75 or i == 0)
        for _, item in self.track_items:
            item.show_level(track)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)
        self._level_of_detail()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                photo_id = item.data(PHOTO_ID)
                if photo_id is not None:
                    self.photo_clicked.emit(int(photo_id))
                    event.accept()
                    return
        super().mousePressEvent(event)
