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
