"""Where a photo was found (source analysis, in the Berkeley Protocol's terms): URL,
platform, account, first post time, archive link, who acquired it and when, and a grade.

The post time bounds the capture time from above (POSTED_BEFORE_CAPTURE), so saving an
acquisition refreshes the photo's date check in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.conflicts import conflicts_recorded
from annotator.core.dating.claims import normalize_grade
from annotator.core.errors import EditConflict, InputRejected
from annotator.core.history.case_copies import group_ids
from annotator.core.models import Acquisition
from annotator.core.photos import locked_photo
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import as_utc, iso_z, parse_given_utc, utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

TEXT_FIELDS = ("url", "platform", "account", "archive_url", "acquired_by")
TIME_FIELDS = ("posted_utc", "acquired_utc")
FIELDS = ("url", "platform", "account", "posted_utc", "archive_url", "acquired_utc",
          "acquired_by", "grade")


@dataclass(frozen=True)
class AcquisitionRecord:
    """One photo's acquisition (all None when none was entered; `version` 0)."""

    photo_id: int
    url: str | None = None
    platform: str | None = None
    account: str | None = None
    posted_utc: datetime | None = None
    archive_url: str | None = None
    acquired_utc: datetime | None = None
    acquired_by: str | None = None
    grade: str | None = None
    version: int = 0

    @property
    def is_empty(self) -> bool:
        return self.version == 0

    def to_json(self) -> dict[str, Any]:
        """The `source` object of `photos --json` and `annotator source --json`."""
        return {
            "url": self.url, "platform": self.platform, "account": self.account,
            "posted_utc": iso_z(self.posted_utc), "archive_url": self.archive_url,
            "acquired_utc": iso_z(self.acquired_utc), "acquired_by": self.acquired_by,
            "grade": self.grade, "version": self.version,
        }


# A time a little ahead of this computer's clock is a clock difference, not the future.
FUTURE_TOLERANCE = timedelta(minutes=5)
URL_FIELDS = {"url": "URL", "archive_url": "archive URL"}


def parse_utc(text: str | None, what: str) -> datetime | None:
    """`2023-10-27T15:02Z` or with an offset; a time with no zone is refused (add Z or an
    offset), as is one that is not ISO 8601; empty → None."""
    if text is None or not text.strip():
        return None
    return parse_given_utc(text, what)


def check_not_future(value: datetime, what: str, now: datetime | None = None) -> datetime:
    """Refuse a post or acquisition time later than now: nobody acquired a photo tomorrow."""
    now = now or utc_now()
    value = as_utc(value) or value
    if value > now + FUTURE_TOLERANCE:
        raise InputRejected(f"the {what} {iso_z(value)} is in the future (now is {iso_z(now)})",
                            code="ACQUISITION_TIME_FUTURE", what=what, when=iso_z(value),
                            now=iso_z(now))
    return value


def check_web_url(text: str, what: str) -> str:
    """Refuse a URL that is not http(s)://host…: a source must be a place one can visit."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) \
            and not any(c.isspace() for c in text)
    except ValueError:
        ok = False
    if not ok:
        raise InputRejected(f"the {what} {text!r} is not a web address: give an http:// or "
                            "https:// URL",
                            code="ACQUISITION_BAD_URL", what=what, text=f"{text!r}")
    return text


def acquisition_row(session: Session, photo_id: int) -> Acquisition | None:
    return session.execute(
        select(Acquisition).where(Acquisition.photo_id == photo_id)).scalar_one_or_none()


def record_of(photo_id: int, row: Acquisition | None) -> AcquisitionRecord:
    if row is None:
        return AcquisitionRecord(photo_id)
    return AcquisitionRecord(photo_id, **{k: getattr(row, k) for k in FIELDS},
                             version=row.version)


def get_acquisition(session: Session, photo_id: int) -> AcquisitionRecord:
    return record_of(photo_id, acquisition_row(session, photo_id))


def set_acquisition(case: Case, photo_id: int, *, expected_version: int | None = None,
                    **fields: str | datetime | None) -> AcquisitionRecord:
    """Save the given fields (None keeps a field, "" clears it), audited; the first save
    records who acquired the photo and when, unless given. Refreshes the date check."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise InputRejected(f"unknown acquisition field(s): {', '.join(sorted(unknown))}",
                            code="ACQUISITION_UNKNOWN_FIELD", fields=', '.join(sorted(unknown)))
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key in TIME_FIELDS:
            what = "post time" if key == "posted_utc" else "acquisition time"
            when = value if isinstance(value, datetime) else parse_utc(value, what)
            if isinstance(when, datetime) and when.tzinfo is None:
                raise InputRejected(f"the {what} {when.isoformat()!r} has no time zone: add Z "
                                    "or an offset (e.g. 2023-10-29T14:00Z or "
                                    "2023-10-29T14:00+01:00)", code="TIME_ZONE_MISSING",
                                    what=what, text=f"{when.isoformat()!r}")
            changes[key] = check_not_future(when, what) if when is not None else None
        elif key in URL_FIELDS and str(value).strip():
            changes[key] = check_web_url(str(value).strip(), URL_FIELDS[key])
        elif key == "grade":
            changes[key] = normalize_grade(str(value))
        else:
            changes[key] = str(value).strip() or None
    with conflicts_recorded(case):
        return _set_acquisition(case, photo_id, changes, expected_version)


def _set_acquisition(case: Case, photo_id: int, changes: dict[str, Any],
                     expected_version: int | None) -> AcquisitionRecord:
    with case.writing() as session:
        photo = locked_photo(session, photo_id)
        row = acquisition_row(session, photo_id)
        before = record_of(photo_id, row)
        if expected_version is not None and before.version != expected_version:
            raise EditConflict("acquisition", photo_id, mine=_jsonable(changes),
                               theirs=_jsonable({k: getattr(row, k, None) for k in changes}),
                               expected_version=expected_version,
                               current_version=before.version, photo_id=photo_id,
                               photo_sha256=photo.sha256)
        if row is None:
            if not changes:
                return before
            row = Acquisition(photo_id=photo_id, version=0, updated_utc=utc_now(),
                              acquired_utc=utc_now(), acquired_by=case.examiner)
            session.add(row)
        elif all(getattr(row, k) == v for k, v in changes.items()):
            return before
        for key, value in changes.items():
            setattr(row, key, value)
        row.version = (row.version or 0) + 1
        row.updated_utc = utc_now()
        session.flush()
        after = record_of(photo_id, row)
        case.audit(session, "acquisition.set", "photo", photo_id, photo_sha256=photo.sha256,
                   details={"before": before.to_json(), "after": after.to_json()})
        # Every copy of the picture reads the group's earliest posting (EARLIER_COPY,
        # POSTED_BEFORE_CAPTURE): all are checked again, in this transaction.
        mark_dating_stale(session, group_ids(session, photo_id))
    return after


def sources_by_photo(session: Session, photo_ids: Sequence[int]) -> dict[int, Any]:
    """`photos --json` section `source`: each photo's acquisition, in one query."""
    rows = session.execute(select(Acquisition).where(Acquisition.photo_id.in_(list(photo_ids))))
    return {row.photo_id: record_of(row.photo_id, row).to_json() for row in rows.scalars()}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}
