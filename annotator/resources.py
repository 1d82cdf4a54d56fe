"""Where the `resources/` folder is: beside the package in a checkout or editable install,
or inside a PyInstaller bundle (`sys._MEIPASS`)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
