"""Helpers for the workspace (main window, browser, import, demo) tests and the benchmark.

`imported_case` goes through the real import; `insert_photo_rows` writes rows directly (with
one shared thumbnail) when a test or the benchmark needs thousands of photos quickly.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.factory import make_exif, make_jpeg

BASE_TIME = datetime(2023, 10, 27, 9, 0, 0)


def make_photos(folder: Path, count: int) -> list[Path]:
    """`count` small JPEGs a minute apart on 27 Oct 2023 (the last has the earliest time, so
    capture order differs from import order)."""
    paths = []
    for i in range(count):
        taken = BASE_TIME + timedelta(minutes=(count - i) * 10)
        exif = make_exif(original=taken, offset="+00:00", gps=(12.5335, -7.9499))
        paths.append(make_jpeg(folder / f"photo-{i + 1:02d}.jpg", 320, 240, exif=exif, seed=i))
    return paths


def import_files(case, paths) -> object:  # type: ignore[no-untyped-def]
    from annotator.core.ingest.importer import import_paths

    return import_paths(case, paths, jobs=1)


def photo_ids_by_name(case) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from annotator.core.models import Photo

    with case.reading() as s:
        return dict(s.execute(select(Photo.original_name, Photo.id)).all())


def add_box(case, photo_id: int, registration: str | None = None, label: str = "aircraft"):  # type: ignore[no-untyped-def]
    from annotator.core.boxes import BoxValues, create_box

    return create_box(case, photo_id, BoxValues(label=label, registration=registration,
                                                x=10, y=10, w=50, h=40))


def insert_photo_rows(case, count: int, thumbnail: Path | list[Path] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Insert `count` photo rows in one transaction, their thumbnails hard links to a few
    files (`thumbnail`, cycled when a list).

    Not an import (no originals are stored): only for tests of the browser's scale.
    """
    thumbs = thumbnail if isinstance(thumbnail, list) else [thumbnail] if thumbnail else []
    from sqlalchemy import insert

    from annotator.core.models import Photo

    now = datetime.now(UTC)
    rows = []
    for i in range(count):
        sha = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
        if thumbs:
            source = thumbs[i % len(thumbs)]
            target = case.thumb_path(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                try:
                    target.hardlink_to(source)
                except OSError:
                    shutil.copyfile(source, target)
        taken = BASE_TIME + timedelta(seconds=37 * i)
        rows.append({
            "case_id": case.case_id, "sha256": sha, "md5": sha[:32], "size": 1000 + i,
            "original_name": f"IMG_{i:05d}.JPG", "original_path": f"/evidence/IMG_{i:05d}.JPG",
            "file_mtime_utc": None, "imported_utc": now, "importer": "bench", "format": "JPEG",
            "stored_width": 4000, "stored_height": 3000, "width": 4000, "height": 3000,
            "orientation": 1, "capture_local": taken.isoformat(),
            "capture_utc": taken.replace(tzinfo=UTC), "date_verdict": None,
            "has_thumbnail": bool(thumbs), "version": 1,
            # The file's own account of its time, so a dating check keeps the row's time
            # (a row whose time no file carries would move when it is first checked).
            "meta": {"datetime_original": taken.isoformat(), "offset_original": "+00:00"},
            "raw_tags": {},
        })
    with case.writing() as s:
        s.execute(insert(Photo), rows)


def open_controller(qtbot):  # type: ignore[no-untyped-def]
    """An app controller whose jobs run at once (ImmediatePool) and imports in-process."""
    from annotator.gui.app import AppController
    from annotator.gui.background.workers import ImmediatePool

    return AppController(pool=ImmediatePool(), import_jobs=1)


def open_window(qtbot, controller, case_root: Path):  # type: ignore[no-untyped-def]
    """Open `case_root` in a shown main window registered with qtbot."""
    window = controller.open_case(case_root)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    if window.browser.model.rowCount():  # the first photo is selected once thumbnails are in
        qtbot.waitUntil(lambda: window.session.current_photo_id is not None)
    return window
