"""Preparing a box's pixels for the engine: crop, scale, pad, contrast, and turn.

The engine reads best when text is 30–100 px high, has some plain margin around it and
runs level. A box drawn round a registration on a distant aircraft may hold text 15 px
high touching its edges, skewed by the camera angle, softened by blur and JPEG. So the crop
is enlarged when small (shrunk when huge), padded with its own edge colour, stretched to
full contrast, and, when the first reading is not sure, turned level by the angle of the
line the detector found or by a few trial angles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageOps

# A crop whose short side is under this is enlarged to it (text of a tight box ~ 40-60 % of
# its height); one whose long side is over MAX_SIDE is reduced (the detector works at 960).
MIN_SIDE = 96
MAX_SIDE = 1280
# The first search for text lines runs on the crop reduced to this long side (the detector's
# time grows with its input's area; painted marks in a box are rarely smaller than 1/30 of
# its width); the full prepared crop is searched only when that finds no sure registration.
FIRST_SEARCH_SIDE = 640
MAX_UPSCALE = 4.0
PAD_FRACTION = 0.12
TRIAL_ANGLES = (-12.0, -6.0, 6.0, 12.0)


def crop_box(image: Image.Image, box: Sequence[float]) -> Image.Image:
    """The part of an upright image inside `box` (x, y, w, h in its pixels), as RGB."""
    x, y, w, h = (float(v) for v in box)
    left, top = max(0, math.floor(x)), max(0, math.floor(y))
    right, bottom = min(image.width, math.ceil(x + w)), min(image.height, math.ceil(y + h))
    return image.crop((left, top, right, bottom)).convert("RGB")


def scale_for_reading(crop: Image.Image) -> Image.Image:
    """Enlarge a small crop (up to ×4) or reduce a huge one, keeping its proportions."""
    short, long = min(crop.size), max(crop.size)
    factor = 1.0
    if short < MIN_SIDE:
        factor = min(MAX_UPSCALE, MIN_SIDE / max(1, short))
    if long * factor > MAX_SIDE:
        factor = MAX_SIDE / long
    if abs(factor - 1.0) < 0.05:
        return crop
    size = (max(1, round(crop.width * factor)), max(1, round(crop.height * factor)))
    return crop.resize(size, Image.Resampling.LANCZOS if factor < 1 else Image.Resampling.BICUBIC)


def reduced(image: Image.Image, side: int) -> Image.Image:
    """The image with its long side at most `side` (the same image when it is smaller)."""
    long = max(image.size)
    if long <= side:
        return image
    factor = side / long
    return image.resize((max(1, round(image.width * factor)), max(1, round(image.height * factor))),
                        Image.Resampling.LANCZOS)


def _edge_colour(image: Image.Image) -> tuple[int, int, int]:
    pixels = np.asarray(image, dtype=np.float32)
    edges = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return tuple(int(v) for v in np.median(edges, axis=0))  # type: ignore[return-value]


def pad(image: Image.Image, fraction: float = PAD_FRACTION) -> Image.Image:
    """A margin of the image's own edge colour around it (text touching the box's edge)."""
    border = max(4, round(min(image.size) * fraction))
    return ImageOps.expand(image, border=border, fill=_edge_colour(image))


def stretch_contrast(image: Image.Image) -> Image.Image:
    """Full range, 1 % clipped at each end (faded paint, haze)."""
    return ImageOps.autocontrast(image, cutoff=1)


def prepare(crop: Image.Image) -> Image.Image:
    """The crop as the engine first sees it: scaled, contrast stretched, padded."""
    return pad(stretch_contrast(scale_for_reading(crop)))


def turn(image: Image.Image, degrees: float) -> Image.Image:
    """The image turned counter-clockwise by `degrees`, enlarged to keep every corner, the
    new corners filled with its edge colour."""
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True,
                        fillcolor=_edge_colour(image))


def line_angle(quad: Sequence[tuple[float, float]]) -> float:
    """The slope of a detected line's quadrilateral (top-left, top-right, bottom-right,
    bottom-left), in degrees counter-clockwise: the turn that levels it."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad[:4]
    top = math.degrees(math.atan2(y0 - y1, x1 - x0))
    bottom = math.degrees(math.atan2(y3 - y2, x2 - x3))
    return (top + bottom) / 2


def as_array(image: Image.Image) -> np.ndarray:
    """RGB pixels as the engine takes them (height × width × 3, uint8)."""
    return np.ascontiguousarray(np.asarray(image.convert("RGB"), dtype=np.uint8))
