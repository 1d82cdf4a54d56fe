"""Settings: the examiner name reaches the CLI's settings, and shortcuts can be changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from annotator.core.case.settings import current_examiner, load_settings
from annotator.gui import shortcuts
from annotator.gui.dialogs.settings_dialog import SettingsDialog


def _actions(owner: QWidget) -> list[QAction]:
    draw = QAction("Draw box", owner)
    draw.setObjectName("draw-box")
    draw.setShortcut(QKeySequence("W"))
    dup = QAction("Duplicate box", owner)
    dup.setObjectName("duplicate-box")
    dup.setShortcut(QKeySequence("Ctrl+D"))
    return [draw, dup]


def _save(qtbot, dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_examiner_typed_in_settings_is_who_the_cli_records(qtbot, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_EXAMINER")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.examiner.clear()
    qtbot.keyClicks(dialog.examiner, "Aminata Traore")
    _save(qtbot, dialog)
    assert load_settings()["examiner"] == "Aminata Traore"
    assert current_examiner() == "Aminata Traore"


def test_changed_shortcut_is_saved_and_applied_to_new_actions(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    dialog = SettingsDialog(_actions(owner))
    qtbot.addWidget(dialog)
    editor = dialog.editors["draw-box"]
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.keySequence().toString() == "Ctrl+B", timeout=3000)
    _save(qtbot, dialog)
    assert load_settings()["shortcuts"] == {"draw-box": ["Ctrl+B"]}
    fresh = _actions(owner)
    shortcuts.apply_saved_shortcuts(fresh)
    assert fresh[0].shortcut().toString() == "Ctrl+B"
    assert fresh[1].shortcut().toString() == "Ctrl+D"


def test_two_actions_on_one_key_are_refused(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    dialog = SettingsDialog(_actions(owner))
    qtbot.addWidget(dialog)
    dialog.editors["draw-box"].setKeySequence(QKeySequence("Ctrl+D"))
    _save(qtbot, dialog)
    assert "more than one action" in dialog.conflict_label.text()
    assert "shortcuts" not in load_settings()


def test_reset_restores_the_labelimg_defaults(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = _actions(owner)
    dialog = SettingsDialog(actions)
    qtbot.addWidget(dialog)
    dialog.editors["draw-box"].setKeySequence(QKeySequence("Ctrl+B"))
    dialog.reset_shortcuts()
    assert dialog.editors["draw-box"].keySequence().toString() == "W"
