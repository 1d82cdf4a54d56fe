"""Opening image files safely: one place that decides what we refuse to decode and why.

Every reader of pixels (metadata, ingest thumbnails, the GUI canvas, exports) goes through
here, so a hostile or broken file is refused the same way everywhere, with one sentence:
"not an image file", "empty file", "truncated or corrupt image data",
"decompression bomb: N pixels exceeds the limit of M", "unreadable: permission denied".

The pixel limit is ours (250 MP by default, `set_max_pixels`) and Pillow's
`MAX_IMAGE_PIXELS` follows it once `configure_pillow` has run (at start-up, not at import:
`annotator.core.startup`), so Pillow's own defaults (a warning at 89 MP, a refusal at
179 MP) never decide for us. The limit is checked on the header's size, before any decode.

Orientation is applied exactly once. JPEG, PNG and WebP decode as stored: we apply EXIF
Orientation. HEIC/HEIF: libheif (through pillow-heif) already applies the container's
`irot`/`imir` transforms, and pillow-heif resets the EXIF Orientation it hands to Pillow to
1. TIFF: Pillow's loader applies the Orientation tag itself on `load()` (and reports the
displayed size from the header on). In those two cases nothing is applied on top.

RAW files: where Pillow can decode the embedded preview it is used; otherwise the file is
refused as "unsupported RAW format (…)", and its metadata can still be read.

A per-call `max_pixels` above the process limit is capped by Pillow at twice the process
limit; raise the process limit (`set_max_pixels`) instead.
"""

from __future__ import annotations

import errno
import logging
import math
import re
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PIL import Image, UnidentifiedImageError

from annotator.core.errors import InputRejected
from annotator.core.images.container_header import is_raw_name, sniff_file
from annotator.core.images.orientation import displayed_size, normalize, upright
from annotator.core.images.raw_preview import find_preview

DEFAULT_MAX_PIXELS = 250_000_000

# Formats whose decoder already shows the picture upright (container transforms applied)
# and whose header size is therefore the displayed size. (TIFF: see `geometry`.)
# (Pillow's own AVIF plugin is not one: it reports irot/imir as an EXIF Orientation and
# decodes as stored, so AVIF is oriented like JPEG.)
SELF_ORIENTING_FORMATS = frozenset({"HEIF"})

_max_pixels = DEFAULT_MAX_PIXELS
_heif_lock = threading.Lock()
_heif_registered = False



def configure_pillow(max_pixels: int | None = None) -> None:
    """Set Pillow up for this process (called once at start-up by `annotator.core.startup`,
    never at import): our pixel limit (Pillow's `MAX_IMAGE_PIXELS` follows it), and Pillow's
    warnings and log records silenced. Idempotent."""
    # Our own check rejects everything above the limit before decoding, so Pillow's warning
    # (which fires between the limit and twice the limit) would only repeat it.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    # Pillow narrates every oddity of a damaged TIFF/EXIF as a UserWarning on stderr; a
    # damaged file either opens (and its metadata says what it says) or is rejected with one
    # line.
    warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL(\..*)?$")
    logging.getLogger("PIL").setLevel(logging.CRITICAL)
    set_max_pixels(_max_pixels if max_pixels is None else max_pixels)


def set_max_pixels(n: int) -> None:
    """Set the decompression-bomb limit (pixels) for this process, Pillow's included."""
    global _max_pixels
    if int(n) <= 0:
        raise ValueError("the pixel limit must be positive")
    _max_pixels = int(n)
    Image.MAX_IMAGE_PIXELS = _max_pixels


def max_pixels() -> int:
    """The current decompression-bomb limit in pixels."""
    return _max_pixels


def register_heif() -> None:
    """Teach Pillow to open HEIC/HEIF (pillow-heif); safe to call any number of times."""
    global _heif_registered
    if _heif_registered:
        return
    with _heif_lock:
        if _heif_registered:
            return
        try:
            import pillow_heif
        except ImportError:  # HEIF files are then refused, naming the missing support
            _heif_registered = True
            return
        pillow_heif.register_heif_opener()
        _heif_registered = True


# (English reason, stable code, parameters): the GUI translates the reason by its code.
Reason = tuple[str, str, dict[str, object]]
_CORRUPT: Reason = ("truncated or corrupt image data", "IMAGE_CORRUPT", {})
_IS_DIRECTORY: Reason = ("unreadable: is a directory", "IMAGE_IS_DIRECTORY", {})
_EMPTY: Reason = ("empty file", "IMAGE_EMPTY", {})
_TOO_LARGE: Reason = ("image too large to decode in memory", "IMAGE_TOO_LARGE", {})


def _bomb_message(pixels: int, limit: int) -> Reason:
    return (f"decompression bomb: {pixels:,} pixels exceeds the limit of {limit:,}",
            "IMAGE_BOMB", {"pixels": f"{pixels:,}", "limit": f"{limit:,}"})


def os_reason(exc: OSError) -> Reason:
    """Why a file the system would not read is refused (also the import's reason)."""
    if isinstance(exc, FileNotFoundError):
        return ("unreadable: no such file", "IMAGE_NO_SUCH_FILE", {})
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return ("unreadable: permission denied", "IMAGE_PERMISSION_DENIED", {})
    if isinstance(exc, IsADirectoryError):
        return _IS_DIRECTORY
    detail = (exc.strerror or type(exc).__name__).lower()
    return (f"unreadable: {detail}", "IMAGE_UNREADABLE", {"detail": detail})


def _reject(path: Path, reason: Reason) -> InputRejected:
    # The message is the bare reason; callers name the file (`f"{name}: {error}"`).
    text, code, params = reason
    return InputRejected(text, code=code, path=str(path), **params)


def _check_readable(path: Path) -> None:
    try:
        st = path.stat()
    except OSError as exc:
        raise _reject(path, os_reason(exc)) from exc
    if path.is_dir():
        raise _reject(path, _IS_DIRECTORY)
    if st.st_size == 0:
        raise _reject(path, _EMPTY)
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise _reject(path, os_reason(exc)) from exc


def _unidentified_reason(path: Path) -> Reason:
    """Pillow identified nothing: say whether the bytes at least look like an image."""
    kind = sniff_file(path)
    if kind is None:
        return ("not an image file", "IMAGE_NOT_IMAGE", {})
    family, is_raw = kind
    if is_raw:
        return _raw_unsupported(family)
    if family == "HEIF" and not _heif_available():
        return ("HEIF support (pillow-heif) is not installed", "HEIF_UNAVAILABLE", {})
    return _CORRUPT


def _raw_unsupported(kind: str) -> Reason:
    return (f"unsupported RAW format ({kind}): its pixels cannot be decoded", "RAW_UNSUPPORTED",
            {"kind": kind})


def _heif_available() -> bool:
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        return False
    return True


def _open_raw_preview(path: Path, limit: int) -> Image.Image | None:
    """The embedded JPEG of a RAW file, opened lazily and tagged with the RAW's format,
    IFD0 Orientation and XMP; None when there is none (then Pillow tries the file)."""
    import io


    preview = find_preview(path)
    if preview is None:
        return None
    try:
        im = Image.open(io.BytesIO(preview.jpeg))
        w, h = im.size
    except Image.DecompressionBombError as exc:
        raise _reject(path, _bomb_message(limit + 1, limit)) from exc
    except Exception:  # noqa: BLE001 - a broken preview: let Pillow try the file itself
        return None
    if w * h > limit:
        im.close()
        raise _reject(path, _bomb_message(w * h, limit))
    im.info["raw_format"] = path.suffix[1:].upper()
    im.info["raw_orientation"] = preview.orientation
    if preview.xmp and not im.info.get("xmp"):
        im.info["xmp"] = preview.xmp
    return im


def format_of(im: Image.Image) -> str:
    """The file's format: Pillow's name (JPEG, PNG, TIFF, WEBP, HEIF…), or the RAW
    extension (NEF, CR2…) when we show a RAW file's embedded preview."""
    return str(im.info.get("raw_format") or im.format or "").upper()


def open_image(path: Path | str, *, max_pixels: int | None = None) -> Image.Image:
    """Open `path` lazily (header only: no pixel is decoded) after checking it.

    Raises InputRejected with one sentence when the file is missing, unreadable, empty, not
    an image, has a broken header or claims more pixels than the limit. The caller owns the
    returned image (use it as a context manager or `close()` it).
    """
    path = Path(path)
    limit = _max_pixels if max_pixels is None else int(max_pixels)
    _check_readable(path)
    register_heif()

    if is_raw_name(path):
        preview = _open_raw_preview(path, limit)
        if preview is not None:
            return preview
    try:
        im = Image.open(path)
    except Image.DecompressionBombError as exc:
        match = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = int(match.group(1)) if match else limit + 1
        enforced = limit if pixels > limit else 2 * int(Image.MAX_IMAGE_PIXELS or limit)
        raise _reject(path, _bomb_message(pixels, enforced)) from exc
    except UnidentifiedImageError as exc:
        raise _reject(path, _unidentified_reason(path)) from exc
    except OSError as exc:
        if exc.errno is not None:
            raise _reject(path, os_reason(exc)) from exc
        raise _reject(path, _undecodable_reason(path)) from exc
    except Exception as exc:  # noqa: BLE001 - plugins raise anything on hostile headers
        raise _reject(path, _undecodable_reason(path)) from exc
    try:
        w, h = im.size
    except Exception as exc:  # noqa: BLE001
        im.close()
        raise _reject(path, _CORRUPT) from exc
    if w <= 0 or h <= 0:
        im.close()
        raise _reject(path, _CORRUPT)
    if w * h > limit:
        im.close()
        raise _reject(path, _bomb_message(w * h, limit))
    if is_raw_name(path) and (im.format or "").upper() == "TIFF":
        im.info["raw_format"] = path.suffix[1:].upper()  # Pillow read the RAW's IFD0 image
    return im


def is_self_orienting(im: Image.Image) -> bool:
    """True when the decoder shows the picture upright by itself: HEIF (libheif applies
    irot/imir) and TIFF (Pillow's TIFF loader applies the Orientation tag on `load()` and
    reports the displayed size from the header on). JPEG, PNG and WebP do not."""
    return (im.format or "").upper() in SELF_ORIENTING_FORMATS or (
        (im.format or "").upper() == "TIFF" and hasattr(im, "_tile_size"))


def exif_orientation(im: Image.Image) -> int | None:
    """The EXIF Orientation tag (1–8) an opened image carries, or None. For HEIF this is
    what pillow-heif left (it resets the tag to 1 and keeps the file's value in
    `info["original_orientation"]`)."""
    if "raw_orientation" in im.info:  # a RAW preview: IFD0 of the RAW file decides
        value = im.info["raw_orientation"]
    elif (im.format or "").upper() in SELF_ORIENTING_FORMATS:
        value = im.info.get("original_orientation")
    else:
        try:
            value = im.getexif().get(0x0112)
        except Exception:  # noqa: BLE001 - a broken EXIF block must not stop a decode
            return None
    try:
        value = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if 1 <= value <= 8 else None


@dataclass(frozen=True)
class Geometry:
    """Pixel sizes of an opened image, from its header: `stored_*` is the file's own pixel
    grid, `width`/`height` what is displayed, `orientation` the EXIF value (None when
    absent) and `decoder_orients` whether decoding already yields the displayed picture
    (then never apply `orientation` on top of it)."""

    stored_width: int
    stored_height: int
    width: int
    height: int
    orientation: int | None
    decoder_orients: bool


def geometry(im: Image.Image) -> Geometry:
    """The `Geometry` of an opened, not yet loaded image (header only)."""
    orientation = exif_orientation(im)
    w, h = im.size
    fmt = (im.format or "").upper()
    if fmt in SELF_ORIENTING_FORMATS:
        # libheif applied the container's transforms; its unrotated grid is not exposed.
        return Geometry(w, h, w, h, orientation, True)
    tile = getattr(im, "_tile_size", None) if fmt == "TIFF" else None
    if tile is not None:
        # Pillow's TIFF loader: `size` is already displayed; `_tile_size` is the stored grid.
        sw, sh = int(tile[0]), int(tile[1])
        return Geometry(sw, sh, w, h, orientation, True)
    dw, dh = displayed_size(w, h, orientation)
    return Geometry(w, h, dw, dh, orientation, False)


def header_size(path: Path | str, *, max_pixels: int | None = None) -> tuple[int, int, str]:
    """(stored width, stored height, format) from the header alone, after the same checks as
    `open_image`. The displayed size is `geometry(...)` (or `displayed_size` of these with
    the Orientation, except for HEIF whose stored size is already displayed)."""
    with open_image(path, max_pixels=max_pixels) as im:
        g = geometry(im)
        return g.stored_width, g.stored_height, format_of(im)


def _load(path: Path, im: Image.Image) -> None:
    try:
        im.load()
    except Image.DecompressionBombError as exc:
        raise _reject(path, _bomb_message(im.size[0] * im.size[1], _max_pixels)) from exc
    except MemoryError as exc:
        raise _reject(path, _TOO_LARGE) from exc
    except OSError as exc:
        if exc.errno is not None and not isinstance(exc, EOFError):
            raise _reject(path, os_reason(exc)) from exc
        raise _reject(path, _undecodable_reason(path)) from exc
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on corrupt data
        raise _reject(path, _undecodable_reason(path)) from exc


def _undecodable_reason(path: Path) -> Reason:
    if is_raw_name(path):
        return _raw_unsupported(path.suffix[1:].upper())
    return _CORRUPT


def _to_rgb(im: Image.Image) -> Image.Image:
    """RGB for display: transparency over white, 16-bit and float scaled to 8 bits."""
    if im.mode == "RGB":
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # Pillow's "I"→"L" clamps rather than scales; scale by the image's own range.
        src = im.convert("F") if im.mode != "F" else im
        lo, hi = cast(tuple[float, float], src.getextrema())  # one band: (min, max)
        if hi > lo:
            src = src.point(lambda v: (v - lo) * 255.0 / (hi - lo))
        return src.convert("L").convert("RGB")
    if im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        background.alpha_composite(rgba)
        return background.convert("RGB")
    return im.convert("RGB")


def _orientation_to_apply(im: Image.Image, before: int | None, orientation: int | None) -> int:
    """What is left to apply after `load()`: nothing when the decoder oriented the picture
    (HEIF; TIFF, whose loader also drops the tag once applied), else the caller's value or
    the file's."""
    if is_self_orienting(im):
        return 1
    if before not in (None, 1) and exif_orientation(im) is None:
        return 1  # this Pillow's loader applied and removed the tag
    if orientation is not None:
        return normalize(orientation)
    return normalize(before)


def reduced_upright(
    path: Path | str, max_side: int, *, orientation: int | None = None,
    max_pixels: int | None = None,
) -> Image.Image:
    """An RGB image as displayed (Orientation applied, HEIF as libheif shows it), at most
    `max_side` pixels on its long side; never enlarged.

    JPEG is decoded at a reduced DCT scale (`draft`), which is what makes 256 px thumbnails
    of 12 MP photos cheap. `orientation` overrides the file's EXIF value (ignored for
    HEIF). Fully decodes; raises InputRejected on truncated or corrupt data.
    """
    path = Path(path)
    if max_side <= 0:
        raise ValueError("max_side must be positive")
    with open_image(path, max_pixels=max_pixels) as im:
        before = exif_orientation(im)
        if im.format in ("JPEG", "MPO"):
            try:
                # draft() keeps a scale at which *both* sides reach the request, so ask
                # for the target box of this aspect ratio, not a max_side square.
                w, h = im.size
                factor = max_side / max(w, h)
                im.draft("RGB", (max(1, math.ceil(w * factor)), max(1, math.ceil(h * factor))))
            except Exception:  # noqa: BLE001, S110 - draft is an optimisation only
                pass
        _load(path, im)
        o = _orientation_to_apply(im, before, orientation)
        try:
            rgb = _to_rgb(im)
            rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=2.0)
            result = upright(rgb, o)
            result.load()
        except Exception as exc:  # noqa: BLE001 - a conversion of a corrupt frame
            raise _reject(path, _CORRUPT) from exc
        return result if result is not im else result.copy()


def full_upright(
    path: Path | str, *, orientation: int | None = None, max_pixels: int | None = None,
) -> Image.Image:
    """The full-resolution RGB image as displayed (see `reduced_upright`)."""
    path = Path(path)
    with open_image(path, max_pixels=max_pixels) as im:
        before = exif_orientation(im)
        _load(path, im)
        o = _orientation_to_apply(im, before, orientation)
        try:
            rgb = _to_rgb(im)
            result = upright(rgb, o)
            if result is im:
                result = im.copy()
            result.load()
        except Exception as exc:  # noqa: BLE001
            raise _reject(path, _CORRUPT) from exc
        return result


__all__ = [
    "DEFAULT_MAX_PIXELS",
    "configure_pillow",
    "displayed_size",
    "Geometry",
    "exif_orientation",
    "format_of",
    "geometry",
    "full_upright",
    "header_size",
    "is_self_orienting",
    "max_pixels",
    "open_image",
    "os_reason",
    "reduced_upright",
    "register_heif",
    "set_max_pixels",
]
