"""The IJG quality that reproduces a JPEG's tables: exact on libjpeg's own tables (Pillow,
cjpeg), the nearest with its deviation on anything else."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from annotator.core.history.analyze import analyze_file
from annotator.core.history.jpeg_structure import read_structure
from annotator.core.history.quantization import STD_LUMA, estimate, scaled_table
from tests.core.history.history_fixtures import jpeg, textured

QUALITIES = (1, 5, 10, 25, 49, 50, 51, 60, 75, 85, 90, 95, 99, 100)


@pytest.mark.parametrize("quality", QUALITIES)
def test_pillow_quality_is_read_back_exactly(quality: int) -> None:
    js = read_structure(jpeg(textured(64, 48, seed=quality), quality))
    luma, chroma = estimate(js.table_for(0), chroma=False), estimate(js.table_for(1), chroma=True)
    assert (luma.quality, luma.exact, chroma.quality, chroma.exact) == (quality, True, quality,
                                                                        True) or (
        # below quality 2 libjpeg clamps every value to 255 at 1 and 2 alike
        quality <= 2 and luma.exact)


@pytest.mark.skipif(shutil.which("cjpeg") is None, reason="cjpeg (libjpeg-turbo-progs) absent")
@pytest.mark.parametrize("quality", (30, 70, 92))
def test_cjpeg_quality_is_read_back_exactly(tmp_path: Path, quality: int) -> None:
    src = tmp_path / "in.ppm"
    textured(96, 64).save(src)
    out = tmp_path / "out.jpg"
    subprocess.run(["cjpeg", "-quality", str(quality), "-outfile", str(out), str(src)],
                   check=True)
    result = analyze_file(out, double_compression=False)
    q = result.jpeg.quality_luma, result.jpeg.quality_chroma
    assert q == (quality, quality) and result.jpeg.standard_tables


def test_tables_that_are_not_ijg_give_the_nearest_quality_and_its_deviation() -> None:
    camera_like = tuple(max(1, v - 1) if i % 3 else v + 1
                        for i, v in enumerate(scaled_table(STD_LUMA, 90)))
    est = estimate(camera_like, chroma=False)
    assert not est.exact and est.quality in (89, 90, 91) and 0 < est.deviation < 2


def test_a_non_standard_file_says_so(tmp_path: Path) -> None:
    luma = [max(1, v // 2) for v in scaled_table(STD_LUMA, 50)]
    luma[5] += 3
    chroma = [7] * 64
    path = tmp_path / "custom.jpg"
    textured(64, 48).save(path, "JPEG", qtables=[luma, chroma])
    result = analyze_file(path, double_compression=False)
    assert result.jpeg.standard_tables is False
    assert result.jpeg.luma_deviation and result.jpeg.luma_deviation > 0
    with Image.open(path) as im:  # Pillow wrote the tables we asked for
        assert list(im.quantization[0])  # noqa: SIM118
