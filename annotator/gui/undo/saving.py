"""How every undoable edit reaches the database — one protocol for boxes, flights, claims
and sources, so none of them can show an edit as saved that was not.

1. Edits reach the database in the order they were made, off the GUI thread: every redo
   and undo is a save queued on the session's one writer (`pending.PendingEdits`), which
   runs them one at a time; the command finishes on the GUI thread when its save is done
   (`finish_run`): the views reload, the history shows what happened.
2. If someone else saved the same record first (EditConflict), the user sees both values
   (asked on the GUI thread while the writer waits): "mine" saves again over their version
   (audited as such), "theirs" drops this edit (audited) and the command becomes obsolete.
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
from annotator.gui.undo.pending import PendingEdits, Run, alive

MAX_CONFLICT_ROUNDS = 3  # still racing after this many: the conflict reaches the user


class KeptTheirs(Exception):
    """The user chose the other investigator's saved values over this edit."""


def one_line(exc: BaseException) -> str:
    """The error's first line, in the user's language (core errors are translated by code)."""
    return first_line(tr_error(exc), type(exc).__name__)


def save_resolving(session: Any, action: Callable[[], None],
                   take_fresh_version: Callable[[EditConflict], None],
                   ask: Callable[[EditConflict], str] | None = None) -> None:
    """Run `action`; on an edit conflict ask the user (`ask`, default the session's
    `resolve_conflict`). "Mine": `take_fresh_version(conflict)` then run again over it.
    "Theirs": audit it and raise KeptTheirs."""
    ask = ask or session.resolve_conflict
    for _ in range(MAX_CONFLICT_ROUNDS):
        try:
            action()
            return
        except EditConflict as conflict:
            if ask(conflict) != MINE:
                record_kept_theirs(session.case, conflict)
                raise KeptTheirs from conflict
            take_fresh_version(conflict)
    action()


def finish_run(session: Any, run: Run, error: BaseException | None) -> None:
    """On the GUI thread, once the writer is done with `run`: say what happened and let the
    views reload. A failed or refused save makes the command obsolete (`failed`, `error`)."""
    command = run.command
    is_alive = alive(command)
    if is_alive and run.marked:
        command.setText(run.label)
    if isinstance(error, KeptTheirs):
        _fail(command, None, is_alive)
        session.status_message.emit(QCoreApplication.translate(
            "Saving", "Kept the other investigator's values: {0} was not applied"
        ).format(run.label))
    elif error is not None:
        _fail(command, one_line(error), is_alive)
        if run.marked:
            session.status_message.emit(QCoreApplication.translate(
                "PendingEdits", "Not saved: {0} ({1})").format(run.label, command.error))
        else:
            session.status_message.emit(QCoreApplication.translate(
                "Saving", "Not saved: {0} ({1})").format(run.label, command.error))
    elif is_alive and getattr(command, "unchanged", False) and not command.runs_in_flight:
        command.setObsolete(True)  # nothing changed (e.g. `5umbh` over `5U-MBH`): no undo step
    if not command.runs_in_flight:  # its last save (a merged nudge's, an undo's) is done
        command.done()  # before the views reload: they show what is stored from now on
    if error is None and run.marked:
        command.saved_later()
    else:
        command.tell_views()
    command.after_run()


def _fail(command: QUndoCommand, error: str | None, is_alive: bool = True) -> None:
    command.failed = True  # type: ignore[attr-defined]
    command.error = error  # type: ignore[attr-defined]
    if is_alive:
        command.setObsolete(True)


class SavingCommand(QUndoCommand):
    """Base of every undoable edit: `redo` queues `apply`, `undo` queues `revert`, both on
    the session's writer under the protocol above; once saved, `tell_views` lets the views
    reload from the database.

    Subclasses implement `apply`/`revert` (core calls, run on the writer thread: they may
    set the command's own attributes, never touch a widget), and may override `tell_views`,
    `saved_later` (a pending edit that reached the database), `take_fresh_version` (commands
    that carry versions), `before_run` (on the writer, once before each save) and
    `after_run` (on the GUI thread, after a save that was not merely dropped).
    `when_done(callback)` runs `callback` on the GUI thread once the save in hand is done,
    saved or not (`failed` says which), before the views reload: a drawn box is selected
    once its id is known, a field shows what is stored.
    """

    def __init__(self, session: Any, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.failed = False
        self.error: str | None = None
        self.runs_in_flight: list[Run] = []  # saves queued or running, in order
        self.transition: list[Run] = []  # the saves of its latest redo or undo
        self._on_done: list[Callable[[], None]] = []

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def take_fresh_version(self, conflict: EditConflict) -> None:
        """Edit over `conflict.current_version` next time (commands with versions)."""

    def before_run(self) -> None:
        """On the writer thread, once before each save (not before a conflict's retry)."""

    def tell_views(self) -> None:
        """Tell the views what may have changed (after every run)."""

    def saved_later(self) -> None:
        self.tell_views()

    def after_run(self) -> None:
        """Called after a run that was not only dropped from the pending queue."""

    def when_done(self, callback: Callable[[], None]) -> None:
        self._on_done.append(callback)

    def take_done_callbacks(self) -> list[Callable[[], None]]:
        callbacks, self._on_done = self._on_done, []
        return callbacks

    def done(self) -> None:
        callbacks, self._on_done = self._on_done, []
        for callback in callbacks:
            callback()

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, action: Callable[[], None]) -> None:
        pending: PendingEdits = self.session.pending
        if pending.cancel(self):
            # An undo or redo of an edit that never reached the database: nothing to write.
            if not self.runs_in_flight:
                self.done()
            self.tell_views()
            return

        def attempt() -> None:
            self.before_run()
            save_resolving(self.session, action, self.take_fresh_version, pending.ask)

        pending.submit(self, attempt, lambda run, error: finish_run(self.session, run, error))
