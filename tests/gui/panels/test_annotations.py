"""The Annotations panel with the real canvas: typing fields saves them at once as undo
commands, registrations are normalized or flagged, selection follows both ways, labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import annotation_window, drag, make_session, stored, vp


@pytest.fixture
def env(case, tmp_path, qtbot):
    first = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    second = add_jpeg(case, tmp_path / "in", "b.jpg", 640, 480, seed=2)
    session = make_session(case)
    _window, canvas, panel = annotation_window(qtbot, session)
    session.select_photo(first)
    yield session, canvas, panel, first, second
    session.undo_stack.clear()


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_drawn_box_appears_selected_in_the_list(qtbot, env):
    session, canvas, panel, first, _ = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 100, 100), vp(canvas, 200, 200))
    (box,) = stored(session.case, first)
    assert panel.model.rowCount() == 1
    assert panel.box is not None and panel.box.id == box.id
    assert panel.editor.isEnabled() and panel.label_combo.currentText() == "aircraft"


def test_typing_a_registration_normalizes_it_and_undo_redo_are_saved(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    _type(qtbot, panel.registration_edit, "5umbh")
    assert stored(session.case, first)[0].values.registration == "5U-MBH"
    assert panel.registration_edit.text() == "5U-MBH"
    assert canvas.items_by_id[info.id].caption.text == "5U-MBH"
    assert "5U-MBH" in panel.model.data(panel.model.index(0))
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert stored(session.case, first)[0].values.registration is None
    assert panel.registration_edit.text() == ""
    session.undo_stack.redo()
    assert stored(session.case, first)[0].values.registration == "5U-MBH"
    # Retyping the same mark in another spelling is no edit at all.
    _type(qtbot, panel.registration_edit, "5u mbh")
    assert session.undo_stack.count() == 1


def test_an_invalid_registration_is_flagged_in_red_with_the_reason(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    _type(qtbot, panel.registration_edit, "zzzzz")
    (box,) = stored(session.case, first)
    assert box.values.registration == "ZZZZZ" and box.registration_problem
    assert panel.problem_label.isVisible()
    assert panel.problem_label.text() == box.registration_problem
    assert canvas.items_by_id[info.id].caption.flagged
    assert panel.model.data(panel.model.index(0), Qt.ItemDataRole.ForegroundRole) is not None


def test_each_field_is_one_command_saved_at_once(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    _type(qtbot, panel.type_edit, "C-130H")
    _type(qtbot, panel.operator_edit, "Niger Air Force")
    panel.confidence_combo.setFocus()
    panel.confidence_combo.setCurrentIndex(panel.confidence_combo.findData("probable"))
    panel.confidence_combo.activated.emit(panel.confidence_combo.currentIndex())
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "tail fin visible")
    panel.type_edit.setFocus()  # leaving the note commits it
    qtbot.waitUntil(lambda: stored(session.case, first)[0].values.note is not None)
    v = stored(session.case, first)[0].values
    assert (v.aircraft_type, v.operator, v.confidence, v.note) == (
        "C-130H", "Niger Air Force", "probable", "tail fin visible")
    assert session.undo_stack.count() == 4
    session.undo_stack.undo()
    assert stored(session.case, first)[0].values.note is None


def test_text_being_typed_is_saved_when_the_photo_changes(qtbot, env):
    session, canvas, panel, first, second = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    panel.registration_edit.setFocus()
    qtbot.keyClicks(panel.registration_edit, "n123ab")  # no Enter
    session.select_photo(second)
    assert stored(session.case, first)[0].values.registration == "N123AB"
    assert stored(session.case, second) == []
    assert panel.box is None and panel.model.rowCount() == 0


def test_selection_is_synced_both_ways(qtbot, env):
    session, canvas, panel, first, _ = env
    a = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=50, h=50))
    b = boxes.create_box(session.case, first, BoxValues(registration="N1", x=100, y=100, w=50,
                                                        h=50))
    session.boxes_changed.emit(first)
    panel.list.setCurrentIndex(panel.model.index(1))
    assert canvas.selected_box_ids() == [b.id]
    assert panel.registration_edit.text() == "N1"
    canvas.select_box(a.id)
    assert panel.list.selectionModel().selectedIndexes()[0].row() == 0
    assert panel.box.id == a.id
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(canvas, 125, 125))
    assert panel.box.id == b.id


def test_registrations_in_the_case_complete_the_field(qtbot, env):
    session, canvas, panel, first, second = env
    boxes.create_box(session.case, second, BoxValues(registration="5U-MBH", x=1, y=1, w=9, h=9))
    session.boxes_changed.emit(first)
    assert panel.completion_model.stringList() == ["5U-MBH"]


def test_label_list_is_editable_with_undo(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    panel.add_label("helicopter")
    labels = [panel.label_combo.itemText(i) for i in range(panel.label_combo.count())]
    assert labels == ["aircraft", "helicopter"]
    panel.label_combo.setCurrentIndex(1)
    panel.label_combo.activated.emit(1)
    assert stored(session.case, first)[0].values.label == "helicopter"
    panel.rename_label("helicopter", "rotorcraft")
    assert stored(session.case, first)[0].values.label == "rotorcraft"
    assert panel.label_combo.currentText() == "rotorcraft"
    session.undo_stack.undo()  # the rename
    assert stored(session.case, first)[0].values.label == "helicopter"
    panel.remove_label("helicopter")  # still on a box: refused, shown, not on the stack
    assert session.undo_stack.undoText() == "Set label"


def test_typing_shortcut_letters_in_a_field_types_them(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    zoom = canvas.zoom()
    _type(qtbot, panel.type_edit, "Fw 1")
    assert stored(session.case, first)[0].values.aircraft_type == "Fw 1"
    assert not canvas.draw_mode() and canvas.zoom() == zoom


def test_delete_key_in_the_list_deletes_the_box(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    panel.list.setCurrentIndex(panel.model.index(0))
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert stored(session.case, first) == []
    session.undo_stack.undo()
    assert [b.id for b in stored(session.case, first)] == [info.id]
    assert panel.model.rowCount() == 1


def test_a_reload_does_not_wipe_text_being_typed(qtbot, env):
    session, canvas, panel, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=10, y=10, w=90, h=90))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    panel.operator_edit.setFocus()
    qtbot.keyClicks(panel.operator_edit, "Niger")
    canvas.nudge_selected(1, 0)  # e.g. an edit or undo from the menu while typing
    assert stored(session.case, first)[0].values.x == 11
    assert panel.operator_edit.text() == "Niger"
    qtbot.keyClick(panel.operator_edit, Qt.Key.Key_Return)
    assert stored(session.case, first)[0].values.operator == "Niger"
