"""One QUndoCommand per user action on boxes and labels; each applies and reverts through
`annotator.core.boxes`, so an undo is saved and audited like any edit.

A command records values (before and after), never widget state. After every apply it emits
`session.boxes_changed(photo_id)` and the views reload from the database. When the core
refuses or the database fails, the command says so on `session.status_message`, marks itself
obsolete (QUndoStack then drops it rather than showing an edit that was not saved) and the
views still reload, so the screen shows what is stored.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand

from annotator.core import boxes as core
from annotator.core.boxes import BoxInfo, BoxValues
from annotator.core.errors import EditConflict
from annotator.gui.dialogs.conflict_dialog import MINE
from annotator.gui.undo.saving import SavingCommand

NUDGE_ID = 0x6E75  # commands with this id merge when they move the same boxes

def remember_boxes(session: Any, versions: dict[int, int | None]) -> None:
    """Record the versions our own saves left (None: the box is gone)."""
    known = session.known_versions
    for box_id, version in versions.items():
        if version is None:
            known.pop(("box", box_id), None)
        else:
            known[("box", box_id)] = version



class BoxCommand(SavingCommand):
    """An edit of one photo's boxes: after it, that photo's boxes reload."""

    def __init__(self, session: Any, photo_id: int, text: str) -> None:
        super().__init__(session, text)
        self.photo_id = photo_id
        self._applied_once = False

    def tell_views(self) -> None:
        self.session.boxes_changed.emit(self.photo_id)

    def after_run(self) -> None:
        if self._applied_once and self.session.current_photo_id != self.photo_id:
            # An undo/redo of another photo's edit shows that photo, so the change is seen.
            # Deferred: selecting a photo may commit a field (a push) while the stack is busy.
            session, photo_id = self.session, self.photo_id
            QTimer.singleShot(0, lambda: session.select_photo(photo_id))
        self._applied_once = True


class CreateBoxCommand(BoxCommand):
    """Draw a box (or put one back): the id is kept across undo/redo."""

    def __init__(self, session: Any, photo_id: int, values: BoxValues,
                 text: str | None = None) -> None:
        super().__init__(session, photo_id,
                         text or QCoreApplication.translate("BoxCommands", "Draw box"))
        self.values = values
        self.box_id: int | None = None

    def apply(self) -> None:
        info = core.create_box(self.session.case, self.photo_id, self.values, box_id=self.box_id)
        self.box_id, self.values = info.id, info.values
        remember_boxes(self.session, {info.id: info.version})

    def revert(self) -> None:
        assert self.box_id is not None
        core.delete_box(self.session.case, self.box_id)
        remember_boxes(self.session, {self.box_id: None})


class DuplicateBoxCommand(BoxCommand):
    """Ctrl+D: a copy of a box, offset and kept inside the photo."""

    def __init__(self, session: Any, box: BoxInfo) -> None:
        super().__init__(session, box.photo_id,
                         QCoreApplication.translate("BoxCommands", "Duplicate box"))
        self.source_id = box.id
        self.created: BoxInfo | None = None

    def apply(self) -> None:
        if self.created is None:
            self.created = core.duplicate_box(self.session.case, self.source_id)
        else:
            core.create_box(self.session.case, self.photo_id, self.created.values,
                            box_id=self.created.id)
        remember_boxes(self.session, {self.created.id: 1})

    def revert(self) -> None:
        assert self.created is not None
        core.delete_box(self.session.case, self.created.id)
        remember_boxes(self.session, {self.created.id: None})


class DeleteBoxesCommand(BoxCommand):
    """Delete one or more boxes of a photo; undo restores them under the same ids."""

    def __init__(self, session: Any, photo_id: int, box_ids: list[int]) -> None:
        text = (QCoreApplication.translate("BoxCommands", "Delete box") if len(box_ids) == 1
                else QCoreApplication.translate("BoxCommands", "Delete boxes"))
        super().__init__(session, photo_id, text)
        self.box_ids = list(box_ids)
        self.deleted: list[BoxInfo] = []

    def apply(self) -> None:
        self.deleted = core.delete_boxes(self.session.case, self.box_ids)
        remember_boxes(self.session, dict.fromkeys(self.box_ids))

    def revert(self) -> None:
        restored = core.restore_boxes(self.session.case, self.photo_id,
                                      [(b.id, b.values) for b in self.deleted])
        remember_boxes(self.session, {b.id: b.version for b in restored})


class EditBoxesCommand(BoxCommand):
    """Change fields of one or more boxes (geometry, registration, label, …).

    `changes` maps box id → {field: new value}. The before values come from the core's
    answer on the first apply, so undo restores what was stored, not what a widget showed.
    With `merge=True` (arrow nudges) successive commands on the same boxes become one.
    `versions` (box id → version the editor showed) makes every save optimistic: a box
    someone else changed meanwhile is a conflict the user resolves, never overwritten.
    `source` (an accepted OCR reading: `{"source": "ocr", "ocr": {…}}`) is recorded in the audit
    event of each apply (redo included); an undo is an edit of the examiner's, without it.
    """

    def __init__(self, session: Any, photo_id: int, changes: dict[int, dict[str, Any]],
                 text: str, *, merge: bool = False,
                 versions: dict[int, int] | None = None,
                 source: dict[str, Any] | None = None) -> None:
        super().__init__(session, photo_id, text)
        self.changes = {box_id: dict(c) for box_id, c in changes.items()}
        self.before: dict[int, dict[str, Any]] = {}
        self.merge = merge
        self.versions: dict[int, int] = dict(versions or {})  # for the first apply only
        self._fresh: dict[int, int] = {}  # "apply mine": over the version the conflict showed
        self._resolution: str | None = None
        self.source = source
        self.unchanged = False
        # `changes` is written by a merge (GUI thread) while a save reads it (writer thread).
        self._values_lock = threading.Lock()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return NUDGE_ID if self.merge else -1

    def take_fresh_version(self, conflict: EditConflict) -> None:
        self._fresh[int(conflict.object_id)] = conflict.current_version  # type: ignore[arg-type]
        self._resolution = MINE

    def _expected(self, box_ids: list[int]) -> dict[int, int]:
        """The version each box must still have: the editor's on the first apply (or the one
        our own later save left, when the editor drew the box before that save reached the
        database), then the one our own last save left (undo/redo after our later edits is
        not a conflict)."""
        known = self.session.known_versions
        out: dict[int, int] = {}
        for i in box_ids:
            ours = known.get(("box", i))
            if self.before:
                expected = ours
            else:
                shown = self.versions.get(i)
                expected = shown if shown is None or ours is None else max(shown, ours)
            if expected is not None:
                out[i] = expected
        out.update({i: v for i, v in self._fresh.items() if i in box_ids})
        return out

    def _save(self, values: dict[int, dict[str, Any]],
              source: dict[str, Any] | None = None) -> dict[int, core.BoxEdit]:
        edits = core.edit_boxes(self.session.case, values, self._expected(list(values)),
                                resolution=self._resolution, source=source)
        self._resolution = None
        self._fresh.clear()
        remember_boxes(self.session, {box_id: e.version for box_id, e in edits.items()})
        return edits

    def apply(self) -> None:
        first = not self.before
        with self._values_lock:
            asked = {box_id: dict(change) for box_id, change in self.changes.items()}
        results = self._save(asked, self.source)
        with self._values_lock:
            for box_id, edit in results.items():
                change = asked[box_id]
                self.before.setdefault(box_id, {k: getattr(edit.before, k) for k in change})
                if self.changes.get(box_id) == change:  # not merged with a later nudge since
                    self.changes[box_id] = {k: getattr(edit.after, k) for k in change}
        # Nothing changed (e.g. `5umbh` over `5U-MBH`): no undo step (made obsolete once
        # the save is finished, on the GUI thread).
        self.unchanged = first and all(edit.before == edit.after for edit in results.values())

    def revert(self) -> None:
        self._save(self.before)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, EditBoxesCommand) and other.merge and self.merge
                and other.source == self.source and not other.failed
                and set(other.changes) == set(self.changes)
                and other.photo_id == self.photo_id):
            return False
        with self._values_lock:
            for box_id, change in other.changes.items():
                self.changes[box_id] = dict(change)
        self.versions.update(other.versions)
        self.unchanged = False
        self.session.pending.adopt(self, other)  # its save, maybe still queued, is ours now
        for callback in other.take_done_callbacks():
            self.when_done(callback)
        return True


class CopyBoxesCommand(BoxCommand):
    """Ctrl+Shift+D: copy another photo's boxes onto this one, all in one transaction."""

    def __init__(self, session: Any, from_photo: int, to_photo: int) -> None:
        super().__init__(session, to_photo, QCoreApplication.translate(
            "BoxCommands", "Copy boxes from the previous photo"))
        self.from_photo = from_photo
        self.created: list[BoxInfo] = []

    def apply(self) -> None:
        if not self.created:
            self.created = core.copy_boxes(self.session.case, self.from_photo, self.photo_id)
        else:
            core.restore_boxes(self.session.case, self.photo_id,
                               [(b.id, b.values) for b in self.created])
        remember_boxes(self.session, {b.id: 1 for b in self.created})

    def revert(self) -> None:
        core.delete_boxes(self.session.case, [b.id for b in self.created])
        remember_boxes(self.session, {b.id: None for b in self.created})


class LabelListCommand(SavingCommand):
    """Add, rename or remove a label of the case's list; undo does the opposite. Saved like
    every edit: kept as pending and retried when the connection drops."""

    def __init__(self, session: Any, kind: str, label: str, new: str | None = None) -> None:
        texts = {"add": QCoreApplication.translate("BoxCommands", "Add label"),
                 "rename": QCoreApplication.translate("BoxCommands", "Rename label"),
                 "remove": QCoreApplication.translate("BoxCommands", "Remove label")}
        super().__init__(session, texts[kind])
        self.kind, self.label, self.new = kind, label, new

    def _call(self, forward: bool) -> None:
        case = self.session.case
        if self.kind == "add":
            (core.add_label if forward else core.remove_label)(case, self.label)
        elif self.kind == "remove":
            (core.remove_label if forward else core.add_label)(case, self.label)
        else:
            assert self.new is not None
            old, new = (self.label, self.new) if forward else (self.new, self.label)
            core.rename_label(case, old, new)
            # Relabelled boxes got new versions: an undo of an older edit of one of them no
            # longer knows what to expect, so it is saved unchecked.
            self.session.known_versions.clear()

    def apply(self) -> None:
        self._call(True)

    def revert(self) -> None:
        self._call(False)

    def tell_views(self) -> None:
        if self.session.current_photo_id is not None:
            self.session.boxes_changed.emit(self.session.current_photo_id)
