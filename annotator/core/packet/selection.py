"""Which photos go into a packet: all of them, the ones named, or those tagged with a
registration."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected, NotFound
from annotator.core.models import Box, Photo
from annotator.core.photos import find_photo


@dataclass(frozen=True)
class Selection:
    """A packet's photos: `references` (SHA-256, unique prefix or file name), `photo_ids`
    (the GUI's selection), `tag` (a registration), or everything when all are empty."""

    references: tuple[str, ...] = ()
    photo_ids: tuple[int, ...] = ()
    tag: str | None = None

    @property
    def mode(self) -> str:
        if self.tag:
            return "tag"
        if self.references or self.photo_ids:
            return "photos"
        return "all"

    def describe(self) -> dict[str, Any]:
        """How the photos were chosen, for the manifest (no photo outside the packet named)."""
        return {"mode": self.mode, "tag": self.tag}


def compact_mark(text: str) -> str:
    """A registration reduced to letters and digits, so `5u mbh`, `5UMBH` and `5U-MBH` agree."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def resolve(session: Session, selection: Selection) -> list[int]:
    """The ids of the selected photos, sorted; refuses an empty result with a reason."""
    ids: set[int] = set()
    if selection.tag:
        wanted = compact_mark(selection.tag)
        if not wanted:
            raise InputRejected("the registration tag is empty", code="SELECTION_EMPTY_TAG")
        rows = session.execute(
            select(Box.photo_id, Box.registration).where(Box.registration.is_not(None))
        ).all()
        ids = {pid for pid, reg in rows if compact_mark(reg or "") == wanted}
        if not ids:
            raise NotFound(f"no box in this case is tagged {selection.tag!r}",
                           code="SELECTION_TAG_NOT_FOUND", tag=f"{selection.tag!r}")
    elif selection.references or selection.photo_ids:
        for ref in selection.references:
            ids.add(find_photo(session, ref).id)
        for pid in selection.photo_ids:
            if session.get(Photo, pid) is None:
                raise NotFound(f"no photo with id {pid} in this case",
                               code="SELECTION_PHOTO_NOT_FOUND", pid=pid)
            ids.add(pid)
    else:
        ids = set(session.execute(select(Photo.id)).scalars())
        if not ids:
            raise InputRejected("the case has no photos to export", code="SELECTION_NO_PHOTOS")
    return sorted(ids)
