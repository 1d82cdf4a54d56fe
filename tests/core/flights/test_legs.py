"""Leg derivation from tracks: take-off, landing, gaps."""

from datetime import timedelta

from annotator.core.flights.legs import TrackPoint, derive_legs
from tests.fixtures.flights import DRRN, GABS, GAGO, T0, flight_points


def _tp(pts):
    return [TrackPoint(t=p["t"], lat=p["lat"], lon=p["lon"],
                       alt_ft=None if p["alt"] == "ground" else p["alt"],
                       ground=p["alt"] == "ground", gs_kt=p["gs"], vrate_fpm=p["vrate"],
                       number=i + 1) for i, p in enumerate(pts)]


def test_a_whole_flight_gives_one_leg_with_airports_and_times():
    pts = flight_points(T0, GABS, GAGO)
    legs = derive_legs(_tp(pts))
    assert len(legs) == 1
    leg = legs[0]
    assert (leg.origin, leg.destination) == ("GABS", "GAGO")
    assert leg.departure_utc == T0 + timedelta(minutes=5)
    assert not leg.departure_estimated and not leg.arrival_estimated
    assert leg.arrival_utc - leg.departure_utc > timedelta(minutes=119)
    assert leg.coverage_gaps == []


def test_short_gap_in_flight_is_not_a_landing_but_is_recorded():
    pts = flight_points(T0, GABS, GAGO, gaps=((40, 50),))
    legs = derive_legs(_tp(pts))
    assert len(legs) == 1 and legs[0].destination == "GAGO"
    assert len(legs[0].coverage_gaps) == 1
    start, end = legs[0].coverage_gaps[0]
    assert timedelta(minutes=9) < end - start < timedelta(minutes=11)


def test_long_gap_from_descent_to_climb_splits_with_unknowns():
    # Two flights GABS→GAGO and GAGO→DRRN, the landing and take-off at Gao unseen.
    first = [p for p in flight_points(T0, GABS, GAGO) if p["alt"] != "ground" or p["t"] < T0 +
             timedelta(minutes=10)]
    first = [p for p in first if p["alt"] == "ground" or p["alt"] > 3000 or p["vrate"] > 0]
    second_start = T0 + timedelta(hours=4)
    second = [p for p in flight_points(second_start, GAGO, DRRN) if p["alt"] != "ground" or
              p["t"] > second_start + timedelta(minutes=60)]
    second = [p for p in second if p["alt"] == "ground" or p["alt"] > 3000 or p["vrate"] < 0]
    legs = derive_legs(_tp(first + second))
    assert len(legs) == 2
    a, b = legs
    assert a.origin == "GABS" and a.departure_utc is not None
    assert a.destination is None and a.arrival_utc is None
    assert b.origin is None and b.departure_utc is None
    assert b.destination == "DRRN" and b.arrival_utc is not None
    assert a.coverage_gaps and b.coverage_gaps  # the gap is shown on both sides


def test_long_gap_at_cruise_is_not_a_landing():
    pts = flight_points(T0, GABS, GAGO, minutes=300, gaps=((60, 130),))
    legs = derive_legs(_tp(pts))
    assert len(legs) == 1
    assert (legs[0].origin, legs[0].destination) == ("GABS", "GAGO")


def test_track_beginning_and_ending_in_the_air_has_unknown_ends():
    pts = flight_points(T0, GABS, GAGO, taxi=False)[5:-5]
    legs = derive_legs(_tp(pts))
    assert len(legs) == 1
    leg = legs[0]
    assert leg.departure_utc is None and leg.origin is None
    assert leg.arrival_utc is None and leg.destination is None
    assert any("begins in the air" in r for r in leg.reasons)


def test_taxi_only_gives_no_leg_and_null_fields_are_tolerated():
    pts = _tp(flight_points(T0, GABS, GAGO)[:10])
    pts.append(TrackPoint(t=T0 + timedelta(minutes=6), lat=None, lon=None))
    assert derive_legs(pts) == []


def test_ground_to_air_after_a_long_gap_leaves_departure_unknown():
    pts = flight_points(T0, GABS, GAGO)
    pts = pts[:10] + [dict(p, t=p["t"] + timedelta(hours=3)) for p in pts[10:]]
    leg = derive_legs(_tp(pts))[0]
    assert leg.departure_utc is None and leg.origin is None
    assert leg.destination == "GAGO"


def test_one_airborne_report_while_taxiing_is_not_a_flight():
    pts = _tp(flight_points(T0, GABS, GAGO)[:10])
    blip = pts[5]
    pts[5] = TrackPoint(t=blip.t, lat=blip.lat, lon=blip.lon, alt_ft=1300, ground=False,
                        gs_kt=20, number=6)
    assert derive_legs(pts) == []


def test_one_ground_report_at_cruise_is_not_a_landing():
    pts = _tp(flight_points(T0, GABS, GAGO))
    mid = pts[120]
    pts[120] = TrackPoint(t=mid.t, lat=mid.lat, lon=mid.lon, ground=True, gs_kt=280,
                          number=121)
    legs = derive_legs(pts)
    assert len(legs) == 1 and (legs[0].origin, legs[0].destination) == ("GABS", "GAGO")
