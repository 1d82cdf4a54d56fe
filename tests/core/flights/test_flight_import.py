"""Importers: each format, written by the test, and broken files rejected whole."""

import gzip
import hashlib
import json

import pytest
from sqlalchemy import func, select

from annotator.cli import main
from annotator.core.errors import InputRejected
from annotator.core.flights.importers import ImportOverrides, import_file, parse_file
from annotator.core.models import AuditEvent, Flight
from tests.fixtures.flights import (
    GABS,
    GAGO,
    T0,
    flight_points,
    write_fr24,
    write_kml_placemarks,
    write_kml_track,
    write_opensky_states,
    write_readsb,
)


def _count(case):
    with case.reading() as s:
        return s.scalar(select(func.count(Flight.id)))


@pytest.mark.parametrize("gz", [False, True])
def test_readsb_trace_gives_the_flight_with_its_source_hash(case, tmp_path, gz):
    path = write_readsb(tmp_path / "trace_full_062abc.json", flight_points(T0, GABS, GAGO), gz=gz)
    report = import_file(case, path)
    assert report.format == "readsb" and len(report.flight_ids) == 1
    with case.reading() as s:
        f = s.get(Flight, report.flight_ids[0])
        assert (f.registration, f.icao24, f.origin, f.destination) == ("5U-MBH", "062abc",
                                                                       "GABS", "GAGO")
        assert f.callsign == "MBH01" and f.source_kind == "adsb"
        assert f.source_ref == path.name
        assert f.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert len(f.track) > 200 and f.track[0][0].endswith("Z")
        assert s.scalar(select(func.count()).where(AuditEvent.action == "flight.import")) == 1


def test_readsb_tilde_address_is_not_kept_as_icao(case, tmp_path):
    path = write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO), icao="~062abc")
    report = import_file(case, path)
    with case.reading() as s:
        f = s.get(Flight, report.flight_ids[0])
        assert f.icao24 is None and "non-ICAO" in f.notes


def test_broken_trace_point_names_its_number_and_imports_nothing(case, tmp_path):
    pts = flight_points(T0, GABS, GAGO)
    path = write_readsb(tmp_path / "t.json", pts)
    doc = json.loads(path.read_text())
    doc["trace"][41][3] = "high"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputRejected, match="point 42"):
        import_file(case, path)
    assert _count(case) == 0


def test_same_file_twice_is_refused(case, tmp_path):
    path = write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO))
    import_file(case, path)
    with pytest.raises(InputRejected, match="imported already"):
        import_file(case, path)
    assert _count(case) == 1


def test_fr24_csv_callsign_is_the_registration(case, tmp_path):
    path = write_fr24(tmp_path / "MBH.csv", flight_points(T0, GABS, GAGO))
    fmt, _, drafts = parse_file(path)
    assert fmt == "fr24" and len(drafts) == 1
    d = drafts[0]
    assert d.registration == "5U-MBH" and (d.origin, d.destination) == ("GABS", "GAGO")
    assert d.source_kind == "tracker"


def test_fr24_bad_position_names_the_line(case, tmp_path):
    path = write_fr24(tmp_path / "MBH.csv", flight_points(T0, GABS, GAGO))
    lines = path.read_text().splitlines()
    lines[7] = lines[7].replace('"12.', '"xx.')
    path.write_text("\n".join(lines))
    with pytest.raises(InputRejected, match="line 8"):
        import_file(case, path)
    assert _count(case) == 0


@pytest.mark.parametrize("writer", [write_kml_track, write_kml_placemarks])
def test_kml_tracks(case, tmp_path, writer):
    path = writer(tmp_path / "track.kml", flight_points(T0, GABS, GAGO))
    fmt, _, drafts = parse_file(path, overrides=ImportOverrides(registration="5umbh"))
    assert fmt == "kml" and len(drafts) == 1
    d = drafts[0]
    assert d.registration == "5U-MBH"
    assert (d.origin, d.destination) == ("GABS", "GAGO")
    assert abs((d.departure_utc - T0).total_seconds() - 300) <= 60


def test_kml_mismatched_track_is_rejected(case, tmp_path):
    path = write_kml_track(tmp_path / "track.kml", flight_points(T0, GABS, GAGO))
    path.write_text(path.read_text().replace("</when>", "</when><when>2023-10-27T00:00Z</when>",
                                             1))
    with pytest.raises(InputRejected, match="times for"):
        import_file(case, path)


def test_opensky_flight_records(case, tmp_path):
    start = int(T0.timestamp())
    records = [
        {"icao24": "062abc", "firstSeen": start, "lastSeen": start + 7200,
         "estDepartureAirport": "GABS", "estArrivalAirport": "GAGO", "callsign": "5UMBH   "},
        {"icao24": "062abc", "firstSeen": start + 9000, "lastSeen": None,
         "estDepartureAirport": "ZZZZ", "estArrivalAirport": None, "callsign": None},
    ]
    path = tmp_path / "flights.json"
    path.write_text(json.dumps(records))
    report = import_file(case, path)
    assert report.format == "opensky" and len(report.flight_ids) == 2
    with case.reading() as s:
        a, b = (s.get(Flight, i) for i in report.flight_ids)
        assert a.registration == "5U-MBH" and a.departure_estimated and a.origin == "GABS"
        assert b.origin is None and "ZZZZ" in b.notes and b.arrival_utc is None


def test_opensky_state_vectors(case, tmp_path):
    path = write_opensky_states(tmp_path / "states.csv", flight_points(T0, GABS, GAGO))
    fmt, _, drafts = parse_file(path)
    assert fmt == "opensky-states" and len(drafts) == 1
    assert drafts[0].icao24 == "062abc"
    assert (drafts[0].origin, drafts[0].destination) == ("GABS", "GAGO")


def test_our_csv_and_its_errors(case, tmp_path):
    path = tmp_path / "flights.csv"
    path.write_text(
        "registration,callsign,origin,destination,departure_utc,arrival_utc,source_kind,"
        "source_grade,notes\n"
        "5umbh,,Bamako,GAGO,2023-10-27T10:40Z,2023-10-27T12:45Z,witness,B2,seen\n"
        "5U-MBH,,GAGO,GATS,2023-10-27T14:00Z,,manual,,\n")
    report = import_file(case, path)
    assert report.format == "csv" and len(report.flight_ids) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("registration,origin,departure_utc\n5U-MBH,GABS,2023-10-27T10:40Z\n"
                   "5U-MBH,GABS,yesterday\n")
    with pytest.raises(InputRejected, match="line 3"):
        import_file(case, bad)
    bad.write_text("registration,source_grade\n5U-MBH,G9\n")
    with pytest.raises(InputRejected, match="line 2.*Admiralty"):
        import_file(case, bad)
    bad.write_text("registration,colour\n5U-MBH,red\n")
    with pytest.raises(InputRejected, match="unknown column"):
        import_file(case, bad)
    assert _count(case) == 2


def test_gzip_detection_ignores_the_name(case, tmp_path):
    path = tmp_path / "plain_name.json"
    raw = write_readsb(tmp_path / "x.json", flight_points(T0, GABS, GAGO)).read_bytes()
    path.write_bytes(gzip.compress(raw))
    assert parse_file(path)[0] == "readsb"


def test_cli_import_and_list_json(case, tmp_path, capsys):
    path = write_readsb(tmp_path / "trace_full_062abc.json", flight_points(T0, GABS, GAGO))
    assert main(["flights", "import", str(case.root), str(path), "--grade", "b2"]) == 0
    capsys.readouterr()
    assert main(["flights", "list", str(case.root), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    for key in ("id", "registration", "icao24", "callsign", "origin", "destination",
                "departure_utc", "arrival_utc", "source"):
        assert key in row
    assert row["departure_utc"].endswith("Z") and row["source"]["grade"] == "B2"
    assert row["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_import_broken_file_exits_1_one_line(case, tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text("{not json")
    assert main(["flights", "import", str(case.root), str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not valid JSON" in err
