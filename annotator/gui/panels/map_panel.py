"""The Map dock (View → Map): the map of the case's photos and flights, a time slider that
shows only what began by the chosen instant, and the Routes dock beside it.

The map is read by the core (`maps.geometry.load_map`) through the job runner, only while the
dock is shown, and again when flights or photos change. Clicking a photo point selects the
photo in the browser (`session.select_photo`); selecting a photo elsewhere rings it on the map.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.maps.geometry import MapData, load_map
from annotator.gui.panels.map_view import MapView

SLIDER_STEPS = 1000
Index = QModelIndex | QPersistentModelIndex


class MapPanel(QWidget):
    """The map view with its time filter."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = MapView(self)
        self.data: MapData | None = None
        self.span: tuple[datetime, datetime] | None = None
        self._stale = True
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS)
        self.slider.setToolTip(self.tr("Show only the legs, tracks and photos that began by "
                                       "this time"))
        self.when = QLabel(self.tr("all times"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show everything on the map"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Until:")))
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.when)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.slider.valueChanged.connect(self._slider_moved)
        self.fit_button.clicked.connect(self.view.fit)
        self.view.photo_clicked.connect(session.select_photo)
        session.photo_selected.connect(self.view.set_current_photo)
        session.flights_changed.connect(self._changed)
        session.photos_changed.connect(self._changed)
        self.routes_model = RoutesModel(self)

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the map again (in a worker) and draw it."""
        self._stale = False
        case = self.session.case
        self.session.jobs.submit(lambda job: load_map(case), self.show_data)

    def show_data(self, data: MapData) -> None:
        self.data = data
        self.span = data.time_span()
        self.view.set_data(data)
        self.view.set_current_photo(self.session.current_photo_id)
        self.routes_model.set_rows(data.routes.to_json()["routes"] if data.routes else [])
        self._slider_moved(self.slider.value())

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

    def _slider_moved(self, _value: int) -> None:
        when = self.until()
        from annotator.gui.i18n.timefmt import show_instant

        self.when.setText(self.tr("all times") if when is None else show_instant(
            when, seconds=False))
        self.view.apply_filter(when)


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
