"""Pictures for the history tests, made in code: textured like photographs (several octaves
of smooth noise plus grain), so JPEG statistics behave as on camera files."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image


def textured(width: int = 512, height: int = 384, seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    acc = np.zeros((height, width, 3), dtype=np.float64)
    # cell counts that share no period with the 8×8 JPEG grid
    for octave, weight in ((5, 90.0), (13, 45.0), (37, 20.0)):
        small = rng.uniform(-1, 1, size=(max(2, octave * height // width + 1), octave + 1, 3))
        layer = np.stack([np.asarray(Image.fromarray(
            ((small[..., c] + 1) * 127.5).astype(np.uint8), "L").resize(
                (width, height), Image.Resampling.BICUBIC), dtype=np.float64) / 127.5 - 1
            for c in range(3)], axis=2)
        acc += weight * layer
    acc += rng.normal(0, 6, size=acc.shape)
    return Image.fromarray(np.clip(acc + 128, 0, 255).astype(np.uint8), "RGB")


def jpeg(image: Image.Image, quality: int, path: Path | None = None, **kw: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, **kw)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(buf.getvalue())
    return buf.getvalue()


def twice(image: Image.Image, q1: int, q2: int, path: Path | None = None) -> bytes:
    """Compressed at q1, decoded, compressed again at q2 (aligned: same 8×8 grid)."""
    with Image.open(io.BytesIO(jpeg(image, q1))) as first:
        return jpeg(first.convert("RGB"), q2, path)
