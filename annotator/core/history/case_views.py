"""A case photo's history as the GUI's History panel shows it, and the pictures it overlays
on the canvas (error level analysis, JPEG ghost), each read from the case's checked store.

One call per user intent, each in its own read transaction; the heavy ones (the overlays,
double compression on demand) are meant for a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PIL import Image

from annotator.core.errors import NotFound
from annotator.core.history.double_compression import detect
from annotator.core.history.records import photo_history
from annotator.core.history.views import error_level, jpeg_ghost
from annotator.core.models import Photo

if TYPE_CHECKING:
    from pathlib import Path

    from annotator.core.case import Case

OVERLAYS = ("error_level", "ghost")


def history_for_photo(case: Case, photo_id: int) -> dict[str, Any] | None:
    """The history stored at import (None: imported before histories were kept)."""
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        return photo_history(photo) if photo is not None else None


def _original(case: Case, photo_id: int) -> Path:
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        if photo is None:
            raise NotFound(f"photo {photo_id} is not in this case", code="PHOTO_NOT_IN_CASE",
                           photo_id=photo_id)
        return case.store.path_for(photo.sha256)


def overlay_for_photo(case: Case, photo_id: int, kind: str, quality: int) -> Image.Image:
    """The `kind` map (`error_level` or `ghost`) of the photo at `quality`, upright."""
    if kind not in OVERLAYS:
        raise ValueError(f"unknown overlay {kind!r}")
    path = _original(case, photo_id)
    return error_level(path, quality) if kind == "error_level" else jpeg_ghost(path, quality)


def double_compression_for_photo(case: Case, photo_id: int) -> dict[str, object]:
    """Look for a first JPEG compression in the stored original (seconds for a large file)."""
    return detect(_original(case, photo_id)).to_json()
