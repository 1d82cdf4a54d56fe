"""Copies re-checked: a posting recorded on one copy, or a new copy imported, refreshes the
stored capture-date check of every other copy of the picture (POSTED_BEFORE_CAPTURE uses
the group's earliest posting; EARLIER_COPY names the earlier or better copy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from annotator.cli import main
from annotator.core.case import Case
from annotator.core.dating import set_acquisition, stored_date
from annotator.core.ingest import import_paths
from tests.core.history.history_fixtures import jpeg, textured
from tests.fixtures.factory import make_exif


def _pictures(folder: Path) -> tuple[Path, Path]:
    """A camera file taken 2023-10-27 10:00 (no zone) and a smaller re-encoded copy."""
    folder.mkdir(parents=True, exist_ok=True)
    picture = textured(800, 600, seed=7)
    camera = folder / "camera.jpg"
    picture.save(camera, "JPEG", quality=95, exif=make_exif(
        original="2023:10:27 10:00:00", offset="+00:00").tobytes())
    posted = folder / "posted.jpg"
    jpeg(picture.resize((400, 300), Image.Resampling.LANCZOS), 75, posted)
    return camera, posted


def _stored(capsys: pytest.CaptureFixture, case: Path) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["photos", str(case), "--json"]) == 0
    return {p["original_name"]: p for p in json.loads(capsys.readouterr().out)}


def _codes(photo: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in photo["date"]["findings"]:
        out.setdefault(f["code"], []).append(f)
    return out


def test_a_posting_on_one_copy_refreshes_the_other_copies_stored_check(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _pictures(tmp_path / "in")
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    assert main(["import", str(case), str(tmp_path / "in"), "--jobs", "1"]) == 0
    before = _codes(_stored(capsys, case)["camera.jpg"])
    assert "POSTED_BEFORE_CAPTURE" not in before and "EARLIER_COPY" not in before

    # The small copy was posted the day before the camera file says it was taken.
    assert main(["source", str(case), "posted.jpg", "--platform", "X",
                 "--posted", "2023-10-26T12:00Z"]) == 0
    photos = _stored(capsys, case)
    camera = _codes(photos["camera.jpg"])  # stored: no check-date was run on it
    assert camera["POSTED_BEFORE_CAPTURE"][0]["params"]["posted_utc"].startswith("2023-10-26")
    assert [f["params"]["reason"] for f in camera["EARLIER_COPY"]] == ["posted_earlier"]
    assert camera["EARLIER_COPY"][0]["params"]["photo"] == photos["posted.jpg"]["id"]
    assert [f["params"]["reason"] for f in _codes(photos["posted.jpg"])["EARLIER_COPY"]] \
        == ["better_copy"]

    # check-date on the other copy says what was stored
    assert main(["check-date", "camera.jpg", "--case", str(case), "--json"]) == 0
    fresh = json.loads(capsys.readouterr().out)
    assert sorted(f["code"] for f in fresh["findings"]) \
        == sorted(f["code"] for f in photos["camera.jpg"]["date"]["findings"])
    assert fresh["verdict"] == photos["camera.jpg"]["date"]["verdict"]

    # the posting withdrawn: the other copy's check loses the bound again
    assert main(["source", str(case), "posted.jpg", "--posted", ""]) == 0
    after = _codes(_stored(capsys, case)["camera.jpg"])
    assert "POSTED_BEFORE_CAPTURE" not in after and "EARLIER_COPY" not in after


def test_a_copy_imported_later_refreshes_the_copies_already_in_the_case(
        tmp_path: Path) -> None:
    camera, posted = _pictures(tmp_path / "in")
    case = Case.create(tmp_path / "case", examiner="tester")
    [first] = import_paths(case, [posted], jobs=1).imported
    set_acquisition(case, first.photo_id, platform="X", posted_utc="2023-10-26T12:00Z")
    with case.reading() as session:
        alone = stored_date(session, first.photo_id)
    assert alone is not None and not [f for f in alone["findings"]
                                      if f["code"] == "EARLIER_COPY"]

    [second] = import_paths(case, [camera], jobs=1).imported
    with case.reading() as session:
        small = stored_date(session, first.photo_id)
        big = stored_date(session, second.photo_id)
    assert small is not None and big is not None
    # the camera file arrived: the small copy's stored check now names it as the best copy
    assert [(f["params"]["photo"], f["params"]["reason"]) for f in small["findings"]
            if f["code"] == "EARLIER_COPY"] == [(second.photo_id, "better_copy")]
    # and the camera file's own check used the small copy's earlier posting
    codes = {f["code"] for f in big["findings"]}
    assert {"POSTED_BEFORE_CAPTURE", "EARLIER_COPY"} <= codes
    case.close()
