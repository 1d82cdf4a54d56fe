"""The map's track colours (one, by flight, by altitude) shared by the GUI and the renderer,
and the sun drawn at a photo's place and capture time (a ray, or a fan for an interval)."""

from datetime import UTC, datetime, timedelta

import pytest

from annotator.core.dating import sun_position
from annotator.core.maps.colours import (
    ALTITUDE,
    FLIGHT,
    NO_ALTITUDE,
    RAMP,
    SINGLE,
    TRACK,
    AltitudeScale,
    flight_colours,
    track_runs,
)
from annotator.core.maps.geometry import (
    LegArc,
    MapData,
    PhotoPoint,
    TrackFix,
    TrackLine,
)
from annotator.core.maps.render import compose, svg_bytes
from annotator.core.maps.sun_mark import photo_sun, sun_mark_at, toward
from tests.fixtures.maps import at, build_history

T0 = datetime(2023, 9, 1, 8, 0, tzinfo=UTC)


def _climb(flight_id: int = 1, alts=(0, 3000, 12000, 24000, 24000, None, 24000)) -> TrackLine:
    fixes = [TrackFix(T0 + timedelta(minutes=i), -8 + 0.1 * i, 12.5, a)
             for i, a in enumerate(alts)]
    return TrackLine(flight_id, "5U-MBH", fixes)


def test_altitude_scale_rounds_up_and_bands_the_ramp():
    scale = AltitudeScale.for_map(MapData(tracks=[_climb()]))
    assert scale is not None and scale.top == 25000 and scale.bands == 8
    assert scale.band(0) == 0 and scale.band(24000) == 7 and scale.band(None) is None
    assert scale.colour(None) == NO_ALTITUDE
    limits = scale.limits()
    assert limits[0][:2] == (0, 3125) and limits[-1][1] == 25000
    assert AltitudeScale.for_map(MapData(tracks=[_climb(alts=(None, None))])) is None


def test_altitude_runs_change_colour_with_the_level_and_stay_joined():
    data = MapData(tracks=[_climb()])
    runs = track_runs(data, ALTITUDE)
    colours = [run.colour for _, _, run in runs]
    scale = AltitudeScale.for_map(data)
    # a segment takes its higher end: the take-off roll, the climb, then the level reached
    # (a fix with no altitude between two at 24,000 ft does not break the line)
    assert colours == [scale.colour(0), scale.colour(3), scale.colour(7)]
    for (_, _, a), (_, _, b) in zip(runs, runs[1:], strict=False):
        assert a.coords[-1] == b.coords[0]  # no hole between runs
    # every point of the track is drawn
    assert sum(len(r.coords) for _, _, r in runs) - (len(runs) - 1) == 7
    # one colour for everything, by default
    assert {r.colour for _, _, r in track_runs(data, SINGLE)} == {TRACK}


def test_flight_colours_tell_flights_apart_and_legs_match_their_tracks():
    leg = LegArc(2, "5U-MBI", "GABS", "GAGO", T0, T0, False, [[(-8.0, 12.5), (0.0, 16.3)]])
    data = MapData(tracks=[_climb(1)], legs=[leg])
    colours = flight_colours(data)
    assert colours[1] != colours[2]
    assert {r.colour for _, _, r in track_runs(data, FLIGHT)} == {colours[1]}
    svg = svg_bytes(data, colour_by=FLIGHT).decode()
    assert colours[1] in svg and colours[2] in svg


def test_the_renderer_draws_the_altitude_ramp_and_its_legend():
    data = MapData(tracks=[_climb()])
    scene = compose(data, 800, 500, colour_by=ALTITUDE)
    texts = [getattr(i, "text", "") for i in scene.items]
    assert "track altitude (ft)" in texts and "25,000" in texts
    strokes = {getattr(i, "stroke", None) for i in scene.items}
    assert {c for _, _, r in track_runs(data, ALTITUDE) for c in [r.colour]} <= strokes
    assert "track altitude" not in svg_bytes(data).decode()  # only when asked for


def test_pieces_carry_altitudes_across_the_antimeridian():
    fixes = [TrackFix(T0 + timedelta(minutes=i), lon, 0.0, alt) for i, (lon, alt) in
             enumerate([(178.0, 1000), (179.5, 2000), (-179.5, 3000), (-178.0, 4000)])]
    pieces = TrackLine(1, "x", fixes).pieces()
    assert len(pieces) == 2
    for piece in pieces:
        assert len(piece.alts) == len(piece.coords)
    assert pieces[0].alts == [1000, 2000, 2000] and pieces[1].alts == [2000, 3000, 4000]


def test_toward_goes_the_right_way():
    lon, lat = toward(0.0, 0.0, 90.0, 111.195)
    assert lon == pytest.approx(1.0, abs=1e-3) and lat == pytest.approx(0.0, abs=1e-6)
    lon, lat = toward(2.0, 45.0, 0.0, 111.195)
    assert lon == pytest.approx(2.0) and lat == pytest.approx(46.0, abs=1e-3)


def _point(lon=-7.95, lat=12.53):
    return PhotoPoint(1, "0" * 64, "a.jpg", lon, lat, "gps", None)


def test_a_point_in_time_gives_a_ray_toward_the_sun():
    when = datetime(2023, 8, 20, 9, 0, tzinfo=UTC)  # morning in Bamako
    mark = sun_mark_at(_point(), when)
    assert mark is not None and not mark.is_interval and mark.up and mark.fan == ()
    expected = sun_position(when, 12.53, -7.95)
    assert mark.best == expected
    ray = mark.ray(50)
    assert ray is not None and ray[0] == (-7.95, 12.53)
    assert ray[1][0] > -7.95  # a morning sun is in the east


def test_the_sun_below_the_horizon_gives_no_ray():
    mark = sun_mark_at(_point(), datetime(2023, 8, 20, 1, 0, tzinfo=UTC))
    assert mark is not None and not mark.up and mark.ray(50) is None


def test_an_interval_gives_the_fan_the_sun_swept():
    start = datetime(2023, 8, 20, 9, 0, tzinfo=UTC)
    mark = sun_mark_at(_point(), start + timedelta(hours=1), (start, start + timedelta(hours=2)))
    assert mark is not None and mark.is_interval and mark.up and not mark.whole_day
    assert mark.fan[0] == pytest.approx(mark.first.azimuth)
    assert mark.fan[-1] == pytest.approx(mark.last.azimuth)
    assert len(mark.fan) == 13  # every 10 minutes
    wedge = mark.wedge(50)
    assert wedge[0] == wedge[-1] == (-7.95, 12.53) and len(wedge) == 15
    # Over a day or more every azimuth of the day is possible: no fan, said so.
    wide = sun_mark_at(_point(), None, (start, start + timedelta(hours=26)))
    assert wide is not None and wide.whole_day and wide.fan == () and wide.best is None


def test_no_time_no_mark():
    assert sun_mark_at(_point(), None) is None
    assert sun_mark_at(_point(), None, (None, T0)) is None


def test_photo_sun_uses_the_capture_date_account_and_the_claimed_place(case):
    from annotator.core.dating import capture_date_view

    built = build_history(case)
    photo_id = built["photos"]["ramp-aug.jpg"]
    capture_date_view(case, photo_id, recompute=True)  # the stored check the panel shows
    mark = photo_sun(case, photo_id)
    assert mark is not None and mark.placed == "gps"
    assert mark.when == at("08-20", "07:30")
    claimed = photo_sun(case, built["photos"]["gao-claimed.jpg"])
    assert claimed is not None and claimed.placed == "claimed"
    assert photo_sun(case, 999_999) is None


def test_annotator_map_colours_tracks_as_asked(case, tmp_path):
    from annotator.cli import main
    from annotator.core.flights.importers import import_file
    from tests.fixtures.flights import GABS, GAGO, flight_points, write_readsb

    pts = flight_points(datetime(2023, 10, 27, 12, 0, tzinfo=UTC), GABS, GAGO, minutes=60)
    import_file(case, write_readsb(tmp_path / "trace.json", pts), "readsb")
    path = str(case.root)
    case.close()
    plain, coloured = tmp_path / "plain.svg", tmp_path / "altitude.svg"
    assert main(["map", path, "--out", str(plain)]) == 0
    assert main(["map", path, "--out", str(coloured), "--colour-tracks", "altitude"]) == 0
    text = coloured.read_text()
    assert "track altitude (ft)" in text and "track altitude" not in plain.read_text()
    assert sum(colour in text for colour in RAMP) >= 3  # the climb, the cruise, the legend
