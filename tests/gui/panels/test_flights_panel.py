"""The Flights panel: suggestions for the selected photo, one-click link, undo, unlink."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from annotator.core.flights.records import FlightDraft, add_flight
from annotator.core.models import AuditEvent, PhotoFlightLink
from annotator.gui.panels.flights import FlightsPanel
from tests.fixtures.canvas import make_session
from tests.fixtures.flights import GABS, T0, add_photo


@pytest.fixture
def setup(qtbot, case):
    session = make_session(case)
    day = T0.replace(hour=0, minute=0)
    arrival = add_flight(case, FlightDraft(registration="5U-MBH", origin="DRRN",
                                           destination="GABS",
                                           departure_utc=day + timedelta(hours=4),
                                           arrival_utc=day + timedelta(hours=7)))
    departure = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                             destination="GAGO",
                                             departure_utc=day + timedelta(hours=10, minutes=40)))
    photo = add_photo(case, "ramp.jpg", day + timedelta(hours=10, minutes=15), gps=GABS,
                      registrations=("5U-MBH",))
    panel = FlightsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    session.select_photo(photo.id)
    yield session, panel, photo, arrival, departure
    session.undo_stack.clear()


def _links(case):
    with case.reading() as s:
        return [(lk.photo_id, lk.flight_id, lk.relation)
                for lk in s.execute(select(PhotoFlightLink)).scalars()]


def test_suggestions_rank_the_departure_first_and_one_click_links_it(qtbot, case, setup):
    session, panel, photo, arrival, departure = setup
    assert panel.status == "ok"
    assert [s["flight"]["id"] for s in panel.suggestions] == [departure, arrival]
    assert f"#{departure}" in panel.suggested.topLevelItem(0).text(2)
    assert "25 min before the departure" in panel.suggested.topLevelItem(0).toolTip(1)
    qtbot.mouseClick(panel.link_buttons[0], Qt.MouseButton.LeftButton)
    assert _links(case) == [(photo.id, departure, "before_departure")]
    assert panel.linked.topLevelItemCount() == 1
    # A linked flight is no longer offered.
    assert [s["flight"]["id"] for s in panel.suggestions] == [arrival]
    with case.reading() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "flight.link")
                          ).scalar_one()
        assert event.photo_sha256 == photo.sha256
    session.undo_stack.undo()
    assert _links(case) == [] and panel.linked.topLevelItemCount() == 0
    session.undo_stack.redo()
    assert _links(case) == [(photo.id, departure, "before_departure")]


def test_unlink_button_removes_the_selected_link_and_undo_restores_it(qtbot, case, setup):
    session, panel, photo, arrival, departure = setup
    qtbot.mouseClick(panel.link_buttons[1], Qt.MouseButton.LeftButton)  # the arrival
    assert _links(case) == [(photo.id, arrival, "after_arrival")]
    panel.linked.setCurrentItem(panel.linked.topLevelItem(0))
    qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    assert _links(case) == []
    session.undo_stack.undo()
    assert _links(case) == [(photo.id, arrival, "after_arrival")]


def test_no_photo_and_weak_status_are_said(qtbot, case, setup):
    session, panel, *_ = setup
    session.select_photo(None)
    assert "No photo" in panel.status_label.text()
    far = add_photo(case, "paris.jpg", T0 + timedelta(days=20), gps=(48.85, 2.35))
    session.select_photo(far.id)
    assert panel.status == "weak" and "Weak" in panel.status_label.text()


def test_the_why_line_explains_the_selected_suggestion(qtbot, case, setup):
    _session, panel, *_ = setup
    assert "25 min before the departure" in panel.why.text()
    panel.suggested.setCurrentItem(panel.suggested.topLevelItem(1))
    assert "after the arrival" in panel.why.text()


def test_undoing_an_add_and_redoing_it_brings_back_its_links(qtbot, case, setup):
    from annotator.gui.undo.flight_commands import AddFlightsCommand

    session, panel, photo, *_ = setup
    command = AddFlightsCommand(session, [FlightDraft(registration="5U-MBH", origin="GABS",
                                                      departure_utc=T0)], "Add flight")
    session.undo_stack.push(command)
    new_id = command.flight_ids[0]
    button = next(b for b, s in zip(panel.link_buttons, panel.suggestions, strict=True)
                  if s["flight"]["id"] == new_id)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    relation = next(r for p, f, r in _links(case) if f == new_id)
    command.undo()  # the command on its own: the flight goes, and its link with it
    assert all(f != new_id for _p, f, _r in _links(case))
    command.redo()
    again = command.flight_ids[0]
    assert (photo.id, again, relation) in _links(case)
