"""`annotator import` and `annotator photos` as a user runs them: exit codes, one line per
rejected file, the JSON contracts, and a terminal progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.import_cmds import ProgressLine
from annotator.core.case.folder import Case
from annotator.core.hashing import digest_file
from annotator.core.metadata import read_metadata
from annotator.core.models import Box, Photo
from tests.fixtures import imports as fx

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def case_dir(case: Case) -> Path:
    root = case.root
    case.close()
    return root


def test_mixed_batch_exits_1_with_one_stderr_line_per_rejection(case_dir: Path,
                                                                 tmp_path: Path, capsys):
    folder = tmp_path / "in"
    fx.good_jpeg(folder / "a.jpg", 1)
    fx.good_jpeg(folder / "b.jpg", 2)
    fx.truncated_jpeg(folder / "cut.jpg")
    fx.empty_file(folder / "empty.jpg")
    fx.random_bytes(folder / "noise.jpg")

    code = main(["import", str(case_dir), str(folder), str(tmp_path / "missing.jpg")])

    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert any(line.startswith(f"rejected {folder / 'cut.jpg'}: truncated") for line in lines)
    assert any(line == f"rejected {folder / 'empty.jpg'}: empty file" for line in lines)
    assert any(line.startswith(f"rejected {tmp_path / 'missing.jpg'}: no such") for line in lines)
    assert out.strip().splitlines()[-1] == "2 imported, 0 duplicates, 4 rejected"
    assert "\r" not in err  # not a terminal: no progress bar


def test_reimport_exits_0_and_says_duplicate(case_dir: Path, tmp_path: Path, capsys):
    a = fx.good_jpeg(tmp_path / "IMG_1.jpg", 1)
    assert main(["import", str(case_dir), str(a)]) == 0
    capsys.readouterr()
    assert main(["import", str(case_dir), str(a), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert f"{a}: duplicate of IMG_1.jpg (sha256 " in out
    assert out.strip().endswith("0 imported, 1 duplicate, 0 rejected") and err == ""


def test_json_summary_keys(case_dir: Path, tmp_path: Path, capsys):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1)
    bad = fx.empty_file(tmp_path / "b.jpg")
    code = main(["import", str(case_dir), str(a), str(bad), "--json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"imported", "duplicates", "rejected", "cancelled", "counts"}
    assert set(data["imported"][0]) == {"path", "sha256", "photo_id"}
    assert data["rejected"] == [{"path": str(bad), "reason": "empty file"}]
    assert data["counts"] == {"files": 2, "imported": 1, "duplicates": 0, "rejected": 1}
    assert data["cancelled"] is False
    main(["import", str(case_dir), str(a), "--json"])
    dup = json.loads(capsys.readouterr().out)["duplicates"][0]
    assert set(dup) == {"path", "sha256", "photo_id", "duplicate_of", "source_added"}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_max_pixels_option(case_dir: Path, tmp_path: Path, capsys):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1, width=400, height=300)
    assert main(["import", str(case_dir), str(a), "--max-pixels", "100000"]) == 1
    assert "decompression bomb: 120,000 pixels exceeds the limit of 100,000" in \
        capsys.readouterr().err
    assert main(["import", str(case_dir), str(a), "--max-pixels", "0.2M"]) == 0


def test_bad_options_are_usage_errors(case_dir: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(case_dir), str(tmp_path), "--jobs", "0"])
    assert exit_info.value.code == 2
    assert main(["import", str(tmp_path / "no-case"), str(tmp_path)]) == 2


def test_photos_json_has_the_exif_keys_and_the_case_facts(case_dir: Path, tmp_path: Path,
                                                          capsys):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1, orientation=6)
    main(["import", str(case_dir), str(a)])
    with Case.open(case_dir) as case, case.writing() as s:
        photo = s.query(Photo).one()
        now = datetime.now(UTC)
        s.add(Box(photo_id=photo.id, x=1, y=2, w=30, h=40, label="aircraft",
                  registration="5U-MBH", aircraft_type="C-130H", created_utc=now,
                  created_by="t", updated_utc=now))
    capsys.readouterr()

    assert main(["photos", str(case_dir), "--json"]) == 0
    (obj,) = json.loads(capsys.readouterr().out)

    exif = read_metadata(a, sha256=digest_file(a).sha256).to_json()
    assert set(exif) <= set(obj)
    assert {"id", "original_name", "md5", "imported_utc", "importer", "sources",
            "boxes"} <= set(obj)
    for key in ("path", "sha256", "size", "format", "width", "height", "orientation", "make",
                "model", "datetime_original", "gps", "has_thumbnail", "tags", "xmp", "iptc",
                "error"):
        assert obj[key] == (str(a) if key == "path" else exif[key]), key
    assert obj["importer"] == "test-examiner" and obj["imported_utc"].endswith("Z")
    assert [s["path"] for s in obj["sources"]] == [str(a)]
    (box,) = obj["boxes"]
    assert {"id", "label", "registration", "type", "operator", "confidence", "note",
            "x", "y", "w", "h"} <= set(box)
    assert (box["registration"], box["type"], box["w"]) == ("5U-MBH", "C-130H", 30)


def test_photos_table(case_dir: Path, tmp_path: Path, capsys):
    assert main(["photos", str(case_dir)]) == 0
    assert "no photos" in capsys.readouterr().out
    main(["import", str(case_dir), str(fx.good_jpeg(tmp_path / "plane.jpg", 1))])
    capsys.readouterr()
    assert main(["photos", str(case_dir)]) == 0
    out = capsys.readouterr().out
    assert "plane.jpg" in out and "320x240" in out and out.strip().endswith("1 photo")
    header = out.splitlines()[0].split()
    assert "pixels" in header and "size" not in header  # the column holds pixel dimensions


def test_progress_line_shows_count_and_rate():
    stream = io.StringIO()
    bar = ProgressLine(stream, width=10)
    bar(0, 4, "")
    bar(4, 4, "last.jpg")
    bar.close()
    text = stream.getvalue()
    assert "\r[" in text and "4/4" in text and "files/s" in text and "last.jpg" in text
    assert "[##########]" in text


def test_cli_never_prints_a_traceback(tmp_path: Path):
    case_root = tmp_path / "c"
    folder = tmp_path / "in"
    fx.good_jpeg(folder / "a.jpg", 1)
    fx.bomb_jpeg(folder / "bomb.jpg")
    fx.random_bytes(folder / "x.cr2")
    run = [sys.executable, "-m", "annotator"]
    env_cwd = {"cwd": REPO, "capture_output": True, "text": True, "timeout": 120}
    assert subprocess.run([*run, "init", str(case_root)], **env_cwd).returncode == 0
    done = subprocess.run([*run, "import", str(case_root), str(folder), "--jobs", "2"],
                          **env_cwd)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2
    assert "RAW format Pillow cannot decode (CR2)" in done.stderr
    assert done.stdout.strip().endswith("1 imported, 0 duplicates, 2 rejected")


@pytest.mark.skipif(sys.platform != "linux", reason="names as raw bytes: a Linux file system")
def test_odd_file_names_are_imported_and_shown_on_one_line(case_dir: Path, tmp_path: Path,
                                                           capsys):
    import os

    folder = tmp_path / "in"
    fx.good_jpeg(folder / "a.jpg", 1)
    os.rename(os.fsencode(folder / "a.jpg"), os.fsencode(folder) + b"/caf\xe9.jpg")
    fx.empty_file(folder / "two\nlines.jpg")

    assert main(["import", str(case_dir), str(folder)]) == 1
    out, err = capsys.readouterr()
    assert err == f"rejected {folder}/two\\nlines.jpg: empty file\n"
    with Case.open(case_dir) as case, case.reading() as s:
        photo = s.query(Photo).one()
    assert photo.original_name == "caf\\xe9.jpg"
    assert photo.original_path == f"{folder}/caf\\xe9.jpg"
    assert case.store.path_for(photo.sha256).is_file()
