"""The session's one writer: every edit's save runs here, in the order the edits were made,
off the GUI thread; edits the database cannot take yet wait here, shown as pending.

One thread runs the saves one after the other (a test's `ImmediatePool` session runs them
at once on the calling thread instead, as the job runner does), so the GUI never waits on
the database server and a command's undo always runs after its redo: an id the redo gets
from the database (a drawn box's) is known by the time its undo runs.

When the server is unreachable, a save fails with a connection error. The edit is not lost
and not dropped from the history: the writer stops on it, every edit waiting in the queue
is marked "(pending)" in the undo history, the status bar says how many wait, and a timer
retries with backoff (`retry`). Later edits queue behind, so they reach the database in the
order they were made. An undo of an edit that has not started yet takes it off the queue
instead of writing anything (`cancel`).

The outcome of each save comes back to the GUI thread by a queued signal, where the command
finishes (`saving.finish_run`). An edit conflict is the user's to settle: the writer hands it
to the GUI thread, which shows the dialog, and waits for the answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from annotator.core.case import is_connection_error

BACKOFF_MS = (1000, 2000, 5000, 10000, 30000)
STOP_WAIT_MS = 15000  # closing waits this long for a save against a dying server


def pending_suffix() -> str:
    """What marks a waiting edit's entry in the undo history."""
    return QCoreApplication.translate("PendingEdits", " (pending)")


class WriterStopped(Exception):
    """A save given up because the case closed (or no answer came) while it waited."""


@dataclass(eq=False)
class Run:
    """One save: `command`'s apply or revert (`action`), as `attempt` runs it."""

    command: Any  # a SavingCommand
    attempt: Callable[[], None]  # conflict-aware; raises what the save raised
    finish: Callable[[Run, BaseException | None], None]  # on the GUI thread, once done
    label: str  # the command's text without the pending mark
    started: bool = False
    marked: bool = False  # shown "(pending)" in the history


@dataclass
class _Question:
    """An edit conflict handed to the GUI thread; the writer waits for `answer`."""

    conflict: Any
    answer: str | None = None
    done: threading.Event = field(default_factory=threading.Event)


class PendingEdits(QObject):
    """The ordered writer of one case session (`session.pending`).

    `len()` counts the edits shown as pending (waiting because the server was unreachable);
    `unsaved()` counts every edit not yet in the database (in flight or pending).
    """

    changed = Signal(int)  # how many edits are shown as pending
    run_finished = Signal(object, object)  # Run, None (saved) or the exception it raised
    stalled = Signal()  # the server could not be reached: the queue waits for a retry
    _ask = Signal(object)  # _Question

    def __init__(self, session: Any, *, threaded: bool = True) -> None:
        super().__init__(session)
        self.session = session
        self._lock = threading.Condition()
        self._queue: list[Run] = []
        self._stalled = False  # the server proved unreachable: wait for `retry`
        self._running: Run | None = None
        self._wake = False
        self._stopping = False
        self._failures = 0
        self._inline_busy = False
        self._marked_count = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.retry)
        self.run_finished.connect(self._finished)
        self.stalled.connect(self._on_stalled)
        self._ask.connect(self._answer)
        # A daemon thread, not a QThread: a session a test never closes leaves it idle on
        # its condition, and the interpreter still exits.
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self.work, name="annotator-writer",
                                            daemon=True)
            self._thread.start()

    # -- the GUI thread's side -------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:  # edits, as the history lists them (merged nudges are one)
            return len({id(run.command) for run in self._queue if run.marked})

    def unsaved(self) -> int:
        with self._lock:
            return len({id(run.command) for run in self._queue})

    def holds(self, command: Any) -> bool:
        with self._lock:
            return any(run.command is command for run in self._queue)

    def submit(self, command: Any, attempt: Callable[[], None],
               finish: Callable[[Run, BaseException | None], None]) -> None:
        """Queue a save of `command` (its apply or revert, as `attempt`); `finish(run,
        error)` is called on the GUI thread once it is saved or failed for good."""
        run = Run(command, attempt, finish, _label(command))
        with self._lock:
            command.runs_in_flight = [*getattr(command, "runs_in_flight", []), run]
            command.transition = [run]  # what an undo of this redo (or the reverse) cancels
            self._queue.append(run)
            stalled = self._stalled
            if stalled:
                self._mark(run)
            self._lock.notify_all()
        if stalled:
            self._announce()
        elif self._thread is None:
            self._run_inline()

    def cancel(self, command: Any) -> bool:
        """Take `command`'s latest redo or undo (its saves) off the queue if none of it has
        started: an undo of an edit that never reached the database, or a redo of an undo
        still waiting, writes nothing. True when it was taken off."""
        with self._lock:
            runs = list(getattr(command, "transition", []))
            if not runs or any(run.started or run not in self._queue for run in runs):
                return False
            marked = False
            for run in runs:
                self._queue.remove(run)
                if run.marked:
                    marked = True
                    command.setText(run.label)
                command.runs_in_flight.remove(run)
            command.transition = []
            if not self._queue:
                self._stalled, self._failures = False, 0
        if not self._queue:
            self.timer.stop()
        if marked:
            self._announce()
        return True

    def adopt(self, survivor: Any, merged: Any) -> None:
        """`merged` was merged into `survivor` (repeated nudges): its saves are survivor's."""
        with self._lock:
            runs = list(getattr(merged, "runs_in_flight", []))
            for run in runs:
                run.command = survivor
            merged.runs_in_flight, merged.transition = [], []
            survivor.runs_in_flight = [*getattr(survivor, "runs_in_flight", []), *runs]
            survivor.transition = [*getattr(survivor, "transition", []), *runs]
            if any(run.marked for run in runs):
                survivor.setText(_label(survivor) + pending_suffix())

    def retry(self) -> None:
        """Try the waiting edits again now (the timer's call; also on closing)."""
        with self._lock:
            self._wake = True
            self._lock.notify_all()
        if self._thread is None:
            self._run_inline()

    def flush(self, timeout_ms: int = 8000) -> None:
        """Retry now and wait (the window keeps painting) until every edit is saved or the
        server proved unreachable again, at most `timeout_ms`."""
        self.retry()
        if self._thread is None:
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        deadline = QTimer()
        deadline.setSingleShot(True)

        def check() -> None:
            with self._lock:
                settled = not self._queue or (self._stalled and not self._wake
                                              and self._running is None)
            if settled:
                loop.quit()

        poll.timeout.connect(check)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(timeout_ms)
        check()
        if poll.isActive() and deadline.isActive():
            loop.exec()
        poll.stop()
        deadline.stop()
        QCoreApplication.sendPostedEvents(self)  # outcomes already signalled land now

    def idle(self) -> bool:
        """Nothing waits to be written."""
        with self._lock:
            return not self._queue

    def stop(self) -> None:
        """End the writer thread (the case is closing): what has not started is not written."""
        self.timer.stop()
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(STOP_WAIT_MS / 1000)  # a save stuck on the network ends alone

    def _run_inline(self) -> None:
        """Without a thread (tests): run the queue now; re-entrant calls leave it to the
        loop already running."""
        if self._inline_busy:
            return
        self._inline_busy = True
        try:
            while self._step():
                pass
        finally:
            self._inline_busy = False

    def _finished(self, run: Run, error: BaseException | None) -> None:
        run.finish(run, error)
        if run.marked:
            self._announce()

    def _on_stalled(self) -> None:
        with self._lock:
            for run in self._queue:
                self._mark(run)
            delay = BACKOFF_MS[min(self._failures, len(BACKOFF_MS) - 1)]
            self._failures += 1
        self.timer.start(delay)
        self._announce()

    def _mark(self, run: Run) -> None:
        if not run.marked:
            run.marked = True
            if alive(run.command):
                run.command.setText(run.label + pending_suffix())

    def _answer(self, question: _Question) -> None:
        try:
            question.answer = self.session.resolve_conflict(question.conflict)
        finally:
            question.done.set()

    def ask(self, conflict: Any) -> str:
        """The user's answer to an edit conflict ("mine" or "theirs"), asked on the GUI
        thread while the writer waits. If the case closes meanwhile, nobody answered: the
        edit is not written and nothing is recorded as chosen (WriterStopped)."""
        if self._thread is None or threading.current_thread() is not self._thread:
            return str(self.session.resolve_conflict(conflict))
        question = _Question(conflict)
        self._ask.emit(question)
        while not question.done.wait(0.1):
            if self._stopping:
                raise WriterStopped("the case closed before the conflict was settled")
        if question.answer is None:  # the dialog itself failed
            raise WriterStopped("the conflict was not settled")
        return question.answer

    def _announce(self) -> None:
        count = len(self)
        was, self._marked_count = self._marked_count, count
        self.changed.emit(count)
        if count:
            self.session.status_message.emit(self._waiting_text(count))
        elif was:
            self.session.status_message.emit(QCoreApplication.translate(
                "PendingEdits", "All edits saved"))

    @staticmethod
    def _waiting_text(count: int) -> str:
        return QCoreApplication.translate(
            "PendingEdits", "The database is unreachable: {0} edit(s) pending, not yet "
            "saved; retrying").format(count)

    # -- the writer's side ------------------------------------------------------------------

    def work(self) -> None:
        """The writer thread's loop: run the head, one at a time, until stopped."""
        while True:
            with self._lock:
                while not self._stopping and not self._ready():
                    self._lock.wait()
                if self._stopping:
                    return
            self._step()

    def _ready(self) -> bool:
        return bool(self._queue) and (not self._stalled or self._wake)

    def _step(self) -> bool:
        """Save the queue's head; False when there is nothing (more) to do now."""
        with self._lock:
            if self._stopping or not self._ready():
                self._wake = False
                return False
            self._wake = False
            run = self._queue[0]
            run.started = True
            self._running = run
        try:
            run.attempt()
            error: BaseException | None = None
        except Exception as exc:  # noqa: BLE001 - sorted below: wait again, or report
            error = exc
        with self._lock:
            self._running = None
            stalled = error is not None and is_connection_error(error)
            if stalled:
                run.started = False  # not written: an undo may still take it off
                self._stalled = True
            else:
                self._queue.remove(run)
                if run in getattr(run.command, "runs_in_flight", []):
                    run.command.runs_in_flight.remove(run)
                self._stalled, self._failures = False, 0  # the server answered
        try:
            if stalled:
                self.stalled.emit()
            else:
                self.run_finished.emit(run, error)
        except RuntimeError:  # the session is gone (its window closed): nobody listens
            return False
        return not stalled


def alive(command: Any) -> bool:
    """Whether Qt still has `command` (the stack deletes merged and obsolete commands)."""
    return bool(shiboken6.isValid(command))


def _label(command: Any) -> str:
    text = str(command.text())
    suffix = pending_suffix()
    return text[: -len(suffix)] if suffix and text.endswith(suffix) else text
