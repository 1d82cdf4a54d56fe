"""Dock tabs show their whole titles at the default size, in English and in French (issue 15:
"Métado…", "Prove…" were cut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabBar

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
