"""Background work: QRunnables that report back to the GUI thread through signals.

Workers never touch widgets. Tests swap the pool for `ImmediatePool`, which runs each job
at once on the calling thread (as MusicBrainz Picard's tests do), so a test never sleeps.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.gui.core_text import tr_error


class JobSignals(QObject):
    """What a job reports: progress (done, total), its result, or a one-line error."""

    progress = Signal(int, int)
    note = Signal(str)  # what is being worked on now (e.g. the file being imported)
    result = Signal(object)
    error = Signal(str)
    finished = Signal()


class Job(QRunnable):
    """Run `fn(job)` off the GUI thread. `fn` may call `job.report(done, total)` and should
    return early when `job.cancelled` is set."""

    def __init__(self, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # we keep a reference; Qt must not delete it under us

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, note: str | None = None) -> None:
        if note is not None:
            self.signals.note.emit(note)
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            value = self.fn(self)
        except Exception as exc:  # noqa: BLE001 - a worker reports, it never crashes the app
            traceback.print_exc()
            shown = tr_error(exc).strip()  # core errors in the user's language, by code
            text = shown.splitlines()[0] if shown else type(exc).__name__
            self.signals.error.emit(text)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


class ImmediatePool:
    """A stand-in for QThreadPool that runs each job synchronously (for tests)."""

    def start(self, job: QRunnable) -> None:
        job.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True


class JobRunner(QObject):
    """Starts jobs on a pool and keeps them alive until they finish."""

    def __init__(self, pool: QThreadPool | ImmediatePool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self._live: set[Job] = set()

    def submit(
        self,
        fn: Callable[[Job], Any],
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_note: Callable[[str], None] | None = None,
    ) -> Job:
        job = Job(fn)
        self._live.add(job)
        if on_result:
            job.signals.result.connect(on_result)
        if on_error:
            job.signals.error.connect(on_error)
        if on_progress:
            job.signals.progress.connect(on_progress)
        if on_note:
            job.signals.note.connect(on_note)
        job.signals.finished.connect(lambda: self._live.discard(job))
        self.pool.start(job)
        return job

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
