"""The content-addressed store of originals: `originals/ab/cdef…` named by SHA-256.

Originals are written once, made read-only, and never touched again; a file already in the
store is never rewritten (same name means same bytes).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
STAGING = ".staging"  # import workers' copies, before their SHA-256 names them


class OriginalStore:
    """Byte-identical, read-only copies of every imported file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the original with this SHA-256 lives (whether or not it is there yet)."""
        return self.root / sha256[:2] / sha256[2:]

    @property
    def staging(self) -> Path:
        """Where import workers write copies before their SHA-256 is known (same file system
        as the store, so `adopt` is an atomic rename)."""
        return self.root / STAGING

    def stage_file(self) -> tuple[int, Path]:
        """A new, empty staging file: (open descriptor, path)."""
        self.staging.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=self.staging)
        return fd, Path(name)

    def adopt(self, staged: Path, sha256: str) -> Path:
        """Move a staged copy (its bytes hashed as they were written) into the store under
        `sha256`, synced to disk first; if the store has those bytes already, the staged
        copy is dropped. Returns the stored path."""
        target = self.path_for(sha256)
        try:
            if target.is_file():
                return target
            with open(staged, "rb") as written:
                os.fsync(written.fileno())
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(staged, READ_ONLY)
            os.replace(staged, target)
        finally:
            staged.unlink(missing_ok=True)
        return target

    def clear_stale_staging(self, older_than_s: float = 86400.0) -> None:
        """Remove staged copies left by a worker that died a day or more ago (a younger one
        may belong to an import still running, here or on a team member's machine)."""
        import time

        try:
            entries = list(self.staging.iterdir())
        except OSError:
            return
        limit = time.time() - older_than_s
        for entry in entries:
            try:
                if entry.name.startswith(".incoming-") and entry.stat().st_mtime < limit:
                    os.chmod(entry, stat.S_IWUSR | READ_ONLY)
                    entry.unlink()
            except OSError:
                continue

    def contains(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Path, sha256: str) -> Path:
        """Copy `source` into the store under `sha256`, atomically; return its path.

        The copy goes to a temporary file in the same folder and is renamed into place, so a
        crash never leaves a half-written original under a real name.
        """
        target = self.path_for(sha256)
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            os.close(fd)
            shutil.copyfile(source, tmp_name)  # sendfile() on Linux: no copy through Python
            with open(tmp_name, "rb") as written:
                os.fsync(written.fileno())
            os.chmod(tmp_name, READ_ONLY)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return target

    def remove_unreferenced(self, sha256: str) -> None:
        """Remove a copy whose database insert failed, so the store matches the records."""
        target = self.path_for(sha256)
        if target.is_file():
            os.chmod(target, stat.S_IWUSR | READ_ONLY)
            target.unlink()
