"""The windows: the main window (which declares its own actions and docks), the welcome
screen, the flights window with its timeline, the map window, and the window-level tools
(export, verify).

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.windows.flights_window import FlightsWindow
from annotator.gui.windows.main_window import MainWindow
from annotator.gui.windows.map_window import MapWindow
from annotator.gui.windows.welcome import WelcomeWidget

__all__ = [
    "FlightsWindow",
    "MainWindow",
    "MapWindow",
    "WelcomeWidget",
]
