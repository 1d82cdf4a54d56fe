"""Flight records typed by hand or imported: validation, storage, editing and JSON.

`FlightDraft` is the value every importer and the CLI/GUI produce; `add_flights` stores a
batch in ONE transaction (a broken import leaves nothing behind) and audits each flight.
`flight_json` is the contract of `flights list --json` and of `flight` in `suggest --json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from annotator.core.conflicts import conflicts_recorded
from annotator.core.errors import EditConflict, InputRejected, NotFound
from annotator.core.flights.times import flight_times, overlaps_by_flight
from annotator.core.models import Aircraft, AircraftRegistration, Box, Flight, PhotoFlightLink
from annotator.core.reference.airports import find_airport
from annotator.core.reference.registration import check_icao24, normalize_registration, parse_icao24
from annotator.core.stale import mark_dating_stale
from annotator.core.timeutil import iso_z, utc_now

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

SOURCE_KINDS = ("adsb", "tracker", "witness", "official", "manual")
GRADE = re.compile(r"[A-F][1-6]")
EDITABLE = (
    "registration", "icao24", "callsign", "origin", "destination", "departure_utc",
    "departure_estimated", "arrival_utc", "arrival_estimated", "source_kind", "source_ref",
    "source_grade", "notes",
    # Not offered in the dialogs; an undo of a time edit puts a track's bounds back.
    "departure_earliest_utc", "departure_latest_utc", "arrival_earliest_utc",
    "arrival_latest_utc",
)


@dataclass
class FlightDraft:
    """A flight before it is stored: what a source says, unchecked."""

    registration: str | None = None
    icao24: str | None = None
    callsign: str | None = None
    origin: str | None = None
    destination: str | None = None
    departure_utc: datetime | None = None
    departure_estimated: bool = False
    arrival_utc: datetime | None = None
    arrival_estimated: bool = False
    source_kind: str = "manual"
    source_ref: str | None = None
    source_sha256: str | None = None
    source_grade: str | None = None
    notes: str | None = None
    aircraft_type: str | None = None
    military: bool = False
    track: list[Any] = field(default_factory=list)
    coverage_gaps: list[Any] = field(default_factory=list)
    # The bounds a track gives (flights.times); None: unbounded, or the stated time itself.
    departure_earliest_utc: datetime | None = None
    departure_latest_utc: datetime | None = None
    arrival_earliest_utc: datetime | None = None
    arrival_latest_utc: datetime | None = None


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _airport_code(value: str | None, what: str, where: str) -> str | None:
    text = _blank(value)
    if text is None:
        return None

    airport = find_airport(text)
    if airport is None:
        raise InputRejected(f"{where}{what} {text!r} is not a known airport (give its ICAO code).",
                            code="FLIGHT_UNKNOWN_AIRPORT", where=where, what=what, text=f"{text!r}")
    return airport.icao


def checked(
    draft: FlightDraft, *, where: str = "", strict_registration: bool = True
) -> FlightDraft:
    """The draft with every field normalized, or InputRejected naming the first bad field.

    `where` prefixes messages (e.g. "line 4: "). Imported files may carry registrations we
    cannot read (`strict_registration=False`): those are kept upper-cased as given.
    """
    reg = _blank(draft.registration)
    if reg is not None:
        check = normalize_registration(reg, military=draft.military)
        if check.valid:
            reg = check.normalized
        elif strict_registration:
            raise InputRejected(f"{where}{check.problem}", code="FLIGHT_BAD_REGISTRATION",
                                where=where, **check.problem_fields())
        else:
            reg = reg.upper()
    icao = _blank(draft.icao24)
    if icao is not None:
        if parse_icao24(icao) is None:
            raise InputRejected(f"{where}{icao!r} is not an ICAO 24-bit address (six hex digits).",
                                code="FLIGHT_BAD_ICAO24", where=where, icao=f"{icao!r}")
        icao = icao.lower()
    kind = (_blank(draft.source_kind) or "manual").lower()
    if kind not in SOURCE_KINDS:
        raise InputRejected(f"{where}source kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}.",
                            code="FLIGHT_BAD_SOURCE_KIND", where=where, kind=f"{kind!r}",
                            source_kinds=', '.join(SOURCE_KINDS))
    grade = _blank(draft.source_grade)
    if grade is not None:
        grade = grade.upper()
        if not GRADE.fullmatch(grade):
            raise InputRejected(
                f"{where}grade {grade!r} is not an Admiralty grade (source A–F, information 1–6, "
                "e.g. B2).",
                code="FLIGHT_BAD_GRADE", where=where, grade=f"{grade!r}"
            )
    dep, arr = draft.departure_utc, draft.arrival_utc
    for value, name in ((dep, "departure"), (arr, "arrival")):
        if value is not None and value.tzinfo is None:
            raise InputRejected(f"{where}the {name} time has no time zone; give it in UTC.",
                                code="FLIGHT_TIME_NAIVE", where=where, name=name)
    if dep is not None and arr is not None and arr < dep:
        raise InputRejected(f"{where}the arrival ({iso_z(arr)}) is before the departure "
                            f"({iso_z(dep)}).",
                            code="FLIGHT_ARRIVAL_BEFORE_DEPARTURE", where=where, arr=iso_z(arr),
                            dep=iso_z(dep))
    callsign = _blank(draft.callsign)
    result = replace(
        draft,
        registration=reg,
        icao24=icao,
        callsign=callsign.upper() if callsign else None,
        origin=_airport_code(draft.origin, "origin", where),
        destination=_airport_code(draft.destination, "destination", where),
        source_kind=kind,
        source_grade=grade,
        source_ref=_blank(draft.source_ref),
        notes=_blank(draft.notes),
        aircraft_type=(_blank(draft.aircraft_type) or "").upper() or None,
    )
    if reg is None and icao is None and not callsign and dep is None and arr is None:
        raise InputRejected(f"{where}a flight needs an aircraft (registration, ICAO address or "
                            "callsign) or a time (departure or arrival); it has neither",
                            code="FLIGHT_NO_IDENTITY_NO_TIME", where=where)
    return result


def _aircraft_for(case: Case, session: Session, draft: FlightDraft,
                  now: datetime) -> Aircraft | None:
    """The airframe a flight belongs to: by ICAO address first, else by registration; created
    when the draft names one we do not have."""
    aircraft = None
    if draft.icao24:
        aircraft = session.execute(
            select(Aircraft).where(Aircraft.icao24 == draft.icao24).limit(1)
        ).scalar_one_or_none()
    if aircraft is None and draft.registration:
        aircraft = session.execute(
            select(Aircraft)
            .join(AircraftRegistration, AircraftRegistration.aircraft_id == Aircraft.id)
            .where(AircraftRegistration.registration == draft.registration)
            .limit(1)
        ).scalar_one_or_none()
    if aircraft is None:
        if not (draft.icao24 or draft.registration):
            return None
        aircraft = Aircraft(icao24=draft.icao24, type_designator=draft.aircraft_type,
                            military=draft.military, created_utc=now, version=1)
        session.add(aircraft)
        session.flush()
        case.audit(session, "aircraft.create", "aircraft", aircraft.id, details={
            "icao24": draft.icao24, "registration": draft.registration,
            "type_designator": draft.aircraft_type, "military": draft.military})
    elif draft.icao24 and not aircraft.icao24:
        aircraft.icao24 = draft.icao24
        aircraft.version += 1
    if draft.registration:
        known = session.execute(
            select(AircraftRegistration).where(
                AircraftRegistration.aircraft_id == aircraft.id,
                AircraftRegistration.registration == draft.registration,
            )
        ).first()
        if known is None:
            session.add(AircraftRegistration(aircraft_id=aircraft.id,
                                             registration=draft.registration))
            case.audit(session, "aircraft.registration", "aircraft", aircraft.id,
                       details={"registration": draft.registration, "valid_from": None,
                                "valid_to": None})
    if draft.aircraft_type and not aircraft.type_designator:
        aircraft.type_designator = draft.aircraft_type
    return aircraft


def store_flight(case: Case, session: Session, draft: FlightDraft, action: str = "flight.create",
                 details: dict[str, Any] | None = None) -> Flight:
    """Insert one checked draft inside the caller's write transaction, with its audit event."""
    now = utc_now()
    aircraft = _aircraft_for(case, session, draft, now)
    flight = Flight(
        aircraft_id=aircraft.id if aircraft else None,
        registration=draft.registration,
        icao24=draft.icao24,
        callsign=draft.callsign,
        origin=draft.origin,
        destination=draft.destination,
        departure_utc=draft.departure_utc,
        departure_estimated=draft.departure_estimated,
        arrival_utc=draft.arrival_utc,
        arrival_estimated=draft.arrival_estimated,
        source_kind=draft.source_kind,
        source_ref=draft.source_ref,
        source_sha256=draft.source_sha256,
        source_grade=draft.source_grade,
        notes=draft.notes,
        track=list(draft.track),
        coverage_gaps=list(draft.coverage_gaps),
        departure_earliest_utc=draft.departure_earliest_utc,
        departure_latest_utc=draft.departure_latest_utc,
        arrival_earliest_utc=draft.arrival_earliest_utc,
        arrival_latest_utc=draft.arrival_latest_utc,
        created_utc=now,
        created_by=case.examiner,
        updated_utc=now,
        version=1,
    )
    session.add(flight)
    session.flush()
    case.audit(session, action, "flight", flight.id,
               details={**flight_summary(flight), **(details or {})})
    _refresh_dates(case, session, flight.id)
    return flight


def _refresh_dates(case: Case, session: Session, flight_id: int,
                   registrations: tuple[str | None, ...] = ()) -> None:
    """A flight can contradict the capture time of the photos it concerns: linked to it, or
    tagged with its registration (or one of `registrations`, e.g. the one before an edit)."""
    flight = session.get(Flight, flight_id)
    regs = {r for r in (*registrations, flight.registration if flight else None) if r}
    ids = set(session.execute(select(PhotoFlightLink.photo_id)
                              .where(PhotoFlightLink.flight_id == flight_id)).scalars())
    if regs:
        ids |= set(session.execute(select(Box.photo_id)
                                   .where(Box.registration.in_(regs))).scalars())
    mark_dating_stale(session, ids)


def add_flights(case: Case, drafts: Sequence[FlightDraft], *, strict_registration: bool = True,
                details: dict[str, Any] | None = None) -> list[int]:
    """Check and store flights, all or none; return their ids in order."""
    ready = [checked(d, strict_registration=strict_registration) for d in drafts]
    with case.writing() as session:
        return [store_flight(case, session, d, details=details).id for d in ready]


def add_flight(case: Case, draft: FlightDraft) -> int:
    """Store one flight typed by hand."""
    return add_flights(case, [draft])[0]


def get_flight(session: Session, flight_id: int) -> Flight:
    flight = session.get(Flight, int(flight_id))
    if flight is None:
        raise NotFound(f"no flight {flight_id} in this case",
                       code="FLIGHT_NOT_FOUND", flight_id=flight_id)
    return flight


def flight_summary(flight: Flight) -> dict[str, Any]:
    """The fields an audit event records (no track: the source hash stands for it)."""
    return {
        "registration": flight.registration, "icao24": flight.icao24,
        "callsign": flight.callsign, "origin": flight.origin,
        "destination": flight.destination, "departure_utc": iso_z(flight.departure_utc),
        "departure_estimated": flight.departure_estimated,
        "arrival_utc": iso_z(flight.arrival_utc), "arrival_estimated": flight.arrival_estimated,
        "source_kind": flight.source_kind, "source_ref": flight.source_ref,
        "source_sha256": flight.source_sha256, "source_grade": flight.source_grade,
        "notes": flight.notes, **_bounds_json(flight),
    }


def _bounds_json(flight: Flight) -> dict[str, Any]:
    times = flight_times(flight)
    return {"departure_bounds": times.departure.to_json(),
            "arrival_bounds": times.arrival.to_json()}


def edit_flight(case: Case, flight_id: int, changes: dict[str, Any],
                expected_version: int | None = None) -> dict[str, Any]:
    """Change fields of a flight; return the previous values of the changed fields (for undo).

    `expected_version` refuses an edit made on a stale view (someone else changed it first)
    with an `EditConflict` carrying both values, audited as `flight.update_conflict`.
    """
    with conflicts_recorded(case):
        return _edit_flight(case, flight_id, changes, expected_version)


def _edit_flight(case: Case, flight_id: int, changes: dict[str, Any],
                 expected_version: int | None) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InputRejected(f"cannot edit {', '.join(sorted(unknown))} of a flight.",
                            code="FLIGHT_UNKNOWN_FIELD", fields=', '.join(sorted(unknown)))
    with case.writing() as session:
        # Row lock (PostgreSQL): the version compared is the one this edit replaces.
        session.execute(select(Flight.id).where(Flight.id == flight_id).with_for_update())
        flight = get_flight(session, flight_id)
        if expected_version is not None and flight.version != expected_version:
            raise EditConflict(
                "flight", flight_id, mine=_jsonable(changes),
                theirs=_jsonable({k: getattr(flight, k, None) for k in changes}),
                expected_version=expected_version, current_version=flight.version)
        current = FlightDraft(**{f.name: getattr(flight, f.name) for f in fields(FlightDraft)
                                 if hasattr(flight, f.name) and f.name not in ("track",
                                                                                 "coverage_gaps")})
        # A registration typed now must be valid; one kept from an import need not be.
        merged = checked(replace(current, **changes),
                         strict_registration="registration" in changes)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for name in changes:
            old, new = getattr(flight, name), getattr(merged, name)
            if old != new:
                before[name], after[name] = old, new
                setattr(flight, name, new)
        for end in ("departure", "arrival"):
            # A time the examiner states replaces what a track bounded: it is its own bound.
            bound_names = (f"{end}_earliest_utc", f"{end}_latest_utc")
            if (f"{end}_utc" in after and not set(bound_names) & set(changes)
                    and any(getattr(flight, n) for n in bound_names)):
                for n in bound_names:
                    before[n] = getattr(flight, n)
                    setattr(flight, n, None)
        if not after:
            return {}
        if "registration" in after or "icao24" in after:
            aircraft = _aircraft_for(case, session, merged, utc_now())
            flight.aircraft_id = aircraft.id if aircraft else None
        flight.version += 1
        flight.updated_utc = utc_now()
        case.audit(session, "flight.edit", "flight", flight.id, details={
            "before": _jsonable(before), "after": _jsonable(after), "version": flight.version})
        session.flush()
        _refresh_dates(case, session, flight.id, (before.get("registration"),))
        return before


def delete_flight(case: Case, flight_id: int) -> FlightDraft:
    """Remove a flight (and its links); return it as a draft so an undo can store it again."""
    with case.writing() as session:
        flight = get_flight(session, flight_id)
        draft = draft_of(flight)
        case.audit(session, "flight.delete", "flight", flight.id, details=flight_summary(flight))
        affected = _photo_ids_for(session, flight)
        session.delete(flight)
        session.flush()
        _refresh_photos(case, session, affected)
        return draft


def _photo_ids_for(session: Session, flight: Flight) -> set[int]:
    """Photos whose date check may involve this flight: linked, or tagged with its aircraft."""
    ids = set(session.execute(select(PhotoFlightLink.photo_id)
                              .where(PhotoFlightLink.flight_id == flight.id)).scalars())
    if flight.registration:
        ids |= set(session.execute(select(Box.photo_id)
                                   .where(Box.registration == flight.registration)).scalars())
    return ids


def _refresh_photos(case: Case, session: Session, photo_ids: set[int]) -> None:
    mark_dating_stale(session, photo_ids)


def draft_of(flight: Flight) -> FlightDraft:
    names = {f.name for f in fields(FlightDraft)} - {"aircraft_type", "military"}
    return FlightDraft(**{n: getattr(flight, n) for n in names})


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: iso_z(v) if isinstance(v, datetime) else v for k, v in values.items()}


def list_flights(session: Session, ids: Iterable[int] | None = None) -> list[Flight]:
    """Flights by departure (unknown last), then arrival and id."""
    # Tracks can hold tens of thousands of points: loaded only when a caller touches one.
    query = select(Flight).options(defer(Flight.track))
    if ids is not None:
        query = query.where(Flight.id.in_(list(ids)))
    flights = list(session.execute(query).scalars())
    far = datetime.max.replace(tzinfo=None)

    def key(f: Flight) -> tuple[Any, ...]:
        when = f.departure_utc or f.arrival_utc
        return (when is None, when.replace(tzinfo=None) if when else far, f.id)

    return sorted(flights, key=key)


def flight_json(flight: Flight, aircraft: Aircraft | None = None,
                overlaps: list[int] | None = None) -> dict[str, Any]:
    """A flight as `flights list --json` prints it (ISO 8601 UTC with Z; null when unknown).
    `departure_bounds` / `arrival_bounds` are `[earliest, latest]` (null where unbounded);
    `overlaps` names the other flights of the same airframe it overlaps in time."""
    return {
        "id": flight.id,
        "registration": flight.registration,
        "icao24": flight.icao24,
        "callsign": flight.callsign,
        "origin": flight.origin,
        "destination": flight.destination,
        "departure_utc": iso_z(flight.departure_utc),
        "departure_estimated": flight.departure_estimated,
        "arrival_utc": iso_z(flight.arrival_utc),
        "arrival_estimated": flight.arrival_estimated,
        **_bounds_json(flight),
        "source": {
            "kind": flight.source_kind,
            "ref": flight.source_ref,
            "sha256": flight.source_sha256,
            "grade": flight.source_grade,
        },
        "aircraft_id": flight.aircraft_id,
        "aircraft_type": aircraft.type_designator if aircraft else None,
        "notes": flight.notes,
        "coverage_gaps": list(flight.coverage_gaps or []),
        "problems": flight_problems(flight) + [
            f"overlaps flight {other}" for other in (overlaps or [])],
        "version": flight.version,
    }


def flight_problems(flight: Flight) -> list[str]:
    """What the record itself contradicts: an unreadable registration (kept as imported), an
    ICAO address outside the registration country's block."""
    problems = []
    if flight.registration:
        check = normalize_registration(flight.registration)
        if not check.valid and check.problem:
            problems.append(check.problem)
        elif flight.icao24:
            mismatch = check_icao24(flight.registration, flight.icao24)
            if mismatch:
                problems.append(mismatch)
    return problems


def flights_json(session: Session, ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    flights = list_flights(session, ids)
    aircraft_ids = {f.aircraft_id for f in flights if f.aircraft_id}
    aircraft = {a.id: a for a in session.execute(
        select(Aircraft).where(Aircraft.id.in_(aircraft_ids))).scalars()} if aircraft_ids else {}
    overlaps = flight_overlaps(session)
    return [flight_json(f, aircraft.get(f.aircraft_id) if f.aircraft_id else None,
                        overlaps.get(f.id)) for f in flights]


def flight_overlaps(session: Session) -> dict[int, list[int]]:
    """flight id → the other flights of its airframe that overlap it in time (whole case)."""
    return overlaps_by_flight(list_flights(session))
