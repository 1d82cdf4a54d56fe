"""Perceptual hashes of a picture: the same picture across re-encodings, sizes and crops.

Computed from the 256 px upright thumbnail the import already decodes (no second decode),
and by `analyze` from the very same decode (`decode.reduced_upright(path, 256)`), so a file
analysed on its own and the same file in a case hash alike.

- dHash (64 bits): the sign of horizontal gradients on a 9×8 grey image.
- pHash (64 bits): the 8×8 lowest DCT frequencies of a 32×32 grey image against their
  median (the construction of imagehash's `phash`). Both grey images are area averages of a
  copy of at most 128 px, computed for every window at once by matrix products.
- PDQ (256 bits, Meta's hash for exchange with other tools) through the `pdqhash` package.
- Window hashes: the pHash and dHash of 28 sub-windows (`WINDOWS`), so that a copy
  cropped by up to about 20 % (or one with a caption bar added) still meets its source:
  the copy's whole picture is close to one of the source's windows, or the other way round.

Hashes are lowercase hex; `distance` is the Hamming distance between two of them.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from PIL import Image

HASH_SIDE = 32
# (left, top, width, height) as fractions of the picture: the whole picture, windows of 80,
# 87 and 94 % of each side on a 3×3 grid of positions, then the upper and lower 88 % (what
# remains when a caption bar is cut off). Measured on corpus copies
# (tests/core/history/test_similar.py): fewer scales leave a fifth of the crops out.
WINDOWS: tuple[tuple[float, float, float, float], ...] = ((0.0, 0.0, 1.0, 1.0),) + tuple(
    (x * (1 - s), y * (1 - s), s, s)
    for s in (0.8, 0.87, 0.94) for y in (0.0, 0.5, 1.0) for x in (0.0, 0.5, 1.0)
) + ((0.0, 0.0, 1.0, 0.88), (0.0, 0.12, 1.0, 0.88))
WINDOW_BASE = 128  # windows are cut from a grey copy this size (fast, and enough for 32×32)


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
    """The whole picture's dHash (the first of `window_hashes`)."""
    return window_hashes(image)[1][0]


def phash(image: Image.Image) -> str:
    """The whole picture's pHash (the first of `window_hashes`)."""
    return window_hashes(image)[0][0]


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


def _area_matrix(n_out: int, n_in: int, start: float, stop: float) -> np.ndarray:
    """(n_out × n_in) weights that average [start, stop) of n_in pixels into n_out cells."""
    edges = np.linspace(start, stop, n_out + 1)
    px = np.arange(n_in)
    lo = np.clip(edges[:-1, None], px[None, :], px[None, :] + 1)
    hi = np.clip(edges[1:, None], px[None, :], px[None, :] + 1)
    weights = hi - lo
    return weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)


@cache
def _window_operators(w: int, h: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per window: the 8 lowest DCT rows of the 32-cell area average, vertically (A) and
    horizontally (B), and the 8×9 area averages for dHash (C rows, D columns)."""
    m8 = _dct_matrix()[:8]
    a, b, c, d = [], [], [], []
    for fx, fy, fw, fh in WINDOWS:
        ry = _area_matrix(HASH_SIDE, h, fy * h, (fy + fh) * h)
        rx = _area_matrix(HASH_SIDE, w, fx * w, (fx + fw) * w)
        a.append(m8 @ ry)
        b.append(m8 @ rx)
        c.append(_area_matrix(8, h, fy * h, (fy + fh) * h))
        d.append(_area_matrix(9, w, fx * w, (fx + fw) * w))
    return np.stack(a), np.stack(b), np.stack(c), np.stack(d)


def _pack(bits: np.ndarray) -> list[str]:
    """(n, 64) booleans → n hex strings."""
    weights = (1 << np.arange(63, -1, -1, dtype=np.uint64)).astype(np.uint64)
    values = (bits.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
    return [f"{int(v):016x}" for v in values]


def window_hashes(image: Image.Image) -> tuple[list[str], list[str]]:
    """(pHashes, dHashes) of each of `WINDOWS` (the whole picture first), by area averaging
    a grey copy of at most `WINDOW_BASE` pixels (matrix products: about 0.3 ms in all)."""
    g = grey(image)
    if max(g.size) > WINDOW_BASE:
        g = g.copy()
        g.thumbnail((WINDOW_BASE, WINDOW_BASE), Image.Resampling.BILINEAR)
    pixels = np.asarray(g, dtype=np.float64)
    h, w = pixels.shape
    a, b, c, d = _window_operators(w, h)
    low = ((a @ pixels) @ b.transpose(0, 2, 1)).reshape(len(WINDOWS), 64)
    ph = low > np.median(low, axis=1, keepdims=True)
    small = (c @ pixels) @ d.transpose(0, 2, 1)
    dh = (small[:, :, 1:] > small[:, :, :-1]).reshape(len(WINDOWS), 64)
    return _pack(ph), _pack(dh)


def window_phashes(image: Image.Image) -> list[str]:
    """The pHash of each window but the whole picture, in order."""
    return window_hashes(image)[0][1:]


def detail(image: Image.Image) -> float:
    """How much the picture varies (standard deviation of the 32×32 grey values): a flat
    picture hashes like every other flat picture and is grouped only when identical."""
    small = np.asarray(grey(image).resize((HASH_SIDE, HASH_SIDE), Image.Resampling.BOX),
                       dtype=np.float64)
    return round(float(small.std()), 2)


def distance(a: str, b: str) -> int:
    """Hamming distance between two hex hashes of the same length."""
    return (int(a, 16) ^ int(b, 16)).bit_count()
