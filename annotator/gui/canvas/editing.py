"""Box edits from the canvas, each one undo command, and the canvas's keyboard actions.

A mixin of `PhotoCanvas` (kept apart so the view module is about showing and the mouse):
it relies on the canvas's `session`, `photo_id`, `items_by_id`, `_bounds`,
`selected_box_ids()` and `select_box()`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core import boxes as core
from annotator.core.boxes import BoxValues
from annotator.core.photos import photo_has_boxes
from annotator.gui.canvas.box_item import BoxItem
from annotator.gui.undo.box_commands import (
    CopyBoxesCommand,
    CreateBoxCommand,
    DeleteBoxesCommand,
    DuplicateBoxCommand,
    EditBoxesCommand,
)


class BoxEditing:
    """W, Delete, Ctrl+D, Ctrl+Shift+D, arrows, F, 1, R — and the commands behind them."""

    # -- actions -------------------------------------------------------------------------

    def _action(self, name: str, text: str, keys: list[QKeySequence | str], slot, *,  # type: ignore[no-untyped-def]
                local: bool = False, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)  # the key under which Settings stores a changed shortcut
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        # Keys that other widgets also use (arrows, Delete) act only when the canvas has focus.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if local
                                  else Qt.ShortcutContext.WindowShortcut)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.draw_action = self._action("canvas.draw", self.tr("Draw box"), ["W"],
                                        self.set_draw_mode, checkable=True)
        self.delete_action = self._action("canvas.delete", self.tr("Delete box"),
                                          [QKeySequence.StandardKey.Delete],
                                          self.delete_selected, local=True)
        self.duplicate_action = self._action("canvas.duplicate", self.tr("Duplicate box"),
                                             ["Ctrl+D"], self.duplicate_selected, local=True)
        self.copy_previous_action = self._action("canvas.copy_previous",
                                                 self.tr("Copy boxes from previous photo"),
                                                 ["Ctrl+Shift+D"], self.copy_previous)
        self.fit_action = self._action("canvas.fit", self.tr("Fit to window"), ["F"],
                                       self.fit_to_window)
        self.actual_size_action = self._action("canvas.actual_size", self.tr("Actual size (1:1)"),
                                               ["1"], self.actual_size)
        # R reads the selected box's registration (the Annotations panel listens); local, so
        # an R typed into a field is a letter.
        self.read_action = self._action("canvas.read_registration",
                                        self.tr("Read registration"), ["R"],
                                        self.request_read, local=True)
        self.nudge_actions = []
        directions = (("Left", -1, 0, self.tr("Nudge box left"),
                       self.tr("Nudge box left by 10 px")),
                      ("Right", 1, 0, self.tr("Nudge box right"),
                       self.tr("Nudge box right by 10 px")),
                      ("Up", 0, -1, self.tr("Nudge box up"), self.tr("Nudge box up by 10 px")),
                      ("Down", 0, 1, self.tr("Nudge box down"),
                       self.tr("Nudge box down by 10 px")))
        for key, dx, dy, one_px, ten_px in directions:
            for step, prefix, text in ((1, "", one_px), (10, "Shift+", ten_px)):
                self.nudge_actions.append(self._action(
                    f"canvas.nudge_{key.lower()}_{step}", text, [prefix + key],
                    lambda _checked=False, x=dx * step, y=dy * step: self.nudge_selected(x, y),
                    local=True))

    def request_read(self) -> None:
        """Ask for the selected box's registration to be read (a suggestion; no edit)."""
        if self.photo_id is None:
            return
        ids = self.selected_box_ids()
        self.read_registration_requested.emit(ids[0] if ids else None)

    # -- edits (each one undo command) ---------------------------------------------------

    def _push(self, command) -> bool:  # type: ignore[no-untyped-def]
        self.session.undo_stack.push(command)
        return not command.failed

    def _create_box(self, rect: QRectF) -> None:
        assert self.photo_id is not None
        values = BoxValues(x=rect.x(), y=rect.y(), w=rect.width(), h=rect.height())
        command = CreateBoxCommand(self.session, self.photo_id, values)
        # Shown dashed until it is saved and read back (its id comes from the database, a
        # moment later, or once the server is back), then selected.
        outline = self._add_unsaved_outline(rect)

        def done() -> None:
            if command.failed or command.box_id is None:
                self._drop_unsaved_outline(outline)
            else:
                self._keep_unsaved_outline(command.box_id, outline)
                self.select_box_when_shown(command.box_id)

        command.when_done(done)
        self._push(command)

    def _push_geometry(self, command: EditBoxesCommand, rects: dict[int, QRectF]) -> None:
        """Push a move/resize/nudge, its boxes shown where they go at once: a reload that
        lands before its save is done (an earlier edit's, or none while the server is
        unreachable) keeps them there, so the next nudge starts from what is on screen."""
        for box_id, rect in rects.items():
            self._unsaved_rects[box_id] = QRectF(rect)
            item = self.items_by_id.get(box_id)
            if item is not None and item.rect() != rect:
                item.set_box_rect(rect)

        def done() -> None:
            for box_id, rect in rects.items():
                if self._unsaved_rects.get(box_id) == rect:
                    del self._unsaved_rects[box_id]

        command.when_done(done)
        self._push(command)

    def _on_item_edited(self, item: BoxItem, old: QRectF, kind: str) -> None:
        if self.photo_id is None:
            return
        r = QRectF(item.rect())
        text = self.tr("Resize box") if kind == "resize" else self.tr("Move box")
        self._push_geometry(EditBoxesCommand(self.session, self.photo_id,
                                             {item.box_id: {"x": r.x(), "y": r.y(),
                                                            "w": r.width(), "h": r.height()}},
                                             text, versions={item.box_id: item.info.version}),
                            {item.box_id: r})

    def nudge_selected(self, dx: float, dy: float) -> None:
        """Move the selected boxes by (dx, dy) px, kept inside the photo; nudges merge."""
        if self.photo_id is None:
            return
        changes = {}
        for box_id in self.selected_box_ids():
            item = self.items_by_id[box_id]
            r = core.shift_inside(item.rect().x() + dx, item.rect().y() + dy,
                                  item.rect().width(), item.rect().height(),
                                  self._bounds.width(), self._bounds.height())
            changes[box_id] = dict(zip(("x", "y", "w", "h"), r, strict=True))
        if changes:
            versions = {box_id: self.items_by_id[box_id].info.version for box_id in changes}
            rects = {box_id: QRectF(c["x"], c["y"], c["w"], c["h"])
                     for box_id, c in changes.items()}
            self._push_geometry(EditBoxesCommand(self.session, self.photo_id, changes,
                                                 self.tr("Nudge box"), merge=True,
                                                 versions=versions), rects)

    def delete_selected(self) -> None:
        ids = self.selected_box_ids()
        if ids and self.photo_id is not None:
            self._push(DeleteBoxesCommand(self.session, self.photo_id, ids))

    def duplicate_selected(self) -> None:
        ids = self.selected_box_ids()
        if not ids or self.photo_id is None:
            return
        command = DuplicateBoxCommand(self.session, self.items_by_id[ids[0]].info)
        command.when_done(lambda: self.select_box_when_shown(
            command.created.id if command.created is not None and not command.failed
            else None))
        self._push(command)

    def copy_previous(self) -> None:
        """Copy the previous photo's (in browser order) boxes onto this one."""
        if self.photo_id is None:
            return
        previous = self.session.neighbour(self.photo_id, -1)
        if previous is None:
            self.session.status_message.emit(self.tr("There is no previous photo."))
            return
        case, photo_id = self.session.case, self.photo_id

        def copy(has_boxes: bool) -> None:
            if photo_id != self.photo_id:
                return  # another photo is shown now
            if not has_boxes:
                self.session.status_message.emit(self.tr("The previous photo has no boxes."))
                return
            self._push(CopyBoxesCommand(self.session, previous, photo_id))

        self.session.reads.submit(lambda _job: photo_has_boxes(case, previous), copy)
