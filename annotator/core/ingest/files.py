"""Which files an import covers: the paths given, folders walked recursively, in a fixed order.

The order is deterministic (arguments in the order given, each folder's files sorted by
path) so two imports of the same folders number the photos the same way, whatever the
number of worker processes. Every regular file is a candidate, hidden or not: a file that
is not an image is rejected with a reason rather than silently skipped, so the examiner
sees everything the folder held. Paths that cannot be walked are reported, not raised.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.ingest.report import Reason

CASE_FOLDER_REASON = Reason("inside the case folder: not imported", "IMPORT_INSIDE_CASE")


@dataclass
class FileSelection:
    """The files to import (absolute, in order, each once) and the paths refused up front."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, Reason]] = field(default_factory=list)


def _os_reason(exc: OSError) -> Reason:
    if isinstance(exc, FileNotFoundError):
        return Reason("no such file or folder", "IMPORT_NO_SUCH_PATH")
    if isinstance(exc, PermissionError):
        return Reason("unreadable: permission denied", "IMAGE_PERMISSION_DENIED")
    detail = (exc.strerror or type(exc).__name__).lower()
    return Reason(f"unreadable: {detail}", "IMAGE_UNREADABLE", {"detail": detail})


def _kind_reason(mode: int) -> Reason | None:
    """Why a non-regular file cannot be imported (opening a FIFO would block forever)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return Reason("not a regular file (a named pipe)", "IMPORT_NAMED_PIPE")
    if stat.S_ISSOCK(mode):
        return Reason("not a regular file (a socket)", "IMPORT_SOCKET")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Reason("not a regular file (a device)", "IMPORT_DEVICE")
    return Reason("not a regular file", "IMPORT_NOT_REGULAR")


def select_files(paths: Iterable[Path | str], *, exclude: Path | None = None) -> FileSelection:
    """Expand `paths` (files and folders) into the ordered list of files to import.

    Files under `exclude` (the case folder itself: its originals, thumbnails, database) are
    refused, so pointing an import at a parent folder never re-imports the case into itself.
    """
    selection = FileSelection()
    seen: set[Path] = set()
    excluded = os.path.realpath(exclude) if exclude is not None else None

    def add_file(path: Path, mode: int | None = None, check_exclude: bool = True) -> None:
        if path in seen:
            return
        seen.add(path)
        if check_exclude and excluded is not None and _is_within(os.path.realpath(path),
                                                                 excluded):
            selection.refused.append((path, CASE_FOLDER_REASON))
            return
        if mode is None:
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                selection.refused.append((path, _os_reason(exc)))
                return
        reason = _kind_reason(mode)
        if reason:
            selection.refused.append((path, reason))
        else:
            selection.files.append(path)

    for given in paths:
        path = Path(os.path.abspath(given))
        try:
            st = path.stat()
        except OSError as exc:
            if path.is_symlink():
                selection.refused.append((path, Reason("unreadable: a broken symbolic link",
                                                       "IMPORT_BROKEN_LINK")))
            else:
                selection.refused.append((path, _os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(path, selection, add_file, excluded)
        else:
            add_file(path, st.st_mode)
    return selection


def path_text(path: Path | str) -> str:
    """A path as text every database and terminal accepts, losing nothing.

    A name that is not valid UTF-8 (an old archive, a Windows-1252 camera card) reaches
    Python with its odd bytes as lone surrogates, which no UTF-8 encoder takes; those bytes
    are written as `\\xe9` escapes instead, so the recorded path still says exactly which
    bytes the name held.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(root: Path, selection: FileSelection, add_file,  # type: ignore[no-untyped-def]
          excluded: str | None) -> None:
    """Walk `root` depth-first in sorted order, following folder links once (no cycles);
    the `excluded` folder is refused once, as a whole, and not entered."""
    visited: set[str] = set()
    stack = [root]
    # (path, mode or None when unknown, whether it is a link that may point into the case)
    ordered: list[tuple[Path, int | None, bool]] = []
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in visited:
            continue
        visited.add(real)
        if excluded is not None and _is_within(real, excluded):
            selection.refused.append((folder, CASE_FOLDER_REASON))
            continue
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            why = _os_reason(exc)
            selection.refused.append((folder, Reason(f"cannot list folder: {why.text}",
                                                     "IMPORT_FOLDER_UNLISTABLE",
                                                     {"reason": why.text})))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError:
                if entry.is_symlink():
                    selection.refused.append((path, Reason("unreadable: a broken symbolic link",
                                                       "IMPORT_BROKEN_LINK")))
                else:
                    ordered.append((path, None, False))
                continue
            if stat.S_ISDIR(st.st_mode):
                subfolders.append(path)
            else:
                ordered.append((path, st.st_mode, entry.is_symlink()))
        # Pushed in reverse so the stack pops them in sorted order.
        stack.extend(reversed(subfolders))
    ordered.sort(key=lambda item: item[0].relative_to(root).parts)
    # Folders inside the case were not entered, so only links can lead into it.
    for path, mode, is_link in ordered:
        add_file(path, mode, check_exclude=is_link)
