"""`flights routes`: routes, airports and trips of a case with a known history."""

import json

from annotator.cli import main
from annotator.core.maps.period import map_filter
from annotator.core.maps.routes import case_routes
from tests.fixtures.maps import build_history

LOOP = ["GABS", "GAGO", "GATS", "DRRN", "GABS"]


def _route(summary, origin, destination):
    return next(r for r in summary["routes"]
                if (r["origin"], r["destination"]) == (origin, destination))


def test_routes_count_each_pair_with_first_departure_and_last_arrival(case):
    built = build_history(case)
    data = case_routes(case, map_filter("5U-MBH")).to_json()
    out = _route(data, "GABS", "GAGO")
    assert out["count"] == 4
    assert out["months"] == {"2023-08": 1, "2023-09": 1, "2023-10": 2}
    assert out["first_utc"] == "2023-08-20T08:00:00Z"
    assert out["last_utc"] == "2023-10-27T10:00:00Z"
    assert out["photos"] == sorted(built["photos"][n] for n in ("ramp-aug.jpg", "ramp-oct.jpg"))
    assert [(_route(data, a, b)["count"]) for a, b in (
        ("GAGO", "GATS"), ("GATS", "DRRN"), ("DRRN", "GABS"), ("GAGO", "GABS"))] == [3, 3, 3, 1]
    assert data["routes"][0]["origin"] == "GABS"  # most flown first
    assert sum(r["count"] for r in data["routes"]) == 14
    assert all(r["flights"] == sorted(r["flights"]) for r in data["routes"])


def test_trips_leave_the_base_and_come_back_in_order(case):
    build_history(case)
    data = case_routes(case, map_filter("5U-MBH")).to_json()
    assert data["bases"] == [{"aircraft": "5U-MBH", "base": "GABS"}]
    assert [t["airports"] for t in data["trips"]] == [LOOP, LOOP, ["GABS", "GAGO", "GABS"],
                                                     LOOP]
    first = data["trips"][0]
    assert first["start_utc"] == "2023-08-20T08:00:00Z"
    assert first["end_utc"] == "2023-08-23T09:30:00Z"
    assert len(first["flights"]) == 4


def test_airports_count_stays_and_first_and_last_movements(case):
    build_history(case)
    airports = {a["icao"]: a for a in
                case_routes(case, map_filter("5U-MBH")).to_json()["airports"]}
    assert {k: a["visits"] for k, a in airports.items()} == {
        "GABS": 5, "GAGO": 4, "GATS": 3, "DRRN": 3}
    assert airports["GABS"]["first_utc"] == "2023-08-20T08:00:00Z"
    assert airports["GABS"]["last_utc"] == "2023-10-30T09:30:00Z"
    assert airports["GATS"]["name"]


def test_a_base_given_starts_the_trips_there(case):
    build_history(case)
    data = case_routes(case, map_filter("5U-MBH"), base="Gao").to_json()
    assert [t["airports"] for t in data["trips"]] == [
        ["GAGO", "GATS", "DRRN", "GABS", "GAGO"], ["GAGO", "GATS", "DRRN", "GABS", "GAGO"],
        ["GAGO", "GABS", "GAGO"]]


def test_period_and_registration_filters(case):
    build_history(case)
    september = case_routes(case, map_filter(None, "2023-09-01", "2023-09-30")).to_json()
    flown = {(r["origin"], r["destination"]): r["count"] for r in september["routes"]}
    assert flown == {("GABS", "GAGO"): 1, ("GAGO", "GATS"): 1, ("GATS", "DRRN"): 1,
                     ("DRRN", "GABS"): 1, ("DRRN", "GAGO"): 1}  # the last day is included
    assert [t["airports"] for t in september["trips"]] == [LOOP]
    assert {b["aircraft"] for b in september["bases"]} == {"5U-MBH", "5U-MBI"}
    other = case_routes(case, map_filter("5umbi")).to_json()
    assert [(r["origin"], r["destination"]) for r in other["routes"]] == [("DRRN", "GAGO")]
    assert other["trips"] == []


def test_cli_prints_the_contract(case, capsys):
    build_history(case)
    path = str(case.root)
    case.close()
    assert main(["flights", "routes", path, "--registration", "5U-MBH", "--from",
                 "2023-10-01", "--to", "2023-10-31", "--base", "GABS", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"routes", "airports", "trips"}
    assert set(data["routes"][0]) >= {"origin", "destination", "count", "first_utc",
                                      "last_utc", "flights", "photos"}
    assert set(data["airports"][0]) >= {"icao", "name", "visits", "first_utc", "last_utc"}
    assert [t["airports"] for t in data["trips"]] == [["GABS", "GAGO", "GABS"], LOOP]
    assert set(data["trips"][0]) >= {"flights", "airports", "start_utc", "end_utc"}
    assert main(["flights", "routes", path]) == 0
    assert "GABS → GAGO" in capsys.readouterr().out


def test_a_reversed_period_is_refused(case, capsys):
    path = str(case.root)
    case.close()
    assert main(["flights", "routes", path, "--from", "2023-10-02", "--to", "2023-10-01"]) == 1
    assert "before it begins" in capsys.readouterr().err


def test_a_single_loop_makes_its_ends_the_base(case):
    from annotator.core.flights.records import FlightDraft, add_flights
    from tests.fixtures.maps import CHAIN, at

    add_flights(case, [FlightDraft(registration="5U-MBH", origin=a, destination=b,
                                   departure_utc=at(day, dep), arrival_utc=at(day, arr))
                       for day, (a, b, dep, arr) in zip(("08-20", "08-21", "08-22", "08-23"),
                                                        CHAIN, strict=True)])
    data = case_routes(case).to_json()
    assert data["bases"] == [{"aircraft": "5U-MBH", "base": "GABS"}]
    assert [t["airports"] for t in data["trips"]] == [LOOP]
