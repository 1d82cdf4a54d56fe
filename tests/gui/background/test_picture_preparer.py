"""Packet pictures rendered in the background after edits: a box drawn on the canvas is
rendered once the edits settle, a run of nudges renders once, and the export then packs the
pictures without rendering them again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.packet.export import export_packet
from annotator.gui.background import picture_preparer
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import drag, make_session, shown_canvas, stored, vp


@pytest.fixture
def env(case, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(picture_preparer, "SETTLE_MS", 80)
    monkeypatch.setattr(picture_preparer, "OPEN_DELAY_MS", 3_600_000)
    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    session = make_session(case)
    canvas = shown_canvas(qtbot, session)
    session.select_photo(photo)
    yield session, canvas, photo
    session.pictures.stop()
    canvas.close()
    session.undo_stack.clear()


def _entries(case):  # type: ignore[no-untyped-def]
    root = case.root / "renders"
    return [p for p in root.glob("*/*/*/*") if p.is_dir()] if root.is_dir() else []


def test_a_drawn_box_is_rendered_ahead_and_the_export_packs_it(qtbot, env, tmp_path):
    session, canvas, photo = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 100, 100), vp(canvas, 300, 250))
    assert len(stored(session.case, photo)) == 1
    assert session.pictures.last_result is None  # not while the edit may still go on
    qtbot.waitUntil(lambda: session.pictures.last_result is not None, timeout=5000)
    assert session.pictures.last_result.rendered == 1
    assert len(_entries(session.case)) == 1

    result = export_packet(session.case, tmp_path / "p.zip")
    assert result.pictures_reused == 1


def test_a_run_of_nudges_renders_once_when_it_settles(qtbot, env):
    session, canvas, photo = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 100, 100), vp(canvas, 300, 250))
    qtbot.waitUntil(lambda: session.pictures.last_result is not None, timeout=5000)
    session.pictures.last_result = None
    canvas.setFocus()
    for _ in range(4):
        qtbot.keyClick(canvas.viewport(), Qt.Key.Key_Right)
    assert stored(session.case, photo)[0].values.x > 100
    qtbot.waitUntil(lambda: session.pictures.last_result is not None, timeout=5000)
    assert session.pictures.last_result.rendered == 1  # one render for four nudges
    # The current render and the one before it (an undo away) are kept.
    assert len(_entries(session.case)) == 2
    session.undo_stack.undo()
    session.pictures.last_result = None
    qtbot.waitUntil(lambda: session.pictures.last_result is not None, timeout=5000)
    assert session.pictures.last_result.ready == 1  # the undone state was still rendered


def test_closing_the_session_stops_the_background_work(qtbot, env):
    session, canvas, photo = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 100, 100), vp(canvas, 300, 250))
    session.pictures.stop()
    qtbot.wait(300)
    assert session.pictures.last_result is None and _entries(session.case) == []


def test_the_export_dialog_pauses_rendering_ahead_and_says_what_was_ready(qtbot, env, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from annotator.gui.dialogs.export_dialog import ExportDialog

    session, canvas, photo = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 100, 100), vp(canvas, 300, 250))
    qtbot.waitUntil(lambda: session.pictures.last_result is not None, timeout=5000)
    calls = []
    real_pause = session.pictures.pause
    monkeypatch.setattr(session.pictures, "pause", lambda: (calls.append("pause"),
                                                            real_pause()))
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "p.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.out_browse, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert calls == ["pause"] and not session.pictures._paused
    assert dialog.result.pictures_reused == 1
    assert "1 of 1 photo(s) had their pictures rendered ahead" in dialog.status.text()
