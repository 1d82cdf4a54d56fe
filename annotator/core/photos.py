"""Finding photos in a case: by the `id` that `annotator photos` prints, a SHA-256 prefix of at
least 8 characters, or a file name (the name it was imported under, or any other name the same
bytes were imported from); and the reads the GUI makes of one photo, each in its own read
transaction (the GUI never runs a query itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected, NotFound
from annotator.core.models import Box, Photo, PhotoSource

if TYPE_CHECKING:
    from annotator.core.case import Case

# The shortest SHA-256 prefix taken as one: shorter hex strings are too easily a number or
# a file name, and 8 hex digits tell apart billions of photos.
MIN_SHA256_PREFIX = 8


def find_photo(session: Session, reference: str) -> Photo:
    """The one photo `reference` names, or NotFound saying why (none, or several, listed).

    `reference` is the photo's id, a SHA-256 prefix (at least `MIN_SHA256_PREFIX` hex digits)
    or a file name; a reference that is more than one of these (`12345678` is an id and a
    prefix) must name one photo in all."""
    ref = reference.strip()
    if not ref:
        raise NotFound("no photo named: the reference is empty", code="PHOTO_REF_EMPTY")
    found: dict[int, Photo] = {}
    if ref.isdigit() and ref.isascii():
        by_id = session.get(Photo, int(ref))
        if by_id is not None:
            found[by_id.id] = by_id
    hexish = all(c in "0123456789abcdefABCDEF" for c in ref)
    if hexish and len(ref) >= MIN_SHA256_PREFIX:
        for photo in session.execute(
                select(Photo).where(Photo.sha256.startswith(ref.lower()))).scalars():
            found[photo.id] = photo
    by_name = select(Photo).where(
        or_(
            Photo.original_name == ref,
            Photo.id.in_(select(PhotoSource.photo_id).where(PhotoSource.name == ref)),
        )
    )
    for photo in session.execute(by_name).scalars():
        found[photo.id] = photo
    candidates = sorted(found.values(), key=lambda p: p.id)
    if not candidates:
        if hexish and not ref.isdigit() and len(ref) < MIN_SHA256_PREFIX:
            raise NotFound(f"no photo in this case matches {ref!r} (a SHA-256 prefix needs at "
                           f"least {MIN_SHA256_PREFIX} characters)",
                           code="PHOTO_REF_PREFIX_SHORT", ref=f"{ref!r}",
                           min_chars=MIN_SHA256_PREFIX)
        raise NotFound(f"no photo in this case matches {ref!r} (give its id, a SHA-256 "
                       f"prefix of at least {MIN_SHA256_PREFIX} characters or its file name)",
                       code="PHOTO_REF_NO_MATCH", ref=f"{ref!r}", min_chars=MIN_SHA256_PREFIX)
    if len(candidates) > 1:
        shown = ", ".join(f"id {p.id} {p.original_name} ({p.sha256[:12]})"
                          for p in candidates[:6])
        if len(candidates) > 6:
            shown += f" and {len(candidates) - 6} more"
        raise NotFound(f"{ref!r} names {len(candidates)} photos: {shown}; give its id "
                       "or more of the SHA-256",
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
