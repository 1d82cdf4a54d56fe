"""The per-file half of an import, run in a worker process: hash, read, check, thumbnail.

Nothing here touches the case's records: a worker returns a `FileAnalysis` (small and
picklable) and the main process decides what to record. The one thing a worker writes is
the store copy, into the store's staging folder, in the same pass as the hashes (so it is
exactly the bytes they name, read once); only the main process moves it into the store.
That keeps every record written by one process, one transaction per photo, and lets a
worker die (a decoder crash, the OOM killer) without leaving anything half-written (its
unadopted staged copy is removed at the end of the batch).

The thumbnail decode is also the validity check. A JPEG is decoded at 1/8 scale (libjpeg's
DCT scaling, `draft`), which still entropy-decodes every block, so a truncated file fails
("image file is truncated") exactly as a full decode would, at a fraction of the cost.
"""

from __future__ import annotations

import io
import os
import signal
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.errors import InputRejected
from annotator.core.hashing import FileDigest, digest_file
from annotator.core.history import history_at_import
from annotator.core.images import decode
from annotator.core.images.c_warnings import silence_c_warnings
from annotator.core.images.orientation import displayed_size
from annotator.core.images.thumbnail_check import compare_thumbnail
from annotator.core.ingest.report import Reason, one_line
from annotator.core.metadata import PhotoMetadata, read_metadata
from annotator.core.startup import configure_libraries

THUMB_SIDE = 256
WORKER_NICENESS = 5  # see init_worker
THUMB_QUALITY = 85

# Camera RAW extensions: imported when Pillow decodes them (DNG and other TIFF-based files
# often work) or, failing that, when their metadata can be read; else refused by name.
RAW_EXTENSIONS = frozenset({
    ".3fr", ".arw", ".cr2", ".cr3", ".crw", ".dcr", ".dng", ".erf", ".fff", ".iiq", ".k25",
    ".kdc", ".mef", ".mos", ".mrw", ".nef", ".nrw", ".orf", ".pef", ".raf", ".raw", ".rw2",
    ".rwl", ".sr2", ".srf", ".srw", ".x3f",
})


@dataclass(frozen=True)
class FileAnalysis:
    """What a worker learned about one file.

    Exactly one outcome: `reason` set (rejected: one line), or `known` (its SHA-256 is
    already in the case, so nothing else was read), or `metadata` set (a good file;
    `thumbnail` holds JPEG bytes, or None for a RAW kept for its metadata alone).
    """

    path: str
    digest: FileDigest | None = None
    mtime_utc: datetime | None = None
    mtime_ns: int | None = None
    metadata: PhotoMetadata | None = None
    thumbnail: bytes | None = None
    reason: str | None = None
    # The reason's stable code and parameters (see ingest_report.Reason), for the GUI.
    reason_code: str | None = None
    reason_params: dict | None = None
    known: bool = False
    # The EXIF-thumbnail comparison (thumbnail_check.ThumbnailComparison as a dict, or None
    # when there is no thumbnail): made here, in parallel, so the capture-date check in the
    # import transaction and every later re-check never decode the original again.
    thumbnail_check: dict | None = None
    # The file's history (annotator.core.history: JPEG tables, signs, perceptual hashes),
    # from the bytes hashed and the thumbnail decoded here: no extra read or decode.
    history: dict | None = None
    # The store copy written in the same pass as the hashes, waiting in the
    # store's staging folder for the recording process to adopt or drop it; None when no
    # staging folder was given or the file is not to be recorded.
    staged: str | None = None


def os_reason(exc: OSError) -> Reason:
    """The decoder's reason for a file the system would not read (one code per error)."""
    return Reason(*decode.os_reason(exc))


def _refused(path: str, reason: Reason, **fields: Any) -> FileAnalysis:
    return FileAnalysis(path, reason=reason.text, reason_code=reason.code,
                        reason_params=dict(reason.params), **fields)


def analyse_file(path: str, max_pixels: int, known: frozenset[str] | set[str],
                 staging: str | None = None) -> FileAnalysis:
    """Analyse one file; never raises for anything the file itself can cause.

    With `staging` (a path prefix in the store's staging folder), the file is copied there
    as it is hashed (one read for both; the copy is exactly the hashed bytes); the copy is
    kept only for a file that is to be recorded (`FileAnalysis.staged`), else removed."""
    staged: list[Path] = []
    try:
        result = _analyse_guarded(path, max_pixels, known, staging, staged)
    except BaseException:
        _drop(staged)
        raise
    if staged and result.staged is None:
        _drop(staged)
    return result


def _drop(staged: list[Path]) -> None:
    for copy in staged:
        copy.unlink(missing_ok=True)
    staged.clear()


def _analyse_guarded(path: str, max_pixels: int, known: frozenset[str] | set[str],
                     staging: str | None, staged: list[Path]) -> FileAnalysis:
    """`_analyse`, with every failure the file can cause turned into a refusal."""
    try:
        return _analyse(Path(path), max_pixels, known, staging, staged)
    except InputRejected as exc:
        return _refused(path, Reason(one_line(str(exc)), exc.code, exc.params))
    except OSError as exc:
        return _refused(path, os_reason(exc))
    except MemoryError:
        return _refused(path, Reason("image too large to decode in memory", "IMAGE_TOO_LARGE"))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        kind, detail = type(exc).__name__, one_line(str(exc))
        return _refused(path, Reason(one_line(f"cannot be read: {kind}: {exc}"),
                                     "IMAGE_READ_FAILED", {"kind": kind, "detail": detail}))


def _analyse(path: Path, max_pixels: int, known: frozenset[str] | set[str],
             staging: str | None, staged: list[Path]) -> FileAnalysis:
    st = path.stat()
    if st.st_size == 0:
        return _refused(str(path), Reason("empty file", "IMAGE_EMPTY"))
    mtime = datetime.fromtimestamp(st.st_mtime, UTC)
    head = bytearray()
    digest = _digest_and_stage(path, head, staging, staged)
    if digest.sha256 in known:
        return FileAnalysis(str(path), digest=digest, mtime_utc=mtime, mtime_ns=st.st_mtime_ns,
                            known=True)
    meta = read_metadata(path, sha256=digest.sha256, size=digest.size)
    is_raw = path.suffix.lower() in RAW_EXTENSIONS
    try:
        thumb = decode.reduced_upright(
            path, THUMB_SIDE, orientation=meta.orientation, max_pixels=max_pixels
        )
    except InputRejected as exc:
        if not is_raw:
            raise
        if not _raw_metadata_readable(meta):
            kind = path.suffix[1:].upper()
            return _refused(str(path), Reason(
                f"RAW format Pillow cannot decode ({kind}), and no metadata could be read ({exc})",
                "RAW_UNREADABLE", {"kind": kind, "detail": str(exc)}),
                digest=digest, mtime_utc=mtime)
        # Kept for its metadata alone: no thumbnail, and a pixel size of 0 (unknown).
        meta = replace(meta, format=meta.format or path.suffix[1:].upper())
        return FileAnalysis(str(path), digest=digest, mtime_utc=mtime, mtime_ns=st.st_mtime_ns,
                            metadata=meta, staged=str(staged[0]) if staged else None)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=THUMB_QUALITY, optimize=False)
    if meta.stored_width is None or meta.stored_height is None:
        # The metadata reader could not size the picture but the decoder could: ask it.
        w, h, fmt = decode.header_size(path, max_pixels=max_pixels)
        meta = _with_size(meta, w, h, fmt)

    comparison = compare_thumbnail(path)
    history = history_at_import(str(path), bytes(head), thumb, meta)
    return FileAnalysis(str(path), digest=digest, mtime_utc=mtime, mtime_ns=st.st_mtime_ns,
                        metadata=meta, thumbnail=buf.getvalue(),
                        thumbnail_check=comparison.to_json() if comparison else None,
                        history=history, staged=str(staged[0]) if staged else None)


def _digest_and_stage(path: Path, head: bytearray, staging: str | None,
                      staged: list[Path]) -> FileDigest:
    """The file's digest; with `staging`, its bytes also written to a new file
    there, appended to `staged` so the caller removes it whatever happens next."""
    if staging is None:
        return digest_file(path, head=head)
    folder, prefix = os.path.split(staging)  # the batch's own prefix: see Recorder.staging
    fd, name = tempfile.mkstemp(prefix=prefix, dir=folder)
    staged.append(Path(name))
    with os.fdopen(fd, "wb") as out:
        digest = digest_file(path, head=head, copy_to=out)
    # Not synced here: the recording process syncs it on an I/O thread before adopting it,
    # so a worker never sits idle waiting for the disk.
    return digest


def _raw_metadata_readable(meta: PhotoMetadata) -> bool:
    return bool(meta.tags) and bool(meta.make or meta.model or meta.datetime_original)


def _with_size(meta: PhotoMetadata, w: int, h: int, fmt: str) -> PhotoMetadata:
    self_orienting = fmt.upper() in decode.SELF_ORIENTING_FORMATS
    dw, dh = (w, h) if self_orienting else displayed_size(w, h, meta.orientation)
    return replace(meta, stored_width=w, stored_height=h, width=meta.width or dw,
                   height=meta.height or dh, format=meta.format or fmt)


# -- running in a worker process -------------------------------------------------------------

_worker_max_pixels = decode.DEFAULT_MAX_PIXELS
_worker_known: frozenset[str] = frozenset()
_worker_staging: str | None = None


def init_worker(max_pixels: int, known: frozenset[str], staging: str | None = None) -> None:
    """Pool initializer: the process set up (`configure_libraries`: the pixel limit, Pillow's
    too), the case's known SHA-256s and the store's staging folder.

    Ctrl-C is left to the main process, which stops the batch cleanly; a worker killed by
    it mid-file would otherwise look like a crash. The decoders' warnings (libtiff's,
    libjpeg's) go nowhere: a refused file is one line, from the result (`c_warnings`).

    Workers run at a lower scheduling priority (`WORKER_NICENESS`): the recording process
    (and the GUI, when it imports) gets a core the moment it has work, so the in-order
    recording never falls behind and leaves the workers waiting for room in their window;
    the workers take every cycle left over.
    """
    global _worker_max_pixels, _worker_known, _worker_staging
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError:
            pass  # not allowed here: the workers run at the caller's priority
    configure_libraries(max_pixels)
    silence_c_warnings()
    _worker_max_pixels = max_pixels
    _worker_known = known
    _worker_staging = staging


def analyse_in_worker(path: str) -> FileAnalysis:
    """The task a pool runs for each file (settings from `init_worker`)."""
    return analyse_file(path, _worker_max_pixels, _worker_known, _worker_staging)
