"""The Map dock: the same geometry as `annotator map`, a click on a photo point selects the
photo, the time filter hides later legs, and the Routes table shows the routes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.core.maps.geometry import load_map
from annotator.gui.panels.map_panel import MapPanel, RoutesPanel
from tests.fixtures.canvas import make_session
from tests.fixtures.maps import at, build_history


@pytest.fixture
def shown(qtbot, case):
    built = build_history(case)
    session = make_session(case)
    panel = MapPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()  # loads the map (the session's pool runs jobs at once)
    qtbot.waitExposed(panel)
    assert panel.data is not None
    return session, panel, built


def _point_on_screen(panel, photo_id) -> QPoint:
    return panel.view.photo_view_pos(photo_id)


def test_the_map_draws_what_the_core_reads(shown, case):
    _, panel, built = shown
    core = load_map(case)
    assert panel.view.photo_ids() == {p.photo_id for p in core.photos} == set(
        built["photos"].values())
    assert sorted(leg.flight_id for leg, _ in panel.view.leg_items) == sorted(
        leg.flight_id for leg in core.legs)


def test_clicking_a_photo_point_selects_the_photo(qtbot, shown):
    session, panel, built = shown
    photo_id = built["photos"]["gao-claimed.jpg"]
    with qtbot.waitSignal(session.photo_selected) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_point_on_screen(panel, photo_id))
    assert blocker.args == [photo_id] and session.current_photo_id == photo_id
    # …and a photo selected elsewhere is the one ringed on the map.
    other = built["photos"]["ramp-aug.jpg"]
    session.select_photo(other)
    assert panel.view.current_photo == other


def test_the_time_filter_hides_later_legs(shown):
    _, panel, built = shown
    assert len(panel.view.visible_legs()) == 15
    panel.set_until(at("09-01", "00:00"))
    visible = panel.view.visible_legs()
    assert visible == built["flights"][:4]  # trip 1 only: every later leg is hidden
    assert not panel.view.photo_shown(built["photos"]["ramp-oct.jpg"])
    assert panel.view.photo_shown(built["photos"]["ramp-aug.jpg"])
    panel.set_until(None)
    assert len(panel.view.visible_legs()) == 15


def test_the_routes_table_shows_the_routes(qtbot, shown):
    _, panel, _ = shown
    routes = RoutesPanel(panel.routes_model)
    qtbot.addWidget(routes)
    model = routes.table.model()
    assert model.rowCount() == 6
    assert model.index(0, 0).data() == "GABS → GAGO" and model.index(0, 1).data() == 4


def test_view_map_shows_the_dock(qtbot, case):
    from annotator.gui.windows.main_window import MainWindow

    build_history(case)
    session = make_session(case)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert not window.map_dock.isVisible()
    window.map_action.trigger()
    assert window.map_dock.isVisible() and window.map_panel.data is not None
    assert len(window.map_panel.view.photo_ids()) == 3


def test_legs_per_month(qtbot, shown):
    _, panel, _ = shown
    routes = RoutesPanel(panel.routes_model)
    qtbot.addWidget(routes)
    months = routes.month_table.model()
    assert [months.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)] == [
        "2023-08", "2023-09", "2023-10"]
    assert [months.index(0, c).data() for c in range(4)] == ["GABS → GAGO", 1, 1, 2]
