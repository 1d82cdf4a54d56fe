"""The photo browser: filters, order, lazy pages and thumbnails."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import update

from annotator.core.models import Photo
from annotator.gui.background.workers import ImmediatePool
from annotator.gui.browser.view import PAGE, PhotoBrowser
from annotator.gui.session import CaseSession
from tests.fixtures.factory import make_jpeg
from tests.fixtures.workspace import (
    add_box,
    import_files,
    insert_photo_rows,
    make_photos,
    photo_ids_by_name,
)


@pytest.fixture
def session(case, tmp_path: Path):
    import_files(case, make_photos(tmp_path / "in", 4))
    s = CaseSession(case, ImmediatePool())
    yield s
    s.jobs.wait()


@pytest.fixture
def browser(qtbot, session):
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _names(browser: PhotoBrowser) -> list[str]:
    model = browser.model
    return [model.index(r).data().split("\n")[0] for r in range(model.rowCount())]


def test_typing_a_registration_filters_the_list(qtbot, browser, session):
    ids = photo_ids_by_name(session.case)
    add_box(session.case, ids["photo-02.jpg"], "5U-MBH")
    add_box(session.case, ids["photo-04.jpg"], "F-GKXA")
    session.boxes_changed.emit(ids["photo-02.jpg"])
    qtbot.keyClicks(browser.filters.registration, "5umbh")
    assert _names(browser) == ["photo-02.jpg"]
    assert browser.count_label.text() == "1 of 4 photos"
    browser.filters.registration.clear()
    qtbot.keyClicks(browser.filters.registration, "gkx")
    assert _names(browser) == ["photo-04.jpg"]
    browser.filters.registration.clear()
    assert len(_names(browser)) == 4
    assert browser.count_label.text() == "4 photos"


def test_label_date_and_verdict_filters(qtbot, browser, session):
    ids = photo_ids_by_name(session.case)
    add_box(session.case, ids["photo-01.jpg"], None, label="vehicle")
    with session.case.writing() as s:
        s.execute(update(Photo).values(date_verdict=None))  # import may have set verdicts
        s.execute(update(Photo).where(Photo.id == ids["photo-03.jpg"])
                  .values(date_verdict="consistent"))
    session.photos_changed.emit()
    labels = [browser.filters.label.itemData(i) for i in range(browser.filters.label.count())]
    assert "vehicle" in labels and "aircraft" in labels
    browser.filters.label.setCurrentIndex(browser.filters.label.findData("vehicle"))
    assert _names(browser) == ["photo-01.jpg"]
    browser.filters.label.setCurrentIndex(0)

    browser.filters.verdict.setCurrentIndex(browser.filters.verdict.findData("consistent"))
    assert _names(browser) == ["photo-03.jpg"]
    browser.filters.verdict.setCurrentIndex(browser.filters.verdict.findData("(none)"))
    assert sorted(_names(browser)) == ["photo-01.jpg", "photo-02.jpg", "photo-04.jpg"]
    browser.filters.verdict.setCurrentIndex(0)

    qtbot.keyClicks(browser.filters.date, "2023-10-28")
    assert _names(browser) == []
    browser.filters.date.clear()
    qtbot.keyClicks(browser.filters.date, "2023-10-27")
    assert len(_names(browser)) == 4


def test_sort_by_capture_time_or_import_order(browser):
    # make_photos dates each later file earlier: capture order is the reverse of import order.
    assert _names(browser) == ["photo-04.jpg", "photo-03.jpg", "photo-02.jpg", "photo-01.jpg"]
    browser.filters.sort.setCurrentIndex(browser.filters.sort.findData("import"))
    assert _names(browser) == ["photo-01.jpg", "photo-02.jpg", "photo-03.jpg", "photo-04.jpg"]


def test_the_selection_survives_a_filter_change_when_the_photo_still_shows(qtbot, browser,
                                                                            session):
    ids = photo_ids_by_name(session.case)
    add_box(session.case, ids["photo-02.jpg"], "5U-MBH")
    session.select_photo(ids["photo-02.jpg"])
    qtbot.keyClicks(browser.filters.registration, "MBH")
    assert browser.view.currentIndex().row() == 0
    assert session.current_photo_id == ids["photo-02.jpg"]


def test_a_large_case_loads_rows_a_page_at_a_time(qtbot, case, tmp_path):
    thumb = make_jpeg(tmp_path / "thumb.jpg", 256, 192)
    insert_photo_rows(case, 3 * PAGE + 7, thumbnail=thumb)
    session = CaseSession(case, ImmediatePool())
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.show()
    model = widget.model
    assert model.rowCount() == 3 * PAGE + 7
    assert len(model._rows) <= 2 * PAGE  # only what the view asked for
    last = model.index(model.rowCount() - 1)
    assert last.data().startswith(f"IMG_{3 * PAGE + 6:05d}.JPG")
    widget.view.scrollToBottom()
    sha = model._row(model.rowCount() - 1).sha256
    qtbot.waitUntil(lambda: widget.thumbs.get(sha) is not None)
    icon = last.data(Qt.ItemDataRole.DecorationRole)
    assert icon.width() == 128  # scaled to the browser's icon size, aspect kept
    assert icon.height() == 96


def test_a_photo_without_a_thumbnail_file_shows_the_placeholder(qtbot, case, tmp_path):
    insert_photo_rows(case, 1, thumbnail=None)
    with case.writing() as s:  # claims a thumbnail, but the file is not there
        s.execute(update(Photo).values(has_thumbnail=True))
    session = CaseSession(case, ImmediatePool())
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    sha = widget.model._row(0).sha256
    widget.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: widget.thumbs.known(sha))
    icon = widget.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == widget.model._missing_placeholder.cacheKey()


def test_flight_filter_shows_photos_linked_to_that_flight(qtbot, browser, session):
    from annotator.core.flights.links import link_photo
    from annotator.core.flights.records import FlightDraft, add_flight

    ids = photo_ids_by_name(session.case)
    flight_id = add_flight(session.case, FlightDraft(
        registration="5U-MBH", callsign="MBH27", origin="GABS", destination="GAGO",
        source_kind="manual"))
    link_photo(session.case, ids["photo-03.jpg"], flight_id)
    assert browser.filters.flight.isVisibleTo(browser)
    qtbot.keyClicks(browser.filters.flight, "mbh27")
    assert _names(browser) == ["photo-03.jpg"]
    browser.filters.flight.clear()
    qtbot.keyClicks(browser.filters.flight, str(flight_id))
    assert _names(browser) == ["photo-03.jpg"]
    browser.filters.flight.clear()
    qtbot.keyClicks(browser.filters.flight, "NOSUCH")
    assert _names(browser) == []


def test_thumbnail_size_follows_settings(qtbot, case):
    from annotator.core.case.settings import save_settings
    from annotator.gui.browser.view import PhotoBrowser
    from tests.fixtures.canvas import make_session

    save_settings({"thumbnail_size": 200})
    browser = PhotoBrowser(make_session(case))
    qtbot.addWidget(browser)
    assert browser.view.iconSize().width() == 200
    assert browser.view.iconSize().height() == 150
    browser.shutdown()


def test_a_selected_photo_whose_time_changes_stays_selected_where_it_was(qtbot, case, tmp_path):
    """Its capture time corrected, the photo moves in the capture order: it stays selected,
    and the list scrolls so that its row is drawn where it was (the list does not jump)."""
    from datetime import UTC, timedelta

    from tests.fixtures.workspace import BASE_TIME

    thumb = make_jpeg(tmp_path / "thumb.jpg", 256, 192)
    insert_photo_rows(case, 400, thumbnail=thumb)
    session = CaseSession(case, ImmediatePool())
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.resize(340, 600)
    widget.show()
    qtbot.waitExposed(widget)
    model, view = widget.model, widget.view
    chosen = model.photo_id_at(117)
    view.scrollTo(model.index(115), view.ScrollHint.PositionAtTop)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(117)).center())
    assert session.current_photo_id == chosen
    top_before = view.visualRect(model.index(117)).top()
    assert 0 <= top_before < view.viewport().height()
    with case.writing() as s:  # corrected: taken later, between rows 250 and 251
        later = BASE_TIME + timedelta(seconds=37 * 250 + 10)
        s.execute(update(Photo).where(Photo.id == chosen).values(
            capture_utc=later.replace(tzinfo=UTC), capture_local=later.isoformat()))
    session.photos_changed.emit()
    row = model.row_of(chosen)
    assert row == 250  # it moved down the capture order
    assert session.current_photo_id == chosen
    assert view.currentIndex().row() == row
    assert view.selectionModel().isRowSelected(row)
    assert view.visualRect(model.index(row)).top() == top_before


def test_thumbnails_arriving_repaint_rows_without_laying_out_the_whole_list(qtbot, case,
                                                                            tmp_path):
    """A batch of thumbnails must not make Qt ask the model about every one of 5 000 rows
    (what stalled scrolling a 10 000-photo case for 100–180 ms)."""
    thumb = make_jpeg(tmp_path / "thumb.jpg", 256, 192)
    insert_photo_rows(case, 5000, thumbnail=thumb)
    session = CaseSession(case, ImmediatePool())
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    model, view = widget.model, widget.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    view.executeDelayedItemsLayout()
    calls = []
    count_rows = model.rowCount

    def counting(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return count_rows(*args)

    model.rowCount = counting
    centre = view.viewport().rect().center()
    middle = next(i for i in (view.indexAt(centre + QPoint(0, dy)) for dy in range(0, 40, 3))
                  if i.isValid())  # (the centre may fall in the spacing between two rows)
    shown = [model._row(middle.row()).sha256]
    widget.thumbs.ready.emit(shown + [model._row(r).sha256 for r in (0, 4999)])
    view.executeDelayedItemsLayout()  # the layout Qt would have scheduled runs now
    assert len(calls) < 200, f"{len(calls)} rowCount calls for one batch of thumbnails"


def test_rows_have_their_full_height_before_their_data_is_read(qtbot, case, tmp_path):
    """The list measures one row (uniform sizes): a row whose data is still being read must
    not make every row one line high, which cut the names and squeezed the thumbnails."""
    from tests.fixtures.held_pool import HeldPool

    import_files(case, make_photos(tmp_path / "in", 3))
    pool = HeldPool()
    session = CaseSession(case, pool)
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.resize(320, 600)
    widget.show()
    qtbot.waitExposed(widget)
    lines = widget.view.fontMetrics().lineSpacing()
    icon = widget.view.iconSize()

    def first_row_height() -> int:
        return widget.view.visualRect(widget.model.index(0)).height()

    pool.run_all()  # the filter's ids: rows exist, their data not read yet
    assert widget.model.rowCount() == 3
    before = first_row_height()
    assert before >= max(icon.height(), 3 * lines)

    def read() -> bool:
        pool.run_all()  # the row pages asked for by painting and by `data()`
        return widget.model.index(0).data() is not None

    qtbot.waitUntil(read, timeout=5000)
    assert "\n" in widget.model.index(0).data()  # name, then time
    assert first_row_height() == before


def test_rows_are_as_wide_as_the_list(qtbot, browser):
    """No sideways scrolling: a row's width follows the list's."""
    browser.resize(300, 600)
    qtbot.waitUntil(lambda: browser.view.visualRect(browser.model.index(0)).width()
                    <= browser.view.viewport().width(), timeout=3000)
    assert not browser.view.horizontalScrollBar().isVisible()
    browser.resize(420, 600)
    qtbot.waitUntil(lambda: browser.view.visualRect(browser.model.index(0)).width()
                    >= browser.view.viewport().width() - 8, timeout=3000)
