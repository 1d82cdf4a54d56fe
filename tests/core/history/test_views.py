"""Error level analysis and JPEG ghosts: plain functions the History panel lays over the
canvas; a region compressed at another quality stands out."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from annotator.core.history import error_level, jpeg_ghost
from tests.core.history.history_fixtures import jpeg, textured


@pytest.fixture
def spliced(tmp_path: Path) -> Path:
    """A q95 picture whose centre was pasted from a q50 copy of itself."""
    picture = textured(256, 192, seed=2)
    low = Image.open(io.BytesIO(jpeg(picture, 50))).convert("RGB")
    mixed = picture.copy()
    mixed.paste(low.crop((96, 64, 160, 128)), (96, 64))
    path = tmp_path / "spliced.jpg"
    jpeg(mixed, 95, path)
    return path


def test_ghost_at_the_pasted_quality_darkens_the_pasted_region(spliced: Path) -> None:
    ghost = np.asarray(jpeg_ghost(spliced, 50), dtype=float)
    assert ghost.shape == (192, 256)
    inside, outside = ghost[72:120, 104:152].mean(), ghost[:48, :].mean()
    assert inside < outside / 2


def test_error_level_is_the_upright_size_and_highlights_differences(spliced: Path) -> None:
    ela = error_level(spliced, 90)
    assert ela.size == (256, 192) and ela.mode == "RGB"
    assert max(hi for _, hi in ela.getextrema()) == 255


def test_a_bad_quality_is_refused(spliced: Path) -> None:
    with pytest.raises(ValueError):
        jpeg_ghost(spliced, 0)
