"""Input that makes no sense is refused with one line on stderr and a non-zero exit, and
nothing is written; a box partly outside the photo is clipped and said so (issue 14, item 9).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from annotator.cli import main
from annotator.core.flights.records import FlightDraft, add_flight
from tests.fixtures.boxes import add_jpeg


def _events(root: str, capsys) -> list[dict]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["audit", root, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    for e in events:  # details are stored as JSON text
        if isinstance(e["details"], str):
            e["details"] = json.loads(e["details"])
    return events


def _refused(args: list[str], capsys, *, says: str, code: int = 1) -> str:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(args) == code, args
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("annotator: "), captured.err
    assert says in captured.err, captured.err
    return captured.err


@pytest.fixture
def sample(case, tmp_path):  # type: ignore[no-untyped-def]
    photo = add_jpeg(case, tmp_path / "in", "apron.jpg", 640, 480, seed=1)
    flight = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS"))
    aircraft = None
    from annotator.core.models import Flight

    with case.reading() as s:
        aircraft = s.get(Flight, flight).aircraft_id
    return str(case.root), photo, flight, aircraft


def test_each_senseless_input_is_one_line_a_non_zero_exit_and_nothing_written(
        sample, capsys):
    root, photo, flight, aircraft = sample
    before = _events(root, capsys)
    future = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%MZ")
    refusals = [
        (["flights", "add", root], "needs an aircraft"),
        (["flights", "add", root, "--origin", "GABS", "--notes", "seen"], "needs an aircraft"),
        (["flights", "add", root, "--registration", "5U-MBH", "--departure",
          "2023-10-29T14:00"], "add Z or an offset"),
        (["flights", "edit", root, str(flight), "--arrival", "2023-10-29 14:00"],
         "add Z or an offset"),
        (["flights", "aircraft-edit", root, str(aircraft), "--add-registration", "TZ-RBB",
          "--from", "2023-10-29T14:00"], "add Z or an offset"),
        (["source", root, str(photo), "--posted", "2023-10-29T14:00"], "add Z or an offset"),
        (["source", root, str(photo), "--acquired", "2023-10-29T14:00:00"],
         "add Z or an offset"),
        (["source", root, str(photo), "--url", "not a url"], "is not a web address"),
        (["source", root, str(photo), "--url", "ftp://example.org/a.jpg"],
         "is not a web address"),
        (["source", root, str(photo), "--archive", "archive.ph/abc"], "is not a web address"),
        (["source", root, str(photo), "--acquired", future], "is in the future"),
        (["annotate", root, str(photo), "--box", "700,10,50,50"], "outside the 640×480 photo"),
        (["annotate", root, str(photo), "--box=-100,-100,60,60"],
         "outside the 640×480 photo"),
    ]
    for args, says in refusals:
        _refused(args, capsys, says=says)
    assert _events(root, capsys) == before
    assert main(["flights", "list", root, "--json"]) == 0
    assert [f["id"] for f in json.loads(capsys.readouterr().out)] == [flight]
    assert main(["boxes", root, str(photo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["source", root, str(photo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 0


def test_times_with_a_zone_are_taken_and_the_message_shows_how(sample, capsys):
    root, photo, _flight, _aircraft = sample
    err = _refused(["flights", "add", root, "--callsign", "MLI101", "--departure",
                    "2023-10-29T14:00"], capsys, says="add Z or an offset")
    assert "2023-10-29T14:00Z" in err
    assert main(["flights", "add", root, "--callsign", "MLI101", "--departure",
                 "2023-10-29T14:00+01:00", "--json"]) == 0
    fid = json.loads(capsys.readouterr().out)["id"]
    assert main(["flights", "list", root, "--json"]) == 0
    added = next(f for f in json.loads(capsys.readouterr().out) if f["id"] == fid)
    assert added["departure_utc"] == "2023-10-29T13:00:00Z"
    assert main(["source", root, str(photo), "--url", "https://x.com/a/status/1",
                 "--posted", "2023-10-27T15:02Z", "--acquired", "2023-10-28T09:00Z"]) == 0


def test_a_box_partly_outside_is_clipped_saved_and_said_on_stderr_and_in_the_audit(
        sample, capsys):
    root, photo, _flight, _aircraft = sample
    capsys.readouterr()
    assert main(["annotate", root, str(photo), "--box", "600,-20,100,60"]) == 0
    captured = capsys.readouterr()
    box_id = int(captured.out)
    assert captured.err == ("annotator: note: the box 600,-20,100,60 reached outside the "
                            "photo; saved clipped to 600,0,40,40\n")
    assert main(["boxes", root, str(photo), "--json"]) == 0
    (box,) = json.loads(capsys.readouterr().out)
    assert (box["x"], box["y"], box["w"], box["h"]) == (600, 0, 40, 40)
    event = next(e for e in reversed(_events(root, capsys)) if e["action"] == "box.create")
    assert event["object_id"] == str(box_id)
    assert event["details"]["clipped"] == {"asked": [600, -20, 100, 60], "kept": [600, 0, 40, 40]}
    # Moved partly out again with box-edit: clipped, said, audited the same way.
    assert main(["box-edit", root, str(box_id), "--box=-10,400,50,100"]) == 0
    assert "saved clipped to 0,400,40,80" in capsys.readouterr().err
    event = next(e for e in reversed(_events(root, capsys)) if e["action"] == "box.update")
    assert event["details"]["clipped"]["kept"] == [0, 400, 40, 80]
