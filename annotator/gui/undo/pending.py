"""Edits waiting for the database: kept, shown as pending, retried, never shown as saved.

When a team's PostgreSQL server is unreachable, an edit's save fails with a connection error.
The edit is not lost and not dropped from the history: its undo entry is marked "(pending)",
the status bar says how many edits wait, and a timer retries them in order with backoff.
While any edit waits, later edits queue behind it, so they reach the database in the order
they were made. Any other failure (a refused value, a conflict) is not a connection problem
and is reported as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from annotator.core.case import is_connection_error
from annotator.core.errors import first_line
from annotator.gui.i18n.core_text import tr_error

BACKOFF_MS = (1000, 2000, 5000, 10000, 30000)


def pending_suffix() -> str:
    """What marks a waiting edit's entry in the undo history."""
    return QCoreApplication.translate("PendingEdits", " (pending)")


@dataclass
class _Waiting:
    command: Any  # a QUndoCommand with `text()`/`setText()`
    action: Callable[[], None]
    done: Callable[[], None]  # called on the GUI thread once the save went through
    label: str


class PendingEdits(QObject):
    """The session's queue of unsaved edits and its retry timer."""

    changed = Signal(int)  # how many edits wait

    def __init__(self, session: Any) -> None:
        super().__init__(session)
        self.session = session
        self._queue: list[_Waiting] = []
        self._failures = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.retry)

    def __len__(self) -> int:
        return len(self._queue)

    def holds(self, command: Any) -> bool:
        return any(w.command is command for w in self._queue)

    def add(self, command: Any, action: Callable[[], None], done: Callable[[], None]) -> None:
        label = command.text()
        if not label.endswith(pending_suffix()):
            command.setText(label + pending_suffix())
        self._queue.append(_Waiting(command, action, done, label))
        self._announce()
        if not self.timer.isActive():
            self._schedule()

    def cancel(self, command: Any) -> bool:
        """Forget a waiting edit of `command` (its undo before it was ever saved)."""
        for waiting in list(self._queue):
            if waiting.command is command:
                self._queue.remove(waiting)
                command.setText(waiting.label)
                self._announce()
                return True
        return False

    def retry(self) -> None:
        """Save the waiting edits in order; stop at the first that still cannot reach it."""
        if not self._queue:
            return
        while self._queue:
            waiting = self._queue[0]
            try:
                waiting.action()
            except Exception as exc:  # noqa: BLE001 - sorted below: wait again or report
                if is_connection_error(exc):
                    self._failures += 1
                    self._schedule()
                    self._announce()
                    return
                self._queue.pop(0)
                waiting.command.setText(waiting.label)
                waiting.command.setObsolete(True)
                self.session.status_message.emit(QCoreApplication.translate(
                    "PendingEdits", "Not saved: {0} ({1})").format(
                        waiting.label, first_line(tr_error(exc), "")))
                continue
            self._queue.pop(0)
            waiting.command.setText(waiting.label)
            waiting.done()
        self._failures = 0
        self._announce()

    def _schedule(self) -> None:
        self.timer.start(BACKOFF_MS[min(self._failures, len(BACKOFF_MS) - 1)])

    def _announce(self) -> None:
        count = len(self._queue)
        self.changed.emit(count)
        if count:
            self.session.status_message.emit(QCoreApplication.translate(
                "PendingEdits", "The database is unreachable: {0} edit(s) pending, not yet "
                "saved; retrying").format(count))
        else:
            self.session.status_message.emit(QCoreApplication.translate(
                "PendingEdits", "All edits saved"))
