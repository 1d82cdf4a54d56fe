"""How every undoable edit reaches the database — one protocol for boxes, flights, claims
and sources, so none of them can show an edit as saved that was not.

1. Edits reach the database in the order they were made: while earlier edits wait in the
   pending queue (the server was unreachable), a new one queues behind them.
2. If someone else saved the same record first (EditConflict), the user sees both values:
   "mine" saves again over their version (audited as such), "theirs" drops this edit
   (audited) and the command becomes obsolete.
3. A lost connection keeps the edit, marked pending and retried; any other failure is said
   on the status bar and the command becomes obsolete (the undo stack drops it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.conflicts import record_kept_theirs
from annotator.core.errors import EditConflict, first_line
from annotator.gui.dialogs.conflict_dialog import MINE
from annotator.gui.i18n.core_text import tr_error
from annotator.gui.undo.pending import is_connection_error

MAX_CONFLICT_ROUNDS = 3  # still racing after this many: the conflict reaches the user


class KeptTheirs(Exception):
    """The user chose the other investigator's saved values over this edit."""


def one_line(exc: BaseException) -> str:
    """The error's first line, in the user's language (core errors are translated by code)."""
    return first_line(tr_error(exc), type(exc).__name__)


def save_resolving(session: Any, action: Callable[[], None],
                   take_fresh_version: Callable[[EditConflict], None]) -> None:
    """Run `action`; on an edit conflict ask the user. "Mine": `take_fresh_version(conflict)`
    then run again over it. "Theirs": audit it and raise KeptTheirs."""
    for _ in range(MAX_CONFLICT_ROUNDS):
        try:
            action()
            return
        except EditConflict as conflict:
            if session.resolve_conflict(conflict) != MINE:
                record_kept_theirs(session.case, conflict)
                raise KeptTheirs from conflict
            take_fresh_version(conflict)
    action()


def run_saving(command: QUndoCommand, session: Any, attempt: Callable[[], None],
               saved_later: Callable[[], None]) -> bool:
    """Save through `attempt` (conflict-aware) under the pending/failure protocol.

    Returns True when the command was only dropped from the pending queue (an undo or redo
    of an edit that never reached the database): nothing was written. On failure the
    command gets `failed = True` and `error`, and is made obsolete.
    """
    pending = getattr(session, "pending", None)
    if pending is not None:
        if pending.cancel(command):
            return True
        if len(pending):
            pending.add(command, attempt, saved_later)
            return False
    try:
        attempt()
    except KeptTheirs:
        _fail(command, None)
        session.status_message.emit(QCoreApplication.translate(
            "Saving", "Kept the other investigator's values: {0} was not applied"
        ).format(command.text()))
    except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not crash
        if pending is not None and is_connection_error(exc):
            # Kept, marked "(pending)" in the history, retried; never shown as saved.
            pending.add(command, attempt, saved_later)
        else:
            _fail(command, one_line(exc))
            session.status_message.emit(QCoreApplication.translate(
                "Saving", "Not saved: {0} ({1})").format(command.text(), command.error))
    return False


def _fail(command: QUndoCommand, error: str | None) -> None:
    command.failed = True  # type: ignore[attr-defined]
    command.error = error  # type: ignore[attr-defined]
    command.setObsolete(True)


class SavingCommand(QUndoCommand):
    """Base of every undoable edit: `redo` runs `apply`, `undo` runs `revert`, both through
    the protocol above; then `tell_views` lets the views reload from the database.

    Subclasses implement `apply`/`revert` (core calls), and may override `tell_views`,
    `saved_later` (a pending edit that reached the database), `take_fresh_version` (commands
    that carry versions) and `after_run` (after a run that was not merely dropped).
    """

    def __init__(self, session: Any, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.failed = False
        self.error: str | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def take_fresh_version(self, conflict: EditConflict) -> None:
        """Edit over `conflict.current_version` next time (commands with versions)."""

    def tell_views(self) -> None:
        """Tell the views what may have changed (after every run)."""

    def saved_later(self) -> None:
        self.tell_views()

    def after_run(self) -> None:
        """Called after a run that was not only dropped from the pending queue."""

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Callable[[], None]) -> None:
        def attempt() -> None:
            save_resolving(self.session, action, self.take_fresh_version)

        dropped = run_saving(self, self.session, attempt, self.saved_later)
        self.tell_views()
        if not dropped:
            self.after_run()
