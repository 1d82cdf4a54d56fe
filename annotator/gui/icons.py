"""The app's own SVG icon set (resources/icons), loaded once per name."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from annotator.resources import resources_dir


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, or an empty icon when it is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("annotator")
