"""The JPEG header as we read it: markers, sampling, progressive, Huffman, restart interval;
a broken header is one sentence, never a crash."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.core.history.jpeg_structure import JpegStructureError, read_structure
from tests.core.history.history_fixtures import jpeg, textured


@pytest.mark.parametrize(("subsampling", "expected"), [(0, "4:4:4"), (1, "4:2:2"),
                                                        (2, "4:2:0")])
def test_chroma_subsampling(subsampling: int, expected: str) -> None:
    js = read_structure(jpeg(textured(64, 48), 80, subsampling=subsampling))
    assert js.subsampling == expected


def test_baseline_standard_huffman_and_markers() -> None:
    js = read_structure(jpeg(textured(64, 48), 80))
    assert js.markers[0] == "SOI" and js.markers[-1] == "SOS"
    assert "APP0:JFIF" in js.markers and js.markers.count("DQT") >= 1
    assert not js.progressive and not js.optimized_huffman and js.restart_interval == 0


def test_optimized_and_progressive_are_seen() -> None:
    assert read_structure(jpeg(textured(64, 48), 80, optimize=True)).optimized_huffman
    js = read_structure(jpeg(textured(64, 48), 80, progressive=True))
    assert js.progressive and js.sof == 0xC2 and "SOF2" in js.markers


def test_exif_and_comment_are_named(tmp_path: Path) -> None:
    from tests.fixtures.factory import make_exif

    js = read_structure(jpeg(textured(64, 48), 80, exif=make_exif().tobytes(),
                             comment=b"made by a test"))
    assert "APP1:Exif" in js.markers and "COM" in js.markers
    assert js.comments == ["made by a test"]


@pytest.mark.skipif(shutil.which("cjpeg") is None, reason="cjpeg (libjpeg-turbo-progs) absent")
def test_restart_interval_from_cjpeg(tmp_path: Path) -> None:
    src = tmp_path / "in.ppm"
    textured(96, 64).save(src)
    out = tmp_path / "out.jpg"
    subprocess.run(["cjpeg", "-restart", "2B", "-outfile", str(out), str(src)], check=True)
    assert read_structure(out.read_bytes()).restart_interval == 2


def test_not_a_jpeg_is_none() -> None:
    assert read_structure(b"\x89PNG\r\n\x1a\n....") is None


def test_truncated_header_is_one_sentence() -> None:
    data = jpeg(textured(64, 48), 80)
    sos = data.index(b"\xff\xda")
    js = read_structure(data[:sos - 10])
    assert js is not None and not js.reached_scan
    with pytest.raises(JpegStructureError) as info:
        read_structure(data[:20] + b"\xff\xd9")  # SOI, APP0, then EOI
    assert "\n" not in str(info.value)


def test_fuzzed_headers_never_raise_anything_else() -> None:
    data = bytearray(jpeg(textured(64, 48), 80)[:700])
    rng = random.Random(16)
    for _ in range(400):
        fuzzed = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            fuzzed[rng.randrange(2, len(fuzzed))] = rng.randrange(256)
        try:
            read_structure(bytes(fuzzed))
        except JpegStructureError:
            pass
