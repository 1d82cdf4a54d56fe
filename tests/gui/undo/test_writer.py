"""The session's one writer (issue 13): saves run off the GUI thread, one at a time, in the
order the edits were made; undo and redo stay right when the user is quicker than the
database; an edit conflict is still the user's to settle, asked on the GUI thread.

These run the real writer thread (a session on a real thread pool), on SQLite.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QUndoCommand

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.gui.undo.box_commands import CreateBoxCommand, EditBoxesCommand
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import stored


@pytest.fixture
def env(case, tmp_path, qtbot):
    from annotator.gui.session import CaseSession

    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    session = CaseSession(case, pool=QThreadPool())
    assert session.pending._thread is not None  # the real writer thread
    yield session, photo
    session.close()


def _hold(session) -> threading.Event:  # type: ignore[no-untyped-def]
    """Keep the writer busy (a save that waits) until the returned event is set."""
    gate = threading.Event()
    blocker = QUndoCommand("held")
    session.pending.submit(blocker, lambda: gate.wait(10) and None, lambda _run, _error: None)
    session._held = blocker  # keep it alive until it has run
    return gate


def _settle(qtbot, session) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(session.pending.idle, timeout=10000)
    qtbot.wait(50)  # the last outcome's signal reaches the GUI thread


def test_saves_run_off_the_gui_thread_and_the_command_learns_its_id_later(
        qtbot, env, monkeypatch):
    session, photo = env
    threads: list[int] = []
    real = boxes.create_box

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(boxes, "create_box", spy)  # what the command calls
    gate = _hold(session)
    draw = CreateBoxCommand(session, photo, BoxValues(x=10, y=10, w=50, h=40))
    session.undo_stack.push(draw)
    assert draw.box_id is None and not stored(session.case, photo)  # queued, not done
    gate.set()
    _settle(qtbot, session)
    assert threads and threading.get_ident() not in threads
    assert [b.id for b in stored(session.case, photo)] == [draw.box_id]


def test_undo_and_redo_quicker_than_the_database_end_as_the_history_says(qtbot, env):
    session, photo = env
    gate = _hold(session)
    draw = CreateBoxCommand(session, photo, BoxValues(x=10, y=10, w=50, h=40))
    session.undo_stack.push(draw)
    session.undo_stack.undo()  # its save had not started: taken off, nothing written
    session.undo_stack.redo()
    assert session.pending.unsaved() == 2  # the held save and the drawing, once
    gate.set()
    _settle(qtbot, session)
    assert [b.id for b in stored(session.case, photo)] == [draw.box_id]

    gate = _hold(session)
    move = EditBoxesCommand(session, photo, {draw.box_id: {"x": 200.0}}, "Move box")
    session.undo_stack.push(move)
    session.undo_stack.undo()
    session.undo_stack.undo()  # the drawing's undo: after its redo, whose id it needs
    session.undo_stack.redo()
    session.undo_stack.redo()
    session.undo_stack.undo()
    gate.set()
    _settle(qtbot, session)
    assert [(b.id, b.values.x) for b in stored(session.case, photo)] == [(draw.box_id, 10)]
    session.undo_stack.redo()
    _settle(qtbot, session)
    assert [b.values.x for b in stored(session.case, photo)] == [200]
    assert not move.failed and not draw.failed


def test_a_drawing_undone_while_its_save_runs_is_deleted_once_its_id_is_known(qtbot, env):
    session, photo = env
    started, release = threading.Event(), threading.Event()
    real = CreateBoxCommand.apply

    def slow_apply(command):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        real(command)

    draw = CreateBoxCommand(session, photo, BoxValues(x=10, y=10, w=50, h=40))
    draw.apply = lambda: slow_apply(draw)  # type: ignore[method-assign]
    session.undo_stack.push(draw)
    assert started.wait(10)  # running on the writer: too late to take off
    session.undo_stack.undo()  # queued behind it; runs once the id is known
    release.set()
    _settle(qtbot, session)
    assert draw.box_id is not None and stored(session.case, photo) == []


def test_a_conflict_found_by_the_writer_is_asked_on_the_gui_thread(qtbot, env):
    session, photo = env
    info = boxes.create_box(session.case, photo, BoxValues(x=10, y=10, w=50, h=40))
    other = Case.open(session.case.root, examiner="Ben")
    try:
        boxes.update_box(other, info.id, expected_version=info.version, x=30.0)
    finally:
        other.close()
    asked: list[int] = []

    def answer(_conflict):  # type: ignore[no-untyped-def]
        asked.append(threading.get_ident())
        return "mine"

    session.resolve_conflict = answer
    move = EditBoxesCommand(session, photo, {info.id: {"x": 200.0}}, "Move box",
                            versions={info.id: info.version})
    session.undo_stack.push(move)
    _settle(qtbot, session)
    assert asked == [threading.get_ident()]
    assert [b.values.x for b in stored(session.case, photo)] == [200]
