"""Generated files for import tests: good photos in several formats and every kind of bad one.

All made in code (see tests/factory.py); nothing here ships a third-party image.
"""

from __future__ import annotations

import io
import os
import random
import struct
import threading
from pathlib import Path

from PIL import Image, TiffImagePlugin

from tests.factory import make_exif, make_jpeg, scene


def good_jpeg(path: Path, seed: int, *, orientation: int | None = None,
              width: int = 320, height: int = 240) -> Path:
    """A JPEG whose bytes differ from every other seed's (the seed is in the EXIF too)."""
    exif = make_exif(orientation=orientation, original=f"2023:10:27 10:{seed % 60:02d}:00",
                     software=f"fixture {seed}")
    return make_jpeg(path, width, height, exif=exif, seed=seed * 37)


def good_png(path: Path, seed: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    scene(200, 150, seed).save(path, "PNG")
    return path


def good_webp(path: Path, seed: int = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    scene(200, 150, seed).save(path, "WEBP", quality=80)
    return path


def good_tiff(path: Path, seed: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    scene(200, 150, seed).save(path, "TIFF", exif=make_exif(original="2023:10:27 11:00:00"))
    return path


def good_heic(path: Path, seed: int = 4) -> Path:
    """A HEIC as phones write them (pillow-heif's encoder)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    path.parent.mkdir(parents=True, exist_ok=True)
    scene(200, 150, seed).save(path, "HEIF", quality=80)
    return path


def truncated_jpeg(path: Path) -> Path:
    """The first half of a good JPEG: the header is fine, the picture data stops."""
    tmp = good_jpeg(path.with_name(path.name + ".whole"), 901, width=640, height=480)
    data = tmp.read_bytes()
    tmp.unlink()
    path.write_bytes(data[: len(data) // 2])
    return path


def fuzzed_jpeg(path: Path) -> Path:
    """A JPEG whose tables and frame header were overwritten with random bytes."""
    tmp = good_jpeg(path.with_name(path.name + ".whole"), 902)
    data = bytearray(tmp.read_bytes())
    tmp.unlink()
    rng = random.Random(1234)
    sof = data.find(b"\xff\xc0")
    start = max(2, sof - 200)
    for i in range(start, sof + 40):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return path


def random_bytes(path: Path, size: int = 4096) -> Path:
    """Not an image at all, whatever its name says."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(99).randbytes(size))
    return path


def empty_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def bomb_jpeg(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A small JPEG whose frame header claims `width` × `height` (a decompression bomb)."""
    tmp = make_jpeg(path.with_name(path.name + ".small"), 64, 48)
    data = bytearray(tmp.read_bytes())
    tmp.unlink()
    sof = data.find(b"\xff\xc0")
    # FFC0, length (2), precision (1), height (2), width (2)
    struct.pack_into(">HH", data, sof + 5, height, width)
    path.write_bytes(bytes(data))
    return path


def tiff_as_dng(path: Path) -> Path:
    """A TIFF-based file with a RAW extension that Pillow decodes (as many DNGs are)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scene(120, 80, 5).save(path, "TIFF", exif=make_exif(make="Leica", model="M10"))
    return path


def raw_metadata_only(path: Path) -> Path:
    """A TIFF-structured RAW (as NEF files are) whose pixels use a compression Pillow has no
    decoder for (34713, Nikon's), while its Make and Model stay readable."""
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[0x010F], info[0x0110] = "Nikon", "D850"
    buf = io.BytesIO()
    scene(120, 80, 6).save(buf, "TIFF", tiffinfo=info)
    data = bytearray(buf.getvalue())
    order = "<" if data[:2] == b"II" else ">"
    ifd = struct.unpack_from(order + "I", data, 4)[0]
    for i in range(struct.unpack_from(order + "H", data, ifd)[0]):
        entry = ifd + 2 + i * 12
        if struct.unpack_from(order + "H", data, entry)[0] == 0x0103:  # Compression
            struct.pack_into(order + "H", data, entry + 8, 34713)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path


def image_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as im:
        return im.size


def crash_on_marked(item: str) -> str:
    """A pool task that kills its worker process on items containing "crash" (as a decoder
    segfault would), never returns on items containing "hang" (as a decoder caught in a
    loop would), and echoes the others."""
    if "crash" in item:
        os._exit(70)
    if "hang" in item:
        threading.Event().wait()
    return item.upper()


def analyse_or_crash(path: str):  # type: ignore[no-untyped-def]
    """The import worker's task, except that a file named like "crash*" kills the worker."""
    from annotator.core.ingest.worker import analyse_in_worker

    if Path(path).name.startswith("crash"):
        os._exit(70)
    return analyse_in_worker(path)
