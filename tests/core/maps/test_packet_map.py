"""The evidence packet carries map.geojson and map.kml (listed in SHA256SUMS) and its report a
map page and the routes table, for the packet's photos and their linked flights."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import defusedxml.ElementTree as SafeET
import pytest

from annotator.core.flights.links import link_photo
from annotator.core.flights.records import FlightDraft, add_flights
from annotator.core.packet.export import export_packet
from annotator.core.packet.selection import Selection
from annotator.core.packet.verify import verify_packet
from tests.core.maps.test_map_files import assert_rfc7946
from tests.fixtures.maps import at
from tests.fixtures.packets import make_case_with_photos, read_zip, unzip


@pytest.fixture
def packet(case, tmp_path):
    sample = make_case_with_photos(case, tmp_path)
    ids = add_flights(case, [
        FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                    departure_utc=at("10-27", "10:40"), arrival_utc=at("10-27", "12:45")),
        FlightDraft(registration="5U-MBH", origin="GAGO", destination="GABS",
                    departure_utc=at("10-28", "10:40"), arrival_utc=at("10-28", "12:45"),
                    arrival_estimated=True),
        FlightDraft(registration="5U-MBH", origin="GABS", destination="DRRN",
                    departure_utc=at("11-02", "10:40"), arrival_utc=at("11-02", "12:45"))])
    link_photo(case, sample.ids["apron.jpg"], ids[0], "before_departure")
    link_photo(case, sample.ids["phone.jpg"], ids[1], "unknown")
    result = export_packet(case, tmp_path / "p.zip")
    return sample, ids, result


def test_packet_has_the_map_files_listed_in_sha256sums(packet):
    sample, ids, result = packet
    files = read_zip(result.path)
    sums = dict(reversed(line.split("  ", 1)) for line in
                files["SHA256SUMS"].decode().splitlines())
    for name in ("map.geojson", "map.kml"):
        assert sums[name] == hashlib.sha256(files[name]).hexdigest()
    assert verify_packet(result.path).ok
    doc = json.loads(files["map.geojson"])
    assert_rfc7946(doc)
    photos = [f["properties"] for f in doc["features"] if f["properties"]["kind"] == "photo"]
    assert [p["sha256"] for p in photos] == [sample.shas["apron.jpg"]]  # the one with GPS
    legs = {(f["properties"]["origin"], f["properties"]["destination"])
            for f in doc["features"] if f["properties"]["kind"] == "leg"}
    assert legs == {("GABS", "GAGO"), ("GAGO", "GABS")}  # linked flights only
    kml = SafeET.fromstring(files["map.kml"])
    assert len(kml.findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == 1 + 2 + 2


def test_manifest_and_report_show_the_routes(packet, tmp_path):
    _, ids, result = packet
    files = read_zip(result.path)
    section = json.loads(files["manifest.json"])["map"]
    assert section["files"] == ["map.geojson", "map.kml"]
    assert section["drawn"] == {"photos": 1, "airports": 2, "tracks": 0, "legs": 2}
    assert {a["icao"] for a in section["airports"]} == {"GABS", "GAGO"}
    assert [(r["origin"], r["destination"], r["flights"]) for r in section["routes"]] == [
        ("GABS", "GAGO", [ids[0]]), ("GAGO", "GABS", [ids[1]])]
    assert "map.geojson" in files["README.txt"].decode()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = unzip(result.path, tmp_path / "unzipped") / "report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Map of the exhibits and their flights" in text
    assert "Routes of the linked flights" in text and "GABS → GAGO" in text
    assert "2023-10-27T10:40:00Z" in text and "1 photo(s) placed" in text


def test_a_packet_without_flights_or_positions_still_has_an_empty_map(case, tmp_path):
    sample = make_case_with_photos(case, tmp_path)
    result = export_packet(case, tmp_path / "p.zip",
                           Selection(photo_ids=(sample.ids["plain.jpg"],)))
    doc = json.loads(read_zip(result.path)["map.geojson"])
    assert doc == {"type": "FeatureCollection", "features": []}
