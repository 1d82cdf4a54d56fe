"""The history a case keeps per photo: `photo.meta["history"]`, written by the import.

`history_by_photo` is the `photos --json` section loader (`history` key); `photo_history`
reads one photo's record. Photos imported before the history existed have none (null).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.models import Photo

# The keys `photos --json` and the manifest show (the grouping's window hashes stay inside).
PUBLIC_KEYS = ("jpeg", "signs", "phash", "dhash", "pdq")


def public(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """The record as shown outside: the `analyze --json` keys but path and sha256."""
    if not record:
        return None
    return {key: record.get(key) for key in PUBLIC_KEYS}


def history_by_photo(session: Session, photo_ids: Sequence[int]) -> dict[int, Any]:
    """Each photo's history (`analyze --json` keys but path, sha256), or nothing."""
    rows = session.execute(select(Photo.id, Photo.meta).where(Photo.id.in_(list(photo_ids))))
    return {pid: public((meta or {}).get("history")) for pid, meta in rows
            if (meta or {}).get("history")}


def photo_history(photo: Photo) -> dict[str, Any] | None:
    """One photo's stored record (with the grouping's hashes), or None."""
    return (photo.meta or {}).get("history")
