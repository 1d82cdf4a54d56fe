"""The custody log of a packet: the case's audit chain as JSON lines, with events about
photos outside the packet redacted to their time and hashes.

Each line is one event. A full line carries every field the chain hashes (with `details`
as the exact canonical JSON text that was hashed); a redacted line carries only `id`,
`time_utc`, `content_sha256`, `prev_hash`, `hash` and `"redacted": true`. Because an event's
hash is `SHA-256({"content_sha256", "prev", "time"})` (see `annotator.core.case.audit`), both kinds
re-verify without our software, and a redacted line says nothing of its photo beyond the fact
that some event happened at that time: the content digest includes the event's random
`salt`, which only full lines show, so a guess at a redacted event's content cannot be
confirmed against its digest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.case.audit import GENESIS, canonical_json, content_digest, link_hash
from annotator.core.models import AuditEvent
from annotator.core.timeutil import iso_z

_HEX64 = re.compile(r"[0-9a-f]{64}")
# Events whose object is one of these types concern a photo even when `photo_sha256` is empty.
_PHOTO_OBJECTS = frozenset({"photo", "box", "photo_claim", "acquisition", "date_check", "link"})


@dataclass(frozen=True)
class PacketScope:
    """What the packet may reveal: its photos (by hash and id), their boxes, and the hashes
    and paths of the case's other photos (whose events must be redacted)."""

    photo_sha256s: frozenset[str]
    photo_ids: frozenset[str]
    box_ids: frozenset[str]
    outside_sha256s: frozenset[str]
    outside_paths: frozenset[str] = field(default_factory=frozenset)


def concerns_outside_photo(event: AuditEvent, scope: PacketScope) -> bool:
    """True when the event is about (or mentions) a photo that is not in the packet.

    Redacting too much is safe (the chain still verifies); revealing too little is not, so an
    event whose photo cannot be tied to the packet is redacted.
    """
    if event.photo_sha256:
        return event.photo_sha256 not in scope.photo_sha256s
    details = event.details or ""
    if scope.outside_sha256s and any(
        h in scope.outside_sha256s for h in _HEX64.findall(details.lower())
    ):
        return True
    if any(path and path in details for path in scope.outside_paths):
        return True
    if event.object_type == "photo":
        return (event.object_id or "") not in scope.photo_ids
    if event.object_type == "box":
        return (event.object_id or "") not in scope.box_ids
    if event.object_type in _PHOTO_OBJECTS:
        return True
    return False


def custody_line(event: AuditEvent, *, redact: bool) -> dict[str, Any]:
    """One custody.jsonl record for `event` (full or redacted)."""
    content = content_digest(event.examiner, event.action, event.object_type, event.object_id,
                             event.photo_sha256, event.details, event.salt)
    if redact:
        return {"id": event.id, "time_utc": iso_z(event.time_utc), "redacted": True,
                "content_sha256": content, "prev_hash": event.prev_hash, "hash": event.hash}
    return {
        "id": event.id,
        "time_utc": iso_z(event.time_utc),
        "examiner": event.examiner,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "photo_sha256": event.photo_sha256,
        "details": event.details,
        "salt": event.salt,
        "content_sha256": content,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def custody_lines(events: Iterable[AuditEvent], scope: PacketScope) -> list[dict[str, Any]]:
    return [custody_line(e, redact=concerns_outside_photo(e, scope)) for e in events]


def dumps(lines: Sequence[dict[str, Any]]) -> bytes:
    """custody.jsonl bytes: one canonical JSON object per line."""
    return "".join(canonical_json(line) + "\n" for line in lines).encode("utf-8")


@dataclass(frozen=True)
class CustodyCheck:
    """The result of re-walking a packet's custody log."""

    ok: bool
    count: int
    redacted: int
    problem: str | None = None
    last: dict[str, Any] | None = None


def parse(data: bytes) -> list[dict[str, Any]]:
    """Parse custody.jsonl; raises ValueError naming the bad line."""
    lines: list[dict[str, Any]] = []
    for number, raw in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise ValueError(f"custody.jsonl line {number} is not JSON") from exc
        if not isinstance(value, dict):
            raise ValueError(f"custody.jsonl line {number} is not a JSON object")
        lines.append(value)
    return lines


def verify_lines(lines: Sequence[dict[str, Any]]) -> CustodyCheck:
    """Re-walk the chain from its genesis: every link, every content digest of a full line."""
    prev = GENESIS
    redacted = 0
    for number, line in enumerate(lines, start=1):
        where = f"custody.jsonl line {number} (event {line.get('id')})"
        if line.get("prev_hash") != prev:
            return CustodyCheck(False, number, redacted,
                                f"{where}: its previous-hash does not match the line before it")
        if line.get("redacted"):
            redacted += 1
            content = line.get("content_sha256")
        else:
            try:
                content = content_digest(line["examiner"], line["action"], line["object_type"],
                                         line["object_id"], line["photo_sha256"], line["details"],
                                         line.get("salt", ""))
            except KeyError as exc:
                return CustodyCheck(False, number, redacted, f"{where}: field {exc} is missing")
            if content != line.get("content_sha256"):
                return CustodyCheck(False, number, redacted,
                                    f"{where}: its content does not match its digest")
        if not isinstance(content, str) or link_hash(prev, line.get("time_utc"),
                                                     content) != line.get("hash"):
            return CustodyCheck(False, number, redacted, f"{where}: its hash does not match")
        prev = line["hash"]
    return CustodyCheck(True, len(lines), redacted, None, lines[-1] if lines else None)
