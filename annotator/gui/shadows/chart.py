"""A chart of the sun's day (`core.shadows.DayChart`): elevation and azimuth against UTC time,
night shaded, the band the shadow puts the sun in, the windows when it stood there, and the
photo's EXIF and claimed times marked. Painted with QPainter; the report draws the same
value without Qt."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ELEVATION = QColor(52, 120, 220)
AZIMUTH = QColor(230, 126, 34)
WINDOW = QColor(46, 204, 113, 110)
NIGHT = QColor(0, 0, 0, 40)
EXIF = QColor(200, 30, 30)
CLAIMED = QColor(142, 68, 173)


class SunChart(QWidget):
    """Shows one `DayChart`, or a hint when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = None
        self.setMinimumSize(QSize(420, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_chart(self, chart) -> None:  # type: ignore[no-untyped-def]
        self.chart = chart
        self.update()

    # -- geometry ------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        return QRectF(44, 24, max(10, self.width() - 92), max(10, self.height() - 64))

    def _x(self, when: datetime) -> float:
        start, end = self._span()
        plot = self._plot()
        return plot.left() + plot.width() * (when - start) / (end - start)

    def _span(self) -> tuple[datetime, datetime]:
        path = self.chart.day.path
        return path[0][0], path[-1][0] + (path[1][0] - path[0][0])

    def _y_elevation(self, value: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * (max(-15.0, min(90.0, value)) + 15.0) / 105.0

    def _y_azimuth(self, value: float) -> float:
        plot = self._plot()
        value = value if 0.0 <= value <= 360.0 else value % 360.0
        return plot.bottom() - plot.height() * value / 360.0

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_pen = QPen(self.palette().text().color())
        if self.chart is None or len(self.chart.day.path) < 2:
            painter.setPen(text_pen)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Measure a shadow to see the sun's day."))
            return
        plot = self._plot()
        day = self.chart.day
        start, end = self._span()
        if day.sunrise is not None:
            painter.fillRect(QRectF(plot.left(), plot.top(), self._x(day.sunrise) - plot.left(),
                                    plot.height()), NIGHT)
        if day.sunset is not None:
            painter.fillRect(QRectF(self._x(day.sunset), plot.top(),
                                    plot.right() - self._x(day.sunset), plot.height()), NIGHT)
        for window in day.windows:  # at least 4 px wide, so a ten-minute window shows
            x0, x1 = self._x(window.start), self._x(window.end)
            middle, width = (x0 + x1) / 2, max(4.0, x1 - x0)
            painter.fillRect(QRectF(middle - width / 2, plot.top(), width, plot.height()),
                             WINDOW)
        band = day.band
        if band is not None:
            if band.elevation is not None:
                err = band.elevation_error or 0.0
                top, bottom = (self._y_elevation(band.elevation + err),
                               self._y_elevation(band.elevation - err))
                painter.fillRect(QRectF(plot.left(), top, plot.width(), max(1.5, bottom - top)),
                                 QColor(ELEVATION.red(), ELEVATION.green(), ELEVATION.blue(), 50))
            if band.azimuth_error < 180:
                top = self._y_azimuth(band.azimuth + band.azimuth_error)
                bottom = self._y_azimuth(band.azimuth - band.azimuth_error)
                if top <= bottom:  # not split across north
                    painter.fillRect(QRectF(plot.left(), top, plot.width(),
                                            max(1.5, bottom - top)),
                                     QColor(AZIMUTH.red(), AZIMUTH.green(), AZIMUTH.blue(), 50))
        self._axes(painter, text_pen, plot, start, end)
        self._curves(painter)
        self._marks(painter, plot)

    def _axes(self, painter: QPainter, text_pen: QPen, plot: QRectF, start: datetime,
              end: datetime) -> None:
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(plot)
        painter.drawLine(QPointF(plot.left(), self._y_elevation(0)),
                         QPointF(plot.right(), self._y_elevation(0)))
        painter.setPen(text_pen)
        hours = int((end - start).total_seconds() // 3600)
        for h in range(0, hours + 1, 3):
            x = plot.left() + plot.width() * h / max(1, hours)
            label = (start + (end - start) * (h / max(1, hours))).strftime("%H:%M")
            painter.drawText(QRectF(x - 24, plot.bottom() + 2, 48, 16),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.drawText(QRectF(plot.left(), plot.bottom() + 18, plot.width(), 16),
                         Qt.AlignmentFlag.AlignCenter, self.tr("UTC"))
        for value in (0, 30, 60, 90):
            y = self._y_elevation(value)
            painter.setPen(QPen(ELEVATION))
            painter.drawText(QRectF(0, y - 8, plot.left() - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{value}°")
        for value in (0, 90, 180, 270, 360):
            y = self._y_azimuth(value)
            painter.setPen(QPen(AZIMUTH))
            painter.drawText(QRectF(plot.right() + 4, y - 8, 44, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{value}°")
        painter.setPen(QPen(ELEVATION))
        painter.drawText(QRectF(plot.left(), 2, plot.width() / 2, 18),
                         Qt.AlignmentFlag.AlignLeft, self.tr("elevation"))
        painter.setPen(QPen(AZIMUTH))
        painter.drawText(QRectF(plot.center().x(), 2, plot.width() / 2, 18),
                         Qt.AlignmentFlag.AlignRight, self.tr("azimuth"))
        painter.setPen(QPen(WINDOW.darker(160)))
        painter.drawText(QRectF(plot.left(), 2, plot.width(), 18), Qt.AlignmentFlag.AlignHCenter,
                         self.tr("green: when the sun stood where the shadow says"))

    def _curves(self, painter: QPainter) -> None:
        path = self.chart.day.path
        for color, y_of, value_of in (
                (ELEVATION, self._y_elevation, lambda s: s.elevation),
                (AZIMUTH, self._y_azimuth, lambda s: s.azimuth)):
            curve = QPainterPath()
            previous = None
            for when, sun in path:
                value = value_of(sun)
                point = QPointF(self._x(when), y_of(value))
                if previous is None or abs(value - previous) > 180:  # azimuth through north
                    curve.moveTo(point)
                else:
                    curve.lineTo(point)
                previous = value
            pen = QPen(color, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(curve)

    def _marks(self, painter: QPainter, plot: QRectF) -> None:
        start, end = self._span()
        for when, color, label in ((self.chart.capture_utc, EXIF, self.tr("EXIF")),
                                   (self.chart.claimed_utc, CLAIMED, self.tr("claimed"))):
            if when is None or not (start <= when <= end):
                continue
            x = self._x(when)
            pen = QPen(color, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawText(QRectF(x + 3, plot.top() + 2, 80, 16), Qt.AlignmentFlag.AlignLeft,
                             label)
