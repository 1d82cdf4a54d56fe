"""Importing from the GUI: the dialog, drag-and-drop onto the window, and Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from annotator.gui.dialogs.import_dialog import ImportDialog
from tests.fixtures.workspace import make_photos, open_controller, open_window


@pytest.fixture
def window(qtbot, case):
    controller = open_controller(qtbot)
    win = open_window(qtbot, controller, case.root)
    yield win
    win.close()


def _bad_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    bad = folder / "not-a-photo.jpg"
    bad.write_bytes(b"this is a text file pretending to be a JPEG\n" * 20)
    return bad


def test_import_menu_imports_files_and_lists_the_rejected_one_with_its_reason(
        qtbot, window, tmp_path, monkeypatch):
    good = make_photos(tmp_path / "in", 2)
    bad = _bad_file(tmp_path / "in")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in [*good, bad]], ""))
    window.import_action.trigger()
    dialog = window.import_dialog  # owned by the window (deleted when closed)
    assert dialog.report is not None
    assert len(dialog.report.imported) == 2
    rows = dialog.rejected_rows()
    assert [name for name, _ in rows] == ["not-a-photo.jpg"]
    assert rows[0][1]  # a reason, in words
    assert dialog.rejected.isVisible()
    assert "2 imported" in dialog.summary.text() and "1 rejected" in dialog.summary.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert window.browser.model.rowCount() == 2  # the browser reloaded
    assert "Import:" in window.statusBar().currentMessage()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


@pytest.mark.parametrize("target", ["window", "canvas", "browser"])
def test_dropping_a_folder_on_the_window_imports_it(qtbot, window, tmp_path, target):
    folder = tmp_path / "dropped"
    make_photos(folder, 3)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    widget = {"window": window, "canvas": window.canvas.viewport(),
              "browser": window.browser.view.viewport()}[target]
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()
    dialog = window.import_dialog  # owned by the window (deleted when closed)
    assert len(dialog.report.imported) == 3
    assert window.browser.model.rowCount() == 3


def test_a_drop_of_something_that_is_not_a_file_is_refused(window):
    mime = QMimeData()
    mime.setText("5U-MBH")
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.import_dialog is None


def test_cancel_stops_the_import_and_keeps_what_was_imported(qtbot, window, tmp_path):
    paths = make_photos(tmp_path / "many", 5)
    dialog = ImportDialog(window.session, paths, window, jobs=1)
    qtbot.addWidget(dialog)
    dialog.show()

    def click_cancel_after_the_second(value: int) -> None:
        if value == 2 and dialog.cancel_button.isEnabled():
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    dialog.progress.valueChanged.connect(click_cancel_after_the_second)
    dialog.start()  # ImmediatePool: runs here; the click lands between two files
    assert dialog.report.cancelled
    assert len(dialog.report.imported) == 2
    assert dialog.heading.text() == "Import cancelled."
    assert "stay in the case" in dialog.summary.text()
    assert window.browser.model.rowCount() == 2
    assert dialog.isVisible()  # Cancel during an import stops it; it does not close the report


def test_the_rejected_files_are_a_resizable_copyable_table_with_full_paths(qtbot, window,
                                                                          tmp_path):
    """Issue 15: not ~2.5 rows of names: the full path and the reason, many rows, copyable
    (Ctrl+C on selected rows, Copy list for all) as tab-separated lines."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication as App

    good = make_photos(tmp_path / "in", 1)
    bads = []
    for i in range(12):
        bad = tmp_path / "in" / f"sub{i:02d}" / f"broken-{i:02d}.jpg"
        bad.parent.mkdir(parents=True)
        bad.write_bytes(b"not a JPEG at all\n" * 10)
        bads.append(bad)
    idle = ImportDialog(window.session, good, window)
    qtbot.addWidget(idle)
    idle.show()
    assert not idle.copy_button.isVisible()  # nothing to copy before the import ends
    idle.close()
    dialog = window.import_paths([*good, *bads])
    qtbot.waitUntil(lambda: dialog.report is not None)
    table = dialog.rejected
    assert table.rowCount() == 12
    assert table.item(0, 0).text() == str(bads[0])  # the full path, folder included
    assert table.item(0, 1).text()  # the reason
    qtbot.waitExposed(dialog)
    row_h = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= 8 * row_h, "fewer than eight rows shown"
    assert dialog.isSizeGripEnabled()
    # Ctrl+C copies the selected rows.
    table.setFocus()
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied == f"{bads[2]}\t{table.item(2, 1).text()}"
    # The Copy list button copies every row.
    QGuiApplication.clipboard().clear()
    assert dialog.copy_button.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().split("\n")
    assert len(lines) == 12 and all("\t" in line for line in lines)
    assert lines[11].startswith(str(bads[11]) + "\t")
    App.processEvents()
    dialog.close()


def test_a_failed_import_says_why_in_whole_sentences(qtbot, window, tmp_path, monkeypatch):
    """The failure's text wraps and the dialog grows to show it; the bar stops being busy."""
    from annotator.core.errors import InputRejected
    from annotator.core.ingest import importer

    def failing(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise InputRejected("the import could not start its worker processes: the system "
                            "refused to create another process; close other programs and "
                            "import again, or import with fewer workers")

    monkeypatch.setattr(importer, "import_paths", failing)
    dialog = window.import_paths(make_photos(tmp_path / "in", 1))
    qtbot.waitUntil(lambda: dialog.error is not None)
    qtbot.waitExposed(dialog)
    summary = dialog.summary
    assert summary.text().startswith("The import could not start")
    assert summary.height() >= summary.heightForWidth(summary.width())
    assert summary.mapTo(dialog, summary.rect().bottomLeft()).y() < dialog.buttons.y()
    assert dialog.progress.maximum() > 0  # not the busy animation any more
    dialog.close()
