"""The Flights dock (the photo's linked flights, on the right) shares the flight selection:
a linked flight chosen there is selected on the map, in the flights table and on the
timeline; a flight selected elsewhere is highlighted there when the photo is linked to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.flights.links import link_photo
from tests.fixtures.canvas import make_session
from tests.fixtures.maps import build_history


@pytest.fixture
def window(qtbot, case):
    from annotator.gui.windows.main_window import MainWindow

    built = build_history(case)
    photo = built["photos"]["ramp-aug.jpg"]
    link_photo(case, photo, built["flights"][1], "unknown")  # two linked flights
    session = make_session(case)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    window.map_action.trigger()
    qtbot.waitUntil(lambda: window.map_panel.data is not None
                    and not window.map_panel.view.building)
    window.open_flights()
    window.flights_dock.raise_()
    session.select_photo(photo)
    qtbot.waitUntil(lambda: window.flights_panel.linked.topLevelItemCount() == 2)
    return window, built


def _table_flight(window) -> int | None:
    row = window.flights_window.selected_flight()
    return row["id"] if row else None


def _everywhere(window) -> set[object]:
    """The flight selected in the session, on the map, in the table and on the timeline."""
    return {window.session.current_flight_id, window.map_panel.view.selected_flight,
            _table_flight(window), window.flights_window.timeline.selected_flight_id}


def _highlighted(window) -> list[int]:
    return [item.data(0, 256) for item in window.flights_panel.linked.selectedItems()]


def _select_in_table(window, flight_id: int) -> None:
    flights = window.flights_window
    row = next(r for r, f in enumerate(flights.model.rows) if f["id"] == flight_id)
    flights.table.selectRow(flights.proxy.mapFromSource(flights.model.index(row, 0)).row())


def test_showing_a_photo_selects_no_flight_by_itself(window):
    window, _ = window
    assert window.session.current_flight_id is None
    assert _highlighted(window) == []


def test_a_linked_flight_clicked_in_the_dock_is_selected_everywhere(qtbot, window):
    window, built = window
    linked = window.flights_panel.linked
    second = linked.topLevelItem(1)
    fid = second.data(0, 256)
    assert fid in (built["flights"][0], built["flights"][1])
    qtbot.mouseClick(linked.viewport(), Qt.MouseButton.LeftButton,
                     pos=linked.visualItemRect(second).center())
    assert _everywhere(window) == {fid}
    other = linked.topLevelItem(0).data(0, 256)
    qtbot.keyClick(linked, Qt.Key.Key_Up)  # the keyboard chooses too
    assert _everywhere(window) == {other}
    assert _highlighted(window) == [other]


def test_a_flight_selected_in_the_table_is_highlighted_in_the_dock(window):
    window, built = window
    fid = built["flights"][1]
    _select_in_table(window, fid)
    assert _highlighted(window) == [fid]
    assert window.flights_panel.linked.currentItem().data(0, 256) == fid
    _select_in_table(window, built["flights"][0])
    assert _highlighted(window) == [built["flights"][0]]


def test_a_flight_the_photo_is_not_linked_to_leaves_the_dock_unselected(window):
    window, built = window
    mbi = next(fid for fid, leg in zip(built["flights"], built["legs"], strict=True)
               if leg[0] == "5U-MBI")
    _select_in_table(window, built["flights"][1])
    _select_in_table(window, mbi)
    assert _everywhere(window) == {mbi}
    assert _highlighted(window) == []


def test_a_photo_shown_highlights_its_link_to_the_selected_flight(qtbot, window):
    window, built = window
    fid = built["flights"][-4]  # ramp-oct.jpg's flight
    _select_in_table(window, fid)
    window.session.select_photo(built["photos"]["ramp-oct.jpg"])
    qtbot.waitUntil(lambda: window.flights_panel.linked.topLevelItemCount() == 1)
    assert _highlighted(window) == [fid]
    assert window.session.current_flight_id == fid
