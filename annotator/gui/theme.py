"""Colours that stay readable in light and dark themes.

Qt 6 takes the palette from the platform (light or dark, following the system), so widgets
should use palette roles. Qt has no role for "error text": a fixed dark red is unreadable on
a dark window, so these pick a shade from the widget's current palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ERROR_ON_LIGHT = QColor("#b00020")
ERROR_ON_DARK = QColor("#ff8a80")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the window background is dark (text then is light)."""
    pal = palette if palette is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(widget: QWidget | None = None) -> QColor:
    """Red that reads well on the widget's (or the application's) window background."""
    return ERROR_ON_DARK if is_dark(widget.palette() if widget is not None else None) \
        else ERROR_ON_LIGHT


def error_style(widget: QWidget | None = None, *, border: bool = False) -> str:
    """A style sheet fragment for error text (and optionally a matching border)."""
    name = error_colour(widget).name()
    return f"color: {name};" + (f" border: 1px solid {name};" if border else "")
