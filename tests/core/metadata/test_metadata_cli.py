"""`annotator exif FILE... [--json]`: the JSON keys are a contract (issue 2), exit codes too."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from annotator.cli import main
from tests.fixtures.factory import make_exif, make_jpeg
from tests.fixtures.metadata import app1_xmp, jpeg_with, xmp_packet

CONTRACT_KEYS = {
    "path", "sha256", "size", "format", "width", "height", "orientation", "make", "model",
    "lens", "serial", "software", "datetime_original", "datetime_digitized",
    "datetime_modified", "offset_original", "offset_digitized", "offset_modified", "gps",
    "has_thumbnail", "tags", "xmp", "iptc", "error", "c2pa",
}


def _good(tmp_path: Path) -> Path:
    return make_jpeg(tmp_path / "good.jpg", 300, 200, exif=make_exif(
        orientation=6, original="2023:10:27 10:15:00", offset="+01:00", gps=(51.5, -0.45),
        gps_utc=datetime(2023, 10, 27, 9, 15)))


def test_json_has_exactly_the_contract_keys(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _good(tmp_path)
    assert main(["exif", str(path), "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert set(item) == CONTRACT_KEYS
    assert item["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert item["size"] == path.stat().st_size
    assert (item["width"], item["height"], item["orientation"]) == (200, 300, 6)
    assert item["datetime_original"] == "2023-10-27T10:15:00"
    assert item["offset_original"] == "+01:00"
    assert item["gps"] == {"lat": pytest.approx(51.5), "lon": pytest.approx(-0.45), "alt": None,
                           "utc": "2023-10-27T09:15:00Z"}
    assert item["error"] is None and item["xmp"] is None and item["iptc"] is None
    assert all(isinstance(v, str) for v in item["tags"].values())


def test_any_bad_file_makes_exit_1_and_the_others_are_still_listed(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = _good(tmp_path)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    missing = tmp_path / "gone.jpg"
    assert main(["exif", "--json", str(good), str(bad), str(missing)]) == 1
    captured = capsys.readouterr()
    items = json.loads(captured.out)
    assert [i["error"] for i in items] == [None, "not an image file", "unreadable: no such file"]
    assert items[2]["sha256"] is None
    assert set(items[1]) == CONTRACT_KEYS
    errors = captured.err.strip().splitlines()
    assert errors == [f"annotator: {bad}: not an image file",
                      f"annotator: {missing}: unreadable: no such file"]


def test_readable_listing_is_grouped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = jpeg_with(tmp_path / "x.jpg", exif=make_exif(original="2023:10:27 10:15:00").tobytes(),
                     segments=(app1_xmp(xmp_packet()),))
    assert main(["exif", str(path)]) == 0
    out = capsys.readouterr().out
    for heading in (" File\n", " Camera\n", " Dates (camera clock, local)\n", " XMP\n",
                    " Raw tags ("):
        assert heading in out
    assert "Adobe Photoshop 25.0" in out  # the edit history is shown
    assert "EXIF DateTimeOriginal" in out
    assert main(["exif", "--no-tags", str(path)]) == 0
    assert "Raw tags" not in capsys.readouterr().out
