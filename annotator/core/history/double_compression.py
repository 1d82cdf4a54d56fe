"""Was this JPEG compressed twice? The DCT coefficients remember the first quantization.

A picture compressed at quality q1, decoded and compressed again at q2 > q1 carries, in
each DCT frequency k, coefficients that were multiples of the first step Q1[k] before being
re-quantized by the second step Q2[k]. Seen in units of Q2, only the values
round(m · Q1/Q2) can occur, and the others stay (nearly) empty: the histogram has holes
with the period of Q1/Q2 (Lukáš & Fridrich 2003; Popescu & Farid 2004). A single
compression leaves a smooth histogram.

For each candidate first quality (IJG tables, 30–99) we count how many coefficients fall in
the bins that candidate makes impossible, against what a smooth histogram would put there
(interpolated geometrically from the possible bins around). The candidate that explains the most
missing coefficients is the estimate; it is detected when its impossible bins hold at most
`HOLE_RATIO` of what they should. `confidence` grows with how empty they are and how many
coefficients the decision rests on.

The coefficients are read with `jpeglib` (libjpeg's own decoder; Pillow does not expose
them). It runs on demand (`annotator analyze`), never during an import. libjpeg's warnings
about a damaged file are kept off standard error (`c_warnings`): the file's one line says
what is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from annotator.core.history.quantization import STD_LUMA, scaled_table
from annotator.core.images.c_warnings import held_c_warnings

CANDIDATES = range(30, 100)
# Low-frequency AC positions (natural order) where the histograms are rich enough.
POSITIONS = (1, 8, 9, 2, 16, 10, 17, 3, 24, 11, 18, 25)
MAX_BIN = 40
HOLE_RATIO = 0.45  # impossible bins at most this full (vs a smooth histogram): detected
MIN_EXPECTED = 200.0  # coefficients a decision must rest on
MIN_BIN = 20.0  # a hole counts only where a smooth histogram would hold this many


@dataclass(frozen=True)
class DoubleCompression:
    detected: bool
    primary_quality: int | None
    confidence: float

    def to_json(self) -> dict[str, object]:
        return {"detected": self.detected, "primary_quality": self.primary_quality,
                "confidence": self.confidence}


def read_luma_coefficients(path: Path | str) -> tuple[np.ndarray, np.ndarray]:
    """(quantized luma DCT blocks as (N, 64) natural order, the luma table (64,))."""
    import jpeglib

    with held_c_warnings():
        dct = jpeglib.read_dct(str(path))
        y = np.asarray(dct.Y).reshape(-1, 64)
        qt = np.asarray(dct.qt)
    table = qt[0].reshape(64) if qt.ndim == 3 else qt.reshape(-1, 64)[0]
    return y, table.astype(np.int64)


def _histograms(blocks: np.ndarray) -> dict[int, np.ndarray]:
    out = {}
    for k in POSITIONS:
        values = np.abs(blocks[:, k])
        out[k] = np.bincount(np.minimum(values, MAX_BIN + 1), minlength=MAX_BIN + 2)[:MAX_BIN + 1]
    return out


def _possible_bins(q1: int, q2: int) -> np.ndarray:
    """Which |values| (in units of q2) a coefficient first quantized by q1 can take."""
    m = np.arange(0, int(MAX_BIN * q2 / q1) + 3)
    reach = np.unique(np.floor(m * q1 / q2 + 0.5).astype(int))
    mask = np.zeros(MAX_BIN + 1, dtype=bool)
    mask[reach[reach <= MAX_BIN]] = True
    # Decoding rounds pixels, so a value may land one bin off its ideal; only bins two away
    # from every possible one are counted as impossible when the steps are close.
    return mask


def _score(hist: np.ndarray, possible: np.ndarray) -> tuple[float, float]:
    """(observed, expected) coefficients in the impossible bins of one histogram."""
    idx = np.arange(1, MAX_BIN + 1)
    ok = possible[1:]
    if ok.all() or ok.sum() < 2:
        return 0.0, 0.0
    xs, ys = idx[ok], hist[1:][ok].astype(float)
    holes = idx[~ok]
    holes = holes[(holes > xs.min()) & (holes < xs.max())]  # interpolate, never extrapolate
    if holes.size == 0:
        return 0.0, 0.0
    # Geometric interpolation: DCT histograms decay about exponentially (Laplacian), so a
    # straight line between two bins would overestimate the one between them.
    expected = np.expm1(np.interp(holes, xs, np.log1p(ys)))
    # Sparse tails say nothing: a bin a smooth histogram would give few coefficients is
    # left out, so chance gaps far out do not pass for holes.
    rich = expected >= MIN_BIN
    return float(hist[holes[rich]].sum()), float(expected[rich].sum())


def estimate(blocks: np.ndarray, table: np.ndarray) -> DoubleCompression:
    """Detect a first compression from quantized luma blocks and their table."""
    hists = _histograms(blocks)
    best: tuple[float, int, float, float] | None = None  # (missing, q1, observed, expected)
    for q1 in CANDIDATES:
        t1 = scaled_table(STD_LUMA, q1)
        observed = expected = 0.0
        for k, hist in hists.items():
            q2k, q1k = int(table[k]), int(t1[k])
            if q2k < 2 or q1k <= q2k:
                continue
            o, e = _score(hist, _possible_bins(q1k, q2k))
            observed += o
            expected += e
        if expected < MIN_EXPECTED:
            continue
        missing = expected - observed
        if best is None or missing > best[0]:
            best = (missing, q1, observed, expected)
    if best is None:
        return DoubleCompression(False, None, 0.0)
    _, q1, observed, expected = best
    ratio = observed / expected
    support = min(1.0, expected / (20 * MIN_EXPECTED))
    if ratio <= HOLE_RATIO:
        confidence = round(min(1.0, (1 - ratio / HOLE_RATIO) * 0.5 + 0.5) * support, 2)
        return DoubleCompression(True, q1, confidence)
    confidence = round(min(1.0, (ratio - HOLE_RATIO) / (1 - HOLE_RATIO)) * support, 2)
    return DoubleCompression(False, None, confidence)


def detect(path: Path | str) -> DoubleCompression:
    """Read the file's luma coefficients and look for a first compression."""
    blocks, table = read_luma_coefficients(path)
    return estimate(blocks, table)
