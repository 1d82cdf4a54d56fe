"""The undoable edit of a photo's shadow measurement: the marks before and after (values,
never widget state), applied and reverted through the core, so an undo is saved and audited
(`shadow.set`, `shadow.delete`) like any edit, and the capture-date check follows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.gui.undo.saving import SavingCommand


class SetShadowCommand(SavingCommand):
    """Save `after` (marks, place, day) on the photo; undo puts back `before` (None: the
    photo had no measurement, so undo clears it). `version` is the one the editor saw."""

    def __init__(self, session: Any, photo_id: int, before: dict[str, Any] | None,
                 after: dict[str, Any] | None, *, version: int | None = None) -> None:
        text = (QCoreApplication.translate("ShadowCommands", "Measure sun from shadow")
                if after is not None
                else QCoreApplication.translate("ShadowCommands", "Remove shadow measurement"))
        super().__init__(session, text)
        self.photo_id = photo_id
        self.before = before
        self.after = after
        self.version = version
        self.resolution: str | None = None

    def _save(self, values: dict[str, Any] | None) -> None:
        from annotator.core.shadows import ShadowMarks, clear_shadow, set_shadow

        if values is None:
            clear_shadow(self.session.case, self.photo_id, expected_version=self.version)
            saved = 0  # no measurement: the version a first save expects
        else:
            _result, stored = set_shadow(
                self.session.case, self.photo_id, ShadowMarks.from_json(values["marks"]),
                place=values.get("place"), day=values.get("day"),
                expected_version=self.version, resolution=self.resolution)
            saved = stored.version
        if self.version is not None:
            self.version = saved  # what our undo/redo must find next
            self.session.known_versions[("shadow", self.photo_id)] = saved
        self.resolution = None

    def before_run(self) -> None:
        """Later commands of ours may have saved the same measurement: expect what they
        left (as the claim commands do; on the writer, where our saves run in order)."""
        known = self.session.known_versions.get(("shadow", self.photo_id))
        if self.version is not None and known is not None:
            self.version = known

    def apply(self) -> None:
        self._save(self.after)

    def revert(self) -> None:
        self._save(self.before)

    def take_fresh_version(self, conflict: Any) -> None:
        self.version, self.resolution = conflict.current_version, "mine"

    def tell_views(self) -> None:
        self.session.photo_changed.emit(self.photo_id)

    def saved_later(self) -> None:
        self.tell_views()
        self.session.photos_changed.emit()  # the verdict column may have changed
