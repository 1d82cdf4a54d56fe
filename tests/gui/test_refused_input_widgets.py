"""The app refuses what the CLI refuses, with the same core checks and sentences: a flight
with no aircraft and no time, a time with no zone, a source URL that is not a web address, a
post time in the future (issue 14, item 9)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from annotator.core.dating.acquisition import get_acquisition
from annotator.core.ingest import import_paths
from annotator.core.models import AuditEvent
from annotator.gui.background.workers import ImmediatePool
from annotator.gui.dialogs.flight_edit import FlightEditDialog
from annotator.gui.panels.capture_date import CaptureDatePanel
from annotator.gui.session import CaseSession
from tests.fixtures.factory import make_exif, make_jpeg


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_flight_dialog_refuses_no_aircraft_and_no_time_and_a_time_without_a_zone(qtbot):
    dialog = FlightEditDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _type(qtbot, dialog.edits["origin"], "GABS")
    assert not ok.isEnabled()
    assert dialog.problem.text().startswith("A flight needs an aircraft")
    _type(qtbot, dialog.edits["departure_utc"], "2023-10-29T14:00")
    assert not ok.isEnabled()
    assert dialog.problem.text() == (
        "The departure time '2023-10-29T14:00' has no time zone: add Z or an offset "
        "(e.g. 2023-10-29T14:00Z or 2023-10-29T14:00+01:00)")
    _type(qtbot, dialog.edits["departure_utc"], "2023-10-29T14:00Z")
    assert ok.isEnabled() and dialog.problem.text() == ""
    assert dialog.draft is not None and dialog.draft.departure_utc == datetime(
        2023, 10, 29, 14, 0, tzinfo=UTC)


@pytest.fixture
def panel(qtbot, case, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = make_jpeg(tmp_path / "in" / "bamako.jpg", exif=make_exif(
        original="2023:10:27 10:15:00", offset="+00:00", gps=(12.5335, -7.9499)))
    photo_id = import_paths(case, [path], jobs=1).imported[0].photo_id
    session = CaseSession(case, pool=ImmediatePool())
    widget = CaptureDatePanel(session)
    qtbot.addWidget(widget)
    widget.show()
    session.select_photo(photo_id)
    return widget


def test_the_source_fields_refuse_what_the_cli_refuses_and_save_nothing(qtbot, panel, case):
    session = panel.session
    messages: list[str] = []
    session.status_message.connect(messages.append)
    with case.reading() as s:
        events = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    future = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%MZ")
    for key, text, says in (
            ("posted_utc", "2023-10-29T14:00", "has no time zone: add Z or an offset"),
            ("posted_utc", future, "is in the future"),
            ("url", "not a url", "is not a web address"),
            ("archive_url", "ftp://example.org/x", "is not a web address")):
        _type(qtbot, panel.acq_edits[key], text)
        assert messages and messages[-1].startswith("Not saved: ") and says in messages[-1], \
            (key, messages)
    with case.reading() as s:
        assert get_acquisition(s, panel.photo_id).is_empty
        assert s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) == events
    _type(qtbot, panel.acq_edits["url"], "https://x.com/a/status/1")
    with case.reading() as s:
        assert get_acquisition(s, panel.photo_id).url == "https://x.com/a/status/1"
