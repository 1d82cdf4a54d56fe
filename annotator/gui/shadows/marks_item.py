"""The Sun & shadows marks drawn over the photo: the ground rectangle's corners (numbered,
joined in order), the foot of the vertical object, the tip of its shadow, and the shadow as
an arrow labelled with its bearing once measured.

Points are displayed photo pixels (scene coordinates); pens and marks keep their screen size
at any zoom. The item only shows what the tool gives it; it never edits anything.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

GROUND = QColor(0, 200, 255)
FOOT = QColor(255, 220, 0)
TIP = QColor(255, 80, 60)


class ShadowMarksItem(QGraphicsItem):
    """Up to six points: corners 1–4, foot, tip (in that order)."""

    def __init__(self, bounds: QRectF) -> None:
        super().__init__()
        self._bounds = QRectF(bounds)
        self.points: list[QPointF] = []
        self.label: str | None = None
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_points(self, points: list[QPointF], label: str | None = None) -> None:
        self.points = list(points)
        self.label = label
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        margin = max(self._bounds.width(), self._bounds.height()) * 0.1
        return self._bounds.adjusted(-margin, -margin, margin, margin)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,  # noqa: N802
              widget: QWidget | None = None) -> None:
        scale = painter.worldTransform().m11() or 1.0
        r = 5.0 / scale  # five screen pixels whatever the zoom
        corners = self.points[:4]
        pen = QPen(GROUND, 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(corners) >= 2:
            line = QPolygonF(corners)
            if len(corners) == 4:
                painter.drawPolygon(line)
            else:
                painter.drawPolyline(line)
        font = QFont()
        font.setPointSizeF(max(1.0, 11.0 / scale))
        font.setBold(True)
        painter.setFont(font)
        for i, p in enumerate(corners):
            painter.drawEllipse(p, r, r)
            painter.drawText(p + QPointF(r * 1.4, -r * 1.4), str(i + 1))
        if len(self.points) >= 5:
            foot = self.points[4]
            pen = QPen(FOOT, 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawEllipse(foot, r, r)
            painter.drawText(foot + QPointF(r * 1.4, -r * 1.4), "F")
        if len(self.points) >= 6:
            foot, tip = self.points[4], self.points[5]
            pen = QPen(TIP, 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(foot, tip)
            angle = math.atan2(tip.y() - foot.y(), tip.x() - foot.x())
            for side in (2.6, -2.6):
                painter.drawLine(tip, tip + QPointF(math.cos(angle + side) * 3 * r,
                                                    math.sin(angle + side) * 3 * r))
            painter.drawLine(tip + QPointF(-r, -r), tip + QPointF(r, r))
            painter.drawLine(tip + QPointF(-r, r), tip + QPointF(r, -r))
            if self.label:
                painter.drawText(tip + QPointF(r * 1.6, r * 3), self.label)
