"""Pixels: decoding (with its bomb limit), EXIF orientation, RAW previews, container headers,
and the comparison of a photo with its embedded EXIF thumbnail.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.images.container_header import header_claimed_size, scan_xmp
from annotator.core.images.decode import (
    Geometry,
    exif_orientation,
    format_of,
    full_upright,
    geometry,
    is_self_orienting,
    open_image,
    reduced_upright,
)
from annotator.core.images.orientation import displayed_size, normalize, upright
from annotator.core.images.raw_preview import TYPE_SIZES
from annotator.core.images.thumbnail_check import ThumbnailComparison, compare_thumbnail

__all__ = [
    "Geometry",
    "TYPE_SIZES",
    "ThumbnailComparison",
    "compare_thumbnail",
    "displayed_size",
    "exif_orientation",
    "format_of",
    "full_upright",
    "geometry",
    "header_claimed_size",
    "is_self_orienting",
    "normalize",
    "open_image",
    "reduced_upright",
    "scan_xmp",
    "upright",
]
