"""Copies within a case: `annotator similar`, and the dating check's view of a photo's copies.

Reads each photo's stored hashes (`photo.meta["history"]`) and first posting (its
acquisition record), and groups them (`CopyIndex`, the groups of `similar.group`). The
dating check asks, for one photo, for the earliest posting among its copies
(`POSTED_BEFORE_CAPTURE` bounds every copy's capture by it) and for the `EARLIER_COPY`
finding; `annotator similar`, `photos --json`, the packet and the browser read the same
groups.

Each process keeps one index per case database, read once and grown with the photos added
since (hashes never change: originals are never rewritten). An import runs inside
`copies_batch`: each new photo is added to the index from its own row (no read of the
case), postings are read once, and at the end of the batch the older copies whose
findings the new photos changed (a better copy arrived, a copy posted earlier) are
checked again, once each, in one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.core.bulk_read import all_rows
from annotator.core.history.copy_index import CopyIndex, Postings
from annotator.core.history.signs import sign_findings
from annotator.core.history.similar import CopyGroup, PictureHashes
from annotator.core.models import Acquisition, Photo
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import as_utc, iso_z, parse_iso_utc

if TYPE_CHECKING:
    from annotator.core.case import Case

def _history(meta: Any) -> Any:
    return meta.get("history") if isinstance(meta, dict) else None


# The index reads only the `history` member of each photo's metadata (SQLAlchemy's JSON
# index: JSON_EXTRACT on SQLite, -> on PostgreSQL), not the whole tag dump: the first read
# of a 10 000-photo case runs in a worker of the GUI process, beside the painting thread.
_HISTORY = Photo.meta["history"]


def _hashes(pid: int, sha: str, record: Any) -> PictureHashes | None:
    if not isinstance(record, dict) or not record.get("phash"):
        return None
    jpeg = record.get("jpeg") or {}
    return PictureHashes(
        id=pid, sha256=sha, phash=record.get("phash"), dhash=record.get("dhash"),
        windows=tuple(record.get("windows") or ()),
        dwindows=tuple(record.get("dwindows") or ()), width=record.get("width") or 0,
        height=record.get("height") or 0, quality=(jpeg.get("quality") or {}).get("luma"),
        tables_sha256=jpeg.get("tables_sha256"), detail=record.get("detail"),
        pdq=record.get("pdq"))


# -- the index each process keeps per case ---------------------------------------------


@dataclass
class _Entry:
    """One case's index: `seen` is every photo read (with or without hashes)."""

    index: CopyIndex = field(default_factory=CopyIndex)
    seen: dict[int, str] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def load(self, rows: Any) -> None:
        """Add rows (id, sha256, history), in id order."""
        for pid, sha, history in rows:
            self.seen[pid] = sha
            item = _hashes(pid, sha, history)
            if item is not None:
                self.index.add(item)

    def rebuild(self, session: Session) -> None:
        self.seen = {}
        items = []
        for pid, sha, history in all_rows(
                session, select(Photo.id, Photo.sha256, _HISTORY).order_by(Photo.id)):
            self.seen[pid] = sha
            if (item := _hashes(pid, sha, history)) is not None:
                items.append(item)
        self.index = CopyIndex(items)  # (all pairs at once: faster than one by one)


_CACHE: dict[str, _Entry] = {}
_CACHE_LOCK = threading.Lock()


def _key(session: Session) -> str:
    bind = session.get_bind()
    return str(getattr(bind, "url", None) or bind.engine.url)


def _entry(session: Session) -> _Entry:
    with _CACHE_LOCK:
        return _CACHE.setdefault(_key(session), _Entry())


def _synced(session: Session, *, verify: bool = False) -> _Entry:
    """The case's index, with the photos added since it was last read (caller holds no
    lock; the entry's lock is taken here and must be taken again to use it). `verify`
    compares every photo's SHA-256 too (an id reused after a rolled-back insert)."""
    entry = _entry(session)
    with entry.lock:
        if not entry.seen:
            entry.rebuild(session)
            return entry
        if verify:
            current = dict(all_rows(session, select(Photo.id, Photo.sha256)))
            if current != entry.seen:
                _catch_up(session, entry, current)
            return entry
        count, top = session.execute(select(func.count(Photo.id), func.max(Photo.id))).one()
        if count == len(entry.seen) and (top or 0) == max(entry.seen):
            return entry
        last = max(entry.seen)
        entry.load(session.execute(select(Photo.id, Photo.sha256, _HISTORY)
                                   .where(Photo.id > last).order_by(Photo.id)))
        if count != len(entry.seen):  # photos disappeared (a rolled-back insert): read all
            entry.rebuild(session)
    return entry


def _catch_up(session: Session, entry: _Entry, current: dict[int, str]) -> None:
    """Bring `entry` to `current` ({id: sha256}): new photos added, else read again."""
    if any(current.get(pid) != sha for pid, sha in entry.seen.items()):
        entry.rebuild(session)
        return
    new = sorted(set(current) - set(entry.seen))
    entry.load(session.execute(select(Photo.id, Photo.sha256, _HISTORY)
                               .where(Photo.id.in_(new)).order_by(Photo.id)))


def _postings(session: Session, ids: list[int] | None) -> Postings:
    stmt = select(Acquisition.photo_id, Acquisition.posted_utc, Acquisition.platform,
                  Acquisition.url).where(Acquisition.posted_utc.is_not(None))
    if ids is not None:
        stmt = stmt.where(Acquisition.photo_id.in_(ids))
    return {pid: (as_utc(when), platform or url)
            for pid, when, platform, url in session.execute(stmt)}


def similar_groups(session: Session, photo_id: int | None = None) -> list[CopyGroup]:
    """The case's groups of copies (only the group holding `photo_id` when given)."""
    entry = _synced(session, verify=True)
    with entry.lock:
        groups = entry.index.groups(_postings(session, None))
    if photo_id is not None:
        groups = [g for g in groups if any(m.id == photo_id for m in g.members)]
    return groups


def copies_of(session: Session, photo_id: int) -> CopyGroup | None:
    """The photo's group of copies in the case, or None when it has none."""
    for _attempt in range(2):
        entry = _synced(session)
        with entry.lock:
            members = entry.index.members_of(photo_id)
            if len(members) < 2:
                return None
            current = dict(session.execute(select(Photo.id, Photo.sha256)
                                           .where(Photo.id.in_(members))).all())
            if all(current.get(pid) == entry.seen.get(pid) for pid in members):
                return entry.index.group_of(photo_id, _postings(session, members))
            entry.rebuild(session)  # an id reused after a rolled-back insert: read again
    return None


def group_ids(session: Session, photo_id: int) -> list[int]:
    """The photo and its copies in the case (for a write that changes what every copy's
    check reads: a posting)."""
    grp = copies_of(session, photo_id)
    return [photo_id] if grp is None else [m.id for m in grp.members]


def copies_json(grp: CopyGroup, photo_id: int) -> dict[str, Any]:
    """One photo's place among its copies, as `photos --json` (`copies`), the packet's
    manifest and the browser give it: whether it is the best copy available (the most
    pixels, then the highest JPEG quality, then the first imported), its relation and
    distance to that copy, and the whole group as `annotator similar --json` lists it."""
    me = next(m for m in grp.members if m.id == photo_id)
    best = next(m for m in grp.members if m.best)
    return {"best": me.best, "relation": me.relation, "distance": me.distance,
            "best_copy": {"id": best.id, "sha256": best.sha256},
            "photos": [m.to_json() for m in grp.members], "earliest": grp.earliest}


def copies_within(copies: dict[str, Any] | None, photo_ids: set[int]
                  ) -> dict[str, Any] | None:
    """`copies_json` naming only the photos of `photo_ids` (a packet of part of the case
    names no photo left out of it): other members are dropped, and the best copy or the
    earliest posting is null when it is not among them; what is said of this photo itself
    (best or not, its relation to the best copy) stays."""
    if copies is None:
        return None
    best = copies["best_copy"]
    earliest = copies["earliest"]
    return {**copies, "photos": [m for m in copies["photos"] if m["id"] in photo_ids],
            "best_copy": best if best["id"] in photo_ids else None,
            "earliest": earliest if earliest and earliest["photo"] in photo_ids else None}


def all_copies(session: Session) -> dict[int, dict[str, Any]]:
    """`copies_json` of every photo that has copies in the case (the browser's badges).
    It walks the groups, not the photos: a case of 10 000 photos with few copies costs
    little, so the worker asking for it barely competes with the GUI thread."""
    entry = _synced(session, verify=True)
    with entry.lock:
        groups = entry.index.groups(_postings(session, None))
    return {m.id: copies_json(grp, m.id) for grp in groups for m in grp.members}


def copies_by_photo(session: Session, photo_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """`copies_json` of each of `photo_ids` that has copies in the case (one description
    per group; the `photos --json` section loader)."""
    entry = _synced(session, verify=True)
    out: dict[int, dict[str, Any]] = {}
    with entry.lock:
        groups: list[list[int]] = []
        seen: set[int] = set()
        for pid in photo_ids:
            if pid in seen:
                continue
            members = entry.index.members_of(pid)
            seen.update(members)
            if len(members) > 1:
                groups.append(members)
        postings = _postings(session, [m for g in groups for m in g]) if groups else {}
        wanted = set(photo_ids)
        for members in groups:
            grp = entry.index.group_of(members[0], postings)
            assert grp is not None
            for m in members:
                if m in wanted:
                    out[m] = copies_json(grp, m)
    return out


# -- what the capture-date check reads --------------------------------------------------


def copy_facts(session: Session, photo: Photo, own_posted: datetime | None
               ) -> tuple[datetime | None, tuple[dict[str, Any], ...]]:
    """For the dating check: the earliest posting among the photo's copies (its own when
    earlier, or when it has none) and the history findings (EARLIER_COPY, and the JPEG
    signs recorded at import: `signs.DATING_SIGNS`)."""
    findings = sign_findings(_history(photo.meta))
    own = as_utc(own_posted)
    if _hashes(photo.id, photo.sha256, _history(photo.meta)) is None:
        # No picture hashes (not decoded, or imported before they were kept): it has no
        # copies, and the case's index need not be read (10 000 rows, for nothing).
        return own, tuple(findings)
    batch = _BATCH.get()
    if batch is not None and batch.key == _key(session):
        grp = batch.group_of(session, photo)
    else:
        batch = None
        grp = copies_of(session, photo.id)
    part = _copy_part(grp, photo.id, own)
    if batch is not None:
        batch.used[photo.id] = part
    posted, copy_findings = part
    return (parse_iso_utc(posted) if posted else None), tuple(findings + list(copy_findings))


def _copy_part(grp: CopyGroup | None, photo_id: int, own: datetime | None
               ) -> tuple[str | None, tuple[dict[str, Any], ...]]:
    """What a photo's check takes from its copies: the posting bound, EARLIER_COPY."""
    if grp is None:
        return iso_z(own), ()
    findings = earlier_copy_findings(grp, photo_id, own)
    posted = own
    first = grp.earliest
    if first is not None:
        when = parse_iso_utc(str(first["posted_utc"]))
        if posted is None or when < posted:
            posted = when
    return iso_z(posted), tuple(findings)


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


# -- an import batch ---------------------------------------------------------------------

Part = tuple[str | None, tuple[dict[str, Any], ...]]


@dataclass
class _Batch:
    case: Case
    key: str
    postings: Postings | None = None  # read at the batch's first new photo
    used: dict[int, Part] = field(default_factory=dict)  # what each check of the batch read
    before: dict[int, Part] = field(default_factory=dict)  # older copies, before the batch

    def group_of(self, session: Session, photo: Photo) -> CopyGroup | None:
        if self.postings is None:  # (a batch of files the case holds reads nothing)
            # in a session of its own: the case as it was before this photo's transaction
            with self.case.reading() as before:
                _synced(before)
                self.postings = _postings(before, None)
        entry = _entry(session)
        with entry.lock:
            if entry.seen.get(photo.id, photo.sha256) != photo.sha256:
                entry.rebuild(session)  # an id reused after a rolled-back insert
            if photo.id not in entry.seen:
                entry.seen[photo.id] = photo.sha256
                item = _hashes(photo.id, photo.sha256, _history(photo.meta))
                if item is not None:
                    near = entry.index.neighbours(item)
                    self._remember(entry.index, near)
                    entry.index.add(item, near)
            return entry.index.group_of(photo.id, self.postings)

    def _remember(self, index: CopyIndex, near: list[int]) -> None:
        """What the older copies' checks read before a new photo joins their groups (every
        photo connected to its neighbours: a group split again may move any of them)."""
        assert self.postings is not None
        done: set[int] = set()
        for pid in index.related(near):
            if pid in done:
                continue
            members = index.members_of(pid)
            done.update(members)
            older = [m for m in members if m not in self.used and m not in self.before]
            if not older:
                continue
            grp = index.group_of(pid, self.postings)
            for m in older:
                self.before[m] = _copy_part(grp, m, self.postings.get(m, (None, None))[0])

    def stale(self, session: Session) -> list[int]:
        """The photos whose copies now say something else than their check read."""
        entry = _synced(session, verify=True)
        self.postings = _postings(session, None)
        out = []
        with entry.lock:
            groups: dict[int, CopyGroup | None] = {}  # first member → the group, described once
            for pid, part in {**self.before, **self.used}.items():
                if pid not in entry.seen:
                    continue  # (its insert was rolled back)
                members = entry.index.members_of(pid)
                first = members[0] if members else pid
                if first not in groups:
                    groups[first] = entry.index.group_of(pid, self.postings)
                own = self.postings.get(pid, (None, None))[0]
                if _copy_part(groups[first], pid, own) != part:
                    out.append(pid)
        return sorted(out)


_BATCH: ContextVar[_Batch | None] = ContextVar("annotator_copies_batch", default=None)


@contextmanager
def copies_batch(case: Case) -> Iterator[None]:
    """Photos added to `case` inside this block (by this thread) are grouped from the rows
    being inserted; when it ends, the other copies whose findings changed are checked
    again, in one write transaction."""
    with case.reading() as session:
        batch = _Batch(case, _key(session))
    token = _BATCH.set(batch)
    try:
        yield
        if not batch.used:
            return  # no photo was checked: nothing changed for any copy
        with case.reading() as session:
            stale = batch.stale(session)
        if stale:
            with case.writing() as session:
                mark_dating_stale(session, stale)
    finally:
        _BATCH.reset(token)
