"""Photo ↔ flight links: an examiner's statement, with a relation and a note, audited.

Many-to-many; one link per (photo, flight). Link and unlink return what an undo needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected, NotFound
from annotator.core.flights.records import flight_json, get_flight
from annotator.core.models import Flight, Photo, PhotoFlightLink
from annotator.core.photos import find_photo
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import iso_z, utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

RELATIONS = ("before_departure", "after_arrival", "in_flight", "unknown")


@dataclass(frozen=True)
class LinkValue:
    """A link as a value (what undo restores)."""

    photo_sha256: str
    flight_id: int
    relation: str
    note: str | None


def _photo(session: Session, photo: str | int) -> Photo:
    if isinstance(photo, int):
        found = session.get(Photo, photo)
        if found is None:
            raise NotFound(f"no photo {photo} in this case",
                           code="LINK_PHOTO_NOT_FOUND", photo=photo)
        return found
    return find_photo(session, photo)


def _refresh_date(case: Case, session: Session, photo: Photo) -> None:
    """A link can confirm or contradict the capture time: recompute the stored verdict."""
    mark_dating_stale(session, [photo.id])


def check_relation(relation: str | None) -> str:
    value = (relation or "unknown").strip().lower().replace("-", "_")
    if value not in RELATIONS:
        raise InputRejected(f"relation {relation!r} is not one of {', '.join(RELATIONS)}.",
                            code="LINK_BAD_RELATION", relation=f"{relation!r}",
                            relations=', '.join(RELATIONS))
    return value


def link_photo(case: Case, photo: str | int, flight_id: int, relation: str | None = "unknown",
               note: str | None = None) -> LinkValue:
    """Link a photo to a flight; refuse a link that exists already."""
    rel = check_relation(relation)
    with case.writing() as session:
        found = _photo(session, photo)
        flight = get_flight(session, flight_id)
        if session.get(PhotoFlightLink, (found.id, flight.id)) is not None:
            raise InputRejected(f"photo {found.original_name} is already linked to flight "
                                f"{flight.id}.",
                                code="LINK_EXISTS", photo=found.original_name, flight_id=flight.id)
        now = utc_now()
        session.add(PhotoFlightLink(photo_id=found.id, flight_id=flight.id, relation=rel,
                                    note=(note or "").strip() or None,
                                    created_by=case.examiner, created_utc=now))
        case.audit(session, "flight.link", "photo_flight_link", f"{found.id}:{flight.id}",
                   photo_sha256=found.sha256,
                   details={"flight_id": flight.id, "relation": rel, "note": note,
                            "registration": flight.registration})
        _refresh_date(case, session, found)
        return LinkValue(found.sha256, flight.id, rel, (note or "").strip() or None)


def unlink_photo(case: Case, photo: str | int, flight_id: int) -> LinkValue:
    """Remove a link; return it so an undo can restore it."""
    with case.writing() as session:
        found = _photo(session, photo)
        link = session.get(PhotoFlightLink, (found.id, int(flight_id)))
        if link is None:
            raise NotFound(f"photo {found.original_name} is not linked to flight {flight_id}.",
                           code="LINK_NOT_FOUND", photo=found.original_name, flight_id=flight_id)
        value = LinkValue(found.sha256, link.flight_id, link.relation, link.note)
        session.delete(link)
        case.audit(session, "flight.unlink", "photo_flight_link", f"{found.id}:{flight_id}",
                   photo_sha256=found.sha256,
                   details={"flight_id": int(flight_id), "relation": value.relation,
                            "note": value.note})
        session.flush()
        _refresh_date(case, session, found)
        return value


@dataclass(frozen=True)
class LinkedFlight:
    flight: Flight
    relation: str
    note: str | None
    created_by: str
    created_utc: datetime


def links_for_photo(session: Session, photo_id: int) -> list[LinkedFlight]:
    rows = session.execute(
        select(PhotoFlightLink, Flight)
        .join(Flight, Flight.id == PhotoFlightLink.flight_id)
        .where(PhotoFlightLink.photo_id == photo_id)
        .order_by(Flight.departure_utc, Flight.id)
    ).all()
    return [LinkedFlight(f, link.relation, link.note, link.created_by, link.created_utc)
            for link, f in rows]


def linked_flights_json(session: Session, photo_id: int) -> list[dict[str, Any]]:
    """The photo's links as `photos --json` shows them: the flight plus how it is linked."""
    return [{**flight_json(item.flight), "relation": item.relation, "link_note": item.note,
             "linked_by": item.created_by, "linked_utc": iso_z(item.created_utc)}
            for item in links_for_photo(session, photo_id)]


def photos_for_flight(session: Session, flight_id: int) -> list[Photo]:
    return list(session.execute(
        select(Photo).join(PhotoFlightLink, PhotoFlightLink.photo_id == Photo.id)
        .where(PhotoFlightLink.flight_id == flight_id).order_by(Photo.capture_utc, Photo.id)
    ).scalars())


def flights_by_photo(
    session: Session, photo_ids: Sequence[int]
) -> dict[int, list[dict[str, Any]]]:
    """`photos --json` section loader: each photo's linked flights, in one query per chunk."""
    result: dict[int, list[dict[str, Any]]] = {}
    ids = list(photo_ids)
    for i in range(0, len(ids), 5000):
        rows = session.execute(
            select(PhotoFlightLink, Flight)
            .join(Flight, Flight.id == PhotoFlightLink.flight_id)
            .where(PhotoFlightLink.photo_id.in_(ids[i:i + 5000]))
            .order_by(PhotoFlightLink.photo_id, Flight.departure_utc, Flight.id)
        ).all()
        for link, flight in rows:
            result.setdefault(link.photo_id, []).append({
                **flight_json(flight), "relation": link.relation, "link_note": link.note,
                "linked_by": link.created_by, "linked_utc": iso_z(link.created_utc)})
    return result
