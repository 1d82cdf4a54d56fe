"""Times follow Settings' "Show times in" (issue 15): the photo list says which clock it
shows (`09:40 UTC`, `11:40 +02:00`) and a change of the setting changes the list at once."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.fixtures.workspace import import_files, make_photos, open_controller, open_window


@pytest.fixture
def paris(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _row_texts(win) -> list[str]:  # type: ignore[no-untyped-def]
    model = win.browser.model
    return [model.index(r).data() for r in range(model.rowCount())]


def test_changing_show_times_in_changes_the_photo_list_text(qtbot, case, tmp_path, paris):
    from annotator.gui.windows.window_tools import open_settings

    import_files(case, make_photos(tmp_path / "in", 2))  # 09:20 and 09:10 UTC, 27 Oct 2023
    root = case.root
    case.close()
    win = open_window(qtbot, open_controller(qtbot), root)
    try:
        texts = _row_texts(win)
        assert any("2023-10-27 09:10 UTC" in t for t in texts), texts
        selected = win.session.current_photo_id
        dialog = open_settings(win)
        dialog.time_display.setCurrentIndex(dialog.time_display.findData("local"))
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        texts = _row_texts(win)
        assert any("2023-10-27 11:10 +02:00" in t for t in texts), texts
        assert not any("UTC" in t for t in texts)
        assert win.session.current_photo_id == selected  # the selection is kept
        # The panels follow too: Provenance's import time carries the offset.
        provenance = win.provenance
        shown = [provenance.facts.index(r, 1).data() for r in range(provenance.facts.rowCount())]
        assert any(str(v).endswith("+01:00") or str(v).endswith("+02:00") for v in shown), shown
    finally:
        win.close()
