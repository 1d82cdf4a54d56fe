"""Team benchmark (issue 7), run by hand: 4 processes importing and annotating at once into
one PostgreSQL case, against 1 process doing the same work; then checks that no row was lost
or duplicated and that the audit chain is one unbroken chain.

    python -m tests.bench.bench_team [--photos 160] [--members 4]

The server is ANNOTATOR_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test);
each run uses a fresh database, dropped afterwards. Every member imports its own share of the
photos plus one shared folder that all members import (the duplicate race), then draws two
boxes on each photo it imported and moves one of them (an optimistic-locked update).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

BOXES_PER_PHOTO = 2


def _server() -> str:
    return os.environ.get("ANNOTATOR_TEST_PG",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _make_photos(root: Path, members: int, photos: int, shared: int) -> list[Path]:
    from tests.fixtures.factory import make_exif, make_jpeg

    folders = [root / f"member{m}" for m in range(members)] + [root / "shared"]
    per = (photos - shared) // members
    n = 0
    for m in range(members):
        for _ in range(per):
            make_jpeg(folders[m] / f"p{n:05}.jpg", 120 + n % 97, 80 + n // 97, exif=make_exif(),
                      seed=n)
            n += 1
    for _ in range(shared):
        make_jpeg(folders[-1] / f"s{n:05}.jpg", 120 + n % 97, 80 + n // 97, exif=make_exif(),
                  seed=n)
        n += 1
    return folders


def _member(case_dir: str, folders: list[str], name: str) -> tuple[int, int, int]:
    """Import `folders`, then annotate what this member imported: (imported, dups, boxes)."""
    from annotator.core import boxes
    from annotator.core.boxes import BoxValues
    from annotator.core.case.folder import Case
    from annotator.core.ingest.importer import import_paths

    with Case.open(Path(case_dir), examiner=name) as case:
        imported = dups = made = 0
        for folder in folders:
            report = import_paths(case, [folder], jobs=1)
            imported += len(report.imported)
            dups += len(report.duplicates)
            if report.rejected:
                raise RuntimeError(f"{name}: rejected {report.rejected[:2]}")
            for item in report.imported:
                infos = [boxes.create_box(case, item.photo_id,
                                          BoxValues(x=5 + 10 * k, y=5, w=30, h=20,
                                                    registration="5U-MBH"))
                         for k in range(BOXES_PER_PHOTO)]
                boxes.update_box(case, infos[0].id, expected_version=infos[0].version, x=8)
                made += len(infos)
        return imported, dups, made


def _run(server: str, folders: list[Path], members: int, work: Path) -> dict[str, float]:
    from sqlalchemy import create_engine, func, select, text

    from annotator.core.case.audit import verify_chain
    from annotator.core.case.folder import Case
    from annotator.core.models import AuditEvent, Box, Photo

    db = f"bench_team_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    url = server.rsplit("/", 1)[0] + f"/{db}"
    case_dir = work / f"case-{members}"
    try:
        Case.create(case_dir, db_url=url, examiner="lead").close()
        own, shared = folders[:-1], folders[-1]
        if members == 1:
            plans = [[*map(str, own), str(shared)]]
        else:
            plans = [[str(own[m]), str(shared)] for m in range(members)]
        started = time.perf_counter()
        with mp.get_context("spawn").Pool(members) as pool:
            results = pool.starmap(_member, [(str(case_dir), plan, f"E{i}")
                                             for i, plan in enumerate(plans)])
        elapsed = time.perf_counter() - started
        with Case.open(case_dir) as case, case.reading() as s:
            photos = s.execute(select(func.count()).select_from(Photo)).scalar()
            distinct = s.execute(select(func.count(func.distinct(Photo.sha256)))).scalar()
            box_count = s.execute(select(func.count()).select_from(Box)).scalar()
            events = s.execute(select(func.count()).select_from(AuditEvent)).scalar()
            chain = verify_chain(s)
        files = sum(1 for f in folders for _ in f.glob("*.jpg"))
        return {"members": members, "seconds": elapsed, "photos": photos, "distinct": distinct,
                "files": files, "imported": sum(r[0] for r in results),
                "boxes": box_count, "boxes_made": sum(r[2] for r in results),
                "events": events, "chain_ok": chain.ok}
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=160)
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument("--shared", type=int, default=20, help="photos every member imports")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-team-"))
    try:
        folders = _make_photos(work / "in", args.members, args.photos, args.shared)
        for members in (1, args.members):
            r = _run(_server(), folders, members, work)
            ok = (r["photos"] == r["distinct"] == r["files"] == r["imported"]
                  and r["boxes"] == r["boxes_made"] == r["photos"] * BOXES_PER_PHOTO
                  and r["chain_ok"])
            print(f"{members} process(es): {r['seconds']:.1f} s, "
                  f"{r['photos'] / r['seconds']:.1f} photos/s imported and annotated, "
                  f"{r['events'] / r['seconds']:.0f} audited changes/s; photos {r['photos']} "
                  f"(files {r['files']}, distinct {r['distinct']}), boxes {r['boxes']}, "
                  f"events {r['events']}, chain {'intact' if r['chain_ok'] else 'BROKEN'}; "
                  f"{'no lost or duplicated rows' if ok else 'MISMATCH'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
