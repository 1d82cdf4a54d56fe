"""A box's caption stays whole inside the view (issue 15: "5U-" at the photo's edge)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import make_session, shown_canvas


def _caption_on_screen(canvas, box_id: int) -> QRect:  # type: ignore[no-untyped-def]
    caption = canvas.items_by_id[box_id].caption
    anchor = canvas.mapFromScene(caption.scenePos())
    return caption.boundingRect().translated(anchor.x(), anchor.y()).toAlignedRect()


def _painted(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.viewport().update()
    qtbot.wait(60)


@pytest.mark.parametrize(("x", "y", "where"), [
    (600, 200, "right edge"), (300, 0, "top edge"), (600, 0, "top-right corner"),
    (0, 0, "top-left corner")])
def test_a_caption_at_the_photos_edge_stays_whole_in_the_view(qtbot, case, tmp_path, x, y,
                                                              where):
    photo = add_jpeg(case, tmp_path / "in", "edge.jpg", 640, 480, seed=3)
    session = make_session(case)
    canvas = shown_canvas(qtbot, session, (800, 600))
    session.select_photo(photo)
    info = boxes.create_box(case, photo, BoxValues(x=x, y=y, w=40, h=40,
                                                   registration="5U-MBH"))
    session.boxes_changed.emit(photo)
    qtbot.waitUntil(lambda: info.id in canvas.items_by_id)
    canvas.fit_to_window()
    _painted(qtbot, canvas)
    shown = _caption_on_screen(canvas, info.id)
    assert canvas.viewport().rect().contains(shown), (where, shown, canvas.viewport().rect())
    # Zoomed in and scrolled so the box sits at the view's edge: still whole.
    canvas.zoom_by(2.0, canvas.mapFromScene(x + 20, y + 20))
    canvas.centerOn(x + 20 - canvas.viewport().width() / canvas.zoom() / 2 + 30, y + 20)
    _painted(qtbot, canvas)
    shown = _caption_on_screen(canvas, info.id)
    assert canvas.viewport().rect().contains(shown), (where, "zoomed", shown)


def test_a_caption_with_room_sits_above_the_box(qtbot, case, tmp_path):
    photo = add_jpeg(case, tmp_path / "in", "mid.jpg", 640, 480, seed=4)
    session = make_session(case)
    canvas = shown_canvas(qtbot, session, (800, 600))
    session.select_photo(photo)
    info = boxes.create_box(case, photo, BoxValues(x=300, y=200, w=40, h=40,
                                                   registration="5U-MBH"))
    session.boxes_changed.emit(photo)
    qtbot.waitUntil(lambda: info.id in canvas.items_by_id)
    canvas.fit_to_window()
    _painted(qtbot, canvas)
    caption = canvas.items_by_id[info.id].caption.boundingRect()
    assert caption.left() == 0 and caption.bottom() == 0  # above the top-left corner
