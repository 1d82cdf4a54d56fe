"""Linking photos to flights: relation, note, audit with the photo's hash, unlink."""

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core.errors import InputRejected, NotFound
from annotator.core.flights.links import link_photo, linked_flights_json, unlink_photo
from annotator.core.flights.records import FlightDraft, add_flight
from annotator.core.models import AuditEvent
from tests.fixtures.flights import T0, add_photo


def test_link_and_unlink_are_audited_with_the_photo_hash(case):
    photo = add_photo(case, "a.jpg", T0)
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    value = link_photo(case, photo.sha256[:10], fid, "before-departure", "ramp")
    assert value.relation == "before_departure"
    with case.reading() as s:
        rows = linked_flights_json(s, photo.id)
        assert rows[0]["id"] == fid and rows[0]["relation"] == "before_departure"
        assert rows[0]["link_note"] == "ramp" and rows[0]["linked_by"] == "test-examiner"
    with pytest.raises(InputRejected, match="already linked"):
        link_photo(case, "a.jpg", fid)
    removed = unlink_photo(case, "a.jpg", fid)
    assert removed.note == "ramp"
    with pytest.raises(NotFound):
        unlink_photo(case, "a.jpg", fid)
    with case.reading() as s:
        events = s.execute(select(AuditEvent).where(
            AuditEvent.action.in_(["flight.link", "flight.unlink"]))).scalars().all()
    assert [e.action for e in events] == ["flight.link", "flight.unlink"]
    assert all(e.photo_sha256 == photo.sha256 for e in events)


def test_bad_relation_and_unknown_flight(case):
    add_photo(case, "a.jpg", T0)
    fid = add_flight(case, FlightDraft(registration="5U-MBH"))
    with pytest.raises(InputRejected, match="relation"):
        link_photo(case, "a.jpg", fid, "sideways")
    with pytest.raises(NotFound):
        link_photo(case, "a.jpg", 999)


def test_cli_link_unlink(case, capsys):
    add_photo(case, "a.jpg", T0)
    fid = add_flight(case, FlightDraft(registration="5U-MBH"))
    root = str(case.root)
    assert main(["link", root, "a.jpg", str(fid), "--relation", "in_flight", "--note", "n"]) == 0
    assert "in_flight" in capsys.readouterr().out
    assert main(["link", root, "a.jpg", str(fid)]) == 1
    assert main(["unlink", root, "a.jpg", str(fid)]) == 0
    assert main(["unlink", root, "nope.jpg", str(fid)]) == 1


def test_photos_json_carries_linked_flights(case, capsys):
    import json

    from annotator.core.photo_json import photos_json

    photo = add_photo(case, "a.jpg", T0)
    add_photo(case, "b.jpg", T0)
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    link_photo(case, "a.jpg", fid, "before_departure")
    with case.reading() as s:
        objs = {o["original_name"]: o for o in photos_json(s)}
    assert [f["id"] for f in objs["a.jpg"]["flights"]] == [fid]
    assert objs["a.jpg"]["flights"][0]["relation"] == "before_departure"
    assert objs["b.jpg"]["flights"] == []
    assert json.dumps(objs["a.jpg"]["flights"])  # serializable as is
    assert photo.sha256 == objs["a.jpg"]["sha256"]
