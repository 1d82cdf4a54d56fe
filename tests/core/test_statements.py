"""Statements that must never contradict each other, or the evidence (issue 14, items 2–5):
a claimed place far from the GPS, suggestions against the capture-date check, a mistyped
registration, a verdict with errors but no zone; and one consistency test over a case whose
photos cover every relation to a flight."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from annotator.cli import main
from annotator.core.dating.claims import set_claim
from annotator.core.flights.importers import import_file
from annotator.core.flights.links import link_photo
from annotator.core.flights.records import FlightDraft, add_flight
from annotator.core.flights.suggest import suggest_for_photo
from annotator.core.models import Photo
from tests.fixtures.flights import (
    DRRN,
    GABS,
    GAGO,
    T0,
    add_photo,
    flight_points,
    lerp,
    write_readsb,
)


def _photo(case, name, when, *, gps=None, registrations=()):  # type: ignore[no-untyped-def]
    """A photo row whose file says when it was taken (so a check keeps its capture time)."""
    meta = {"datetime_original": when.strftime("%Y-%m-%dT%H:%M:%S"), "offset_original": "+00:00"}
    return add_photo(case, name, when, gps=gps, registrations=registrations, meta=meta)


def _check(capsys, case, photo) -> dict:
    capsys.readouterr()
    assert main(["check-date", photo.sha256[:12], "--case", str(case.root), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _suggest(capsys, case, photo) -> dict:
    capsys.readouterr()
    assert main(["suggest", str(case.root), photo.sha256[:12], "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _codes(result: dict) -> list[str]:
    return [f["code"] for f in result["findings"]]


# -- 2. a claimed place against the GPS --------------------------------------------------

def test_gps_at_gao_claimed_at_bamako_is_a_place_mismatch(case, capsys):
    photo = add_photo(case, "gao.jpg", T0, gps=GAGO, meta={
        "datetime_original": "2023-10-27T10:30:00", "offset_original": "+00:00"})
    set_claim(case, photo.id, claimed="2023-10-27", place="GABS")
    result = _check(capsys, case, photo)
    assert result["verdict"] == "inconsistent"
    (finding,) = [f for f in result["findings"] if f["code"] == "PLACE_MISMATCH"]
    assert finding["severity"] == "error"
    assert 900 < finding["params"]["distance_km"] < 1000
    assert finding["params"]["place"] == "GABS"


def test_the_stated_gps_error_widens_what_counts_as_the_same_place(case, capsys):
    near = (GABS[0] + 0.07, GABS[1])  # about 7.8 km north of the runway's reference point
    photo = add_photo(case, "near.jpg", T0, gps=near, meta={
        "datetime_original": "2023-10-27T10:30:00", "offset_original": "+00:00"})
    set_claim(case, photo.id, place="GABS")
    assert "PLACE_MISMATCH" in _codes(_check(capsys, case, photo))  # > 5 km, no error given
    with case.writing() as s:  # the phone said its fix was good to 3 km: 9 km allowed
        s.execute(update(Photo).where(Photo.id == photo.id).values(
            raw_tags={"tags": {"GPS Tag 0x001F": "3000"}, "xmp": None, "iptc": None}))
    assert "PLACE_MISMATCH" not in _codes(_check(capsys, case, photo))


def test_a_linked_flights_airport_far_from_the_gps_is_a_place_mismatch(case, capsys):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", callsign="MBH1", origin="GABS",
                                       destination="GAGO", departure_utc=T0 + timedelta(hours=1),
                                       arrival_utc=T0 + timedelta(hours=3)))
    photo = add_photo(case, "p.jpg", T0, gps=DRRN, meta={
        "datetime_original": "2023-10-27T10:30:00", "offset_original": "+00:00"})
    link_photo(case, photo.id, fid, "before_departure")
    result = _check(capsys, case, photo)
    (finding,) = [f for f in result["findings"] if f["code"] == "PLACE_MISMATCH"]
    assert finding["params"]["source"] == "linked_flight"
    assert finding["params"]["relation"] == "before_departure"
    assert finding["params"]["place"] == "GABS"


# -- 3. suggest never contradicts check-date ---------------------------------------------

def test_a_flight_airborne_while_the_gps_is_on_the_apron_is_never_ok(case, capsys):
    add_flight(case, FlightDraft(registration="5U-MBH", callsign="MBH1", origin="GABS",
                                 destination="GAGO", departure_utc=T0,
                                 arrival_utc=T0 + timedelta(hours=2)))
    photo = _photo(case, "apron.jpg", T0 + timedelta(hours=1), gps=GABS,
                      registrations=("5U-MBH",))
    check = _check(capsys, case, photo)
    assert any(f["code"] == "FLIGHT_CONFLICT" and f["params"]["kind"] == "airborne"
               for f in check["findings"])
    data = _suggest(capsys, case, photo)
    assert data["status"] != "ok"
    best = data["suggestions"][0]
    assert best["relation"] == "in_flight"
    assert any(r.startswith("conflict:") and "GABS" in r and "airborne" in r
               for r in best["reasons"])


def test_the_photos_position_decides_between_taking_off_and_in_flight(case, capsys, tmp_path):
    """A photo inside the take-off's bounds: on the apron it is before the departure."""
    path = write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO))
    import_file(case, path)
    with case.reading() as s:
        from annotator.core.models import Flight

        departure = s.get(Flight, 1).departure_utc
    photo = _photo(case, "apron.jpg", departure, gps=GABS, registrations=("5U-MBH",))
    data = _suggest(capsys, case, photo)
    assert data["suggestions"][0]["relation"] == "before_departure"
    assert not any(r.startswith("conflict:") for r in data["suggestions"][0]["reasons"])
    assert "FLIGHT_CONFLICT" not in _codes(_check(capsys, case, photo))


# -- 4. a mistyped or missing registration -----------------------------------------------

def test_a_mistyped_registration_is_ranked_by_time_and_place_with_did_you_mean(case, capsys):
    landed = add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO",
                                          destination="GABS", departure_utc=T0 - timedelta(hours=2),
                                          arrival_utc=T0 - timedelta(minutes=15)))
    photo = _photo(case, "ramp.jpg", T0, gps=GABS, registrations=("5U-MBN",))
    data = _suggest(capsys, case, photo)
    assert data["status"] == "weak"  # at best weak without a registration to go by
    best = data["suggestions"][0]
    assert best["flight"]["id"] == landed and best["relation"] == "after_arrival"
    assert any("did you mean 5U-MBH?" in r for r in best["reasons"])
    assert any("ranked by time and place" in r for r in best["reasons"])


def test_no_registration_at_all_still_ranks_the_flight_that_fits(case, capsys):
    landed = add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO",
                                          destination="GABS",
                                          arrival_utc=T0 - timedelta(minutes=15)))
    photo = _photo(case, "ramp.jpg", T0, gps=GABS)
    data = _suggest(capsys, case, photo)
    assert data["status"] == "weak"
    assert data["suggestions"][0]["flight"]["id"] == landed
    assert any("ranked by time and place" in r for r in data["suggestions"][0]["reasons"])


def test_an_invalid_tag_is_said_to_be_invalid(case, capsys):
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO", destination="GABS",
                                 arrival_utc=T0 - timedelta(minutes=15)))
    photo = _photo(case, "ramp.jpg", T0, gps=GABS, registrations=("5UMB-H7",))
    data = _suggest(capsys, case, photo)
    assert data["status"] == "weak" and data["suggestions"]
    assert any("5UMB-H7" in r for r in data["suggestions"][0]["reasons"])


# -- 5. errors make a verdict inconsistent, with or without a zone -----------------------

def test_a_camera_saying_2031_with_no_offset_is_inconsistent(case, capsys):
    photo = add_photo(case, "future.jpg", None, meta={"datetime_original": "2031-05-01T10:00:00"})
    set_claim(case, photo.id, claimed="2023-10-27")
    result = _check(capsys, case, photo)
    assert {"FUTURE_DATE", "CLAIMED_DATE_MISMATCH"} <= set(_codes(result))
    assert result["verdict"] == "inconsistent" and result["capture_utc"] is None


def test_no_capture_date_and_no_error_is_unverifiable(case, capsys):
    photo = add_photo(case, "bare.jpg", None)
    assert _check(capsys, case, photo)["verdict"] == "unverifiable"


# -- one account of where the aircraft was -----------------------------------------------

@pytest.fixture
def relations_case(case, tmp_path):
    """5U-MBH flies GABS→GAGO (a tracked flight) then GAGO→DRRN (stated times); photos
    before, during, after, in the take-off's bounds, and one on the wrong apron."""
    import_file(case, write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO)))
    second = add_flight(case, FlightDraft(
        registration="5U-MBH", callsign="MBH2", origin="GAGO", destination="DRRN",
        departure_utc=T0 + timedelta(hours=4), arrival_utc=T0 + timedelta(hours=6)))
    photos = {
        "before": _photo(case, "before.jpg", T0 - timedelta(minutes=30), gps=GABS,
                            registrations=("5U-MBH",)),
        "overhead": _photo(case, "overhead.jpg", T0 + timedelta(minutes=65),
                              gps=lerp(GABS, GAGO, 0.5), registrations=("5U-MBH",)),
        "gao": _photo(case, "gao.jpg", T0 + timedelta(hours=3), gps=GAGO,
                         registrations=("5U-MBH",)),
        "wrong_apron": _photo(case, "wrong.jpg", T0 + timedelta(minutes=65), gps=GABS,
                                 registrations=("5U-MBH",)),
        "niamey": _photo(case, "niamey.jpg", T0 + timedelta(hours=7), gps=DRRN,
                            registrations=("5U-MBH",)),
    }
    link_photo(case, photos["niamey"].id, second, "after_arrival")
    return case, photos


def test_check_date_suggest_and_photos_json_tell_one_story(relations_case, capsys):
    case, photos = relations_case
    capsys.readouterr()
    assert main(["photos", str(case.root), "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    for name, photo in photos.items():
        check = _check(capsys, case, photo)
        airborne = {f["params"]["flight"] for f in check["findings"]
                    if f["code"] == "FLIGHT_CONFLICT" and f["params"]["kind"] == "airborne"}
        with case.reading() as s:
            result = suggest_for_photo(s, s.get(Photo, photo.id))
        for suggestion in result.suggestions:
            label = suggestion.flight.callsign or f"#{suggestion.flight.id}"
            # Both read the same account: airborne for one is in flight for the other.
            assert (label in airborne) == (suggestion.relation == "in_flight"), (name, label)
            if label in airborne and suggestion.relation != "in_flight":
                pytest.fail(f"{name}: suggest puts {label} on the ground, check-date airborne")
        best = result.suggestions[0]
        if best.conflicts:
            assert result.status != "ok", name
        if result.status == "ok" and best.relation in ("before_departure", "after_arrival"):
            assert not airborne, name
        # photos --json reports the verdict check-date stored.
        assert main(["photos", str(case.root), "--json"]) == 0
        listed = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
        assert listed[photo.id]["date"]["verdict"] == check["verdict"], name
    with case.reading() as s:
        wrong = suggest_for_photo(s, s.get(Photo, photos["wrong_apron"].id))
        overhead = suggest_for_photo(s, s.get(Photo, photos["overhead"].id))
        before = suggest_for_photo(s, s.get(Photo, photos["before"].id))
    assert wrong.status != "ok" and wrong.suggestions[0].conflicts
    assert overhead.suggestions[0].relation == "in_flight" and not overhead.suggestions[0].conflicts
    assert before.suggestions[0].relation == "before_departure" and before.status == "ok"


# -- 6. a capture time derived from a drifting clock keeps its bounds --------------------

def test_capture_bounds_follow_what_the_clocks_say(tmp_path):
    from datetime import UTC, datetime

    from annotator.core.dating.check import check_capture_date
    from annotator.core.dating.model import DatingInput
    from annotator.core.metadata.model import GpsFix, PhotoMetadata

    now = datetime(2024, 1, 1, tzinfo=UTC)
    drifting = PhotoMetadata(path="x.jpg", datetime_original="2023-10-27T10:16:30", make="X",
                             gps=GpsFix(12.5335, -7.9499, None,
                                        datetime(2023, 10, 27, 10, 15, 0, tzinfo=UTC)))
    result = check_capture_date(DatingInput(meta=drifting, reference_utc=now)).to_json()
    assert result["capture_utc_source"] == "gps_time"
    assert result["capture_bounds"] == ["2023-10-27T10:15:00Z", "2023-10-27T10:16:30Z"]
    local_only = PhotoMetadata(path="y.jpg", datetime_original="2023-10-27T10:15:00", make="X")
    result = check_capture_date(DatingInput(meta=local_only, reference_utc=now)).to_json()
    assert result["capture_utc"] is None
    assert result["capture_bounds"] == ["2023-10-26T20:15:00Z", "2023-10-27T22:15:00Z"]
    offset = PhotoMetadata(path="z.jpg", datetime_original="2023-10-27T10:15:00",
                           offset_original="+01:00", make="X")
    result = check_capture_date(DatingInput(meta=offset, reference_utc=now)).to_json()
    assert result["capture_bounds"] == ["2023-10-27T09:15:00Z"] * 2
    none = PhotoMetadata(path="n.jpg")
    assert check_capture_date(DatingInput(meta=none, reference_utc=now)).to_json()[
        "capture_bounds"] is None


def test_the_report_tells_the_same_story(case, capsys, tmp_path):
    """Each exhibit's verdict and FLIGHT_CONFLICT findings in report.pdf are those
    `check-date` gives for the same photo; a linked flight's relation is the stored one."""
    import re
    import shutil
    import subprocess

    from annotator.core.boxes import BoxValues, create_box
    from annotator.core.ingest import import_paths
    from annotator.core.models import Photo
    from annotator.core.packet.export import export_packet
    from tests.fixtures.factory import make_exif, make_jpeg
    from tests.fixtures.packets import unzip

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    import_file(case, write_readsb(tmp_path / "t.json", flight_points(T0, GABS, GAGO)))
    shots = {"before.jpg": (T0 - timedelta(minutes=30), GABS),
             "overhead.jpg": (T0 + timedelta(minutes=65), lerp(GABS, GAGO, 0.5)),
             "wrong.jpg": (T0 + timedelta(minutes=65), GABS)}
    paths = [make_jpeg(tmp_path / "in" / name, 640, 480, seed=i, exif=make_exif(
        original=when.replace(tzinfo=None), offset="+00:00", gps=where))
        for i, (name, (when, where)) in enumerate(shots.items())]
    report = import_paths(case, paths, jobs=1)
    ids = {Path(item.path).name: item.photo_id for item in report.imported}
    for photo_id in ids.values():
        create_box(case, photo_id, BoxValues(x=10, y=10, w=100, h=50, registration="5U-MBH"))
    link_photo(case, ids["overhead.jpg"], 1, "in_flight")
    with case.reading() as s:
        photos = {name: s.get(Photo, pid) for name, pid in ids.items()}
    expected = {name: _check(capsys, case, photo) for name, photo in photos.items()}
    assert "FLIGHT_CONFLICT" in _codes(expected["wrong.jpg"])  # the story has a conflict
    assert "FLIGHT_CONFLICT" not in _codes(expected["overhead.jpg"])  # linked in flight
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "unzipped")
    text = subprocess.run(["pdftotext", "-layout", str(folder / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    # Each exhibit's section: from its heading to the next exhibit's (it may take two pages).
    sections = {}
    parts = re.split(r"Exhibit P-\d+ — ", text)
    for part in parts[1:]:
        sections[part.split()[0]] = part
    for name, check in expected.items():
        page = sections[name]
        verdict = re.search(r"Verdict:\s+(\w+)", page)
        assert verdict and verdict.group(1).lower() == check["verdict"], name
        assert ("FLIGHT_CONFLICT" in page) == ("FLIGHT_CONFLICT" in _codes(check)), name
    assert "in flight" in sections["overhead.jpg"]
