"""The timeline as a time axis (issue 15), driven through real wheel, mouse and tooltip
events: the wheel spreads time, not the picture; ticks fit the scale; a drag pans; labels
stay at the left; crowded photos are all listed and reachable."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.flights.records import FlightDraft, add_flight
from annotator.gui.windows.flights_window import FlightsWindow
from annotator.gui.windows.timeline import HEADER_H, LABEL_W
from annotator.gui.windows.timeline_axis import DAY, HOUR, MINUTE, MONTH, choose_step, ticks
from annotator.gui.windows.timeline_items import CountBubble
from tests.fixtures.canvas import make_session
from tests.fixtures.flights import T0, add_photo


@pytest.fixture
def session(case):
    s = make_session(case)
    yield s
    s.undo_stack.clear()


@pytest.fixture
def window(qtbot, session):
    win = FlightsWindow(session)
    qtbot.addWidget(win)
    win.resize(1200, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def _wheel(view, pos: QPointF, notches: int = 1,
           modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _on_screen(view, item) -> QRect:  # type: ignore[no-untyped-def]
    return view.mapFromScene(item.sceneBoundingRect()).boundingRect()


def _tooltip_at(view, pos: QPoint) -> str:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(view.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    return QToolTip.text()


def test_the_wheel_zooms_time_around_the_cursor_and_not_the_marks(qtbot, case, session,
                                                                   window):
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                                 departure_utc=T0, arrival_utc=T0 + timedelta(hours=2)))
    photo = add_photo(case, "ramp.jpg", T0 + timedelta(hours=1), registrations=("5U-MBH",))
    add_photo(case, "later.jpg", T0 + timedelta(days=3))
    session.flights_changed.emit()
    view = window.timeline
    mark = view.mark_items[photo.id]
    cursor = QPointF(_on_screen(view, mark).center())
    before_size = _on_screen(view, mark).size()
    before_spp = view.seconds_per_pixel()
    before_time = view.time_at(view.mapToScene(cursor.toPoint()).x())
    for modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
        _wheel(view, cursor, 1, modifiers)
    assert view.seconds_per_pixel() == pytest.approx(before_spp / 1.25 ** 2)
    assert view.transform().isIdentity()  # the picture is never stretched
    assert _on_screen(view, view.mark_items[photo.id]).size() == before_size
    # The instant under the cursor stays under it (to a pixel).
    after_time = view.time_at(view.mapToScene(cursor.toPoint()).x())
    assert abs((after_time - before_time).total_seconds()) <= view.seconds_per_pixel()
    assert abs(_on_screen(view, view.mark_items[photo.id]).center().x() - cursor.x()) <= 1
    # Zoomed in, a click on the mark still selects the photo.
    with qtbot.waitSignal(session.photo_selected, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_on_screen(view, view.mark_items[photo.id]).center())
    assert blocker.args == [photo.id]


def test_ticks_follow_the_scale_from_months_to_minutes(qtbot, case, session, window):
    add_photo(case, "first.jpg", T0)
    add_photo(case, "a-year-later.jpg", T0 + timedelta(days=365))
    session.photos_changed.emit()
    view = window.timeline
    assert choose_step(view.px_per_hour).unit == MONTH  # a year across the view
    units = []
    middle = QPointF(view.viewport().width() / 2, HEADER_H + 10)
    for _ in range(40):
        _wheel(view, middle)
        units.append(choose_step(view.px_per_hour).unit)
    assert units.index(DAY) < units.index(HOUR) < units.index(MINUTE)
    assert view.seconds_per_pixel() <= 60  # down to minutes
    step = choose_step(view.px_per_hour)
    start = view.time_at(0)
    marks = [t for t, _wall in ticks(start, start + timedelta(hours=1), step)]
    assert all(t.second == 0 and t.minute % step.count == 0 for t in marks)


def test_the_tooltip_lists_two_photos_ten_minutes_apart(qtbot, case, session, window):
    first = add_photo(case, "apron-1.jpg", T0)
    add_photo(case, "apron-2.jpg", T0 + timedelta(minutes=10))
    add_photo(case, "a-week-later.jpg", T0 + timedelta(days=7))
    session.photos_changed.emit()
    view = window.timeline
    assert view.seconds_per_pixel() * 12 > 600  # at this scale the two marks touch
    text = _tooltip_at(view, _on_screen(view, view.mark_items[first.id]).center())
    assert "apron-1.jpg" in text and "apron-2.jpg" in text and "a-week-later" not in text
    assert "10:30:00 UTC" in text and "10:40:00 UTC" in text  # T0 is 10:30 UTC


def test_crowded_photos_become_a_bubble_and_a_click_spreads_them(qtbot, case, session,
                                                                  window):
    photos = [add_photo(case, f"burst-{i}.jpg", T0 + timedelta(minutes=i)) for i in range(5)]
    add_photo(case, "a-month-later.jpg", T0 + timedelta(days=30))
    session.photos_changed.emit()
    view = window.timeline
    bubbles = [i for i in view.scene().items() if isinstance(i, CountBubble) and i.isVisible()]
    assert len(bubbles) == 1 and bubbles[0].text.text() == "5"
    assert not any(view.mark_items[p.id].isVisible() for p in photos)
    text = _tooltip_at(view, _on_screen(view, bubbles[0]).center())
    assert all(f"burst-{i}.jpg" in text for i in range(5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_on_screen(view, bubbles[0]).center())
    assert all(view.mark_items[p.id].isVisible() for p in photos)
    assert not bubbles[0].isVisible()


def test_a_drag_pans_and_the_row_labels_stay_at_the_left(qtbot, case, session, window):
    add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS", destination="GAGO",
                                 departure_utc=T0, arrival_utc=T0 + timedelta(hours=2)))
    add_photo(case, "later.jpg", T0 + timedelta(days=2))
    session.flights_changed.emit()
    view = window.timeline
    for _ in range(8):
        _wheel(view, QPointF(view.viewport().width() / 2, 60))
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    labels = QRect(0, int(HEADER_H), int(LABEL_W), 2 * 34)
    before_labels = view.viewport().grab(labels).toImage()
    start, viewport = bar.value(), view.viewport()
    press = QPointF(600, HEADER_H + 80)  # below the rows: empty timeline
    for kind, pos, buttons in (
            (QEvent.Type.MouseButtonPress, press, Qt.MouseButton.LeftButton),
            (QEvent.Type.MouseMove, press - QPointF(150, 0), Qt.MouseButton.LeftButton),
            (QEvent.Type.MouseButtonRelease, press - QPointF(150, 0), Qt.MouseButton.NoButton)):
        QApplication.sendEvent(viewport, QMouseEvent(
            kind, pos, viewport.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier))
    assert bar.value() == start + 150  # dragged left: later times come into view
    assert view.viewport().grab(labels).toImage() == before_labels


def test_zoom_to_selection_and_to_fit(qtbot, case, session, window):
    fid = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS",
                                       destination="GAGO", departure_utc=T0,
                                       arrival_utc=T0 + timedelta(hours=2)))
    add_photo(case, "a-month-later.jpg", T0 + timedelta(days=30))
    session.flights_changed.emit()
    view = window.timeline
    fit = view.px_per_hour
    window.select_flight(fid)
    view.selection_action.trigger()
    leg = _on_screen(view, view.leg_items[fid])
    room = view.viewport().width() - LABEL_W
    assert leg.width() > room * 0.6 and leg.left() >= LABEL_W and leg.right() <= room + LABEL_W
    view.fit_action.trigger()
    assert view.px_per_hour == pytest.approx(fit)
