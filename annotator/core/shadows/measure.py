"""A shadow measured on a photo: from the investigator's marks to the sun's azimuth and
elevation, with the uncertainty the marking leaves.

The marks (`ShadowMarks`) are four corners of a rectangle lying on the ground, its size and
the true bearing of its first side, the foot of a vertical object and the tip of its shadow,
and optionally the object's height. The ground plane is rectified by the homography of the
four corners (`geometry`); the shadow's bearing and length on the ground follow; the sun
stands opposite the shadow (azimuth = bearing + 180°) at elevation atan(height / length).

Uncertainty: Monte Carlo with a fixed seed (the same marks always give the same figures).
Each of the six points is moved by Gaussian noise of `pixel_error` pixels (one standard
deviation, per axis) 2 000 times, and the whole computation is redone. A Monte Carlo was
chosen over a linearised Jacobian because the homography is far from linear near a
rectangle seen obliquely or a shadow reaching towards the horizon, exactly where an honest
error matters; it also counts how often the noise makes the input degenerate. The errors
given are half-widths of 95 % confidence: 1.96 σ for the azimuth alone, and 2.45 σ
(√χ²₂(0.95)) for each angle when both are measured, so the box they draw holds the true
direction at least 95 % of the time. They count the marking only (and a height from the
aircraft table, which carries its own error): the typed size and bearing are taken as exact,
the ground as flat and level, the object as vertical.

Refused, with the reason (`InputRejected`), rather than answered wrongly: points outside the
photo, corners that do not go round a convex quadrilateral, a rectangle seen nearly edge-on,
a foot or tip at or beyond the ground's horizon line, a shadow too short for the marking's
precision, and input so near degenerate that the noise breaks it or the azimuth's error
exceeds 45°.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.core.dating.sun_day import SunBand
from annotator.core.errors import InputRejected
from annotator.core.shadows.geometry import (
    bearing_and_length,
    ground_corners,
    homography,
    is_convex,
    signed_area,
    thickness,
    to_ground,
)

SAMPLES = 2000
SEED = 18  # issue 18: fixed, so a measurement is reproducible to the last digit
K_ONE = 1.96  # 95 % of one Gaussian angle
K_TWO = 2.45  # √χ²₂(0.95): a 95 % ellipse of two angles fits in the box of these half-widths
DEFAULT_PIXEL_ERROR = 2.0
MIN_SHADOW_PIXEL_ERRORS = 10.0  # a shadow shorter than 10 marking errors says little
MIN_THICKNESS_PIXEL_ERRORS = 8.0  # a rectangle thinner than this is seen (nearly) edge-on
MAX_BAD_SAMPLES = 0.01  # more noise draws than this degenerate: the input is on the edge
MAX_AZIMUTH_ERROR = 45.0
ERROR_FLOOR_DEG = 0.05  # no window of zero width: the sun model itself is good to 0.01°

Point = tuple[float, float]


@dataclass(frozen=True)
class ShadowMarks:
    """What the investigator marked and typed (points in displayed pixels)."""

    ground: tuple[Point, Point, Point, Point]
    ground_size: tuple[float, float]  # length of side 1→2, width of side 2→3, metres
    ground_bearing: float  # degrees true of side 1→2
    foot: Point
    tip: Point
    height: float | None = None  # metres
    height_source: str | None = None  # "typed", or "C-130H: height overall (fin tip)"
    pixel_error: float = DEFAULT_PIXEL_ERROR
    height_error: float = 0.0  # metres, one standard deviation (a type's load-dependent range)

    def to_json(self) -> dict[str, Any]:
        return {"ground": [list(p) for p in self.ground],
                "ground_size": list(self.ground_size), "ground_bearing": self.ground_bearing,
                "foot": list(self.foot), "tip": list(self.tip), "height": self.height,
                "height_source": self.height_source, "pixel_error": self.pixel_error,
                "height_error": self.height_error}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShadowMarks:
        g = [(float(p[0]), float(p[1])) for p in data["ground"]]
        return cls(ground=(g[0], g[1], g[2], g[3]),
                   ground_size=(float(data["ground_size"][0]), float(data["ground_size"][1])),
                   ground_bearing=float(data["ground_bearing"]),
                   foot=(float(data["foot"][0]), float(data["foot"][1])),
                   tip=(float(data["tip"][0]), float(data["tip"][1])),
                   height=None if data.get("height") is None else float(data["height"]),
                   height_source=data.get("height_source"),
                   pixel_error=float(data.get("pixel_error") or DEFAULT_PIXEL_ERROR),
                   height_error=float(data.get("height_error") or 0.0))


@dataclass(frozen=True)
class ShadowMeasurement:
    """The shadow on the ground and the sun it implies, with 95 % errors (degrees)."""

    marks: ShadowMarks
    bearing: float  # degrees true, foot → tip
    length_m: float
    azimuth: float
    azimuth_error: float
    elevation: float | None
    elevation_error: float | None
    length_error_m: float
    rectangle_on_right: bool  # seen from above, the rectangle lies right of side 1→2

    @property
    def band(self) -> SunBand:
        return SunBand(self.azimuth, self.azimuth_error, self.elevation, self.elevation_error)

    def to_json(self) -> dict[str, Any]:
        """`shadow` and `sun` of `annotator shadow --json`."""
        return {"shadow": {"bearing": round(self.bearing, 2),
                           "length_m": round(self.length_m, 3)},
                "sun": self.band.to_json()}


def _check_numbers(marks: ShadowMarks) -> None:
    values = [c for p in (*marks.ground, marks.foot, marks.tip) for c in p]
    values += [*marks.ground_size, marks.ground_bearing, marks.pixel_error]
    if marks.height is not None:
        values.append(marks.height)
    if not all(math.isfinite(v) for v in values):
        raise InputRejected("every point, size, bearing and height must be a finite number",
                            code="SHADOW_NOT_A_NUMBER")
    length, width = marks.ground_size
    if length <= 0 or width <= 0:
        raise InputRejected(f"the ground rectangle's size must be positive (got {length} × "
                            f"{width} m)", code="SHADOW_BAD_SIZE", length=length, width=width)
    if marks.height is not None and marks.height <= 0:
        raise InputRejected(f"the object's height must be positive (got {marks.height} m)",
                            code="SHADOW_BAD_HEIGHT", height=marks.height)
    if not 0 < marks.pixel_error <= 50:
        raise InputRejected(f"the pixel error must be between 0 and 50 pixels (got "
                            f"{marks.pixel_error})", code="SHADOW_BAD_PIXEL_ERROR",
                            pixel_error=marks.pixel_error)


def _check_inside(marks: ShadowMarks, image_size: tuple[int, int] | None) -> None:
    if image_size is None:
        return
    width, height = image_size
    named = [(f"ground corner {i + 1}", p) for i, p in enumerate(marks.ground)]
    named += [("foot", marks.foot), ("shadow tip", marks.tip)]
    for what, (x, y) in named:
        if not (0 <= x <= width and 0 <= y <= height):
            raise InputRejected(f"the {what} ({x:g},{y:g}) lies outside the {width}×{height} "
                                "photo (displayed pixels, after EXIF orientation)",
                                code="SHADOW_POINT_OUTSIDE", what=what, x=f"{x:g}", y=f"{y:g}",
                                width=width, height=height)


def _refuse_edge_on(thin: float, marks: ShadowMarks) -> None:
    limit = MIN_THICKNESS_PIXEL_ERRORS * marks.pixel_error
    if thin < limit:
        thin_text, limit_text = f"{thin:.0f}", f"{limit:.0f}"
        raise InputRejected(f"the ground rectangle is seen nearly edge-on ({thin_text} px "
                            f"across, less than {limit_text} px): its corners cannot rectify "
                            "the ground; mark a rectangle seen more from above",
                            code="SHADOW_GROUND_EDGE_ON", thin_text=thin_text,
                            limit_text=limit_text)


def measure_shadow(marks: ShadowMarks,
                   image_size: tuple[int, int] | None = None) -> ShadowMeasurement:
    """Measure the shadow (see the module docstring); `image_size` is the photo's displayed
    (width, height), when known, to refuse points outside it."""
    _check_numbers(marks)
    _check_inside(marks, image_size)
    quad = np.array(marks.ground, dtype=float)
    if not bool(is_convex(quad)):
        raise InputRejected("the four ground corners do not go round a convex quadrilateral: "
                            "mark them in order around the rectangle (either way round)",
                            code="SHADOW_GROUND_NOT_CONVEX")
    _refuse_edge_on(thickness(quad), marks)
    foot, tip = np.array(marks.foot, dtype=float), np.array(marks.tip, dtype=float)
    shadow_px = float(np.hypot(*(tip - foot)))
    shortest = MIN_SHADOW_PIXEL_ERRORS * marks.pixel_error
    if shadow_px < shortest:
        px_text, min_text = f"{shadow_px:.0f}", f"{shortest:.0f}"
        raise InputRejected(f"the shadow is {px_text} px long, too short for a marking "
                            f"precision of {marks.pixel_error:g} px (at least {min_text} px)",
                            code="SHADOW_TOO_SHORT", px_text=px_text,
                            pixel_error=f"{marks.pixel_error:g}", min_text=min_text)

    on_right = float(signed_area(quad)) < 0  # clockwise on the map: the rectangle turns right
    length, width = marks.ground_size
    ground = ground_corners(length, width, marks.ground_bearing, on_right)

    rng = np.random.default_rng(SEED)
    points = np.concatenate([quad, foot[None], tip[None]])  # (6, 2)
    noise = rng.normal(0.0, marks.pixel_error, size=(SAMPLES, 6, 2))
    batch = np.concatenate([points[None], points[None] + noise])  # row 0: the marks as given
    h, cond = homography(batch[:, :4], ground)
    mapped, w = to_ground(h, batch)
    corner_sign = np.sign(w[:, :4])
    same_side = np.all(corner_sign == corner_sign[:, :1], axis=1)
    beyond = np.any(np.sign(w[:, 4:]) != corner_sign[:, :1], axis=1)
    if not np.isfinite(cond[0]) or not same_side[0]:
        _refuse_edge_on(0.0, marks)
    if beyond[0]:
        raise InputRejected("the foot or the shadow's tip lies at or beyond the ground's "
                            "horizon line (as the rectangle fixes it): it cannot be on the "
                            "ground; check the marks", code="SHADOW_BEYOND_HORIZON")
    turned = (signed_area(batch[:, :4]) < 0) != on_right
    good = np.isfinite(cond) & same_side & ~beyond & is_convex(batch[:, :4]) & ~turned
    bad_share = 1.0 - float(good[1:].mean())
    if bad_share > MAX_BAD_SAMPLES:
        share = f"{100 * bad_share:.0f}"
        raise InputRejected(f"the marks are too near a degenerate case: a marking error of "
                            f"{marks.pixel_error:g} px turns {share} % of plausible markings "
                            "into impossible ones (rectangle edge-on, tip past the horizon); "
                            "mark a larger rectangle or a shadow nearer the camera",
                            code="SHADOW_NEAR_DEGENERATE", pixel_error=f"{marks.pixel_error:g}",
                            share=share)

    bearings, lengths = bearing_and_length(mapped[:, 4], mapped[:, 5])
    bearing, length_m = float(bearings[0]), float(lengths[0])
    ok = good.copy()
    ok[0] = False
    spread = (bearings[ok] - bearing + 180.0) % 360.0 - 180.0
    sigma_az = float(np.sqrt(np.mean(spread ** 2)))
    k = K_TWO if marks.height is not None else K_ONE
    azimuth_error = max(ERROR_FLOOR_DEG, k * sigma_az)
    if azimuth_error > MAX_AZIMUTH_ERROR:
        err_text = f"{azimuth_error:.0f}"
        raise InputRejected(f"the shadow's direction is known only within ±{err_text}° at a "
                            f"marking precision of {marks.pixel_error:g} px: too uncertain to "
                            "date anything", code="SHADOW_TOO_UNCERTAIN", err_text=err_text,
                            pixel_error=f"{marks.pixel_error:g}")
    elevation = elevation_error = None
    if marks.height is not None:
        heights = np.full(lengths.shape, marks.height)
        if marks.height_error > 0:
            heights[1:] += rng.normal(0.0, marks.height_error, size=SAMPLES)
        elevations = np.degrees(np.arctan2(heights, lengths))
        elevation = float(elevations[0])
        sigma_el = float(np.sqrt(np.mean((elevations[ok] - elevation) ** 2)))
        elevation_error = max(ERROR_FLOOR_DEG, K_TWO * sigma_el)
    length_error = K_ONE * float(np.sqrt(np.mean((lengths[ok] - length_m) ** 2)))
    return ShadowMeasurement(marks=marks, bearing=bearing, length_m=length_m,
                             azimuth=(bearing + 180.0) % 360.0, azimuth_error=azimuth_error,
                             elevation=elevation, elevation_error=elevation_error,
                             length_error_m=length_error, rectangle_on_right=on_right)
