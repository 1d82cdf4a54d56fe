"""A case's photos as JSON objects: the `annotator photos --json` contract.

Each object carries the same keys as an `annotator exif --json` object (rebuilt from what
was recorded at import, so it says what the file said then), where `path` is the path the
photo was first imported from, plus the case's own facts: `id`, `original_name`, `md5`,
`imported_utc`, `importer`, `sources` (every path the same bytes came from) and
`thumbnail` (the case-relative path of the 256 px thumbnail, or null). `has_thumbnail`
keeps its `exif` meaning: the file embeds an EXIF thumbnail.

Other areas add their key (`boxes` here; `flights`, `date` from their areas) by appending
one entry to `SECTIONS`: a key and a "module:function" loader `(session, photo_ids) ->
{photo_id: value}` that fetches the values for all photos in one query. The loader is
imported only when the JSON is built, so this module depends on no area.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from annotator.core.metadata.model import PhotoMetadata
from annotator.core.models import Box, Photo
from annotator.core.timeutil import iso_z

# (key, "module:function", value for a photo the loader did not mention)
SECTIONS: list[tuple[str, str, Any]] = [
    ("boxes", "annotator.core.photo_json:boxes_by_photo", []),
    ("date", "annotator.core.dating.photo_dating:dates_by_photo", None),
    ("source", "annotator.core.dating.acquisition:sources_by_photo", None),
    ("flights", "annotator.core.flights.links:flights_by_photo", []),
    ("history", "annotator.core.history.records:history_by_photo", None),
    ("shadow", "annotator.core.shadows.records:shadow_json_by_photo", None),
]

# The `exif --json` keys, in that command's order.
EXIF_KEYS: tuple[str, ...] = tuple(
    f.name for f in fields(PhotoMetadata) if f.name not in ("stored_width", "stored_height")
)
_FROM_COLUMNS = ("sha256", "size", "format", "width", "height", "orientation")
_FROM_RAW = ("tags", "xmp", "iptc")

Loader = Callable[[Session, Sequence[int]], dict[int, Any]]


def load_section(spec: str) -> Loader:
    """Resolve a "module:function" loader."""
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]


def photos_json(session: Session, photo_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """The JSON objects of the case's photos (all, or `photo_ids`), in import order."""
    stmt = select(Photo).options(selectinload(Photo.sources)).order_by(Photo.id)
    if photo_ids is not None:
        stmt = stmt.where(Photo.id.in_(list(photo_ids)))
    photos = list(session.execute(stmt).scalars())
    ids = [p.id for p in photos]
    sections = [(key, _load_in_chunks(load_section(spec), session, ids), default)
                for key, spec, default in SECTIONS]
    out = []
    for photo in photos:
        obj = photo_object(photo)
        for key, values, default in sections:
            obj[key] = values.get(photo.id, _fresh(default))
        out.append(obj)
    return out


def photo_object(photo: Photo) -> dict[str, Any]:
    """One photo's exif-compatible keys and case facts (no area sections)."""
    meta = photo.meta or {}
    raw = photo.raw_tags or {}
    obj: dict[str, Any] = {"id": photo.id}
    for key in EXIF_KEYS:
        if key == "path":
            obj[key] = photo.original_path
        elif key in _FROM_COLUMNS:
            obj[key] = getattr(photo, key)
        elif key in _FROM_RAW:
            obj[key] = raw.get(key) if key != "tags" else (raw.get("tags") or {})
        else:
            obj[key] = meta.get(key)
    obj.update({
        "original_name": photo.original_name,
        "md5": photo.md5,
        "imported_utc": iso_z(photo.imported_utc),
        "importer": photo.importer,
        "thumbnail": f"thumbs/{photo.sha256[:2]}/{photo.sha256}.jpg"
        if photo.has_thumbnail else None,
        "sources": [{"path": s.path, "name": s.name, "file_mtime_utc": iso_z(s.file_mtime_utc),
                     "recorded_utc": iso_z(s.recorded_utc), "examiner": s.examiner}
                    for s in photo.sources],
    })
    return obj


def boxes_by_photo(session: Session, photo_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Each photo's boxes (keys as in `annotator boxes --json`), oldest first."""
    result: dict[int, list[dict[str, Any]]] = {}
    rows = (box for chunk in chunked(photo_ids) for box in session.execute(
        select(Box).where(Box.photo_id.in_(chunk)).order_by(Box.photo_id, Box.id)).scalars())
    for box in rows:
        result.setdefault(box.photo_id, []).append({
            "id": box.id, "label": box.label, "registration": box.registration,
            "type": box.aircraft_type, "operator": box.operator, "confidence": box.confidence,
            "note": box.note, "x": box.x, "y": box.y, "w": box.w, "h": box.h,
            "registration_problem": box.registration_problem,
        })
    return result


def _load_in_chunks(loader: Any, session: Session, ids: Sequence[int]) -> dict[int, Any]:
    """Run a section loader over id chunks, so no SQL `IN (…)` outgrows SQLite's limit."""
    merged: dict[int, Any] = {}
    for chunk in chunked(ids):
        merged.update(loader(session, chunk))
    return merged


def chunked(ids: Sequence[int], size: int = 5000) -> list[list[int]]:
    """Id lists short enough for one SQL `IN (…)` on every backend."""
    ids = list(ids)
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _fresh(default: Any) -> Any:
    """A copy of a mutable default, so two photos never share one list."""
    return type(default)() if isinstance(default, list | dict) else default
