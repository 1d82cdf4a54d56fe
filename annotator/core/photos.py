"""Finding photos in a case (by SHA-256, a unique prefix of one, or a unique file name), and
the reads the GUI makes of one photo, each in its own read transaction (the GUI never runs a
query itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected, NotFound
from annotator.core.models import Box, Photo, PhotoSource

if TYPE_CHECKING:
    from annotator.core.case import Case


def find_photo(session: Session, reference: str) -> Photo:
    """The one photo `reference` names, or NotFound saying why (none, or several)."""
    ref = reference.strip()
    if not ref:
        raise NotFound("no photo named: the reference is empty", code="PHOTO_REF_EMPTY")
    hexish = all(c in "0123456789abcdefABCDEF" for c in ref) and len(ref) >= 4
    candidates: list[Photo] = []
    if hexish:
        candidates = list(
            session.execute(select(Photo).where(Photo.sha256.startswith(ref.lower()))).scalars()
        )
    if not candidates:
        by_name = select(Photo).where(
            or_(
                Photo.original_name == ref,
                Photo.id.in_(select(PhotoSource.photo_id).where(PhotoSource.name == ref)),
            )
        )
        candidates = list(session.execute(by_name).scalars())
    if not candidates:
        raise NotFound(f"no photo in this case matches {ref!r}",
                       code="PHOTO_REF_NO_MATCH", ref=f"{ref!r}")
    if len(candidates) > 1:
        shown = ", ".join(f"{p.original_name} ({p.sha256[:12]})" for p in candidates[:4])
        raise NotFound(f"{ref!r} names {len(candidates)} photos: {shown}; give more of the SHA-256",
                       code="PHOTO_REF_AMBIGUOUS", ref=f"{ref!r}", n_candidates=len(candidates),
                       shown=shown)
    return candidates[0]


def locked_photo(session: Session, photo_id: int) -> Photo:
    """The photo, its row locked for this transaction (PostgreSQL `FOR UPDATE`), so writers
    of one photo's records (claim, source) queue instead of racing; InputRejected if absent."""
    photo = session.get(Photo, photo_id, with_for_update=True)
    if photo is None:
        raise InputRejected(f"photo {photo_id} is not in this case",
                            code="PHOTO_NOT_IN_CASE", photo_id=photo_id)
    return photo


@dataclass(frozen=True)
class PhotoToShow:
    """What the canvas needs to show a photo: its stored file and displayed geometry."""

    id: int
    sha256: str
    width: int
    height: int
    orientation: int | None


def photo_to_show(case: Case, photo_id: int) -> PhotoToShow | None:
    with case.reading() as session:
        row = session.execute(select(Photo.sha256, Photo.width, Photo.height, Photo.orientation)
                              .where(Photo.id == photo_id)).one_or_none()
    return None if row is None else PhotoToShow(photo_id, *row)


def photo_record(case: Case, photo_id: int) -> Photo | None:
    """The photo's row with its sources, detached (read-only use: panels show it)."""
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        if photo is not None:
            _ = list(photo.sources)  # loaded now, while the session is open
        return photo


def photo_has_boxes(case: Case, photo_id: int) -> bool:
    with case.reading() as session:
        return session.execute(select(Box.id).where(Box.photo_id == photo_id).limit(1)
                               ).first() is not None


def photo_ids_by_sha256(case: Case, shas: set[str]) -> dict[str, int]:
    with case.reading() as session:
        return dict(session.execute(select(Photo.sha256, Photo.id)
                                    .where(Photo.sha256.in_(shas))).all())
