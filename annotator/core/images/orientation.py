"""EXIF Orientation ↔ displayed pixel space.

A photo is stored as the sensor read it and shown after the EXIF Orientation transform.
Boxes are kept in *displayed* pixel space (what the examiner sees), so every tool that draws
or crops must agree on this mapping; labelImg #198 and CVAT #733 are what happens otherwise.

Coordinates here are continuous: (0, 0) is the top-left corner of the top-left pixel and
(w, h) the bottom-right corner of the bottom-right pixel, so a box maps exactly and a
mapping followed by its inverse is the identity.

The eight values (TIFF 6.0 / EXIF 2.32), as "where row 0 and column 0 of the stored image
are shown":
1 top-left (as stored), 2 mirrored left-right, 3 rotated 180°, 4 mirrored top-bottom,
5 transposed (mirror about the main diagonal), 6 rotated 90° clockwise to display,
7 transversed (mirror about the anti-diagonal), 8 rotated 90° counter-clockwise to display.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

VALID = frozenset(range(1, 9))


def normalize(orientation: object) -> int:
    """An orientation we can apply: 1–8 as given, anything else (None, 0, 9, junk) is 1."""
    try:
        value = int(orientation)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return value if value in VALID else 1


def swaps_axes(orientation: int | None) -> bool:
    """True for 5–8, where the displayed width is the stored height."""
    return normalize(orientation) >= 5


def displayed_size(stored_w: int, stored_h: int, orientation: int | None) -> tuple[int, int]:
    """The (width, height) shown for a stored size under `orientation` (swapped for 5–8)."""
    if swaps_axes(orientation):
        return stored_h, stored_w
    return stored_w, stored_h


def stored_to_displayed_point(
    x: float, y: float, stored_w: float, stored_h: float, orientation: int | None
) -> tuple[float, float]:
    """Map a point of the stored image to where it is shown."""
    o = normalize(orientation)
    w, h = stored_w, stored_h
    if o == 1:
        return x, y
    if o == 2:
        return w - x, y
    if o == 3:
        return w - x, h - y
    if o == 4:
        return x, h - y
    if o == 5:
        return y, x
    if o == 6:
        return h - y, x
    if o == 7:
        return h - y, w - x
    return y, w - x  # 8


def displayed_to_stored_point(
    x: float, y: float, stored_w: float, stored_h: float, orientation: int | None
) -> tuple[float, float]:
    """Map a point as shown back to the stored image (the inverse of the function above)."""
    o = normalize(orientation)
    w, h = stored_w, stored_h
    if o in (1, 2, 3, 4, 5, 7):
        # These are their own inverses (mirrors and the half turn).
        if o in (5, 7):
            # Displayed space has size (h, w); the same formula with axes swapped.
            return stored_to_displayed_point(x, y, h, w, o)
        return stored_to_displayed_point(x, y, w, h, o)
    if o == 6:
        return y, h - x
    return w - y, x  # 8


def _box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def stored_to_displayed_box(
    box: tuple[float, float, float, float], stored_w: float, stored_h: float,
    orientation: int | None,
) -> tuple[float, float, float, float]:
    """Map an axis-aligned box (x0, y0, x1, y1) from stored to displayed space, normalized so
    x0 <= x1 and y0 <= y1 (every orientation maps boxes to boxes)."""
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y1)]
    return _box([stored_to_displayed_point(x, y, stored_w, stored_h, orientation)
                 for x, y in corners])


def displayed_to_stored_box(
    box: tuple[float, float, float, float], stored_w: float, stored_h: float,
    orientation: int | None,
) -> tuple[float, float, float, float]:
    """Map an axis-aligned box from displayed back to stored space, normalized."""
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y1)]
    return _box([displayed_to_stored_point(x, y, stored_w, stored_h, orientation)
                 for x, y in corners])


def _transpose_method(orientation: int) -> int | None:
    from PIL import Image

    return {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)


def upright(image: Image.Image, orientation: int | None) -> Image.Image:
    """The image as displayed: `image` transformed by `orientation` (a new image; the same
    object for 1 or an unusable value). Never touches the file."""
    method = _transpose_method(normalize(orientation))
    if method is None:
        return image
    return image.transpose(method)  # type: ignore[arg-type] # Pillow takes the int value
