"""The date check inside a case: computed at import, refreshed when the claim, the source,
the boxes or the flight links change, shown in `photos --json`, and the CLI contract."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core.case.folder import Case
from annotator.core.dating.claims import get_claim, set_claim
from annotator.core.errors import InputRejected
from annotator.core.ingest.importer import import_paths
from annotator.core.models import AuditEvent, Photo
from tests.fixtures.factory import make_exif, make_jpeg

BAMAKO = (12.5335, -7.9499)


def imported(case: Case, tmp_path: Path, name: str = "p.jpg", **exif) -> Photo:
    path = make_jpeg(tmp_path / "in" / name, exif=make_exif(**exif))
    report = import_paths(case, [path], jobs=1)
    assert report.imported, report
    with case.reading() as s:
        return s.get(Photo, report.imported[0].photo_id)


def run_json(capsys, argv: list[str]) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(argv)
    out = capsys.readouterr().out
    return code, (json.loads(out) if out.strip() else {})


def actions(case: Case) -> list[str]:
    with case.reading() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def test_import_computes_the_verdict(case, tmp_path):
    photo = imported(case, tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                     gps=BAMAKO)
    assert photo.date_verdict == "consistent"
    assert photo.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)


def test_check_date_with_a_case_saves_the_claim_audited(case, tmp_path, capsys):
    photo = imported(case, tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    assert photo.date_verdict == "consistent"
    code, data = run_json(capsys, ["check-date", photo.sha256[:10], "--case", str(case.root),
                                   "--claimed", "2023-10-26", "--place", "GABS",
                                   "--source", "aggregator post", "--grade", "f6", "--json"])
    assert code == 0  # the verdict is the output: exit 0 whenever the check ran
    assert data["verdict"] == "inconsistent"
    assert [f["code"] for f in data["findings"]][0] == "CLAIMED_DATE_MISMATCH"
    assert data["sun"] is not None  # the claimed place gives the sun
    assert data["claim"]["grade_meaning"] == ("source: reliability cannot be judged; "
                                              "information: truth cannot be judged")
    with case.reading() as s:
        assert get_claim(s, photo.id).values() == {"claimed": "2023-10-26", "place": "GABS",
                                                   "source_text": "aggregator post",
                                                   "grade": "F6"}
        assert s.get(Photo, photo.id).date_verdict == "inconsistent"
    assert "claim.set" in actions(case) and "photo.date_check" in actions(case)


def test_check_date_json_contract_for_a_file(tmp_path, capsys):
    path = make_jpeg(tmp_path / "f.jpg", exif=make_exif(original="2023:10:27 10:15:00",
                                                         gps=(13.4817, 2.1703)))
    code, data = run_json(capsys, ["check-date", str(path), "--json"])
    assert code == 0
    assert {"verdict", "capture_utc", "capture_utc_source", "sun", "findings"} <= set(data)
    assert data["capture_utc"] == "2023-10-27T09:15:00Z"
    assert data["capture_utc_source"] == "gps_timezone"
    assert set(data["sun"]) == {"elevation", "azimuth"}
    assert {"code", "severity", "message"} <= set(data["findings"][0])


def test_check_date_text_output_and_lat_lon_place(tmp_path, capsys):
    path = make_jpeg(tmp_path / "f.jpg", exif=make_exif(original="2023:10:27 11:15:00"))
    capsys.readouterr()
    assert main(["check-date", str(path), "--place=13.4817,2.1703", "--claimed",
                 "2023-10-27T11:00"]) == 0
    out = capsys.readouterr().out
    assert "verdict: questionable" in out and "claimed_place" in out


@pytest.mark.parametrize(("argv", "code"), [
    (["--grade", "G9"], 1), (["--claimed", "27/10/2023"], 1), (["--place", "ZZZZ"], 1),
    (["--place=95,0"], 1)])
def test_check_date_rejects_bad_claims_on_one_line(tmp_path, capsys, argv, code):
    path = make_jpeg(tmp_path / "f.jpg", exif=make_exif(original="2023:10:27 10:15:00"))
    capsys.readouterr()
    assert main(["check-date", str(path), *argv]) == code
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1


def test_check_date_on_a_missing_case_exits_2(tmp_path):
    assert main(["check-date", "abcd", "--case", str(tmp_path / "nope")]) == 2


def test_source_saves_and_prints_the_acquisition(case, tmp_path, capsys):
    photo = imported(case, tmp_path, original="2023:10:27 16:00:00", offset="+00:00")
    code, data = run_json(capsys, ["source", str(case.root), photo.sha256[:8],
                                   "--url", "https://x.com/a/status/1", "--platform", "X",
                                   "--account", "@a", "--posted", "2023-10-27T15:02Z",
                                   "--archive", "https://archive.ph/abc", "--grade", "C3",
                                   "--json"])
    assert code == 0
    assert data["posted_utc"] == "2023-10-27T15:02:00Z" and data["grade"] == "C3"
    assert data["acquired_by"] == "test-examiner" and data["acquired_utc"]
    code, again = run_json(capsys, ["source", str(case.root), photo.sha256[:8], "--json"])
    assert again == data
    with case.reading() as s:
        assert s.get(Photo, photo.id).date_verdict == "inconsistent"  # posted before capture
    assert "acquisition.set" in actions(case)


def test_photos_json_carries_date_and_source(case, tmp_path, capsys):
    photo = imported(case, tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    assert main(["source", str(case.root), photo.sha256[:8], "--platform", "Telegram"]) == 0
    code, data = run_json(capsys, ["photos", str(case.root), "--json"])
    obj = data[0] if isinstance(data, list) else data["photos"][0]
    assert obj["date"]["verdict"] == "consistent"
    assert obj["date"]["capture_utc"] == "2023-10-27T10:15:00Z"
    assert obj["date"]["capture_utc_source"] == "exif_offset"
    assert obj["source"]["platform"] == "Telegram"


def test_stale_claim_edit_is_refused(case, tmp_path):
    photo = imported(case, tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    first = set_claim(case, photo.id, claimed="2023-10-27")
    set_claim(case, photo.id, grade="B2", expected_version=first.version)
    with pytest.raises(InputRejected, match="changed by someone else"):
        set_claim(case, photo.id, grade="A1", expected_version=first.version)


def test_tagged_aircraft_airborne_elsewhere_is_a_flight_conflict(case, tmp_path):
    from annotator.core.boxes import BoxValues, create_box
    from annotator.core.flights.records import FlightDraft, add_flight

    photo = imported(case, tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                     gps=BAMAKO)
    create_box(case, photo.id, BoxValues(x=10, y=10, w=100, h=50, registration="5U-MBH"))
    fid = add_flight(case, FlightDraft(registration="5U-MBH", callsign="MBH1", origin="GABS",
                                       destination="DRRN",
                                       departure_utc=datetime(2023, 10, 27, 9, 0, tzinfo=UTC),
                                       arrival_utc=datetime(2023, 10, 27, 11, 30, tzinfo=UTC)))
    # Adding the flight recomputes the verdict of photos tagged with its aircraft.
    with case.reading() as s:
        assert s.get(Photo, photo.id).date_verdict == "inconsistent"
    with case.writing() as s:  # a writer marks; the transaction recomputes before commit
        from annotator.core.stale import mark_dating_stale

        mark_dating_stale(s, [photo.id])
    with case.reading() as s:
        assert s.get(Photo, photo.id).date_verdict == "inconsistent"
    assert fid
    from annotator.core.dating.photo_dating import stored_date

    with case.reading() as s:
        codes = [f["code"] for f in stored_date(s, photo.id)["findings"]]
    assert "FLIGHT_CONFLICT" in codes


def test_linked_flight_gives_the_airport_zone(case, tmp_path):
    from annotator.core.flights.links import link_photo
    from annotator.core.flights.records import FlightDraft, add_flight

    photo = imported(case, tmp_path, original="2023:10:27 11:15:00")
    assert photo.date_verdict == "questionable" and photo.capture_utc is None
    fid = add_flight(case, FlightDraft(registration="5U-MBH", callsign="MBH2", origin="DRRN",
                                       destination="GABS",
                                       departure_utc=datetime(2023, 10, 27, 12, 0, tzinfo=UTC),
                                       arrival_utc=datetime(2023, 10, 27, 14, 0, tzinfo=UTC)))
    link_photo(case, photo.id, fid, "before_departure")  # recomputes the verdict itself
    with case.reading() as s:
        p = s.get(Photo, photo.id)
        assert p.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)  # Niamey, UTC+1
        assert p.date_verdict == "questionable"  # OFFSET_MISSING from the airport: a warning


def test_dating_migration_downgrades_and_upgrades(case):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from annotator.core.case import schema

    with case.engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        assert not {"photo_claim", "acquisition", "date_check"} & set(
            inspect(conn).get_table_names())
        command.upgrade(config, "head")
        assert {"photo_claim", "acquisition", "date_check"} <= set(
            inspect(conn).get_table_names())


def test_thumbnail_mismatch_is_found_at_import_and_never_recomputed(case, tmp_path, monkeypatch):
    """The comparison is made once by the import worker; later checks reuse it (the original
    never changes), so editing a box never decodes the photo again."""
    from annotator.core.boxes import BoxValues, create_box
    from annotator.core.dating.photo_dating import stored_date
    from annotator.core.images import thumbnail_check
    from tests.fixtures.dating import photo_with_thumbnail
    from tests.fixtures.factory import scene

    full = scene(640, 480)
    thumb = full.copy()
    thumb.thumbnail((160, 160))
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    path = photo_with_thumbnail(tmp_path / "in" / "crop.jpg", exif,
                                main=full.crop((160, 120, 560, 420)), thumb=thumb)
    report = import_paths(case, [path], jobs=1)
    photo_id = report.imported[0].photo_id
    with case.reading() as s:
        photo = s.get(Photo, photo_id)
        assert photo.meta["thumbnail_check"]["reason"] == "content"
        assert photo.date_verdict == "inconsistent"

    def no_decoding(*args, **kwargs):
        raise AssertionError("the original was decoded again")

    monkeypatch.setattr(thumbnail_check, "compare_thumbnail", no_decoding)
    create_box(case, photo_id, BoxValues(x=5, y=5, w=50, h=40, registration="5U-MBH"))
    with case.reading() as s:
        codes = [f["code"] for f in stored_date(s, photo_id)["findings"]]
    assert "THUMBNAIL_MISMATCH" in codes
