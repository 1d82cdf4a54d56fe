"""Capture-date verification: one generated photo per finding code, the verdict rules, and
the time-zone edge cases (Niamey UTC+1, Bamako UTC+0, a photo near midnight)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from annotator.core.dating.check import (
    Claim,
    DatingInput,
    Finding,
    FlightFact,
    Place,
    check_capture_date,
    verdict_for,
)
from annotator.core.dating.claims import resolve_place
from annotator.core.metadata import read_metadata
from tests.fixtures.dating import photo_with_thumbnail, xmp_packet
from tests.fixtures.factory import make_exif, make_jpeg, scene

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BAMAKO = (12.5335, -7.9499)  # Bamako-Sénou (GABS), Africa/Bamako, UTC+0
NIAMEY = (13.4817, 2.1703)  # Niamey (DRRN), Africa/Niamey, UTC+1


def check(path: Path, *, claimed: str | None = None, place: str | None = None,
          **kwargs) -> object:
    claim = Claim(claimed, resolve_place(place)) if (claimed or place) else None
    return check_capture_date(DatingInput(meta=read_metadata(path), reference_utc=kwargs.pop(
        "reference_utc", NOW), path=path, claim=claim, **kwargs))


def photo(tmp_path: Path, name: str = "p.jpg", **exif) -> Path:
    return make_jpeg(tmp_path / name, exif=make_exif(**exif))


def finding(result, code: str) -> Finding:
    matches = [f for f in result.findings if f.code == code]
    assert matches, f"{code} not in {result.codes()}"
    return matches[0]


# -- one fixture per code --------------------------------------------------------------------

def test_no_exif_is_a_warning_and_leaves_the_date_unverifiable(tmp_path):
    path = make_jpeg(tmp_path / "from-social.jpg")
    result = check(path)
    assert finding(result, "NO_EXIF").severity == "warning"
    assert result.verdict == "unverifiable" and result.capture_utc is None


def test_exif_without_capture_date_is_no_datetime(tmp_path):
    result = check(photo(tmp_path, make="Canon"))
    assert finding(result, "NO_DATETIME").severity == "warning"
    assert "NO_EXIF" not in result.codes()
    assert result.verdict == "unverifiable"


def test_offset_original_gives_the_utc_time_with_sub_seconds(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 11:15:00", offset="+01:00",
                         subsec="25"))
    assert result.capture_utc == datetime(2023, 10, 27, 10, 15, 0, 250000, tzinfo=UTC)
    assert result.capture_utc_source == "exif_offset"
    assert "OFFSET_MISSING" not in result.codes()
    assert result.verdict == "consistent"


def test_gps_clock_offset_disagreeing_with_the_gps_zone_is_said(tmp_path):
    # A camera still on Paris summer time (+02:00) photographing at Bamako (+00:00).
    result = check(photo(tmp_path, original="2023:10:27 12:15:00", gps=BAMAKO,
                         gps_utc=datetime(2023, 10, 27, 10, 15, 0)))
    f = finding(result, "OFFSET_MISSING")
    assert f.params["offset"] == "+02:00" and "Africa/Bamako, +00:00) disagrees" in f.message
    assert result.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)


def test_offset_missing_uses_the_gps_clock_as_info(tmp_path):
    # Niamey: camera at local 11:15:00, GPS clock 10:14:40 UTC → offset +01:00.
    result = check(photo(tmp_path, original="2023:10:27 11:15:00", gps=NIAMEY,
                         gps_utc=datetime(2023, 10, 27, 10, 14, 40)))
    f = finding(result, "OFFSET_MISSING")
    assert f.severity == "info" and f.params["derived_from"] == "gps_time"
    assert "GPS clock" in f.message
    assert result.capture_utc_source == "gps_time"
    assert result.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)
    assert result.offset == "+01:00"
    assert result.verdict == "consistent"


@pytest.mark.parametrize(("position", "local", "utc_hour"),
                         [(NIAMEY, "2023:10:27 11:15:00", 10), (BAMAKO, "2023:10:27 10:15:00", 10)])
def test_offset_missing_uses_the_zone_at_the_gps_position(tmp_path, position, local, utc_hour):
    result = check(photo(tmp_path, original=local, gps=position))
    f = finding(result, "OFFSET_MISSING")
    assert f.severity == "info" and f.params["derived_from"] == "gps_timezone"
    assert result.capture_utc == datetime(2023, 10, 27, utc_hour, 15, tzinfo=UTC)
    assert result.zone in ("Africa/Niamey", "Africa/Bamako")


def test_offset_missing_from_the_claimed_place_is_a_warning_naming_it(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 11:15:00"), claimed="2023-10-27",
                   place="DRRN")
    f = finding(result, "OFFSET_MISSING")
    assert f.severity == "warning" and f.params["derived_from"] == "claimed_place"
    assert "claimed place" in f.message and "Africa/Niamey" in f.message
    assert result.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)
    assert result.capture_utc_source == "claimed_place"
    assert result.verdict == "questionable"


def test_offset_missing_from_a_linked_airport_is_a_warning(tmp_path):
    airport = Place("GABS", *BAMAKO, "Africa/Bamako")
    result = check(photo(tmp_path, original="2023:10:27 10:15:00"), linked_airport=airport)
    f = finding(result, "OFFSET_MISSING")
    assert f.severity == "warning" and f.params["derived_from"] == "linked_airport"
    assert result.capture_utc_source == "linked_airport"
    assert result.capture_utc == datetime(2023, 10, 27, 10, 15, tzinfo=UTC)


def test_offset_missing_with_nothing_to_place_it_is_questionable_not_unverifiable(tmp_path):
    """A local capture date is a date (issue 14: `unverifiable` only with none at all)."""
    result = check(photo(tmp_path, original="2023:10:27 10:15:00"))
    f = finding(result, "OFFSET_MISSING")
    assert f.severity == "warning" and f.params["derived_from"] is None
    assert result.capture_utc is None and result.capture_utc_source is None
    assert result.verdict == "questionable"


def test_gps_clock_more_than_two_minutes_off_is_an_error(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00", gps=BAMAKO,
                         gps_utc=datetime(2023, 10, 27, 10, 20, 0)))
    f = finding(result, "GPS_CLOCK_MISMATCH")
    assert f.severity == "error" and f.params["difference_s"] == -300
    assert result.verdict == "inconsistent"


def test_gps_clock_within_two_minutes_is_fine(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00", gps=BAMAKO,
                         gps_utc=datetime(2023, 10, 27, 10, 13, 30)))
    assert "GPS_CLOCK_MISMATCH" not in result.codes()


def test_gps_clock_off_by_a_non_quarter_hour_amount_without_offset(tmp_path):
    # Camera 11:21 local vs GPS 10:15 UTC: offset +01:00, and 6 minutes left over.
    result = check(photo(tmp_path, original="2023:10:27 11:21:00", gps=NIAMEY,
                         gps_utc=datetime(2023, 10, 27, 10, 15, 0)))
    assert result.capture_utc_source == "gps_time"
    assert finding(result, "GPS_CLOCK_MISMATCH").params["difference_s"] == 360


def test_digitized_differing_from_original_is_a_warning(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                         digitized="2023:10:29 08:00:00"))
    assert finding(result, "DIGITIZED_MISMATCH").severity == "warning"
    assert result.verdict == "questionable"


def test_modified_after_capture_is_a_warning(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                         modified="2023:11:02 18:40:00"))
    assert finding(result, "MODIFIED_AFTER_CAPTURE").severity == "warning"


def test_modify_date_equal_to_capture_is_not_a_finding(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                         digitized="2023:10:27 10:15:00", modified="2023:10:27 10:15:00"))
    assert result.codes() == [] and result.verdict == "consistent"


def test_editor_in_software_tag_is_a_warning(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                         software="Adobe Photoshop 25.0 (Windows)"))
    f = finding(result, "SOFTWARE_EDITED")
    assert f.params["editor"] == "Adobe Photoshop" and f.severity == "warning"


@pytest.mark.parametrize("firmware", ["Ver.1.00", "HDR+ 1.0.520", "17.1", "ILCE-7M3 v2.00"])
def test_camera_firmware_in_software_tag_is_not_an_edit(tmp_path, firmware):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                         software=firmware))
    assert "SOFTWARE_EDITED" not in result.codes()


def test_xmp_history_lists_saves_after_the_capture(tmp_path):
    path = tmp_path / "edited.jpg"
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    scene(320, 240).save(path, "JPEG", exif=exif, xmp=xmp_packet([
        ("created", "2023-10-27T10:15:00Z", "Canon EOS"),
        ("saved", "2023-10-27T09:00:00Z", "Earlier tool"),
        ("saved", "2023-10-28T09:00:00+01:00", "Adobe Photoshop 25.0"),
    ]))
    f = finding(check(path), "EDIT_HISTORY")
    assert f.severity == "warning"
    assert [e["when"] for e in f.params["events"]] == ["2023-10-28T09:00:00+01:00"]
    assert "Adobe Photoshop 25.0" in f.message


def test_thumbnail_of_a_cropped_photo_is_an_error(tmp_path):
    full = scene(640, 480)
    thumb = full.copy()
    thumb.thumbnail((160, 160))
    cropped = full.crop((160, 120, 560, 420))  # same 4:3 shape, different picture
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    path = photo_with_thumbnail(tmp_path / "crop.jpg", exif, main=cropped, thumb=thumb)
    f = finding(check(path), "THUMBNAIL_MISMATCH")
    assert f.severity == "error" and f.params["reason"] == "content"


def test_thumbnail_of_a_differently_shaped_crop_is_an_error(tmp_path):
    full = scene(640, 480)
    thumb = full.copy()
    thumb.thumbnail((160, 160))
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    path = photo_with_thumbnail(tmp_path / "crop.jpg", exif, main=full.crop((0, 0, 640, 300)),
                                thumb=thumb)
    assert finding(check(path), "THUMBNAIL_MISMATCH").params["reason"] == "shape"


def test_thumbnail_shows_a_local_retouch(tmp_path):
    full = scene(640, 480)
    thumb = full.copy()
    thumb.thumbnail((160, 160))
    retouched = full.copy()
    ImageDraw.Draw(retouched).rectangle((200, 150, 330, 260), fill=(120, 170, 220))
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    path = photo_with_thumbnail(tmp_path / "retouch.jpg", exif, main=retouched, thumb=thumb)
    assert "THUMBNAIL_MISMATCH" in check(path).codes()


def test_matching_thumbnail_on_a_rotated_photo_is_fine(tmp_path):
    # Orientation 6: main image and thumbnail are both stored unrotated.
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00", orientation=6).tobytes()
    path = photo_with_thumbnail(tmp_path / "rot.jpg", exif, main=scene(640, 480))
    assert "THUMBNAIL_MISMATCH" not in check(path).codes()


def test_letterboxed_camera_thumbnail_is_fine(tmp_path):
    main = scene(600, 400)
    inner = main.copy()
    inner.thumbnail((160, 107))
    boxed = Image.new("RGB", (160, 120))
    boxed.paste(inner, (0, 6))
    exif = make_exif(original="2023:10:27 10:15:00", offset="+00:00").tobytes()
    path = photo_with_thumbnail(tmp_path / "lb.jpg", exif, main=main, thumb=boxed)
    assert "THUMBNAIL_MISMATCH" not in check(path).codes()


def test_claimed_date_other_than_the_local_capture_date_is_an_error(tmp_path):
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    f = finding(check(path, claimed="2023-10-25", place="GABS"), "CLAIMED_DATE_MISMATCH")
    assert f.severity == "error" and f.params["zone"] == "Africa/Bamako"
    assert "CLAIMED_DATE_MISMATCH" not in check(path, claimed="2023-10-27",
                                                  place="GABS").codes()


def test_claimed_date_time_holds_within_one_hour(tmp_path):
    # 11:15 at Niamey (UTC+1) is 10:15 UTC.
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    assert "CLAIMED_DATE_MISMATCH" not in check(path, claimed="2023-10-27T12:00",
                                                place="DRRN").codes()
    f = finding(check(path, claimed="2023-10-27T12:30", place="DRRN"), "CLAIMED_DATE_MISMATCH")
    assert f.params["difference_s"] == -75 * 60


def test_near_midnight_the_local_date_of_the_place_decides(tmp_path):
    # 23:30 UTC on the 27th is 00:30 on the 28th in Niamey, still the 27th in Bamako.
    path = photo(tmp_path, original="2023:10:27 23:30:00", offset="+00:00")
    assert "CLAIMED_DATE_MISMATCH" not in check(path, claimed="2023-10-28", place="DRRN").codes()
    assert "CLAIMED_DATE_MISMATCH" in check(path, claimed="2023-10-27", place="DRRN").codes()
    assert "CLAIMED_DATE_MISMATCH" not in check(path, claimed="2023-10-27", place="GABS").codes()
    assert "CLAIMED_DATE_MISMATCH" in check(path, claimed="2023-10-28", place="GABS").codes()


def test_near_midnight_without_offset_the_gps_zone_gives_the_utc_date(tmp_path):
    # Camera at Niamey shows 00:30 on the 28th: that is 23:30 UTC on the 27th.
    result = check(photo(tmp_path, original="2023:10:28 00:30:00", gps=NIAMEY),
                   claimed="2023-10-28")
    assert result.capture_utc == datetime(2023, 10, 27, 23, 30, tzinfo=UTC)
    assert "CLAIMED_DATE_MISMATCH" not in result.codes()


def test_capture_after_now_is_a_future_date(tmp_path):
    result = check(photo(tmp_path, original="2030:05:01 10:00:00", offset="+00:00"))
    f = finding(result, "FUTURE_DATE")
    assert f.severity == "error" and f.params["reference"] == "now"
    assert result.verdict == "inconsistent"


def test_capture_after_import_is_a_future_date(tmp_path):
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00")
    result = check(path, reference_utc=datetime(2023, 10, 27, 9, 0, tzinfo=UTC),
                   reference_is_import=True)
    assert finding(result, "FUTURE_DATE").params["reference"] == "import"


def test_posted_before_capture_is_an_error(tmp_path):
    path = photo(tmp_path, original="2023:10:27 16:00:00", offset="+00:00")
    result = check(path, posted_utc=datetime(2023, 10, 27, 15, 2, tzinfo=UTC))
    assert finding(result, "POSTED_BEFORE_CAPTURE").severity == "error"
    later = check(path, posted_utc=datetime(2023, 10, 27, 16, 30, tzinfo=UTC))
    assert "POSTED_BEFORE_CAPTURE" not in later.codes()


GABS = Place("GABS", *BAMAKO, "Africa/Bamako")
DRRN = Place("DRRN", *NIAMEY, "Africa/Niamey")


def flight(dep: datetime, arr: datetime, origin: Place, dest: Place) -> FlightFact:
    return FlightFact("MBH1", "5U-MBH", dep, arr, origin, dest, linked=True)


def test_aircraft_airborne_at_capture_time_is_a_flight_conflict(tmp_path):
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00", gps=BAMAKO)
    f1 = flight(datetime(2023, 10, 27, 9, 0, tzinfo=UTC), datetime(2023, 10, 27, 11, 30,
                tzinfo=UTC), GABS, DRRN)
    f = finding(check(path, flights=(f1,)), "FLIGHT_CONFLICT")
    assert f.params["kind"] == "airborne" and f.severity == "error"


def test_aircraft_elsewhere_at_capture_time_is_a_flight_conflict(tmp_path):
    # It landed at Niamey at 08:00 and the photo is at Bamako at 10:15.
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00", gps=BAMAKO)
    f1 = flight(datetime(2023, 10, 27, 6, 0, tzinfo=UTC), datetime(2023, 10, 27, 8, 0,
                tzinfo=UTC), GABS, DRRN)
    f = finding(check(path, flights=(f1,)), "FLIGHT_CONFLICT")
    assert f.params["kind"] == "elsewhere" and f.params["aircraft_at"] == "DRRN"


def test_aircraft_on_the_ground_where_the_photo_was_taken_is_no_conflict(tmp_path):
    path = photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00", gps=NIAMEY)
    f1 = flight(datetime(2023, 10, 27, 6, 0, tzinfo=UTC), datetime(2023, 10, 27, 8, 0,
                tzinfo=UTC), GABS, DRRN)
    f2 = flight(datetime(2023, 10, 27, 10, 20, tzinfo=UTC), datetime(2023, 10, 27, 12, 0,
                tzinfo=UTC), DRRN, GABS)  # a take-off photo 5 minutes before departure
    assert "FLIGHT_CONFLICT" not in check(path, flights=(f1, f2)).codes()


def test_sun_position_is_info_and_night_is_a_warning(tmp_path):
    day = check(photo(tmp_path, "day.jpg", original="2023:10:27 10:15:00", offset="+00:00",
                      gps=BAMAKO))
    sun = finding(day, "SUN_POSITION")
    assert sun.severity == "info" and 45 < sun.params["elevation"] < 56
    assert day.sun is not None and "NIGHT" not in day.codes()
    night = check(photo(tmp_path, "night.jpg", original="2023:10:27 23:00:00", offset="+00:00",
                        gps=BAMAKO))
    assert finding(night, "NIGHT").severity == "warning"
    assert night.verdict == "questionable"


def test_no_place_means_no_sun(tmp_path):
    result = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00"))
    assert result.sun is None and result.to_json()["sun"] is None


# -- verdict rules ---------------------------------------------------------------------------

def F(sev: str) -> Finding:  # noqa: N802
    return Finding("X", sev, "x")


@pytest.mark.parametrize(("has_capture", "severities", "verdict"), [
    (False, ["error"], "inconsistent"),  # an error stands whatever else is unknown
    (False, ["warning"], "unverifiable"),
    (False, [], "unverifiable"),
    (True, ["info", "warning", "error"], "inconsistent"),
    (True, ["info", "warning"], "questionable"),
    (True, ["info"], "consistent"),
    (True, [], "consistent"),
])
def test_verdict_rules(has_capture, severities, verdict):
    assert verdict_for(has_capture, [F(s) for s in severities]) == verdict


def test_result_json_has_the_contract_keys(tmp_path):
    data = check(photo(tmp_path, original="2023:10:27 10:15:00", offset="+00:00",
                       gps=BAMAKO)).to_json()
    assert {"verdict", "capture_utc", "capture_utc_source", "sun", "findings"} <= set(data)
    assert data["capture_utc"] == "2023-10-27T10:15:00Z"
    assert set(data["sun"]) == {"elevation", "azimuth"}
    assert all({"code", "severity", "message", "params"} <= set(f) for f in data["findings"])


def test_future_date_even_without_a_zone(tmp_path):
    # No offset, no place: still certainly in the future (local − 14 h is after now).
    result = check(photo(tmp_path, original="2030:05:01 10:00:00"))
    assert "FUTURE_DATE" in result.codes() and result.verdict == "inconsistent"


def test_camera_thumbnails_in_the_corpus_match_their_pictures(corpus):
    """exif.org's camera samples and a GPS camera series: every embedded thumbnail matches,
    except the Ricoh RDC-5300's, whose 4:3 thumbnail shows more sky than its 3:2 picture."""
    from annotator.core.images.thumbnail_check import compare_thumbnail

    folder = corpus / "files" / "exif-samples" / "jpg"
    files = sorted([*folder.glob("exif-org/*.jpg"), *folder.glob("gps/DSCN*.jpg")])
    compared = {p.name: compare_thumbnail(p) for p in files}
    compared = {name: c for name, c in compared.items() if c is not None}
    assert len(compared) >= 15
    assert sorted(name for name, c in compared.items() if not c.same) == ["ricoh-rdc5300.jpg"]
