"""The import pipeline: good files become photos, bad ones are refused one line each, the
case never holds half an import, and the result does not depend on the number of workers."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from annotator.core.case.audit import verify_chain
from annotator.core.case.folder import Case
from annotator.core.hashing import digest_file
from annotator.core.images import decode
from annotator.core.ingest.files import select_files
from annotator.core.ingest.importer import import_paths
from annotator.core.ingest.pool import WorkerCrashed, run_in_order
from annotator.core.models import AuditEvent, Photo, PhotoSource
from tests.fixtures import imports as fx


def _bad_batch(folder: Path) -> dict[str, str | tuple[str, ...]]:
    """Write one file of every bad kind; return name → expected words of its reason."""
    fx.truncated_jpeg(folder / "truncated.jpg")
    fx.fuzzed_jpeg(folder / "fuzzed.jpg")
    fx.random_bytes(folder / "noise.jpg")
    fx.empty_file(folder / "empty.jpg")
    fx.bomb_jpeg(folder / "bomb.jpg")
    fx.random_bytes(folder / "notes.txt", 300)
    fx.random_bytes(folder / "camera.nef")
    return {
        "truncated.jpg": "truncated",
        "fuzzed.jpg": ("not an image", "corrupt"),
        "noise.jpg": "not an image",
        "empty.jpg": "empty file",
        "bomb.jpg": "decompression bomb: 900,000,000 pixels",
        "notes.txt": "not an image",
        "camera.nef": "RAW format Pillow cannot decode",
    }


def _good_batch(folder: Path) -> list[str]:
    fx.good_jpeg(folder / "a.jpg", 1)
    fx.good_jpeg(folder / "sub" / "b.jpg", 2, orientation=6)
    fx.good_png(folder / "c.png")
    fx.good_webp(folder / "d.webp")
    fx.good_tiff(folder / "e.tif")
    fx.tiff_as_dng(folder / "f.dng")
    fx.good_heic(folder / "g.heic")
    return ["a.jpg", "b.jpg", "c.png", "d.webp", "e.tif", "f.dng", "g.heic"]


def test_mixed_batch_imports_every_good_file_and_rejects_each_bad_one(case: Case,
                                                                      tmp_path: Path):
    folder = tmp_path / "in"
    good = _good_batch(folder)
    bad = _bad_batch(folder)
    missing = tmp_path / "not-there.jpg"

    report = import_paths(case, [folder, missing], jobs=2)

    assert sorted(Path(i.path).name for i in report.imported) == sorted(good)
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert set(reasons) == {*bad, "not-there.jpg"}
    for name, words in bad.items():
        options = words if isinstance(words, tuple) else (words,)
        assert any(w in reasons[name] for w in options), (name, reasons[name])
    assert "no such file" in reasons["not-there.jpg"]
    assert all("\n" not in r for r in reasons.values())
    assert report.exit_code == 1 and not report.cancelled
    with case.reading() as s:
        assert s.query(Photo).count() == len(good)
    # Nothing of a rejected file reached the store: one original per photo.
    assert len([p for p in case.store.root.rglob("*") if p.is_file()]) == len(good)


def test_all_good_or_duplicate_exits_zero(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1)
    assert import_paths(case, [a], jobs=1).exit_code == 0
    again = import_paths(case, [a], jobs=1)
    assert again.exit_code == 0 and len(again.duplicates) == 1


def test_reimporting_the_same_bytes_is_a_no_op_that_says_so(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "IMG_0001.jpg", 1)
    first = import_paths(case, [a], jobs=1)
    with case.reading() as s:
        events_before = s.query(AuditEvent).count()

    again = import_paths(case, [a], jobs=1)

    assert again.imported == [] and again.rejected == []
    (dup,) = again.duplicates
    assert dup.photo_id == first.imported[0].photo_id and dup.source_added is False
    assert dup.message.startswith("duplicate of IMG_0001.jpg (sha256 ")
    with case.reading() as s:
        assert s.query(AuditEvent).count() == events_before
        assert s.query(PhotoSource).count() == 1


def test_same_bytes_from_another_path_record_an_extra_source(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "card1" / "IMG_0001.jpg", 1)
    copy = tmp_path / "card2" / "renamed.jpg"
    copy.parent.mkdir()
    shutil.copyfile(a, copy)
    import_paths(case, [a], jobs=1)

    report = import_paths(case, [copy], jobs=1)

    (dup,) = report.duplicates
    assert dup.source_added is True and dup.duplicate_of == "IMG_0001.jpg"
    with case.reading() as s:
        photo = s.execute(select(Photo)).scalar_one()
        assert [src.path for src in photo.sources] == [str(a), str(copy)]
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
        assert event.action == "photo.source_added" and event.photo_sha256 == photo.sha256
        assert str(copy) in event.details
        assert verify_chain(s).ok


def test_same_bytes_twice_in_one_batch_make_one_photo_and_two_sources(case: Case,
                                                                     tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "x" / "one.jpg", 4)
    shutil.copyfile(a, tmp_path / "x" / "two.jpg")
    report = import_paths(case, [tmp_path / "x"], jobs=2)
    assert len(report.imported) == 1 and len(report.duplicates) == 1
    assert report.duplicates[0].source_added
    with case.reading() as s:
        assert s.query(Photo).count() == 1 and s.query(PhotoSource).count() == 2


def test_bytes_another_importer_committed_meanwhile_become_a_source(case: Case,
                                                                    tmp_path: Path):
    """The batch read the case's hashes before a team member imported the same bytes: the
    unique (case, sha256) refuses our row, and the file is recorded as the duplicate it now
    is, its store copy kept (the other photo owns it)."""
    from annotator.core.ingest.record import Recorder
    from annotator.core.ingest.report import ImportReport
    from annotator.core.ingest.worker import analyse_file

    ours = fx.good_jpeg(tmp_path / "ours" / "IMG_7.jpg", 7)
    theirs = tmp_path / "theirs" / "same.jpg"
    theirs.parent.mkdir()
    shutil.copyfile(ours, theirs)
    report = ImportReport(files=1)
    recorder = Recorder(case, report)  # reads the case's hashes: none yet
    analysis = analyse_file(str(ours), decode.DEFAULT_MAX_PIXELS, recorder.known,
                            recorder.staging)
    assert not analysis.known and analysis.staged is not None
    import_paths(case, [theirs], jobs=1)  # the other importer commits first

    recorder.record(str(ours), analysis, recorder.start_copy(analysis))
    recorder.close()

    assert report.imported == [] and report.rejected == []
    (dup,) = report.duplicates
    assert dup.source_added and dup.duplicate_of == "same.jpg"
    with case.reading() as s:
        photo = s.execute(select(Photo)).scalar_one()
        assert sorted(src.path for src in photo.sources) == sorted([str(ours), str(theirs)])
        assert verify_chain(s).ok
    assert case.store.path_for(photo.sha256).read_bytes() == ours.read_bytes()
    assert list(case.store.staging.iterdir()) == []


def test_store_copy_is_byte_identical_and_read_only(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "a.jpg", 7)
    (item,) = import_paths(case, [a], jobs=1).imported
    stored = case.store.path_for(item.sha256)
    assert stored.read_bytes() == a.read_bytes()
    assert digest_file(stored).sha256 == item.sha256
    assert stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0


def test_photo_row_holds_hashes_sizes_and_metadata(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "rot.jpg", 3, orientation=6, width=400, height=200)
    import_paths(case, [a], jobs=1)
    digest = digest_file(a)
    with case.reading() as s:
        p = s.execute(select(Photo)).scalar_one()
    assert (p.sha256, p.md5, p.size) == (digest.sha256, digest.md5, digest.size)
    assert (p.stored_width, p.stored_height, p.width, p.height) == (400, 200, 200, 400)
    assert p.orientation == 6 and p.format == "JPEG"
    assert p.original_name == "rot.jpg" and p.original_path == str(a)
    assert p.importer == "test-examiner" and p.capture_local == "2023-10-27T10:03:00"
    assert p.file_mtime_utc is not None and p.file_mtime_utc.tzinfo is not None
    assert "tags" not in p.meta and p.raw_tags["tags"]["Image Orientation"]
    assert p.has_thumbnail


def test_thumbnail_is_upright_for_an_orientation_6_photo(case: Case, tmp_path: Path):
    # Stored landscape with a red marker at the stored top-left; Orientation 6 shows it
    # rotated 90° clockwise, so the marker is at the displayed top-right of a portrait.
    a = fx.good_jpeg(tmp_path / "rot.jpg", 3, orientation=6, width=800, height=400)
    (item,) = import_paths(case, [a], jobs=2).imported
    thumb = case.thumb_path(item.sha256)
    with Image.open(thumb) as im:
        assert im.size == (128, 256)
        r, g, b = im.convert("RGB").getpixel((im.width - 4, 4))
        assert r > 180 and g < 90 and b < 90
        r, g, b = im.convert("RGB").getpixel((4, 4))
        assert not (r > 180 and g < 90)


def test_import_is_audited_and_the_chain_verifies(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1)
    b = fx.good_jpeg(tmp_path / "b.jpg", 2)
    report = import_paths(case, [a, b], jobs=2)
    with case.reading() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.action == "photo.import")
                           .order_by(AuditEvent.id)).scalars().all()
        assert verify_chain(s).ok
    assert [e.photo_sha256 for e in events] == [i.sha256 for i in report.imported]
    import json

    details = json.loads(events[0].details)
    digest = digest_file(a)
    assert details["sha256"] == digest.sha256 and details["md5"] == digest.md5
    assert details["size"] == digest.size and details["source_path"] == str(a)
    assert details["examiner"] == "test-examiner" == events[0].examiner


def test_failed_transaction_leaves_no_stray_original_or_thumbnail(case: Case, tmp_path: Path,
                                                                  monkeypatch):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1)

    def failing_audit(*args, **kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(case, "audit", failing_audit)
    report = import_paths(case, [a], jobs=1)

    (rejected,) = report.rejected
    assert "could not be recorded in the case: disk I/O error" in rejected.reason
    with case.reading() as s:
        assert s.query(Photo).count() == 0 and s.query(PhotoSource).count() == 0
    assert [p for p in case.store.root.rglob("*") if p.is_file()] == []
    assert [p for p in case.thumbs_dir.rglob("*") if p.is_file()] == []

    monkeypatch.undo()
    assert len(import_paths(case, [a], jobs=1).imported) == 1


def test_one_and_two_workers_give_the_same_result(tmp_path: Path):
    folder = tmp_path / "in"
    _good_batch(folder)
    _bad_batch(folder)
    fx.good_jpeg(folder / "z" / "late.jpg", 9)
    results = []
    for jobs in (1, 2):
        with Case.create(tmp_path / f"case{jobs}") as case:
            report = import_paths(case, [folder], jobs=jobs)
            with case.reading() as s:
                rows = s.execute(select(Photo.id, Photo.sha256, Photo.original_name,
                                        Photo.width, Photo.height, Photo.meta)
                                 .order_by(Photo.id)).all()
            results.append((report.to_json(), [tuple(r) for r in rows]))
    assert results[0] == results[1]


def test_a_worker_that_dies_loses_only_its_own_file():
    items = ["a", "b", "crash-me", "c", "d", "e", "f", "g"]
    results = list(run_in_order(fx.crash_on_marked, items, jobs=2))
    assert [item for item, _ in results] == items
    outcome = dict(results)
    assert isinstance(outcome["crash-me"], WorkerCrashed)
    assert all(outcome[i] == i.upper() for i in items if i != "crash-me")


def test_a_worker_stuck_on_one_file_is_stopped_and_the_rest_go_on():
    items = ["a", "b", "hang-me", "c", "d"]
    results = dict(run_in_order(fx.crash_on_marked, items, jobs=2, timeout=1.0))
    assert isinstance(results["hang-me"], WorkerCrashed)
    assert "took more than 1 s" in str(results["hang-me"])
    assert [results[i] for i in "abcd"] == list("ABCD")


def test_a_dying_worker_rejects_that_file_and_the_batch_goes_on(case: Case, tmp_path: Path,
                                                                monkeypatch):
    import annotator.core.ingest.importer as ingest

    monkeypatch.setattr(ingest, "_worker_task", fx.analyse_or_crash)
    folder = tmp_path / "in"
    for n in range(1, 7):
        fx.good_jpeg(folder / f"{n}.jpg", n)
    fx.good_jpeg(folder / "crash.jpg", 31)  # mid-batch: sorted before z.jpg
    fx.good_jpeg(folder / "z.jpg", 32)

    report = import_paths(case, [folder], jobs=2)

    names = [f"{n}.jpg" for n in range(1, 7)] + ["z.jpg"]
    assert [Path(i.path).name for i in report.imported] == names
    assert [Path(r.path).name for r in report.rejected] == ["crash.jpg"]
    assert "worker process died" in report.rejected[0].reason
    assert len([p for p in case.store.root.rglob("*") if p.is_file()]) == 7
    with case.reading() as s:
        assert s.query(Photo).count() == 7 and verify_chain(s).ok


def test_cancel_stops_between_files_and_keeps_what_is_in(case: Case, tmp_path: Path):
    files = [fx.good_jpeg(tmp_path / f"{n}.jpg", n) for n in range(1, 6)]
    cancel = threading.Event()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append((done, total, name))
        if done == 2:
            cancel.set()

    report = import_paths(case, files, jobs=2, progress=progress, cancel=cancel)

    assert report.cancelled and len(report.imported) == 2
    # Files analysed ahead but never recorded left nothing in the store.
    assert len([p for p in case.store.root.rglob("*") if p.is_file()]) == 2
    assert seen[:3] == [(0, 5, ""), (1, 5, "1.jpg"), (2, 5, "2.jpg")] and len(seen) == 3
    with case.reading() as s:
        assert s.query(Photo).count() == 2
        assert verify_chain(s).ok


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_max_pixels_is_configurable_and_pillow_limit_is_restored(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1, width=1000, height=1000)
    before = decode.max_pixels()
    report = import_paths(case, [a], jobs=1, max_pixels=500_000)
    assert "decompression bomb: 1,000,000 pixels exceeds the limit of 500,000" in \
        report.rejected[0].reason
    assert decode.max_pixels() == before and Image.MAX_IMAGE_PIXELS == before
    assert len(import_paths(case, [a], jobs=2, max_pixels=2_000_000).imported) == 1


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads any file; POSIX permissions only")
def test_unreadable_file_is_rejected(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "locked.jpg", 1)
    a.chmod(0)
    try:
        report = import_paths(case, [a], jobs=1)
    finally:
        a.chmod(0o644)
    assert "permission denied" in report.rejected[0].reason


def test_unreadable_paths_are_rejected_not_raised(case: Case, tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    fx.good_jpeg(folder / "ok.jpg", 1)
    (folder / "dangling.jpg").symlink_to(tmp_path / "gone.jpg")
    os.mkfifo(folder / "pipe.jpg")
    locked = fx.good_jpeg(folder / "locked.jpg", 2)

    import annotator.core.ingest.worker as worker

    real = worker.digest_file

    def deny(path, **kw):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path, **kw)

    monkeypatch.setattr(worker, "digest_file", deny)
    report = import_paths(case, [folder], jobs=1)

    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert reasons == {"dangling.jpg": "unreadable: a broken symbolic link",
                       "pipe.jpg": "not a regular file (a named pipe)",
                       "locked.jpg": "unreadable: permission denied"}
    assert [Path(i.path).name for i in report.imported] == ["ok.jpg"]


def test_raw_is_kept_for_its_metadata_when_pillow_cannot_decode_it(case: Case,
                                                                   tmp_path: Path):
    raw = fx.raw_metadata_only(tmp_path / "DSC_0001.NEF")
    noise = fx.random_bytes(tmp_path / "DSC_0002.NEF")
    report = import_paths(case, [raw, noise], jobs=1)
    assert [Path(i.path).name for i in report.imported] == ["DSC_0001.NEF"]
    (rejected,) = report.rejected
    assert rejected.reason.startswith("RAW format Pillow cannot decode (NEF)")
    with case.reading() as s:
        photo = s.execute(select(Photo)).scalar_one()
    assert (photo.meta["make"], photo.meta["model"], photo.format) == ("Nikon", "D850", "NEF")
    assert photo.has_thumbnail is False and not case.thumb_path(photo.sha256).exists()
    assert case.store.path_for(photo.sha256).read_bytes() == raw.read_bytes()


def test_the_case_folder_itself_is_never_imported(case: Case, tmp_path: Path):
    a = fx.good_jpeg(tmp_path / "a.jpg", 1)
    import_paths(case, [a], jobs=1)
    report = import_paths(case, [tmp_path], jobs=1)
    assert [d.path for d in report.duplicates] == [str(a)] and report.imported == []
    assert [(r.path, r.reason) for r in report.rejected] == [
        (str(case.root), "inside the case folder: not imported")]
    inside = import_paths(case, [case.root / "case.json"], jobs=1)
    assert "inside the case folder" in inside.rejected[0].reason
    link = tmp_path / "links" / "stored.jpg"
    link.parent.mkdir()
    link.symlink_to(case.store.path_for(digest_file(a).sha256))
    linked = import_paths(case, [link.parent], jobs=1)
    assert [(r.path, r.reason) for r in linked.rejected] == [
        (str(link), "inside the case folder: not imported")]


def test_files_are_walked_recursively_in_sorted_order_each_once(tmp_path: Path):
    root = tmp_path / "in"
    for rel in ["b.jpg", "a/z.jpg", "a/b/c.jpg", ".hidden.jpg", "A.jpg"]:
        fx.empty_file(root / rel)
    selection = select_files([root, root / "b.jpg", root / "a"])
    assert [p.relative_to(root).as_posix() for p in selection.files] == [
        ".hidden.jpg", "A.jpg", "a/b/c.jpg", "a/z.jpg", "b.jpg"]
    assert selection.refused == []


def test_progress_reports_every_file_on_the_calling_thread(case: Case, tmp_path: Path):
    files = [fx.good_jpeg(tmp_path / f"{n}.jpg", n) for n in range(1, 4)]
    calls: list[tuple[int, int, str, int]] = []
    report = import_paths(case, files, jobs=2, progress=lambda d, t, n: calls.append(
        (d, t, n, threading.get_ident())))
    assert [c[:3] for c in calls] == [(0, 3, ""), (1, 3, "1.jpg"), (2, 3, "2.jpg"),
                                      (3, 3, "3.jpg")]
    assert {c[3] for c in calls} == {threading.get_ident()}
    assert not report.cancelled


def test_the_bomb_limit_set_in_settings_applies_when_none_is_given(case, tmp_path):
    """Settings → "Refuse images larger than" is the limit for CLI and GUI imports alike."""
    from annotator.core.case.settings import save_settings
    from annotator.core.ingest.importer import import_paths
    from tests.fixtures.factory import make_jpeg

    big = make_jpeg(tmp_path / "in" / "two-mp.jpg", 2000, 1000)
    save_settings({"max_pixels": 1_000_000})
    report = import_paths(case, [big], jobs=1)
    assert not report.imported
    assert "exceeds the limit of 1,000,000" in report.rejected[0].reason
    report = import_paths(case, [big], jobs=1, max_pixels=5_000_000)  # explicit wins
    assert len(report.imported) == 1


def test_a_copy_staged_by_a_worker_that_died_is_removed_at_the_end(case: Case, tmp_path: Path,
                                                                     monkeypatch):
    import annotator.core.ingest.importer as ingest

    monkeypatch.setattr(ingest, "_worker_task", fx.stage_then_crash)
    folder = tmp_path / "in"
    for n in range(1, 4):
        fx.good_jpeg(folder / f"{n}.jpg", n)
    fx.good_jpeg(folder / "crash.jpg", 31)

    report = import_paths(case, [folder], jobs=2)

    assert [Path(r.path).name for r in report.rejected] == ["crash.jpg"]
    assert list(case.store.staging.iterdir()) == []
    stored = sorted(p for p in case.store.root.rglob("*") if p.is_file())
    assert sorted(case.store.path_for(i.sha256) for i in report.imported) == stored


def test_staged_copies_older_than_a_day_are_cleared_younger_ones_kept(case: Case):
    import os
    import time

    case.store.staging.mkdir(parents=True, exist_ok=True)
    old = case.store.staging / ".incoming-dead-1"
    young = case.store.staging / ".incoming-live-1"
    for f in (old, young):
        f.write_bytes(b"x")
    day_ago = time.time() - 2 * 86400
    os.utime(old, (day_ago, day_ago))

    case.store.clear_stale_staging()

    assert not old.exists() and young.exists()


def test_the_worker_copy_is_the_hashed_bytes(case: Case, tmp_path: Path):
    """Two workers: every stored original was written by the worker that hashed it."""
    files = [fx.good_jpeg(tmp_path / f"{n}.jpg", n) for n in range(1, 5)]
    report = import_paths(case, files, jobs=2)
    for item in report.imported:
        stored = case.store.path_for(item.sha256)
        assert digest_file(stored).sha256 == item.sha256
        assert stored.read_bytes() == Path(item.path).read_bytes()
    assert list(case.store.staging.iterdir()) == []
