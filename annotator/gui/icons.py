"""The app's own SVG icon set (package data `annotator/resources/icons`), loaded once per
name."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from annotator.resources import icons_dir


@cache
def icon(name: str) -> QIcon:
    """The icon `icons/<name>.svg`, or an empty icon when it is missing."""
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("annotator")
