"""Undoable edits of a photo's claim and acquisition. Each command records the fields'
values before and after (never widget state) and applies either through the core, so an
undo is saved and audited like any edit.
"""

from __future__ import annotations

from typing import Any

from annotator.gui.undo.saving import SavingCommand


class _FieldsCommand(SavingCommand):
    """Set some fields of one photo's record to `after`; undo sets them back to `before`.
    None values are passed as "" (the core's "clear this field")."""

    kind = ""

    def __init__(self, session: Any, photo_id: int, before: dict[str, Any],
                 after: dict[str, Any], text: str, *, version: int | None = None) -> None:
        super().__init__(session, text)
        self.photo_id = photo_id
        self.before = {k: ("" if v is None else v) for k, v in before.items()}
        self.after = {k: ("" if v is None else v) for k, v in after.items()}
        # The record's version the editor showed, then the one each save left: a record
        # someone else saved meanwhile is a conflict the user resolves, never overwritten.
        self.version = version
        self.resolution: str | None = None

    def _save(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def apply(self) -> None:
        self._save(self.after)
        self.resolution = None  # "mine" marks only the save right after a conflict

    def revert(self) -> None:
        self._save(self.before)
        self.resolution = None

    def take_fresh_version(self, conflict: Any) -> None:
        self.version, self.resolution = conflict.current_version, "mine"

    def tell_views(self) -> None:
        self.session.photo_changed.emit(self.photo_id)

    def saved_later(self) -> None:
        self.tell_views()
        self.session.photos_changed.emit()  # the verdict column may have changed

    def before_run(self) -> None:
        """Later commands of ours may have saved the same record: expect what they left
        (on the writer, where our saves run in order)."""
        known = self.session.known_versions.get((self.kind, self.photo_id))
        if self.version is not None and known is not None:
            self.version = known


class SetClaimCommand(_FieldsCommand):
    """Edit the claimed date, place, claim source or grade."""

    kind = "claim"

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.dating.claims import set_claim

        record = set_claim(self.session.case, self.photo_id, expected_version=self.version,
                           resolution=self.resolution, **values)
        if self.version is not None:
            self.version = record.version  # what our undo/redo must find next
            self.session.known_versions[("claim", self.photo_id)] = record.version


class SetAcquisitionCommand(_FieldsCommand):
    """Edit where the photo was found (URL, platform, account, post time, archive, grade)."""

    kind = "acquisition"

    def _save(self, values: dict[str, Any]) -> None:
        from annotator.core.dating.acquisition import set_acquisition

        record = set_acquisition(self.session.case, self.photo_id,
                                 expected_version=self.version, **values)
        if self.version is not None:
            self.version = record.version
            self.session.known_versions[("acquisition", self.photo_id)] = record.version
