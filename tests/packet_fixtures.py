"""A small case for packet tests: generated photos imported through the real pipeline, with
boxes made through the core's box functions.

`make_case_with_photos` gives a landscape photo with GPS and two boxes, a phone photo rotated
by EXIF Orientation 6 with one box around the red marker (which shows at the top-RIGHT of the
upright picture), and a plain photo without boxes — enough to exercise every part of a packet.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from annotator.core.boxes import BoxValues, create_box
from annotator.core.ingest.importer import import_paths
from annotator.core.models import Photo
from tests.factory import make_exif, make_jpeg


@dataclass(frozen=True)
class SampleCase:
    """Photo ids and SHA-256s by original name, and where the source files are."""

    ids: dict[str, int]
    shas: dict[str, str]
    folder: Path


def import_folder(case, folder: Path) -> dict[str, Photo]:  # type: ignore[no-untyped-def]
    report = import_paths(case, [folder], jobs=1)
    assert not report.rejected, report.rejected
    with case.reading() as s:
        return {p.original_name: p for p in s.execute(select(Photo)).scalars()}


def write_sample_photos(folder: Path) -> Path:
    """Three JPEGs: apron.jpg (1600×1200, GPS), phone.jpg (stored 1200×900, Orientation 6),
    plain.jpg (800×600, no EXIF date)."""
    make_jpeg(folder / "apron.jpg", 1600, 1200, seed=1, exif=make_exif(
        original=datetime(2023, 10, 27, 10, 15), offset="+00:00", gps=(12.5335, -7.9499)))
    make_jpeg(folder / "phone.jpg", 1200, 900, seed=2, exif=make_exif(
        orientation=6, original=datetime(2023, 10, 27, 11, 0), offset="+00:00",
        make="Apple", model="iPhone 12"))
    make_jpeg(folder / "plain.jpg", 800, 600, seed=3)
    return folder


def make_case_with_photos(case, tmp_path: Path) -> SampleCase:  # type: ignore[no-untyped-def]
    folder = write_sample_photos(tmp_path / "incoming")
    photos = import_folder(case, folder)
    ids = {name: p.id for name, p in photos.items()}
    create_box(case, ids["apron.jpg"], BoxValues(
        registration="5umbh", aircraft_type="C130", operator="Niger Air Force",
        confidence="confirmed", note="tail <visible> & clear", x=500, y=400, w=400, h=200))
    create_box(case, ids["apron.jpg"], BoxValues(label="vehicle", x=100.5, y=850.25, w=200,
                                                 h=150))
    # Upright, phone.jpg is 900 wide × 1200 high; the red marker (stored top-left 150×112)
    # shows at the top-right corner: x 788–900, y 0–150.
    create_box(case, ids["phone.jpg"], BoxValues(registration="5U-MBH", x=790, y=2, w=100,
                                                 h=140, confidence="probable"))
    return SampleCase(ids, {n: p.sha256 for n, p in photos.items()}, folder)


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    """A zip holding `files` (used to build tampered packets)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def unzip(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path) as zf:
        zf.extractall(folder)
    return folder
