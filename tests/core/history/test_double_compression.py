"""Double JPEG compression: detected on pictures compressed twice (first quality 50–80,
then 85–95), not on pictures compressed once; the first quality estimated."""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from annotator.core.history.double_compression import detect, estimate, read_luma_coefficients
from tests.core.history.history_fixtures import jpeg, textured, twice

N = 30


def _rates(pictures: list[Image.Image], tmp_path: Path, seed: int) -> tuple[float, float, float]:
    rng = random.Random(seed)
    detected = false_pos = close = 0
    for k, picture in enumerate(pictures):
        q1, q2 = rng.randint(50, 80), rng.randint(85, 95)
        double = tmp_path / f"d{k}.jpg"
        twice(picture, q1, q2, double)
        found = detect(double)
        detected += found.detected
        close += found.detected and abs(found.primary_quality - q1) <= 2
        single = tmp_path / f"s{k}.jpg"
        jpeg(picture, q2, single)
        false_pos += detect(single).detected
    n = len(pictures)
    return detected / n, false_pos / n, close / max(1, detected)


def test_rates_on_generated_pictures(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pictures = [textured(384, 288, seed=s) for s in range(N)]
    detected, false_pos, close = _rates(pictures, tmp_path, 16)
    with capsys.disabled():
        print(f"\ndouble compression, generated pictures: detected {detected:.0%}, "
              f"single flagged {false_pos:.0%}, first quality within 2: {close:.0%}")
    assert detected >= 0.8 and false_pos <= 0.2


@pytest.mark.corpus
def test_rates_on_corpus_photos(corpus: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture) -> None:
    pictures = []
    for path in sorted((corpus / "files" / "exif-samples" / "jpg").rglob("*.jpg")) + sorted(
            (corpus / "files" / "metadata-extractor-images" / "jpg").glob("*.jpg")):
        try:
            with Image.open(path) as im:
                if min(im.size) < 600:
                    continue
                picture = im.convert("RGB")
        except Exception:  # noqa: BLE001, S112 - broken corpus files are skipped here
            continue
        # Halve the camera picture so its own compression does not count as a first one.
        picture = picture.resize((picture.width // 2, picture.height // 2),
                                 Image.Resampling.LANCZOS)
        picture.thumbnail((800, 800))
        pictures.append(picture)
        if len(pictures) >= 40:
            break
    detected, false_pos, close = _rates(pictures, tmp_path, 5)
    with capsys.disabled():
        print(f"\ndouble compression, {len(pictures)} corpus photos: detected {detected:.0%}, "
              f"single flagged {false_pos:.0%}, first quality within 2: {close:.0%}")
    assert len(pictures) >= 20 and detected >= 0.8 and false_pos <= 0.2


def test_first_quality_of_one_case(tmp_path: Path) -> None:
    path = tmp_path / "twice.jpg"
    twice(textured(512, 384, seed=3), 60, 90, path)
    found = detect(path)
    assert found.detected and abs(found.primary_quality - 60) <= 2 and found.confidence > 0.5


def test_single_compression_is_not_flagged_at_any_usual_quality(tmp_path: Path) -> None:
    for q in (75, 85, 90, 95):
        path = tmp_path / f"{q}.jpg"
        jpeg(textured(512, 384, seed=q), q, path)
        assert not detect(path).detected


def test_coefficients_are_libjpegs(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    jpeg(textured(64, 48), 80, path)
    blocks, table = read_luma_coefficients(path)
    assert blocks.shape == (48 // 8 * 64 // 8, 64) and table[0] == 6
    assert estimate(np.zeros((0, 64), dtype=np.int64), table).detected is False
    with Image.open(io.BytesIO(path.read_bytes())) as im:
        assert list(im.quantization[0])[0] == 6
