"""The sun's position against NOAA figures, to 0.5°.

Source of the reference figures: NOAA Global Monitoring Laboratory's solar calculator
(https://gml.noaa.gov/grad/solcalc/) computes with the equations of its published
spreadsheet "NOAA_Solar_Calculations_day.xls" (Meeus, Astronomical Algorithms). No network
is available where these tests run, so `noaa_reference` below re-implements that
spreadsheet cell by cell (columns G–AH: Julian century, geometric mean longitude and
anomaly, eccentricity, equation of centre, apparent longitude, corrected obliquity,
declination, equation of time, true solar time, hour angle, zenith, refraction, azimuth),
independently of astral. The figures it gives are listed in the table, so a change to
either side shows.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from annotator.core.dating.sun import sun_position


def noaa_reference(when: datetime, lat: float, lon: float) -> tuple[float, float]:
    """(elevation corrected for refraction, azimuth) per NOAA's spreadsheet."""
    rad, deg = math.radians, math.degrees
    jd = when.timestamp() / 86400.0 + 2440587.5
    jc = (jd - 2451545.0) / 36525.0
    l0 = (280.46646 + jc * (36000.76983 + jc * 0.0003032)) % 360
    m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc)
    e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc)
    c = (math.sin(rad(m)) * (1.914602 - jc * (0.004817 + 0.000014 * jc))
         + math.sin(rad(2 * m)) * (0.019993 - 0.000101 * jc) + math.sin(rad(3 * m)) * 0.000289)
    true_long = l0 + c
    app_long = true_long - 0.00569 - 0.00478 * math.sin(rad(125.04 - 1934.136 * jc))
    mean_obliq = 23 + (26 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60) / 60
    obliq = mean_obliq + 0.00256 * math.cos(rad(125.04 - 1934.136 * jc))
    decl = deg(math.asin(math.sin(rad(obliq)) * math.sin(rad(app_long))))
    y = math.tan(rad(obliq / 2)) ** 2
    eot = 4 * deg(y * math.sin(2 * rad(l0)) - 2 * e * math.sin(rad(m))
                  + 4 * e * y * math.sin(rad(m)) * math.cos(2 * rad(l0))
                  - 0.5 * y * y * math.sin(4 * rad(l0)) - 1.25 * e * e * math.sin(2 * rad(m)))
    minutes = when.hour * 60 + when.minute + when.second / 60
    tst = (minutes + eot + 4 * lon) % 1440
    ha = tst / 4 + 180 if tst / 4 < 0 else tst / 4 - 180
    zen = deg(math.acos(math.sin(rad(lat)) * math.sin(rad(decl))
                        + math.cos(rad(lat)) * math.cos(rad(decl)) * math.cos(rad(ha))))
    elev = 90 - zen
    t = math.tan(rad(elev))
    if elev > 85:
        refr = 0.0
    elif elev > 5:
        refr = 58.1 / t - 0.07 / t**3 + 0.000086 / t**5
    elif elev > -0.575:
        refr = 1735 + elev * (-518.2 + elev * (103.4 + elev * (-12.79 + elev * 0.711)))
    else:
        refr = -20.772 / t
    elev += refr / 3600
    cos_az = ((math.sin(rad(lat)) * math.cos(rad(zen))) - math.sin(rad(decl))) / (
        math.cos(rad(lat)) * math.sin(rad(zen)))
    az_raw = deg(math.acos(max(-1.0, min(1.0, cos_az))))
    az = (az_raw + 180) % 360 if ha > 0 else (540 - az_raw) % 360
    return elev, az


# (place, lat, lon, UTC, NOAA elevation, NOAA azimuth) — figures from the spreadsheet
# equations above, rounded to 0.1°.
CASES = [
    ("Bamako-Sénou", 12.5335, -7.9499, datetime(2023, 10, 27, 10, 15, tzinfo=UTC), 50.8, 129.1),
    ("Niamey", 13.4817, 2.1703, datetime(2023, 10, 27, 15, 30, tzinfo=UTC), 26.2, 248.2),
    ("Boulder", 40.0150, -105.2705, datetime(2024, 6, 21, 18, 0, tzinfo=UTC), 68.8, 136.5),
    ("Cape Town", -33.9249, 18.4241, datetime(2024, 12, 21, 6, 0, tzinfo=UTC), 28.0, 100.7),
]


@pytest.mark.parametrize(("place", "lat", "lon", "when", "elev", "az"), CASES,
                         ids=[c[0] for c in CASES])
def test_sun_matches_noaa_within_half_a_degree(place, lat, lon, when, elev, az):
    ref_elev, ref_az = noaa_reference(when, lat, lon)
    assert ref_elev == pytest.approx(elev, abs=0.06) and ref_az == pytest.approx(az, abs=0.06)
    sun = sun_position(when, lat, lon)
    assert abs(sun.elevation - ref_elev) <= 0.5, place
    assert abs((sun.azimuth - ref_az + 180) % 360 - 180) <= 0.5, place


def test_azimuth_is_clockwise_from_north():
    morning = sun_position(datetime(2023, 10, 27, 8, 0, tzinfo=UTC), 12.5335, -7.9499)
    evening = sun_position(datetime(2023, 10, 27, 16, 0, tzinfo=UTC), 12.5335, -7.9499)
    assert 90 < morning.azimuth < 135 and 225 < evening.azimuth < 270


def test_night_is_more_than_six_degrees_below_the_horizon():
    assert sun_position(datetime(2023, 10, 27, 23, 0, tzinfo=UTC), 12.5335, -7.9499).is_night
    dusk = sun_position(datetime(2023, 10, 27, 18, 20, tzinfo=UTC), 12.5335, -7.9499)
    assert -6 < dusk.elevation < 0 and not dusk.is_night
