"""Decoding a photo for the canvas off the GUI thread: a reduced preview first, then the
full image, both upright (EXIF Orientation applied by `annotator.core.images.decode`).

The PIL → QImage conversion also runs in the worker: a 100-megapixel RGB image is 300 MB,
and copying it on the GUI thread would freeze the window. The QImage is allocated once and
filled in strips, so the peak is the PIL image plus the QImage, never a third copy. (Qt's
256 MB allocation limit applies to QImageReader, which we do not use for originals.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from annotator.core.errors import InputRejected
from annotator.core.images.decode import full_upright, reduced_upright

PREVIEW_MIN_SIDE = 900  # the first decode is at least this sharp on its long side
PREVIEW_SIDE = 1024  # default for callers that do not know the photo's size


def preview_side(long_side: int) -> int:
    """The preview's long side: the photo's divided by 8, 4 or 2 (whichever still gives at
    least PREVIEW_MIN_SIDE), so a JPEG decodes at a DCT scale with no costly resampling:
    4000 px → 1000 px in ~50 ms here, where 1024 px takes ~110 ms."""
    for divisor in (8, 4, 2):
        if long_side // divisor >= PREVIEW_MIN_SIDE:
            return long_side // divisor
    return long_side
_STRIP_ROWS = 256


def to_qimage(im: Image.Image) -> QImage:
    """A QImage (RGB888) holding its own copy of `im`'s pixels; safe to call in a worker."""
    rgb = im if im.mode == "RGB" else im.convert("RGB")
    w, h = rgb.size
    qimg = QImage(w, h, QImage.Format.Format_RGB888)
    if qimg.isNull():
        raise InputRejected(f"not enough memory to show a {w}×{h} image")
    bpl = qimg.bytesPerLine()
    row = w * 3
    bits = qimg.bits()
    for top in range(0, h, _STRIP_ROWS):
        bottom = min(h, top + _STRIP_ROWS)
        data = rgb.crop((0, top, w, bottom)).tobytes()
        if bpl == row:
            bits[top * bpl:top * bpl + len(data)] = data
        else:
            for i in range(bottom - top):
                start = (top + i) * bpl
                bits[start:start + row] = data[i * row:(i + 1) * row]
    return qimg


def decode_preview(path: Path, orientation: int | None, max_side: int = PREVIEW_SIDE) -> QImage:
    with reduced_upright(path, max_side, orientation=orientation) as im:
        return to_qimage(im)


def decode_full(path: Path, orientation: int | None) -> QImage:
    with full_upright(path, orientation=orientation) as im:
        return to_qimage(im)


class PhotoImageLoader(QObject):
    """Loads one photo at a time for the canvas; a newer request makes older results stale.

    `on_preview(image)` and `on_full(image)` are called on the GUI thread (through the
    session's job runner) only for the latest request; `on_error(text)` likewise. A newer
    request (or `cancel`) takes the older jobs off the pool when they have not started and
    drops their results when they have, so a decode for a photo no longer shown never
    reaches the canvas, and nothing here keeps its image once it is handed over.
    """

    def __init__(self, jobs, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.jobs = jobs
        self._generation = 0
        self._live: list = []

    def cancel(self) -> None:
        """Forget the current request; jobs not yet started return at once."""
        self._generation += 1
        for job in self._live:
            self.jobs.cancel(job)
        self._live = []

    def _track(self, job) -> None:  # type: ignore[no-untyped-def]
        """Keep `job` for `cancel`, forgetting the ones already finished."""
        self._live = [j for j in self._live if self.jobs.is_live(j)]
        if self.jobs.is_live(job):
            self._live.append(job)

    def load(self, path: Path, orientation: int | None, displayed: tuple[int, int],
             on_preview: Callable[[QImage], None], on_full: Callable[[QImage], None],
             on_error: Callable[[str], None], thumbnail: Path | None = None) -> None:
        """Decode `path` for display. `thumbnail` (the case's upright 256 px JPEG), when
        given, is shown first: a blurred picture within milliseconds beats an empty one."""
        self.cancel()
        generation = self._generation
        side = preview_side(max(displayed))
        needs_full = side < max(displayed)
        shown = {"preview": 0}  # width of the best preview handed out so far

        def current() -> bool:
            return generation == self._generation

        def thumb_job(job):  # type: ignore[no-untyped-def]
            if job.cancelled or thumbnail is None or not thumbnail.is_file():
                return None
            with Image.open(thumbnail) as im:
                return to_qimage(im.convert("RGB"))

        def got_thumb(image: QImage | None) -> None:
            if image is not None and current() and shown["preview"] < image.width():
                shown["preview"] = image.width()
                on_preview(image)

        def preview_job(job):  # type: ignore[no-untyped-def]
            return None if job.cancelled else decode_preview(path, orientation, side)

        def full_job(job):  # type: ignore[no-untyped-def]
            return None if job.cancelled else decode_full(path, orientation)

        def got_full(image: QImage | None) -> None:
            if image is not None and current():
                on_full(image)

        def got_preview(image: QImage | None) -> None:
            if image is None or not current():
                return
            shown["preview"] = image.width()
            # A photo no larger than the preview is already shown at full resolution.
            (on_preview if needs_full else on_full)(image)
            if needs_full:
                self._track(self.jobs.submit(full_job, got_full, failed))

        def failed(text: str) -> None:
            if current():
                on_error(text)

        if thumbnail is not None:
            self._track(self.jobs.submit(thumb_job, got_thumb, lambda _text: None))
        self._track(self.jobs.submit(preview_job, got_preview, failed))
