"""The map's own graphics items: the photo points layer, flight lines (legs and track
pieces, with the times they span and a selected look) at several levels of detail, and an
empty parent item per base-map level."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

from annotator.core.maps import render as style

SELECTED = "#00a6d6"  # the selected flight: apart from the legs' rust and the sun's orange


def pen(colour: str, width: float, dash: bool = False) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class Layer(QGraphicsItem):
    """An empty parent: hiding it hides a whole level of detail of the base map."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF()

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        pass


STAMP_PX = 16
_STAMPS: dict[tuple[bool, float], QPixmap] = {}


def _stamp(gps: bool, ratio: float) -> QPixmap:
    """A photo point drawn once: a red dot in a white edge (GPS) or a red ring (claimed)."""
    key = (gps, ratio)
    if key not in _STAMPS:
        pixmap = QPixmap(round(STAMP_PX * ratio), round(STAMP_PX * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        centre = QPointF(STAMP_PX / 2, STAMP_PX / 2)
        if gps:
            painter.setBrush(QBrush(QColor(style.PHOTO)))
            painter.setPen(QPen(QColor("#ffffff"), 1.2))
            painter.drawEllipse(centre, 5.0, 5.0)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(style.PHOTO), 2.0))
            painter.drawEllipse(centre, 6.0, 6.0)
        painter.end()
        _STAMPS[key] = pixmap
    return _STAMPS[key]


class PhotoLayer(QGraphicsItem):
    """Every photo point in one item that paints them in screen pixels: a filled dot (GPS)
    or a ring (claimed place), the current photo ringed in yellow. The points are numpy
    arrays: each paint keeps those on screen and one per pixel in a few vector operations,
    then stamps a pre-drawn point on each, so 10,000 photos cost a few
    milliseconds a frame instead of 10,000 items (or a Python loop over them)."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__()
        self.rect = rect
        self.ids: list[int] = []
        self.index: dict[int, int] = {}
        self.set_points([], [], [], [], [], [])
        self.current: int | None = None
        self.setZValue(30)

    def set_points(self, ids: list[int], xs: list[float], ys: list[float], gps: list[bool],
                   when: list[datetime | None], direction: list[float | None]) -> None:
        """Every point at once (scene units; `when` None: time unknown, always shown)."""
        self.ids = list(ids)
        self.index = {photo_id: i for i, photo_id in enumerate(self.ids)}
        self.xs = np.asarray(xs, dtype=np.float64)
        self.ys = np.asarray(ys, dtype=np.float64)
        self.gps = np.asarray(gps, dtype=bool)
        self.when = np.asarray([w.timestamp() if w is not None else np.nan for w in when],
                               dtype=np.float64)
        self.direction = np.asarray([d if d is not None else np.nan for d in direction],
                                    dtype=np.float64)
        self.shown = np.ones(len(self.ids), dtype=bool)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        if not self.ids:
            return
        t = painter.worldTransform()
        sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        width = widget.width() if widget is not None else 10_000
        height = widget.height() if widget is not None else 10_000
        px, py = self.xs * sx + dx, self.ys * sy + dy
        on = self.shown & (px > -20) & (px < width + 20) & (py > -20) & (py < height + 20)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(style.PHOTO), 2.0))
        for i in np.flatnonzero(on & ~np.isnan(self.direction)):  # direction of view
            a = math.radians(float(self.direction[i]))
            x, y = float(px[i]), float(py[i])
            painter.drawLine(QPointF(x, y), QPointF(x + 16 * math.sin(a), y - 16 * math.cos(a)))
        for gps in (False, True):
            chosen = np.flatnonzero(on & (self.gps == gps))
            if not len(chosen):
                continue
            # one point per pixel
            keys = np.round(px[chosen]).astype(np.int64) * 1_000_003 + np.round(
                py[chosen]).astype(np.int64)
            chosen = chosen[np.unique(keys, return_index=True)[1]]
            stamp = _stamp(gps, painter.device().devicePixelRatioF())
            half = STAMP_PX // 2
            # One pre-drawn pixmap per point, at whole pixels: a third of the cost of an
            # antialiased ellipse each (10,000 photos zoomed out: about 25 ms).
            for x, y in zip((np.round(px[chosen]) - half).astype(int).tolist(),
                            (np.round(py[chosen]) - half).astype(int).tolist(), strict=True):
                painter.drawPixmap(x, y, stamp)
        i = self.index.get(self.current) if self.current is not None else None
        if i is not None and self.shown[i]:
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            painter.setPen(QPen(QColor("#ffd400"), 3.0))
            painter.drawEllipse(QPointF(float(px[i]), float(py[i])), 7.5, 7.5)
        painter.restore()

    def set_current(self, photo_id: int | None) -> None:
        self.current = photo_id
        self.update()

    def apply_filter(self, until: datetime | None, since: datetime | None) -> None:
        """Show the photos taken by `until` and not before `since` (None: no limit), and
        those whose time is unknown."""
        shown = np.ones(len(self.ids), dtype=bool)
        known = ~np.isnan(self.when)
        if until is not None:
            shown &= ~known | (self.when <= until.timestamp())
        if since is not None:
            shown &= ~known | (self.when >= since.timestamp())
        self.shown = shown
        self.update()

    def is_shown(self, photo_id: int) -> bool:
        return bool(self.shown[self.index[photo_id]])

    def scene_pos(self, photo_id: int) -> QPointF:
        i = self.index[photo_id]
        return QPointF(float(self.xs[i]), float(self.ys[i]))

    def photo_near(self, to_view: Any, x: float, y: float, reach: float = 7.0) -> int | None:
        """The shown photo whose point is nearest to view position (x, y), within `reach`
        pixels (`to_view` is the view's transform)."""
        if not self.ids:
            return None
        sx, sy, dx, dy = to_view.m11(), to_view.m22(), to_view.dx(), to_view.dy()
        d = (self.xs * sx + dx - x) ** 2 + (self.ys * sy + dy - y) ** 2
        d[~self.shown] = np.inf
        i = int(np.argmin(d))
        return self.ids[i] if d[i] <= reach * reach else None


class BasePath(QGraphicsPathItem):
    """A land polygon, a border or the graticule. Its bounds are its points' (with a pixel
    to spare for the cosmetic pen): QGraphicsPathItem strokes the whole path to find them,
    which for a few hundred coastlines held up the first paint of a map by ~100 ms."""

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.path().controlPointRect().adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        return self.path()


class FlightLine(QGraphicsPathItem):
    """A leg or a piece of a track: which flight, the times it spans (for the time
    filters), and its pen when not selected."""

    def __init__(self, path: QPainterPath, pen: QPen, flight_id: int,
                 first: datetime | None, last: datetime | None) -> None:
        super().__init__(path)
        self.flight_id, self.first, self.last = flight_id, first, last
        self.pen_normal = pen
        self.setPen(pen)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # QGraphicsPathItem strokes the whole path to find its bounds (about 100 ms for
        # 100,000 points, at every level switch); a cosmetic line stays within its points.
        return self.path().controlPointRect().adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        shape = QPainterPath()
        shape.addRect(self.boundingRect())
        return shape

    def set_selected(self, selected: bool) -> None:
        """The selected flight is drawn wider, in bright blue, over the others."""
        if selected:
            pen = QPen(self.pen_normal)
            pen.setColor(QColor(SELECTED))
            pen.setWidthF(self.pen_normal.widthF() + 2.5)
            self.setPen(pen)
            self.setZValue(self.zValue() % 100 + 100)
        else:
            self.setPen(self.pen_normal)
            self.setZValue(self.zValue() % 100)

    def view_distance(self, to_view: Any, x: float, y: float) -> float:
        """Pixels from view point (x, y) to the line as drawn now."""
        sx, sy, dx, dy = to_view.m11(), to_view.m22(), to_view.dx(), to_view.dy()
        path = self.path()
        best = math.inf
        prev: tuple[float, float] | None = None
        for i in range(path.elementCount()):
            e = path.elementAt(i)
            p = (e.x * sx + dx, e.y * sy + dy)
            if prev is not None and not e.isMoveTo():
                best = min(best, _segment_distance(x, y, prev, p))
            prev = p
        return best


class LodPath(FlightLine):
    """A line kept at several simplifications; `show_level` picks the one to draw."""

    def __init__(self, paths: list[QPainterPath], pen: QPen, flight_id: int = 0,
                 first: datetime | None = None, last: datetime | None = None):
        super().__init__(paths[0], pen, flight_id, first, last)
        self.paths = paths
        self.level = 0

    def show_level(self, level: int) -> None:
        level = min(level, len(self.paths) - 1)
        if level != self.level:
            self.level = level
            self.prepareGeometryChange()
            self.setPath(self.paths[level])


def _segment_distance(x: float, y: float, a: tuple[float, float],
                      b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    vx, vy = bx - ax, by - ay
    length = vx * vx + vy * vy
    f = 0.0 if length == 0 else max(0.0, min(1.0, ((x - ax) * vx + (y - ay) * vy) / length))
    return math.hypot(ax + f * vx - x, ay + f * vy - y)
