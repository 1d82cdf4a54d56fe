"""What the map draws over its geometry: the sun at the current photo (a ray toward its
azimuth, a fan over a capture interval, a label) and the altitude ramp's legend.

The sun's geometry comes from the core (`maps.sun_mark`); these only paint it in screen
pixels, so the ray keeps its length whatever the zoom.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from annotator.core.maps.colours import AltitudeScale
from annotator.core.maps.sun_mark import SunMark

RAY_PX = 80.0
SUN = "#f08c00"


class SunItem(QGraphicsItem):
    """Drawn at the photo's point, in pixels (it ignores the view's zoom)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(40)
        self.ray: QPointF | None = None  # the ray's end, pixels from the photo's point
        self.fan = QPainterPath()
        self.text = ""
        self.font = QFont()
        self.font.setBold(True)
        self._rect = QRectF()

    def set_mark(self, mark: SunMark, direction: Callable[[float, float, float], QPointF],
                 text: str) -> None:
        """`direction(lon, lat, azimuth)` is the view's unit vector for an azimuth."""
        self.prepareGeometryChange()
        self.text = text
        self.ray = None
        if mark.ray(1.0) is not None and mark.best is not None:
            self.ray = direction(mark.lon, mark.lat, mark.best.azimuth) * RAY_PX
        self.fan = QPainterPath()
        if mark.fan:
            self.fan.moveTo(0, 0)
            for azimuth in mark.fan:
                self.fan.lineTo(direction(mark.lon, mark.lat, azimuth) * RAY_PX)
            self.fan.closeSubpath()
        width = QFontMetricsF(self.font).horizontalAdvance(text) + 24
        self._rect = QRectF(-RAY_PX - 12, -RAY_PX - 12, 2 * RAY_PX + 24 + width,
                            2 * RAY_PX + 48)
        self.update()

    def ray_end(self) -> QPointF | None:
        return self.ray

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = QColor(SUN)
        if not self.fan.isEmpty():
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setBrush(QBrush(fill))
            painter.setPen(QPen(colour, 1.5))
            painter.drawPath(self.fan)
        end = QPointF(0, 0)
        if self.ray is not None:
            end = self.ray
            painter.setPen(QPen(colour, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(0, 0), end)
            painter.setBrush(QBrush(QColor("#ffd43b")))
            painter.setPen(QPen(colour, 2.0))
            painter.drawEllipse(end, 7.0, 7.0)
        elif not self.fan.isEmpty():
            end = self.fan.currentPosition()
        if self.text:
            painter.setFont(self.font)
            anchor = QPointF(end.x() + 10, end.y() + 20)
            path = QPainterPath()
            path.addText(anchor, self.font, self.text)
            painter.setPen(QPen(QColor("#ffffff"), 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)  # a white halo under the text
            painter.setPen(QPen(QColor("#5a3200")))
            painter.drawText(anchor, self.text)


class AltitudeLegend(QWidget):
    """The altitude ramp in the map's corner: a swatch per band, feet at the ends."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scale: AltitudeScale | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def set_scale(self, scale: AltitudeScale | None) -> None:
        self.scale = scale
        self.setVisible(scale is not None)
        self.update()

    def title(self) -> str:
        return self.tr("Track altitude (ft)")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(220, 54)

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.scale is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#9a9a9a"), 1))
        painter.setBrush(QColor(255, 255, 255, 220))
        painter.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 4, 4)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(8, 2, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, self.title())
        limits = self.scale.limits()
        w = (self.width() - 16) / len(limits)
        for i, (_low, _high, colour) in enumerate(limits):
            painter.fillRect(QRectF(8 + i * w, 22, w + 0.5, 10), QColor(colour))
        locale = self.locale()
        painter.drawText(QRectF(8, 34, 80, 16), Qt.AlignmentFlag.AlignLeft, "0")
        painter.drawText(QRectF(self.width() - 108, 34, 100, 16), Qt.AlignmentFlag.AlignRight,
                         locale.toString(float(self.scale.top), "f", 0))
        painter.end()
