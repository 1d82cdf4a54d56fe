"""Perceptual hashes of a picture: the same picture across re-encodings, sizes and crops.

Computed from the 256 px upright thumbnail the import already decodes (no second decode),
and by `analyze` from the very same decode (`decode.reduced_upright(path, 256)`), so a file
analysed on its own and the same file in a case hash alike.

- dHash (64 bits): the sign of horizontal gradients on a 9×8 grey image.
- pHash (64 bits): the 8×8 lowest DCT frequencies of a 32×32 grey image against their
  median (the construction of imagehash's `phash`).
- PDQ (256 bits, Meta's hash for exchange with other tools) through the `pdqhash` package.
- Window pHashes: the pHash of nine sub-windows (80 % of each side, on a 3×3 grid, and the
  central 90 %), so that a copy cropped by up to about 20 % (or one with a caption bar
  added) still meets its source: the copy's whole picture is close to one of the source's
  windows, or the other way round.

Hashes are lowercase hex; `distance` is the Hamming distance between two of them.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from PIL import Image

HASH_SIDE = 32
# (left, top, width, height) as fractions of the picture: 80 % windows on a 3×3 grid, the
# central 90 %, and the upper and lower 88 % (what remains when a caption bar is cut off).
WINDOWS: tuple[tuple[float, float, float, float], ...] = tuple(
    (x, y, 0.8, 0.8) for y in (0.0, 0.1, 0.2) for x in (0.0, 0.1, 0.2)
) + ((0.05, 0.05, 0.9, 0.9), (0.0, 0.0, 1.0, 0.88), (0.0, 0.12, 1.0, 0.88))


@cache
def _dct_matrix(n: int = HASH_SIDE) -> np.ndarray:
    k = np.arange(n)
    m = np.cos(np.pi * (2 * k[None, :] + 1) * k[:, None] / (2 * n)) * np.sqrt(2 / n)
    m[0] /= np.sqrt(2)
    return m


def _bits_to_hex(bits: np.ndarray) -> str:
    value = 0
    for bit in bits.ravel():
        value = (value << 1) | int(bool(bit))
    return f"{value:0{bits.size // 4}x}"


def grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def dhash(image: Image.Image) -> str:
    small = np.asarray(grey(image).resize((9, 8), Image.Resampling.LANCZOS), dtype=np.int16)
    return _bits_to_hex(small[:, 1:] > small[:, :-1])


def phash(image: Image.Image) -> str:
    small = np.asarray(grey(image).resize((HASH_SIDE, HASH_SIDE), Image.Resampling.LANCZOS),
                       dtype=np.float64)
    m = _dct_matrix()
    low = (m @ small @ m.T)[:8, :8]
    return _bits_to_hex(low > np.median(low))


def pdq(image: Image.Image) -> str | None:
    """The PDQ hash (hex), or None when `pdqhash` is not installed or the picture is flat."""
    try:
        import pdqhash
    except ImportError:
        return None
    rgb = np.ascontiguousarray(np.asarray(image.convert("RGB")))
    bits, quality = pdqhash.compute(rgb)
    if quality <= 0:
        return None
    return _bits_to_hex(np.asarray(bits))


def window_phashes(image: Image.Image) -> list[str]:
    """The pHash of each of `WINDOWS`, in order."""
    g = grey(image)
    w, h = g.size
    out = []
    for fx, fy, fw, fh in WINDOWS:
        box = (round(fx * w), round(fy * h), round((fx + fw) * w), round((fy + fh) * h))
        out.append(phash(g.crop(box)))
    return out


def detail(image: Image.Image) -> float:
    """How much the picture varies (standard deviation of the 32×32 grey values): a flat
    picture hashes like every other flat picture and is grouped only when identical."""
    small = np.asarray(grey(image).resize((HASH_SIDE, HASH_SIDE), Image.Resampling.BOX),
                       dtype=np.float64)
    return round(float(small.std()), 2)


def distance(a: str, b: str) -> int:
    """Hamming distance between two hex hashes of the same length."""
    return (int(a, 16) ^ int(b, 16)).bit_count()
