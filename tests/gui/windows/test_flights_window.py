"""The Flights window, its dialog, import and timeline, driven through the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select

from annotator.core.flights.records import FlightDraft, add_flight
from annotator.core.models import Flight
from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.canvas import make_session
from tests.fixtures.flights import GABS, GAGO, T0, add_photo, flight_points, write_readsb


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
    return win


def _count(case) -> int:
    with case.reading() as s:
        return s.scalar(select(func.count(Flight.id)))


def _shown_column(win, column: int) -> list[str]:
    return [win.proxy.index(r, column).data() for r in range(win.proxy.rowCount())]


def test_table_sorts_by_header_click_and_filters_as_typed(qtbot, case, session, window):
    add_flight(case, FlightDraft(registration="TZ-RBB", origin="GABS", departure_utc=T0))
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GAGO",
                                 departure_utc=T0.replace(hour=8)))
    add_flight(case, FlightDraft(registration="F-GKXA", origin="LFPG",
                                 departure_utc=T0.replace(hour=11)))
    session.flights_changed.emit()
    assert _shown_column(window, 1) == ["5U-MBH", "TZ-RBB", "F-GKXA"]  # by departure
    header = window.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(1) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = _shown_column(window, 1)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert _shown_column(window, 1) == list(reversed(first))
    assert first in (sorted(first), sorted(first, reverse=True))
    qtbot.keyClicks(window.filter, "gago")
    assert _shown_column(window, 1) == ["5U-MBH"]


def _fill(qtbot, dialog, **values):
    for name, text in values.items():
        edit = dialog.edits[name]
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_add_dialog_validates_and_add_is_undoable(qtbot, case, session, window, monkeypatch):
    dialog = window.make_dialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _fill(qtbot, dialog, registration="XX-123")
    assert not ok.isEnabled() and "XX" in dialog.problem.text()
    _fill(qtbot, dialog, registration="5umbh", origin="Bamako", destination="GAGO",
          departure_utc="2023-10-27T10:40Z", arrival_utc="2023-10-27T09:00Z")
    assert not ok.isEnabled() and "before the departure" in dialog.problem.text()
    _fill(qtbot, dialog, arrival_utc="2023-10-27T12:45Z", source_grade="b2")
    assert ok.isEnabled() and dialog.problem.text() == ""
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(window, "make_dialog", lambda initial=None: dialog)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert _shown_column(window, 1) == ["5U-MBH"]
    assert _shown_column(window, 4) == ["GABS"]
    session.undo_stack.undo()
    assert _count(case) == 0 and window.proxy.rowCount() == 0
    session.undo_stack.redo()
    assert _count(case) == 1 and _shown_column(window, 9) == ["B2"]


def test_edit_dialog_changes_only_what_was_typed(qtbot, case, session, window, monkeypatch):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    session.flights_changed.emit()
    window.table.selectRow(0)
    dialog = window.make_dialog(window.selected_flight())
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, destination="GAGO")
    assert dialog.changes() == {"destination": "GAGO"}
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(window, "make_dialog", lambda initial=None: dialog)
    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    with case.reading() as s:
        assert s.get(Flight, fid).destination == "GAGO"
    session.undo_stack.undo()
    with case.reading() as s:
        assert s.get(Flight, fid).destination is None


def test_import_shows_progress_and_is_one_undo_step(qtbot, case, session, window, tmp_path):
    path = write_readsb(tmp_path / "trace_full_062abc.json", flight_points(T0, GABS, GAGO))
    seen = []
    window.progress.valueChanged.connect(seen.append)
    window.import_file(path)
    assert window.proxy.rowCount() == 1 and seen and seen[-1] == 1
    assert "Imported 1 flight" in window.message.text()
    assert not window.progress.isVisible()
    session.undo_stack.undo()
    assert _count(case) == 0
    session.undo_stack.redo()
    assert _count(case) == 1


def test_import_of_a_broken_file_says_why_and_stores_nothing(qtbot, case, window, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"icao": "062abc", "timestamp": 1, "trace": [[0, 1, 2, "up"]]}')
    window.import_file(path)
    assert "Not imported" in window.message.text() and "point 1" in window.message.text()
    assert _count(case) == 0 and window.import_button.isEnabled()


def test_clicking_a_timeline_mark_selects_the_photo(qtbot, case, session, window):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                                       departure_utc=T0, arrival_utc=T0.replace(hour=12)))
    photo = add_photo(case, "ramp.jpg", T0.replace(hour=11, minute=0), gps=GABS,
                      registrations=("5U-MBH",))
    other = add_photo(case, "elsewhere.jpg", T0.replace(hour=14))
    session.flights_changed.emit()
    timeline = window.timeline
    assert set(timeline.mark_items) == {photo.id, other.id}
    assert fid in timeline.leg_items
    mark = timeline.mark_items[photo.id]
    timeline.centerOn(mark)
    pos = timeline.mapFromScene(mark.sceneBoundingRect().center())
    with qtbot.waitSignal(session.photo_selected, timeout=1000) as blocker:
        qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [photo.id] and session.current_photo_id == photo.id
    # The mark sits on the aircraft's row, inside its leg's time span.
    leg = timeline.leg_items[fid].sceneBoundingRect()
    assert leg.left() < mark.sceneBoundingRect().center().x() < leg.right()
    assert leg.top() < mark.sceneBoundingRect().center().y() < leg.bottom()


def test_timeline_shows_coverage_gaps_and_unknown_ends(qtbot, case, session, window):
    from PySide6.QtWidgets import QGraphicsRectItem

    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0,
                                       coverage_gaps=[["2023-10-27T10:50:00Z",
                                                       "2023-10-27T11:10:00Z"]]))
    session.flights_changed.emit()
    leg = window.timeline.leg_items[fid]
    assert leg.pen().style() == Qt.PenStyle.DashLine  # arrival unknown: a faded stub
    gaps = [i for i in window.timeline.scene().items()
            if isinstance(i, QGraphicsRectItem) and i is not leg and "No reception" in
            (i.toolTip() or "")]
    assert len(gaps) == 1


def test_main_window_has_the_flights_dock_and_opens_the_flights_window(qtbot, case, tmp_path):
    from tests.fixtures.workspace import (
        import_files,
        make_photos,
        open_controller,
        open_window,
        photo_ids_by_name,
    )

    import_files(case, make_photos(tmp_path / "in", 2))
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                 departure_utc=T0.replace(hour=10)))
    root = case.root
    case.close()
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, root)
    try:
        assert win.flights_dock.isAncestorOf(win.flights_panel)
        win.open_flights_action.trigger()
        flights = win.flights_window
        assert flights.isVisible() and flights.proxy.rowCount() == 1
        ids = photo_ids_by_name(win.session.case)
        win.session.select_photo(ids["photo-01.jpg"])
        assert win.flights_panel.photo_id == ids["photo-01.jpg"]
        assert win.flights_panel.suggestions  # the GABS departure is offered
        qtbot.mouseClick(win.flights_panel.link_buttons[0], Qt.MouseButton.LeftButton)
        assert win.flights_panel.linked.topLevelItemCount() == 1
        assert ids["photo-01.jpg"] in flights.timeline.mark_items
        win.undo_action.trigger()
        assert win.flights_panel.linked.topLevelItemCount() == 0
    finally:
        win.close()


def test_a_contradicted_address_shows_red_with_the_reason(qtbot, case, session, window):
    add_flight(case, FlightDraft(registration="5U-MBH", icao24="05c123"))
    session.flights_changed.emit()
    index = window.proxy.index(0, 1)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert "Mali" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_delete_button_removes_the_flight_and_undo_restores_it_with_links(
        qtbot, case, session, window):
    from annotator.core.flights.links import link_photo, linked_flights_json

    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    photo = add_photo(case, "a.jpg", T0)
    link_photo(case, photo.id, fid, "before_departure", "ramp")
    session.flights_changed.emit()
    window.table.selectRow(0)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == 0 and _count(case) == 0
    session.undo_stack.undo()
    assert window.proxy.rowCount() == 1
    with case.reading() as s:
        links = linked_flights_json(s, photo.id)
    assert [(lk["relation"], lk["link_note"]) for lk in links] == [("before_departure", "ramp")]


def test_a_hidden_timeline_waits_until_shown(qtbot, case, session):
    win = FlightsWindow(session)
    qtbot.addWidget(win)
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    session.flights_changed.emit()
    assert win.timeline.leg_items == {}
    win.show()
    qtbot.waitExposed(win)
    assert fid in win.timeline.leg_items


def test_kml_import_takes_the_registration_typed_beside_it(qtbot, case, window, tmp_path):
    from tests.fixtures.flights import write_kml_track

    path = write_kml_track(tmp_path / "t.kml", flight_points(T0, GABS, GAGO), name="Track")
    qtbot.keyClicks(window.import_registration, "5umbh")
    window.import_file(path, "kml")
    assert _shown_column(window, 1) == ["5U-MBH"]
    assert (_shown_column(window, 4), _shown_column(window, 6)) == (["GABS"], ["GAGO"])


def test_ctrl_wheel_zooms_the_time_axis_only(qtbot, case, session, window):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    session.flights_changed.emit()
    view = window.timeline
    center = QPointF(view.viewport().rect().center())
    event = QWheelEvent(center, view.viewport().mapToGlobal(center), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    before = view.px_per_hour
    view.wheelEvent(event)
    assert view.px_per_hour == pytest.approx(before * 1.25) and view.transform().isIdentity()


@pytest.mark.parametrize("choice", ["theirs", "mine"])
def test_a_flight_edited_by_someone_else_meanwhile_is_never_overwritten_unseen(
        qtbot, case, session, window, monkeypatch, choice):
    """Issue 7: the dialog was opened on version 1; another investigator saved version 2;
    saving ours shows both values and the user decides."""
    from annotator.core.case.folder import Case
    from annotator.core.flights.records import edit_flight
    from annotator.core.models import AuditEvent

    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", departure_utc=T0))
    session.flights_changed.emit()
    window.table.selectRow(0)
    dialog = window.make_dialog(window.selected_flight())
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, destination="GAGO")
    with Case.open(case.root, examiner="Ben") as other:  # a second investigator, own engine
        edit_flight(other, fid, {"destination": "GATS"}, expected_version=1)
    seen = []

    def answer(conflict):
        seen.append((conflict.mine.get("destination"), conflict.theirs.get("destination")))
        return choice

    monkeypatch.setattr(session, "resolve_conflict", answer)
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(window, "make_dialog", lambda initial=None: dialog)
    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    assert seen == [("GAGO", "GATS")]
    with case.reading() as s:
        stored = s.get(Flight, fid).destination
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert "flight.update_conflict" in actions
    if choice == "theirs":
        assert stored == "GATS"
        assert session.undo_stack.count() == 0  # nothing of ours was applied
    else:
        assert stored == "GAGO"
        session.undo_stack.undo()  # back to the version before ours: theirs
        with case.reading() as s:
            assert s.get(Flight, fid).destination == "GATS"
