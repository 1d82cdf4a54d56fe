"""What a process sets up once, at start-up, before it reads any file: Pillow's pixel limit
and the silence of Pillow's and exifread's warnings and logs.

Importing a module of the core changes no global state; every entry point calls
`configure_libraries` instead: the CLI (before any command runs), the desktop app, the
import worker processes and the report process of an export, and the tests' conftest.
"""

from __future__ import annotations

from annotator.core.images.decode import configure_pillow
from annotator.core.metadata.exif_raw import quiet_exifread

__all__ = ["configure_libraries"]


def configure_libraries(max_pixels: int | None = None) -> None:
    """Set the process up: Pillow's pixel limit (`max_pixels`, else the current limit, 250 MP
    by default), Pillow's warnings and log records and exifread's log silenced. Idempotent."""
    configure_pillow(max_pixels)
    quiet_exifread()
