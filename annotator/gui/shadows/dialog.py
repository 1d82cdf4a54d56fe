"""The Sun & shadows tool: the investigator clicks four ground corners, the foot of a vertical
object and the tip of its shadow on the canvas (a loupe follows the pointer), types the
rectangle's size and bearing and the object's height (or picks an aircraft type), and sees
the sun's azimuth and elevation with their errors, the windows of the day when it stood
there, and a chart of the day. "Save on the photo" is one undo command.

The dialog gathers input and shows; the measurement is the core's (`core.shadows`), run in
a worker; what is saved goes through `undo.shadow_commands.SetShadowCommand`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.reference import aircraft_types, find_aircraft_height
from annotator.core.shadows import (
    DEFAULT_PIXEL_ERROR,
    ShadowMarks,
    get_shadow,
    measure_photo_shadow,
    measured_day_chart,
)
from annotator.gui.i18n.core_text import number
from annotator.gui.shadows.chart import SunChart
from annotator.gui.shadows.marks_item import ShadowMarksItem
from annotator.gui.theme import error_style
from annotator.gui.undo import SetShadowCommand

LOUPE_ZOOM = 4.0


class Loupe(QGraphicsView):
    """The canvas's scene, magnified around the pointer, with a cross-hair at its centre."""

    def __init__(self, scene: Any, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setFixedSize(180, 180)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.scale(LOUPE_ZOOM, LOUPE_ZOOM)

    def show_at(self, point: QPointF) -> None:
        self.centerOn(point)

    def drawForeground(self, painter: QPainter, rect: Any) -> None:  # noqa: N802 - Qt's name
        centre = self.mapToScene(self.viewport().rect().center())
        pen = QPen(QColor(255, 255, 255), 1)
        pen.setCosmetic(True)
        painter.setPen(pen)
        arm = 12 / LOUPE_ZOOM
        painter.drawLine(centre - QPointF(arm, 0), centre + QPointF(arm, 0))
        painter.drawLine(centre - QPointF(0, arm), centre + QPointF(0, arm))


class ShadowDialog(QDialog):
    """Non-modal beside the main window; works on the photo the session shows."""

    def __init__(self, session: Any, canvas: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.canvas = canvas
        self.photo_id: int | None = None
        self.points: list[tuple[float, float]] = []
        self.item: ShadowMarksItem | None = None
        self.stored: Any = None
        self.result: Any = None
        self.height_source: str | None = None
        self.height_error = 0.0
        self._filling = False
        self._request = 0  # the latest measurement asked for; older answers are dropped
        self.setWindowTitle(self.tr("Sun and shadows"))
        self.setObjectName("ShadowDialog")

        self.instruction = QLabel()
        self.instruction.setWordWrap(True)
        self.loupe = Loupe(canvas.scene(), self)

        self.length = self._spin(0.0, 100000.0, 2, self.tr(" m"))
        self.width_ = self._spin(0.0, 100000.0, 2, self.tr(" m"))
        self.bearing = self._spin(0.0, 360.0, 1, "°")
        self.bearing.setWrapping(True)
        self.height = self._spin(0.0, 1000.0, 2, self.tr(" m"))
        self.height.setSpecialValueText(self.tr("unknown"))
        self.height.valueChanged.connect(self._height_typed)
        self.aircraft = QComboBox()
        self.aircraft.addItem(self.tr("(none)"), None)
        for name in aircraft_types():
            self.aircraft.addItem(name, name)
        self.aircraft.currentIndexChanged.connect(self._aircraft_chosen)
        self.pixel_error = self._spin(0.1, 50.0, 1, self.tr(" px"))
        self.pixel_error.setValue(DEFAULT_PIXEL_ERROR)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("the photo's own (GPS, claim); or ICAO, lat,lon"))
        self.day = QLineEdit()
        self.day.setPlaceholderText(self.tr("the capture's date; or 2023-10-27"))

        form = QFormLayout()
        form.addRow(self.tr("Side 1→2 length"), self.length)
        form.addRow(self.tr("Side 2→3 length"), self.width_)
        form.addRow(self.tr("Bearing of side 1→2 (true)"), self.bearing)
        form.addRow(self.tr("Object height"), self.height)
        form.addRow(self.tr("…or aircraft type"), self.aircraft)
        form.addRow(self.tr("Marking precision"), self.pixel_error)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Date"), self.day)

        self.restart_button = QPushButton(self.tr("Mark again"))
        self.restart_button.clicked.connect(self.restart_marking)
        self.measure_button = QPushButton(self.tr("Measure"))
        self.measure_button.clicked.connect(self.measure)
        self.save_button = QPushButton(self.tr("Save on the photo"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("Remove the saved measurement"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.restart_button, self.measure_button, self.save_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style(self))
        self.error_label.hide()
        self.chart = SunChart()

        top = QHBoxLayout()
        top.addWidget(self.loupe, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(form, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.instruction)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.chart, 1)
        self.resize(640, 760)

        session.photo_selected.connect(self._photo_selected)
        session.photo_changed.connect(self._photo_changed)

    @staticmethod
    def _spin(low: float, high: float, decimals: int, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(decimals)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        return spin

    # -- the photo ------------------------------------------------------------------------

    def start(self) -> None:
        """Show the tool on the session's photo: its saved measurement, or start marking."""
        self.show()
        self.raise_()
        self._photo_selected(self.session.current_photo_id)

    def _photo_selected(self, photo_id: int | None) -> None:
        self.item = None  # the canvas cleared its scene: the old item is gone with it
        self._request += 1
        self.photo_id = photo_id
        if not self.isVisible():
            return
        self._load_stored()

    def _photo_changed(self, photo_id: int) -> None:
        """The photo's records changed (a save, an undo): show the saved measurement, unless
        the investigator is half-way through marking new points."""
        marking = self.canvas.picking_points() and bool(self.points)
        if photo_id == self.photo_id and self.isVisible() and not marking:
            self._load_stored()

    def _load_stored(self) -> None:
        self.result = None
        self.chart.set_chart(None)
        self.result_label.clear()
        self._show_error(None)
        if self.photo_id is None:
            self.points = []
            self._stop_picking()
            self.instruction.setText(self.tr("Select a photo to measure a shadow on it."))
            self._update_buttons()
            return
        with self.session.case.reading() as s:
            self.stored = get_shadow(s, self.photo_id)
        if self.stored is None:
            self.restart_marking()
            return
        self._fill(self.stored.marks, self.stored.place, self.stored.day)
        self._stop_picking()
        self._draw()
        self.measure()

    def _fill(self, marks: ShadowMarks, place: str | None, day: str | None) -> None:
        self._filling = True
        try:
            self.points = [*marks.ground, marks.foot, marks.tip]
            self.length.setValue(marks.ground_size[0])
            self.width_.setValue(marks.ground_size[1])
            self.bearing.setValue(marks.ground_bearing)
            self.height.setValue(marks.height or 0.0)
            self.height_source, self.height_error = marks.height_source, marks.height_error
            self.aircraft.setCurrentIndex(0)
            for i in range(1, self.aircraft.count()):  # a height from the table: its type
                if (marks.height_source or "").startswith(f"{self.aircraft.itemData(i)}:"):
                    self.aircraft.setCurrentIndex(i)
            self.pixel_error.setValue(marks.pixel_error)
            self.place.setText(place or "")
            self.day.setText(day or "")
        finally:
            self._filling = False

    # -- marking --------------------------------------------------------------------------

    def restart_marking(self) -> None:
        self._request += 1  # a measurement still running is for the old marks
        self.points = []
        self.result = None
        self.chart.set_chart(None)
        self.result_label.clear()
        self._show_error(None)
        if self.photo_id is not None:
            self.canvas.set_point_picker(self._clicked, self._moved)
        self._draw()

    def _stop_picking(self) -> None:
        if self.canvas.picking_points():
            self.canvas.set_point_picker(None)

    def _clicked(self, point: QPointF) -> None:
        if len(self.points) >= 6:
            return
        self.points.append((round(point.x(), 1), round(point.y(), 1)))
        self.loupe.show_at(point)
        if len(self.points) == 6:
            self._stop_picking()
        self._draw()
        if len(self.points) == 6 and self._sizes_given():
            self.measure()

    def _moved(self, point: QPointF) -> None:
        self.loupe.show_at(point)

    def _instruction(self) -> str:
        steps = [
            self.tr("Click ground corner 1 of a rectangle lying on the ground (side 1→2 is the "
                    "one whose bearing you type)."),
            self.tr("Click ground corner 2."),
            self.tr("Click ground corner 3."),
            self.tr("Click ground corner 4."),
            self.tr("Click the foot of the vertical object: the point on the ground straight "
                    "below its top (below the fin tip for an aircraft)."),
            self.tr("Click the tip of its shadow."),
        ]
        if len(self.points) < 6:
            return steps[len(self.points)]
        if self.stored is not None and self.points == [*self.stored.marks.ground,
                                                       self.stored.marks.foot,
                                                       self.stored.marks.tip]:
            return self.tr("The measurement saved on this photo. Change a value and Measure, "
                           "or Mark again to start over.")
        return self.tr("All six points are marked: type the sizes, then Measure. "
                       "Mark again to start over.")

    def _draw(self) -> None:
        self.instruction.setText(self._instruction())
        canvas_item = getattr(self.canvas, "photo_item", None)
        if canvas_item is None:
            self._update_buttons()
            return
        if self.item is None or self.item.scene() is not self.canvas.scene():
            self.item = ShadowMarksItem(canvas_item.boundingRect())
            self.canvas.scene().addItem(self.item)
        label = (self.tr("shadow {0}°").format(number(self.result.measurement.bearing, 1))
                 if self.result is not None else None)
        self.item.set_points([QPointF(x, y) for x, y in self.points], label)
        self._update_buttons()

    def _update_buttons(self) -> None:
        complete = len(self.points) == 6 and self.photo_id is not None
        writable = not getattr(self.session.case, "read_only", False)
        self.measure_button.setEnabled(complete)
        self.save_button.setEnabled(complete and self.result is not None and writable)
        self.remove_button.setEnabled(self.stored is not None and writable)

    # -- height ---------------------------------------------------------------------------

    def _height_typed(self, _value: float) -> None:
        if self._filling:
            return
        self.height_source, self.height_error = "typed", 0.0
        self._filling = True
        self.aircraft.setCurrentIndex(0)
        self._filling = False

    def _aircraft_chosen(self, _index: int) -> None:
        if self._filling:
            return
        name = self.aircraft.currentData()
        entry = find_aircraft_height(name) if name else None
        if entry is None:
            return
        self._filling = True
        self.height.setValue(entry.height_m)
        self._filling = False
        self.height_source, self.height_error = entry.label, entry.height_error_m

    # -- measuring and saving -------------------------------------------------------------

    def _sizes_given(self) -> bool:
        return self.length.value() > 0 and self.width_.value() > 0

    def marks(self) -> ShadowMarks:
        g = self.points
        height = self.height.value() or None
        return ShadowMarks(ground=(g[0], g[1], g[2], g[3]),
                           ground_size=(self.length.value(), self.width_.value()),
                           ground_bearing=self.bearing.value(), foot=g[4], tip=g[5],
                           height=height, height_source=self.height_source if height else None,
                           height_error=self.height_error if height else 0.0,
                           pixel_error=self.pixel_error.value())

    def measure(self) -> None:
        if len(self.points) != 6 or self.photo_id is None:
            return
        if not self._sizes_given():
            self._show_error(self.tr("Type the rectangle's two side lengths first."))
            return
        self._show_error(None)
        case, photo_id, marks = self.session.case, self.photo_id, self.marks()
        place, day = self.place.text().strip() or None, self.day.text().strip() or None

        self._request += 1
        request = self._request

        def work(_job: Any) -> Any:
            result = measure_photo_shadow(case, photo_id, marks, place=place, day=day)
            return request, result, measured_day_chart(case, photo_id, result)

        self.session.jobs.submit(work, self._measured,
                                 lambda message: self._failed(message, request))

    def _measured(self, payload: Any) -> None:
        request, result, chart = payload
        if request != self._request:
            return  # the marks, the photo or the values changed since it was asked for
        self.result = result
        self.result_label.setText(self._describe(result))
        self.chart.set_chart(chart)
        self._draw()

    def _failed(self, message: str, request: int | None = None) -> None:
        if request is not None and request != self._request:
            return
        self.result = None
        self.result_label.clear()
        self.chart.set_chart(None)
        self._show_error(message)
        self._draw()

    def _show_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def _describe(self, result: Any) -> str:
        m = result.measurement
        lines = [self.tr("Shadow: bearing {0}° true, {1} m on the ground").format(
            number(m.bearing, 1), number(m.length_m, 2))]
        sun = self.tr("Sun: azimuth {0}° ± {1}°").format(number(m.azimuth, 1),
                                                         number(m.azimuth_error, 1))
        if m.elevation is not None:
            sun += self.tr(", elevation {0}° ± {1}°").format(number(m.elevation, 1),
                                                             number(m.elevation_error or 0, 1))
        else:
            sun += self.tr(", elevation unknown (no height)")
        lines.append(sun)
        windows = ", ".join(f"{w.start:%H:%M:%S}–{w.end:%H:%M:%S}" for w in result.windows)
        lines.append(self.tr("At {0} on {1}, the sun stood there (UTC): {2}").format(
            result.place.label, result.day.isoformat(), windows or self.tr("never")))
        if result.check is not None:
            verdict = (self.tr("consistent with the capture time")
                       if result.check.consistent
                       else self.tr("the capture time falls outside every window"))
            lines.append(self.tr("Capture {0}: sun {1}° away; {2}").format(
                f"{result.check.capture_utc:%Y-%m-%d %H:%M:%S} UTC",
                number(result.check.difference_deg, 1), verdict))
        lines.append(self.tr("Errors are 95 %, from the marking precision."))
        return "\n".join(lines)

    def save(self) -> None:
        if self.photo_id is None or self.result is None:
            return
        after = {"marks": self.marks().to_json(), "place": self.place.text().strip() or None,
                 "day": self.day.text().strip() or None}
        before = self.stored.values() if self.stored is not None else None
        version = self.stored.version if self.stored is not None else 0
        command = SetShadowCommand(self.session, self.photo_id, before, after, version=version)
        photo_id = self.photo_id

        def done() -> None:  # the save runs on the session's writer: said once it is stored
            if not command.failed and photo_id == self.photo_id:
                with self.session.case.reading() as s:
                    self.stored = get_shadow(s, photo_id)
                self.session.status_message.emit(
                    self.tr("Shadow measurement saved on the photo."))
            self._update_buttons()

        command.when_done(done)
        self.session.undo_stack.push(command)
        self._update_buttons()

    def remove(self) -> None:
        if self.photo_id is None or self.stored is None:
            return
        command = SetShadowCommand(self.session, self.photo_id, self.stored.values(), None,
                                   version=self.stored.version)
        photo_id = self.photo_id

        def done() -> None:
            if not command.failed and photo_id == self.photo_id:
                self.stored = None
            self._update_buttons()

        command.when_done(done)
        self.session.undo_stack.push(command)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        """Closed or hidden: the canvas gets its clicks back and the marks go."""
        self._stop_picking()
        if self.item is not None and self.item.scene() is not None:
            self.item.scene().removeItem(self.item)
        self.item = None
        super().hideEvent(event)
