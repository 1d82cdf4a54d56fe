"""The canvas, driven through the real widget: draw, move, resize, nudge, delete, duplicate,
copy from the previous photo, undo/redo (checked in the database each time), reopen, and
the rotated phone photo whose box must land on the marker."""

from __future__ import annotations

import pytest
from PIL import Image, ImageOps, ImageStat
from PySide6.QtCore import QPoint, Qt

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.gui.canvas import PhotoCanvas
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import box_ids, drag, make_session, shown_canvas, stored, vp


@pytest.fixture
def env(case, tmp_path, qtbot):
    first = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    second = add_jpeg(case, tmp_path / "in", "b.jpg", 640, 480, seed=2)
    session = make_session(case)
    order = [first, second]
    session.neighbour = lambda pid, step: (
        order[order.index(pid) + step] if 0 <= order.index(pid) + step < len(order) else None)
    canvas = shown_canvas(qtbot, session)
    session.select_photo(first)
    yield session, canvas, first, second
    canvas.close()
    session.undo_stack.clear()


def _close(a: float, b: float, tol: float = 2.0) -> bool:
    return abs(a - b) <= tol


def draw(qtbot, canvas, x0, y0, x1, y1):  # type: ignore[no-untyped-def]
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, x0, y0), vp(canvas, x1, y1))


def test_the_photo_is_shown_at_displayed_size_from_a_worker(env):
    session, canvas, first, _ = env
    item = canvas.photo_item
    assert item.boundingRect().width() == 640 and item.boundingRect().height() == 480
    assert item.full is not None and item.full.width() == 640  # small: preview is the full image


def test_drag_draws_one_box_saved_at_once_with_one_undo_command(qtbot, env):
    session, canvas, first, _ = env
    draw(qtbot, canvas, 100, 100, 300, 250)
    (box,) = stored(session.case, first)
    v = box.values
    assert _close(v.x, 100) and _close(v.y, 100) and _close(v.w, 200) and _close(v.h, 150)
    assert v.label == "aircraft"
    assert session.undo_stack.count() == 1
    assert canvas.selected_box_ids() == [box.id]
    assert canvas.unsaved_drawn == []  # saved and read back: no dashed outline left
    assert not canvas.draw_mode()
    session.undo_stack.undo()
    assert stored(session.case, first) == []
    session.undo_stack.redo()
    (again,) = stored(session.case, first)
    assert again.id == box.id and again.values == v


def test_drawing_past_the_edge_is_clamped_inside_the_photo(qtbot, env):
    session, canvas, first, _ = env
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 500, 400), vp(canvas, 700, 560))
    (box,) = stored(session.case, first)
    assert _close(box.values.x + box.values.w, 640, 0.01)
    assert _close(box.values.y + box.values.h, 480, 0.01)


def test_move_and_resize_by_handle_are_one_command_each(qtbot, env):
    session, canvas, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=100, y=100, w=100, h=80))
    session.boxes_changed.emit(first)
    drag(qtbot, canvas, vp(canvas, 150, 140), vp(canvas, 200, 170))
    (moved,) = stored(session.case, first)
    assert _close(moved.values.x, 150) and _close(moved.values.y, 130)
    assert (moved.values.w, moved.values.h) == (100, 80)
    assert session.undo_stack.count() == 1
    # The bottom-right handle of the (now selected) box.
    corner = vp(canvas, moved.values.x + 100, moved.values.y + 80)
    drag(qtbot, canvas, corner, corner + QPoint(60, 36))
    (resized,) = stored(session.case, first)
    zoom = canvas.zoom()
    assert _close(resized.values.x, moved.values.x, 0.01)
    assert _close(resized.values.w, 100 + 60 / zoom) and _close(resized.values.h, 80 + 36 / zoom)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert stored(session.case, first)[0].values == moved.values
    session.undo_stack.undo()
    assert stored(session.case, first)[0].values == info.values
    # The screen follows the database after undo.
    assert canvas.items_by_id[info.id].rect().x() == 100


def test_moving_stops_at_the_photo_edge(qtbot, env):
    session, canvas, first, _ = env
    boxes.create_box(session.case, first, BoxValues(x=500, y=300, w=100, h=100))
    session.boxes_changed.emit(first)
    drag(qtbot, canvas, vp(canvas, 550, 350), vp(canvas, 700, 470))
    (box,) = stored(session.case, first)
    assert (box.values.x + box.values.w, box.values.y + box.values.h) == (640, 480)


def test_nudges_merge_into_one_command_and_shift_moves_ten(qtbot, env):
    session, canvas, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=100, y=100, w=50, h=50))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    (box,) = stored(session.case, first)
    assert (box.values.x, box.values.y) == (102, 110)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert stored(session.case, first)[0].values.rect == (100, 100, 50, 50)


def test_delete_then_undo_restores_the_same_id(qtbot, env):
    session, canvas, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(registration="5U-MBH", x=10, y=10,
                                                           w=50, h=50))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert stored(session.case, first) == [] and canvas.items_by_id == {}
    session.undo_stack.undo()
    (back,) = stored(session.case, first)
    assert back.id == info.id and back.values == info.values
    assert info.id in canvas.items_by_id


def test_ctrl_d_duplicates_and_ctrl_shift_d_copies_the_previous_photo(qtbot, env):
    session, canvas, first, second = env
    info = boxes.create_box(session.case, first, BoxValues(registration="5U-MBH", x=10, y=10,
                                                           w=50, h=50))
    session.boxes_changed.emit(first)
    canvas.select_box(info.id)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    rects = [b.values.rect for b in stored(session.case, first)]
    assert rects == [(10, 10, 50, 50), (20, 20, 50, 50)]
    assert canvas.selected_box_ids() == [stored(session.case, first)[1].id]
    session.select_photo(second)
    qtbot.keyClick(canvas, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = stored(session.case, second)
    assert [b.values.rect for b in copied] == rects
    assert {b.values.registration for b in copied} == {"5U-MBH"}
    assert len(stored(session.case, first)) == 2  # the source is untouched
    assert len(canvas.items_by_id) == 2
    session.undo_stack.undo()
    assert stored(session.case, second) == []
    session.undo_stack.redo()
    assert [b.id for b in stored(session.case, second)] == [b.id for b in copied]


def test_a_failed_save_is_not_shown_as_saved(qtbot, env, monkeypatch):
    session, canvas, first, _ = env
    info = boxes.create_box(session.case, first, BoxValues(x=100, y=100, w=100, h=80))
    session.boxes_changed.emit(first)

    def broken(*_args, **_kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(boxes, "edit_boxes", broken)
    with qtbot.waitSignal(session.status_message) as message:
        drag(qtbot, canvas, vp(canvas, 150, 140), vp(canvas, 250, 200))
    assert "Not saved" in message.args[0] and "disk I/O error" in message.args[0]
    assert session.undo_stack.count() == 0
    assert stored(session.case, first)[0].values == info.values
    assert canvas.items_by_id[info.id].rect().x() == 100  # the item went back


def test_switching_photos_keeps_every_box_and_reopening_finds_them(qtbot, env, tmp_path):
    session, canvas, first, second = env
    draw(qtbot, canvas, 50, 50, 150, 120)
    session.select_photo(second)
    draw(qtbot, canvas, 300, 200, 400, 300)
    session.select_photo(first)
    draw(qtbot, canvas, 400, 50, 500, 100)
    expected = {first: [b.values for b in stored(session.case, first)],
                second: [b.values for b in stored(session.case, second)]}
    assert [len(v) for v in expected.values()] == [2, 1]
    root = session.case.root
    canvas.close()
    session.close()
    reopened = Case.open(root)
    try:
        for photo_id, values in expected.items():
            assert [b.values for b in stored(reopened, photo_id)] == values
        again = make_session(reopened)
        view = PhotoCanvas(again)
        qtbot.addWidget(view)
        again.select_photo(first)
        assert len(view.items_by_id) == 2
    finally:
        reopened.close()


def test_zoom_and_pan(qtbot, env):
    session, canvas, first, _ = env
    fit = canvas.zoom()
    canvas.actual_size()
    assert canvas.zoom() == 1.0
    canvas.zoom_by(2.0)
    assert canvas.zoom() == 2.0
    before = canvas.horizontalScrollBar().value()
    drag(qtbot, canvas, QPoint(400, 300), QPoint(300, 300), button=Qt.MouseButton.MiddleButton)
    assert canvas.horizontalScrollBar().value() == before + 100
    assert stored(session.case, first) == []  # panning draws nothing
    canvas.fit_to_window()
    assert abs(canvas.zoom() - fit) < 1e-9


def test_box_on_rotated_photo_lands_on_the_marker(qtbot, case, tmp_path):
    """Stored 640×480 with Orientation 6: displayed 480×640, the stored top-left marker
    (red) is shown at the top-right. A box drawn over it must crop red from the upright image."""
    photo_id = add_jpeg(case, tmp_path / "in", "phone.jpg", 640, 480, orientation=6)
    session = make_session(case)
    canvas = shown_canvas(qtbot, session, (600, 800))
    session.select_photo(photo_id)
    assert canvas.photo_item.boundingRect().size().toTuple() == (480, 640)
    assert canvas.photo_item.full.size().toTuple() == (480, 640)
    # The marker is 80×60 stored at (0,0); displayed it spans x 420..480, y 0..80.
    pixel = canvas.photo_item.full.pixelColor(450, 40)
    assert pixel.red() > 180 and pixel.green() < 90
    canvas.set_draw_mode(True)
    drag(qtbot, canvas, vp(canvas, 428, 6), vp(canvas, 474, 72))
    (box,) = stored(case, photo_id)
    v = box.values
    assert v.x > 400 and v.y < 20
    with Image.open(case.store.path_for(box.photo_sha256)) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    crop = upright.crop((round(v.x), round(v.y), round(v.x + v.w), round(v.y + v.h)))
    r, g, b = ImageStat.Stat(crop).mean
    assert r > 180 and g < 90 and b < 90
    canvas.close()
    session.undo_stack.clear()


def test_ids_of_boxes_are_never_reused_through_the_canvas(qtbot, env):
    session, canvas, first, _ = env
    draw(qtbot, canvas, 10, 10, 100, 100)
    (made,) = box_ids(session.case)
    session.undo_stack.undo()
    draw(qtbot, canvas, 10, 10, 100, 100)
    assert box_ids(session.case) == [made + 1]


def test_large_photo_preview_then_full_keep_displayed_coordinates(qtbot, case, tmp_path):
    photo_id = add_jpeg(case, tmp_path / "in", "big.jpg", 3200, 1600)
    info = boxes.create_box(case, photo_id, BoxValues(x=0, y=0, w=400, h=200))
    session = make_session(case)
    canvas = PhotoCanvas(session)
    qtbot.addWidget(canvas)
    session.select_photo(photo_id)
    item = canvas.photo_item
    assert item.preview.width() == 1600 and item.full.width() == 3200
    assert item.boundingRect().width() == 3200
    assert canvas.items_by_id[info.id].rect().width() == 400
    session.undo_stack.clear()


def test_decoding_runs_off_the_gui_thread_and_stale_photos_never_show(qtbot, case, tmp_path,
                                                                     monkeypatch):
    import threading

    from PySide6.QtCore import QThreadPool

    from annotator.gui.canvas import image_loader
    from annotator.gui.session import CaseSession

    a = add_jpeg(case, tmp_path / "in", "a.jpg", 2400, 1200, seed=1)
    b = add_jpeg(case, tmp_path / "in", "b.jpg", 1800, 1200, seed=2)
    threads = []
    real = image_loader.decode_full

    def spy(path, orientation):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(path, orientation)

    monkeypatch.setattr(image_loader, "decode_full", spy)
    session = CaseSession(case, pool=QThreadPool())
    canvas = PhotoCanvas(session)
    qtbot.addWidget(canvas)
    session.select_photo(a)
    session.select_photo(b)
    # The photo's row is read in a worker too: the canvas shows it a moment later.
    qtbot.waitUntil(lambda: canvas.photo_item is not None and canvas.photo_item.full is not None,
                    timeout=10000)
    assert canvas.photo_item.full.width() == 1800
    assert threads and threading.get_ident() not in threads
    session.jobs.wait(10000)
    assert canvas.photo_item.full.width() == 1800


def test_a_drag_in_progress_is_saved_when_the_photo_changes(qtbot, env):
    session, canvas, first, second = env
    info = boxes.create_box(session.case, first, BoxValues(x=100, y=100, w=100, h=80))
    session.boxes_changed.emit(first)
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=vp(canvas, 150, 140))
    qtbot.mouseMove(viewport, vp(canvas, 200, 190))
    session.select_photo(second)  # e.g. PageDown while the mouse is still down
    (moved,) = stored(session.case, first)
    assert moved.id == info.id and _close(moved.values.x, 150) and _close(moved.values.y, 150)
    canvas.set_draw_mode(True)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=vp(canvas, 10, 10))
    qtbot.mouseMove(viewport, vp(canvas, 60, 60))
    session.select_photo(first)
    (drawn,) = stored(session.case, second)
    assert _close(drawn.values.w, 50) and _close(drawn.values.h, 50)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=vp(canvas, 60, 60))
    assert len(stored(session.case, first)) == 1 and len(stored(session.case, second)) == 1


def test_undo_of_another_photos_edit_shows_that_photo(qtbot, env):
    session, canvas, first, second = env
    draw(qtbot, canvas, 50, 50, 150, 120)
    session.select_photo(second)
    session.undo_stack.undo()
    assert stored(session.case, first) == []
    qtbot.waitUntil(lambda: session.current_photo_id == first)
    assert canvas.photo_id == first and canvas.items_by_id == {}


def test_wheel_zooms_around_the_cursor_and_space_drag_pans(qtbot, env):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    session, canvas, first, _ = env
    cursor = vp(canvas, 400, 300)
    under = canvas.mapToScene(cursor)
    before = canvas.zoom()
    event = QWheelEvent(QPointF(cursor), QPointF(canvas.viewport().mapToGlobal(cursor)),
                        QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), event)
    assert abs(canvas.zoom() - before * 1.25 ** 2) < 1e-6
    after = canvas.mapToScene(cursor)
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2
    canvas.setFocus()
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    h = canvas.horizontalScrollBar().value()
    drag(qtbot, canvas, QPoint(400, 300), QPoint(340, 300))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    assert canvas.horizontalScrollBar().value() == h + 60
    assert stored(session.case, first) == []


def test_an_unreadable_original_is_reported_and_its_boxes_still_edit(qtbot, case, tmp_path):
    photo_id = add_jpeg(case, tmp_path / "in", "gone.jpg", 640, 480)
    info = boxes.create_box(case, photo_id, BoxValues(x=10, y=10, w=50, h=50))
    with case.reading() as s:
        from annotator.core.models import Photo

        case.store.path_for(s.get(Photo, photo_id).sha256).unlink()
    session = make_session(case)
    canvas = PhotoCanvas(session)
    qtbot.addWidget(canvas)
    with qtbot.waitSignal(session.status_message) as message:
        session.select_photo(photo_id)
    assert "Cannot show this photo" in message.args[0] and "no such file" in message.args[0]
    assert list(canvas.items_by_id) == [info.id]
    canvas.select_box(info.id)
    canvas.nudge_selected(5, 0)
    assert stored(case, photo_id)[0].values.x == 15
    session.undo_stack.clear()


def test_every_canvas_action_has_a_stable_name_for_shortcut_settings(env):
    _session, canvas, _first, _second = env
    names = [a.objectName() for a in canvas.actions()]
    assert all(n.startswith("canvas.") for n in names) and len(set(names)) == len(names) == 15
    keys = {a.objectName(): a.shortcut().toString() for a in canvas.actions()}
    assert keys["canvas.draw"] == "W" and keys["canvas.duplicate"] == "Ctrl+D"
    assert keys["canvas.read_registration"] == "R"
    assert keys["canvas.nudge_right_10"] == "Shift+Right"


def test_the_case_thumbnail_shows_first_and_never_replaces_a_sharper_preview(qtbot, case,
                                                                            tmp_path):
    from PIL import ImageOps as Ops

    from annotator.gui.background.workers import ImmediatePool, JobRunner
    from annotator.gui.canvas.image_loader import PhotoImageLoader

    photo_id = add_jpeg(case, tmp_path / "in", "big.jpg", 3600, 2400)
    with case.reading() as s:
        from annotator.core.models import Photo

        sha = s.get(Photo, photo_id).sha256
    thumb = case.thumb_path(sha)
    thumb.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(case.store.path_for(sha)) as im:
        Ops.contain(im, (256, 256)).save(thumb, "JPEG")
    seen = []
    loader = PhotoImageLoader(JobRunner(ImmediatePool()))
    loader.load(case.store.path_for(sha), None, (3600, 2400),
                on_preview=lambda image: seen.append(("preview", image.width())),
                on_full=lambda image: seen.append(("full", image.width())),
                on_error=lambda text: seen.append(("error", text)), thumbnail=thumb)
    assert seen == [("preview", 256), ("preview", 900), ("full", 3600)]
