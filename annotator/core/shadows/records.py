"""A photo's shadow measurement in a case: measured, saved (audited, versioned), cleared.

`set_shadow` measures the marks on the photo (its displayed size, its place and capture
time as the capture-date check derives them), saves the measurement and marks the photo's
check stale, so the case's write transaction recomputes it with `SHADOW_TIME_MISMATCH` or
`SHADOW_CONSISTENT` before it commits. Audit events: `shadow.set` (before and after, the
version) and `shadow.delete`. `expected_version` refuses a stale edit (`EditConflict`,
audited), as for claims; a photo without a measurement is at version 0.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.conflicts import conflicts_recorded
from annotator.core.dating import (
    Place,
    SunBand,
    check_capture_date,
    dating_input,
    resolve_place,
    shadow_place,
)
from annotator.core.errors import EditConflict
from annotator.core.models import Photo, PhotoShadow
from annotator.core.photos import locked_photo
from annotator.core.shadows.analysis import ShadowResult, analyse, parse_day
from annotator.core.shadows.measure import ShadowMarks, measure_shadow
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import iso_z, utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case


@dataclass(frozen=True)
class StoredShadow:
    """A saved measurement: the marks, the place and date typed with them (None: the
    photo's own), the printed result, and the version."""

    photo_id: int
    marks: ShadowMarks
    place: str | None
    day: str | None
    result: dict[str, Any]
    version: int
    updated_utc: str | None = None
    updated_by: str | None = None
    band: SunBand | None = None  # the measured sun unrounded (the check's own figures)

    def values(self) -> dict[str, Any]:
        """What an edit changes (the audit's before/after; what undo puts back)."""
        return {"marks": self.marks.to_json(), "place": self.place, "day": self.day}

    def to_json(self) -> dict[str, Any]:
        return {**self.values(), "result": self.result, "version": self.version,
                "updated_utc": self.updated_utc, "updated_by": self.updated_by}


def result_record(result: ShadowResult) -> dict[str, Any]:
    """What is kept of a result: `shadow --json`, plus where and on which day it was read."""
    return {**result.to_json(), "place": result.place.label, "date": result.day.isoformat(),
            "place_point": {"lat": result.place.lat, "lon": result.place.lon,
                            "tz": result.place.tz}}


def _row(session: Session, photo_id: int) -> PhotoShadow | None:
    return session.execute(
        select(PhotoShadow).where(PhotoShadow.photo_id == photo_id)).scalar_one_or_none()


def _stored(row: PhotoShadow) -> StoredShadow:
    return StoredShadow(row.photo_id, ShadowMarks.from_json(row.marks), row.place, row.day,
                        dict(row.result or {}), row.version, iso_z(row.updated_utc),
                        row.updated_by, SunBand(row.azimuth, row.azimuth_error, row.elevation,
                                                row.elevation_error))


def get_shadow(session: Session, photo_id: int) -> StoredShadow | None:
    """The photo's saved measurement, or None."""
    row = _row(session, photo_id)
    return _stored(row) if row is not None else None


def shadows_by_photo(session: Session, photo_ids: list[int]) -> dict[int, StoredShadow]:
    """The saved measurements of several photos in one query (for packets)."""
    rows = session.execute(select(PhotoShadow).where(PhotoShadow.photo_id.in_(photo_ids)))
    return {row.photo_id: _stored(row) for row in rows.scalars()}


def shadow_json_by_photo(session: Session, photo_ids: list[int]) -> dict[int, dict[str, Any]]:
    """`photos --json` section `shadow`: each photo's saved measurement (`StoredShadow`
    JSON: marks, place, day, result, version, who and when), in one query."""
    return {pid: stored.to_json() for pid, stored in shadows_by_photo(session, photo_ids).items()}


def _named_place(place: str | None) -> Place | None:
    return resolve_place(place) if place else None


def _measure_in(case: Case, session: Session, photo: Photo, marks: ShadowMarks,
                named: Place | None, day: date | None) -> ShadowResult:
    measurement = measure_shadow(marks, (photo.width, photo.height)
                                 if photo.width and photo.height else None)
    inp = dating_input(case, session, photo)
    # The capture time does not depend on a shadow: check without the old one (no windows).
    capture = check_capture_date(dataclasses.replace(inp, shadow=None)).capture_utc
    return analyse(measurement, shadow_place(inp, named), day, capture)


def measure_photo_shadow(case: Case, photo_id: int, marks: ShadowMarks, *,
                         place: str | None = None, day: str | None = None) -> ShadowResult:
    """Measure the marks on a case photo without saving anything (a read-only case, a
    preview in the app)."""
    named, when = _named_place(place), parse_day(day)
    with case.reading() as session:
        photo = session.get(Photo, photo_id)
        if photo is None:
            photo = locked_photo(session, photo_id)  # raises PHOTO_NOT_IN_CASE
        return _measure_in(case, session, photo, marks, named, when)


def set_shadow(case: Case, photo_id: int, marks: ShadowMarks, *, place: str | None = None,
               day: str | None = None, expected_version: int | None = None,
               resolution: str | None = None) -> tuple[ShadowResult, StoredShadow]:
    """Measure and save the photo's shadow (replacing any), audited; the photo's date check
    is recomputed before the transaction commits. Refused input saves nothing."""
    named, when = _named_place(place), parse_day(day)
    with conflicts_recorded(case), case.writing() as session:
        photo = locked_photo(session, photo_id)
        row = _row(session, photo_id)
        before = _stored(row) if row is not None else None
        version = before.version if before else 0
        if expected_version is not None and version != expected_version:
            raise EditConflict("shadow", photo_id, mine={"marks": marks.to_json()},
                               theirs=before.values() if before else {},
                               expected_version=expected_version, current_version=version,
                               photo_id=photo_id, photo_sha256=photo.sha256)
        result = _measure_in(case, session, photo, marks, named, when)
        m = result.measurement
        if row is None:
            row = PhotoShadow(photo_id=photo_id, version=0)
            session.add(row)
        row.marks = marks.to_json()
        row.azimuth, row.azimuth_error = m.azimuth, m.azimuth_error
        row.elevation, row.elevation_error = m.elevation, m.elevation_error
        row.result = result_record(result)
        row.place = named.label if named else None
        row.place_lat = named.lat if named else None
        row.place_lon = named.lon if named else None
        row.place_tz = named.tz if named else None
        row.day = when.isoformat() if when else None
        row.version = version + 1
        row.updated_utc = utc_now()
        row.updated_by = case.examiner
        session.flush()
        after = _stored(row)
        details: dict[str, Any] = {"before": before.values() if before else None,
                                   "after": after.values(), "version": after.version,
                                   "sun": m.band.to_json()}
        if resolution:
            details["resolution"] = resolution
        case.audit(session, "shadow.set", "photo", photo_id, photo_sha256=photo.sha256,
                   details=details)
        mark_dating_stale(session, [photo_id])
    return result, after


def clear_shadow(case: Case, photo_id: int, *,
                 expected_version: int | None = None) -> StoredShadow | None:
    """Delete the photo's measurement (audited); returns what it was, None if none."""
    with conflicts_recorded(case), case.writing() as session:
        photo = locked_photo(session, photo_id)
        row = _row(session, photo_id)
        if row is None:
            return None
        before = _stored(row)
        if expected_version is not None and before.version != expected_version:
            raise EditConflict("shadow", photo_id, mine={}, theirs=before.values(),
                               expected_version=expected_version,
                               current_version=before.version, photo_id=photo_id,
                               photo_sha256=photo.sha256)
        session.delete(row)
        session.flush()
        case.audit(session, "shadow.delete", "photo", photo_id, photo_sha256=photo.sha256,
                   details={"before": before.values(), "version": before.version})
        mark_dating_stale(session, [photo_id])
    return before
