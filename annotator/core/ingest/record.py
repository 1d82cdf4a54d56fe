"""Writing an analysed file into the case: the store copy, the thumbnail, one transaction.

Runs in the importing process only, one file at a time in the batch's order (see
`annotator.core.ingest.importer`). A new photo is its row, its first source path and its
`photo.import` audit event in ONE transaction; if that fails, the store copy and the
thumbnail are removed again unless a photo already references them. A duplicate (same
SHA-256) records only a new source path, audited as `photo.source_added`.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from annotator.core.case.folder import Case
from annotator.core.errors import first_line
from annotator.core.ingest.files import path_text
from annotator.core.ingest.pool import WorkerCrashed
from annotator.core.ingest.report import (
    DuplicateFile,
    ImportedFile,
    ImportReport,
    RejectedFile,
    one_line,
)
from annotator.core.models import Photo, PhotoSource
from annotator.core.stale import mark_new_photo
from annotator.core.timeutil import iso_z, utc_now

if TYPE_CHECKING:  # the worker module loads the readers, which this process never needs
    from annotator.core.ingest.worker import FileAnalysis

COPY_THREADS = 2


@dataclass(frozen=True)
class _Existing:
    photo_id: int
    name: str


class Recorder:
    """Writes each analysed file into the case (this process only)."""

    def __init__(self, case: Case, report: ImportReport) -> None:
        self.case = case
        self.report = report
        self._thumb_dirs: set[Path] = set()
        self._recorded: dict[str, _Existing] = {}  # this batch's new photos, by SHA-256
        self.io = ThreadPoolExecutor(max_workers=COPY_THREADS,
                                     thread_name_prefix="annotator-store-copy")
        with case.reading() as session:
            hashes = session.execute(
                select(Photo.sha256).where(Photo.case_id == case.case_id)
            ).scalars()
            self.known = frozenset(hashes)
        case.store.clear_stale_staging()
        case.store.staging.mkdir(parents=True, exist_ok=True)
        self._batch = f".incoming-{secrets.token_hex(6)}-"

    def reject(self, path: str, reason: str, code: str | None = None,
               params: dict[str, Any] | None = None) -> None:
        self.report.rejected.append(RejectedFile(path_text(path), one_line(reason), code,
                                                 dict(params or {})))

    @property
    def staging(self) -> str:
        """Where workers copy each file as they hash it: a path prefix in the store's staging
        folder, this batch's own, so `close` can remove whatever copy was never adopted (a
        file in flight when the batch was cancelled, a worker that died)."""
        return str(self.case.store.staging / self._batch)

    def start_copy(self, result: FileAnalysis | BaseException) -> Future[Path] | None:
        """Put a new file into the store, on an I/O thread: adopt the worker's staged copy
        (sync and rename), or copy it when none was staged; None if not needed."""
        if isinstance(result, BaseException) or result.reason is not None or result.known:
            return None
        assert result.digest is not None
        if result.staged is not None:
            return self.io.submit(self.case.store.adopt, Path(result.staged),
                                  result.digest.sha256)
        return self.io.submit(self.case.store.put, Path(result.path), result.digest.sha256)

    def discard(self, path: str, result: Any, copy: Future[Path] | None) -> None:
        """Drop an analysed file that will not be recorded (the batch was cancelled)."""
        if copy is None:
            return
        try:
            copy.result()
        except Exception:  # noqa: BLE001 - nothing was stored, nothing to remove
            return
        self._undo_files(result.digest.sha256, None)

    def close(self) -> None:
        """After the workers have stopped: wait for copies, drop unadopted staged copies."""
        self.io.shutdown(wait=True)
        for leftover in self.case.store.staging.glob(f"{self._batch}*"):
            leftover.unlink(missing_ok=True)

    def record(self, path: str, result: FileAnalysis | BaseException,
               copy: Future[Path] | None = None) -> None:
        if isinstance(result, WorkerCrashed):
            self.reject(path, str(result), result.code, result.params)
            return
        if isinstance(result, BaseException):
            kind = type(result).__name__
            self.reject(path, f"internal error: {kind}: {result}", "IMPORT_INTERNAL_ERROR",
                        {"kind": kind, "detail": one_line(str(result))})
            return
        if result.reason is not None:
            self.reject(path, result.reason, result.reason_code, result.reason_params)
            return
        try:
            if result.known:
                self._record_duplicate(result)
            else:
                self._record_new(result, copy)
        except Exception as exc:  # noqa: BLE001 - a failed write rejects this file only
            self.reject(path, f"could not be recorded in the case: {_first_line(exc)}",
                        "IMPORT_RECORD_FAILED", {"detail": _first_line(exc)})

    # -- duplicates --------------------------------------------------------------------

    def _record_duplicate(self, analysis: FileAnalysis) -> None:
        sha = analysis.digest.sha256  # type: ignore[union-attr]
        with self.case.reading() as session:
            # The usual re-import (same bytes, same path) writes nothing: no write lock.
            existing = self._existing(session, sha)
            if existing is not None and self._has_source(session, existing, analysis.path):
                self.report.duplicates.append(DuplicateFile(
                    path_text(analysis.path), sha, existing.photo_id, existing.name, False))
                return
        with self.case.writing() as session:
            existing = self._existing(session, analysis.digest.sha256)  # type: ignore[union-attr]
            if existing is None:
                raise RuntimeError("the photo with these bytes disappeared during the import")
            self._duplicate_in(session, analysis, existing)

    def _duplicate_in(self, session: Session, analysis: FileAnalysis, existing: _Existing) -> None:
        """Record `analysis.path` as another source of an existing photo (if it is new)."""
        sha = analysis.digest.sha256  # type: ignore[union-attr]
        path, name = path_text(analysis.path), path_text(Path(analysis.path).name)
        already = self._has_source(session, existing, analysis.path)
        if not already:
            session.add(PhotoSource(
                photo_id=existing.photo_id, path=path, name=name,
                file_mtime_utc=analysis.mtime_utc, recorded_utc=utc_now(),
                examiner=self.case.examiner,
            ))
            session.flush()
            self.case.audit(session, "photo.source_added", "photo", existing.photo_id,
                            photo_sha256=sha,
                            details={"sha256": sha, "source_path": path, "name": name,
                                     "file_mtime_utc": iso_z(analysis.mtime_utc),
                                     "examiner": self.case.examiner})
        self.report.duplicates.append(DuplicateFile(
            path, sha, existing.photo_id, existing.name, not already))

    def _has_source(self, session: Session, existing: _Existing, path: str) -> bool:
        """Whether `path` is already recorded as a source of that photo."""
        return session.execute(
            select(PhotoSource.id).where(PhotoSource.photo_id == existing.photo_id,
                                         PhotoSource.path == path_text(path)).limit(1)
        ).first() is not None

    def _existing(self, session: Session, sha256: str) -> _Existing | None:
        row = session.execute(
            select(Photo.id, Photo.original_name).where(
                Photo.case_id == self.case.case_id, Photo.sha256 == sha256)
        ).first()
        return None if row is None else _Existing(row[0], row[1])

    # -- new photos --------------------------------------------------------------------

    def _record_new(self, analysis: FileAnalysis, copy: Future[Path] | None) -> None:
        digest = analysis.digest
        meta = analysis.metadata
        assert digest is not None and meta is not None
        sha = digest.sha256
        source = Path(analysis.path)
        thumb: Path | None = None
        try:
            if copy is not None:
                copy.result()
            # Again, in this thread: a no-op when the copy is there, a fresh copy when a
            # failed insert of the same bytes earlier in the batch has just removed it.
            self.case.store.put(source, sha)
            if analysis.thumbnail:
                thumb = self._put_thumbnail(sha, analysis.thumbnail)
            self._check_unchanged(source, digest.size, analysis.mtime_ns)
            try:
                with self.case.writing() as session:
                    earlier = self._recorded.get(sha)
                    if earlier is not None:  # the same bytes earlier in this batch
                        self._duplicate_in(session, analysis, earlier)
                        return
                    # No query for the bytes first: the workers were told the case's
                    # hashes, this batch's are in `_recorded`, and the unique (case, sha256)
                    # refuses a row another importer committed meanwhile (below).
                    photo_id = self._insert_photo(session, analysis, thumb is not None)
            except IntegrityError:
                # Another importer (a team member, on PostgreSQL) committed the same bytes
                # between our check and our insert: the unique (case, sha256) refused this
                # row, so the file is recorded as the duplicate it now is.
                with self.case.reading() as session:
                    if self._existing(session, sha) is None:
                        raise
                self._record_duplicate(analysis)
                return
        except BaseException:
            self._undo_files(sha, thumb)
            raise
        self._recorded[sha] = _Existing(photo_id, path_text(source.name))
        self.report.imported.append(ImportedFile(path_text(analysis.path), sha, photo_id))

    def _insert_photo(self, session: Session, analysis: FileAnalysis, has_thumbnail: bool) -> int:
        digest, meta = analysis.digest, analysis.metadata
        assert digest is not None and meta is not None
        now = utc_now()
        path, name = path_text(analysis.path), path_text(Path(analysis.path).name)
        normalized = _json_safe(meta.to_json())
        if analysis.thumbnail is not None:  # decoded, so the worker compared the thumbnail
            normalized["thumbnail_check"] = analysis.thumbnail_check
        if analysis.history is not None:
            normalized["history"] = analysis.history
        if meta.c2pa is not None:  # beside the `c2pa` contract object: signer's organization,
            normalized["c2pa_detail"] = _json_safe(meta.c2pa.detail_json())  # reason, list
        tags = normalized.pop("tags", None) or {}
        raw = {"tags": tags, "xmp": normalized.pop("xmp", None),
               "iptc": normalized.pop("iptc", None)}
        photo = Photo(
            case_id=self.case.case_id,
            sha256=digest.sha256,
            md5=digest.md5,
            size=digest.size,
            original_name=name,
            original_path=path,
            file_mtime_utc=analysis.mtime_utc,
            imported_utc=now,
            importer=self.case.examiner,
            format=(meta.format or "")[:20],
            stored_width=meta.stored_width or 0,
            stored_height=meta.stored_height or 0,
            width=meta.width or 0,
            height=meta.height or 0,
            orientation=meta.orientation,
            capture_local=meta.datetime_original,
            has_thumbnail=has_thumbnail,
            meta=normalized,
            raw_tags=raw,
        )
        session.add(photo)
        session.flush()
        session.add(PhotoSource(
            photo_id=photo.id, path=path, name=name,
            file_mtime_utc=analysis.mtime_utc, recorded_utc=now, examiner=self.case.examiner,
        ))
        self.case.audit(session, "photo.import", "photo", photo.id, photo_sha256=digest.sha256,
                        details={"sha256": digest.sha256, "md5": digest.md5, "size": digest.size,
                                 "source_path": path, "original_name": name,
                                 "file_mtime_utc": iso_z(analysis.mtime_utc),
                                 "format": photo.format, "width": photo.width,
                                 "height": photo.height, "examiner": self.case.examiner})
        session.flush()
        mark_new_photo(session, photo)  # its verdict, in the same transaction
        return photo.id

    def _check_unchanged(self, source: Path, size: int, mtime_ns: int | None) -> None:
        """Refuse a file that changed between hashing and copying (the copy would not be
        the hashed bytes). Size and modification time are the cheap witnesses."""
        st = source.stat()
        if st.st_size != size or (mtime_ns is not None and st.st_mtime_ns != mtime_ns):
            raise RuntimeError("the file changed while it was being imported; import it again")

    def _put_thumbnail(self, sha256: str, data: bytes) -> Path:
        """Write the thumbnail to a temporary file and rename it into place."""
        target = self.case.thumb_path(sha256)
        if target.parent not in self._thumb_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._thumb_dirs.add(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", suffix=".jpg", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def _undo_files(self, sha256: str, thumb: Path | None) -> None:
        """After a failed transaction: remove the copy and thumbnail unless a photo has them."""
        try:
            with self.case.reading() as session:
                referenced = self._existing(session, sha256) is not None
        except Exception:  # noqa: BLE001 - when in doubt, keep the bytes
            return
        if referenced:
            return
        self.case.store.remove_unreferenced(sha256)
        if thumb is not None:
            thumb.unlink(missing_ok=True)


def _json_safe(value: dict[str, Any]) -> dict[str, Any]:
    """A JSON round trip, so the database stores exactly what the JSON output will show."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _first_line(exc: BaseException) -> str:
    return first_line(getattr(exc, "orig", None) or exc, type(exc).__name__)
