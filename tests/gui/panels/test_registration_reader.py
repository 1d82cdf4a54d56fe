"""Read registration in the Annotations panel: draw a box round the painted mark, press R
on the canvas, the candidates are listed (read in a job of the JobRunner, run at once here),
nothing is filled in until one is clicked; the click is one undo command, audited with its
source (`ocr`, engine and model versions, confidence)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from annotator.core.case.audit import events_for_photo
from annotator.core.demo.photos import DEMO_PHOTOS, write_demo_photos
from tests.fixtures.boxes import add_photo
from tests.fixtures.canvas import annotation_window, drag, make_session, stored, vp


@pytest.fixture
def env(case, tmp_path, qtbot):
    paths = write_demo_photos(tmp_path / "demo")
    photo_id = add_photo(case, paths[0])
    session = make_session(case)
    _window, canvas, panel = annotation_window(qtbot, session)
    session.select_photo(photo_id)
    yield session, canvas, panel, photo_id
    session.undo_stack.clear()


def _draw_round_the_aircraft(qtbot, canvas) -> None:
    x, y, w, h = DEMO_PHOTOS[0].aircraft_box()
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, x, y), vp(canvas, x + w, y + h))


def test_r_lists_candidates_and_a_click_sets_the_registration_undoably(qtbot, env):
    session, canvas, panel, photo_id = env
    _draw_round_the_aircraft(qtbot, canvas)
    (box,) = stored(session.case, photo_id)
    assert panel.box is not None and panel.box.id == box.id
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_R)
    reader = panel.reader
    view = reader.candidate_view
    assert view.isVisible() and reader.model.rowCount() >= 1
    assert reader.model.rows[0].registration == "5U-MBH"
    assert "5U-MBH" in view.model().index(0, 0).data()
    # A suggestion only: nothing stored, no undo step yet.
    assert stored(session.case, photo_id)[0].values.registration is None
    assert session.undo_stack.count() == 1  # the drawing

    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stored(session.case, photo_id)[0].values.registration == "5U-MBH"
    assert panel.registration_edit.text() == "5U-MBH"
    assert session.undo_stack.count() == 2

    with session.case.reading() as s:
        updates = [e for e in events_for_photo(s, box.photo_sha256) if e.action == "box.update"]
    details = json.loads(updates[-1].details)
    assert details["after"] == {"registration": "5U-MBH"}
    assert details["source"] == "ocr"
    assert details["ocr"]["engine"].startswith("rapidocr ")
    assert details["ocr"]["models"]["rec"]["file"].endswith(".onnx")
    assert 0 < details["ocr"]["confidence"] <= 1

    session.undo_stack.undo()
    assert stored(session.case, photo_id)[0].values.registration is None
    assert panel.registration_edit.text() == ""
    with session.case.reading() as s:
        undo = [e for e in events_for_photo(s, box.photo_sha256) if e.action == "box.update"][-1]
    assert "source" not in json.loads(undo.details)  # the undo is the examiner's own edit
    session.undo_stack.redo()
    assert stored(session.case, photo_id)[0].values.registration == "5U-MBH"


def test_the_button_reads_the_selected_box_and_another_box_clears_the_list(qtbot, env):
    session, canvas, panel, photo_id = env
    _draw_round_the_aircraft(qtbot, canvas)
    qtbot.mouseClick(panel.reader.read_button, Qt.MouseButton.LeftButton)
    assert panel.reader.model.rowCount() >= 1
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 20, 20), vp(canvas, 120, 90))  # a second box, in the sky
    assert panel.reader.model.rowCount() == 0 and not panel.reader.candidate_view.isVisible()
    assert all(b.values.registration is None for b in stored(session.case, photo_id))


def test_r_without_a_box_says_what_to_do(qtbot, env):
    _session, canvas, panel, _photo_id = env
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_R)
    assert panel.reader.model.rowCount() == 0
    assert panel.reader.status_label.text()


def test_the_reading_runs_in_a_worker_thread_and_comes_back_to_the_panel(qtbot, env,
                                                                          monkeypatch):
    import threading

    from PySide6.QtCore import QThreadPool

    from annotator.gui.panels import registration_reader

    session, canvas, panel, photo_id = env
    _draw_round_the_aircraft(qtbot, canvas)
    threads = []
    real = registration_reader.read_target

    def recording(target):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(target)

    monkeypatch.setattr(registration_reader, "read_target", recording)
    session.jobs.pool = QThreadPool.globalInstance()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_R)
    assert not panel.reader.read_button.isEnabled()  # one reading at a time
    qtbot.waitUntil(lambda: panel.reader.model.rowCount() > 0, timeout=30_000)
    assert threads and threads[0] is not threading.main_thread()
    assert panel.reader.model.rows[0].registration == "5U-MBH"
    assert panel.reader.read_button.isEnabled()
    assert stored(session.case, photo_id)[0].values.registration is None
