"""The pictures of a packet: each photo upright with its boxes burned in and a caption
strip, a full-resolution crop of every box, and an upright copy for the datasets.

All pixels come from `annotator.core.images.decode` (the same upright view the canvas shows), so a
box drawn on a rotated phone photo is drawn and cropped on the same aircraft here. Encoding
settings are fixed and no metadata is written, so the same photo and boxes always give the
same bytes. The original file is only ever read.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from annotator.core.errors import InputRejected
from annotator.core.images.decode import (
    exif_orientation,
    full_upright,
    is_self_orienting,
    open_image,
    reduced_upright,
)
from annotator.core.images.orientation import normalize, upright
from annotator.core.packet.fonts import font_files

MAX_SIDE = 2048
BOX_COLOUR = (255, 212, 0)
OUTLINE = (0, 0, 0)
STRIP_BG = (24, 28, 36)
STRIP_FG = (255, 255, 255)
STRIP_DIM = (190, 198, 210)
ANNOTATED_JPEG = {"quality": 90, "subsampling": 0, "optimize": False, "progressive": False}
CROP_JPEG = {"quality": 95, "subsampling": 0, "optimize": False, "progressive": False}
# The report's copies: enough for A4 at 300 dpi, a fraction of the bytes (the PDF is built in
# memory, so its pictures are kept small; the full pictures are in the packet beside it).
REPORT_SIDE = 1400
REPORT_CROP_SIDE = 900
REPORT_JPEG = {"quality": 85, "subsampling": 0, "optimize": False, "progressive": False}
# Formats a detector or labelling tool reads directly; others get an upright copy.
DATASET_READABLE = frozenset({"JPEG", "PNG", "BMP", "WEBP"})


@dataclass(frozen=True)
class DrawnBox:
    """A box to burn in: its number in the photo, displayed-pixel rectangle and tag text."""

    number: int
    x: float
    y: float
    w: float
    h: float
    tag: str


@dataclass(frozen=True)
class RenderJob:
    """Everything needed to render one photo, as plain values (safe to hand to a thread).
    The pictures depend on these values alone, so they also key the render cache."""

    sha256: str
    name: str  # the original's name in the packet (for messages)
    source: Path
    orientation: int | None
    width: int
    height: int
    boxes: tuple[DrawnBox, ...]
    caption_top: str
    caption_bottom: str
    dataset_suffix: str | None  # ".jpg" or ".png" when the datasets need an upright copy


# The files one render writes into its folder (the export packs them under packet names).
ANNOTATED = "annotated.jpg"
REPORT_PREFIX = "report-"  # the report's smaller copy of a picture: REPORT_PREFIX + name


def crop_file(number: int) -> str:
    return f"crop-{number:02d}.jpg"


def dataset_file(suffix: str) -> str:
    return f"dataset{suffix}"


def shown_files(job: RenderJob) -> list[str]:
    """The pictures the report shows (each has a smaller REPORT_PREFIX copy)."""
    return [ANNOTATED, *(crop_file(b.number) for b in job.boxes)]


def picture_files(job: RenderJob) -> list[str]:
    """The packed pictures of `job`: annotated, crops, dataset copy (not the report's)."""
    names = shown_files(job)
    if job.dataset_suffix:
        names.append(dataset_file(job.dataset_suffix))
    return names


def needs_dataset_copy(orientation: int | None, fmt: str | None) -> bool:
    """True when datasets need an upright copy: the picture is rotated or mirrored by its
    Orientation (tools disagree on applying it), or the format is one tools cannot read."""
    return (orientation not in (None, 1)) or ((fmt or "").upper() not in DATASET_READABLE)


LOSSLESS_FORMATS = frozenset({"PNG", "TIFF", "BMP", "GIF", "PPM"})


def dataset_copy_suffix(fmt: str | None) -> str:
    """PNG for a lossless original (screenshots, scans), JPEG for the rest (camera and phone
    photos, HEIC included): a 12 MP PNG would cost seconds and tens of megabytes."""
    return ".png" if (fmt or "").upper() in LOSSLESS_FORMATS else ".jpg"


@functools.cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    files = font_files()
    return ImageFont.truetype(str(files.bold if bold else files.regular), size)


def crop_rect(box: DrawnBox, width: int, height: int) -> tuple[int, int, int, int]:
    """The pixel rectangle a crop takes: the box rounded outward, inside the picture, at
    least one pixel."""
    left = max(0, min(width - 1, math.floor(box.x)))
    top = max(0, min(height - 1, math.floor(box.y)))
    right = max(left + 1, min(width, math.ceil(box.x + box.w)))
    bottom = max(top + 1, min(height, math.ceil(box.y + box.h)))
    return left, top, right, bottom


def _fit_text(text: str, width: int, size: int, bold: bool) -> str:
    """Shorten `text` with an ellipsis in the middle until it fits `width` pixels."""
    font = _font(size, bold)
    if font.getlength(text) <= width:
        return text
    keep = len(text)
    while keep > 8:
        keep -= max(1, keep // 10)
        half = keep // 2
        candidate = text[:half] + "…" + text[-(keep - half):]
        if font.getlength(candidate) <= width:
            return candidate
    return text[:8] + "…"


def _strip_height(width: int) -> tuple[int, int]:
    """(strip height, font size) for a caption strip under a picture `width` pixels wide."""
    size = max(14, min(36, round(width / 55)))
    return round(size * 3.1), size


def _draw_boxes(canvas: Image.Image, boxes: tuple[DrawnBox, ...], scale: float) -> None:
    draw = ImageDraw.Draw(canvas)
    long_side = max(canvas.size)
    line = max(3, round(long_side / 350))
    size = max(12, round(long_side / 55))
    font = _font(size, bold=True)
    for box in boxes:
        x0, y0 = box.x * scale, box.y * scale
        x1, y1 = (box.x + box.w) * scale, (box.y + box.h) * scale
        # A dark rim on both sides of the yellow line keeps it visible on sky and on sand.
        draw.rectangle((x0 - line, y0 - line, x1 + line, y1 + line), outline=OUTLINE, width=1)
        draw.rectangle((x0, y0, x1, y1), outline=BOX_COLOUR, width=line)
        draw.rectangle((x0 + line, y0 + line, x1 - line, y1 - line), outline=OUTLINE, width=1)
        tag = box.tag
        left, top, right, bottom = draw.textbbox((0, 0), tag, font=font)
        tw, th = right - left, bottom - top
        pad = max(3, size // 5)
        ty = y0 - line - th - 2 * pad
        if ty < 0:  # no room above the box: put the tag just inside its top edge
            ty = y0 + line
        tx = min(max(0.0, x0 - line), canvas.width - tw - 2 * pad)
        draw.rectangle((tx, ty, tx + tw + 2 * pad, ty + th + 2 * pad), fill=BOX_COLOUR,
                       outline=OUTLINE)
        draw.text((tx + pad - left, ty + pad - top), tag, font=font, fill=OUTLINE)


def _fit_scale(w: int, h: int) -> float:
    """The largest scale (at most 1) at which the picture and its strip fit MAX_SIDE."""
    scale = min(1.0, MAX_SIDE / max(w, h))
    strip_h, _ = _strip_height(round(w * scale))
    if h * scale + strip_h > MAX_SIDE:
        scale = (MAX_SIDE - strip_h) / h
    return scale


def _scaled(picture: Image.Image) -> Image.Image:
    """The picture at (about) the fitting scale, cheaply.

    An integer reduction (a box average, an order of magnitude faster than Lanczos on a
    12 MP picture) is used when it keeps at least 75 % of the fitting size: a 4000 px photo
    becomes 2000 px rather than 2048. Otherwise the picture is reduced as far as it can be
    without going under the target, and Lanczos does the rest.
    """
    w, h = picture.size
    scale = _fit_scale(w, h)
    if scale >= 1.0:
        return picture
    fit = math.ceil(1 / scale)
    if fit >= 2 and 1 / fit >= 0.75 * scale:
        return picture.reduce(fit)
    pre = math.floor(1 / scale)
    source = picture.reduce(pre) if pre >= 2 else picture
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    # Close to 1:1 after the reduction, bilinear is indistinguishable and several times faster.
    near = target[0] / source.size[0] >= 0.75
    return source.resize(target, Image.Resampling.BILINEAR if near else
                         Image.Resampling.LANCZOS)


def _annotated(picture: Image.Image, job: RenderJob) -> Image.Image:
    """The picture scaled to fit MAX_SIDE with its caption strip, boxes burned in."""
    resized = _scaled(picture)
    tw, th = resized.size
    strip_h, font_size = _strip_height(tw)
    # Cropping past the bottom edge makes the taller canvas and copies the picture in one
    # pass (a new filled image plus a paste is two); the strip is then filled.
    canvas = resized.crop((0, 0, tw, th + strip_h))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, th, tw - 1, th + strip_h - 1), fill=STRIP_BG)
    # Boxes are in displayed pixels of the full picture; `picture` may be a reduced decode.
    _draw_boxes(canvas, job.boxes, tw / job.width)
    margin = max(6, font_size // 2)
    top = _fit_text(job.caption_top, tw - 2 * margin, font_size, True)
    bottom = _fit_text(job.caption_bottom, tw - 2 * margin, font_size, False)
    draw.text((margin, th + round(font_size * 0.35)), top, font=_font(font_size, True),
              fill=STRIP_FG)
    draw.text((margin, th + round(font_size * 1.65)), bottom, font=_font(font_size, False),
              fill=STRIP_DIM)
    return canvas


def _report_copy(folder: Path, name: str, picture: Image.Image, side: int) -> None:
    factor = math.ceil(max(picture.size) / side)
    small = picture.reduce(factor) if factor >= 2 else picture
    small.save(folder / (REPORT_PREFIX + name), "JPEG", **REPORT_JPEG)


def _full_picture(path: Path, orientation: int | None) -> Image.Image:
    """The full upright picture. For an RGB JPEG (nearly every camera photo) the decoded
    image is used as it is, saving the 12 MP copy `full_upright` makes; anything else goes
    through `full_upright`, which converts every mode correctly."""
    im = open_image(path)
    if im.format != "JPEG" or im.mode != "RGB" or is_self_orienting(im):
        im.close()
        return full_upright(path, orientation=orientation)
    o = normalize(orientation if orientation is not None else exif_orientation(im))
    try:
        im.load()  # closes the file itself (Pillow opened it), keeping the pixels
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on corrupt data
        im.close()
        raise InputRejected("truncated or corrupt image data", code="IMAGE_CORRUPT") from exc
    turned = upright(im, o)
    if turned is not im:
        im.close()
    return turned


def _fitting_picture(path: Path, orientation: int | None) -> Image.Image | None:
    """The upright picture decoded at the largest JPEG DCT scale (1/2, 1/4, 1/8) that still
    keeps 75 % of the annotated picture's fitting size (the rule `_scaled` uses for integer
    reductions): a 4000 × 3000 photo decodes straight to 2000 × 1500, in half the time of a
    full decode. None for anything but an RGB JPEG."""
    im = open_image(path)
    if im.format != "JPEG" or im.mode != "RGB" or is_self_orienting(im):
        im.close()
        return None
    o = normalize(orientation if orientation is not None else exif_orientation(im))
    w, h = im.size
    dw, dh = (h, w) if o >= 5 else (w, h)
    scale = min(1.0, 0.75 * _fit_scale(dw, dh))
    try:
        im.draft("RGB", (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))))
        im.load()
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on corrupt data
        im.close()
        raise InputRejected("truncated or corrupt image data", code="IMAGE_CORRUPT") from exc
    turned = upright(im, o)
    if turned is not im:
        im.close()
    return turned


def _picture(job: RenderJob) -> Image.Image:
    """The picture to render from: in full when crops or a dataset copy need full
    resolution, otherwise reduced by the JPEG decoder itself (`_fitting_picture`)."""
    if not job.boxes and job.dataset_suffix is None:
        picture = _fitting_picture(job.source, job.orientation)
        if picture is not None:
            return picture
        return reduced_upright(job.source, MAX_SIDE, orientation=job.orientation)
    picture = _full_picture(job.source, job.orientation)
    if picture.size != (job.width, job.height):
        picture.close()
        raise ValueError(
            f"{job.source.name}: decoded {picture.size[0]}×{picture.size[1]} but the case "
            f"records {job.width}×{job.height}"
        )
    return picture


def render_photo(job: RenderJob, folder: Path) -> None:
    """Write the annotated picture, the crops, (if asked) the dataset copy of one photo, and
    the report's smaller copies, into `folder` under the names above.

    One decode per photo: in full when a crop or the dataset copy needs it (the annotated
    picture is then an integer reduction of it), otherwise at a reduced DCT scale.
    """
    picture = _picture(job)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        annotated = _annotated(picture, job)
        annotated.save(folder / ANNOTATED, "JPEG", **ANNOTATED_JPEG)
        _report_copy(folder, ANNOTATED, annotated, REPORT_SIDE)
        for box in job.boxes:
            crop = picture.crop(crop_rect(box, *picture.size))
            crop.save(folder / crop_file(box.number), "JPEG", **CROP_JPEG)
            _report_copy(folder, crop_file(box.number), crop, REPORT_CROP_SIDE)
        if job.dataset_suffix == ".jpg":
            # Camera-like settings (4:2:0): a training or labelling copy, twice as fast to
            # encode as 4:4:4 at 12 MP.
            picture.save(folder / dataset_file(".jpg"), "JPEG", quality=92, subsampling=2)
        elif job.dataset_suffix:
            picture.save(folder / dataset_file(job.dataset_suffix), "PNG", compress_level=1)
    finally:
        picture.close()
