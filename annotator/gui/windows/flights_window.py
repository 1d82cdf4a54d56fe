"""The Flights window: the case's flights in a sortable, filterable table, add/edit through a
validating dialog, file import with a progress bar, and the timeline underneath.

Every change goes through a QUndoCommand on the case's one undo stack (Ctrl+Z here undoes
the same history as in the main window).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.dialogs.flight_edit import FlightEditDialog
from annotator.gui.i18n.timefmt import show_instant
from annotator.gui.theme import error_colour
from annotator.gui.undo.flight_commands import (
    AddFlightsCommand,
    DeleteFlightsCommand,
    EditFlightCommand,
)
from annotator.gui.windows.timeline import TimelineView

Index = QModelIndex | QPersistentModelIndex
FORMATS = ("auto", "csv", "readsb", "fr24", "kml", "opensky", "opensky-states")


def _cell(row: dict[str, Any], key: str) -> Any:
    if key == "source":
        return row["source"]["kind"]
    if key == "grade":
        return row["source"]["grade"]
    if key in ("departure_utc", "arrival_utc"):
        value = show_instant(row[key], seconds=False) if row[key] else None
        estimated = row[key.replace("_utc", "_estimated")]
        return f"{value} (est.)" if value and estimated else value
    return row.get(key)


def _bounds_text(row: dict[str, Any], key: str) -> str | None:
    """"Known to lie between … and …" for a time the evidence bounds to an interval."""
    bounds = row.get(key.replace("_utc", "_bounds"))
    if not bounds or bounds[0] == bounds[1]:
        return None
    earliest, latest = bounds
    if earliest and latest:
        return QCoreApplication.translate("FlightTableModel", "between {0} and {1}").format(
            show_instant(earliest), show_instant(latest))
    if latest:
        return QCoreApplication.translate("FlightTableModel", "before {0}").format(
            show_instant(latest))
    return QCoreApplication.translate("FlightTableModel", "after {0}").format(
        show_instant(earliest))


class FlightTableModel(QAbstractTableModel):
    """The `flights list --json` rows as a table; the sort role gives raw values."""

    COLUMNS = ("id", "registration", "icao24", "callsign", "origin", "departure_utc",
               "destination", "arrival_utc", "source", "grade", "notes")

    def __init__(self, session: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.headers = {
            "id": self.tr("ID"), "registration": self.tr("Registration"),
            "icao24": self.tr("ICAO"), "callsign": self.tr("Callsign"),
            "origin": self.tr("From"), "departure_utc": self.tr("Departure"),
            "destination": self.tr("To"), "arrival_utc": self.tr("Arrival"),
            "source": self.tr("Source"), "grade": self.tr("Grade"), "notes": self.tr("Notes"),
        }
        self.reload()

    def reload(self) -> None:
        from annotator.core.flights.records import flights_json

        self.beginResetModel()
        with self.session.case.reading() as s:
            self.rows = flights_json(s)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = _cell(row, key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            value = _cell(row, key)
            return value if value is not None else ""
        problems = row.get("problems") or []
        overlaps = [p for p in problems if p.startswith("overlaps flight")]
        marked = problems if key in ("registration", "icao24") else (
            overlaps if key in ("departure_utc", "arrival_utc") else [])
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("departure_utc", "arrival_utc"):
                return "\n".join(filter(None, [_bounds_text(row, key), *marked])) or None
            if marked:
                return "\n".join(marked)
            if key == "notes":
                return row.get("notes")
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return QBrush(error_colour())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[self.COLUMNS[section]]
        return None

    def flight_at(self, row: int) -> dict[str, Any]:
        return self.rows[row]


class FlightsWindow(QMainWindow):
    """Flights of the open case, with their timeline."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("FlightsWindow")
        self.setWindowTitle(self.tr("Flights — {0}").format(session.case.name))
        self.model = FlightTableModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.model.modelReset.connect(self.table.resizeColumnsToContents)
        self.table.resizeColumnsToContents()

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: registration, airport, callsign…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add_flight)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.format.setToolTip(self.tr("File format (auto: tell from the content)"))
        self.import_registration = QLineEdit()
        self.import_registration.setPlaceholderText(self.tr("registration for the file"))
        self.import_registration.setToolTip(self.tr(
            "The aircraft's registration, for files that do not name it (KML tracks)"))
        self.import_registration.setMaximumWidth(170)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.choose_import)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        for widget in (self.add_button, self.edit_button, self.delete_button, self.format,
                       self.import_registration, self.import_button):
            bar.addWidget(widget)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.progress)
        top_layout.addWidget(self.message)
        self.timeline = TimelineView(session)
        # One selected flight for the whole window and the map: through the session.
        self.timeline.flight_clicked.connect(session.select_flight)
        self.table.selectionModel().selectionChanged.connect(self._flight_selected)
        session.flight_selected.connect(self._show_selected_flight)
        timeline_bar = QHBoxLayout()
        timeline_bar.setContentsMargins(4, 0, 4, 0)
        for action in (self.timeline.fit_action, self.timeline.selection_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            timeline_bar.addWidget(button)
        hint = QLabel(self.tr("Wheel: zoom time · drag: pan · Shift+wheel: scroll rows"))
        hint.setEnabled(False)  # drawn as secondary text
        timeline_bar.addWidget(hint, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(2)
        bottom_layout.addLayout(timeline_bar)
        bottom_layout.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([380, 260])
        self.setCentralWidget(split)
        undo = session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        session.flights_changed.connect(self.model.reload)
        session.status_message.connect(self._status)
        self.resize(1200, 720)
        self._placed = False
        from annotator.gui.read_only import apply_to_flights_window

        apply_to_flights_window(self)  # a read-only case: add, edit, delete, import off

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """On first show, keep the window inside the screen's available area (it ran off
        the bottom of a 1000 px screen, under the task bar)."""
        if not self._placed:
            self._placed = True
            screen = (self.parentWidget() or self).screen()
            if screen is not None:
                area = screen.availableGeometry()
                frame = self.frameGeometry().size() - self.geometry().size()
                width = min(self.width(), area.width() - frame.width())
                height = min(self.height(), area.height() - frame.height())
                self.resize(width, height)
                x = min(max(self.x(), area.x()), area.x() + area.width() - width - frame.width())
                y = min(max(self.y(), area.y()),
                        area.y() + area.height() - height - frame.height())
                self.move(x, y)
        super().showEvent(event)

    def _status(self, text: str) -> None:
        if self.isVisible():
            self.message.setText(text)

    # -- table ---------------------------------------------------------------------------

    def selected_flight(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.flight_at(self.proxy.mapToSource(rows[0]).row())

    def _flight_selected(self, *_args: Any) -> None:
        flight = self.selected_flight()
        flight_id = flight["id"] if flight else None
        self.timeline.set_selected_flight(flight_id)
        if flight_id is not None:
            self.session.select_flight(flight_id)

    def select_flight(self, flight_id: int) -> None:
        """Select the flight here and everywhere else (map, timeline)."""
        self.session.select_flight(flight_id)
        self._show_selected_flight(flight_id)

    def _show_selected_flight(self, flight_id: object) -> None:
        """The flight selected elsewhere (the map, the timeline): its row, its bar."""
        self.timeline.set_selected_flight(flight_id if isinstance(flight_id, int) else None)
        current = self.selected_flight()
        if current is not None and current["id"] == flight_id:
            return
        for row, flight in enumerate(self.model.rows):
            if flight["id"] == flight_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():  # a row hidden by the filter stays hidden
                    self.table.selectRow(index.row())
                    self.table.scrollTo(index)
                return

    # -- add / edit ----------------------------------------------------------------------

    def make_dialog(self, initial: dict[str, Any] | None = None) -> FlightEditDialog:
        """The dialog (a method so tests can drive the same dialog the buttons open)."""
        return FlightEditDialog(initial, self)

    def add_flight(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.push_add(dialog)

    def push_add(self, dialog: FlightEditDialog) -> None:
        assert dialog.draft is not None
        self.session.undo_stack.push(AddFlightsCommand(self.session, [dialog.draft],
                                                       self.tr("Add flight")))

    def edit_selected(self) -> None:
        flight = self.selected_flight()
        if flight is None:
            self.message.setText(self.tr("Select a flight to edit."))
            return
        dialog = self.make_dialog(flight)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.push_edit(flight["id"], dialog)

    def push_edit(self, flight_id: int, dialog: FlightEditDialog) -> None:
        changes = dialog.changes()
        if changes:
            self.session.undo_stack.push(EditFlightCommand(
                self.session, flight_id, changes, version=dialog.initial.get("version")))

    def delete_selected(self) -> None:
        flight = self.selected_flight()
        if flight is None:
            self.message.setText(self.tr("Select a flight to delete."))
            return
        self.session.undo_stack.push(DeleteFlightsCommand(self.session, [flight["id"]]))

    # -- import --------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import flights"), "",
            self.tr("Flight files (*.json *.gz *.csv *.kml);;All files (*)"))
        if path:
            self.import_file(Path(path), self.format.currentText())

    def import_file(self, path: Path, fmt: str = "auto") -> None:
        """Import off the GUI thread; on success push one undoable command for the batch."""
        from annotator.core.flights.importers import ImportOverrides, import_file

        case = self.session.case
        overrides = ImportOverrides(registration=self.import_registration.text().strip() or None)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Importing {0}…").format(path.name))

        def work(job: Any) -> Any:
            return import_file(case, path, fmt, overrides,
                               progress=lambda d, t: job.report(d, t))

        self.session.jobs.submit(work, self._imported, self._import_failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, report: Any) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        command = AddFlightsCommand(
            self.session, [], self.tr("Import {0}").format(report.source.name),
            flight_ids=report.flight_ids)
        self.session.undo_stack.push(command)
        self.message.setText(self.tr("Imported {0} flight(s) from {1} ({2}).").format(
            len(report.flight_ids), report.source.name, report.format))

    def _import_failed(self, text: str) -> None:
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("Not imported: {0}").format(text))
