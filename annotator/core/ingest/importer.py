"""The import pipeline: files in, photos recorded — the one function the CLI and the GUI call.

Work is split in two. Worker processes do what a file alone decides (hashes, metadata, the
decode check, the thumbnail: `ingest_worker`); this process does everything that writes the
case, one file at a time and in the batch's order: the byte-identical copy into the store,
the thumbnail put in place, and ONE transaction per photo holding its row, its source path
and its `photo.import` audit event. If that transaction fails, the copy and the thumbnail
are removed again unless something already references them, so nothing is half-written.

Same bytes, same photo: a file whose SHA-256 the case holds is a duplicate. Re-importing it
from the same path changes nothing; from another path it records one more `PhotoSource`
(audited as `photo.source_added`).
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.case.folder import Case
from annotator.core.case.settings import load_settings
from annotator.core.errors import UsageError
from annotator.core.history.case_copies import copies_batch
from annotator.core.images import decode
from annotator.core.ingest.files import path_text, select_files
from annotator.core.ingest.pool import run_in_order, warm_up
from annotator.core.ingest.record import Recorder
from annotator.core.ingest.report import (
    DuplicateFile,
    ImportedFile,
    ImportReport,
    RejectedFile,
)
from annotator.core.ingest.tasks import analyse as analyse_in_worker
from annotator.core.ingest.tasks import analyse_here
from annotator.core.ingest.tasks import init as init_worker

Progress = Callable[[int, int, str], None]

_COPY_AHEAD = 4  # analysed files whose store copies may run ahead of their transaction

__all__ = [
    "DuplicateFile",
    "ImportReport",
    "ImportedFile",
    "RejectedFile",
    "import_paths",
]


def configured_max_pixels() -> int:
    """The decompression-bomb limit from Settings (`max_pixels`), else 250 megapixels."""
    try:
        value = int(load_settings().get("max_pixels") or 0)
    except (TypeError, ValueError):
        value = 0
    return value if value > 0 else decode.DEFAULT_MAX_PIXELS


def import_paths(
    case: Case,
    paths: Iterable[Path | str],
    *,
    jobs: int | None = None,
    max_pixels: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import files and folders (recursively) into `case`; report what became of each file.

    `jobs` worker processes analyse files (default: one per CPU; 1 runs in this process).
    `max_pixels` is the decompression-bomb limit (default: Settings, else 250 MP).
    `progress(done, total, current_name)` is called on the calling thread after each file;
    `cancel` is checked
    between files. Never raises for a bad file: it is rejected with one line instead.
    """
    case.check_writable()  # a read-only case: refused before any original is copied
    limit = configured_max_pixels() if max_pixels is None else int(max_pixels)
    if limit <= 0:
        raise UsageError("--max-pixels must be a positive number of pixels",
                         code="IMPORT_BAD_MAX_PIXELS")
    workers = (os.cpu_count() or 1) if jobs is None else int(jobs)
    if workers < 1:
        raise UsageError("--jobs must be at least 1", code="IMPORT_BAD_JOBS")

    if workers > 1:
        warm_up()  # workers get ready while the folders are walked
    selection = select_files(paths, exclude=case.root)
    report = ImportReport(files=len(selection.files) + len(selection.refused))
    report.rejected.extend(RejectedFile(path_text(p), why.text, why.code, dict(why.params))
                           for p, why in selection.refused)
    files = [str(p) for p in selection.files]
    total = len(files)
    if progress:
        progress(0, total, "")
    with copies_batch(case):  # each photo grouped as it is recorded; older copies at the end
        done = _record_all(case, report, files, workers, limit, progress, cancel)
    report.cancelled = done < total
    return report


def _record_all(case: Case, report: ImportReport, files: list[str], workers: int, limit: int,
                progress: Progress | None, cancel: threading.Event | None) -> int:
    """Analyse `files` (in workers) and record each in order; the number recorded."""
    total = len(files)
    recorder = Recorder(case, report)
    results = _analyses(files, min(workers, max(1, total)), limit, recorder.known,
                        recorder.staging, cancel)
    # A few analysed files wait here while their copies into the store run on I/O threads,
    # so this process records file N while the bytes of N+1… are still being written.
    waiting: deque[tuple[str, Any, Future[Path] | None]] = deque()
    done = 0

    def record_oldest() -> bool:
        nonlocal done
        path, result, copy = waiting.popleft()
        recorder.record(path, result, copy)
        done += 1
        if progress:
            progress(done, total, Path(path).name)
        return cancel is not None and cancel.is_set()

    try:
        stop = False
        for path, result in results:
            waiting.append((path, result, recorder.start_copy(result)))
            if len(waiting) > _COPY_AHEAD and (stop := record_oldest()):
                break
        while waiting and not stop:
            stop = record_oldest()
    finally:
        results.close()  # stops the workers now, not when the generator is collected
        while waiting:  # cancelled: analysed but not recorded, so nothing of them stays
            recorder.discard(*waiting.popleft())
        recorder.close()
    return done


# What each worker runs per file (a module-level name, so a test can swap in a task that
# kills its worker, as a crashing decoder would).
_worker_task = analyse_in_worker


def _analyses(files: list[str], jobs: int, max_pixels: int, known: frozenset[str],
              staging: str, cancel: threading.Event | None,
              ) -> Generator[tuple[str, Any], None, None]:
    """(path, FileAnalysis or exception) per file, in order, from workers or in-process."""
    if jobs > 1:
        yield from run_in_order(_worker_task, files, jobs=jobs, initializer=init_worker,
                                initargs=(max_pixels, known, staging), cancel=cancel)
        return
    with _pillow_limit(max_pixels):
        for path in files:
            if cancel is not None and cancel.is_set():
                return
            yield path, analyse_here(path, max_pixels, known, staging)


@contextmanager
def _pillow_limit(max_pixels: int) -> Iterator[None]:
    """In-process analysis: Pillow's limit follows ours for the batch, then is restored."""
    before = decode.max_pixels()
    decode.set_max_pixels(max_pixels)
    try:
        yield
    finally:
        decode.set_max_pixels(before)
