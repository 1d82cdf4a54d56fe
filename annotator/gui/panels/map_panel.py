"""The Map dock (View → Map): the map of the case's photos and flights, a time slider that
shows only what began by the chosen instant (or, with "Follow timeline", only what falls in
the time the timeline shows), how tracks are coloured, and the Routes dock beside it.

The map is read by the core (`maps.geometry.load_map`) and projected and simplified
(`map_scene.prepare_map`) in a worker, only while the dock is shown, and again when flights
or photos change; the GUI thread only adds the prepared items. Selection is shared through
the session: clicking a photo point selects the photo in the browser, clicking a leg or a
track selects the flight in the flights table and the timeline, and what is selected there
is ringed or highlighted here. The current photo's sun (`maps.sun_mark`) is read in a worker
too and drawn at its point.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.maps.colours import ALTITUDE, FLIGHT, SINGLE
from annotator.core.maps.geometry import MapData, load_map
from annotator.core.maps.sun_mark import SunMark, photo_sun
from annotator.gui.background.workers import LatestOnly
from annotator.gui.panels.map_scene import PreparedMap, prepare_flights, prepare_map
from annotator.gui.panels.map_view import MapView

SLIDER_STEPS = 1000
Index = QModelIndex | QPersistentModelIndex


class MapPanel(QWidget):
    """The map view with its time filter and its colour choice."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = MapView(self)
        self.data: MapData | None = None
        self.span: tuple[datetime, datetime] | None = None
        self._stale = True
        self._loads = LatestOnly(session.reads)
        self._colouring = LatestOnly(session.reads)
        self._suns = LatestOnly(session.reads)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS)
        self.slider.setToolTip(self.tr("Show only the legs, tracks and photos that began by "
                                       "this time"))
        self.when = QLabel(self.tr("all times"))
        self.follow = QCheckBox(self.tr("Follow timeline"))
        self.follow.setToolTip(self.tr(
            "Show only the legs, track parts and photos inside the time the timeline shows "
            "(Flights → Flights and timeline)"))
        self.colour = QComboBox()
        for text, mode in ((self.tr("One colour"), SINGLE),
                           (self.tr("By altitude"), ALTITUDE),
                           (self.tr("By flight"), FLIGHT)):
            self.colour.addItem(text, mode)
        self.colour.setToolTip(self.tr("How the flight tracks are coloured"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show everything on the map"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Until:")))
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.when)
        bar.addWidget(self.follow)
        bar.addWidget(QLabel(self.tr("Tracks:")))
        bar.addWidget(self.colour)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.slider.valueChanged.connect(self._filter_changed)
        self.follow.toggled.connect(self._filter_changed)
        self.colour.currentIndexChanged.connect(self._colour_changed)
        self.fit_button.clicked.connect(self.view.fit)
        self.view.photo_clicked.connect(session.select_photo)
        self.view.flight_clicked.connect(session.select_flight)
        session.photo_selected.connect(self._photo_selected)
        session.photo_changed.connect(self._photo_changed)
        session.flight_selected.connect(self.view.set_selected_flight)
        session.timeline_range.connect(self._timeline_moved)
        session.flights_changed.connect(self._changed)
        session.photos_changed.connect(self._changed)
        self.routes_model = RoutesModel(self)

    def shutdown(self) -> None:
        """Drop the reads on their way and empty the scene (the panel's window is closing):
        nothing arrives later for a view that is gone."""
        self._stale = False
        for loads in (self._loads, self._colouring, self._suns):
            loads.cancel()
        self.view.clear()

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def colour_by(self) -> str:
        return str(self.colour.currentData() or SINGLE)

    def reload(self) -> None:
        """Read the map again and prepare its drawing (in a worker), then show it."""
        self._stale = False
        case, colour_by = self.session.case, self.colour_by()
        self._colouring.cancel()
        self._loads.load(lambda: prepare_map(load_map(case), colour_by), self.show_prepared)

    def show_data(self, data: MapData) -> None:
        """Draw `data` (prepared on this thread: for callers that already hold a map)."""
        self.show_prepared(prepare_map(data, self.colour_by()))

    def show_prepared(self, prepared: PreparedMap) -> None:
        data = prepared.data
        self.data = data
        self.span = data.time_span()
        self.view.current_photo = self.session.current_photo_id
        self.view.selected_flight = self.session.current_flight_id
        self.view.until, self.view.since = self.range()
        self.view.show_prepared(prepared)
        self.routes_model.set_rows(data.routes.to_json()["routes"] if data.routes else [])
        self._filter_changed()
        self._load_sun(self.session.current_photo_id)
        if prepared.flights.colour_by != self.colour_by():
            self._colour_changed()  # the choice changed while the map was being read

    def _colour_changed(self) -> None:
        """Colour the tracks another way: only the legs and tracks are prepared again."""
        data, prepared, colour_by = self.data, self.view.prepared, self.colour_by()
        if data is None or prepared is None:
            return
        plane = prepared.plane
        self._colouring.load(lambda: prepare_flights(data, plane, colour_by),
                             self.view.show_flights)

    # -- the current photo and its sun -----------------------------------------------------

    def _photo_selected(self, photo_id: object) -> None:
        self.view.set_current_photo(photo_id if isinstance(photo_id, int) else None)
        self._load_sun(photo_id)

    def _photo_changed(self, photo_id: int) -> None:
        if photo_id == self.session.current_photo_id:
            self._load_sun(photo_id)  # its claimed place or time may have changed

    def _load_sun(self, photo_id: object) -> None:
        self.view.set_sun(None)
        if not isinstance(photo_id, int) or not self.isVisible():
            self._suns.cancel()
            return
        case = self.session.case
        self._suns.load(lambda: photo_sun(case, photo_id), self._show_sun)

    def _show_sun(self, mark: SunMark | None) -> None:
        if mark is None or mark.photo_id == self.session.current_photo_id:
            self.view.set_sun(mark)

    # -- time filters ------------------------------------------------------------------

    def until(self) -> datetime | None:
        """The instant the slider stands for (None at its right end: no filter)."""
        if self.span is None or self.slider.value() >= SLIDER_STEPS:
            return None
        first, last = self.span
        return first + (last - first) * (self.slider.value() / SLIDER_STEPS)

    def set_until(self, when: datetime | None) -> None:
        """Move the slider to `when` (None: the end, everything shown)."""
        if when is None or self.span is None:
            self.slider.setValue(SLIDER_STEPS)
            return
        first, last = self.span
        total = (last - first).total_seconds() or 1.0
        f = (when - first).total_seconds() / total
        self.slider.setValue(max(0, min(SLIDER_STEPS, round(f * SLIDER_STEPS))))

    def range(self) -> tuple[datetime | None, datetime | None]:
        """(until, since) the map shows: the slider's instant, narrowed to the timeline's
        visible range when following it."""
        until, since = self.until(), None
        span = self.session.timeline_span
        if self.follow.isChecked() and span is not None:
            start, end = span
            since = start
            until = end if until is None else min(until, end)
        return until, since

    def _timeline_moved(self, _start: object, _end: object) -> None:
        if self.follow.isChecked():
            self._filter_changed()

    def _filter_changed(self, *_args: object) -> None:
        from annotator.gui.i18n.timefmt import show_instant

        until, since = self.range()
        if until is None and since is None:
            text = self.tr("all times")
        elif since is None:
            text = show_instant(until, seconds=False)
        else:
            text = self.tr("{0} to {1}").format(show_instant(since, seconds=False),
                                                 show_instant(until, seconds=False)
                                                 if until else "…")
        self.when.setText(text)
        self.view.apply_filter(until, since)


COLUMNS = ("route", "count", "first_utc", "last_utc", "flights", "photos")


class RoutesModel(QAbstractTableModel):
    """The routes table (`flights routes`' rows): route, count, first departure, last
    arrival, flight ids, photo ids."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Route"), self.tr("Flights"), self.tr("First departure"),
                self.tr("Last arrival"), self.tr("Flight ids"), self.tr("Photos"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "route":
            return f"{row['origin'] or '????'} → {row['destination'] or '????'}"
        if column in ("first_utc", "last_utc"):
            from annotator.gui.i18n.timefmt import show_instant

            return show_instant(row[column], seconds=False) if row[column] else "?"
        if column in ("flights", "photos"):
            return ", ".join(map(str, row[column]))
        return row[column]


class MonthsModel(QAbstractTableModel):
    """Legs per route and month: one row per route, one column per month from the first to
    the last, each cell the number of legs (blank for none), shaded by that number."""

    def __init__(self, routes: RoutesModel) -> None:
        super().__init__(routes)
        self.routes = routes
        self.months: list[str] = []
        self.most = 1
        routes.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        found = sorted({m for r in self.routes.rows for m in r.get("months", {})})
        self.months = []
        if found:
            year, month = map(int, found[0].split("-"))
            while f"{year:04d}-{month:02d}" <= found[-1]:
                self.months.append(f"{year:04d}-{month:02d}")
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        self.most = max((n for r in self.routes.rows for n in r.get("months", {}).values()),
                        default=1)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.routes.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1 + len(self.months)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.tr("Route") if section == 0 else self.months[section - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.routes.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row['origin'] or '????'} → {row['destination'] or '????'}"
            return None
        count = row.get("months", {}).get(self.months[index.column() - 1], 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return count or None
        if role == Qt.ItemDataRole.BackgroundRole and count:
            shade = QColor("#c4561b")
            shade.setAlphaF(0.15 + 0.6 * count / max(1, self.most))
            return shade
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class RoutesPanel(QWidget):
    """The Routes dock: the map's routes table, and legs per route and month."""

    def __init__(self, model: RoutesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.months = MonthsModel(model)
        self.months._reset()
        self.month_table = QTableView(self)
        self.month_table.setModel(self.months)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for table in (self.table, self.month_table):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Legs per month")))
        layout.addWidget(self.month_table, 1)
