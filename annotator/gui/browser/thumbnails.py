"""Thumbnails for the browser: read from the case's `thumbs/` folder off the GUI thread, kept
in a small LRU of pixmaps, announced in batches.

Requests pile up as the user scrolls; the newest are served first and the oldest dropped
once more than a screenful or two is waiting, so flinging through 10 000 photos never
queues 10 000 file reads. One loader job runs at a time and takes a batch per run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from annotator.gui.background.workers import Job, JobRunner

BATCH = 24
MAX_WAITING = 240


def load_thumbnail(path: Path, size: QSize) -> QImage:
    """The thumbnail at `path` scaled to fit `size`; a null image if it cannot be read."""
    image = QImage(str(path))
    if image.isNull():
        return image
    if image.width() > size.width() or image.height() > size.height():
        image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class ThumbnailCache(QObject):
    """sha256 → QPixmap, loaded on demand. `get` never blocks; `ready` lists what arrived."""

    ready = Signal(list)  # sha256s whose thumbnail (or lack of one) is now known

    def __init__(self, path_of: Callable[[str], Path], jobs: JobRunner, size: QSize,
                 capacity: int = 1500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path_of = path_of  # sha256 -> the thumbnail file
        self._jobs = jobs
        self.size = size
        self._capacity = capacity
        self._pixmaps: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._waiting: deque[str] = deque()
        self._queued: set[str] = set()
        self._lock = threading.Lock()
        self._loading = False
        self._arrived: list[str] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)

    def get(self, sha256: str) -> QPixmap | None:
        """The thumbnail if loaded; else None (and it is queued). A missing file stays None."""
        if sha256 in self._pixmaps:
            self._pixmaps.move_to_end(sha256)
            return self._pixmaps[sha256]
        self._request(sha256)
        return None

    def known(self, sha256: str) -> bool:
        return sha256 in self._pixmaps

    def _request(self, sha256: str) -> None:
        with self._lock:
            if sha256 in self._queued:
                return
            self._queued.add(sha256)
            self._waiting.append(sha256)
            while len(self._waiting) > MAX_WAITING:
                self._queued.discard(self._waiting.popleft())
        self._start_loader()

    def _start_loader(self) -> None:
        if self._loading or not self._waiting:
            return
        self._loading = True
        self._jobs.submit(self._load_batch, self._on_batch, self._on_error)

    def _load_batch(self, job: Job) -> list[tuple[str, QImage]]:
        batch: list[str] = []
        with self._lock:
            while self._waiting and len(batch) < BATCH:
                batch.append(self._waiting.pop())  # newest first: what is on screen now
        return [(sha, load_thumbnail(self._path_of(sha), self.size)) for sha in batch]

    def _on_batch(self, loaded: list[tuple[str, QImage]]) -> None:
        # Runs on the GUI thread (QPixmap must be made there).
        self._loading = False
        for sha, image in loaded:
            self._pixmaps[sha] = None if image.isNull() else QPixmap.fromImage(image)
            self._pixmaps.move_to_end(sha)
        while len(self._pixmaps) > self._capacity:
            self._pixmaps.popitem(last=False)
        with self._lock:
            for sha, _image in loaded:
                self._queued.discard(sha)
        self._arrived.extend(sha for sha, _image in loaded)
        self._flush_timer.start()  # announce after the current event, never inside data()
        self._start_loader()

    def _on_error(self, _message: str) -> None:
        self._loading = False
        self._start_loader()

    def _flush(self) -> None:
        arrived, self._arrived = self._arrived, []
        if arrived:
            self.ready.emit(arrived)
