"""The map in a window of its own (View → Map in a window), beside the Map dock.

A second `MapPanel` on the same session: what is selected on it (a photo, a flight) is
selected in the browser, the flights table, the timeline and the dock's map, and the other
way round; "Follow timeline" follows the same timeline. Its map is read and prepared in a
worker like the dock's. Closing the window deletes it, its view and its scene, and drops the
reads still on their way; its place and size are kept for the next time (`map_window/
geometry` in the GUI settings, as the main window keeps its own).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from annotator.gui.gui_settings import gui_settings
from annotator.gui.panels.map_panel import MapPanel

GEOMETRY_KEY = "map_window/geometry"


class MapWindow(QMainWindow):
    """A top-level window holding one more map of the session's case."""

    closed = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("MapWindow")
        self.setWindowTitle(self.tr("Map — {name}").format(name=session.case.name))
        self.panel = MapPanel(session)
        self.setCentralWidget(self.panel)
        self.resize(1100, 750)
        geometry = gui_settings().value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        settings = gui_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.sync()
        self.panel.shutdown()
        super().closeEvent(event)
        self.closed.emit()


def open_map_window(window: Any) -> MapWindow:
    """Show the main window's map window (made on first use, raised when open); returns it."""
    current = getattr(window, "map_window", None)
    if current is None:
        current = MapWindow(window.session, window)

        def forget() -> None:
            window.map_window = None

        current.closed.connect(forget)
        window.map_window = current
    current.show()
    current.raise_()
    current.activateWindow()
    return current
