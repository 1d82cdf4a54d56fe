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


class _FieldsCommand(QUndoCommand):
    """Set some fields of one photo's record to `after`; undo sets them back to `before`.
    None values are passed as "" (the core's "clear this field")."""

    def __init__(self, session: Any, photo_id: int, before: dict[str, Any],
                 after: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.photo_id = photo_id
        self.before = {k: ("" if v is None else v) for k, v in before.items()}
        self.after = {k: ("" if v is None else v) for k, v in after.items()}
        self.failed = False

    def _save(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def _run(self, values: dict[str, Any]) -> None:
        try:
            self._save(values)
        except Exception as exc:  # noqa: BLE001 - the user must see why, the app must not crash
            self.failed = True
            self.setObsolete(True)
            self.session.status_message.emit(
                QCoreApplication.translate("CaptureDateCommands", "Not saved: {0} ({1})").format(
                    self.text(), _one_line(exc)))
        self.session.photo_changed.emit(self.photo_id)

    def redo(self) -> None:
        self._run(self.after)

    def undo(self) -> None:
        self._run(self.before)


class SetClaimCommand(_FieldsCommand):
    """Edit the claimed date, place, claim source or grade."""

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.claims import set_claim

        set_claim(self.session.case, self.photo_id, **values)


class SetAcquisitionCommand(_FieldsCommand):
    """Edit where the photo was found (URL, platform, account, post time, archive, grade)."""

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.acquisition import set_acquisition

        set_acquisition(self.session.case, self.photo_id, **values)
