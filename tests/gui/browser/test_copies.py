"""Copies in the browser: a badge on the photos that have copies in the case (★ on the best
copy available), and right-click → Show copies narrowing the list to exactly that group."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMenu, QStyleOptionViewItem

from annotator.core.photo_list import CopyBadge
from annotator.gui.background.workers import ImmediatePool
from annotator.gui.browser.badges import COPIES_ROLE
from annotator.gui.browser.view import PhotoBrowser
from annotator.gui.session import CaseSession
from tests.core.history.history_fixtures import jpeg, textured
from tests.fixtures.workspace import import_files, photo_ids_by_name


@pytest.fixture
def session(case, tmp_path: Path):
    src = tmp_path / "in"
    picture = textured(800, 600, seed=7)
    jpeg(picture, 95, src / "a-camera.jpg")
    jpeg(picture.resize((400, 300), Image.Resampling.LANCZOS), 75, src / "b-posted.jpg")
    jpeg(textured(800, 600, seed=8), 90, src / "c-other.jpg")
    jpeg(picture.crop((40, 30, 760, 570)), 80, src / "d-cropped.jpg")
    jpeg(textured(800, 600, seed=9), 90, src / "e-another.jpg")
    import_files(case, sorted(src.iterdir()))
    s = CaseSession(case, ImmediatePool())
    yield s
    s.jobs.wait()


@pytest.fixture
def browser(qtbot, session):
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    # the badges come from a worker, a moment after the list (the first screenful first)
    qtbot.waitUntil(lambda: widget.model.copies_of(1) is not None, timeout=5000)
    return widget


def _names(browser: PhotoBrowser) -> list[str]:
    model = browser.model
    return sorted(model.index(r).data().split("\n")[0] for r in range(model.rowCount()))


def _row_point(browser: PhotoBrowser, name: str) -> QPoint:
    model = browser.model
    [row] = [r for r in range(model.rowCount())
             if model.index(r).data().split("\n")[0] == name]
    return browser.view.visualRect(model.index(row)).center()


def _right_click_and_choose(qtbot, browser: PhotoBrowser, name: str, text: str) -> list[str]:
    """Right-click the row of `name`, pick the menu entry starting with `text`; the menu's
    entries (enabled ones marked +)."""
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(("+" if a.isEnabled() else "-") + a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text().startswith(text))
        menu.close()
        if action.isEnabled():
            action.trigger()

    QTimer.singleShot(50, choose)
    # A right-click as the window system delivers it: the button, then the context menu
    # event Qt makes of it (QTest's clicks go to the widget and never make that event).
    viewport, point = browser.view.viewport(), _row_point(browser, name)
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=point)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                       viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return seen


def test_photos_with_copies_carry_a_badge_and_the_best_copy_a_star(browser, session):
    ids = photo_ids_by_name(session.case)
    model = browser.model
    badges = {model.index(r).data().split("\n")[0]: model.index(r).data(COPIES_ROLE)
              for r in range(model.rowCount())}
    group = (ids["a-camera.jpg"], ids["b-posted.jpg"], ids["d-cropped.jpg"])
    assert badges["a-camera.jpg"] == CopyBadge(group, True, ids["a-camera.jpg"])
    assert badges["b-posted.jpg"] == CopyBadge(group, False, ids["a-camera.jpg"])
    assert badges["c-other.jpg"] is None and badges["e-another.jpg"] is None
    delegate = browser.view.itemDelegate()
    assert delegate.badge_text(badges["a-camera.jpg"]) == "⧉ 3 ★"
    assert delegate.badge_text(badges["d-cropped.jpg"]) == "⧉ 3"
    # painted over the thumbnail's corner: green on the best copy, dark on the others
    colours = {}
    for name in ("a-camera.jpg", "b-posted.jpg", "c-other.jpg"):
        index = browser.view.indexAt(_row_point(browser, name))
        image = QImage(300, 100, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 300, 100)
        delegate.paint(painter, option, index)
        painter.end()
        colours[name] = image.pixelColor(9, 9)
    assert colours["a-camera.jpg"].green() > 2 * colours["a-camera.jpg"].red()
    assert max(colours["b-posted.jpg"].getRgb()[:3]) < 80
    assert colours["c-other.jpg"] not in (colours["a-camera.jpg"], colours["b-posted.jpg"])


def test_right_click_show_copies_filters_exactly_the_group(qtbot, browser, session):
    entries = _right_click_and_choose(qtbot, browser, "b-posted.jpg", "Show copies")
    assert entries == ["+Show copies (3)", "+Go to the best copy"]
    assert _names(browser) == ["a-camera.jpg", "b-posted.jpg", "d-cropped.jpg"]
    assert browser.copies_bar.isVisible()
    assert browser.count_label.text() == "3 of 5 photos"
    # the best copy is marked in the narrowed list
    best = [browser.model.index(r).data(COPIES_ROLE).best for r in range(3)]
    assert best.count(True) == 1

    qtbot.mouseClick(browser.show_all_button, Qt.MouseButton.LeftButton)
    assert len(_names(browser)) == 5 and not browser.copies_bar.isVisible()

    # a photo without copies: the entry is there but disabled
    assert _right_click_and_choose(qtbot, browser, "c-other.jpg", "Show copies") \
        == ["-Show copies"]
    assert len(_names(browser)) == 5

    # typing a filter leaves the copies view
    _right_click_and_choose(qtbot, browser, "d-cropped.jpg", "Show copies")
    assert len(_names(browser)) == 3
    qtbot.keyClicks(browser.filters.registration, "x")
    assert not browser.copies_bar.isVisible()
    assert len(_names(browser)) == 0  # no photo has a registration with an x


def test_go_to_the_best_copy_selects_it(qtbot, browser, session):
    ids = photo_ids_by_name(session.case)
    _right_click_and_choose(qtbot, browser, "d-cropped.jpg", "Go to the best copy")
    assert session.current_photo_id == ids["a-camera.jpg"]


def test_the_badges_wait_until_the_list_stops_scrolling(qtbot, session, monkeypatch):
    import time

    import annotator.gui.browser.view as view_module

    monkeypatch.setattr(view_module, "COPIES_DELAY_MS", 50)
    monkeypatch.setattr(view_module, "SCROLL_QUIET_MS", 400)
    widget = PhotoBrowser(session)
    qtbot.addWidget(widget)
    widget.resize(360, 160)  # a few rows tall: the list scrolls
    widget.show()
    bar = widget.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)

    # The user scrolls up and down for over a second: no badge read meanwhile.
    end = time.monotonic() + 1.2
    step = 0
    while time.monotonic() < end:
        step += 1
        bar.setValue(bar.maximum() if step % 2 else 0)
        qtbot.wait(40)
        assert widget.model.copies_of(1) is None
    stopped = time.monotonic()
    # Still for a moment: the badges come.
    qtbot.waitUntil(lambda: widget.model.copies_of(1) is not None, timeout=5000)
    assert time.monotonic() - stopped >= 0.35
