"""`annotator analyze` and `annotator similar`: the JSON contracts, a broken file in a batch,
and the history a case keeps from its import (photos --json, manifest, dating)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from annotator.cli import main
from tests.core.history.history_fixtures import jpeg, textured
from tests.fixtures.factory import make_exif

JPEG_KEYS = {"quality", "standard_tables", "tables_sha256", "subsampling", "progressive",
             "optimized_huffman", "restart_interval", "markers", "table_matches",
             "double_compressed"}
TOP_KEYS = {"path", "sha256", "jpeg", "signs", "phash", "dhash", "pdq", "error"}


def _json(capsys: pytest.CaptureFixture) -> object:
    return json.loads(capsys.readouterr().out)


def test_analyze_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "a.jpg"
    jpeg(textured(320, 240), 85, path)
    assert main(["analyze", str(path), "--json"]) == 0
    [obj] = _json(capsys)
    assert set(obj) == TOP_KEYS and set(obj["jpeg"]) == JPEG_KEYS
    assert obj["jpeg"]["quality"]["luma"] == 85 and obj["jpeg"]["standard_tables"] is True
    assert set(obj["jpeg"]["double_compressed"]) == {"detected", "primary_quality",
                                                     "confidence"}
    assert all(set(m) == {"kind", "name", "exact"} for m in obj["jpeg"]["table_matches"])
    assert all(set(s) == {"code", "severity", "message", "params"} for s in obj["signs"])
    assert len(obj["phash"]) == 16 and len(obj["dhash"]) == 16 and len(obj["pdq"]) == 64
    assert obj["error"] is None


def test_a_truncated_jpeg_is_one_line_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = tmp_path / "good.jpg"
    jpeg(textured(320, 240), 80, good)
    data = good.read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(data[: len(data) // 2])
    header_only = tmp_path / "header.jpg"
    header_only.write_bytes(data[:30])
    png = tmp_path / "p.png"
    textured(64, 48).save(png)
    assert main(["analyze", "--json", "--no-double", str(broken), str(header_only), str(good),
                 str(png)]) == 1
    out, err = capsys.readouterr()
    objs = json.loads(out)
    assert [o["error"] is None for o in objs] == [False, False, True, True]
    assert objs[3]["jpeg"] is None and objs[3]["phash"]
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("annotator: ") for line in lines)


def _case_with_copies(tmp_path: Path, capsys: pytest.CaptureFixture) -> tuple[Path, Path]:
    src = tmp_path / "in"
    picture = textured(800, 600, seed=7)
    camera = tmp_path / "in" / "camera.jpg"
    src.mkdir()
    picture.save(camera, "JPEG", quality=95, exif=make_exif(
        original="2023:10:27 10:00:00").tobytes())
    jpeg(picture.resize((400, 300), Image.Resampling.LANCZOS), 75, src / "posted.jpg")
    jpeg(textured(800, 600, seed=8), 90, src / "other.jpg")
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(src), "--jobs", "1"]) == 0
    capsys.readouterr()
    return case, src


def test_import_keeps_the_history_and_similar_groups_the_copies(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    case, src = _case_with_copies(tmp_path, capsys)
    assert main(["photos", str(case), "--json"]) == 0
    photos = {p["original_name"]: p for p in _json(capsys)}
    history = photos["posted.jpg"]["history"]
    assert set(history) == {"jpeg", "signs", "phash", "dhash", "pdq"}
    assert history["jpeg"]["quality"]["luma"] == 75
    assert history["jpeg"]["double_compressed"] is None  # on demand, never at import
    assert [s["code"] for s in history["signs"]] == ["REENCODED"]
    # the import hashes what `analyze` hashes
    assert main(["analyze", "--json", "--no-double", str(src / "posted.jpg")]) == 0
    assert _json(capsys)[0]["phash"] == history["phash"]

    assert main(["similar", str(case), "--json"]) == 0
    data = _json(capsys)
    assert len(data["groups"]) == 1
    group = data["groups"][0]
    assert {(photos_by_id(photos)[m["id"]], m["relation"], m["best"]) for m in group["photos"]} \
        == {("camera.jpg", "identical", True), ("posted.jpg", "resized", False)}
    assert group["earliest"] is None
    assert set(group["photos"][0]) == {"id", "sha256", "relation", "distance", "best"}

    assert main(["similar", str(case), "other.jpg", "--json"]) == 0
    assert _json(capsys) == {"groups": []}


def photos_by_id(photos: dict) -> dict[int, str]:
    return {p["id"]: name for name, p in photos.items()}


def test_earliest_posting_of_a_copy_bounds_the_capture(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    case, _ = _case_with_copies(tmp_path, capsys)
    # The small copy was posted before the camera file says it was taken.
    assert main(["source", str(case), "posted.jpg", "--platform", "X",
                 "--posted", "2023-10-26T12:00Z"]) == 0
    capsys.readouterr()
    assert main(["check-date", "camera.jpg", "--case", str(case), "--json"]) == 0
    result = _json(capsys)
    codes = {f["code"]: f for f in result["findings"]}
    assert "POSTED_BEFORE_CAPTURE" in codes
    assert codes["EARLIER_COPY"]["params"]["reason"] == "posted_earlier"
    assert main(["similar", str(case), "--json"]) == 0
    earliest = _json(capsys)["groups"][0]["earliest"]
    assert earliest["posted_utc"] == "2023-10-26T12:00:00Z" and earliest["source"] == "X"
    assert main(["check-date", "posted.jpg", "--case", str(case), "--json"]) == 0
    findings = _json(capsys)["findings"]
    assert any(f["code"] == "EARLIER_COPY" and f["params"]["reason"] == "better_copy"
               for f in findings)
    assert any(f["code"] == "REENCODED" for f in findings)


def test_analyze_a_photo_of_a_case(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    case, src = _case_with_copies(tmp_path, capsys)
    assert main(["analyze", "--case", str(case), "camera.jpg", "--json", "--no-double"]) == 0
    [obj] = _json(capsys)
    assert obj["path"] == str(src / "camera.jpg") and obj["jpeg"]["quality"]["luma"] == 95
    assert main(["analyze", "--case", str(case), "camera.jpg"]) == 0
    assert "quality                95 (IJG standard tables)" in capsys.readouterr().out


def test_the_packet_carries_the_history(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import zipfile

    case, _ = _case_with_copies(tmp_path, capsys)
    out = tmp_path / "p.zip"
    assert main(["export", str(case), "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read("manifest.json"))
    by_name = {p["original_name"]: p for p in manifest["photos"]}
    assert by_name["posted.jpg"]["history"]["jpeg"]["quality"]["luma"] == 75
    assert by_name["posted.jpg"]["history"]["signs"][0]["code"] == "REENCODED"


def test_check_date_of_a_bare_file_gives_the_history_findings_of_the_case_photo(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    case, src = _case_with_copies(tmp_path, capsys)
    for name, expected in (("posted.jpg", "REENCODED"), ("camera.jpg", None)):
        assert main(["check-date", str(src / name), "--json"]) == 0
        bare = [f for f in _json(capsys)["findings"]
                if f["code"] in ("REENCODED", "TABLES_NOT_CAMERA")]
        assert main(["check-date", name, "--case", str(case), "--json"]) == 0
        in_case = [f for f in _json(capsys)["findings"]
                   if f["code"] in ("REENCODED", "TABLES_NOT_CAMERA")]
        assert bare == in_case, name
        if expected:
            assert [f["code"] for f in bare] == [expected]
            assert bare[0]["params"]["evidence"]
    assert main(["check-date", str(src / "posted.jpg")]) == 0
    assert "REENCODED" in capsys.readouterr().out


def test_similar_photos_json_manifest_and_report_agree_on_the_copies(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import re
    import shutil
    import subprocess
    import zipfile

    from annotator.core.history.summary import copies_line

    case, _ = _case_with_copies(tmp_path, capsys)
    assert main(["source", str(case), "posted.jpg", "--platform", "X",
                 "--posted", "2023-10-26T12:00Z"]) == 0
    capsys.readouterr()
    assert main(["similar", str(case), "--json"]) == 0
    [group] = _json(capsys)["groups"]
    assert main(["photos", str(case), "--json"]) == 0
    photos = {p["original_name"]: p for p in _json(capsys)}
    assert photos["other.jpg"]["copies"] is None
    for name, best in (("camera.jpg", True), ("posted.jpg", False)):
        copies = photos[name]["copies"]
        assert copies["photos"] == group["photos"] and copies["earliest"] == group["earliest"]
        [me] = [m for m in group["photos"] if m["id"] == photos[name]["id"]]
        assert (copies["best"], copies["relation"], copies["distance"]) \
            == (best, me["relation"], me["distance"])
        assert copies["best_copy"] == {"id": photos["camera.jpg"]["id"],
                                       "sha256": photos["camera.jpg"]["sha256"]}

    out = tmp_path / "p.zip"
    assert main(["export", str(case), "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read("manifest.json"))
        z.extract("report.pdf", tmp_path)
    by_name = {p["original_name"]: p for p in manifest["photos"]}
    for name, photo in photos.items():
        assert by_name[name]["copies"] == photo["copies"], name
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    sections = {part.split()[0]: part for part in re.split(r"Exhibit P-\d+ — ", flat)[1:]}
    for name, photo in photos.items():
        line = copies_line(photo["copies"])
        if line is None:
            assert "copies of this picture" not in sections[name]
        else:
            assert "first posted: photo" in line
            assert line in sections[name], name


def test_a_packet_of_one_copy_names_no_copy_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import zipfile

    case, _ = _case_with_copies(tmp_path, capsys)
    assert main(["source", str(case), "camera.jpg", "--platform", "X",
                 "--posted", "2023-10-28T12:00Z"]) == 0
    capsys.readouterr()
    assert main(["photos", str(case), "--json"]) == 0
    camera = {p["original_name"]: p for p in _json(capsys)}["camera.jpg"]
    out = tmp_path / "p.zip"
    assert main(["export", str(case), "--out", str(out), "--photos", "posted.jpg"]) == 0
    with zipfile.ZipFile(out) as z:
        [photo] = json.loads(z.read("manifest.json"))["photos"]
        data = b"".join(z.read(n) for n in z.namelist() if not n.startswith("originals/"))
    copies = photo["copies"]
    assert (copies["best"], copies["relation"]) == (False, "resized")
    assert copies["best_copy"] is None and copies["earliest"] is None
    assert [m["sha256"] for m in copies["photos"]] == [photo["sha256"]]
    assert camera["sha256"].encode() not in data
