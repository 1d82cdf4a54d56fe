"""Warnings a C decoder prints on the process's standard error, kept off it.

libjpeg (Pillow's, and `jpeglib`'s, which reads DCT coefficients) and libtiff print their
warnings about damaged files ("Corrupt JPEG data: premature end of data segment",
"TIFFFillStrip: Read error on strip 0") straight to file descriptor 2, beside our one-line
error for the same file: importing the corpus printed 473 such lines for 110 refused files.
`held_c_warnings` points descriptor 2 at a temporary file for the duration of a call, and
gives back to standard error any line that is not a decoder's (another thread may have
written meanwhile). The import's worker processes, whose only channel is their result,
send descriptor 2 to the null device instead (`silence_c_warnings`).
"""

from __future__ import annotations

import os
import re
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

# libtiff's messages are "Module: text" (TIFFReadDirectory, Fax3Decode, OJPEGReadHeader…,
# JPEGLib for its JPEG codec), or "file name: text" for the file Pillow hands it.
LIBTIFF_MESSAGE = re.compile(
    r"^(_?TIFF\w*|Fax\w*|OJPEG\w*|JPEG\w*|LZW\w*|PixarLog\w*|ZIP\w*|LZMA\w*|ZSTD\w*"
    r"|WEBP\w*|MissingRequired|EstimateStripByteCounts|ChopUpSingleUncompressedStrip"
    r"|\S+\.tiff?): ")


def is_decoder_message(line: str) -> bool:
    """Whether a line of standard error is libjpeg's or libtiff's."""
    return line.startswith(LIBJPEG_WARNINGS) or LIBTIFF_MESSAGE.match(line) is not None


def silence_c_warnings() -> None:
    """For a worker process: descriptor 2 to the null device, for good. ANNOTATOR_DEBUG
    keeps it (a developer wants to see everything)."""
    if os.environ.get("ANNOTATOR_DEBUG"):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no null device here: the messages show, nothing else changes
        return
    os.dup2(null, 2)
    os.close(null)


_LOCK = threading.RLock()  # one thread redirecting at a time (nested: see held_c_warnings)


@contextmanager
def held_c_warnings() -> Iterator[list[str]]:
    """Collect, in the yielded list, the decoders' messages printed during the block.
    Nested holds work: the inner gives back what is not a decoder's to the outer. Where no
    temporary file can be made (a full or read-only temp folder), or descriptor 2 is not
    open, the block runs as it would without this (the messages then show)."""
    caught: list[str] = []
    with _LOCK:
        try:
            hold = tempfile.TemporaryFile()
        except OSError:
            yield caught
            return
        with hold:
            try:
                saved = os.dup(2)
            except OSError:
                yield caught
                return
            try:
                sys.stderr.flush()
            except (OSError, ValueError):
                pass
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
                    (caught if is_decoder_message(line) else others).append(line)
                if others:
                    os.write(2, ("\n".join(others) + "\n").encode("utf-8", "replace"))
