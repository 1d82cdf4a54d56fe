"""Pictures for the eye: error level analysis and JPEG ghosts (on demand, never at import).

Both return a `PIL.Image` the size of the upright picture, for the GUI to lay over the
canvas (computed off the GUI thread by its caller).

- `error_level(path, quality)`: the picture re-saved at `quality`, and the absolute
  difference, stretched so the largest difference is white. Regions pasted in from another
  JPEG, or retouched, often differ from the rest.
- `jpeg_ghost(path, quality)`: the squared difference between the picture and its re-save
  at `quality`, averaged over 16×16 blocks and shown grey (dark = the picture was already
  compressed near that quality there). A region compressed at another quality than the
  rest shows as a ghost (Farid 2009).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import numpy as np
from PIL import Image, ImageChops

from annotator.core.images import decode

GHOST_BLOCK = 16


def _resaved(image: Image.Image, quality: int) -> Image.Image:
    if not 1 <= int(quality) <= 100:
        raise ValueError("quality must be between 1 and 100")
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=int(quality))
    buf.seek(0)
    with Image.open(buf) as again:
        return again.convert("RGB")


def _upright(path: Path | str) -> Image.Image:
    return decode.full_upright(path)


def error_level(path: Path | str, quality: int = 90) -> Image.Image:
    """The ELA map of `path` at `quality` (RGB, the picture's upright size)."""
    image = _upright(path)
    diff = ImageChops.difference(image, _resaved(image, quality))
    extrema = cast(tuple[tuple[int, int], ...], diff.getextrema())  # one (min, max) per band
    peak = max(hi for _, hi in extrema) or 1
    return diff.point(lambda v: min(255, v * 255 // peak))


def jpeg_ghost(path: Path | str, quality: int = 75) -> Image.Image:
    """The JPEG-ghost map of `path` at `quality` (grey "L", the picture's upright size)."""
    image = _upright(path)
    a = np.asarray(image, dtype=np.float32)
    b = np.asarray(_resaved(image, quality), dtype=np.float32)
    d = ((a - b) ** 2).mean(axis=2)
    h, w = d.shape
    bh, bw = -(-h // GHOST_BLOCK), -(-w // GHOST_BLOCK)
    padded = np.zeros((bh * GHOST_BLOCK, bw * GHOST_BLOCK), dtype=np.float32)
    padded[:h, :w] = d
    blocks = padded.reshape(bh, GHOST_BLOCK, bw, GHOST_BLOCK).mean(axis=(1, 3))
    lo, hi = float(blocks.min()), float(blocks.max())
    norm = (blocks - lo) / (hi - lo) if hi > lo else np.zeros_like(blocks)
    small = Image.fromarray((norm * 255).astype(np.uint8), "L")
    return small.resize((bw * GHOST_BLOCK, bh * GHOST_BLOCK), Image.Resampling.NEAREST).crop(
        (0, 0, w, h))
