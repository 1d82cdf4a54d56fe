"""Flights typed by hand: add, edit, list; validation and audit."""

import json

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core.errors import InputRejected
from annotator.core.flights.records import FlightDraft, add_flight, delete_flight, edit_flight
from annotator.core.models import Aircraft, AircraftRegistration, AuditEvent, Flight
from tests.fixtures.flights import T0


def test_add_normalizes_and_audits(case):
    fid = add_flight(case, FlightDraft(registration="5umbh", origin="Modibo Keita International",
                                       destination="Gao", departure_utc=T0, source_grade="c3",
                                       icao24="062ABC"))
    with case.reading() as s:
        f = s.get(Flight, fid)
        assert (f.registration, f.origin, f.destination, f.source_grade, f.icao24) == (
            "5U-MBH", "GABS", "GAGO", "C3", "062abc")
        aircraft = s.get(Aircraft, f.aircraft_id)
        regs = s.execute(select(AircraftRegistration.registration)).scalars().all()
        assert aircraft.icao24 == "062abc" and regs == ["5U-MBH"]
        event = s.execute(
            select(AuditEvent).where(AuditEvent.action == "flight.create")).scalar_one()
        assert event.object_id == str(fid) and "5U-MBH" in event.details


@pytest.mark.parametrize(("draft", "message"), [
    (FlightDraft(registration="XX-123"), "not an ICAO nationality mark"),
    (FlightDraft(origin="Atlantis"), "not a known airport"),
    (FlightDraft(source_grade="G7"), "Admiralty"),
    (FlightDraft(source_kind="rumour"), "source kind"),
    (FlightDraft(icao24="xyz"), "24-bit"),
    (FlightDraft(departure_utc=T0, arrival_utc=T0.replace(hour=9)), "before the departure"),
])
def test_bad_values_are_refused(case, draft, message):
    with pytest.raises(InputRejected, match=message):
        add_flight(case, draft)


def test_same_airframe_is_found_by_registration_or_address(case):
    a = add_flight(case, FlightDraft(registration="5U-MBH", icao24="062abc"))
    b = add_flight(case, FlightDraft(icao24="062abc"))
    c = add_flight(case, FlightDraft(registration="5umbh"))
    with case.reading() as s:
        ids = {s.get(Flight, i).aircraft_id for i in (a, b, c)}
    assert len(ids) == 1


def test_edit_returns_before_bumps_version_and_audits(case):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS"))
    before = edit_flight(case, fid, {"destination": "GAGO", "origin": "GABS"})
    assert before == {"destination": None}
    with case.reading() as s:
        f = s.get(Flight, fid)
        assert f.destination == "GAGO" and f.version == 2
        assert s.execute(select(AuditEvent).where(AuditEvent.action == "flight.edit")).scalar_one()
    with pytest.raises(InputRejected, match="changed by someone else meanwhile"):
        edit_flight(case, fid, {"notes": "x"}, expected_version=1)


def test_delete_returns_a_draft_that_restores(case):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", notes="n"))
    draft = delete_flight(case, fid)
    with case.reading() as s:
        assert s.get(Flight, fid) is None
    again = add_flight(case, draft)
    with case.reading() as s:
        assert s.get(Flight, again).notes == "n"


def test_cli_add_edit_list(case, capsys):
    root = str(case.root)
    assert main(["flights", "add", root, "--registration", "5u-mbh", "--origin", "GABS",
                 "--destination", "GAGO", "--departure", "2023-10-27T10:40Z",
                 "--grade", "B2", "--source-kind", "witness"]) == 0
    fid = int(capsys.readouterr().out.strip())
    assert main(["flights", "edit", root, str(fid), "--arrival", "2023-10-27T12:50Z",
                 "--arrival-estimated"]) == 0
    capsys.readouterr()
    assert main(["flights", "list", root, "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["registration"] == "5U-MBH" and row["arrival_utc"] == "2023-10-27T12:50:00Z"
    assert row["arrival_estimated"] is True and row["destination"] == "GAGO"
    assert row["icao24"] is None and row["source"]["kind"] == "witness"
    assert main(["flights", "add", root, "--registration", "XX-123"]) == 1
    assert "XX" in capsys.readouterr().err
    assert main(["flights", "edit", root, "999", "--notes", "x"]) == 1


def test_address_outside_the_registration_block_is_flagged_in_json(case, capsys):
    add_flight(case, FlightDraft(registration="5U-MBH", icao24="05c123"))
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert any("Niger" in p and "Mali" in p for p in row["problems"])


def test_aircraft_details_and_dated_registrations(case, capsys):
    add_flight(case, FlightDraft(registration="5U-MBH", icao24="062abc", aircraft_type="C130"))
    root = str(case.root)
    assert main(["flights", "aircraft-edit", root, "1", "--msn", "4711", "--operator",
                 "Niger Air Force", "--military", "--add-registration", "5u-mbg",
                 "--from", "2010-01-01T00:00Z", "--to", "2015-06-30T00:00Z"]) == 0
    capsys.readouterr()
    assert main(["flights", "aircraft", root, "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["msn"], row["operator"], row["military"], row["type_designator"]) == (
        "4711", "Niger Air Force", True, "C130")
    regs = {r["registration"]: r for r in row["registrations"]}
    assert regs["5U-MBG"]["valid_to"] == "2015-06-30T00:00:00Z" and "5U-MBH" in regs
    assert row["flights"] == 1 and row["problems"] == []
    assert main(["flights", "aircraft-edit", root, "1", "--add-registration", "XX-1"]) == 1
    with case.reading() as s:
        actions = s.execute(select(AuditEvent.action)).scalars().all()
    assert "aircraft.create" in actions and "aircraft.edit" in actions
    assert actions.count("aircraft.registration") == 2


def test_cli_delete(case, capsys):
    fid = add_flight(case, FlightDraft(registration="5U-MBH"))
    assert main(["flights", "delete", str(case.root), str(fid)]) == 0
    assert main(["flights", "delete", str(case.root), str(fid)]) == 1
    with case.reading() as s:
        assert s.execute(select(AuditEvent).where(AuditEvent.action == "flight.delete")
                         ).scalar_one()
