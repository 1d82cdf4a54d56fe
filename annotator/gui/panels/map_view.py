"""The map as a QGraphicsView: the same geometry `annotator map` draws (core `maps`), in
the plane of `maps.projection` (x = lon·cos φ0, y = −lat, times `UNITS` scene units).

The base map is vector paths (crisp at any zoom); lines use cosmetic pens (their width in
screen pixels whatever the zoom); airports, labels and photo points ignore the zoom too.
Photo points are one layer item (`PhotoLayer`) that paints only the points on screen, once
per pixel; a click picks the nearest point within a few pixels.
Level of detail: the base map and every track are kept as paths at a few simplifications,
and the view shows the one whose step is under a pixel at the current zoom, so a
100,000-point track is not drawn point by point when zoomed out.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
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
TRACK_LEVELS = (0.0, 0.01, 0.05, 0.2)  # degrees: a track's simplifications
CHUNK = 500  # track points per item


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


class PhotoLayer(QGraphicsItem):
    """Every photo point in one item that paints them in screen pixels: a filled dot (GPS)
    or a ring (claimed place), the current photo ringed in yellow. Points that fall on the
    same pixel are painted once, and only those on screen, so 10,000 photos cost a few
    milliseconds a frame instead of 10,000 items."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__()
        self.rect = rect
        self.ids: list[int] = []
        self.xs: list[float] = []
        self.ys: list[float] = []
        self.gps: list[bool] = []
        self.when: list[datetime | None] = []
        self.direction: list[float | None] = []
        self.shown: list[bool] = []
        self.index: dict[int, int] = {}
        self.current: int | None = None
        self.setZValue(30)

    def add(self, photo_id: int, x: float, y: float, gps: bool, when: datetime | None,
            direction: float | None = None) -> None:
        self.index[photo_id] = len(self.ids)
        self.direction.append(direction)
        self.ids.append(photo_id)
        self.xs.append(x)
        self.ys.append(y)
        self.gps.append(gps)
        self.when.append(when)
        self.shown.append(True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        t = painter.worldTransform()
        sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        width = widget.width() if widget is not None else 10_000
        height = widget.height() if widget is not None else 10_000
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        seen: set[tuple[int, int, bool]] = set()
        painter.setPen(QPen(QColor(style.PHOTO), 2.0))
        for i, angle in enumerate(self.direction):  # the direction of view (GPSImgDirection)
            if angle is None or not self.shown[i]:
                continue
            px, py = self.xs[i] * sx + dx, self.ys[i] * sy + dy
            if -20 < px < width + 20 and -20 < py < height + 20:
                a = math.radians(angle)
                painter.drawLine(QPointF(px, py),
                                 QPointF(px + 16 * math.sin(a), py - 16 * math.cos(a)))
        filled = [QBrush(QColor(style.PHOTO)), QPen(QColor("#ffffff"), 1.2)]
        ring = [QBrush(Qt.BrushStyle.NoBrush), QPen(QColor(style.PHOTO), 2.0)]
        for gps in (False, True):
            brush, pen = filled if gps else ring
            painter.setBrush(brush)
            painter.setPen(pen)
            r = 5.0 if gps else 6.0
            for i, x in enumerate(self.xs):
                if self.gps[i] != gps or not self.shown[i]:
                    continue
                px, py = x * sx + dx, self.ys[i] * sy + dy
                if not (-8 < px < width + 8 and -8 < py < height + 8):
                    continue
                key = (round(px), round(py), gps)
                if key in seen:
                    continue
                seen.add(key)
                painter.drawEllipse(QPointF(px, py), r, r)
        if self.current in self.index and self.shown[self.index[self.current]]:
            i = self.index[self.current]
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            painter.setPen(QPen(QColor("#ffd400"), 3.0))
            painter.drawEllipse(QPointF(self.xs[i] * sx + dx, self.ys[i] * sy + dy), 7.5, 7.5)
        painter.restore()

    def set_current(self, photo_id: int | None) -> None:
        self.current = photo_id
        self.update()

    def apply_filter(self, until: datetime | None) -> None:
        self.shown = [until is None or w is None or w <= until for w in self.when]
        self.update()

    def is_shown(self, photo_id: int) -> bool:
        return self.shown[self.index[photo_id]]

    def scene_pos(self, photo_id: int) -> QPointF:
        i = self.index[photo_id]
        return QPointF(self.xs[i], self.ys[i])

    def photo_near(self, to_view: Any, x: float, y: float, reach: float = 7.0) -> int | None:
        """The shown photo whose point is nearest to view position (x, y), within `reach`
        pixels (`to_view` is the view's transform)."""
        sx, sy, dx, dy = to_view.m11(), to_view.m22(), to_view.dx(), to_view.dy()
        best, best_d = None, reach * reach
        for i, px in enumerate(self.xs):
            if not self.shown[i]:
                continue
            d = (px * sx + dx - x) ** 2 + (self.ys[i] * sy + dy - y) ** 2
            if d <= best_d:
                best, best_d = self.ids[i], d
        return best


class LodPath(QGraphicsPathItem):
    """A line kept at several simplifications; `show_level` picks the one to draw."""

    def __init__(self, paths: list[QPainterPath], pen: QPen):
        super().__init__(paths[0])
        self.paths = paths
        self.level = 0
        self.setPen(pen)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # QGraphicsPathItem strokes the whole path to find its bounds (about 100 ms for
        # 100,000 points, at every level switch); a cosmetic line stays within its points.
        return self.path().controlPointRect().adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        shape = QPainterPath()
        shape.addRect(self.boundingRect())
        return shape

    def show_level(self, level: int) -> None:
        level = min(level, len(self.paths) - 1)
        if level != self.level:
            self.level = level
            self.prepareGeometryChange()
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
        self.photos: PhotoLayer | None = None
        self.leg_items: list[tuple[Any, QGraphicsPathItem]] = []  # (LegArc, item)
        self.track_items: list[tuple[Any, LodPath]] = []
        self.base_items: list[QGraphicsItem] = []  # one group per LEVELS entry (land)
        self.border_items: list[QGraphicsItem] = []
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
        self.photos, self.leg_items, self.track_items = None, [], []
        self.base_items, self.border_items = [], []
        self.data = data
        bounds = data.bounds() or (-20.0, -10.0, 40.0, 40.0)
        self.plane = Plane.around((bounds[1] + bounds[3]) / 2)
        region = (bounds[0] - 25, bounds[1] - 20, bounds[2] + 25, bounds[3] + 20)
        self._base(region)
        self._graticule(region)
        self._flights(data)
        self._airports(data)
        scene.setSceneRect(QRectF(QPointF(*self.xy(region[0], region[3])),
                                  QPointF(*self.xy(region[2], region[1]))))
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
        """One group of items per level of detail, one item per land polygon and per country
        outline, so the view culls what is off screen instead of stroking a world-sized
        path on every paint."""
        land_brush = QBrush(QColor(style.LAND))
        coast, border_pen = _pen(style.COAST, 1.0), _pen(style.BORDER, 0.8)
        for level in LEVELS:
            bm = base_map(level)
            land_items: list[QGraphicsItem] = []
            border_items: list[QGraphicsItem] = []
            for shape in bm.land:
                if shape.meets(region):
                    path = QPainterPath()
                    path.setFillRule(Qt.FillRule.OddEvenFill)
                    for ring in shape.rings:
                        path.addPath(self._path(ring, closed=True))
                    item = QGraphicsPathItem(path)
                    item.setPen(coast)
                    item.setBrush(land_brush)
                    land_items.append(item)
            for country in bm.countries:
                for shape in country.shapes:
                    if shape.meets(region):
                        item = QGraphicsPathItem(self._path(shape.rings[0], closed=True))
                        item.setPen(border_pen)
                        border_items.append(item)
            land = self.scene().createItemGroup(land_items)
            land.setZValue(0)
            borders = self.scene().createItemGroup(border_items)
            borders.setZValue(1)
            self.base_items.append(land)
            self.border_items.append(borders)
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
        pen, gap_pen = _pen(style.TRACK, 2.2), _pen(style.TRACK, 1.5, dash=True)
        for track in data.tracks:
            # Chunks of CHUNK points, each its own item: the view culls those off screen.
            for piece in track.pieces():
                for i in range(0, max(1, len(piece.coords) - 1), CHUNK):
                    coords = piece.coords[i:i + CHUNK + 1]
                    if len(coords) < 2:
                        continue
                    item = LodPath([self._path(_decimated(coords, step))
                                    for step in TRACK_LEVELS], gap_pen if piece.gap else pen)
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
        self.photos = PhotoLayer(self.scene().sceneRect())
        for p in data.photos:
            self.photos.add(p.photo_id, *self.xy(p.lon, p.lat), p.placed == "gps",
                            p.capture_utc, p.direction)
        self.scene().addItem(self.photos)

    def photo_ids(self) -> set[int]:
        return set(self.photos.ids) if self.photos else set()

    def photo_shown(self, photo_id: int) -> bool:
        return self.photos is not None and self.photos.is_shown(photo_id)

    def photo_view_pos(self, photo_id: int) -> QPoint:
        """Where a photo's point is in the viewport (for clicks)."""
        assert self.photos is not None
        return self.mapFromScene(self.photos.scene_pos(photo_id))

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
        if self.photos is not None:
            self.photos.apply_filter(until)

    def set_current_photo(self, photo_id: int | None) -> None:
        self.current_photo = photo_id
        if self.photos is not None:
            self.photos.set_current(photo_id)

    def visible_legs(self) -> list[int]:
        return [leg.flight_id for leg, item in self.leg_items if item.isVisible()]

    def _level_of_detail(self) -> None:
        px_per_deg = self.transform().m11() * UNITS
        deg_per_px = 1 / px_per_deg if px_per_deg > 0 else 1.0
        base = max(i for i, level in enumerate(LEVELS) if level <= deg_per_px or i == 0)
        for i, (land, border) in enumerate(zip(self.base_items, self.border_items,
                                               strict=True)):
            land.setVisible(i == base)
            border.setVisible(i == base)
        track = max(i for i, level in enumerate(TRACK_LEVELS)
                    if level <= deg_per_px * 1.5 or i == 0)
        for _, item in self.track_items:
            item.show_level(track)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)
        self._level_of_detail()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.photos is not None:
            photo_id = self.photos.photo_near(self.viewportTransform(), event.position().x(),
                                              event.position().y())
            if photo_id is not None:
                self.photo_clicked.emit(photo_id)
                event.accept()
                return
        super().mousePressEvent(event)
