"""The map with the rest of the window: a flight selected on the map is selected in the
flights table and the timeline and the other way round; "Follow timeline" shows only what
the timeline shows; tracks coloured by altitude or by flight; the sun at the current photo;
the drawing prepared off the GUI thread."""

from __future__ import annotations

import math
import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from annotator.core.dating import sun_position
from annotator.core.maps.colours import FLIGHT_PALETTE, RAMP, TRACK
from annotator.core.maps.geometry import PhotoPoint
from annotator.core.maps.sun_mark import sun_mark_at
from annotator.gui.panels import map_panel as map_panel_module
from annotator.gui.panels.map_items import SELECTED
from annotator.gui.panels.map_panel import MapPanel
from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.canvas import make_session
from tests.fixtures.flights import GABS, GAGO, T0, flight_points, write_readsb
from tests.fixtures.maps import at, build_history


def _import_track(case, start=T0, minutes=80):
    from annotator.core.flights.importers import import_file

    pts = flight_points(start, GABS, GAGO, minutes=minutes, step_s=4)
    source = write_readsb(case.root.parent / "track.json", pts, icao="062fff", reg="5U-TRK")
    import_file(case, source, "readsb")


@pytest.fixture
def shared(qtbot, case):
    built = build_history(case)
    _import_track(case)
    session = make_session(case)
    panel = MapPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1000, 650)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.data is not None and not panel.view.building)
    flights = FlightsWindow(session)
    qtbot.addWidget(flights)
    flights.show()
    qtbot.waitExposed(flights)
    return session, panel, flights, built


def _leg_point(panel, flight_id) -> QPoint:
    """Where a leg's line is in the map's viewport (a third of the way along it)."""
    item = next(item for leg, item in panel.view.leg_items if leg.flight_id == flight_id)
    return panel.view.mapFromScene(item.path().pointAtPercent(0.33))


def _mbi(built) -> int:
    """The one flight of 5U-MBI (Niamey → Gao): no other leg lies on its line."""
    return next(fid for fid, leg in zip(built["flights"], built["legs"], strict=True)
                if leg[0] == "5U-MBI")


def _table_flight(flights) -> int | None:
    row = flights.selected_flight()
    return row["id"] if row else None


def test_clicking_a_leg_on_the_map_selects_the_flight_in_the_table_and_the_timeline(
        qtbot, shared):
    session, panel, flights, built = shared
    fid = _mbi(built)
    with qtbot.waitSignal(session.flight_selected) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_leg_point(panel, fid))
    assert blocker.args == [fid] and session.current_flight_id == fid
    assert _table_flight(flights) == fid
    assert flights.timeline.selected_flight_id == fid
    items = panel.view.flight_items(fid)
    assert items and all(i.pen().color().name() == SELECTED for i in items)


def test_clicking_a_track_on_the_map_selects_its_flight(qtbot, shared):
    session, panel, flights, _ = shared
    track, item = panel.view.track_items[len(panel.view.track_items) // 2]
    pos = panel.view.mapFromScene(item.path().pointAtPercent(0.5))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert session.current_flight_id == track.flight_id
    assert _table_flight(flights) == track.flight_id


def test_clicking_the_sea_selects_no_flight(qtbot, shared):
    session, panel, _, _ = shared
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert session.current_flight_id is None


def test_a_flight_selected_in_the_table_is_highlighted_on_the_map(qtbot, shared):
    session, panel, flights, built = shared
    fid, other = built["flights"][5], built["flights"][6]
    row = next(r for r, f in enumerate(flights.model.rows) if f["id"] == fid)
    flights.table.selectRow(flights.proxy.mapFromSource(flights.model.index(row, 0)).row())
    assert session.current_flight_id == fid and panel.view.selected_flight == fid
    assert flights.timeline.selected_flight_id == fid
    assert all(i.pen().color().name() == SELECTED for i in panel.view.flight_items(fid))
    assert all(i.pen().color().name() != SELECTED for i in panel.view.flight_items(other))


def test_a_bar_clicked_on_the_timeline_is_highlighted_on_the_map(qtbot, shared):
    session, panel, flights, built = shared
    fid = _mbi(built)
    timeline = flights.timeline
    timeline.zoom_to_range(at("09-30", "20:00"), at("10-01", "02:00"))
    bar = timeline.leg_items[fid]
    pos = timeline.mapFromScene(bar.sceneBoundingRect().center())
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert session.current_flight_id == fid and panel.view.selected_flight == fid
    assert _table_flight(flights) == fid


def test_follow_timeline_shows_only_what_the_timeline_shows(qtbot, shared):
    session, panel, flights, built = shared
    assert len(panel.view.visible_legs()) == 15
    timeline = flights.timeline
    timeline.zoom_to_range(at("09-10", "00:00"), at("09-14", "00:00"), pad=0)
    start, end = session.timeline_span
    assert start <= at("09-10", "00:05") and end >= at("09-13", "23:55")
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert panel.follow.isChecked()
    assert panel.view.visible_legs() == built["flights"][4:8]  # trip 2 only
    assert not panel.view.photo_shown(built["photos"]["ramp-aug.jpg"])
    assert not panel.view.visible_track_items()  # the track flew in October
    # The timeline zoomed out: the map follows at once.
    timeline.zoom_to_fit()
    assert len(panel.view.visible_legs()) == 15
    assert panel.view.photo_shown(built["photos"]["ramp-aug.jpg"])
    # Unticked: the timeline no longer filters.
    timeline.zoom_to_range(at("09-10", "00:00"), at("09-14", "00:00"), pad=0)
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert len(panel.view.visible_legs()) == 15


def test_follow_timeline_draws_only_the_part_of_a_track_in_view(qtbot, shared):
    session, panel, flights, _ = shared
    panel.follow.setChecked(True)
    all_items = len(panel.view.track_items)
    assert all_items >= 3  # 1200 points: several chunks
    flights.timeline.zoom_to_range(T0 + timedelta(minutes=5), T0 + timedelta(minutes=20),
                                   pad=0)
    shown = panel.view.visible_track_items()
    assert 0 < len(shown) < all_items
    since, until = session.timeline_span
    assert all(i.last >= since and i.first <= until for i in shown)


def test_the_until_slider_and_the_timeline_combine(qtbot, shared):
    session, panel, flights, built = shared
    panel.follow.setChecked(True)
    flights.timeline.zoom_to_fit()
    panel.set_until(at("09-01", "00:00"))
    assert panel.view.visible_legs() == built["flights"][:4]
    assert "–" not in panel.when.text() or panel.when.text()


def test_tracks_coloured_by_altitude_with_a_legend_and_by_flight(qtbot, shared):
    _, panel, _, _ = shared
    assert {i.pen().color().name() for _, i in panel.view.track_items} == {TRACK}
    assert not panel.view.legend.isVisible()
    panel.colour.setCurrentIndex(panel.colour.findData("altitude"))
    colours = {i.pen().color().name() for _, i in panel.view.track_items}
    assert len(colours) >= 3 and colours <= set(RAMP) | {"#8c8c8c"}
    assert panel.view.legend.isVisible()
    scale = panel.view.legend.scale
    assert scale is not None and scale.top >= 10000
    # by flight: the track and every leg in a colour of the palette, not all the same
    panel.colour.setCurrentIndex(panel.colour.findData("flight"))
    assert not panel.view.legend.isVisible()
    legs = {i.pen().color().name() for _, i in panel.view.leg_items}
    tracks = {i.pen().color().name() for _, i in panel.view.track_items}
    assert len(tracks) == 1 and tracks <= set(FLIGHT_PALETTE)
    assert len(legs) > 5 and legs <= set(FLIGHT_PALETTE)
    # the base map and photos are not drawn again
    assert len(panel.view.photo_ids()) == 3


def test_the_sun_at_the_current_photo(qtbot, shared):
    session, panel, _, built = shared
    photo_id = built["photos"]["ramp-aug.jpg"]
    session.select_photo(photo_id)
    sun = panel.view.sun_item
    assert sun is not None and sun.isVisible() and panel.view.sun.photo_id == photo_id
    expected = sun_position(panel.view.sun.when, GABS[0], GABS[1])
    end = sun.ray_end()
    # The ray points along the sun's azimuth (x east, y down on screen).
    azimuth = math.degrees(math.atan2(end.x(), -end.y())) % 360
    assert azimuth == pytest.approx(expected.azimuth, abs=1.0)
    assert f"{expected.azimuth:.0f}°" in sun.text
    # It stands at the photo's point.
    assert panel.view.mapFromScene(sun.pos()) == panel.view.photo_view_pos(photo_id)
    # Another photo: the sun follows; the photo hidden by the slider: the sun too.
    session.select_photo(built["photos"]["ramp-oct.jpg"])
    assert panel.view.sun.photo_id == built["photos"]["ramp-oct.jpg"]
    panel.set_until(at("09-01", "00:00"))
    assert not panel.view.sun_item.isVisible()
    session.select_photo(None)
    panel.set_until(None)
    assert not panel.view.sun_item.isVisible()


def test_a_capture_interval_draws_the_fan_of_the_sun(qtbot, shared):
    session, panel, _, built = shared
    photo_id = built["photos"]["ramp-aug.jpg"]
    session.select_photo(photo_id)
    start = at("08-20", "09:00")
    point = PhotoPoint(photo_id, "", "", GABS[1], GABS[0], "gps", None)
    panel.view.set_sun(sun_mark_at(point, None, (start, start + timedelta(hours=2))))
    sun = panel.view.sun_item
    assert sun.isVisible() and not sun.fan.isEmpty() and sun.ray_end() is None
    assert "azimuth" in sun.text


def test_the_map_is_prepared_off_the_gui_thread(qtbot, case, monkeypatch):
    from annotator.gui.session import CaseSession

    build_history(case)
    threads = []
    real = map_panel_module.prepare_map

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(map_panel_module, "prepare_map", spy)
    session = CaseSession(case)  # real thread pools
    try:
        panel = MapPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: panel.data is not None and not panel.view.building,
                        timeout=20000)
        assert threads and threads[0] != threading.get_ident()
        assert len(panel.view.photo_ids()) == 3 and len(panel.view.leg_items) == 15
    finally:
        session.reads.wait(10000)


def test_items_are_added_a_few_at_a_time(qtbot, shared):
    """With no time to spare per turn, the map still gets built, over several turns."""
    _, panel, _, _ = shared
    turns = []
    panel.view.budget_s = 0.0
    panel.view.built.connect(lambda: turns.append("built"))
    panel.view.show_prepared(panel.view.prepared)
    assert panel.view.building
    assert not panel.view.viewport().updatesEnabled()  # the half-built map is not painted
    qtbot.waitUntil(lambda: not panel.view.building, timeout=20000)
    assert turns == ["built"] and len(panel.view.leg_items) == 15
    assert panel.view.viewport().updatesEnabled()
    assert QPointF(panel.view.photo_view_pos(next(iter(panel.view.photo_ids()))))


def test_the_map_stays_fitted_when_the_dock_is_resized_until_zoomed(qtbot, shared):
    _, panel, _, built = shared
    view = panel.view
    panel.resize(1000, 300)
    qtbot.waitUntil(lambda: view.viewport().height() < 300)
    home = view.mapFromScene(view.home).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(home)
    panel.resize(1000, 800)
    qtbot.waitUntil(lambda: view.viewport().height() > 600)
    home = view.mapFromScene(view.home).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(home)
    assert home.height() > 500 or home.width() > 900  # grown with the view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    scale = view.transform().m11()
    panel.resize(1000, 400)
    qtbot.waitUntil(lambda: view.viewport().height() < 400)
    assert view.transform().m11() == scale  # once moved by hand, left as it is


def test_the_altitude_legend_stays_in_the_bottom_left_corner(qtbot, shared):
    _, panel, _, _ = shared
    panel.colour.setCurrentIndex(panel.colour.findData("altitude"))
    viewport = panel.view.viewport()
    for height in (350, 800):
        panel.resize(1000, height)
        qtbot.waitUntil(lambda h=height: abs(panel.height() - h) < 2)
        legend = panel.view.legend.geometry().translated(-viewport.geometry().topLeft())
        assert legend.left() == 8 and legend.bottom() == viewport.height() - 9
        # …and stays there when the map is panned (scrolling moves the viewport's children)
        bar = panel.view.horizontalScrollBar()
        bar.setValue(bar.value() + 200)
        moved = panel.view.legend.geometry().translated(-viewport.geometry().topLeft())
        assert moved == legend
