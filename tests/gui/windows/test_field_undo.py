"""Ctrl+Z / Ctrl+Shift+Z from any focus (issue 15): a panel field undoes its own typing while
it has some, then the keys undo and redo the case's last edit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.fixtures.workspace import (
    add_box,
    import_files,
    make_photos,
    open_controller,
    open_window,
    photo_ids_by_name,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _box_registration(case, box_id: int):  # type: ignore[no-untyped-def]
    from annotator.core.models import Box

    with case.reading() as s:
        return s.get(Box, box_id).registration


def test_ctrl_z_in_a_field_undoes_its_typing_then_the_cases_last_edit(qtbot, case, tmp_path):
    import_files(case, make_photos(tmp_path / "in", 1))
    photo_id = photo_ids_by_name(case)["photo-01.jpg"]
    box_id = add_box(case, photo_id).id
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        win.canvas.select_box(box_id)
        reg = win.annotations.registration_edit
        reg.setFocus()
        qtbot.keyClicks(reg, "5umbh")
        qtbot.keyClick(reg, Qt.Key.Key_Return)  # one case edit, on the undo stack
        stack = win.session.undo_stack
        assert stack.index() == 1 and _box_registration(win.session.case, box_id) == "5U-MBH"

        search = win.metadata.search
        win.metadata_dock.raise_()
        search.setFocus()
        qtbot.waitUntil(search.hasFocus)
        qtbot.keyClicks(search, "Make")
        qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)  # the field's own typing first
        assert search.text() == ""
        assert stack.index() == 1
        qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)  # nothing left to type-undo: the case's
        assert stack.index() == 0
        assert _box_registration(win.session.case, box_id) is None
        assert search.hasFocus()
        qtbot.keyClick(search, Qt.Key.Key_Z, CTRL | SHIFT)  # the field's redo first
        assert search.text() == "Make" and stack.index() == 0
        qtbot.keyClick(search, Qt.Key.Key_Z, CTRL | SHIFT)
        assert stack.index() == 1
        assert _box_registration(win.session.case, box_id) == "5U-MBH"
    finally:
        win.session.undo_stack.clear()
        win.close()


def test_ctrl_z_in_the_note_field_reaches_the_case_once_its_typing_is_undone(qtbot, case,
                                                                            tmp_path):
    import_files(case, make_photos(tmp_path / "in", 1))
    photo_id = photo_ids_by_name(case)["photo-01.jpg"]
    box_id = add_box(case, photo_id).id
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        win.canvas.select_box(box_id)
        reg = win.annotations.registration_edit
        reg.setFocus()
        qtbot.keyClicks(reg, "5umbh")
        qtbot.keyClick(reg, Qt.Key.Key_Return)
        note = win.annotations.note_edit
        note.setFocus()
        qtbot.waitUntil(note.hasFocus)
        stack = win.session.undo_stack
        qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)  # an untouched note: the case's edit
        assert stack.index() == 0
    finally:
        win.session.undo_stack.clear()
        win.close()


def test_shortcut_lists_name_actions_by_what_they_do(qtbot, case, tmp_path):
    """"Undo", not "Undo Set registration"; each nudge says its direction and step."""
    from annotator.gui.windows.window_tools import open_settings, open_shortcut_sheet

    import_files(case, make_photos(tmp_path / "in", 1))
    photo_id = photo_ids_by_name(case)["photo-01.jpg"]
    box_id = add_box(case, photo_id).id
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        win.canvas.select_box(box_id)
        reg = win.annotations.registration_edit
        reg.setFocus()
        qtbot.keyClicks(reg, "5umbh")
        qtbot.keyClick(reg, Qt.Key.Key_Return)
        reg.selectAll()
        qtbot.keyClicks(reg, "5umbj")
        qtbot.keyClick(reg, Qt.Key.Key_Return)
        win.session.undo_stack.undo()  # both Undo and Redo now carry a command's text
        assert win.undo_action.text() != "&Undo" and win.redo_action.text() != "&Redo"
        sheet = open_shortcut_sheet(win)
        names = [sheet.table.item(r, 0).text() for r in range(sheet.table.rowCount())]
        keys = dict(zip(names, (sheet.table.item(r, 1).text()
                                for r in range(sheet.table.rowCount())), strict=True))
        assert "Undo" in names and "Redo" in names
        assert not [n for n in names if n.startswith(("Undo ", "Redo "))]
        for direction in ("left", "right", "up", "down"):
            assert f"Nudge box {direction}" in names
            assert f"Nudge box {direction} by 10 px" in names
        assert keys["Nudge box left by 10 px"] == "Shift+Left"
        assert len(names) == len(set(names)), "an action listed twice or two alike"
        sheet.close()
        settings = open_settings(win)
        table = settings.table
        listed = [table.cellWidget(r, 0).text() for r in range(table.rowCount())]
        assert "Undo" in listed and "Nudge box up by 10 px" in listed
        assert not [n for n in listed if n.startswith("Undo ")]
        settings.close()
        # The Edit menu lists each command once and leaves the eight nudge keys out.
        edit = win.menuBar().actions()[1].menu()
        texts = [a.text() for a in edit.actions() if not a.isSeparator()]
        assert not [t for t in texts if t.startswith("Nudge")]
    finally:
        win.session.undo_stack.clear()
        win.close()
