"""One QUndoCommand per user action on boxes and labels; each applies and reverts through
`annotator.core.boxes`, so an undo is saved and audited like any edit.

A command records values (before and after), never widget state. After every apply it emits
`session.boxes_changed(photo_id)` and the views reload from the database. When the core
refuses or the database fails, the command says so on `session.status_message`, marks itself
obsolete (QUndoStack then drops it rather than showing an edit that was not saved) and the
views still reload, so the screen shows what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand

from annotator.core import boxes as core
from annotator.core.boxes import BoxInfo, BoxValues

NUDGE_ID = 0x6E75  # commands with this id merge when they move the same boxes



def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class BoxCommand(QUndoCommand):
    """Common ground: run a core call, report failure honestly, tell the views."""

    def __init__(self, session: Any, photo_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.photo_id = photo_id
        self.failed = False
        self._applied_once = False

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not crash
            self.failed = True
            self.setObsolete(True)
            self.session.status_message.emit(
                QCoreApplication.translate("BoxCommands", "Not saved: {0} ({1})").format(
                    self.text(), _one_line(exc)))
        self.session.boxes_changed.emit(self.photo_id)
        if self._applied_once and self.session.current_photo_id != self.photo_id:
            # An undo/redo of another photo's edit shows that photo, so the change is seen.
            # Deferred: selecting a photo may commit a field (a push) while the stack is busy.
            session, photo_id = self.session, self.photo_id
            QTimer.singleShot(0, lambda: session.select_photo(photo_id))
        self._applied_once = True

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


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

    def revert(self) -> None:
        assert self.box_id is not None
        core.delete_box(self.session.case, self.box_id)


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

    def revert(self) -> None:
        assert self.created is not None
        core.delete_box(self.session.case, self.created.id)


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

    def revert(self) -> None:
        core.restore_boxes(self.session.case, self.photo_id,
                           [(b.id, b.values) for b in self.deleted])


class EditBoxesCommand(BoxCommand):
    """Change fields of one or more boxes (geometry, registration, label, …).

    `changes` maps box id → {field: new value}. The before values come from the core's
    answer on the first apply, so undo restores what was stored, not what a widget showed.
    With `merge=True` (arrow nudges) successive commands on the same boxes become one.
    """

    def __init__(self, session: Any, photo_id: int, changes: dict[int, dict[str, Any]],
                 text: str, *, merge: bool = False) -> None:
        super().__init__(session, photo_id, text)
        self.changes = {box_id: dict(c) for box_id, c in changes.items()}
        self.before: dict[int, dict[str, Any]] = {}
        self.merge = merge

    def id(self) -> int:  # noqa: A003 - Qt's name
        return NUDGE_ID if self.merge else -1

    def apply(self) -> None:
        first = not self.before
        results = core.update_boxes(self.session.case, self.changes)
        for box_id, (before, after) in results.items():
            change = self.changes[box_id]
            self.before.setdefault(box_id, {k: getattr(before, k) for k in change})
            self.changes[box_id] = {k: getattr(after, k) for k in change}
        if first and all(before == after for before, after in results.values()):
            self.setObsolete(True)  # nothing changed (e.g. `5umbh` over `5U-MBH`): no undo step

    def revert(self) -> None:
        core.update_boxes(self.session.case, self.before)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, EditBoxesCommand) and other.merge and self.merge
                and not other.failed and set(other.changes) == set(self.changes)
                and other.photo_id == self.photo_id):
            return False
        for box_id, change in other.changes.items():
            self.changes[box_id] = change
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

    def revert(self) -> None:
        core.delete_boxes(self.session.case, [b.id for b in self.created])


class LabelListCommand(QUndoCommand):
    """Add, rename or remove a label of the case's list; undo does the opposite."""

    def __init__(self, session: Any, kind: str, label: str, new: str | None = None) -> None:
        texts = {"add": QCoreApplication.translate("BoxCommands", "Add label"),
                 "rename": QCoreApplication.translate("BoxCommands", "Rename label"),
                 "remove": QCoreApplication.translate("BoxCommands", "Remove label")}
        super().__init__(texts[kind])
        self.session, self.kind, self.label, self.new = session, kind, label, new

    def _call(self, forward: bool) -> None:
        case = self.session.case
        try:
            if self.kind == "add":
                (core.add_label if forward else core.remove_label)(case, self.label)
            elif self.kind == "remove":
                (core.remove_label if forward else core.add_label)(case, self.label)
            else:
                assert self.new is not None
                old, new = (self.label, self.new) if forward else (self.new, self.label)
                core.rename_label(case, old, new)
        except Exception as exc:  # noqa: BLE001
            self.setObsolete(True)
            self.session.status_message.emit(
                QCoreApplication.translate("BoxCommands", "Not saved: {0} ({1})").format(
                    self.text(), _one_line(exc)))
        if self.session.current_photo_id is not None:
            self.session.boxes_changed.emit(self.session.current_photo_id)

    def redo(self) -> None:
        self._call(True)

    def undo(self) -> None:
        self._call(False)
