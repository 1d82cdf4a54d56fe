"""The main window and the welcome screen, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.fixtures.workspace import (
    add_box,
    import_files,
    make_photos,
    open_controller,
    open_window,
    photo_ids_by_name,
)


@pytest.fixture
def three_photo_case(case, tmp_path: Path):
    import_files(case, make_photos(tmp_path / "in", 3))
    return case


@pytest.fixture
def window(qtbot, three_photo_case):
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, three_photo_case.root)
    win.controller = controller
    yield win
    win.close()


def _ordered_ids(window) -> list[int]:
    model = window.browser.model
    return [model.photo_id_at(r) for r in range(model.rowCount())]


def test_open_case_shows_its_photos_in_the_browser_with_thumbnails(qtbot, window):
    model = window.browser.model
    assert model.rowCount() == 3
    # Sorted by capture time: photo-03 was taken first.
    first = model.index(0).data()
    assert first.startswith("photo-03.jpg")
    assert window.session.current_photo_id == model.photo_id_at(0)
    assert window.canvas.photo_id == model.photo_id_at(0)
    sha = model._row(0).sha256
    qtbot.waitUntil(lambda: window.browser.thumbs.get(sha) is not None)
    icon = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == window.browser.thumbs.get(sha).cacheKey()
    assert "3 photos in case" in window.count_label.text()
    assert window.photo_label.text().startswith("photo-03.jpg (1 of 3)")


def test_d_and_a_keys_move_to_next_and_previous_photo_and_the_canvas_follows(qtbot, window):
    ids = _ordered_ids(window)
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_D)
    assert window.session.current_photo_id == ids[1]
    assert window.canvas.photo_id == ids[1]
    assert window.browser.view.currentIndex().row() == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert window.canvas.photo_id == ids[2]
    qtbot.keyClick(window.canvas, Qt.Key.Key_D)  # at the end: stays, and says so
    assert window.canvas.photo_id == ids[2]
    assert window.statusBar().currentMessage() == "Last photo."
    qtbot.keyClick(window.canvas, Qt.Key.Key_A)
    assert window.canvas.photo_id == ids[1]
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert window.canvas.photo_id == ids[0]
    assert window.session.neighbour(ids[0], 1) == ids[1]
    assert window.session.neighbour(ids[0], -1) is None


def test_clicking_a_browser_row_shows_that_photo(qtbot, window):
    view = window.browser.view
    rect = view.visualRect(window.browser.model.index(2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.canvas.photo_id == window.browser.model.photo_id_at(2)


def test_status_messages_from_the_session_show_in_the_status_bar(window):
    window.session.status_message.emit("Box saved.")
    assert window.statusBar().currentMessage() == "Box saved."


def test_undo_history_dock_shows_the_session_stack(window):
    assert window.undo_view.stack() is window.session.undo_stack
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.redo_action.shortcuts()]


def test_close_and_reopen_keeps_photos_boxes_layout_and_recent_list(qtbot, three_photo_case):
    controller = open_controller(qtbot)
    window = open_window(qtbot, controller, three_photo_case.root)
    ids = photo_ids_by_name(three_photo_case)
    add_box(three_photo_case, ids["photo-02.jpg"], "5U-MBH")
    window.metadata_dock.hide()
    window.resize(700, 650)
    size = (window.width(), window.height())
    assert size != (798, 774)  # not the default: the restored size must be the saved one
    window.close()

    again = open_window(qtbot, controller, three_photo_case.root)
    assert again is not window
    assert again.browser.model.rowCount() == 3
    texts = [again.browser.model.index(r).data() for r in range(3)]
    assert any(t.startswith("photo-02.jpg") and "5U-MBH" in t for t in texts)
    assert not again.metadata_dock.isVisible()
    assert (again.width(), again.height()) == size
    from annotator.gui.gui_settings import recent_cases

    assert recent_cases()[0] == str(three_photo_case.root)
    again.close()


def test_close_case_returns_to_the_welcome_screen(qtbot, window):
    window.close_case()
    welcome = window.controller.welcome
    assert welcome is not None and welcome.isVisible()
    qtbot.addWidget(welcome)
    assert welcome.recent.count() == 1
    assert str(window.session.case.root) in welcome.recent.item(0).text()


def test_welcome_new_case_button_creates_and_opens_a_case(qtbot, tmp_path, monkeypatch):
    controller = open_controller(qtbot)
    welcome = controller.show_welcome()
    qtbot.addWidget(welcome)
    assert welcome.recent.item(0).text() == "No recent cases yet."
    target = tmp_path / "new-case"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    assert (target / "case.json").is_file()
    window = controller.window
    qtbot.addWidget(window)
    assert window.isVisible() and not welcome.isVisible()
    assert window.browser.model.rowCount() == 0
    window.close()


def test_welcome_open_case_button_and_recent_list_open_cases(qtbot, three_photo_case,
                                                             monkeypatch):
    controller = open_controller(qtbot)
    welcome = controller.show_welcome()
    qtbot.addWidget(welcome)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(three_photo_case.root))
    qtbot.mouseClick(welcome.open_button, Qt.MouseButton.LeftButton)
    window = controller.window
    qtbot.addWidget(window)
    assert window.browser.model.rowCount() == 3
    window.close_case()
    assert welcome.isVisible()
    item = welcome.recent.item(0)
    welcome.recent.itemActivated.emit(item)
    assert controller.window is not None and controller.window is not window
    qtbot.addWidget(controller.window)
    assert controller.window.browser.model.rowCount() == 3
    controller.window.close()


def test_welcome_shows_why_a_folder_cannot_be_opened(qtbot, tmp_path, monkeypatch):
    controller = open_controller(qtbot)
    welcome = controller.show_welcome()
    qtbot.addWidget(welcome)
    (tmp_path / "not-a-case").mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(tmp_path / "not-a-case"))
    qtbot.mouseClick(welcome.open_button, Qt.MouseButton.LeftButton)
    assert controller.window is None
    assert "not a case folder" in welcome.error_label.text()


def test_annotator_case_self_test_opens_the_window_on_that_case(three_photo_case, capsys):
    from annotator.cli import main

    assert main([str(three_photo_case.root), "--self-test"]) == 0
    assert "self-test ok: 3 photos" in capsys.readouterr().out


def test_annotator_on_a_folder_that_is_not_a_case_exits_2_with_one_line(tmp_path, capsys):
    from annotator.cli import main

    assert main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such case folder" in err
