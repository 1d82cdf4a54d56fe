"""Take-off and landing times as intervals, and overlapping flights of one airframe
(issue 14, items 6 and 7): what `flights list --json` says."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from annotator.cli import main
from annotator.core.flights.legs import TrackPoint, derive_legs
from annotator.core.flights.records import FlightDraft, add_flight, edit_flight
from annotator.core.flights.times import (
    AFTER_ARRIVAL,
    AIRBORNE,
    BEFORE_DEPARTURE,
    DEPARTING,
    flight_times,
    state_at,
)
from annotator.core.timeutil import parse_iso_utc
from tests.fixtures.flights import GABS, GAGO, T0, flight_points, gap_at_take_off, write_readsb


def _z(text: str) -> datetime:
    return parse_iso_utc(text)


def _points(pts: list[dict]) -> list[TrackPoint]:
    return [TrackPoint(t=p["t"], lat=p["lat"], lon=p["lon"],
                       alt_ft=None if p["alt"] == "ground" else p["alt"],
                       ground=p["alt"] == "ground", gs_kt=p["gs"], vrate_fpm=p["vrate"])
            for p in pts]


def test_a_take_off_hidden_in_a_gap_keeps_its_bounds_and_a_best_estimate():
    (leg,) = derive_legs(_points(gap_at_take_off()))
    assert leg.departure_earliest == _z("2023-10-27T07:22:55Z")
    assert leg.departure_latest == _z("2023-10-27T07:27:38Z")
    assert leg.departure_estimated
    # 550 ft at 1 500 ft/min: about 22 s before it was heard, inside the bounds.
    assert _z("2023-10-27T07:27:10Z") < leg.departure_utc < _z("2023-10-27T07:27:38Z")
    assert leg.origin == "GABS"
    assert leg.arrival_utc is None and leg.arrival_earliest is not None  # ends in the air


def test_flights_list_json_gives_bounds_beside_the_estimates(case, tmp_path, capsys):
    path = write_readsb(tmp_path / "trace_full_062abc.json", gap_at_take_off())
    assert main(["flights", "import", str(case.root), str(path)]) == 0
    capsys.readouterr()
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["departure_bounds"] == ["2023-10-27T07:22:55Z", "2023-10-27T07:27:38Z"]
    assert row["departure_estimated"] is True
    assert "2023-10-27T07:22:55Z" < row["departure_utc"] < "2023-10-27T07:27:38Z"
    assert row["arrival_utc"] is None and not row["arrival_estimated"]
    assert row["arrival_bounds"][0] is not None and row["arrival_bounds"][1] is None


def test_an_observed_flight_has_tight_bounds_and_a_stated_time_is_its_own(case, tmp_path,
                                                                          capsys):
    path = write_readsb(tmp_path / "trace_full_062abc.json", flight_points(T0, GABS, GAGO))
    assert main(["flights", "import", str(case.root), str(path)]) == 0
    add_flight(case, FlightDraft(registration="TZ-RBB", origin="GABS",
                                 departure_utc=T0 + timedelta(hours=5)))
    capsys.readouterr()
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    tracked, stated = json.loads(capsys.readouterr().out)
    earliest, latest = (_z(t) for t in tracked["departure_bounds"])
    assert earliest < _z(tracked["departure_utc"]) <= latest
    assert latest - earliest <= timedelta(seconds=60) and not tracked["departure_estimated"]
    assert stated["departure_bounds"] == [stated["departure_utc"]] * 2
    assert stated["arrival_bounds"] is None and stated["arrival_utc"] is None


def test_editing_a_time_replaces_the_tracks_bounds_and_undo_restores_them(case, tmp_path):
    path = write_readsb(tmp_path / "trace_full_062abc.json", gap_at_take_off())
    assert main(["flights", "import", str(case.root), str(path)]) == 0
    fid = 1
    stated = _z("2023-10-27T07:30:00Z")
    before = edit_flight(case, fid, {"departure_utc": stated})
    with case.reading() as s:
        from annotator.core.models import Flight

        times = flight_times(s.get(Flight, fid))
    assert (times.departure.earliest, times.departure.latest) == (stated, stated)
    edit_flight(case, fid, before)  # what the undo command does
    with case.reading() as s:
        times = flight_times(s.get(Flight, fid))
    assert times.departure.earliest == _z("2023-10-27T07:22:55Z")
    assert times.departure.latest == _z("2023-10-27T07:27:38Z")


def test_where_the_aircraft_was_follows_the_bounds():
    (leg,) = derive_legs(_points(flight_points(T0, GABS, GAGO)))
    times = flight_times(type("F", (), {
        "departure_utc": leg.departure_utc, "departure_estimated": False,
        "departure_earliest_utc": leg.departure_earliest,
        "departure_latest_utc": leg.departure_latest, "arrival_utc": leg.arrival_utc,
        "arrival_estimated": False, "arrival_earliest_utc": leg.arrival_earliest,
        "arrival_latest_utc": leg.arrival_latest})())
    assert state_at(times, T0 - timedelta(hours=1)) == BEFORE_DEPARTURE
    assert state_at(times, leg.departure_utc) == DEPARTING
    assert state_at(times, leg.departure_utc + timedelta(hours=1)) == AIRBORNE
    assert state_at(times, leg.arrival_utc + timedelta(hours=1)) == AFTER_ARRIVAL


def test_overlapping_flights_of_one_airframe_are_both_flagged(case, capsys):
    first = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                         destination="GAGO", departure_utc=T0,
                                         arrival_utc=T0 + timedelta(hours=2)))
    second = add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO",
                                          destination="DRRN",
                                          departure_utc=T0 + timedelta(hours=1),
                                          arrival_utc=T0 + timedelta(hours=3)))
    later = add_flight(case, FlightDraft(registration="5U-MBH", origin="DRRN",
                                         destination="GABS",
                                         departure_utc=T0 + timedelta(hours=4),
                                         arrival_utc=T0 + timedelta(hours=6)))
    other = add_flight(case, FlightDraft(registration="TZ-RBB", origin="GABS",
                                         departure_utc=T0,
                                         arrival_utc=T0 + timedelta(hours=2)))
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[first]["problems"] == [f"overlaps flight {second}"]
    assert rows[second]["problems"] == [f"overlaps flight {first}"]
    assert rows[later]["problems"] == [] and rows[other]["problems"] == []
