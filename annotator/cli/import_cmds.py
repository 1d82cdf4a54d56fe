"""`annotator import` (files and folders into a case) and `annotator photos` (list them)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from annotator.cli.common import add_case, open_case, print_json


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001
    """Add `import` and `photos`."""
    p = sub.add_parser("import", help="import photo files and folders (recursively) into a case")
    add_case(p)
    p.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="files and folders")
    p.add_argument("--jobs", type=_positive_int, metavar="N",
                   help="worker processes (default: one per CPU; 1 runs in this process)")
    p.add_argument("--max-pixels", type=_pixel_count, metavar="N",
                   help="refuse images larger than N pixels, as decompression bombs "
                        "(default 250000000; 300M also accepted)")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.set_defaults(handler=_import)

    p = sub.add_parser("photos", help="list the case's photos with their metadata")
    add_case(p)
    p.add_argument("--json", action="store_true",
                   help="one object per photo, with the `exif --json` keys and more")
    p.set_defaults(handler=_photos)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _pixel_count(text: str) -> int:
    cleaned = text.strip().replace("_", "").replace(",", "")
    scale = 1
    if cleaned[-1:].upper() == "M":
        cleaned, scale = cleaned[:-1], 1_000_000
    try:
        value = int(float(cleaned) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a pixel count: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1 pixel")
    return value


class ProgressLine:
    """A one-line progress bar on a terminal: bar, count, rate, current file.

    Redrawn at most 10 times a second; `close()` erases it so later lines start clean.
    """

    def __init__(self, stream: TextIO, width: int = 24) -> None:
        self.stream = stream
        self.width = width
        self.start = time.monotonic()
        self.last_draw = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if done < total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        filled = self.width * done // total if total else self.width
        rate = done / (now - self.start) if now > self.start else 0.0
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}  "
                f"{rate:.1f} files/s  {name}")
        columns = _terminal_columns(self.stream)
        self.stream.write("\r" + line[: columns - 1].ljust(columns - 1))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            columns = _terminal_columns(self.stream)
            self.stream.write("\r" + " " * (columns - 1) + "\r")
            self.stream.flush()


def _terminal_columns(stream: TextIO) -> int:
    import shutil

    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return shutil.get_terminal_size().columns


class _CtrlC:
    """The first Ctrl-C stops the batch after the current file (keeping what is in);
    a second one interrupts at once."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self.previous: Any = None

    def __enter__(self) -> _CtrlC:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._first)
        return self

    def _first(self, _signum: int, _frame: Any) -> None:
        self.cancel.set()
        sys.stderr.write("\nannotator: stopping after the current file (Ctrl-C again to "
                         "interrupt now)\n")
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _import(args: argparse.Namespace) -> int:
    if (args.jobs or os.cpu_count() or 1) > 1:
        from annotator.core.ingest.pool import warm_up

        warm_up()  # the workers' imports overlap with opening the case
    from annotator.core.ingest.importer import import_paths

    with open_case(args) as case, _CtrlC() as ctrl_c:
        bar = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
        try:
            report = import_paths(case, args.paths, jobs=args.jobs, max_pixels=args.max_pixels,
                                  progress=bar, cancel=ctrl_c.cancel)
        finally:
            if bar is not None:
                bar.close()
    for rejected in report.rejected:
        sys.stderr.write(f"rejected {_shown(rejected.path)}: {rejected.reason}\n")
    if args.json:
        print_json(report.to_json())
        sys.stderr.write(report.summary() + "\n")
    else:
        for dup in report.duplicates:
            print(f"{_shown(dup.path)}: {dup.message}")
        print(report.summary())
    return 130 if report.cancelled else report.exit_code


def _shown(path: str) -> str:
    """A path on one line: a newline or other control character in a file name is escaped."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in path)


def _photos(args: argparse.Namespace) -> int:
    from annotator.core.photo_json import photos_json

    with open_case(args) as case, case.reading() as session:
        photos = photos_json(session)
    if args.json:
        print_json(photos)
        return 0
    if not photos:
        print("no photos in this case")
        return 0
    print(f"{'id':>5}  {'sha256':<12}  {'pixels':>11}  {'taken (local)':<19}  {'boxes':>5}  name")
    for p in photos:
        size = f"{p['width']}x{p['height']}"
        taken = (p.get("datetime_original") or "")[:19]
        print(f"{p['id']:>5}  {p['sha256'][:12]:<12}  {size:>11}  {taken:<19}  "
              f"{len(p.get('boxes') or []):>5}  {p['original_name']}")
    print(f"{len(photos)} photo{'s' if len(photos) != 1 else ''}")
    return 0
