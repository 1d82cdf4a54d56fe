"""What the program reads at run time besides its code: the icon set (`icons/`), the compiled
translations (`translations/*.qm`) and the desktop entry (`annotator.desktop`).

It is package data, found through `importlib.resources`, so a checkout, an installed wheel
and a PyInstaller bundle all find it the same way. The translations' sources (`.ts`) and the
script that compiles them stay in the repository's top-level `resources/translations/`.

Public API: `resource_path`, `icons_dir`, `translations_dir`, `desktop_entry`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["desktop_entry", "icons_dir", "resource_path", "translations_dir"]


def resource_path(*parts: str) -> Path:
    """A file or folder of this package as a path on disk (Qt loads icons and translations
    from paths; package data installed from a wheel or bundled is a folder on disk)."""
    return Path(str(files(__name__).joinpath(*parts)))


def icons_dir() -> Path:
    return resource_path("icons")


def translations_dir() -> Path:
    return resource_path("translations")


def desktop_entry() -> Path:
    return resource_path("annotator.desktop")
