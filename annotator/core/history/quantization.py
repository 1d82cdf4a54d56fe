"""JPEG quality from quantization tables: which IJG quality reproduces them.

libjpeg (and so Pillow, cjpeg, GIMP, ImageMagick and most web services' encoders) derive
their tables from the two example tables of the JPEG standard (T.81 Annex K), scaled by
`jpeg_quality_scaling`: quality q < 50 scales by 5000/q %, otherwise by 200 - 2q %, each
value rounded and clamped to 1..255. When a file's table is exactly one of those 100, its
quality is known exactly; otherwise (cameras, Photoshop, tuned encoders) we give the
nearest IJG quality and the mean absolute deviation from its table, and say it is not
standard.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

# T.81 Annex K.1, natural order.
STD_LUMA = (
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99,
)
STD_CHROMA = (
    17, 18, 24, 47, 99, 99, 99, 99,
    18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99,
    47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
)


@dataclass(frozen=True)
class QualityEstimate:
    """The IJG quality nearest to one table; `exact` when the table is IJG's own."""

    quality: int
    exact: bool
    deviation: float  # mean |table - IJG table|, 0.0 when exact


def scaled_table(base: tuple[int, ...], quality: int) -> tuple[int, ...]:
    """libjpeg's `jpeg_add_quant_table` with force_baseline: the table for `quality`."""
    q = min(max(int(quality), 1), 100)
    scale = 5000 // q if q < 50 else 200 - 2 * q
    return tuple(min(max((v * scale + 50) // 100, 1), 255) for v in base)


@cache
def _all_tables(chroma: bool) -> np.ndarray:
    """(100, 64): IJG's table for qualities 1..100."""
    base = STD_CHROMA if chroma else STD_LUMA
    return np.array([scaled_table(base, q) for q in range(1, 101)], dtype=np.int64)


def estimate(table: tuple[int, ...], *, chroma: bool) -> QualityEstimate:
    """The IJG quality that reproduces `table` (natural order), or the nearest one (the
    lowest such quality when several tie)."""
    deviation = np.abs(_all_tables(chroma) - np.asarray(table, dtype=np.int64)).mean(axis=1)
    q = int(np.argmin(deviation))
    if deviation[q] == 0:
        return QualityEstimate(q + 1, True, 0.0)
    return QualityEstimate(q + 1, False, round(float(deviation[q]), 2))
