"""Warnings a C decoder prints on the process's standard error, kept off it.

libjpeg (through `jpeglib`, which reads DCT coefficients) prints its warnings about damaged
files ("Corrupt JPEG data: premature end of data segment") straight to file descriptor 2,
beside our one-line error for the same file. `held_c_warnings` points descriptor 2 at a
temporary file for the duration of a call, and gives back to standard error any line that
is not one of libjpeg's warnings (another thread may have written meanwhile).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The beginnings of libjpeg's warning messages (jerror.h, JWRN_*).
LIBJPEG_WARNINGS = (
    "Corrupt JPEG data", "Premature end of JPEG file", "Warning: unknown JFIF revision",
    "Inconsistent progression sequence", "Invalid SOS parameters for sequential JPEG",
    "Unknown Adobe color transform code", "Application transferred too many scanlines",
)

_LOCK = threading.Lock()  # one redirection at a time: they would restore each other's


@contextmanager
def held_c_warnings() -> Iterator[list[str]]:
    """Collect, in the yielded list, the libjpeg warnings printed during the block."""
    caught: list[str] = []
    with _LOCK, tempfile.TemporaryFile() as hold:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        saved = os.dup(2)
        os.dup2(hold.fileno(), 2)
        try:
            yield caught
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            hold.seek(0)
            text = hold.read().decode("utf-8", "replace")
            others: list[str] = []
            for line in text.splitlines():
                (caught if line.startswith(LIBJPEG_WARNINGS) else others).append(line)
            if others:
                os.write(2, ("\n".join(others) + "\n").encode("utf-8", "replace"))
