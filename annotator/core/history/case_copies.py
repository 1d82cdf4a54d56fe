"""Copies within a case: `annotator similar`, and the dating check's view of a photo's copies.

Reads each photo's stored hashes (`photo.meta["history"]`) and first posting (its
acquisition record), and groups them with `similar.group`. The dating check asks, for one
photo, for the earliest posting among its copies (`POSTED_BEFORE_CAPTURE` bounds every
copy's capture by it) and for the `EARLIER_COPY` finding.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.history.similar import CopyGroup, PictureHashes, group
from annotator.core.models import Acquisition, Photo
from annotator.core.timeutil import as_utc, iso_z


def case_hashes(session: Session) -> list[PictureHashes]:
    """Every photo of the case with stored hashes, in import order."""
    posted = {pid: (as_utc(when), platform or url)
              for pid, when, platform, url in session.execute(
                  select(Acquisition.photo_id, Acquisition.posted_utc, Acquisition.platform,
                         Acquisition.url))}
    out = []
    rows = session.execute(select(Photo.id, Photo.sha256, Photo.meta["history"])
                           .order_by(Photo.id))
    for pid, sha, record in rows:
        if not isinstance(record, dict) or not record.get("phash"):
            continue
        jpeg = record.get("jpeg") or {}
        when, source = posted.get(pid, (None, None))
        out.append(PictureHashes(
            id=pid, sha256=sha, phash=record.get("phash"), dhash=record.get("dhash"),
            windows=tuple(record.get("windows") or ()), width=record.get("width") or 0,
            height=record.get("height") or 0,
            quality=(jpeg.get("quality") or {}).get("luma"),
            tables_sha256=jpeg.get("tables_sha256"), detail=record.get("detail"),
            posted_utc=when, source=source))
    return out


def similar_groups(session: Session, photo_id: int | None = None) -> list[CopyGroup]:
    """The case's groups of copies (only the group holding `photo_id` when given)."""
    groups = group(case_hashes(session))
    if photo_id is not None:
        groups = [g for g in groups if any(m.id == photo_id for m in g.members)]
    return groups


def copies_of(session: Session, photo_id: int) -> CopyGroup | None:
    """The group of copies `photo_id` belongs to, or None."""
    groups = similar_groups(session, photo_id)
    return groups[0] if groups else None


def earliest_copy_posting(session: Session, photo_id: int,
                          own: datetime | None) -> tuple[datetime | None, dict[str, Any] | None]:
    """(the earliest posting among the photo's copies, its group's `earliest` entry when
    that is another photo's) — what `POSTED_BEFORE_CAPTURE` checks against."""
    grp = copies_of(session, photo_id)
    own = as_utc(own)
    if grp is None or grp.earliest is None:
        return own, None
    other = grp.earliest
    from annotator.core.timeutil import parse_iso_utc

    when = parse_iso_utc(str(other["posted_utc"]))
    if own is not None and own <= when:
        return own, None
    return when, (other if other["photo"] != photo_id else None)


def earlier_copy_findings(session: Session, photo: Photo) -> list[dict[str, Any]]:
    """`EARLIER_COPY` (info) when another photo of the case is a copy of this one that was
    posted earlier, or is larger (a better copy): as finding dicts
    (code, severity, message, params)."""
    grp = copies_of(session, photo.id)
    if grp is None:
        return []
    me = next(m for m in grp.members if m.id == photo.id)
    out = []
    best = next(m for m in grp.members if m.best)
    if grp.earliest and grp.earliest["photo"] != photo.id:
        mine = session.execute(select(Acquisition.posted_utc).where(
            Acquisition.photo_id == photo.id)).scalar_one_or_none()
        first = grp.earliest
        if mine is None or iso_z(as_utc(mine)) > str(first["posted_utc"]):
            out.append({"code": "EARLIER_COPY", "severity": "info",
                        "message": f"Photo {first['photo']} of the case is a copy of this "
                                   f"picture posted earlier ({first['posted_utc']}"
                                   + (f", {first['source']}" if first.get("source") else "")
                                   + "): the picture existed by then.",
                        "params": {"photo": first["photo"], "posted_utc": first["posted_utc"],
                                   "source": first.get("source"), "reason": "posted_earlier"}})
    if not me.best:
        out.append({"code": "EARLIER_COPY", "severity": "info",
                    "message": f"Photo {best.id} of the case is a larger or less re-encoded "
                               f"copy of this picture (this one: {me.relation}): it is the "
                               "best copy available.",
                    "params": {"photo": best.id, "relation": me.relation,
                               "reason": "better_copy"}})
    return out
