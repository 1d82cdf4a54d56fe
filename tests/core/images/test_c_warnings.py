"""libjpeg's warnings about a damaged file stay off standard error; nothing else is lost."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.history.analyze import analyze_file
from annotator.core.images.c_warnings import held_c_warnings
from tests.core.history.history_fixtures import jpeg, textured


def _damaged(path: Path) -> Path:
    """A JPEG whose entropy-coded data is cut short and closed with an EOI: libjpeg reads
    it with a warning ("Corrupt JPEG data: premature end of data segment")."""
    data = jpeg(textured(640, 480, seed=2), 85)
    cut = len(data) * 2 // 3
    path.write_bytes(data[:cut] + b"\xff\xd9")
    return path


def test_analysing_a_damaged_jpeg_prints_no_libjpeg_line(tmp_path: Path, capfd) -> None:
    result = analyze_file(_damaged(tmp_path / "damaged.jpg"))
    out, err = capfd.readouterr()
    assert "Corrupt JPEG data" not in err and "Premature end" not in err
    assert result.jpeg is not None and result.jpeg.double_compressed is not None


def test_libjpeg_lines_are_caught_and_other_lines_given_back(capfd) -> None:
    with held_c_warnings() as caught:
        os.write(2, b"Corrupt JPEG data: 4 extraneous bytes before marker 0xdb\n")
        os.write(2, b"a line of someone else's\n")
    assert caught == ["Corrupt JPEG data: 4 extraneous bytes before marker 0xdb"]
    _out, err = capfd.readouterr()
    assert err == "a line of someone else's\n"
    os.write(2, b"after\n")  # standard error is back where it was
    assert capfd.readouterr().err == "after\n"


def _noisy_tiff(path: Path, seed: int = 3) -> Path:
    """A CCITT G4 TIFF whose coded data is damaged: libtiff decodes it, printing a line
    per bad code word ("Fax4Decode: Bad code word at line 1 of strip 0")."""
    import io
    import random

    from PIL import Image

    buf = io.BytesIO()
    Image.effect_noise((400, 300), 80).convert("1").save(buf, "TIFF", compression="group4")
    data = bytearray(buf.getvalue())
    rng = random.Random(seed)
    for i in range(200, len(data) - 400, 5):
        data[i] = rng.randrange(256)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path


def test_decoder_lines_are_told_from_others() -> None:
    from annotator.core.images.c_warnings import is_decoder_message

    for line in ("Fax4Decode: Bad code word at line 1 of strip 0 (x 73).",
                 "TIFFFillStrip: Read error on strip 0; got 12 bytes, expected 1012.",
                 "_TIFFVSetField: tempfile.tif: Bad value 12291 for \"ResolutionUnit\" tag.",
                 "tempfile.tif: Using code not yet in table.",
                 "JPEGLib: Bogus Huffman table definition.",
                 "Corrupt JPEG data: premature end of data segment"):
        assert is_decoder_message(line), line
    for line in ("Traceback (most recent call last):", "qt.qpa.xcb: could not connect",
                 "Exception ignored in: <function x>", "annotator: a.jpg: truncated"):
        assert not is_decoder_message(line), line


def test_an_import_prints_one_line_per_refused_file_and_no_decoder_noise(tmp_path: Path):
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    folder = tmp_path / "in"
    for k in range(3):
        _noisy_tiff(folder / f"fax{k}.tif", seed=k)
    jpeg(textured(64, 48, seed=1), 80, folder / "ok.jpg")

    def run(**env: str) -> str:
        case = tmp_path / f"case{len(env)}"
        base = {**os.environ, "ANNOTATOR_EXAMINER": "tester", **env}
        subprocess.run([sys.executable, "-m", "annotator", "init", str(case)], cwd=repo,
                       env=base, check=True, capture_output=True)
        return subprocess.run([sys.executable, "-m", "annotator", "import", str(case),
                               str(folder), "--jobs", "2"], cwd=repo, env=base,
                              capture_output=True, text=True, timeout=300).stderr

    assert "Fax4Decode" in run(ANNOTATOR_DEBUG="1")  # the files do make libtiff talk
    assert "Fax4Decode" not in run()


def test_an_import_in_this_process_holds_the_noise_too(tmp_path: Path, capfd) -> None:
    from annotator.core.case.folder import Case
    from annotator.core.ingest.importer import import_paths

    folder = tmp_path / "in"
    for k in range(2):
        _noisy_tiff(folder / f"fax{k}.tif", seed=k)
    case = Case.create(tmp_path / "case", name="t", examiner="tester")
    with case:
        report = import_paths(case, [folder], jobs=1)
    assert len(report.imported) + len(report.rejected) == 2
    assert "Fax4Decode" not in capfd.readouterr().err


def test_without_a_temp_folder_the_analysis_still_runs(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    result = analyze_file(_damaged(tmp_path / "damaged.jpg"))
    assert result.jpeg is not None and result.error is None
