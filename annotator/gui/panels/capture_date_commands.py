"""Undoable edits of a photo's claim and acquisition. Each command records the fields'
values before and after (never widget state) and applies either through the core, so an
undo is saved and audited like any edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand


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

    def _take_fresh_version(self, conflict: Any) -> None:
        self.version, self.resolution = conflict.current_version, "mine"

    def _run(self, values: dict[str, Any]) -> None:
        from annotator.gui.saving import run_saving, save_resolving

        def attempt() -> None:
            self.resolution = None
            save_resolving(self.session, lambda: self._save(values), self._take_fresh_version)

        run_saving(self, self.session, attempt, self._saved_later)
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
