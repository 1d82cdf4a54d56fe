"""Rendering packet pictures ahead, in the background, while the examiner works.

A packet's annotated pictures and full-resolution crops need each original decoded, which is
most of an export's time. So a moment after an edit settles (boxes drawn, moved, tagged; a
verdict or a flight changed), the edited photos' pictures are rendered into the case's render
cache on one low-priority thread, and the export later only packs them. Shortly after a case
opens, every photo with boxes is checked the same way (rendering only what is missing).
Nothing here is evidence: the cache is checked on use, and deleting it loses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QThreadPool, QTimer

from annotator.core.packet.pictures import PrepareResult, photos_with_boxes, prepare_pictures
from annotator.gui.background.workers import ImmediatePool, Job, JobRunner

SETTLE_MS = 1500  # after the last edit, so a drag or a run of nudges renders once
OPEN_DELAY_MS = 4000  # after a case opens, once its views have loaded


class PicturePreparer(QObject):
    """Watches one case session's change signals and renders in the background."""

    def __init__(self, session: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        pool = session.jobs.pool  # type: ignore[attr-defined]
        if not isinstance(pool, ImmediatePool):  # tests run jobs at once; the app gets a
            pool = QThreadPool(self)  # thread of its own, so previews never wait behind it
            pool.setMaxThreadCount(1)
            pool.setThreadPriority(QThread.Priority.LowPriority)
        self.jobs = JobRunner(pool, self)
        self._pending: set[int] = set()
        self._all = False
        self._running: Job | None = None
        self._busy = False
        # A read-only case keeps no renders (its folder cannot, or must not, be written).
        self._stopped = bool(getattr(getattr(session, "case", None), "read_only", False))
        self._paused = False
        self.last_result: PrepareResult | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)
        session.boxes_changed.connect(self.photo_edited)  # type: ignore[attr-defined]
        session.photo_changed.connect(self.photo_edited)  # type: ignore[attr-defined]
        session.photos_changed.connect(self.all_edited)  # type: ignore[attr-defined]
        session.flights_changed.connect(self.all_edited)  # type: ignore[attr-defined]
        QTimer.singleShot(OPEN_DELAY_MS, self, self.all_edited)

    def photo_edited(self, photo_id: int) -> None:
        if not self._stopped:
            self._pending.add(int(photo_id))
            self._timer.start()

    def all_edited(self) -> None:
        """Verdicts and flights touch many photos: check every photo with boxes."""
        if not self._stopped:
            self._all = True
            self._timer.start()

    def pause(self) -> None:
        """Stand aside (an export is running): the job in hand stops after its photo, and
        edits meanwhile are remembered for `resume`."""
        self._paused = True
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()

    def resume(self) -> None:
        self._paused = False
        self.all_edited()  # what the cancelled job had left, and any edit meanwhile

    def _start(self) -> None:
        if self._stopped or self._paused:
            return
        if self._busy:
            self._timer.start()  # one job at a time; look again once it is done
            return
        if not self._pending and not self._all:
            return
        ids, everything = sorted(self._pending), self._all
        self._pending, self._all = set(), False
        case = self.session.case  # type: ignore[attr-defined]

        def work(job: Job) -> PrepareResult:
            targets = photos_with_boxes(case) + ids if everything else ids
            return prepare_pictures(case, targets, cancelled=lambda: job.cancelled)

        self._busy = True
        job = self.jobs.submit(work, on_result=self._done, on_error=self._failed)
        self._running = job if self._busy else None  # a test pool has already run it

    def _done(self, result: PrepareResult) -> None:
        self.last_result = result
        self._busy, self._running = False, None

    def _failed(self, _message: str) -> None:
        # Rendering ahead is an optimisation: the export renders whatever is missing and
        # reports any photo it cannot render, so nothing is shown here.
        self._busy, self._running = False, None

    def stop(self) -> None:
        """Cancel the running job (it stops after the photo in hand) and wait for it."""
        self._stopped = True
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()
        self.jobs.wait(10000)
