"""Background work: QRunnables that report back to the GUI thread through signals.

Workers never touch widgets. Tests swap the pool for `ImmediatePool`, which runs each job
at once on the calling thread (as MusicBrainz Picard's tests do), so a test never sleeps.

A long session shows hundreds of photos, each starting a few jobs, so nothing a job or its
callbacks refer to may outlive it. Callbacks are therefore never connected to a per-job Qt
signal (a connection to a Python callable is held by Qt, out of sight of Python's garbage
collector, and a callback that refers to a photo item keeps its full image alive): jobs
report through one bridge object per runner, and the runner keeps each job's callbacks in a
plain dictionary that it empties when the job finishes or is taken off the pool unstarted.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from annotator.core.case import is_connection_error
from annotator.core.errors import first_line
from annotator.gui.i18n.core_text import tr_error


class _Bridge(QObject):
    """Lives on the GUI thread; jobs emit on it from their threads (queued to the GUI)."""

    progress = Signal(object, int, int)  # job, done, total
    note = Signal(object, str)  # job, what is being worked on now
    done = Signal(object, bool, object)  # job, succeeded, result or one-line error


class Job:
    """Run `fn(job)` off the GUI thread. `fn` may call `job.report(done, total)` and should
    return early when `job.cancelled` is set.

    Not a QRunnable: PySide's `QThreadPool.start(runnable)` makes the pool hold a Python
    reference to the runnable for as long as the pool lives, so every job ever run would
    stay. The pool is given the bound `run` instead, wrapped by Qt in a runnable that is
    deleted (with its reference to the job) as soon as it has run.
    """

    def __init__(self, fn: Callable[[Job], Any], bridge: _Bridge) -> None:
        self.fn: Callable[[Job], Any] | None = fn
        self._bridge = bridge
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, note: str | None = None) -> None:
        if note is not None:
            self._send(self._bridge.note, note)
        self._send(self._bridge.progress, done, total)

    def run(self) -> None:
        fn, self.fn = self.fn, None  # what the function holds goes when it returns
        if fn is None:
            return
        try:
            value = fn(self)
        except Exception as exc:  # noqa: BLE001 - a worker reports, it never crashes the app
            if not is_connection_error(exc):  # the server away is no bug: said, not traced
                traceback.print_exc()
            # core errors in the user's language, by code
            text = first_line(tr_error(exc), type(exc).__name__)
            del fn, exc
            self._send(self._bridge.done, False, text)
        else:
            del fn
            self._send(self._bridge.done, True, value)
            del value

    def _send(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(self, *args)
        except RuntimeError:  # the runner was deleted (its window closed): nobody listens
            pass


class ImmediatePool:
    """A stand-in for QThreadPool that runs each job synchronously (for tests)."""

    def start(self, work: Callable[[], None]) -> None:
        work()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True


@dataclass
class _Callbacks:
    on_result: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    on_progress: Callable[[int, int], None] | None
    on_note: Callable[[str], None] | None


class JobRunner(QObject):
    """Starts jobs on a pool, keeps each alive until it finishes, then lets it go."""

    def __init__(self, pool: QThreadPool | ImmediatePool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self._live: dict[Job, _Callbacks] = {}
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._done)
        self._bridge.progress.connect(self._progress)
        self._bridge.note.connect(self._note)

    def submit(
        self,
        fn: Callable[[Job], Any],
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_note: Callable[[str], None] | None = None,
    ) -> Job:
        job = Job(fn, self._bridge)
        self._live[job] = _Callbacks(on_result, on_error, on_progress, on_note)
        self.pool.start(job.run)
        return job

    def cancel(self, job: Job) -> None:
        """Stop `job` and forget it: its callbacks are never called and what they hold is
        let go at once. A job still waiting returns as soon as the pool reaches it; one
        already running finishes its work, and its result is dropped on arrival."""
        job.cancel()
        self._live.pop(job, None)

    def is_live(self, job: Job) -> bool:
        """Whether `job` was submitted here and has not finished (nor been taken off)."""
        return job in self._live

    def live_count(self) -> int:
        """Jobs submitted and not yet finished (tests and benchmarks check it stays small)."""
        return len(self._live)

    def _done(self, job: Job, ok: bool, value: object) -> None:
        callbacks = self._live.pop(job, None)
        if callbacks is None:
            return
        if ok and callbacks.on_result is not None:
            callbacks.on_result(value)
        elif not ok and callbacks.on_error is not None:
            callbacks.on_error(str(value))

    def _progress(self, job: Job, done: int, total: int) -> None:
        callbacks = self._live.get(job)
        if callbacks is not None and callbacks.on_progress is not None:
            callbacks.on_progress(done, total)

    def _note(self, job: Job, note: str) -> None:
        callbacks = self._live.get(job)
        if callbacks is not None and callbacks.on_note is not None:
            callbacks.on_note(note)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


class LatestOnly:
    """One view's reads through a job runner, each superseding the one before: only the
    latest request's result (or error) reaches the view, so a photo selected a moment ago
    never overwrites the one shown now, and a read stuck on an unreachable server never
    holds up the GUI thread (it shows when it comes, or fails with a message)."""

    def __init__(self, jobs: JobRunner) -> None:
        self.jobs = jobs
        self._job: Job | None = None

    def load(self, work: Callable[[], Any], show: Callable[[Any], None],
             failed: Callable[[str], None] | None = None) -> None:
        """Run `work()` off the GUI thread, then `show(result)` on it (or `failed(text)`)."""
        self.cancel()

        def run(job: Job) -> Any:
            return None if job.cancelled else work()

        job = self.jobs.submit(run, show, failed or (lambda _text: None))
        self._job = job if self.jobs.is_live(job) else None

    def cancel(self) -> None:
        """Drop the request in hand (its result is never shown)."""
        if self._job is not None:
            self.jobs.cancel(self._job)
            self._job = None

    def busy(self) -> bool:
        return self._job is not None and self.jobs.is_live(self._job)
