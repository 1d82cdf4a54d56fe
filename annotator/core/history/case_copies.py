"""Copies within a case: `annotator similar`, and the dating check's view of a photo's copies.

Reads each photo's stored hashes (`photo.meta["history"]`) and first posting (its
acquisition record), and groups them with `similar.group`. The dating check asks, for one
photo, for the earliest posting among its copies (`POSTED_BEFORE_CAPTURE` bounds every
copy's capture by it) and for the `EARLIER_COPY` finding.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.history.similar import (
    PREFILTER,
    CopyGroup,
    PictureHashes,
    group,
    hex_to_u64,
    pairs_with,
)
from annotator.core.models import Acquisition, Photo
from annotator.core.timeutil import as_utc, iso_z, parse_iso_utc


def case_hashes(session: Session) -> list[PictureHashes]:
    """Every photo of the case with stored hashes, in import order."""
    posted = _postings(session, None)
    rows = session.execute(select(Photo.id, Photo.sha256, Photo.meta)
                           .order_by(Photo.id))
    return [h for pid, sha, meta in rows
            if (h := _row_hashes(pid, sha, _history(meta), posted)) is not None]


def _history(meta: Any) -> Any:
    # (the whole meta column is read: a JSON path in SQL differs between SQLite and
    # PostgreSQL's json type)
    return meta.get("history") if isinstance(meta, dict) else None


def similar_groups(session: Session, photo_id: int | None = None) -> list[CopyGroup]:
    """The case's groups of copies (only the group holding `photo_id` when given)."""
    groups = group(case_hashes(session))
    if photo_id is not None:
        groups = [g for g in groups if any(m.id == photo_id for m in g.members)]
    return groups


def _row_hashes(pid: int, sha: str, record: Any,
                posted: dict[int, tuple[datetime | None, str | None]]) -> PictureHashes | None:
    if not isinstance(record, dict) or not record.get("phash"):
        return None
    jpeg = record.get("jpeg") or {}
    when, source = posted.get(pid, (None, None))
    return PictureHashes(
        id=pid, sha256=sha, phash=record.get("phash"), dhash=record.get("dhash"),
        windows=tuple(record.get("windows") or ()),
        dwindows=tuple(record.get("dwindows") or ()), width=record.get("width") or 0,
        height=record.get("height") or 0, quality=(jpeg.get("quality") or {}).get("luma"),
        tables_sha256=jpeg.get("tables_sha256"), detail=record.get("detail"),
        posted_utc=when, source=source)


# Hashes never change once imported (originals are never rewritten), so each process keeps
# those it has read, per database, and reads only photos added since: the dating check of
# one photo then costs one comparison against the case, not a read of every photo.
_CACHE: dict[str, dict[int, tuple[str, Any]]] = {}


def _cached_records(session: Session) -> dict[int, tuple[str, Any]]:
    """{photo id: (sha256, stored history)} for every photo of the case (see `_CACHE`)."""
    bind = session.get_bind()
    # (a case's database; an entry is used only after its SHA-256 is checked again)
    key = str(getattr(bind, "url", None) or bind.engine.url)
    known = _CACHE.setdefault(key, {})
    count, top = session.execute(select(func.count(Photo.id), func.max(Photo.id))).one()
    if count == len(known) and (top or 0) == max(known, default=0):
        return known
    last = max(known, default=0)
    for pid, sha, meta in session.execute(
            select(Photo.id, Photo.sha256, Photo.meta).where(Photo.id > last)):
        known[pid] = (sha, _history(meta))
    if count != len(known):  # photos were deleted: read them all again
        known.clear()
        for pid, sha, meta in session.execute(
                select(Photo.id, Photo.sha256, Photo.meta)):
            known[pid] = (sha, _history(meta))
    return known


def _checked(session: Session, records: dict[int, tuple[str, Any]], ids: list[int]
             ) -> list[int]:
    """The ids whose cached SHA-256 is still the photo's (an id reused after a rolled-back
    import is dropped from the cache and read again next time)."""
    current = dict(session.execute(select(Photo.id, Photo.sha256).where(Photo.id.in_(ids))).all())
    good = []
    for pid in ids:
        if current.get(pid) == records[pid][0]:
            good.append(pid)
        else:
            records.pop(pid, None)
    return good


class _Index:
    """The whole-picture pHashes of the cached records as one array, grown as photos are
    added, so one photo is compared with the case by a single XOR and popcount."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.shas: list[str] = []
        self.values = np.zeros(0, dtype=np.uint64)

    def sync(self, records: dict[int, tuple[str, Any]]) -> None:
        if any(records.get(pid, ("",))[0] != sha for pid, sha in zip(self.ids, self.shas,
                                                                      strict=True)):
            self.ids, self.shas, self.values = [], [], np.zeros(0, dtype=np.uint64)
        known = set(self.ids)
        new = [pid for pid in records if pid not in known]
        if new:
            hexes = [(records[pid][1].get("phash") if isinstance(records[pid][1], dict)
                      else None) for pid in new]
            self.ids += new
            self.shas += [records[pid][0] for pid in new]
            self.values = np.concatenate([self.values, hex_to_u64(hexes)])

    def near(self, phash: str) -> list[int]:
        d = np.bitwise_count(self.values ^ hex_to_u64([phash])[0])
        return [self.ids[k] for k in np.nonzero(d <= PREFILTER)[0].tolist()]


_INDEXES: dict[int, _Index] = {}


def copies_of(session: Session, photo_id: int) -> CopyGroup | None:
    """The photo and its direct copies in the case, as a group, or None when it has none."""
    records = _cached_records(session)
    if photo_id not in records:
        return None
    me_record = records[photo_id][1]
    if not isinstance(me_record, dict) or not me_record.get("phash"):
        return None
    index = _INDEXES.setdefault(id(records), _Index())
    index.sync(records)
    # Exact duplicates of the picture data share the pHash; others must be within the
    # prefilter: only those few are turned into full records and judged.
    candidates = index.near(me_record["phash"])
    if photo_id not in candidates:
        candidates.append(photo_id)
    items = [_row_hashes(pid, records[pid][0], records[pid][1], {}) for pid in candidates]
    present = [it for it in items if it is not None]
    me = next((k for k, it in enumerate(present) if it.id == photo_id), None)
    if me is None:
        return None
    near = _checked(session, records, neighbours(present, me))
    if not near:
        return None
    posted = _postings(session, [photo_id, *near])
    chosen = [_row_hashes(pid, records[pid][0], records[pid][1], posted)
              for pid in sorted([photo_id, *near])]
    groups = group([c for c in chosen if c is not None])
    return next((g for g in groups if any(m.id == photo_id for m in g.members)), None)


def _postings(session: Session, ids: list[int] | None
              ) -> dict[int, tuple[datetime | None, str | None]]:
    stmt = select(Acquisition.photo_id, Acquisition.posted_utc, Acquisition.platform,
                  Acquisition.url).where(Acquisition.posted_utc.is_not(None))
    if ids is not None:
        stmt = stmt.where(Acquisition.photo_id.in_(ids))
    return {pid: (as_utc(when), platform or url)
            for pid, when, platform, url in session.execute(stmt)}


def copy_facts(session: Session, photo: Photo, own_posted: datetime | None
               ) -> tuple[datetime | None, tuple[dict[str, Any], ...]]:
    """For the dating check: the earliest posting among the photo's copies (its own when
    earlier, or when it has none) and the history findings (EARLIER_COPY, and the JPEG
    signs recorded at import: REENCODED explains an `unverifiable` verdict,
    TABLES_NOT_CAMERA joins the edit evidence)."""
    findings = [dict(s) for s in ((photo.meta or {}).get("history") or {}).get("signs") or []
                if s.get("code") in ("REENCODED", "TABLES_NOT_CAMERA")]
    grp = copies_of(session, photo.id)
    posted = as_utc(own_posted)
    if grp is None:
        return posted, tuple(findings)
    findings += earlier_copy_findings(grp, photo.id, posted)
    first = grp.earliest
    if first is not None:
        when = parse_iso_utc(str(first["posted_utc"]))
        if posted is None or when < posted:
            posted = when
    return posted, tuple(findings)


def earlier_copy_findings(grp: CopyGroup, photo_id: int,
                          own_posted: datetime | None) -> list[dict[str, Any]]:
    """`EARLIER_COPY` (info): another photo of the case is a copy of this picture that was
    posted earlier, or is a larger, less re-encoded copy (the best available)."""
    me = next(m for m in grp.members if m.id == photo_id)
    best = next(m for m in grp.members if m.best)
    out = []
    first = grp.earliest
    if first and first["photo"] != photo_id and (
            own_posted is None or str(first["posted_utc"]) < (iso_z(own_posted) or "")):
        out.append({"code": "EARLIER_COPY", "severity": "info",
                    "message": f"Photo {first['photo']} of the case is a copy of this picture "
                               f"posted earlier ({first['posted_utc']}"
                               + (f", {first['source']}" if first.get("source") else "")
                               + "): the picture existed by then, and its capture time is "
                                 "bounded by that posting.",
                    "params": {"photo": first["photo"], "posted_utc": first["posted_utc"],
                               "source": first.get("source"), "reason": "posted_earlier"}})
    if not me.best:
        out.append({"code": "EARLIER_COPY", "severity": "info",
                    "message": f"Photo {best.id} of the case is a larger or less re-encoded "
                               f"copy of this picture (this one is {me.relation}): it is the "
                               "best copy available.",
                    "params": {"photo": best.id, "relation": me.relation,
                               "reason": "better_copy"}})
    return out


def neighbours(items: list[PictureHashes], index: int) -> list[int]:
    """Ids of the photos `items[index]` is directly judged a copy of."""
    return [items[k].id for k in pairs_with(items, index)]
