"""Tools of the main window: export and verify a packet, Settings with a changed shortcut,
the shortcut sheet on `?`, the toolbar — through the real widgets."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from annotator.gui.windows import window_tools
from tests.fixtures.workspace import import_files, make_photos, open_controller, open_window


@pytest.fixture
def window(qtbot, case, tmp_path: Path):
    import_files(case, make_photos(tmp_path / "in", 2))
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    win.controller = controller
    yield win
    win.close()


def test_toolbar_carries_the_main_actions_with_icons(window):
    actions = window.toolbar.actions()
    assert window.export_action in actions and window.import_action in actions
    assert window.canvas.draw_action in actions
    assert all(not a.icon().isNull() for a in actions if not a.isSeparator())


def test_question_mark_opens_the_shortcut_sheet_listing_real_keys(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Question)
    qtbot.waitUntil(lambda: getattr(window, "shortcut_sheet", None) is not None, timeout=3000)
    sheet = window.shortcut_sheet
    rows = {sheet.table.item(r, 0).text(): sheet.table.item(r, 1).text()
            for r in range(sheet.table.rowCount())}
    assert rows["Draw box"] == "W"
    assert "D" in rows["Next photo"].split(", ")
    sheet.close()


def test_shortcut_changed_in_settings_applies_to_the_window(qtbot, window):
    dialog = window_tools.open_settings(window)
    editor = dialog.editors["canvas.draw"]
    editor.setKeySequence(QKeySequence("Ctrl+Shift+B"))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert window.canvas.draw_action.shortcut().toString() == "Ctrl+Shift+B"
    # A window opened later (the next session) gets the same key from settings.
    from annotator.gui.shortcuts import apply_saved_shortcuts

    window.canvas.draw_action.setShortcut(QKeySequence("W"))
    apply_saved_shortcuts([window.canvas.draw_action])
    assert window.canvas.draw_action.shortcut().toString() == "Ctrl+Shift+B"


def test_export_from_the_menu_then_verify_in_the_app(qtbot, window, tmp_path: Path,
                                                      monkeypatch):
    dialog = window_tools.open_export(window)
    assert dialog.isVisible()
    dialog.close()
    out = tmp_path / "packet.zip"
    assert _export_with_cli(window, out) == 0
    monkeypatch.setattr(window_tools.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    window.verify_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "verify_box", None) is not None, timeout=20000)
    report = window.last_verify_report
    assert report.ok
    assert "intact" in window.verify_box.text()
    window.verify_box.close()

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                data = data.replace(b'"sha256"', b'"sha256" ', 1)
            dst.writestr(info, data)
    window.verify_box = None
    window_tools.verify_in_background(window, tampered)
    qtbot.waitUntil(lambda: window.verify_box is not None, timeout=20000)
    assert not window.last_verify_report.ok
    assert window.verify_box.icon() == QMessageBox.Icon.Critical
    assert "manifest.json" in " ".join(window.last_verify_report.altered)


def _export_with_cli(window, out: Path) -> int:
    from annotator.cli import main

    return main(["export", str(window.session.case.root), "--out", str(out)])


def test_time_stamp_from_the_file_menu_then_verify_shows_the_time(qtbot, window, tmp_path: Path,
                                                                  monkeypatch):
    from tests.fixtures.tsa import make_tsa_or_skip

    tsa = make_tsa_or_skip(tmp_path / "tsa")
    out = tmp_path / "packet.zip"
    assert _export_with_cli(window, out) == 0
    file_menu = window.menuBar().actions()[0].menu()
    assert window.stamp_action in file_menu.actions()
    window.stamp_action.trigger()
    dialog = window.stamp_dialog
    assert dialog.isVisible()
    with tsa.serving() as url:
        qtbot.keyClicks(dialog.packet_edit, str(out))
        qtbot.keyClicks(dialog.url_edit, url)
        with qtbot.waitSignal(dialog.stamped, timeout=30000):
            qtbot.mouseClick(dialog.stamp_button, Qt.MouseButton.LeftButton)
    dialog.close()
    window.verify_box = None
    window_tools.verify_in_background(window, out)
    qtbot.waitUntil(lambda: window.verify_box is not None, timeout=20000)
    assert window.last_verify_report.ok
    assert "Time-stamped" in window.verify_box.text()
    assert "not checked against a CA certificate" in window.verify_box.text()
