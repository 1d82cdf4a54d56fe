"""The hash-chained audit log: every change to a case appends one event.

Each event's `hash` seals three things: the previous event's hash, the event's time, and
`content_sha256`, the SHA-256 of the rest of its canonical content (examiner, action, object,
photo, details). Altering, removing or reordering any event breaks every later link. Hashing
the content through its digest lets an evidence packet show an event about a photo outside
the packet as just its time and hashes (redacted) while the chain still verifies end to end.
Appends are serialized (SQLite: the write transaction is BEGIN IMMEDIATE; PostgreSQL: an advisory
transaction lock), so two writers never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from annotator.core.models import AuditEvent
from annotator.core.timeutil import iso_z, utc_now

if TYPE_CHECKING:
    from annotator.core.case import Case

GENESIS = "0" * 64
_PG_CHAIN_LOCK = 0x616E6E6F  # "anno": one advisory lock key for the chain head


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the exact bytes that are hashed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def content_digest(
    examiner: str,
    action: str,
    object_type: str,
    object_id: str | None,
    photo_sha256: str | None,
    details: str,
    salt: str = "",
) -> str:
    """The SHA-256 of an event's content other than its time and link (`details` is the
    canonical JSON text exactly as stored). The event's random `salt` is part of it, so a
    redacted custody line (digest only) cannot be confirmed by guessing its content, e.g.
    "photo.import" of a photo someone already holds."""
    content: dict[str, Any] = {
        "examiner": examiner,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "photo_sha256": photo_sha256,
        "details": details,
    }
    if salt:  # events from before schema 0004 have none and were hashed without the key
        content["salt"] = salt
    payload = canonical_json(content)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def link_hash(prev_hash: str, time_iso: str | None, content_sha256: str) -> str:
    """The SHA-256 that seals one event onto the chain, from its link, time and content digest."""
    payload = canonical_json(
        {"prev": prev_hash, "time": time_iso, "content_sha256": content_sha256}
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def event_hash(
    prev_hash: str,
    time_utc: datetime,
    examiner: str,
    action: str,
    object_type: str,
    object_id: str | None,
    photo_sha256: str | None,
    details: str,
    salt: str = "",
) -> str:
    """The SHA-256 that seals one event onto the chain."""
    content = content_digest(examiner, action, object_type, object_id, photo_sha256, details,
                             salt)
    return link_hash(prev_hash, iso_z(time_utc), content)


def lock_chain(session: Session) -> None:
    """Serialize writers on the audit chain's head until the caller's transaction ends.

    PostgreSQL: a transaction-scoped advisory lock (one key for the whole chain); every
    writer that appends events, or allocates ids the chain will name, takes it first.
    SQLite needs nothing: the write transaction is BEGIN IMMEDIATE, one writer at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})


def append_event(
    session: Session,
    *,
    examiner: str,
    action: str,
    object_type: str,
    object_id: object = None,
    photo_sha256: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction, so the change and its record commit
    together (or neither does)."""
    lock_chain(session)
    head = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = head or GENESIS
    # Stored times are truncated to the microsecond, like the hashed ISO form.
    now = utc_now()
    details_text = canonical_json(details or {})
    oid = None if object_id is None else str(object_id)
    salt = secrets.token_hex(16)
    event = AuditEvent(
        time_utc=now,
        examiner=examiner,
        action=action,
        object_type=object_type,
        object_id=oid,
        photo_sha256=photo_sha256,
        details=details_text,
        prev_hash=prev,
        salt=salt,
        hash=event_hash(prev, now, examiner, action, object_type, oid, photo_sha256,
                        details_text, salt),
    )
    session.add(event)
    session.flush()
    return event


def unrecorded_event(session: Session, *, examiner: str, action: str, object_type: str,
                     object_id: object = None, details: dict[str, Any] | None = None
                     ) -> AuditEvent:
    """The event `append_event` would append next, built on the chain's head but stored
    nowhere: what a packet made from a read-only case (whose own log cannot grow) carries
    as its last custody line. It verifies like any event of the chain."""
    head = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    prev = head.hash if head else GENESIS
    now = utc_now()
    details_text = canonical_json(details or {})
    oid = None if object_id is None else str(object_id)
    salt = secrets.token_hex(16)
    return AuditEvent(
        id=(head.id if head else 0) + 1, time_utc=now, examiner=examiner, action=action,
        object_type=object_type, object_id=oid, photo_sha256=None, details=details_text,
        prev_hash=prev, salt=salt,
        hash=event_hash(prev, now, examiner, action, object_type, oid, None, details_text, salt),
    )


@dataclass(frozen=True)
class ChainCheck:
    """The result of re-walking the chain: `ok`, how many events, and the first broken link."""

    ok: bool
    count: int
    first_broken_id: int | None = None
    reason: str | None = None


def verify_events(events: Iterable[AuditEvent]) -> ChainCheck:
    """Re-walk events in order; name the first whose link or content does not check out."""
    prev = GENESIS
    count = 0
    for event in events:
        count += 1
        if event.prev_hash != prev:
            return ChainCheck(False, count, event.id,
                              "its previous-hash does not match the event before it")
        expected = event_hash(
            event.prev_hash,
            event.time_utc,
            event.examiner,
            event.action,
            event.object_type,
            event.object_id,
            event.photo_sha256,
            event.details,
            event.salt,
        )
        if expected != event.hash:
            return ChainCheck(False, count, event.id, "its content does not match its hash")
        prev = event.hash
    return ChainCheck(True, count)


def verify_chain(session: Session) -> ChainCheck:
    """Verify the whole audit log of the case."""
    events = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
    return verify_events(events)


def photo_events(case: Case, sha256: str) -> list[AuditEvent]:
    """`events_for_photo` in a read transaction of its own (for the GUI)."""
    with case.reading() as session:
        return events_for_photo(session, sha256)


def events_for_photo(session: Session, sha256: str) -> list[AuditEvent]:
    """The photo's own history, oldest first (for the Provenance panel and the report)."""
    stmt = select(AuditEvent).where(AuditEvent.photo_sha256 == sha256).order_by(AuditEvent.id)
    return list(session.execute(stmt).scalars())
