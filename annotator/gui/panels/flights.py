"""The Flights panel: the selected photo's linked flights and the suggested ones.

A linked flight chosen in the list is the selected flight everywhere (`session.select_flight`:
the map, the flights table, the timeline), and a flight selected elsewhere is highlighted in
the list when the photo is linked to it.

Suggestions come from the core (`suggest_for_photo`), computed through the job runner so a
case with many flights never blocks the window; each has a Link button (one click, one
undoable command). The status line says, as Picard does, when the best two are too close
(`ambiguous`) or the best is too weak.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.flights.suggest import suggestions_for
from annotator.gui.read_only import widgets_off
from annotator.gui.undo.flight_commands import LinkCommand, UnlinkCommand

RELATION_TEXT = {
    "before_departure": QT_TRANSLATE_NOOP("FlightsPanel", "before departure"),
    "after_arrival": QT_TRANSLATE_NOOP("FlightsPanel", "after arrival"),
    "in_flight": QT_TRANSLATE_NOOP("FlightsPanel", "in flight"),
    "unknown": QT_TRANSLATE_NOOP("FlightsPanel", "unknown"),
}
# What a narrow column shows; the full text is the cell's tooltip.
RELATION_SHORT = {
    "before_departure": QT_TRANSLATE_NOOP("FlightsPanel", "before dep."),
    "after_arrival": QT_TRANSLATE_NOOP("FlightsPanel", "after arr."),
    "in_flight": QT_TRANSLATE_NOOP("FlightsPanel", "in flight"),
    "unknown": QT_TRANSLATE_NOOP("FlightsPanel", "unknown"),
}


def relation_text(relation: str, *, short: bool = False) -> str:
    """The relation as the investigator reads it, translated (`short`: for a column)."""
    texts = RELATION_SHORT if short else RELATION_TEXT
    return QCoreApplication.translate("FlightsPanel", texts.get(relation, relation))


def _fit_columns(tree: QTreeWidget, stretch: int) -> None:
    """Every column as wide as its content but `stretch`, which takes the rest (its text
    cut with "…", whole in the tooltip): nothing ever needs a sideways scroll."""
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)


def _short_time(value: str | None) -> str:
    from annotator.gui.i18n.timefmt import show_instant

    return show_instant(value, seconds=False) if value else "?"


def _flight_text(f: dict[str, Any]) -> str:
    return (f"#{f['id']} {f['registration'] or '?'}  {f['origin'] or '????'}→"
            f"{f['destination'] or '????'}  {_short_time(f['departure_utc'])} – "
            f"{_short_time(f['arrival_utc'])}")


class FlightsPanel(QWidget):
    """Linked flights and suggestions for the photo selected in the session."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.photo_id: int | None = None
        self.suggestions: list[dict[str, Any]] = []
        self.status = ""
        self._request = 0
        self.linked = QTreeWidget()
        # The examiner's note is a sentence: a column would cut it at the dock's edge, so it
        # is shown whole, wrapped, under the list for the link selected (issue 15).
        self.linked.setHeaderLabels([self.tr("Linked flight"), self.tr("Relation")])
        self.linked.setRootIsDecorated(False)
        _fit_columns(self.linked, 0)
        self.link_note = QLabel()
        self.link_note.setObjectName("link_note")
        self.link_note.setWordWrap(True)
        self.link_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.linked.currentItemChanged.connect(self._show_note)
        # Filling the list (a new photo) or following the shared selection is not the
        # investigator choosing a flight: only their clicks and keys select it elsewhere.
        self._following = False
        self.linked.itemSelectionChanged.connect(self._linked_chosen)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.status_label = QLabel()
        self.status_label.setObjectName("suggest_status")
        self.status_label.setWordWrap(True)
        self.suggested = QTreeWidget()
        # The Link button first, so it is never off the right edge of a narrow dock.
        self.suggested.setHeaderLabels(["", self.tr("Score"), self.tr("Flight"),
                                        self.tr("Relation")])
        self.suggested.setRootIsDecorated(False)
        _fit_columns(self.suggested, 2)
        self.link_buttons: list[QPushButton] = []
        self.why = QLabel()
        self.why.setObjectName("why")
        self.why.setWordWrap(True)
        self.suggested.currentItemChanged.connect(self._show_why)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Linked flights")), 1)
        row.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        # A photo has one or two linked flights: three rows' height, the rest for suggestions.
        rows = self.linked.fontMetrics().height() + 6
        self.linked.setMaximumHeight(self.linked.header().sizeHint().height() + 3 * rows + 6)
        layout.addWidget(self.linked)
        layout.addWidget(self.link_note)
        layout.addWidget(QLabel(self.tr("Suggested flights")))
        layout.addWidget(self.status_label)
        layout.addWidget(self.suggested, 1)
        layout.addWidget(self.why)
        session.photo_selected.connect(self.show_photo)
        session.photo_changed.connect(self._refresh_if_current)
        session.boxes_changed.connect(self._refresh_if_current)
        session.flights_changed.connect(lambda: self.show_photo(self.photo_id))
        session.flight_selected.connect(self.show_selected_flight)
        self.show_photo(session.current_photo_id)

    def _refresh_if_current(self, photo_id: int) -> None:
        if photo_id == self.photo_id:
            self.show_photo(photo_id)

    def _linked_chosen(self) -> None:
        chosen = self.linked.selectedItems()
        if chosen and not self._following:
            self.session.select_flight(int(chosen[0].data(0, 256)))

    def linked_item(self, flight_id: object) -> QTreeWidgetItem | None:
        """The row of linked flight `flight_id`, None when the photo is not linked to it."""
        for i in range(self.linked.topLevelItemCount()):
            item = self.linked.topLevelItem(i)
            if item.data(0, 256) == flight_id:
                return item
        return None

    def show_selected_flight(self, flight_id: object) -> None:
        """Highlight `flight_id` (selected on the map, the table or the timeline) when it is
        one of the photo's linked flights; otherwise no linked flight is shown selected."""
        item = self.linked_item(flight_id) if flight_id is not None else None
        self._following = True
        try:
            if item is not None:
                self.linked.setCurrentItem(item)
            else:
                self.linked.clearSelection()
        finally:
            self._following = False

    def show_photo(self, photo_id: int | None) -> None:
        from annotator.core.flights.links import linked_flights_json

        self.photo_id = photo_id
        self._following = True
        try:
            self.linked.clear()
        finally:
            self._following = False
        self._show_note(None)
        self.suggestions = []
        self.suggested.clear()
        self.link_buttons = []
        self.why.setText("")
        self._request += 1
        request = self._request
        if photo_id is None:
            self.status_label.setText(self.tr("No photo selected."))
            return
        self.status_label.setText(self.tr("Looking for flights…"))
        case = self.session.case

        def read(_job: Any) -> list[dict[str, Any]]:
            with case.reading() as s:
                return list(linked_flights_json(s, photo_id))

        def work(_job: Any) -> dict[str, Any]:
            return suggestions_for(case, photo_id)

        def linked(links: list[dict[str, Any]]) -> None:
            if request != self._request:
                return  # links of a photo no longer shown
            self._following = True
            try:
                self._fill_linked(links)
            finally:
                self._following = False
            self._show_note(self.linked.currentItem())
            # The suggestions leave out what is linked already: asked once the links are in.
            self.session.jobs.submit(
                work, lambda result: self._show_suggestions(request, result),
                lambda text: request == self._request and self.status_label.setText(text))

        self.session.reads.submit(read, linked, lambda text: request == self._request
                                  and self.status_label.setText(text))

    def _fill_linked(self, links: list[dict[str, Any]]) -> None:
        """One row per linked flight; the flight selected elsewhere is current if listed,
        else the first (for Unlink and its note), shown unselected."""
        for link in links:
                note = link["link_note"] or ""
                item = QTreeWidgetItem([_flight_text(link),
                                        relation_text(link["relation"], short=True)])
                item.setToolTip(0, "\n".join(t for t in (_flight_text(link), note) if t))
                item.setToolTip(1, relation_text(link["relation"]))
                item.setData(0, 256, link["id"])
                item.setData(1, 256, note)
                self.linked.addTopLevelItem(item)
        selected = self.linked_item(self.session.current_flight_id)
        if selected is not None:
            self.linked.setCurrentItem(selected)
        elif self.linked.topLevelItemCount():
            self.linked.setCurrentItem(self.linked.topLevelItem(0))
            self.linked.clearSelection()  # current for Unlink, but not the flight selected

    def _show_suggestions(self, request: int, result: dict[str, Any]) -> None:
        if request != self._request:
            return  # an answer for a photo no longer shown
        linked = {self.linked.topLevelItem(i).data(0, 256)
                  for i in range(self.linked.topLevelItemCount())}
        self.status = result["status"]
        texts = {
            "ok": self.tr("Best match below."),
            "ambiguous": self.tr("Ambiguous: the best two are too close to call."),
            "weak": self.tr("Weak: no flight matches well enough to suggest."),
            "none": self.tr("No flight to suggest."),
        }
        self.status_label.setText(texts.get(self.status, self.status))
        self.suggestions = [s for s in result["suggestions"] if s["flight"]["id"] not in linked]
        for suggestion in self.suggestions:
            flight = suggestion["flight"]
            reasons = "\n".join(suggestion["reasons"])
            item = QTreeWidgetItem(["", self.locale().toString(float(suggestion["score"]), "f", 2),
                                    _flight_text(flight),
                                    relation_text(suggestion["relation"], short=True)])
            item.setToolTip(1, reasons)
            item.setToolTip(2, f"{_flight_text(flight)}\n{reasons}")
            item.setToolTip(3, relation_text(suggestion["relation"]))
            self.suggested.addTopLevelItem(item)
            button = QPushButton(self.tr("Link"))
            button.setToolTip(self.tr("Link this photo to flight {0} ({1})").format(
                flight["id"], relation_text(suggestion["relation"])))
            button.clicked.connect(lambda _c=False, s=suggestion: self.link(s))
            widgets_off([button], self.session)  # a read-only case: off, saying why
            self.suggested.setItemWidget(item, 0, button)
            self.link_buttons.append(button)
        if self.suggestions:
            self.suggested.setCurrentItem(self.suggested.topLevelItem(0))

    def _show_note(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        note = item.data(1, 256) if item is not None else ""
        self.link_note.setText(self.tr("Note: {0}").format(note) if note else "")
        self.link_note.setVisible(bool(note))

    def _show_why(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        row = self.suggested.indexOfTopLevelItem(item) if item is not None else -1
        if 0 <= row < len(self.suggestions):
            reasons = self.suggestions[row]["reasons"]
            self.why.setText("\n".join(f"• {r}" for r in reasons))
        else:
            self.why.setText("")

    def link(self, suggestion: dict[str, Any]) -> None:
        if self.photo_id is None:
            return
        self.session.undo_stack.push(LinkCommand(
            self.session, self.photo_id, suggestion["flight"]["id"], suggestion["relation"]))

    def unlink_selected(self) -> None:
        item = self.linked.currentItem()
        if item is None or self.photo_id is None:
            return
        self.session.undo_stack.push(UnlinkCommand(self.session, self.photo_id,
                                                   int(item.data(0, 256))))


def install_flights(window: Any) -> None:
    """Wire the flights area into the main window: a Flights dock and a Flights menu entry
    that opens the Flights window (table, import, timeline)."""
    from PySide6.QtCore import Qt

    from annotator.gui.windows.flights_window import FlightsWindow

    window.flights_panel = FlightsPanel(window.session)
    title = QCoreApplication.translate("MainWindow", "Flights")
    window.flights_dock = window._dock("flights", title, window.flights_panel,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabify(window.annotations_dock, window.flights_dock)
    window.annotations_dock.raise_()
    window.flights_window = None

    def open_flights() -> None:
        if window.flights_window is None:
            window.flights_window = FlightsWindow(window.session, window)
            window.flights_window.setWindowFlag(Qt.WindowType.Window, True)
        window.flights_window.show()
        window.flights_window.raise_()

    # Context "MainWindow": these strings live in the main window's menu bar.
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "F&lights"))
    action = QAction(QCoreApplication.translate("MainWindow", "&Flights and timeline…"), window)
    action.setShortcut("Ctrl+Shift+F")
    action.triggered.connect(open_flights)
    menu.addAction(action)
    menu.addAction(window.flights_dock.toggleViewAction())
    window.open_flights_action = action
    window.open_flights = open_flights
