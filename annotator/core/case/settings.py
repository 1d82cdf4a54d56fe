"""User settings shared by the CLI and the GUI: a small JSON file in the user config folder.

The GUI's Settings dialog writes the same file, so both front doors agree on who the
examiner is. `ANNOTATOR_CONFIG_DIR` overrides the folder (tests isolate themselves with it).
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Any


def config_dir() -> Path:
    override = os.environ.get("ANNOTATOR_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("annotator", appauthor=False))


def data_dir() -> Path:
    """Where the demo case and other per-user data live (`ANNOTATOR_DATA_DIR` overrides)."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict[str, Any]:
    """The saved settings, or {} when there are none or the file is unreadable."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(values: dict[str, Any]) -> None:
    """Merge `values` into the saved settings, writing atomically."""
    merged = load_settings() | values
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(merged, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def current_examiner(explicit: str | None = None) -> str:
    """Who is acting: `--examiner`, else `ANNOTATOR_EXAMINER`, else settings, else the login."""
    for candidate in (
        explicit,
        os.environ.get("ANNOTATOR_EXAMINER"),
        load_settings().get("examiner"),
    ):
        if candidate and str(candidate).strip():
            return str(candidate).strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "unknown"
