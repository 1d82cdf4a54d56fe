"""The History panel through the widgets: the stored history of the selected photo, the
double-compression check on demand, and the error-level and ghost maps drawn over the photo
on the canvas (and dropped when the photo changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.core.history.history_fixtures import textured, twice
from tests.fixtures.factory import make_exif, make_jpeg
from tests.fixtures.workspace import import_files, open_controller, open_window


@pytest.fixture
def window(qtbot, case, tmp_path: Path):
    single = make_jpeg(tmp_path / "in" / "camera.jpg", 640, 480, seed=3, quality=92,
                       image=textured(640, 480, seed=3),
                       exif=make_exif(original="2023:10:27 10:15:00", offset="+00:00"))
    # Saved at quality 60, then again at 90: compressed twice, as after an edit.
    again = tmp_path / "in" / "twice.jpg"
    twice(textured(640, 480, seed=4), 60, 90, again)
    import_files(case, [single, again])
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    win.history_dock.raise_()
    yield win
    win.close()


def _select(qtbot, window, name: str) -> None:
    model, view = window.browser.model, window.browser.view
    for row in range(model.rowCount()):
        if model.index(row).data().split("\n")[0] == name:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             pos=view.visualRect(model.index(row)).center())
            return
    raise AssertionError(name)


def test_the_panel_shows_the_stored_history(qtbot, window):
    _select(qtbot, window, "camera.jpg")
    panel = window.history
    assert panel.quality.text() == "92 (IJG's standard tables)"
    assert "baseline" in panel.encoding.text()
    assert panel.double.text() == "not looked for yet"
    assert panel.ela_button.isEnabled()


def test_double_compression_is_looked_for_on_demand(qtbot, window):
    _select(qtbot, window, "twice.jpg")
    panel = window.history
    qtbot.mouseClick(panel.double_button, Qt.MouseButton.LeftButton)
    assert panel.double.text().startswith("probably: first at about quality")
    _select(qtbot, window, "camera.jpg")
    qtbot.mouseClick(panel.double_button, Qt.MouseButton.LeftButton)
    assert panel.double.text().startswith("no sign of it")


def test_error_level_and_ghost_are_drawn_over_the_photo_and_dropped_on_switch(qtbot, window):
    _select(qtbot, window, "camera.jpg")
    panel, canvas = window.history, window.canvas
    qtbot.mouseClick(panel.ela_button, Qt.MouseButton.LeftButton)
    overlay = canvas.photo_item.overlay
    assert overlay is not None and (overlay.width(), overlay.height()) == (640, 480)
    assert "Error level at quality 90" in panel.overlay_status.text()
    qtbot.mouseClick(panel.ghost_button, Qt.MouseButton.LeftButton)  # one map at a time
    assert not panel.ela_button.isChecked()
    assert canvas.photo_item.overlay is not None and canvas.photo_item.overlay is not overlay
    panel.overlay_quality.setValue(70)  # a new quality: the map is computed again
    assert "quality 70" in panel.overlay_status.text()
    qtbot.mouseClick(panel.ghost_button, Qt.MouseButton.LeftButton)
    assert canvas.photo_item.overlay is None
    qtbot.mouseClick(panel.ela_button, Qt.MouseButton.LeftButton)
    _select(qtbot, window, "twice.jpg")
    assert canvas.photo_item.overlay is None and not panel.ela_button.isChecked()
