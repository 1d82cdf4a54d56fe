"""Dock tabs show their whole titles at the default size, in English and in French (issue 15:
"Métado…", "Prove…" were cut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabBar

from annotator.core.case.settings import save_settings
from tests.fixtures.workspace import import_files, make_photos, open_controller, open_window


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_dock_tab_title_is_cut(qtbot, qapp, case, tmp_path: Path, language):
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": language})
    install_translators(qapp, language)
    try:
        import_files(case, make_photos(tmp_path / "in", 2))
        window = open_window(qtbot, open_controller(qtbot), case.root)
        window.resize(1600, 1000)
        qtbot.wait(50)  # the docks' tab bars are laid out after the resize
        bars = [b for b in window.findChildren(QTabBar) if b.count() and b.isVisible()]
        assert bars, "the docks are tabbed together"
        titles = []
        for bar in bars:
            metrics = bar.fontMetrics()
            for i in range(bar.count()):
                text = bar.tabText(i)
                titles.append(text)
                assert bar.tabRect(i).width() >= metrics.horizontalAdvance(text), text
                # and no tab is scrolled out of the bar (behind its scroll arrows)
                assert bar.rect().contains(bar.tabRect(i)), (text, bar.tabRect(i), bar.rect())
        assert ("Historique" if language == "fr" else "History") in titles
        window.close()
    finally:
        install_translators(qapp, "en")



def _loose_tab_bars(window) -> list[tuple[list[str], object]]:
    """Tab bars shown on the window that are not a dock group's: over the Photos dock, or
    naming a dock that is hidden (a bar in use lists only the docks shown)."""
    photos = window.browser_dock.geometry()
    shown = {d.windowTitle() for d in window.findChildren(QDockWidget) if d.isVisible()}
    loose = []
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible() or not bar.count():
            continue
        if not bar.geometry().intersects(window.rect()):
            continue  # parked off the window by Qt: a group with one dock shown
        titles = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
        if bar.geometry().intersects(photos) or not set(titles) <= shown:
            loose.append((titles, bar.geometry()))
    return loose


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_view_map_leaves_no_loose_tab_bar_over_the_photos(qtbot, qapp, language, size):
    """The demo case at a small size, then View → Map: no "Map | Routes" bar left loose
    over the Photos list (Qt forgot a tab bar made while the docks were tabbed together),
    and the map gets a useful height rather than a strip."""
    from annotator.core.demo.case import build_demo_case
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": language})
    install_translators(qapp, language)
    try:
        window = open_controller(qtbot).open_case(build_demo_case())
        qtbot.addWidget(window)
        window.resize(*size)  # as a saved size is: before the window is first laid out
        qtbot.waitExposed(window)
        assert _loose_tab_bars(window) == []
        qtbot.wait(50)
        qtbot.keyClick(window, "M", Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # View → Map
        qtbot.waitUntil(lambda: window.map_dock.isVisible())
        qtbot.wait(50)  # the docks laid out again with the map
        assert _loose_tab_bars(window) == []
        qtbot.waitUntil(lambda: window.map_dock.height() >= window.height() * 0.3)
        assert window.map_dock.geometry().bottom() <= window.statusBar().geometry().top()
        assert not window.map_dock.geometry().intersects(window.browser_dock.geometry())
        window.close()
    finally:
        install_translators(qapp, "en")
