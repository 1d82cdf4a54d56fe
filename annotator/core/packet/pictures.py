"""What a photo's packet pictures show, and rendering them ahead of an export.

`render_job` turns a photo's record into the plain values the renderer draws (boxes with
their tags, the caption strip). `prepare_pictures` renders photos into the case's render
cache, so that a later export only packs them: the workspace calls it in the background after
each edit. It writes nothing to the database and never touches an original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from annotator.core.models import Box, Photo
from annotator.core.packet import render
from annotator.core.packet.collect import PhotoRecord, read_photos
from annotator.core.packet.naming import PhotoFacts, PhotoPaths, assign_paths
from annotator.core.packet.render_cache import RenderCache
from annotator.core.timeutil import iso_z

if TYPE_CHECKING:
    from annotator.core.case.folder import Case


def caption(photo: PhotoRecord, name: str) -> tuple[str, str]:
    """The caption strip's two lines: name and hash; capture time (UTC) and verdict."""
    capture = iso_z(photo.capture_utc)
    verdict = photo.date_verdict or (photo.dating or {}).get("verdict") or "not checked"
    top = f"{name}   SHA-256 {photo.sha256[:16]}…"
    bottom = (f"Captured {capture.replace('T', ' ')} UTC" if capture
              else "Capture time unknown") + f"   ·   Date verdict: {verdict}"
    return top, bottom


def box_tag(number: int, registration: str | None, label: str) -> str:
    return f"{number} · {registration}" if registration else f"{number} · {label}"


def render_job(photo: PhotoRecord, paths: PhotoPaths, source: Path) -> render.RenderJob:
    """The values one photo's pictures are drawn from (and keyed by in the cache)."""
    boxes = tuple(
        render.DrawnBox(i, b.values.x, b.values.y, b.values.w, b.values.h,
                        box_tag(i, b.values.registration, b.values.label))
        for i, b in enumerate(photo.boxes, start=1)
    )
    top, bottom = caption(photo, paths.name)
    suffix = Path(paths.dataset_image).suffix if paths.dataset_image else None
    return render.RenderJob(
        sha256=photo.sha256, name=paths.name, source=source, orientation=photo.orientation,
        width=photo.width, height=photo.height, boxes=boxes, caption_top=top, caption_bottom=bottom,
        dataset_suffix=suffix,
    )


READ_CHUNK = 64  # photos read per transaction: a check of a large case stays cheap


@dataclass(frozen=True)
class PrepareResult:
    """How many photos were rendered now, were ready already, or could not be rendered."""

    rendered: int
    ready: int
    failed: int


def _case_paths(case: Case) -> dict[str, PhotoPaths]:
    """Packet paths as an export of the whole case names them (the usual export)."""
    with case.reading() as s:
        counts = dict(s.execute(select(Box.photo_id, func.count()).group_by(Box.photo_id)).all())
        rows = s.execute(select(Photo.id, Photo.sha256, Photo.original_name, Photo.orientation,
                                Photo.format)).all()
    return assign_paths([PhotoFacts(sha, name, counts.get(pid, 0), orientation, fmt)
                         for pid, sha, name, orientation, fmt in rows])


def photos_with_boxes(case: Case) -> list[int]:
    with case.reading() as s:
        return list(s.execute(select(Box.photo_id).distinct().order_by(Box.photo_id)).scalars())


def prepare_pictures(
    case: Case,
    photo_ids: Iterable[int],
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PrepareResult:
    """Render the packet pictures of `photo_ids` into the case's render cache, one photo at a
    time (this is background work: it uses one core). A photo that fails to render is
    counted and skipped; the export will say why when it meets it."""
    cache = RenderCache.for_case(case.root)
    ids = list(dict.fromkeys(photo_ids))
    if cache is None or not ids:
        return PrepareResult(0, 0, 0)
    paths = _case_paths(case)
    rendered = ready = failed = done = 0
    for start in range(0, len(ids), READ_CHUNK):
        with case.reading() as s:
            records = read_photos(s, ids[start:start + READ_CHUNK])
        for photo in records:
            if cancelled is not None and cancelled():
                return PrepareResult(rendered, ready, failed)
            done += 1
            if photo.sha256 not in paths:
                continue  # imported after the names were read: the next pass takes it
            job = render_job(photo, paths[photo.sha256], case.store.path_for(photo.sha256))
            try:
                reused = cache.ensure(job).reused
            except Exception:  # noqa: BLE001 - a damaged original is the export's to report
                failed += 1
            else:
                ready += reused
                rendered += not reused
            if progress is not None:
                progress(done, len(ids))
    return PrepareResult(rendered, ready, failed)
