"""Finding photos in a case: by SHA-256, a unique prefix of one, or a unique file name."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from annotator.core.errors import NotFound
from annotator.core.models import Photo, PhotoSource


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
    from annotator.core.errors import InputRejected

    photo = session.get(Photo, photo_id, with_for_update=True)
    if photo is None:
        raise InputRejected(f"photo {photo_id} is not in this case",
                            code="PHOTO_NOT_IN_CASE", photo_id=photo_id)
    return photo
