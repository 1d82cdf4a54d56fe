"""Photos whose capture-date check a write has made stale.

Boxes, links, claims, sources and flights all feed the check. A writer only marks the
photos it touched (`mark_dating_stale`); the case's write transaction recomputes each
marked check once, before it commits (`Case.writing`, through `annotator.core.dating`).
This module sits below both: it imports neither the case nor the dating package, so any
writer may mark without depending on them (and no package cycle forms).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

STALE_DATES = "annotator.stale_dates"  # the session.info key holding the marked photo ids
NEW_PHOTOS = "annotator.new_photos"  # the photos the session's transaction inserted, by id


def mark_dating_stale(session: Session, photo_ids: Iterable[int]) -> None:
    """Have these photos' checks recomputed before `session`'s write transaction commits."""
    session.info.setdefault(STALE_DATES, set()).update(photo_ids)


def mark_new_photo(session: Session, photo: Any) -> None:
    """`photo` (a `Photo` row) was inserted by `session`'s transaction (an import): nothing
    refers to it yet (no claim, source, box, flight link or stored check), so its first
    check need not look for them. Marks it stale too. The object itself is kept until the
    transaction ends (the session holds flushed rows only weakly), so the check reads it
    without a query (`new_photo`)."""
    session.info.setdefault(NEW_PHOTOS, {})[photo.id] = photo
    mark_dating_stale(session, [photo.id])


def is_new_photo(session: Session, photo_id: int) -> bool:
    """Whether `session`'s transaction inserted `photo_id` (`mark_new_photo`)."""
    return photo_id in session.info.get(NEW_PHOTOS, {})


def new_photo(session: Session, photo_id: int) -> Any | None:
    """The `Photo` row `session`'s transaction inserted as `photo_id`, else None."""
    return session.info.get(NEW_PHOTOS, {}).get(photo_id)


def take_stale(session: Session) -> list[int]:
    """The photos marked in `session` (and forget them), in id order."""
    return sorted(session.info.pop(STALE_DATES, None) or ())
