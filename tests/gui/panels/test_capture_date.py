"""The Capture date panel, driven through its widgets: type a claim, see the badge turn,
undo it, and enter where the photo was found."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from annotator.core.ingest.importer import import_paths
from annotator.core.models import AuditEvent, Photo
from annotator.gui.background.workers import ImmediatePool
from annotator.gui.panels.capture_date import CaptureDatePanel
from annotator.gui.session import CaseSession
from tests.fixtures.factory import make_exif, make_jpeg


@pytest.fixture
def panel(qtbot, case, tmp_path: Path):
    path = make_jpeg(tmp_path / "in" / "bamako.jpg", exif=make_exif(
        original="2023:10:27 10:15:00", offset="+00:00", gps=(12.5335, -7.9499)))
    photo_id = import_paths(case, [path], jobs=1).imported[0].photo_id
    session = CaseSession(case, pool=ImmediatePool())
    widget = CaptureDatePanel(session)
    qtbot.addWidget(widget)
    widget.show()
    session.select_photo(photo_id)
    return widget


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def findings(widget) -> list[str]:
    return widget.finding_codes()


def actions(case) -> list[str]:
    with case.reading() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def test_panel_shows_the_verdict_badge_and_sun(panel):
    assert panel.badge.text() == "Consistent"
    assert panel.badge.property("verdict") == "consistent"
    assert "#2e7d32" in panel.badge.styleSheet()
    assert "2023-10-27 10:15:00 UTC" in panel.capture_label.text()
    assert "elevation 50.8°" in panel.sun_label.text()
    assert findings(panel) == ["SUN_POSITION"]


def test_typing_a_wrong_claim_turns_the_badge_red_and_undo_restores_it(qtbot, panel):
    session = panel.session
    with qtbot.waitSignal(session.photos_changed, timeout=5000):
        type_into(qtbot, panel.claimed_edit, "2023-10-25")
    assert panel.badge.text() == "Inconsistent" and "#c62828" in panel.badge.styleSheet()
    assert "CLAIMED_DATE_MISMATCH" in findings(panel)
    with session.case.reading() as s:
        assert s.get(Photo, panel.photo_id).date_verdict == "inconsistent"

    with qtbot.waitSignal(session.photos_changed, timeout=5000):
        session.undo_stack.undo()
    assert panel.badge.text() == "Consistent"
    assert panel.claimed_edit.text() == ""
    assert actions(session.case).count("claim.set") == 2  # the undo is saved and audited
    session.undo_stack.redo()
    assert panel.badge.property("verdict") == "inconsistent"
    assert panel.claimed_edit.text() == "2023-10-25"


def test_grade_and_place_are_saved_and_a_bad_place_is_refused(qtbot, panel):
    session = panel.session
    messages: list[str] = []
    session.status_message.connect(messages.append)
    type_into(qtbot, panel.place_edit, "GABS")
    panel.grade_combo.setCurrentText("B2")
    assert panel.place_edit.text() == "GABS" and panel.grade_combo.currentText() == "B2"
    assert panel.grade_meaning_label.text() == ("Source: usually reliable; "
                                                "information: probably true")
    type_into(qtbot, panel.place_edit, "ZZZZ")
    assert messages and "Not saved" in messages[-1]
    assert panel.place_edit.text() == "GABS"  # the field shows what is stored
    assert session.undo_stack.count() == 2


def test_acquisition_post_time_before_capture_makes_it_inconsistent(qtbot, panel):
    type_into(qtbot, panel.acq_edits["platform"], "Telegram")
    assert panel.acquired_label.text().endswith("by test-examiner")
    type_into(qtbot, panel.acq_edits["posted_utc"], "2023-10-27T09:00Z")
    assert panel.badge.property("verdict") == "inconsistent"
    assert "POSTED_BEFORE_CAPTURE" in findings(panel)
    assert panel.acq_edits["posted_utc"].text() == "2023-10-27T09:00:00Z"


def test_tagging_an_aircraft_that_was_airborne_recomputes_the_verdict(qtbot, panel):
    from datetime import UTC, datetime

    from annotator.core.boxes import BoxValues, create_box
    from annotator.core.flights.records import FlightDraft, add_flight

    session = panel.session
    add_flight(session.case, FlightDraft(
        registration="5U-MBH", callsign="MBH1", origin="GABS", destination="DRRN",
        departure_utc=datetime(2023, 10, 27, 9, 0, tzinfo=UTC),
        arrival_utc=datetime(2023, 10, 27, 11, 30, tzinfo=UTC)))
    create_box(session.case, panel.photo_id, BoxValues(x=5, y=5, w=50, h=30,
                                                       registration="5U-MBH"))
    assert panel.badge.property("verdict") == "consistent"
    with qtbot.waitSignal(session.photos_changed, timeout=5000):
        session.boxes_changed.emit(panel.photo_id)
    assert panel.badge.property("verdict") == "inconsistent"
    assert "FLIGHT_CONFLICT" in findings(panel)
