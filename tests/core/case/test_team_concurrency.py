"""Two team members at once on one PostgreSQL case (issue 7): imports never duplicate a
photo, and the audit log stays one unbroken chain however the appends interleave."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.audit import verify_chain
from annotator.core.case.folder import Case
from annotator.core.ingest.importer import import_paths
from annotator.core.models import AuditEvent, Box, Photo, PhotoSource
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.factory import make_exif, make_jpeg

pytestmark = pytest.mark.postgres


def _run_together(*jobs) -> list[object]:  # type: ignore[no-untyped-def]
    """Start every job at the same moment (a barrier); return results or raised errors."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_two_importers_of_the_same_files_never_duplicate_a_photo(pg_url: str, tmp_path: Path):
    folder = tmp_path / "shared"
    for i in range(12):
        make_jpeg(folder / f"p{i:02}.jpg", 96 + i, 64, exif=make_exif(), seed=i)
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    ben = Case.open(tmp_path / "team", examiner="Ben")
    try:
        reports = _run_together(lambda: import_paths(ana, [folder], jobs=1),
                                lambda: import_paths(ben, [folder], jobs=1))
        for report in reports:
            assert not isinstance(report, BaseException), report
            assert not report.rejected, report.rejected  # type: ignore[union-attr]
            assert len(report.imported) + len(report.duplicates) == 12  # type: ignore[union-attr]
        assert sum(len(r.imported) for r in reports) == 12  # type: ignore[union-attr]
        with ana.reading() as s:
            assert s.execute(select(func.count()).select_from(Photo)).scalar() == 12
            assert s.execute(select(func.count(func.distinct(Photo.sha256)))).scalar() == 12
            assert s.execute(select(func.count()).select_from(PhotoSource)).scalar() >= 12
            assert verify_chain(s).ok
    finally:
        ben.close()
        ana.close()


def test_concurrent_writers_keep_one_unbroken_audit_chain(pg_url: str, tmp_path: Path):
    ana = Case.create(tmp_path / "team", db_url=pg_url, examiner="Ana")
    team = [Case.open(tmp_path / "team", examiner=f"E{i}") for i in range(4)]
    try:
        photo = add_jpeg(ana, tmp_path / "in", "a.jpg", 640, 480, seed=1)

        def annotate(case: Case) -> list[int]:
            return [boxes.create_box(case, photo, BoxValues(x=i, y=i, w=20, h=20)).id
                    for i in range(15)]

        results = _run_together(*[lambda c=c: annotate(c) for c in team])
        ids = [i for r in results for i in r]  # type: ignore[union-attr]
        assert len(ids) == len(set(ids)) == 60
        with ana.reading() as s:
            assert s.execute(select(func.count()).select_from(Box)).scalar() == 60
            events = list(s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())
            check = verify_chain(s)
        assert check.ok, check
        assert {e.examiner for e in events if e.action == "box.create"} == {
            "E0", "E1", "E2", "E3"}
        # One chain: every event links to the one before it, no fork.
        assert len({e.prev_hash for e in events}) == len(events)
    finally:
        for c in team:
            c.close()
        ana.close()
