"""Connection loss (issue 7): an edit the database cannot take is kept, marked pending in the
history, retried, and never shown as saved; later edits queue behind it in order."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy.exc import OperationalError

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.gui.undo.box_commands import CreateBoxCommand, EditBoxesCommand
from annotator.gui.undo.pending import pending_suffix
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import make_session, stored


class Outage:
    """Make the case's write transactions fail as an unreachable server does."""

    def __init__(self, case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.down = False
        real = case.writing

        @contextmanager
        def writing():  # type: ignore[no-untyped-def]
            if self.down:
                raise OperationalError("BEGIN", {}, Exception("server closed the connection"))
            with real() as s:
                yield s

        monkeypatch.setattr(case, "writing", writing)


@pytest.fixture
def env(case, tmp_path, qtbot, monkeypatch):
    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    info = boxes.create_box(case, photo, BoxValues(x=10, y=10, w=90, h=90))
    session = make_session(case)
    session.select_photo(photo)
    yield session, photo, info, Outage(case, monkeypatch)
    session.undo_stack.clear()


def test_an_edit_during_an_outage_is_pending_then_saved_by_the_retry(qtbot, env):
    session, photo, info, outage = env
    messages: list[str] = []
    session.status_message.connect(messages.append)
    outage.down = True
    move = EditBoxesCommand(session, photo, {info.id: {"x": 50.0}}, "Move box",
                            versions={info.id: info.version})
    session.undo_stack.push(move)
    assert not move.failed and len(session.pending) == 1
    assert session.undo_stack.text(0) == "Move box" + pending_suffix()  # marked in the history
    assert stored(session.case, photo)[0].values.x == 10  # not saved, not pretended
    assert "pending" in messages[-1] and "not yet saved" in messages[-1]
    draw = CreateBoxCommand(session, photo, BoxValues(x=300, y=300, w=20, h=20))
    session.undo_stack.push(draw)  # queued behind the move, in order
    assert len(session.pending) == 2
    session.pending.retry()  # the timer's retry while still down: still waiting
    assert len(session.pending) == 2 and session.pending.timer.isActive()
    outage.down = False
    with qtbot.waitSignal(session.pending.changed, timeout=40000,
                          check_params_cb=lambda n: n == 0):
        pass  # the QTimer retries by itself
    values = [b.values for b in stored(session.case, photo)]
    assert [v.x for v in values] == [50.0, 300.0]
    assert session.undo_stack.text(0) == "Move box" and messages[-1] == "All edits saved"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [b.values.x for b in stored(session.case, photo)] == [10.0]


def test_undoing_an_edit_that_never_reached_the_database_drops_it(qtbot, env):
    session, photo, info, outage = env
    outage.down = True
    session.undo_stack.push(EditBoxesCommand(session, photo, {info.id: {"x": 50.0}}, "Move"))
    session.undo_stack.undo()
    assert len(session.pending) == 0
    outage.down = False
    session.pending.retry()
    assert stored(session.case, photo)[0].values.x == 10


def test_a_refused_value_is_still_reported_not_queued(qtbot, env):
    session, photo, info, _outage = env
    command = EditBoxesCommand(session, photo, {info.id: {"confidence": "sure"}}, "Set")
    session.undo_stack.push(command)
    assert command.failed and len(session.pending) == 0


def test_a_claim_edit_during_an_outage_waits_and_is_saved_in_order(qtbot, env):
    from annotator.core.dating.claims import get_claim
    from annotator.gui.undo.capture_date_commands import SetClaimCommand

    session, photo, info, outage = env
    outage.down = True
    session.undo_stack.push(EditBoxesCommand(session, photo, {info.id: {"x": 50.0}}, "Move"))
    claim = SetClaimCommand(session, photo, {"grade": ""}, {"grade": "B2"}, "Set claim grade")
    session.undo_stack.push(claim)
    assert not claim.failed and len(session.pending) == 2
    assert claim.text().endswith(pending_suffix())
    with session.case.reading() as s:
        assert get_claim(s, photo).grade is None
    outage.down = False
    session.pending.retry()
    assert len(session.pending) == 0 and claim.text() == "Set claim grade"
    with session.case.reading() as s:
        assert get_claim(s, photo).grade == "B2"
    assert stored(session.case, photo)[0].values.x == 50.0


def test_closing_the_window_with_pending_edits_asks_first(qtbot, case, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.windows.main_window import MainWindow

    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    info = boxes.create_box(case, photo, BoxValues(x=10, y=10, w=90, h=90))
    session = make_session(case)
    window = MainWindow(session)
    qtbot.addWidget(window)
    outage = Outage(case, monkeypatch)
    outage.down = True
    session.undo_stack.push(EditBoxesCommand(session, photo, {info.id: {"x": 50.0}}, "Move"))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.No)
    assert not window.close() and asked and "not saved" in asked[0]
    outage.down = False
    assert window.close()  # the retry on closing saved it: no question
    assert len(asked) == 1 and stored(case, photo)[0].values.x == 50.0


def test_a_flight_edit_during_an_outage_is_kept_pending_then_saved(qtbot, case, monkeypatch):
    from annotator.core.flights.records import FlightDraft, add_flight, get_flight
    from annotator.gui.undo.flight_commands import EditFlightCommand

    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS"))
    session = make_session(case)
    outage = Outage(case, monkeypatch)
    outage.down = True
    edit = EditFlightCommand(session, fid, {"destination": "GAGO"}, version=1)
    session.undo_stack.push(edit)
    assert not edit.failed and len(session.pending) == 1
    assert session.undo_stack.text(0).endswith(pending_suffix())
    with case.reading() as s:
        assert get_flight(s, fid).destination is None  # not saved, not pretended
    outage.down = False
    session.pending.retry()
    assert len(session.pending) == 0
    with case.reading() as s:
        assert get_flight(s, fid).destination == "GAGO"
    session.undo_stack.clear()


def test_a_label_list_edit_during_an_outage_waits_and_is_saved_in_order(qtbot, env):
    from annotator.gui.undo.box_commands import LabelListCommand

    session, photo, info, outage = env
    outage.down = True
    add = LabelListCommand(session, "add", "helicopter")
    session.undo_stack.push(add)
    rename = LabelListCommand(session, "rename", "helicopter", "rotorcraft")
    session.undo_stack.push(rename)
    assert not add.failed and len(session.pending) == 2
    with session.case.reading() as s:
        assert "helicopter" not in boxes.list_labels(s)  # not saved, not pretended
    outage.down = False
    session.pending.retry()
    assert len(session.pending) == 0
    with session.case.reading() as s:
        labels = boxes.list_labels(s)
    assert "rotorcraft" in labels and "helicopter" not in labels
    session.undo_stack.undo()
    session.undo_stack.undo()
    with session.case.reading() as s:
        assert "rotorcraft" not in boxes.list_labels(s)


def test_a_refused_label_edit_is_said_and_dropped_not_kept(qtbot, env):
    from annotator.gui.undo.box_commands import LabelListCommand

    session, photo, info, outage = env
    messages: list[str] = []
    session.status_message.connect(messages.append)
    bad = LabelListCommand(session, "add", "   ")
    session.undo_stack.push(bad)
    assert bad.failed and len(session.pending) == 0
    assert messages[-1].startswith("Not saved: Add label")
