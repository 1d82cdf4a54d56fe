"""A long session: switching photos many times keeps nothing of the photos left behind.

Driven through the real widgets (D and A on the canvas, clicks on browser rows and on
timeline marks); `gc` and weak references prove that earlier photo items, their images and
the decoding jobs are gone, and that a decode finishing for a photo no longer shown never
reaches the canvas.
"""

from __future__ import annotations

import gc
import weakref
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.windows.flights_window import FlightsWindow
from tests.fixtures.factory import make_exif, make_jpeg
from tests.fixtures.held_pool import HeldPool
from tests.fixtures.workspace import BASE_TIME, import_files, open_controller, open_window

SWITCHES = 50


def _big_photos(folder: Path, count: int) -> list[Path]:
    """Photos large enough that the canvas shows a preview first, then the full decode."""
    paths = []
    for i in range(count):
        exif = make_exif(original=BASE_TIME + timedelta(minutes=10 * i), offset="+00:00")
        paths.append(make_jpeg(folder / f"big-{i:02d}.jpg", 2000, 1500, exif=exif, seed=i))
    return paths


@pytest.fixture
def window(qtbot, case, tmp_path: Path):
    import_files(case, _big_photos(tmp_path / "in", 4))
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    yield win
    win.close()


class _Tracker:
    """Weak references to every photo item, image and job the session makes."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.items: list[weakref.ref] = []
        self.images: list[weakref.ref] = []
        self.jobs: list[weakref.ref] = []
        runner = window.session.jobs
        submit = runner.submit

        def tracking_submit(*args, **kwargs):  # type: ignore[no-untyped-def]
            job = submit(*args, **kwargs)
            self.jobs.append(weakref.ref(job))
            return job

        runner.submit = tracking_submit

    def note_shown(self) -> None:
        item = self.window.canvas.photo_item
        assert item is not None and item.full is not None  # the full decode arrived
        self.items.append(weakref.ref(item))
        for image in (item.preview, item.full):
            if image is not None:
                self.images.append(weakref.ref(image))

    def alive(self, refs: list[weakref.ref]) -> list[object]:
        gc.collect()
        QApplication.processEvents()
        gc.collect()
        return [obj for ref in refs if (obj := ref()) is not None]


def _press(qtbot, window, key: Qt.Key) -> None:
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key)


def _click_row(qtbot, window, row: int) -> None:
    view = window.browser.view
    index = window.browser.model.index(row)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def _click_mark(qtbot, timeline, photo_id: int) -> None:
    mark = timeline.mark_items[photo_id]
    timeline.centerOn(mark)
    pos = timeline.mapFromScene(mark.sceneBoundingRect().center())
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_fifty_switches_leave_no_photo_item_image_or_job_behind(qtbot, window):
    session = window.session
    model = window.browser.model
    ids = [model.photo_id_at(r) for r in range(model.rowCount())]
    flights = FlightsWindow(session)
    qtbot.addWidget(flights)
    flights.show()
    qtbot.waitExposed(flights)
    tracker = _Tracker(window)
    tracker.note_shown()
    seen = []
    for step in range(SWITCHES):
        before = session.current_photo_id
        position = ids.index(before)
        how = step % 4
        if how == 0:
            key = Qt.Key.Key_D if position < len(ids) - 1 else Qt.Key.Key_A
            _press(qtbot, window, key)
        elif how == 1:
            key = Qt.Key.Key_A if position > 0 else Qt.Key.Key_D
            _press(qtbot, window, key)
        elif how == 2:
            _click_row(qtbot, window, (position + 2) % len(ids))
        else:
            _click_mark(qtbot, flights.timeline, ids[(position + 1) % len(ids)])
        assert session.current_photo_id != before, f"switch {step} ({how}) did not switch"
        assert window.canvas.photo_id == session.current_photo_id
        tracker.note_shown()
        seen.append(how)
    assert set(seen) == {0, 1, 2, 3}
    assert len(tracker.items) == SWITCHES + 1

    current = window.canvas.photo_item
    alive_items = tracker.alive(tracker.items)
    assert alive_items == [current], f"{len(alive_items)} photo items alive"
    alive_images = tracker.alive(tracker.images)
    assert all(image in (current.preview, current.full) for image in alive_images)
    assert len(alive_images) <= 2  # this photo's preview and full image, nothing older
    assert tracker.alive(tracker.jobs) == []
    assert session.jobs.live_count() == 0
    flights.close()


def test_a_decode_finishing_after_the_switch_never_reaches_the_canvas(qtbot, window):
    """Jobs held back (as on a busy pool) and released after the photo changed."""
    from annotator.gui.background.workers import JobRunner

    pool = HeldPool()
    canvas = window.canvas
    canvas.loader.jobs = JobRunner(pool, canvas)
    model = window.browser.model
    first, second = model.photo_id_at(0), model.photo_id_at(1)
    window.session.select_photo(second)
    stale_item = canvas.photo_item
    window.session.select_photo(first)
    current = canvas.photo_item
    assert stale_item is not current and current.full is None
    stale = weakref.ref(stale_item)
    del stale_item
    pool.run_all()  # the second photo's decodes finish now, then the first's
    assert canvas.photo_id == first and current.full is not None
    assert canvas.loader.jobs.live_count() == 0
    gc.collect()
    assert stale() is None


def test_cancelled_and_finished_jobs_on_a_real_pool_are_let_go(qtbot):
    from PySide6.QtCore import QThreadPool

    from annotator.gui.background.workers import JobRunner

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner = JobRunner(pool)
    import threading

    gate = threading.Event()
    results: list[object] = []
    blocker = runner.submit(lambda job: gate.wait(5), results.append)
    payload = bytearray(10_000_000)
    held = runner.submit(lambda job, data=payload: len(data), results.append)
    job_ref = weakref.ref(held)
    del payload
    runner.cancel(held)
    assert not runner.is_live(held)
    del held
    gate.set()
    qtbot.waitUntil(lambda: runner.live_count() == 0)
    pool.waitForDone(2000)
    QApplication.processEvents()
    assert results == [True]  # the cancelled job was dropped: it never called back
    gc.collect()
    assert job_ref() is None  # nor does the pool keep it (or its 10 MB) once it has run
    blocker_ref = weakref.ref(blocker)
    del blocker
    gc.collect()
    assert blocker_ref() is None
