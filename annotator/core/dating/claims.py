"""The investigator's claim about a photo: claimed date or local date-time, claimed place,
where the claim came from and how reliable that source is (Admiralty grade).

`set_claim` saves it (audited, versioned) and refreshes the photo's date check in the same
transaction, so `photo.date_verdict` never lags behind the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.conflicts import conflicts_recorded
from annotator.core.dating.check import Claim, Place
from annotator.core.errors import EditConflict, InputRejected
from annotator.core.models import PhotoClaim
from annotator.core.photos import locked_photo
from annotator.core.reference.airports import require_airport
from annotator.core.reference.timezones import zone_at
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

GRADE_RE = re.compile(r"^[A-F][1-6]$")
_CLAIMED_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")
FIELDS = ("claimed", "place", "source_text", "grade")


SOURCE_RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
INFORMATION_CREDIBILITY = {
    "1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
    "4": "doubtful", "5": "improbable", "6": "truth cannot be judged",
}


def grade_meaning(grade: str | None) -> str | None:
    """`F6` → "source: reliability cannot be judged; information: truth cannot be judged"
    (the Admiralty grade in words, so an unverified aggregator reads as such in reports)."""
    if not grade or not GRADE_RE.match(grade):
        return None
    return (f"source: {SOURCE_RELIABILITY[grade[0]]}; "
            f"information: {INFORMATION_CREDIBILITY[grade[1]]}")


def normalize_grade(text: str | None) -> str | None:
    """`b2` → `B2`; empty → None; anything not A–F followed by 1–6 is refused."""
    if text is None or not text.strip():
        return None
    grade = text.strip().upper()
    if not GRADE_RE.match(grade):
        raise InputRejected(f"{text!r} is not an Admiralty grade: give the source's reliability "
                            "A–F and the information's credibility 1–6, e.g. B2.",
                            code="CLAIM_BAD_GRADE", text=f"{text!r}")
    return grade


def normalize_claimed(text: str | None) -> str | None:
    """`2023-10-27` or `2023-10-27T10:00` (local time of the place); empty → None."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(" ", "T")
    for fmt in _CLAIMED_FORMATS:
        try:
            value = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d":
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%dT%H:%M" if value.second == 0 else "%Y-%m-%dT%H:%M:%S")
    raise InputRejected(f"{text!r} is not a claimed date: give 2023-10-27 or 2023-10-27T10:00 "
                        "(local time of the place, no offset).",
                        code="CLAIM_BAD_DATE", text=f"{text!r}")


def resolve_place(text: str | None) -> Place | None:
    """An airport code (ICAO, IATA or a known name) or `lat,lon` → a Place with its time zone."""
    if text is None or not text.strip():
        return None
    raw = text.strip()
    if "," in raw:
        try:
            lat_s, lon_s = raw.split(",")
            lat, lon = float(lat_s), float(lon_s)
        except ValueError as exc:
            raise InputRejected(f"{raw!r} is not a position: give LAT,LON in decimal degrees, "
                                "e.g. 12.5335,-7.9499.",
                                code="CLAIM_BAD_POSITION", raw=f"{raw!r}") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputRejected(f"{raw!r} is outside the globe: latitude −90…90, "
                                "longitude −180…180.",
                                code="CLAIM_POSITION_OFF_GLOBE", raw=f"{raw!r}")

        return Place(f"{lat:.5f},{lon:.5f}", lat, lon, zone_at(lat, lon))

    airport = require_airport(raw)
    return Place(airport.icao, airport.lat, airport.lon, airport.tz)


@dataclass(frozen=True)
class ClaimRecord:
    """A photo's stored claim (all None when none was entered)."""

    photo_id: int
    claimed: str | None = None
    place: str | None = None
    source_text: str | None = None
    grade: str | None = None
    version: int = 0

    def values(self) -> dict[str, str | None]:
        return {k: getattr(self, k) for k in FIELDS}

    def to_json(self) -> dict[str, str | int | None]:
        """The claim with its grade in words (`claim` in `check-date --json`)."""
        return {**self.values(), "grade_meaning": grade_meaning(self.grade),
                "version": self.version}

    def to_claim(self, place: Place | None) -> Claim:
        return Claim(self.claimed, place, self.source_text, self.grade)


def record_of(photo_id: int, row: PhotoClaim | None) -> ClaimRecord:
    if row is None:
        return ClaimRecord(photo_id)
    return ClaimRecord(photo_id, row.claimed, row.place, row.source_text, row.grade, row.version)


def claim_row(session: Session, photo_id: int) -> PhotoClaim | None:
    return session.execute(
        select(PhotoClaim).where(PhotoClaim.photo_id == photo_id)).scalar_one_or_none()


def get_claim(session: Session, photo_id: int) -> ClaimRecord:
    return record_of(photo_id, claim_row(session, photo_id))


def stored_place(row: PhotoClaim | None) -> Place | None:
    """The claimed place as resolved when it was saved (no lookup needed to re-check)."""
    if row is None or not row.place or row.place_lat is None or row.place_lon is None:
        return None
    return Place(row.place, row.place_lat, row.place_lon, row.place_tz)


def set_claim(case: Case, photo_id: int, *, claimed: str | None = None,
              place: str | None = None, source_text: str | None = None,
              grade: str | None = None, expected_version: int | None = None,
              resolution: str | None = None) -> ClaimRecord:
    """Save the given fields of the claim (None keeps a field, "" clears it), audited, and
    refresh the photo's date check. `expected_version` refuses a stale edit with an audited
    `EditConflict` (the claim's version is 0 before any claim was saved)."""
    changes: dict[str, str | None] = {}
    if claimed is not None:
        changes["claimed"] = normalize_claimed(claimed)
    resolved: Place | None = None
    if place is not None:
        resolved = resolve_place(place)
        changes["place"] = resolved.label if resolved else None
    if source_text is not None:
        changes["source_text"] = source_text.strip() or None
    if grade is not None:
        changes["grade"] = normalize_grade(grade)
    with conflicts_recorded(case):
        return _set_claim(case, photo_id, changes, resolved, expected_version, resolution)


def _set_claim(case: Case, photo_id: int, changes: dict[str, str | None],
               resolved: Place | None, expected_version: int | None,
               resolution: str | None) -> ClaimRecord:
    with case.writing() as session:
        photo = locked_photo(session, photo_id)  # also serializes the very first claim
        row = claim_row(session, photo_id)
        before = record_of(photo_id, row)
        if expected_version is not None and before.version != expected_version:
            raise EditConflict("claim", photo_id, mine=dict(changes),
                               theirs={k: getattr(before, k) for k in changes},
                               expected_version=expected_version,
                               current_version=before.version, photo_id=photo_id,
                               photo_sha256=photo.sha256)
        after_values = {**before.values(), **changes}
        if after_values == before.values():
            return before
        if row is None:
            row = PhotoClaim(photo_id=photo_id, version=0, updated_utc=utc_now(),
                             updated_by=case.examiner)
            session.add(row)
        for key, value in changes.items():
            setattr(row, key, value)
        if "place" in changes:
            row.place_lat = resolved.lat if resolved else None
            row.place_lon = resolved.lon if resolved else None
            row.place_tz = resolved.tz if resolved else None
        row.version = (row.version or 0) + 1
        row.updated_utc = utc_now()
        row.updated_by = case.examiner
        session.flush()
        after = record_of(photo_id, row)
        details = {"before": before.values(), "after": after.values(), "version": after.version}
        if resolution:
            details["resolution"] = resolution
        case.audit(session, "claim.set", "photo", photo_id, photo_sha256=photo.sha256,
                   details=details)
        mark_dating_stale(session, [photo_id])
    return after
