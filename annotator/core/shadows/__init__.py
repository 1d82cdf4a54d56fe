"""The sun and the shadows as a clock (issue 18): a shadow measured on a photo gives the
sun's azimuth (and elevation, when the object's height is known), with the uncertainty the
marking leaves; the times of day the sun stood there date the photo.

A package of its own beside `dating` (not inside it): the ground rectification and the
Monte Carlo are a concept apart from the check, and the one-way edge `shadows → dating`
(the sun's day, places, the check's input) keeps the check free of numpy geometry. The
check reads a saved measurement as a plain `dating.ShadowFact`.

- `measure_shadow(ShadowMarks, image_size)` → `ShadowMeasurement` (geometry, errors,
  refusals with reasons);
- `analyse(measurement, place, day, capture_utc)` → `ShadowResult` (windows, comparison;
  `to_json()` is `annotator shadow --json`);
- in a case: `set_shadow`, `clear_shadow`, `get_shadow`, `measure_photo_shadow`;
- `photo_day_chart` / `chart_of` → `DayChart`: what a chart of the sun's day shows (the
  app's and the report's).

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.shadows.analysis import ShadowResult, analyse, parse_day
from annotator.core.shadows.day_chart import (
    DayChart,
    chart_of,
    claimed_instant,
    measured_day_chart,
    photo_day_chart,
)
from annotator.core.shadows.measure import (
    DEFAULT_PIXEL_ERROR,
    ShadowMarks,
    ShadowMeasurement,
    measure_shadow,
)
from annotator.core.shadows.records import (
    StoredShadow,
    clear_shadow,
    get_shadow,
    measure_photo_shadow,
    set_shadow,
    shadows_by_photo,
)

__all__ = [
    "DEFAULT_PIXEL_ERROR",
    "DayChart",
    "chart_of",
    "claimed_instant",
    "measured_day_chart",
    "photo_day_chart",
    "ShadowMarks",
    "ShadowMeasurement",
    "ShadowResult",
    "StoredShadow",
    "analyse",
    "clear_shadow",
    "get_shadow",
    "measure_photo_shadow",
    "measure_shadow",
    "parse_day",
    "set_shadow",
    "shadows_by_photo",
]
