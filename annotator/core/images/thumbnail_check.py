"""Does the embedded EXIF thumbnail show the same picture as the main image?

Editors often rewrite the main image but leave the camera's thumbnail in place, so a crop or
a retouch shows as a thumbnail that no longer matches. Both are compared as stored (EXIF
thumbnails are unrotated like the main image, so Orientation plays no part), reduced to a
16 × 16 grey grid. Cameras letterbox a 3:2 picture into a 4:3 thumbnail with black bars;
those are trimmed before comparing shapes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

GRID = 16
BLUR_RADIUS = 1.0  # on a 64 × 64 reduction: forgives the sub-pixel shifts of resampling
ASPECT_TOLERANCE = 0.05  # relative: a 5 % change of width/height ratio is a crop
# Differences are in standard deviations of each grid (so a thumbnail rendered lighter or
# darker than the main image still matches). Measured on the 136 camera files with EXIF
# thumbnails in ../shared/corpus: unedited camera files stay below 0.15 mean / 0.9 max; a
# 10 % crop reaches 1.4 max and a retouched patch of 1/100 of the picture 1.8.
MEAN_DIFF_LIMIT = 0.2
CELL_DIFF_LIMIT = 1.2
# A slightly different shape whose stretched content still matches closely is a resize with
# rounding (seen in the corpus), not a crop; a crop also moves the content.
RESIZE_CELL_LIMIT = 0.5
RESIZE_ASPECT_LIMIT = 0.15
BAR_LEVEL = 16  # grey level under which a thumbnail border counts as a letterbox bar


@dataclass(frozen=True)
class ThumbnailComparison:
    """The outcome: `same` or not, with the reason and the figures behind it."""

    same: bool
    reason: str  # "match", "shape", "content"
    main_aspect: float
    thumb_aspect: float
    mean_difference: float
    max_cell_difference: float
    thumb_width: int
    thumb_height: int

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ThumbnailComparison:
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls)})  # type: ignore[arg-type]


def exif_thumbnail(path: Path) -> bytes | None:
    """The JPEG bytes of the file's IFD1 thumbnail, or None when it has none."""
    import exifread

    try:
        with open(path, "rb") as fh:
            tags = exifread.process_file(fh, details=False, extract_thumbnail=True)
    except Exception:  # noqa: BLE001 - exifread on a damaged file raises anything (EOFError…)
        return None
    data = tags.get("JPEGThumbnail")
    return bytes(data) if data else None


def _grid(image) -> list[float]:  # type: ignore[no-untyped-def]
    """The picture as GRID × GRID grey cells, standardized (mean 0, deviation 1)."""
    from PIL import Image, ImageFilter

    grey = image.convert("L").resize((GRID * 4, GRID * 4), Image.Resampling.BOX)
    small = grey.filter(ImageFilter.GaussianBlur(BLUR_RADIUS)).resize(
        (GRID, GRID), Image.Resampling.BOX)
    cells = [float(v) for v in small.tobytes()]
    mean = sum(cells) / len(cells)
    spread = (sum((c - mean) ** 2 for c in cells) / len(cells)) ** 0.5 or 1.0
    return [(c - mean) / spread for c in cells]


def _trim_bars(image):  # type: ignore[no-untyped-def]
    grey = image.convert("L")
    mask = grey.point(lambda v: 255 if v > BAR_LEVEL else 0)
    box = mask.getbbox()
    return image.crop(box) if box else image


def compare_thumbnail(path: Path, thumb_bytes: bytes | None = None) -> ThumbnailComparison | None:
    """Compare the file's EXIF thumbnail with its main image; None when there is no
    thumbnail or either cannot be decoded."""
    import io

    from PIL import Image

    data = thumb_bytes if thumb_bytes is not None else exif_thumbnail(path)
    if not data:
        return None
    try:
        thumb = Image.open(io.BytesIO(data))
        thumb.load()
        main = Image.open(path)
        main.draft("L", (GRID * 8, GRID * 8))  # JPEG DCT scaling: decode at 1/8 size
        main.load()
    except Exception:  # noqa: BLE001 - a damaged file or a decompression bomb: no verdict
        return None
    main_aspect = main.width / main.height
    thumb_aspect = thumb.width / thumb.height

    def close(a: float, b: float) -> bool:
        return abs(a - b) / b <= ASPECT_TOLERANCE

    if not close(thumb_aspect, main_aspect):
        trimmed = _trim_bars(thumb)
        if close(trimmed.width / trimmed.height, main_aspect):
            thumb, thumb_aspect = trimmed, trimmed.width / trimmed.height
    a, b = _grid(main), _grid(thumb)
    diffs = [abs(x - y) for x, y in zip(a, b, strict=True)]
    mean_diff = sum(diffs) / len(diffs)
    max_diff = max(diffs)
    reshaped = not close(thumb_aspect, main_aspect)
    if reshaped and (max_diff > RESIZE_CELL_LIMIT
                     or abs(thumb_aspect - main_aspect) / main_aspect > RESIZE_ASPECT_LIMIT):
        reason = "shape"
    elif mean_diff > MEAN_DIFF_LIMIT or max_diff > CELL_DIFF_LIMIT:
        reason = "content"
    else:
        reason = "match"
    return ThumbnailComparison(
        same=reason == "match",
        reason=reason,
        main_aspect=round(main_aspect, 4),
        thumb_aspect=round(thumb_aspect, 4),
        mean_difference=round(mean_diff, 3),
        max_cell_difference=round(max_diff, 3),
        thumb_width=thumb.width,
        thumb_height=thumb.height,
    )
