"""Photo → flight suggestions: ranking, relations, reasons, ambiguous/weak/none."""

import json
from datetime import timedelta

from annotator.cli import main
from annotator.core.flights.records import FlightDraft, add_flight
from annotator.core.flights.suggest import suggest_for_photo
from annotator.core.models import Photo
from tests.fixtures.flights import GABS, T0, add_photo


def _suggest(case, photo):
    with case.reading() as s:
        return suggest_for_photo(s, s.get(Photo, photo.id))


def _demo_flights(case):
    day = T0.replace(hour=0, minute=0)
    arrival = add_flight(case, FlightDraft(
        registration="5U-MBH", origin="DRRN", destination="GABS",
        departure_utc=day + timedelta(hours=4), arrival_utc=day + timedelta(hours=7)))
    departure = add_flight(case, FlightDraft(
        registration="5U-MBH", origin="GABS", destination="GAGO",
        departure_utc=day + timedelta(hours=10, minutes=40),
        arrival_utc=day + timedelta(hours=12, minutes=45)))
    other = add_flight(case, FlightDraft(
        registration="TZ-RBB", origin="GABS", destination="GAGO",
        departure_utc=day + timedelta(hours=10, minutes=30)))
    return arrival, departure, other


def test_photo_at_bamako_ranks_the_1040z_departure_first(case):
    arrival, departure, other = _demo_flights(case)
    photo = add_photo(case, "ramp.jpg", T0.replace(hour=10, minute=15), gps=GABS,
                      registrations=("5U-MBH",))
    result = _suggest(case, photo)
    assert result.status == "ok"
    ids = [s.flight.id for s in result.suggestions]
    assert ids[0] == departure and other not in ids
    best = result.suggestions[0]
    assert best.relation == "before_departure" and 0 < best.score <= 1
    assert any("25 min before the departure" in r for r in best.reasons)
    assert any("km from GABS" in r for r in best.reasons)
    assert result.suggestions[1].flight.id == arrival
    assert result.suggestions[1].relation == "after_arrival"


def test_partial_registration_matches_as_a_pattern(case):
    _, departure, other = _demo_flights(case)
    photo = add_photo(case, "p.jpg", T0.replace(hour=10, minute=15), gps=GABS,
                      registrations=("5U-MB?",))
    result = _suggest(case, photo)
    assert result.suggestions[0].flight.id == departure
    assert "partial" in result.suggestions[0].reasons[0]
    assert other not in [s.flight.id for s in result.suggestions]


def test_two_equally_good_flights_are_ambiguous(case):
    for _ in range(2):
        add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                     departure_utc=T0.replace(hour=10, minute=40)))
    photo = add_photo(case, "p.jpg", T0.replace(hour=10, minute=15), gps=GABS,
                      registrations=("5U-MBH",))
    assert _suggest(case, photo).status == "ambiguous"


def test_far_in_time_and_place_is_weak_and_no_flights_is_none(case):
    photo = add_photo(case, "p.jpg", T0.replace(hour=10), gps=(48.0, 2.0))
    assert _suggest(case, photo).status == "none"
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                 departure_utc=T0 + timedelta(days=3)))
    assert _suggest(case, photo).status == "weak"


def test_capture_time_falls_back_to_exif_with_offset(case):
    _, departure, _ = _demo_flights(case)
    photo = add_photo(case, "p.jpg", None, registrations=("5U-MBH",),
                      meta={"datetime_original": "2023:10:27 10:15:00",
                            "offset_original": "+00:00"})
    result = _suggest(case, photo)
    assert result.evidence.capture_source == "exif"
    assert result.suggestions[0].flight.id == departure


def test_coverage_gap_is_reported_never_counted(case):
    with_gap = add_flight(case, FlightDraft(
        registration="5U-MBH", origin="GABS", destination="GAGO",
        departure_utc=T0, arrival_utc=T0 + timedelta(hours=2)))
    photo = add_photo(case, "p.jpg", T0 + timedelta(hours=1), gps=GABS,
                      registrations=("5U-MBH",))
    plain = _suggest(case, photo).suggestions[0]
    with case.writing() as s:
        from annotator.core.models import Flight

        s.get(Flight, with_gap).coverage_gaps = [["2023-10-27T11:00:00Z", "2023-10-27T11:45:00Z"]]
    gapped = _suggest(case, photo).suggestions[0]
    assert gapped.score == plain.score
    assert any("coverage gap" in r for r in gapped.reasons)


def test_cli_suggest_json_contract(case, capsys):
    _demo_flights(case)
    photo = add_photo(case, "ramp.jpg", T0.replace(hour=10, minute=15), gps=GABS,
                      registrations=("5U-MBH",))
    assert main(["suggest", str(case.root), photo.sha256[:12], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"status", "suggestions"} and data["status"] == "ok"
    first = data["suggestions"][0]
    assert set(first) == {"flight", "score", "relation", "reasons"}
    assert first["flight"]["departure_utc"] == "2023-10-27T10:40:00Z"
    assert first["flight"]["origin"] == "GABS" and isinstance(first["reasons"], list)
    scores = [s["score"] for s in data["suggestions"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= x <= 1 for x in scores)


def test_in_flight_photo_is_placed_by_the_track(case, tmp_path):
    from annotator.core.flights.importers import import_file
    from tests.fixtures.flights import GAGO, flight_points, lerp, write_readsb

    path = write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO))
    import_file(case, path)
    below = lerp(GABS, GAGO, 0.5)  # under the route, half-way, at half-time
    photo = add_photo(case, "overhead.jpg", T0 + timedelta(minutes=65), gps=below,
                      registrations=("5U-MBH",))
    far = add_photo(case, "far.jpg", T0 + timedelta(minutes=65), gps=(GABS[0] + 3, GABS[1]),
                    registrations=("5U-MBH",))
    near_best = _suggest(case, photo).suggestions[0]
    far_best = _suggest(case, far).suggestions[0]
    assert near_best.relation == "in_flight"
    assert any("track puts the aircraft" in r for r in near_best.reasons)
    assert near_best.score > far_best.score


def test_suggested_flight_is_the_same_object_flights_list_gives(case, capsys):
    add_flight(case, FlightDraft(registration="5U-MBH", icao24="062abc", aircraft_type="C130",
                                 origin="GABS", departure_utc=T0))
    photo = add_photo(case, "p.jpg", T0, gps=GABS, registrations=("5U-MBH",))
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)[0]
    assert main(["suggest", str(case.root), photo.original_name, "--json"]) == 0
    suggested = json.loads(capsys.readouterr().out)["suggestions"][0]["flight"]
    assert suggested == listed and suggested["aircraft_type"] == "C130"
