"""The timeline: one row per aircraft, its legs as bars, coverage gaps hatched, photos as
marks at their capture time. Clicking a mark selects that photo in the window.

The scene is rebuilt from the database (`TimelineData.load`, Qt-free reads through the core)
whenever flights or photos change; it holds no state of its own. An unknown departure or
arrival is drawn as a faded stub from the known end, never as a guessed time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from annotator.core.flights.timeline import STUB, UNPLACED, LegBar, PhotoMark, TimelineData
from annotator.core.timeutil import iso_z

ROW_H = 34.0
LABEL_W = 120.0
PX_PER_HOUR = 24.0


class PhotoMarkItem(QGraphicsEllipseItem):
    """A photo at its capture time; a click selects it."""

    def __init__(self, mark: PhotoMark, x: float, y: float, view: TimelineView) -> None:
        super().__init__(-6, -6, 12, 12)
        self.mark = mark
        self.view = view
        self.setPos(x, y)
        self.setBrush(QBrush(QColor("#f2a900")))
        self.setPen(QPen(QColor("#5a3e00"), 1.2))
        self.setZValue(10)
        self.setToolTip(f"{mark.name}\n{iso_z(mark.when)}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.photo_clicked.emit(self.mark.photo_id)
            event.accept()
            return
        super().mousePressEvent(event)


class LegItem(QGraphicsRectItem):
    def __init__(self, bar: LegBar, rect: QRectF, faded_left: bool, faded_right: bool) -> None:
        super().__init__(rect)
        self.bar = bar
        color = QColor("#2f6db5")
        if faded_left or faded_right:
            color.setAlpha(110)
        self.setBrush(QBrush(color))
        self.setPen(QPen(QColor("#1b3f6b"), 1, Qt.PenStyle.DashLine if (faded_left or faded_right)
                         else Qt.PenStyle.SolidLine))
        dep = iso_z(bar.start) if bar.start else "?"
        arr = iso_z(bar.end) if bar.end else "?"
        self.setToolTip(QCoreApplication.translate("TimelineView", "flight {0} {1}\n{2} → {3}")
                        .format(bar.flight_id, bar.label, dep, arr))


class TimelineView(QGraphicsView):
    """The timeline widget. `photo_clicked(photo_id)` fires when a mark is clicked."""

    photo_clicked = Signal(int)
    flight_clicked = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.data = TimelineData()
        self.origin: datetime | None = None
        self.mark_items: dict[int, PhotoMarkItem] = {}
        self.leg_items: dict[int, LegItem] = {}
        self.photo_clicked.connect(session.select_photo)
        session.flights_changed.connect(self.reload)
        session.photos_changed.connect(self.reload)
        session.photo_changed.connect(lambda _id: self.reload())
        self._dirty = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def x_of(self, when: datetime) -> float:
        assert self.origin is not None
        return LABEL_W + (when - self.origin).total_seconds() / 3600 * PX_PER_HOUR

    def reload(self) -> None:
        """Rebuild the scene now if shown, else when next shown (a hidden timeline of a big
        case should cost nothing on every edit)."""
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self.data = TimelineData.load(self.session.case)
        scene = self.scene()
        scene.clear()
        self.mark_items.clear()
        self.leg_items.clear()
        span = self.data.span()
        if span is None:
            scene.addSimpleText(self.tr("No flights or dated photos yet.")).setBrush(self._ink())
            return
        self.origin, end = span
        width = self.x_of(end)
        keys = self.data.row_keys()
        heights = [ROW_H * self.data.lanes.get(key, 1) for key in keys]
        bottom = 24 + sum(heights)
        self._axis(width, bottom)
        y = 24.0
        for key, height in zip(keys, heights, strict=True):
            label = QGraphicsSimpleTextItem(self.tr("Unlinked photos") if key == UNPLACED
                                            else key)
            label.setPos(4, y + 8)
            label.setBrush(self._ink())
            scene.addItem(label)
            scene.addLine(LABEL_W, y + height, width, y + height, QPen(self._rule()))
            for bar in self.data.rows.get(key, []):
                self._leg(bar, y + bar.lane * ROW_H)  # overlapping flights: lanes apart
            for mark in self.data.marks.get(key, []):
                item = PhotoMarkItem(mark, self.x_of(mark.when), y + ROW_H / 2, self)
                scene.addItem(item)
                self.mark_items[mark.photo_id] = item
            y += height
        scene.setSceneRect(0, 0, width + 20, bottom + 10)

    def _ink(self) -> QBrush:
        """Text colour from the palette: readable on the dark and the light theme."""
        return self.palette().text()

    def _rule(self) -> QColor:
        return self.palette().mid().color()

    def _axis(self, width: float, bottom: float) -> None:
        assert self.origin is not None
        day = self.origin.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        while self.x_of(day) < width:
            x = self.x_of(day)
            self.scene().addLine(x, 16, x, bottom, QPen(self._rule(), 1, Qt.PenStyle.DotLine))
            text = QGraphicsSimpleTextItem(
                QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy"))
            text.setBrush(self._ink())
            text.setPos(x + 3, 2)
            self.scene().addItem(text)
            day += timedelta(days=1)

    def _leg(self, bar: LegBar, y: float) -> None:
        if bar.start is None and bar.end is None:
            return
        start = bar.start or (bar.end - STUB)  # type: ignore[operator]
        end = bar.end or (bar.start + STUB)  # type: ignore[operator]
        rect = QRectF(self.x_of(start), y + 8, max(3.0, self.x_of(end) - self.x_of(start)),
                      ROW_H - 16)
        item = LegItem(bar, rect, bar.start is None, bar.end is None)
        self.scene().addItem(item)
        caption = QGraphicsSimpleTextItem(bar.label)
        font = caption.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        caption.setFont(font)
        caption.setPos(rect.left(), y - 3)
        caption.setBrush(self._ink())
        caption.setZValue(6)
        self.scene().addItem(caption)
        self.leg_items[bar.flight_id] = item
        for end, what in ((bar.departure, self.tr("take-off")), (bar.arrival, self.tr("landing"))):
            if end is None or end.earliest is None or end.latest is None \
                    or end.earliest == end.latest:
                continue
            # The interval the evidence bounds this end to: drawn faded around the estimate.
            left, right = self.x_of(end.earliest), self.x_of(end.latest)
            span = QGraphicsRectItem(QRectF(left, y + 10, max(2.0, right - left), ROW_H - 20))
            span.setBrush(QBrush(QColor(47, 109, 181, 60)))
            span.setPen(QPen(QColor("#1b3f6b"), 0.6, Qt.PenStyle.DashLine))
            span.setToolTip(self.tr("{0} between {1} and {2}").format(
                what, iso_z(end.earliest), iso_z(end.latest)))
            span.setZValue(4)
            self.scene().addItem(span)
        for a, b in bar.gaps:
            gap = QGraphicsRectItem(QRectF(self.x_of(a), y + 4, max(2.0, self.x_of(b)
                                                                    - self.x_of(a)), ROW_H - 8))
            gap.setBrush(QBrush(QColor("#c0392b"), Qt.BrushStyle.BDiagPattern))
            gap.setPen(QPen(QColor("#c0392b"), 0.8, Qt.PenStyle.DotLine))
            gap.setToolTip(self.tr("No reception from {0} to {1}").format(iso_z(a), iso_z(b)))
            gap.setZValue(5)
            self.scene().addItem(gap)

    def wheelEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms the time axis around the cursor; the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.scale(factor, 1.0)
            event.accept()
            return
        super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, LegItem):
            self.flight_clicked.emit(item.bar.flight_id)
            return
        super().mouseDoubleClickEvent(event)
