"""The sun's day at a place: sunrise and sunset by NOAA's definition, the path every ten
minutes over the local day, and windows whose edges are where the sun leaves the band."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from annotator.core.dating import SunBand, resolve_place, sun_day, sun_position, sun_windows
from annotator.core.dating.sun_day import local_day

BAMAKO = resolve_place("GABS")


def test_sunrise_and_sunset_are_the_standard_ones():
    """NOAA: the sun's centre 0.833° below a sea-level horizon (upper limb, refraction);
    Bamako-Sénou, 27 October 2023: 06:23:51 and 18:07:18 UTC (NOAA's calculator gives
    06:24 and 18:07 to the minute)."""
    day = sun_day(BAMAKO, date(2023, 10, 27))
    assert day.sunrise == datetime(2023, 10, 27, 6, 23, 51, tzinfo=UTC)
    assert day.sunset == datetime(2023, 10, 27, 18, 7, 18, tzinfo=UTC)
    assert day.zone == "Africa/Bamako"


def test_the_path_covers_the_local_day_every_ten_minutes():
    niamey = resolve_place("DRRN")  # UTC+1: the local day starts at 23:00 UTC the day before
    day = sun_day(niamey, date(2023, 10, 27))
    times = [t for t, _ in day.path]
    assert times[0] == datetime(2023, 10, 26, 23, 0, tzinfo=UTC)
    assert len(times) == 144 and all(b - a == timedelta(minutes=10)
                                     for a, b in zip(times, times[1:], strict=False))
    data = day.to_json()
    assert set(data) == {"place", "date", "zone", "sunrise_utc", "sunset_utc", "path",
                         "windows"}
    assert data["path"][0] == {"utc": "2023-10-26T23:00:00Z",
                               "azimuth": data["path"][0]["azimuth"],
                               "elevation": data["path"][0]["elevation"]}


def test_a_window_holds_the_time_the_band_was_taken_from_and_its_edges_leave_it():
    when = datetime(2023, 10, 27, 15, 5, tzinfo=UTC)
    sun = sun_position(when, BAMAKO.lat, BAMAKO.lon)
    band = SunBand(sun.azimuth, 1.0, sun.elevation, 1.0)
    start, end = local_day(BAMAKO, date(2023, 10, 27))
    (window,) = sun_windows(BAMAKO, band, start, end)
    assert window.contains(when)
    assert band.holds(sun_position(window.start, BAMAKO.lat, BAMAKO.lon))
    assert not band.holds(sun_position(window.start - timedelta(seconds=2), BAMAKO.lat,
                                       BAMAKO.lon))
    assert not band.holds(sun_position(window.end + timedelta(seconds=2), BAMAKO.lat,
                                       BAMAKO.lon))
    assert window.to_json()["from_utc"].endswith("Z")


def test_an_azimuth_alone_matches_only_while_the_sun_is_up():
    sun = sun_position(datetime(2023, 10, 27, 6, 40, tzinfo=UTC), BAMAKO.lat, BAMAKO.lon)
    day = sun_day(BAMAKO, date(2023, 10, 27), SunBand(sun.azimuth, 2.0))
    assert day.windows and all(w.start >= day.sunrise for w in day.windows)


def test_a_band_the_sun_never_reaches_has_no_window():
    day = sun_day(BAMAKO, date(2023, 10, 27), SunBand(0.0, 5.0, 80.0, 1.0))  # north, high
    assert day.windows == ()


def test_a_very_narrow_band_is_not_stepped_over():
    """±0.05°: the sun is inside for well under a minute; the scan's step follows."""
    when = datetime(2023, 10, 27, 15, 5, 13, tzinfo=UTC)
    sun = sun_position(when, BAMAKO.lat, BAMAKO.lon)
    band = SunBand(sun.azimuth, 0.05, sun.elevation, 0.05)
    start, end = local_day(BAMAKO, date(2023, 10, 27))
    (window,) = sun_windows(BAMAKO, band, start, end)
    assert window.contains(when) and window.end - window.start < timedelta(minutes=1)
