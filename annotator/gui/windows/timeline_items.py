"""What the timeline draws in its scene: photo marks, count bubbles where marks crowd, and a
flight's bar with its caption, the bounds of its ends and its coverage gaps.

Items are placed in scene pixels by the view (`place`), which moves them when the time
scale changes; they are never scaled, so circles stay round and text stays sharp.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from annotator.core.flights.timeline import STUB, LegBar, PhotoMark
from annotator.gui.i18n.timefmt import show_instant

if TYPE_CHECKING:
    from annotator.gui.windows.timeline import TimelineView

ROW_H = 34.0
MARK_Y = 20.0  # a mark's centre below its row's top: on the bar, under its caption
MARK_D = 12.0  # a mark's diameter on screen; marks closer than this crowd
MARK_FILL, MARK_LINE = QColor("#f2a900"), QColor("#5a3e00")
BAR, BAR_LINE = QColor("#2f6db5"), QColor("#1b3f6b")
XOf = Callable[[datetime], float]


class PhotoMarkItem(QGraphicsEllipseItem):
    """A photo at its capture time; a click selects it. The view lists every photo under the
    cursor in one tooltip, so the mark carries none of its own."""

    def __init__(self, mark: PhotoMark, view: TimelineView) -> None:
        super().__init__(-MARK_D / 2, -MARK_D / 2, MARK_D, MARK_D)
        self.mark = mark
        self.view = view
        self.row_top = 0.0
        self.shown = False
        # Never scaled, only moved: painted once into a pixmap, then copied (thousands of
        # antialiased circles per frame otherwise).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setBrush(QBrush(MARK_FILL))
        self.setPen(QPen(MARK_LINE, 1.2))
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_current(self, current: bool) -> None:
        self.setPen(QPen(QColor("#c0392b"), 3.0) if current else QPen(MARK_LINE, 1.2))
        self.setZValue(12 if current else 10)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.photo_clicked.emit(self.mark.photo_id)
            event.accept()
            return
        super().mousePressEvent(event)


class CountBubble(QGraphicsPathItem):
    """Photos too close to draw apart at this scale: their number; a click zooms in on them.
    A path and a text item, both painted by Qt itself (hundreds are on screen at once)."""

    _font: QFont | None = None

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view
        self.marks: list[PhotoMark] = []
        self.setBrush(QBrush(MARK_FILL))
        self.setPen(QPen(MARK_LINE, 1.2))
        self.setZValue(11)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if CountBubble._font is None:
            font = QFont(view.font())
            font.setBold(True)
            font.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
            CountBubble._font = font
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(CountBubble._font)
        self.text.setBrush(QColor("#2b1d00"))

    def show_marks(self, marks: list[PhotoMark], x: float, y: float) -> None:
        if len(marks) != len(self.marks):
            self.text.setText(self.view.locale().toString(len(marks)))
            box = self.text.boundingRect()
            width = max(MARK_D + 8, box.width() + 10)
            path = QPainterPath()
            rect = QRectF(-width / 2, -MARK_D / 2 - 1, width, MARK_D + 2)
            path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            self.setPath(path)
            self.text.setPos(-box.width() / 2, -box.height() / 2)
        self.marks = marks
        self.setPos(x, y)
        self.setVisible(True)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.marks:
            self.view.zoom_to_range(self.marks[0].when, self.marks[-1].when)
            event.accept()
            return
        super().mousePressEvent(event)


class LegItem(QGraphicsRectItem):
    """A flight's bar between its best-estimate ends; dashed and faded where an end is
    unknown (a stub from the known end, never a guessed time)."""

    def __init__(self, bar: LegBar) -> None:
        super().__init__()
        self.bar = bar
        self.group: LegGroup | None = None
        self.faded = bar.start is None or bar.end is None
        self.set_current(False)
        dep = show_instant(bar.start, seconds=False) if bar.start else "?"
        arr = show_instant(bar.end, seconds=False) if bar.end else "?"
        self.setToolTip(QCoreApplication.translate("TimelineView", "flight {0} {1}\n{2} → {3}")
                        .format(bar.flight_id, bar.label, dep, arr))

    def set_current(self, current: bool) -> None:
        color = QColor(BAR)
        if self.faded:
            color.setAlpha(110)
        self.setBrush(QBrush(color))
        style = Qt.PenStyle.DashLine if self.faded else Qt.PenStyle.SolidLine
        self.setPen(QPen(QColor("#c0392b"), 2.5, style) if current
                    else QPen(BAR_LINE, 1, style))
        self.setZValue(3 if current else 2)


class LegGroup:
    """A flight's bar, caption, end bounds and coverage gaps, moved together on a new scale."""

    def __init__(self, scene: QGraphicsScene, bar: LegBar, y: float, ink: QBrush) -> None:
        self.bar, self.y = bar, y
        # Set by the view: extent and start in hours from its origin, the room before the
        # next bar of the lane (hours), the scale last placed at, and whether it is shown.
        self.first_h = self.last_h = self.start_h = 0.0
        self.room_h = 1e9
        self.placed_at = 0.0
        self.shown = False
        self.item = LegItem(bar)
        self.item.group = self
        self.item.setVisible(False)
        scene.addItem(self.item)
        self.caption = QGraphicsSimpleTextItem(bar.label)
        font = self.caption.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        self.caption.setFont(font)
        self.caption.setBrush(ink)
        self.caption.setZValue(6)
        self.caption.setVisible(False)
        scene.addItem(self.caption)
        self.caption_width = self.caption.boundingRect().width()
        self.spans: list[tuple[QGraphicsRectItem, datetime, datetime]] = []
        take_off = QCoreApplication.translate("TimelineView", "take-off")
        landing = QCoreApplication.translate("TimelineView", "landing")
        for end, what in ((bar.departure, take_off), (bar.arrival, landing)):
            if end is None or end.earliest is None or end.latest is None \
                    or end.earliest == end.latest:
                continue
            # The interval the evidence bounds this end to: drawn faded around the estimate.
            span = QGraphicsRectItem()
            span.setBrush(QBrush(QColor(47, 109, 181, 60)))
            span.setPen(QPen(BAR_LINE, 0.6, Qt.PenStyle.DashLine))
            span.setToolTip(QCoreApplication.translate(
                "TimelineView", "{0} between {1} and {2}").format(
                what, show_instant(end.earliest), show_instant(end.latest)))
            span.setZValue(4)
            span.setVisible(False)
            scene.addItem(span)
            self.spans.append((span, end.earliest, end.latest))
        self.gaps: list[tuple[QGraphicsRectItem, datetime, datetime]] = []
        for a, b in bar.gaps:
            gap = QGraphicsRectItem()
            gap.setBrush(QBrush(QColor("#c0392b"), Qt.BrushStyle.BDiagPattern))
            gap.setPen(QPen(QColor("#c0392b"), 0.8, Qt.PenStyle.DotLine))
            gap.setToolTip(QCoreApplication.translate(
                "TimelineView", "No reception from {0} to {1}").format(
                show_instant(a), show_instant(b)))
            gap.setZValue(5)
            gap.setVisible(False)
            scene.addItem(gap)
            self.gaps.append((gap, a, b))

    def ends(self) -> tuple[datetime, datetime]:
        start = self.bar.start or (self.bar.end - STUB)  # type: ignore[operator]
        end = self.bar.end or (self.bar.start + STUB)  # type: ignore[operator]
        return start, end

    def place(self, x_of: XOf, room: float) -> None:
        """Move to the scale `x_of`; `room` is how far the next bar of the lane starts."""
        start, end = self.ends()
        left = x_of(start)
        self.item.setRect(QRectF(left, self.y + 12, max(3.0, x_of(end) - left), ROW_H - 18))
        self.caption.setPos(left, self.y - 1)
        self.caption.setVisible(room >= self.caption_width + 4)
        self.item.setVisible(True)
        for span, a, b in self.spans:
            span.setRect(QRectF(x_of(a), self.y + 14, max(2.0, x_of(b) - x_of(a)), ROW_H - 22))
            span.setVisible(True)
        for gap, a, b in self.gaps:
            gap.setRect(QRectF(x_of(a), self.y + 10, max(2.0, x_of(b) - x_of(a)), ROW_H - 14))
            gap.setVisible(True)
        self.shown = True

    def hide(self) -> None:
        for item in (self.item, self.caption, *(s for s, _a, _b in self.spans),
                     *(g for g, _a, _b in self.gaps)):
            item.setVisible(False)
        self.shown = False
        self.placed_at = 0.0
