"""What issue 14 changed that the GUI shows: overlapping flights flagged in the Flights
window and drawn on separate lanes of the timeline; a take-off's bounds in the table's
tooltip and on the timeline; PLACE_MISMATCH said in French."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from annotator.core.flights.importers import import_file
from annotator.core.flights.records import FlightDraft, add_flight
from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.canvas import make_session
from tests.fixtures.flights import T0, gap_at_take_off, write_readsb


@pytest.fixture
def session(case):
    s = make_session(case)
    yield s
    s.undo_stack.clear()


@pytest.fixture
def window(qtbot, session):
    win = FlightsWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _row_of(window, flight_id: int) -> int:
    for row in range(window.proxy.rowCount()):
        if window.proxy.index(row, 0).data() == str(flight_id):
            return row
    raise AssertionError(f"flight {flight_id} not in the table")


def test_overlapping_flights_are_flagged_and_drawn_on_separate_lanes(qtbot, case, session,
                                                                      window):
    first = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                                         departure_utc=T0, arrival_utc=T0 + timedelta(hours=2)))
    second = add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO",
                                          destination="DRRN",
                                          departure_utc=T0 + timedelta(hours=1),
                                          arrival_utc=T0 + timedelta(hours=3)))
    alone = add_flight(case, FlightDraft(registration="5U-MBH", origin="DRRN",
                                         destination="GABS",
                                         departure_utc=T0 + timedelta(hours=5),
                                         arrival_utc=T0 + timedelta(hours=7)))
    session.flights_changed.emit()
    column = window.model.COLUMNS.index("departure_utc")
    tip = window.proxy.index(_row_of(window, first), column).data(Qt.ItemDataRole.ToolTipRole)
    assert f"overlaps flight {second}" in tip
    assert window.proxy.index(_row_of(window, alone), column).data(
        Qt.ItemDataRole.ToolTipRole) in (None, "")
    legs = window.timeline.leg_items
    a, b = legs[first].sceneBoundingRect(), legs[second].sceneBoundingRect()
    assert a.bottom() <= b.top() or b.bottom() <= a.top(), "overlapping bars share a lane"
    assert legs[alone].sceneBoundingRect().top() == min(a.top(), b.top())  # back in lane one


def test_a_bounded_take_off_shows_its_interval(qtbot, case, session, window, tmp_path):
    import_file(case, write_readsb(tmp_path / "t.json", gap_at_take_off()))
    session.flights_changed.emit()
    column = window.model.COLUMNS.index("departure_utc")
    tip = window.proxy.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "07:22:55" in tip and "07:27:38" in tip
    spans = [item for item in window.timeline.scene().items()
             if "between" in (item.toolTip() or "") and "take-off" in item.toolTip()]
    assert len(spans) == 1
    leg = window.timeline.leg_items[1].sceneBoundingRect()
    assert spans[0].sceneBoundingRect().left() < leg.left() + 1  # starts at the earliest bound


def test_place_mismatch_is_said_in_french(qapp):
    from annotator.gui.i18n.core_text import tr_core
    from annotator.gui.i18n.language import install_translators

    assert install_translators(qapp, "fr") == "fr"
    try:
        text = tr_core("PLACE_MISMATCH", {
            "place": "GABS", "gps": "16.24840,-0.00546", "distance_km": 951.26,
            "limit_km": 5.0, "source": "claim"}, "english")
        assert text.startswith("La position GPS de la photo")
        assert "951,3 km" in text and "5,0 km" in text and "GABS" in text
    finally:
        install_translators(qapp, "en")
