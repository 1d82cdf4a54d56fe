"""The desktop app's own settings (window layout, recent cases) in an INI file beside the
shared `settings.json`, so `ANNOTATOR_CONFIG_DIR` isolates both (tests rely on it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.core.case.settings import config_dir

MAX_RECENT = 10


def gui_settings() -> QSettings:
    """QSettings on `<config dir>/gui.ini` (read afresh each time: the folder may change)."""
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)


def recent_cases() -> list[str]:
    """Case folders opened before, most recent first, those that no longer exist left out."""
    value = gui_settings().value("recent_cases", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [p for p in items if (Path(p) / "case.json").is_file()][:MAX_RECENT]


def remember_case(path: Path) -> list[str]:
    """Put `path` first in the recent cases; return the new list."""
    text = str(Path(path).absolute())
    items = [text] + [p for p in recent_cases() if p != text]
    settings = gui_settings()
    settings.setValue("recent_cases", items[:MAX_RECENT])
    settings.sync()
    return items[:MAX_RECENT]
