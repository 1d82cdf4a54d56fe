"""Reading everything a packet says about its photos from the case, as plain values.

One read transaction gathers, per photo: identity and metadata, boxes, the date check, the
claim and the acquisition record, the linked flights with their full records, and the shadow
measured on it with the chart of its day. Nothing is
written. The values are detached from the database, so rendering threads may use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from annotator.core.boxes import BoxInfo, list_boxes
from annotator.core.dating.acquisition import get_acquisition
from annotator.core.dating.claims import claim_row, record_of
from annotator.core.dating.photo_dating import stored_date
from annotator.core.flights.links import links_for_photo
from annotator.core.flights.records import flight_json
from annotator.core.models import CaseRow, Photo
from annotator.core.models.flights import Aircraft, AircraftRegistration
from annotator.core.shadows import get_shadow, photo_day_chart
from annotator.core.timeutil import iso_z


@dataclass(frozen=True)
class CaseInfo:
    name: str
    lead_examiner: str | None
    created_utc: datetime
    labels: tuple[str, ...]


@dataclass(frozen=True)
class PhotoRecord:
    """One photo as the packet describes it. `dating`, `claim`, `acquisition` are None when
    the case holds none; `flights` lists `{relation, note, linked_by, linked_utc, flight}`."""

    id: int
    sha256: str
    md5: str
    size: int
    original_name: str
    original_path: str
    sources: tuple[dict[str, Any], ...]
    file_mtime_utc: datetime | None
    imported_utc: datetime
    importer: str
    format: str
    stored_width: int
    stored_height: int
    width: int
    height: int
    orientation: int | None
    capture_local: str | None
    capture_utc: datetime | None
    date_verdict: str | None
    meta: dict[str, Any]
    raw_tags: dict[str, Any]
    boxes: tuple[BoxInfo, ...]
    dating: dict[str, Any] | None
    claim: dict[str, Any] | None
    acquisition: dict[str, Any] | None
    flights: tuple[dict[str, Any], ...]
    # The shadow measured on the photo (`StoredShadow.to_json()` plus `day_chart`), or None.
    shadow: dict[str, Any] | None = None


def json_value(value: Any) -> Any:
    """A column value as JSON: instants as ISO 8601 `…Z`, everything else as is."""
    if isinstance(value, datetime):
        return iso_z(value)
    return value


def row_json(row: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every column of an ORM row (a full record: new columns appear without code changes)."""
    mapper = inspect(type(row))
    return {c.key: json_value(getattr(row, c.key)) for c in mapper.column_attrs
            if c.key not in skip}


def read_case(session: Session) -> CaseInfo:
    record = session.execute(select(CaseRow).limit(1)).scalar_one()
    return CaseInfo(record.name, record.lead_examiner, record.created_utc,
                    tuple(str(x) for x in (record.labels or [])))


def _dating(session: Session, photo_id: int) -> dict[str, Any] | None:
    """The stored capture-date check (`check-date --json` keys plus `checked_utc`)."""
    return stored_date(session, photo_id)


def _claim(session: Session, photo_id: int) -> dict[str, Any] | None:
    row = claim_row(session, photo_id)
    if row is None:
        return None
    record = record_of(photo_id, row)
    return {**record.values(), "version": record.version,
            "updated_utc": json_value(row.updated_utc), "updated_by": row.updated_by}


def _acquisition(session: Session, photo_id: int) -> dict[str, Any] | None:
    record = get_acquisition(session, photo_id)
    return None if record.is_empty else record.to_json()


def _shadow(session: Session, photo_id: int) -> dict[str, Any] | None:
    """The saved shadow measurement with the chart of its day (what the report draws)."""
    stored = get_shadow(session, photo_id)
    if stored is None:
        return None
    chart = photo_day_chart(session, photo_id)
    return {**stored.to_json(), "day_chart": chart.to_json() if chart is not None else None}


def _aircraft_json(session: Session, aircraft: Any) -> dict[str, Any] | None:
    if aircraft is None:
        return None
    data = row_json(aircraft)
    regs = session.execute(select(AircraftRegistration)
                           .where(AircraftRegistration.aircraft_id == aircraft.id)
                           .order_by(AircraftRegistration.id)).scalars()
    data["registrations"] = [row_json(r, skip=("aircraft_id",)) for r in regs]
    return data


def _flights(session: Session, photo_id: int) -> tuple[dict[str, Any], ...]:
    """Each link with the flight as `flights list --json` gives it, plus the full record:
    raw track points, coverage gaps, who recorded it, and the aircraft with its
    registrations over time."""
    out = []
    for item in links_for_photo(session, photo_id):
        flight = item.flight
        aircraft = session.get(Aircraft, flight.aircraft_id) if flight.aircraft_id else None
        record = flight_json(flight, aircraft)
        record.update({
            "track": list(flight.track or []),
            "created_utc": json_value(flight.created_utc),
            "created_by": flight.created_by,
            "updated_utc": json_value(flight.updated_utc),
            "aircraft": _aircraft_json(session, aircraft),
        })
        out.append({"relation": item.relation, "note": item.note,
                    "linked_by": item.created_by, "linked_utc": json_value(item.created_utc),
                    "flight": record})
    return tuple(out)


def read_photos(session: Session, photo_ids: list[int]) -> list[PhotoRecord]:
    """The records of `photo_ids`, in capture order (unknown times last), then by name."""
    records = []
    for pid in photo_ids:
        p = session.get(Photo, pid)
        assert p is not None
        sources = tuple(
            {"path": s.path, "name": s.name, "file_mtime_utc": iso_z(s.file_mtime_utc),
             "recorded_utc": iso_z(s.recorded_utc), "examiner": s.examiner}
            for s in p.sources
        )
        records.append(PhotoRecord(
            id=p.id, sha256=p.sha256, md5=p.md5, size=p.size, original_name=p.original_name,
            original_path=p.original_path, sources=sources, file_mtime_utc=p.file_mtime_utc,
            imported_utc=p.imported_utc, importer=p.importer, format=p.format,
            stored_width=p.stored_width, stored_height=p.stored_height, width=p.width,
            height=p.height, orientation=p.orientation, capture_local=p.capture_local,
            capture_utc=p.capture_utc, date_verdict=p.date_verdict, meta=dict(p.meta or {}),
            raw_tags=dict(p.raw_tags or {}), boxes=tuple(list_boxes(session, p.id)),
            dating=_dating(session, p.id), claim=_claim(session, p.id),
            acquisition=_acquisition(session, p.id),
            flights=_flights(session, p.id), shadow=_shadow(session, p.id),
        ))
    records.sort(key=lambda r: (r.capture_utc is None, iso_z(r.capture_utc) or "",
                                r.original_name.casefold(), r.sha256))
    return records
