"""The per-file half of an import, run in a worker process: hash, read, check, thumbnail.

Nothing here touches the case: a worker returns a `FileAnalysis` (small and picklable) and
the main process decides what to record. That keeps every write in one process, one
transaction per photo, and lets a worker die (a decoder crash, the OOM killer) without
leaving anything half-written.

The thumbnail decode is also the validity check. A JPEG is decoded at 1/8 scale (libjpeg's
DCT scaling, `draft`), which still entropy-decodes every block, so a truncated file fails
("image file is truncated") exactly as a full decode would, at a fraction of the cost.
"""

from __future__ import annotations

import io
import signal
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.errors import InputRejected
from annotator.core.hashing import FileDigest, digest_file
from annotator.core.history import history_at_import
from annotator.core.images import decode
from annotator.core.images.orientation import displayed_size
from annotator.core.images.thumbnail_check import compare_thumbnail
from annotator.core.ingest.report import Reason
from annotator.core.metadata import PhotoMetadata, read_metadata
from annotator.core.startup import configure_libraries

THUMB_SIDE = 256
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


def one_line(text: str, limit: int = 300) -> str:
    """A reason fit for one line of output."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def os_reason(exc: OSError) -> Reason:
    """The decoder's reason for a file the system would not read (one code per error)."""
    return Reason(*decode.os_reason(exc))


def _refused(path: str, reason: Reason, **fields: Any) -> FileAnalysis:
    return FileAnalysis(path, reason=reason.text, reason_code=reason.code,
                        reason_params=dict(reason.params), **fields)


def analyse_file(path: str, max_pixels: int, known: frozenset[str] | set[str]) -> FileAnalysis:
    """Analyse one file; never raises for anything the file itself can cause."""
    try:
        return _analyse(Path(path), max_pixels, known)
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


def _analyse(path: Path, max_pixels: int, known: frozenset[str] | set[str]) -> FileAnalysis:
    st = path.stat()
    if st.st_size == 0:
        return _refused(str(path), Reason("empty file", "IMAGE_EMPTY"))
    mtime = datetime.fromtimestamp(st.st_mtime, UTC)
    head = bytearray()
    digest = digest_file(path, head=head)
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
                            metadata=meta)
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
                        history=history)


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


def init_worker(max_pixels: int, known: frozenset[str]) -> None:
    """Pool initializer: the process set up (`configure_libraries`: the pixel limit, Pillow's
    too) and the case's known SHA-256s.

    Ctrl-C is left to the main process, which stops the batch cleanly; a worker killed by
    it mid-file would otherwise look like a crash.
    """
    global _worker_max_pixels, _worker_known
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    configure_libraries(max_pixels)
    _worker_max_pixels = max_pixels
    _worker_known = known


def analyse_in_worker(path: str) -> FileAnalysis:
    """The task a pool runs for each file (settings from `init_worker`)."""
    return analyse_file(path, _worker_max_pixels, _worker_known)
