"""Quantization-table matches against the reference (ExifTool's JPEGDigest, JPEGsnoop), on
the shared corpus of real camera and editor files (skipped when it is absent)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from annotator.core.history.analyze import analyze_file
from annotator.core.history.jpeg_structure import JpegStructureError, read_structure
from annotator.core.history.table_matches import (
    camera_entries,
    exiftool_digest,
    normalize_make,
    reference,
)
from annotator.core.metadata import read_metadata
from tests.core.history.history_fixtures import jpeg, textured

pytestmark = pytest.mark.corpus


def _jpegs(corpus: Path) -> list[str]:
    truth = json.loads((corpus / "exiftool-truth.json").read_text())
    return sorted(k for k, v in truth.items() if v.get("File:FileType") == "JPEG")


def test_reference_holds_both_lists_with_cameras_and_software() -> None:
    kinds = {(s.scheme, s.kind) for s in reference()}
    assert kinds == {("exiftool", "camera"), ("exiftool", "software"), ("jpegsnoop", "camera"),
                     ("jpegsnoop", "software")}
    assert len(reference()) > 5000


def test_pillow_tables_are_ijg_software_matches() -> None:
    js = read_structure(jpeg(textured(64, 48), 75))
    assert exiftool_digest(js) == "2851eea5e15f1b977c1496a77c884b4f"  # ExifTool: IJG q75
    result = analyze_file(_tmp_jpeg(75), double_compression=False)
    assert any(m.kind == "software" and "IJG" in m.name and "75" in m.name and m.exact
               for m in result.jpeg.table_matches)


def _tmp_jpeg(quality: int) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "q.jpg"
    jpeg(textured(64, 48), quality, path)
    return path


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool absent")
def test_our_digest_is_exiftools_on_every_corpus_jpeg(corpus: Path) -> None:
    files = corpus / "files"
    out = subprocess.run(["exiftool", "-json", "-n", "-JPEGDigest", "-r", "-ext", "jpg",
                          "-ext", "jpeg", "-ext", "nef", str(files)],
                         capture_output=True, text=True, check=False).stdout
    checked = 0
    for item in json.loads(out):
        data = Path(item["SourceFile"]).read_bytes()
        try:
            js = read_structure(data)
        except JpegStructureError:
            continue
        if js is None:
            continue
        assert exiftool_digest(js) == item.get("JPEGDigest"), item["SourceFile"]
        checked += 1
    assert checked >= 200


def _words(text: str) -> set[str]:
    alias = {"independent": "ijg", "ijg": "ijg", "adobe": "adobe", "acd": "acdsee",
             "acdsee": "acdsee"}
    first = text.replace(",", " ").split()[0].lower() if text.strip() else ""
    return {alias.get(first, normalize_make(first))}


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool absent")
def test_matches_name_the_maker_or_software_exiftool_identifies(
        corpus: Path, capsys: pytest.CaptureFixture) -> None:
    """Target (issue 16): on files whose tables ExifTool's digest identifies, our matches
    name the same maker or software (or the file's own Make) for at least 80 %."""
    out = subprocess.run(["exiftool", "-json", "-JPEGDigest", "-Make", "-r", "-ext", "jpg",
                          "-ext", "jpeg", str(corpus / "files")],
                         capture_output=True, text=True, check=False).stdout
    agree = total = 0
    misses = []
    for item in json.loads(out):
        name = item.get("JPEGDigest")
        if not name or name.startswith("Unknown") or name == "No DQT defined":
            continue
        result = analyze_file(item["SourceFile"], double_compression=False)
        if result.jpeg is None:
            continue
        total += 1
        want = _words(name) | ({normalize_make(item["Make"])} if item.get("Make") else set())
        got = set().union(*(_words(m.name) for m in result.jpeg.table_matches)) | {
            normalize_make(m.make) for m in result.jpeg.table_matches if m.make}
        if want & got:
            agree += 1
        else:
            misses.append((item["SourceFile"], name))
    with capsys.disabled():
        print(f"\ntable matches naming ExifTool's maker/software or the file's Make: "
              f"{agree}/{total} = {100 * agree / total:.1f}%")
    assert total >= 100 and agree / total >= 0.8, misses[:10]


def test_a_camera_original_resaved_by_pillow_is_tables_not_camera(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Every corpus file whose tables are its own camera's, re-saved by Pillow with its EXIF
    kept, is flagged: its tables are now libjpeg's."""
    flagged = total = 0
    for name in _jpegs(corpus):
        path = corpus / "files" / name
        original = analyze_file(path, double_compression=False)
        if original.error or original.jpeg is None or any(
                s.code in ("TABLES_NOT_CAMERA", "CAMERA_NOT_IN_TABLE") for s in original.signs):
            continue
        meta = read_metadata(path)
        if not meta.model or not camera_entries(meta.make, meta.model):
            continue  # not a camera the reference knows: nothing to contradict
        with Image.open(path) as im:
            exif = im.info.get("exif")
            if not exif:
                continue
            out = tmp_path / f"{total}.jpg"
            im.convert("RGB").save(out, "JPEG", quality=93, exif=exif)
        total += 1
        resaved = analyze_file(out, double_compression=False)
        flagged += any(s.code == "TABLES_NOT_CAMERA" and s.severity == "warning"
                       for s in resaved.signs)
    with capsys.disabled():
        print(f"\ncamera originals re-saved by Pillow flagged TABLES_NOT_CAMERA: "
              f"{flagged}/{total}")
    assert total >= 5 and flagged == total
