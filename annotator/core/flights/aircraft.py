"""Airframes: their details and their registrations over time (a re-registered aircraft stays
one airframe). Flights find their aircraft by ICAO address or registration when stored; this
module is for what the examiner adds: type, MSN, operator, notes, dated registrations.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import InputRejected, NotFound
from annotator.core.flights.records import flight_overlaps
from annotator.core.models import Aircraft, AircraftRegistration, Flight
from annotator.core.reference.registration import check_icao24, normalize_registration, parse_icao24
from annotator.core.timeutil import iso_z

if TYPE_CHECKING:
    from annotator.core.case.folder import Case

EDITABLE = ("icao24", "type_designator", "model", "msn", "operator", "military", "notes")


def aircraft_json(session: Session) -> list[dict[str, Any]]:
    """Every airframe with its registrations (oldest first) and flight count."""
    overlaps = flight_overlaps(session)
    out = []
    for aircraft in session.execute(select(Aircraft).order_by(Aircraft.id)).scalars():
        regs = session.execute(
            select(AircraftRegistration).where(AircraftRegistration.aircraft_id == aircraft.id)
            .order_by(AircraftRegistration.valid_from, AircraftRegistration.id)).scalars().all()
        flights = session.execute(select(Flight.id).where(Flight.aircraft_id == aircraft.id)
                                  ).scalars().all()
        problems = [p for r in regs if aircraft.icao24
                    for p in [check_icao24(r.registration, aircraft.icao24)] if p]
        problems += [f"flight {a} overlaps flight {b}" for a in flights
                     for b in overlaps.get(a, []) if a < b]
        out.append({
            "id": aircraft.id, "icao24": aircraft.icao24,
            "type_designator": aircraft.type_designator, "model": aircraft.model,
            "msn": aircraft.msn, "operator": aircraft.operator, "military": aircraft.military,
            "notes": aircraft.notes, "version": aircraft.version,
            "registrations": [{"registration": r.registration,
                               "valid_from": iso_z(r.valid_from), "valid_to": iso_z(r.valid_to)}
                              for r in regs],
            "flights": len(flights), "problems": problems,
        })
    return out


def edit_aircraft(case: Case, aircraft_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change an airframe's details; return the previous values of what changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InputRejected(f"cannot edit {', '.join(sorted(unknown))} of an aircraft.",
                            code="AIRCRAFT_UNKNOWN_FIELD", fields=', '.join(sorted(unknown)))
    if changes.get("icao24"):
        if parse_icao24(changes["icao24"]) is None:
            raise InputRejected(f"{changes['icao24']!r} is not an ICAO 24-bit address.",
                                code="AIRCRAFT_BAD_ICAO24", icao24=f"{changes['icao24']!r}")
        changes = {**changes, "icao24": changes["icao24"].strip().lower()}
    with case.writing() as session:
        aircraft = session.get(Aircraft, aircraft_id)
        if aircraft is None:
            raise NotFound(f"no aircraft {aircraft_id} in this case",
                           code="AIRCRAFT_NOT_FOUND", aircraft_id=aircraft_id)
        before = {k: getattr(aircraft, k) for k, v in changes.items() if getattr(aircraft, k) != v}
        if not before:
            return {}
        for key in before:
            setattr(aircraft, key, changes[key])
        aircraft.version += 1
        case.audit(session, "aircraft.edit", "aircraft", aircraft.id, details={
            "before": before, "after": {k: changes[k] for k in before}})
        return before


def add_registration(case: Case, aircraft_id: int, registration: str,
                     valid_from: datetime | None = None, valid_to: datetime | None = None) -> None:
    """Record that the airframe carried `registration` from/to those dates."""
    check = normalize_registration(registration)
    if not check.valid:
        problem = check.problem or f"{registration!r} is not a registration."
        raise InputRejected(problem, code="REGISTRATION_INVALID",
                            **{**check.problem_fields(), "problem": problem})
    if valid_from and valid_to and valid_to < valid_from:
        raise InputRejected("the registration ends before it begins.",
                            code="REGISTRATION_ENDS_BEFORE_START")
    with case.writing() as session:
        if session.get(Aircraft, aircraft_id) is None:
            raise NotFound(f"no aircraft {aircraft_id} in this case",
                           code="AIRCRAFT_NOT_FOUND", aircraft_id=aircraft_id)
        session.add(AircraftRegistration(aircraft_id=aircraft_id,
                                         registration=check.normalized,
                                         valid_from=valid_from, valid_to=valid_to))
        case.audit(session, "aircraft.registration", "aircraft", aircraft_id, details={
            "registration": check.normalized, "valid_from": iso_z(valid_from),
            "valid_to": iso_z(valid_to)})
