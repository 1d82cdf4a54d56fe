"""The demo case: generated photos of a C-130 marked 5U-MBH, imported like any others.

`build_demo_case()` makes it once in the user data folder and returns its path; later calls
return the existing case untouched. It is built in a temporary folder and renamed into
place, so an interrupted build never leaves a half-made demo that looks complete.

Other areas add their part of the story through `DEMO_STEPS` (flights, date claims…):
each step is a function `step(case, photo_ids)` run in order after the import, where
`photo_ids` maps each demo file name (see `demo_photos.DEMO_PHOTOS`) to its photo id.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from pathlib import Path

from annotator.core.boxes import BoxValues, create_box
from annotator.core.case.folder import Case
from annotator.core.case.settings import data_dir
from annotator.core.demo.photos import DEMO_PHOTOS, REGISTRATION, write_demo_photos
from annotator.core.errors import CaseUnavailable
from annotator.core.ingest.importer import import_paths
from annotator.core.models import Photo

DEMO_FOLDER = "demo-case"
DEMO_PHOTOS_FOLDER = "demo-photos"
DEMO_EXAMINER = "demo"

# Steps that extend the demo after the photos are in, as "module:function" names, run in
# this order with (case, {file name: photo id}). Flights (issue 4) and capture-date
# claims (issue 5) add theirs here.
DEMO_STEPS: list[str] = [
    "annotator.core.demo.case:add_demo_boxes",
    "annotator.core.demo.flights:demo_flights",
]


def default_demo_folder() -> Path:
    return data_dir() / DEMO_FOLDER


def build_demo_case(folder: Path | None = None) -> Path:
    """The demo case folder, built first if absent (Qt-free; may take a few seconds)."""
    target = Path(folder) if folder is not None else default_demo_folder()
    if (target / "case.json").is_file():
        return target
    photos_dir = target.parent / DEMO_PHOTOS_FOLDER
    paths = write_demo_photos(photos_dir)
    building = target.with_name(target.name + ".building")
    if building.exists():
        shutil.rmtree(building)
    case = Case.create(building, name="Demo: 5U-MBH (illustrative)", examiner=DEMO_EXAMINER)
    try:
        report = import_paths(case, paths, jobs=1)  # nine small files: no worker processes
        if report.rejected:
            first = report.rejected[0]
            raise CaseUnavailable(f"the demo photo {Path(first.path).name} was rejected: "
                                  f"{first.reason}",
                                  code="DEMO_PHOTO_REJECTED", name=Path(first.path).name,
                                  reason=first.reason)
        photos = _photos_by_name(case)
        for step in DEMO_STEPS:
            _resolve(step)(case, photos)
    finally:
        case.close()
    if target.exists():
        raise CaseUnavailable(f"{target}: exists but holds no case; move it away first",
                              code="DEMO_TARGET_NOT_CASE", target=target)
    building.rename(target)
    return target


def _photos_by_name(case: Case) -> dict[str, int]:
    from sqlalchemy import select


    with case.reading() as session:
        rows = session.execute(select(Photo.original_name, Photo.id)).all()
    return {name: photo_id for name, photo_id in rows}


def _resolve(dotted: str) -> Callable[[Case, dict[str, int]], None]:
    module_name, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def add_demo_boxes(case: Case, photo_ids: dict[str, int]) -> None:
    """Box the aircraft on a few photos and tag it 5U-MBH, through the core box functions.

    The rotated phone photo is among them: its box is in displayed pixels, on the aircraft.
    The rest are left for the user to try drawing on.
    """
    boxed = {"bamako-01.jpg", "bamako-02.jpg", "phone-rotated.jpg", "niamey.jpg"}
    for demo in DEMO_PHOTOS:
        if demo.name not in boxed or demo.name not in photo_ids:
            continue
        x, y, w, h = demo.aircraft_box()
        create_box(case, photo_ids[demo.name], BoxValues(
            label="aircraft", registration=REGISTRATION, aircraft_type="C-130 Hercules",
            confidence="probable" if demo.name != "bamako-01.jpg" else "confirmed",
            x=x, y=y, w=w, h=h))
