"""`annotator map`: GeoJSON by RFC 7946's rules, KML parsed back, the PNG and SVG drawn."""

import io
import json

import defusedxml.ElementTree as SafeET
import pytest
from PIL import Image

from annotator.cli import main
from annotator.core.flights.records import FlightDraft, add_flights
from annotator.core.maps.geojson import feature_collection
from annotator.core.maps.geometry import (
    AirportPoint,
    MapData,
    great_circle,
    load_map,
    split_antimeridian,
)
from annotator.core.maps.period import map_filter
from annotator.core.maps.render import LAND, SEA, compose, png_bytes, svg_bytes
from tests.fixtures.maps import at, build_history

KML = "{http://www.opengis.net/kml/2.2}"


def _positions(geometry):
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coords]
    if kind == "LineString":
        return coords
    if kind == "MultiLineString":
        return [c for line in coords for c in line]
    raise AssertionError(f"unexpected geometry {kind}")


def assert_rfc7946(doc):
    """The rules of RFC 7946 a consumer relies on."""
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    for feature in doc["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        lines = ([geometry["coordinates"]] if geometry["type"] == "LineString" else
                 geometry["coordinates"] if geometry["type"] == "MultiLineString" else [])
        for line in lines:
            assert len(line) >= 2  # §3.1.4
            for (lon1, _), (lon2, _) in zip(line, line[1:], strict=False):
                assert abs(lon2 - lon1) <= 180  # §3.1.9: cut at the antimeridian
        for position in _positions(geometry):
            lon, lat = position[:2]
            assert -180 <= lon <= 180 and -90 <= lat <= 90  # §3.1.1: longitude first
            assert len(position) in (2, 3)


def test_geojson_has_photos_airports_and_legs_in_lon_lat_order(case, tmp_path):
    built = build_history(case)
    path = str(case.root)
    case.close()
    out = tmp_path / "map.geojson"
    assert main(["map", path, "--out", str(out), "--registration", "5U-MBH"]) == 0
    doc = json.loads(out.read_text())
    assert_rfc7946(doc)
    kinds = [f["properties"]["kind"] for f in doc["features"]]
    assert kinds.count("leg") == 14 and kinds.count("photo") == 3
    airports = {f["properties"]["icao"]: f for f in doc["features"]
                if f["properties"]["kind"] == "airport"}
    assert set(airports) == {"GABS", "GAGO", "GATS", "DRRN"}
    lon, lat = airports["GABS"]["geometry"]["coordinates"]
    assert lon == pytest.approx(-7.95, abs=0.01) and lat == pytest.approx(12.53, abs=0.01)
    photo = next(f for f in doc["features"] if f["properties"].get("name") == "ramp-aug.jpg")
    assert photo["properties"]["capture_utc"] == "2023-08-20T07:30:00Z"
    assert len(photo["properties"]["sha256"]) == 64 and photo["properties"]["placed"] == "gps"
    claimed = next(f for f in doc["features"] if f["properties"].get("name") == "gao-claimed.jpg")
    assert claimed["properties"]["placed"] == "claimed"
    leg = next(f for f in doc["features"] if f["properties"].get("flight_id")
               == built["flights"][0] and f["properties"]["kind"] == "leg")
    assert leg["geometry"]["type"] == "LineString"
    assert leg["geometry"]["coordinates"][0] == pytest.approx([-7.94994, 12.5335])
    assert leg["properties"]["departure_utc"] == "2023-08-20T08:00:00Z"


def test_a_leg_over_the_antimeridian_is_cut_there(case):
    add_flights(case, [FlightDraft(registration="5U-MBH", origin="NFFN", destination="NSFA",
                                   departure_utc=at("11-01", "08:00"),
                                   arrival_utc=at("11-01", "11:00"))])
    doc = feature_collection(load_map(case))
    assert_rfc7946(doc)
    leg = next(f for f in doc["features"] if f["properties"]["kind"] == "leg")
    assert leg["geometry"]["type"] == "MultiLineString"
    first, second = leg["geometry"]["coordinates"]
    assert first[-1][0] == 180.0 and second[0][0] == -180.0
    assert first[-1][1] == pytest.approx(second[0][1])


def test_great_circle_and_split_keep_times():
    arc = great_circle((-7.95, 12.53), (2.18, 13.48))
    assert arc[0] == (-7.95, 12.53) and arc[-1] == (2.18, 13.48) and len(arc) >= 10
    parts = split_antimeridian([(179.0, 0.0), (-179.0, 2.0)], [at("11-01", "08:00"),
                                                                at("11-01", "08:10")])
    assert [c for c, _ in parts] == [[(179.0, 0.0), (180.0, 1.0)], [(-180.0, 1.0),
                                                                     (-179.0, 2.0)]]
    assert parts[0][1][-1] == at("11-01", "08:05")


def test_track_keeps_its_times_and_gaps(case):
    from annotator.core.flights.importers import import_file
    from tests.fixtures.flights import GABS, GAGO, T0, flight_points, write_readsb

    pts = flight_points(T0, GABS, GAGO, minutes=60, gaps=((20, 30),))
    source = write_readsb(case.root.parent / "trace.json", pts)
    import_file(case, source, "readsb")
    data = load_map(case)
    doc = feature_collection(data)
    assert_rfc7946(doc)
    track = next(f for f in doc["features"] if f["properties"]["kind"] == "track")
    assert track["geometry"]["type"] == "LineString"
    assert len(track["properties"]["times"]) == len(track["geometry"]["coordinates"])
    assert track["properties"]["times"][0].endswith("Z")
    assert any(p.gap for p in data.tracks[0].pieces())
    leg = next(f for f in doc["features"] if f["properties"]["kind"] == "leg")
    assert leg["properties"]["tracked"] is True


def test_kml_parses_back_with_a_time_span_per_feature(case, tmp_path):
    build_history(case)
    path = str(case.root)
    case.close()
    out = tmp_path / "map.kml"
    assert main(["map", path, "--out", str(out), "--from", "2023-09-01", "--to",
                 "2023-09-30"]) == 0
    root = SafeET.fromstring(out.read_bytes())
    marks = root.findall(f".//{KML}Placemark")
    assert len(marks) == 5 + 4  # 5 legs in September, 4 airports (no photo in September)
    for mark in marks:
        span = mark.find(f"{KML}TimeSpan")
        assert span is not None and span.find(f"{KML}begin") is not None
    leg = next(m for m in marks if "GABS→GAGO" in m.findtext(f"{KML}name"))
    assert leg.findtext(f"{KML}TimeSpan/{KML}begin") == "2023-09-10T08:00:00Z"
    coords = leg.findtext(f".//{KML}coordinates").split()
    lon, lat = map(float, coords[0].split(","))
    assert (round(lon, 2), round(lat, 2)) == (-7.95, 12.53)


def _rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _near(pixel, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_png_has_sea_land_and_airports_where_projected():
    data = MapData(airports=[AirportPoint("GABS", "BKO", "Senou", -7.94994, 12.5335),
                             AirportPoint("GOOY", "DKR", "Dakar", -17.4902, 14.7397)])
    proj = compose(data, 800, 500).projection
    image = Image.open(io.BytesIO(png_bytes(data, 800, 500))).convert("RGB")
    assert image.size == (800, 500)
    atlantic = image.getpixel(tuple(map(round, proj.xy(-18.0, 12.0))))
    mali = image.getpixel(tuple(map(round, proj.xy(-9.0, 14.0))))
    assert _near(atlantic, _rgb(SEA)) and _near(mali, _rgb(LAND))
    bamako = image.getpixel(tuple(map(round, proj.xy(-7.94994, 12.5335))))
    assert max(bamako) < 90  # the airport's dark square


def test_svg_is_well_formed_and_labels_the_airports(case):
    build_history(case)
    svg = svg_bytes(load_map(case, map_filter("5U-MBH")), 1000, 700).decode()
    root = SafeET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "GABS (BKO)" in texts and "GATS" in texts
    assert any(t.endswith(" km") for t in texts)  # the scale bar
    assert "stroke-dasharray" in svg  # the graticule at least


def test_an_unknown_suffix_is_refused(case, tmp_path, capsys):
    path = str(case.root)
    case.close()
    assert main(["map", path, "--out", str(tmp_path / "map.pdf")]) == 1
    assert ".geojson" in capsys.readouterr().err


def test_a_photo_keeps_its_direction_of_view(case):
    from annotator.core.models import Photo
    from tests.fixtures.flights import GABS, add_photo

    photo = add_photo(case, "view.jpg", at("10-27", "10:00"), gps=GABS)
    with case.writing() as s:
        s.get(Photo, photo.id).raw_tags = {"GPS GPSImgDirection": "4527/100"}
    doc = feature_collection(load_map(case))
    point = next(f for f in doc["features"] if f["properties"]["kind"] == "photo")
    assert point["properties"]["direction"] == pytest.approx(45.27)
    assert point["geometry"]["coordinates"] == pytest.approx([GABS[1], GABS[0]])
