"""`annotator shadow` and `annotator sun`: the JSON contracts of issue 18, the comparison
with the capture time (`SHADOW_CONSISTENT` / `SHADOW_TIME_MISMATCH`, shared with
`check-date`), and the measurement saved on a case photo (audited)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.core.ingest.importer import import_paths
from annotator.core.models import AuditEvent, Photo
from annotator.core.shadows import get_shadow
from tests.fixtures.factory import make_jpeg
from tests.fixtures.shadow_scenes import SMALL, WHEN, bamako_scene, photo_file

SIZE = SMALL


def shadow_args(scene) -> list[str]:
    m = scene.marks
    return ["--ground", " ".join(f"{x:.2f},{y:.2f}" for x, y in m.ground),
            "--ground-size", f"{m.ground_size[0]:.3f},{m.ground_size[1]:.3f}",
            "--ground-bearing", f"{m.ground_bearing:.3f}",
            f"--foot={m.foot[0]:.2f},{m.foot[1]:.2f}", f"--tip={m.tip[0]:.2f},{m.tip[1]:.2f}",
            "--height", f"{m.height:.3f}", "--pixel-error", "1"]


def run(capsys, argv):
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip()[:1] in ("{", "[") else None), \
        captured.err


def test_shadow_json_contract_for_a_file_taken_when_the_shadow_says(tmp_path, capsys):
    scene = bamako_scene()
    code, data, err = run(capsys, ["shadow", str(photo_file(tmp_path)), *shadow_args(scene),
                                   "--json"])
    assert code == 0, err
    assert set(data) == {"shadow", "sun", "windows", "check"}
    assert set(data["shadow"]) == {"bearing", "length_m"}
    assert set(data["sun"]) == {"azimuth", "azimuth_error", "elevation", "elevation_error"}
    assert abs(data["sun"]["azimuth"] - scene.sun.azimuth) < data["sun"]["azimuth_error"]
    assert all(set(w) == {"from_utc", "to_utc"} for w in data["windows"])
    assert any(w["from_utc"] <= "2023-10-27T15:05:00Z" <= w["to_utc"] for w in data["windows"])
    check = data["check"]
    assert set(check) == {"capture_utc", "sun_at_capture", "difference_deg", "finding"}
    assert check["capture_utc"] == "2023-10-27T15:05:00Z"
    assert set(check["sun_at_capture"]) == {"azimuth", "elevation"}
    assert check["finding"] == "SHADOW_CONSISTENT" and check["difference_deg"] < 10


def test_a_capture_time_three_hours_off_is_a_mismatch(tmp_path, capsys):
    scene = bamako_scene()
    path = photo_file(tmp_path, when=WHEN - timedelta(hours=3))
    code, data, _ = run(capsys, ["shadow", str(path), *shadow_args(scene), "--json"])
    assert code == 0
    assert data["check"]["finding"] == "SHADOW_TIME_MISMATCH"
    assert data["check"]["difference_deg"] > 10
    assert data["windows"] and data["windows"][0]["from_utc"].startswith("2023-10-27T1")


def test_without_exif_the_place_and_date_given_give_the_windows(tmp_path, capsys):
    scene = bamako_scene()
    path = make_jpeg(tmp_path / "bare.jpg", *SIZE)
    code, data, err = run(capsys, ["shadow", str(path), *shadow_args(scene), "--place",
                                   "GABS", "--date", "2023-10-27", "--json"])
    assert code == 0, err
    assert data["check"] is None
    assert any(w["from_utc"] <= "2023-10-27T15:05:00Z" <= w["to_utc"] for w in data["windows"])
    code, _, err = run(capsys, ["shadow", str(path), *shadow_args(scene), "--json"])
    assert code == 1 and "no place" in err and "--place" in err
    code, _, err = run(capsys, ["shadow", str(path), *shadow_args(scene), "--place", "GABS"])
    assert code == 1 and "--date" in err


def test_refused_marks_are_one_line_and_exit_1(tmp_path, capsys):
    scene = bamako_scene()
    args = shadow_args(scene)
    args[args.index("--ground-size") + 1] = "30"
    code, _, err = run(capsys, ["shadow", str(photo_file(tmp_path)), *args])
    assert code == 1 and err.count("\n") == 1 and "LENGTH,WIDTH" in err
    args = shadow_args(scene)
    args[args.index("--pixel-error") + 1] = "1"
    outside = [a if not a.startswith("--tip=") else "--tip=900,100" for a in args]
    code, _, err = run(capsys, ["shadow", str(photo_file(tmp_path)), *outside])
    assert code == 1 and "outside the 800×600 photo" in err


def test_a_type_from_the_table_gives_the_height(tmp_path, capsys):
    scene = bamako_scene()
    args = shadow_args(scene)
    i = args.index("--height")
    del args[i:i + 2]
    code, data, err = run(capsys, ["shadow", str(photo_file(tmp_path)), *args, "--type",
                                   "C-130", "--json"])
    assert code == 0, err
    assert data["sun"]["elevation"] is not None  # from 11.66 m, not the scene's pole
    code, data, _ = run(capsys, ["shadow", str(photo_file(tmp_path)), *args, "--json"])
    assert data["sun"]["elevation"] is None and data["sun"]["elevation_error"] is None


def test_with_a_case_the_measurement_is_saved_audited_and_checked(case, tmp_path, capsys):
    scene = bamako_scene()
    report = import_paths(case, [photo_file(tmp_path, when=WHEN - timedelta(hours=3))], jobs=1)
    photo_id = report.imported[0].photo_id
    code, data, err = run(capsys, ["shadow", str(photo_id), "--case", str(case.root),
                                   *shadow_args(scene), "--json"])
    assert code == 0, err
    assert data["check"]["finding"] == "SHADOW_TIME_MISMATCH"
    with case.reading() as s:
        assert s.get(Photo, photo_id).date_verdict == "inconsistent"
        stored = get_shadow(s, photo_id)
        actions = list(s.execute(select(AuditEvent.action)).scalars())
    assert stored is not None and stored.version == 1
    assert stored.marks.height == pytest.approx(scene.marks.height, abs=1e-3)
    assert "shadow.set" in actions
    code, checked, _ = run(capsys, ["check-date", str(photo_id), "--case", str(case.root),
                                    "--json"])
    (finding,) = [f for f in checked["findings"] if f["code"].startswith("SHADOW_")]
    assert finding["code"] == "SHADOW_TIME_MISMATCH" and finding["severity"] == "error"
    assert finding["params"]["windows"] == data["windows"]
    assert finding["params"]["difference_deg"] == data["check"]["difference_deg"]
    code, listed, _ = run(capsys, ["photos", str(case.root), "--json"])
    (photo,) = listed
    assert photo["shadow"]["result"]["sun"] == data["sun"]


def test_sun_json_contract(capsys):
    code, data, err = run(capsys, ["sun", "--place", "GABS", "--date", "2023-10-27",
                                   "--azimuth", "240.39±1", "--elevation", "40.96+-1",
                                   "--json"])
    assert code == 0, err
    assert set(data) == {"place", "date", "zone", "sunrise_utc", "sunset_utc", "path",
                         "windows"}
    assert (data["place"], data["date"], data["zone"]) == ("GABS", "2023-10-27",
                                                           "Africa/Bamako")
    assert data["sunrise_utc"] == "2023-10-27T06:23:51Z"
    assert len(data["path"]) == 144 and set(data["path"][0]) == {"utc", "azimuth", "elevation"}
    (window,) = data["windows"]
    assert window["from_utc"] <= "2023-10-27T15:05:00Z" <= window["to_utc"]


def test_sun_refuses_a_band_without_its_error(capsys):
    code, _, err = run(capsys, ["sun", "--place", "12.5335,-7.9499", "--date", "2023-10-27",
                                "--azimuth", "240"])
    assert code == 1 and "DEG±ERR" in err


def test_sun_with_an_elevation_alone_finds_the_morning_and_the_afternoon(capsys):
    code, data, err = run(capsys, ["sun", "--place", "GABS", "--date", "2023-10-27",
                                   "--elevation", "30±0.5", "--json"])
    assert code == 0, err
    morning, afternoon = data["windows"]
    assert morning["to_utc"] < "2023-10-27T12:00:00Z" < afternoon["from_utc"]
    assert data["sunrise_utc"] < morning["from_utc"] and afternoon["to_utc"] < data["sunset_utc"]
