"""Undoable edits of a photo's claim and acquisition. Each command records the fields'
values before and after (never widget state) and applies either through the core, so an
undo is saved and audited like any edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _KeptTheirs(Exception):
    """The user chose the other investigator's saved values over this edit."""


class _FieldsCommand(QUndoCommand):
    """Set some fields of one photo's record to `after`; undo sets them back to `before`.
    None values are passed as "" (the core's "clear this field")."""

    kind = ""

    def __init__(self, session: Any, photo_id: int, before: dict[str, Any],
                 after: dict[str, Any], text: str, *, version: int | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.photo_id = photo_id
        self.before = {k: ("" if v is None else v) for k, v in before.items()}
        self.after = {k: ("" if v is None else v) for k, v in after.items()}
        self.failed = False
        # The record's version the editor showed, then the one each save left: a record
        # someone else saved meanwhile is a conflict the user resolves, never overwritten.
        self.version = version
        self.resolution: str | None = None

    def _save(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def _save_resolving(self, values: dict[str, Any]) -> None:
        from annotator.core.conflicts import record_kept_theirs
        from annotator.core.errors import EditConflict
        from annotator.gui.conflict_dialog import MINE

        for _ in range(3):
            try:
                self._save(values)
                self.resolution = None
                return
            except EditConflict as conflict:
                if self.session.resolve_conflict(conflict) != MINE:
                    record_kept_theirs(self.session.case, conflict)
                    raise _KeptTheirs from conflict
                self.version, self.resolution = conflict.current_version, MINE
        self._save(values)

    def _run(self, values: dict[str, Any]) -> None:
        from annotator.gui.pending import is_connection_error

        pending = getattr(self.session, "pending", None)
        if pending is not None:
            if pending.cancel(self):  # undo/redo of an edit that never reached the database
                self.session.photo_changed.emit(self.photo_id)
                return
            if len(pending):  # edits reach the database in the order they were made
                pending.add(self, lambda: self._save_resolving(values), self._saved_later)
                return
        try:
            self._save_resolving(values)
        except _KeptTheirs:
            self.failed = True
            self.setObsolete(True)
            self.session.status_message.emit(QCoreApplication.translate(
                "CaptureDateCommands",
                "Kept the other investigator's values: {0} was not applied").format(self.text()))
        except Exception as exc:  # noqa: BLE001 - the user must see why, the app must not crash
            if pending is not None and is_connection_error(exc):
                # Kept, marked "(pending)" in the history, retried; never shown as saved.
                pending.add(self, lambda: self._save_resolving(values), self._saved_later)
            else:
                self.failed = True
                self.setObsolete(True)
                self.session.status_message.emit(
                    QCoreApplication.translate("CaptureDateCommands", "Not saved: {0} ({1})")
                    .format(self.text(), _one_line(exc)))
        self.session.photo_changed.emit(self.photo_id)

    def _saved_later(self) -> None:
        self.session.photo_changed.emit(self.photo_id)
        self.session.photos_changed.emit()  # the verdict column may have changed

    def _sync_version(self) -> None:
        """Later commands of ours may have saved the same record: expect what they left."""
        known = self.session.known_versions.get((self.kind, self.photo_id))
        if self.version is not None and known is not None:
            self.version = known

    def redo(self) -> None:
        self._sync_version()
        self._run(self.after)

    def undo(self) -> None:
        self._sync_version()
        self._run(self.before)


class SetClaimCommand(_FieldsCommand):
    """Edit the claimed date, place, claim source or grade."""

    kind = "claim"

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.claims import set_claim

        record = set_claim(self.session.case, self.photo_id, expected_version=self.version,
                           resolution=self.resolution, **values)
        if self.version is not None:
            self.version = record.version  # what our undo/redo must find next
            self.session.known_versions[("claim", self.photo_id)] = record.version


class SetAcquisitionCommand(_FieldsCommand):
    """Edit where the photo was found (URL, platform, account, post time, archive, grade)."""

    kind = "acquisition"

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.acquisition import set_acquisition

        record = set_acquisition(self.session.case, self.photo_id,
                                 expected_version=self.version, **values)
        if self.version is not None:
            self.version = record.version
            self.session.known_versions[("acquisition", self.photo_id)] = record.version
