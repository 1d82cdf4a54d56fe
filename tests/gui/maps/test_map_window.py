"""View → Map in a window: the map in a top-level window of its own, on the same session as
the Map dock (selection shared both ways), freed when closed."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt

from tests.fixtures.canvas import make_session
from tests.fixtures.maps import build_history


@pytest.fixture
def window(qtbot, case):
    from annotator.gui.windows.main_window import MainWindow

    built = build_history(case)
    session = make_session(case)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, built


def _open(qtbot, window):
    view_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() is not None and window.map_window_action in a.menu().actions())
    assert view_menu is not None  # the action is in the View menu
    window.map_window_action.trigger()
    map_window = window.map_window
    assert map_window is not None
    qtbot.waitExposed(map_window)
    panel = map_window.panel
    qtbot.waitUntil(lambda: panel.data is not None and not panel.view.building)
    return map_window, panel


def test_the_map_window_opens_and_shows_the_photos(qtbot, window):
    window, built = window
    map_window, panel = _open(qtbot, window)
    assert map_window.isWindow() and map_window.isVisible()
    assert not window.map_dock.isVisible()  # a window of its own, not the dock
    assert panel is not window.map_panel
    assert panel.view.photo_ids() == set(built["photos"].values())
    for photo_id in built["photos"].values():
        point = panel.view.photo_view_pos(photo_id)
        assert panel.view.viewport().rect().contains(point), photo_id
    assert window.open_map_window() is map_window  # a second time: the same window, raised


def test_a_photo_clicked_in_the_map_window_is_selected_in_the_browser(qtbot, window):
    window, built = window
    map_window, panel = _open(qtbot, window)
    photo_id = built["photos"]["gao-claimed.jpg"]
    assert window.session.current_photo_id != photo_id
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.photo_view_pos(photo_id))
    assert window.session.current_photo_id == photo_id
    browser = window.browser
    current = browser.view.currentIndex()
    assert browser.model.photo_id_at(current.row()) == photo_id
    assert panel.view.current_photo == photo_id


def test_the_map_window_and_the_dock_share_the_flight_selection(qtbot, window):
    window, built = window
    window.map_action.trigger()
    qtbot.waitUntil(lambda: window.map_panel.data is not None
                    and not window.map_panel.view.building)
    map_window, panel = _open(qtbot, window)
    fid = next(fid for fid, leg in zip(built["flights"], built["legs"], strict=True)
               if leg[0] == "5U-MBI")
    item = panel.view.flight_items(fid)[0]
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.mapFromScene(item.path().pointAtPercent(0.33)))
    assert window.session.current_flight_id == fid
    assert window.map_panel.view.selected_flight == fid == panel.view.selected_flight
    other = built["flights"][0]
    window.session.select_flight(other)
    assert panel.view.selected_flight == other


def test_closing_the_map_window_frees_its_scene(qtbot, window):
    window, built = window
    map_window, panel = _open(qtbot, window)
    scene = panel.view.scene()
    map_window.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(scene))
    assert window.map_window is None
    window.session.select_photo(built["photos"]["ramp-oct.jpg"])  # nothing left to answer
    window.session.flights_changed.emit()
    again, panel = _open(qtbot, window)  # and it opens again
    assert panel.view.photo_ids() == set(built["photos"].values())


def test_closing_the_main_window_closes_the_map_window(qtbot, window):
    window, _ = window
    map_window, panel = _open(qtbot, window)
    scene = panel.view.scene()
    window.close()
    assert not map_window.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(scene))


def test_the_map_window_opens_where_and_as_large_as_it_was_closed(qtbot, window):
    window, _built = window
    map_window, _panel = _open(qtbot, window)
    map_window.resize(700, 520)  # (within the offscreen screen, which a restore respects)
    qtbot.waitUntil(lambda: map_window.size().width() == 700)
    map_window.close()
    qtbot.waitUntil(lambda: window.map_window is None)

    again, _panel = _open(qtbot, window)
    assert again is not map_window
    assert (again.width(), again.height()) == (700, 520)
