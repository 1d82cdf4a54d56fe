"""The Sun & shadows tool, driven through the real widgets: the investigator clicks the four
ground corners, the foot and the tip on the canvas, the sun and its windows appear with the
day's chart, "Save on the photo" is one undo step, and a refusal is said, not hidden."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from annotator.core.dating import set_claim, stored_date
from annotator.core.shadows import get_shadow
from tests.fixtures.canvas import vp
from tests.fixtures.shadow_scenes import WHEN, bamako_scene, photo_file
from tests.fixtures.workspace import import_files, open_controller, open_window


@pytest.fixture
def window(qtbot, case, tmp_path):
    import_files(case, [photo_file(tmp_path, when=WHEN - timedelta(hours=3))])
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    win.resize(1400, 900)
    yield win
    win.close()


def click(qtbot, canvas, x: float, y: float) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(canvas, x, y))


def type_sizes(dialog, marks) -> None:
    dialog.length.setValue(marks.ground_size[0])
    dialog.width_.setValue(marks.ground_size[1])
    dialog.bearing.setValue(marks.ground_bearing)
    dialog.height.setValue(marks.height)
    dialog.pixel_error.setValue(1.0)


def codes(window) -> list[str]:
    with window.session.case.reading() as s:
        date = stored_date(s, window.session.current_photo_id)
    return [f["code"] for f in date["findings"]]


def test_marking_a_shadow_with_clicks_measures_saves_and_undoes(qtbot, window):
    scene = bamako_scene()
    canvas = window.canvas
    set_claim(window.session.case, window.session.current_photo_id,
              claimed="2023-10-27T15:00", place="GABS")
    assert window.shadow_action in window.toolbar.actions()
    window.shadow_action.trigger()
    dialog = window.shadow_dialog
    assert dialog.isVisible() and canvas.picking_points()
    assert "corner 1" in dialog.instruction.text()
    type_sizes(dialog, scene.marks)
    qtbot.mouseMove(canvas.viewport(), vp(canvas, 300, 200))  # the loupe follows the pointer
    centre = dialog.loupe.mapToScene(dialog.loupe.viewport().rect().center())
    assert abs(centre.x() - 300) < 3 and abs(centre.y() - 200) < 3
    for x, y in [*scene.marks.ground, scene.marks.foot, scene.marks.tip]:
        click(qtbot, canvas, x, y)
    assert not canvas.picking_points()  # six points: the canvas has its clicks back
    assert len(dialog.points) == 6 and dialog.item is not None
    assert dialog.result is not None, dialog.error_label.text()
    m = dialog.result.measurement
    assert abs((m.azimuth - scene.sun.azimuth + 180) % 360 - 180) <= m.azimuth_error + 1.0
    text = dialog.result_label.text()
    assert "Sun: azimuth" in text and "elevation" in text and "UTC" in text
    assert "outside every window" in text  # the photo's clock says three hours earlier
    assert dialog.chart.chart is not None and dialog.chart.chart.day.windows
    assert dialog.chart.chart.capture_utc == WHEN - timedelta(hours=3)
    assert dialog.chart.chart.claimed_utc == WHEN - timedelta(minutes=5)  # 15:00 at GABS
    assert not dialog.chart.grab().isNull()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    photo_id = window.session.current_photo_id
    with window.session.case.reading() as s:
        assert get_shadow(s, photo_id) is not None
    assert window.session.undo_stack.count() == 1
    assert "SHADOW_TIME_MISMATCH" in codes(window)

    window.session.undo_stack.undo()
    with window.session.case.reading() as s:
        assert get_shadow(s, photo_id) is None
    assert not any(c.startswith("SHADOW_") for c in codes(window))
    window.session.undo_stack.redo()
    with window.session.case.reading() as s:
        assert get_shadow(s, photo_id) is not None
    assert "SHADOW_TIME_MISMATCH" in codes(window)

    dialog.close()
    assert dialog.item is None and not canvas.picking_points()


def test_a_shadow_too_short_is_refused_with_the_reason(qtbot, window):
    scene = bamako_scene()
    canvas = window.canvas
    dialog = window.open_shadow_tool()
    type_sizes(dialog, scene.marks)
    foot = scene.marks.foot
    for x, y in [*scene.marks.ground, foot, (foot[0] + 4, foot[1] + 3)]:
        click(qtbot, canvas, x, y)
    assert dialog.result is None
    assert dialog.error_label.isVisible() and "too short" in dialog.error_label.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.restart_button, Qt.MouseButton.LeftButton)
    assert dialog.points == [] and canvas.picking_points()


def test_a_measurement_finishing_after_mark_again_is_dropped(qtbot, window):
    """The saved measurement is re-measured in a worker when the tool opens; the user clicks
    Mark again before it finishes: its answer must not come back over the fresh marks."""
    from annotator.core.shadows import set_shadow
    from tests.fixtures.held_pool import HeldPool

    scene = bamako_scene()
    set_shadow(window.session.case, window.session.current_photo_id, scene.marks)
    held = HeldPool()
    window.session.jobs.pool = held
    dialog = window.open_shadow_tool()
    assert held.jobs and dialog.result is None
    qtbot.mouseClick(dialog.restart_button, Qt.MouseButton.LeftButton)
    held.run_all()
    qtbot.wait(50)  # the answer crosses back to the GUI thread
    assert dialog.result is None and dialog.result_label.text() == ""
    assert dialog.chart.chart is None and window.canvas.picking_points()


def test_replacing_and_removing_a_saved_measurement_are_undone_in_turn(qtbot, window):
    scene = bamako_scene()
    canvas = window.canvas
    dialog = window.open_shadow_tool()
    type_sizes(dialog, scene.marks)
    for x, y in [*scene.marks.ground, scene.marks.foot, scene.marks.tip]:
        click(qtbot, canvas, x, y)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    photo_id = window.session.current_photo_id

    def saved_height():
        with window.session.case.reading() as s:
            stored = get_shadow(s, photo_id)
        return None if stored is None else stored.marks.height

    first = saved_height()
    dialog.height.setValue(first + 2.0)  # typed: a new height, its source "typed"
    qtbot.mouseClick(dialog.measure_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved_height() == pytest.approx(first + 2.0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert saved_height() is None and window.session.undo_stack.count() == 3

    window.session.undo_stack.undo()
    assert saved_height() == pytest.approx(first + 2.0)
    window.session.undo_stack.undo()
    assert saved_height() == pytest.approx(first)
    assert dialog.height.value() == pytest.approx(first)  # the tool shows what is saved
    window.session.undo_stack.redo()
    window.session.undo_stack.redo()
    assert saved_height() is None
