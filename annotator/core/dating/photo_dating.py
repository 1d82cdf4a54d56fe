"""The capture-date check for a photo in a case: gather its inputs from the database (stored
metadata, claim, acquisition, flights of the tagged aircraft, linked airport), run
`dating.check_capture_date`, and keep the result on the photo.

`refresh_photo_date(case, session, photo)` is the one call every writer makes after changing
something the check depends on (import, claim, acquisition, boxes, flight links), inside its
own transaction. It writes `photo.capture_utc`, `photo.date_verdict` and the `date_check`
row, and audits a change of verdict or capture time (not every recomputation).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.dating.acquisition import get_acquisition
from annotator.core.dating.check import (
    CaptureVerdict,
    DatingInput,
    FlightFact,
    Place,
    ShadowFact,
    check_capture_date,
    parse_local,
)
from annotator.core.dating.claims import claim_row, get_claim, record_of, stored_place
from annotator.core.flights.times import flight_times
from annotator.core.history.case_copies import copy_facts
from annotator.core.images.thumbnail_check import ThumbnailComparison
from annotator.core.metadata.credentials import ContentCredentials
from annotator.core.metadata.model import GpsFix, PhotoMetadata
from annotator.core.models import Box, DateCheck, Photo, PhotoShadow
from annotator.core.models.flights import Flight, PhotoFlightLink
from annotator.core.reference.airports import find_airport
from annotator.core.reference.timezones import offset_at_local
from annotator.core.stale import is_new_photo, new_photo
from annotator.core.timeutil import iso_z, parse_iso_utc, utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

_META_FIELDS = {f.name for f in dataclasses.fields(PhotoMetadata)}


def meta_from_photo(photo: Photo) -> PhotoMetadata:
    """The PhotoMetadata stored at import (`photo.meta` plus `photo.raw_tags`)."""
    data: dict[str, Any] = {k: v for k, v in (photo.meta or {}).items() if k in _META_FIELDS}
    gps = data.get("gps")
    if isinstance(gps, dict) and gps.get("lat") is not None and gps.get("lon") is not None:
        utc = gps.get("utc")
        data["gps"] = GpsFix(float(gps["lat"]), float(gps["lon"]), gps.get("alt"),
                             parse_iso_utc(utc) if utc else None)
    else:
        data["gps"] = None
    raw = photo.raw_tags or {}
    if isinstance(raw.get("tags"), dict):  # ingest keeps {"tags", "xmp", "iptc"} here
        data["tags"] = dict(raw["tags"])
        data["xmp"] = raw.get("xmp")
        data["iptc"] = raw.get("iptc")
    else:
        data["tags"] = dict(raw)
    data["c2pa"] = ContentCredentials.from_json(data.get("c2pa"),
                                                (photo.meta or {}).get("c2pa_detail"))
    data.setdefault("path", photo.original_path)
    return PhotoMetadata(**data)


def _airport_place(code: str | None) -> Place | None:
    if not code:
        return None

    airport = find_airport(code)
    if airport is None:
        return None
    return Place(airport.icao, airport.lat, airport.lon, airport.tz)


def _flight_inputs(session: Session, photo: Photo, meta: PhotoMetadata
                   ) -> tuple[tuple[FlightFact, ...], Place | None,
                              tuple[tuple[str, str, Place], ...]]:
    """Flights of the aircraft tagged on the photo or linked to it, and the linked airport."""
    links = list(session.execute(
        select(PhotoFlightLink, Flight).join(Flight, Flight.id == PhotoFlightLink.flight_id)
        .where(PhotoFlightLink.photo_id == photo.id)).all())
    regs = {r for r in session.execute(
        select(Box.registration).where(Box.photo_id == photo.id)).scalars() if r}
    regs |= {f.registration for _link, f in links if f.registration}
    flights: dict[int, tuple[Any, str | None]] = {f.id: (f, link.relation) for link, f in links}
    if regs:
        for f in session.execute(select(Flight).where(Flight.registration.in_(regs))).scalars():
            flights.setdefault(f.id, (f, None))
    facts = []
    for flight, relation in flights.values():
        if (relation or "") == "in_flight":
            continue  # a photo of the aircraft in flight cannot conflict with it being airborne
        facts.append(FlightFact(
            label=flight.callsign or f"#{flight.id}", registration=flight.registration,
            departure_utc=flight.departure_utc, arrival_utc=flight.arrival_utc,
            origin=_airport_place(flight.origin), destination=_airport_place(flight.destination),
            linked=relation is not None, times=flight_times(flight)))
    return tuple(facts), _linked_airport(links, meta), _linked_ground(links)


def _linked_ground(links: list[Any]) -> tuple[tuple[str, str, Place], ...]:
    """(flight label, relation, airport) for each link that puts the photo at an airport."""
    out = []
    for link, flight in links:
        relation = (link.relation or "").lower()
        code = {"before_departure": flight.origin,
                "after_arrival": flight.destination}.get(relation)
        place = _airport_place(code)
        if place is not None:
            out.append((flight.callsign or f"#{flight.id}", relation, place))
    return tuple(out)


def _linked_airport(links: list[Any], meta: PhotoMetadata) -> Place | None:
    """The airport a linked flight puts the photo at: the origin for `before_departure`, the
    destination for `after_arrival`; for `in_flight` or `unknown`, whichever airport the
    flight has when both share the same UTC offset at the capture's local time (else it is
    ambiguous)."""
    local = parse_local(meta.datetime_original)
    for link, flight in links:
        rel = (link.relation or "").lower()
        if rel == "before_departure":
            place = _airport_place(flight.origin)
        elif rel == "after_arrival":
            place = _airport_place(flight.destination)
        else:
            ends = [p for p in (_airport_place(flight.origin),
                                _airport_place(flight.destination)) if p and p.tz]
            offsets = {offset_at_local(p.tz, local) for p in ends if p.tz} if local else set()
            place = ends[0] if ends and len(offsets) == 1 else None
        if place is not None and place.tz:
            return place
    return None


def shadow_fact(session: Session, photo_id: int) -> ShadowFact | None:
    """The shadow measured on the photo, as the check reads it (None: none measured)."""
    row = session.execute(
        select(PhotoShadow).where(PhotoShadow.photo_id == photo_id)).scalar_one_or_none()
    if row is None:
        return None
    place = (Place(row.place, row.place_lat, row.place_lon, row.place_tz)
             if row.place and row.place_lat is not None and row.place_lon is not None else None)
    return ShadowFact(row.azimuth, row.azimuth_error, row.elevation, row.elevation_error,
                      place)


def dating_input(case: Case, session: Session, photo: Photo) -> DatingInput:
    """Everything the check needs about `photo`, read in `session`."""
    meta = meta_from_photo(photo)
    # A photo its transaction has just inserted has no claim, source, box or link yet.
    new = is_new_photo(session, photo.id)
    row = None if new else claim_row(session, photo.id)
    claim = None
    if row is not None:
        claim = record_of(photo.id, row).to_claim(stored_place(row))
    posted_utc = None if new else get_acquisition(session, photo.id).posted_utc
    posted, history = copy_facts(session, photo, posted_utc)
    flights, linked, ground = ((), None, ()) if new else _flight_inputs(session, photo, meta)
    path = case.store.path_for(photo.sha256)
    stored = (photo.meta or {})
    known = "thumbnail_check" in stored  # compared once at import: originals never change
    if known:
        data = stored["thumbnail_check"]
        thumbnail = ThumbnailComparison.from_json(data) if data else None
    return DatingInput(meta=meta, reference_utc=photo.imported_utc, reference_is_import=True,
                       path=path if path.is_file() else None, claim=claim,
                       thumbnail=thumbnail if known else None, thumbnail_known=known,
                       posted_utc=posted, flights=flights,
                       linked_airport=linked, linked_ground=ground, history_findings=history,
                       shadow=None if new else shadow_fact(session, photo.id))


def check_photo(case: Case, session: Session, photo: Photo) -> CaptureVerdict:
    """Run the check on a case photo without storing anything."""
    return check_capture_date(dating_input(case, session, photo))


def refresh_photo_date(case: Case, session: Session, photo: Photo) -> CaptureVerdict:
    """Recompute and store the photo's date check inside the caller's write transaction."""
    result = check_photo(case, session, photo)
    row = None if is_new_photo(session, photo.id) else session.execute(
        select(DateCheck).where(DateCheck.photo_id == photo.id)).scalar_one_or_none()
    changed = (photo.date_verdict != result.verdict
               or iso_z(photo.capture_utc) != iso_z(result.capture_utc))
    previous = {"verdict": photo.date_verdict, "capture_utc": iso_z(photo.capture_utc)}
    photo.date_verdict = result.verdict
    photo.capture_utc = result.capture_utc
    if row is None:
        row = DateCheck(photo_id=photo.id)
        session.add(row)
    row.verdict = result.verdict
    row.capture_utc_source = result.capture_utc_source
    row.result = result.to_json()
    row.checked_utc = utc_now()
    session.flush()
    if changed and previous["verdict"] is not None:  # the first check is part of the import
        case.audit(session, "photo.date_check", "photo", photo.id, photo_sha256=photo.sha256,
                   details={"before": previous, "after": {
                       "verdict": result.verdict, "capture_utc": iso_z(result.capture_utc),
                       "capture_utc_source": result.capture_utc_source,
                       "codes": result.codes()}})
    return result


def refresh_photos(case: Case, session: Session, photo_ids: Sequence[int]) -> None:
    """Recompute and store the checks of `photo_ids` inside the caller's write transaction
    (the case's write transaction calls it for the photos its writers marked)."""
    held: dict[int, Photo] = {}  # an import's new photos are at hand: no query for them
    for photo_id in photo_ids:
        photo = new_photo(session, photo_id)
        if photo is not None:
            held[photo_id] = photo
    rest = [i for i in photo_ids if i not in held]
    if rest:
        held.update((p.id, p) for p in session.execute(
            select(Photo).where(Photo.id.in_(rest))).scalars())
    for photo_id in sorted(held):
        refresh_photo_date(case, session, held[photo_id])


def stored_date(session: Session, photo_id: int) -> dict[str, Any] | None:
    """The last stored check as `{verdict, capture_utc, capture_utc_source, findings, sun}`
    (for `photos --json` and packets), or None when the photo was never checked."""
    row = session.execute(
        select(DateCheck).where(DateCheck.photo_id == photo_id)).scalar_one_or_none()
    if row is None:
        return None
    result = dict(row.result or {})
    result["checked_utc"] = iso_z(row.checked_utc)
    return result


def dates_by_photo(session: Session, photo_ids: Sequence[int]) -> dict[int, Any]:
    """`photos --json` section `date`: the stored check of each photo, in one query."""
    rows = session.execute(select(DateCheck).where(DateCheck.photo_id.in_(list(photo_ids))))
    out: dict[int, Any] = {}
    for row in rows.scalars():
        result = dict(row.result or {})
        out[row.photo_id] = {
            "verdict": row.verdict,
            "capture_utc": result.get("capture_utc"),
            "capture_bounds": result.get("capture_bounds"),
            "capture_utc_source": row.capture_utc_source,
            "sun": result.get("sun"),
            "findings": result.get("findings", []),
            "checked_utc": iso_z(row.checked_utc),
        }
    return out


def capture_date_view(case: Case, photo_id: int, recompute: bool) -> dict[str, Any]:
    """What the GUI's Capture date panel shows for one photo (it runs in a worker):
    `recompute` re-runs the check and stores it; otherwise the stored check is read
    (computed and stored if there is none)."""
    changed = False
    with case.reading() as s:
        date = None if recompute else stored_date(s, photo_id)
        if date is None and case.read_only:
            # A read-only case: the check runs and is shown, but cannot be stored.
            photo = s.get(Photo, photo_id)
            if photo is None:
                return {"photo_id": photo_id, "missing": True}
            return {"photo_id": photo_id, "missing": False, "changed": False,
                    "date": check_photo(case, s, photo).to_json(),
                    "claim": get_claim(s, photo_id), "acquisition": get_acquisition(s, photo_id)}
    if date is None:
        with case.writing() as s:
            photo = s.get(Photo, photo_id)
            if photo is None:
                return {"photo_id": photo_id, "missing": True}
            before = photo.date_verdict
            changed = refresh_photo_date(case, s, photo).verdict != before
    with case.reading() as s:
        return {"photo_id": photo_id, "missing": False, "changed": changed,
                "date": stored_date(s, photo_id), "claim": get_claim(s, photo_id),
                "acquisition": get_acquisition(s, photo_id)}
