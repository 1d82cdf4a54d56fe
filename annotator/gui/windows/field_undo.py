"""Ctrl+Z / Ctrl+Shift+Z from any focus: a text field undoes its own typing while it has
some, then the keys reach the window's Undo / Redo (the case's QUndoStack).

Qt gives a focused QLineEdit or QPlainTextEdit the undo keys (it accepts the
ShortcutOverride event) even when it has nothing left to undo, so the window's Undo never
fires while the cursor sits in a panel field. This filter withholds that override when the
field's own history is empty, which lets Qt's shortcut map run the window's action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def _text_field(widget: QObject) -> QWidget | None:
    """The editable text widget behind `widget` (a spin box's or combo box's line edit)."""
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    if isinstance(widget, QComboBox):
        return widget.lineEdit()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    return None


def field_history(field: QWidget) -> tuple[bool, bool]:
    """(undo available, redo available) in the field's own typing history."""
    if isinstance(field, QLineEdit):
        if field.isReadOnly():
            return False, False
        return field.isUndoAvailable(), field.isRedoAvailable()
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        if field.isReadOnly():
            return False, False
        document = field.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


def _matches(event: QKeyEvent, keys: tuple[QKeySequence, ...]) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in keys)


class FieldUndoFilter(QObject):
    """Installed on the application for one window: passes the undo keys from that window's
    text fields to its Undo / Redo actions once the field has nothing left to undo / redo."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.owner = window
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        field = _text_field(watched)
        if field is None or watched.window() is not self.owner:
            return False
        assert isinstance(event, QKeyEvent)
        can_undo, can_redo = field_history(field)
        if _matches(event, UNDO_KEYS):
            return not can_undo  # True: the field never sees the override; the action fires
        if _matches(event, REDO_KEYS):
            return not can_redo
        return False
