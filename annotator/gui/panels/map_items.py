"""The map's own graphics items: the photo points layer, flight lines (legs and track
pieces, with the times they span and a selected look) at several levels of detail, and an
empty parent item per base-map level."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

from annotator.core.maps import render as style

SELECTED = "#ffb000"


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

    def apply_filter(self, shown: Callable[[datetime | None, datetime | None], bool]) -> None:
        self.shown = [shown(w, w) for w in self.when]
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
        """The selected flight is drawn wider, in amber, over the others."""
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
