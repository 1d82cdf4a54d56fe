"""The main window's tool actions beyond annotation: export and verify evidence packets,
Settings, Help (shortcut sheet, About), the toolbar, and user-chosen shortcuts.

Kept out of main_window.py so the window stays a thin frame of docks and menus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar

from annotator.gui import shortcuts
from annotator.gui.i18n.timefmt import show_instant
from annotator.gui.icons import app_icon, icon

if TYPE_CHECKING:
    from annotator.gui.windows.main_window import MainWindow


def _named(action: QAction | None, name: str, icon_name: str | None = None) -> QAction | None:
    if action is not None:
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
    return action


def install_tools(window: MainWindow) -> None:
    """Add packet, settings and help actions, the toolbar, and apply saved shortcuts."""
    window.setWindowIcon(app_icon())
    bar = window.menuBar()
    file_menu = bar.actions()[0].menu()
    quit_anchor = file_menu.actions()[-2] if len(file_menu.actions()) >= 2 else None

    window.export_action = QAction(
        icon("export"), QCoreApplication.translate("MainWindow", "&Export evidence packet…"),
        window)
    window.export_action.setObjectName("window.export")
    window.export_action.setShortcut(QKeySequence("Ctrl+E"))
    window.export_action.triggered.connect(lambda: open_export(window))
    window.verify_action = QAction(
        icon("verify"), QCoreApplication.translate("MainWindow", "&Verify a packet…"), window)
    window.verify_action.setObjectName("window.verify")
    window.verify_action.triggered.connect(lambda: choose_and_verify(window))
    window.stamp_action = QAction(
        icon("verify"), QCoreApplication.translate("MainWindow", "&Time-stamp a packet…"),
        window)
    window.stamp_action.setObjectName("window.stamp")
    window.stamp_action.triggered.connect(lambda: open_stamp(window))
    window.settings_action = QAction(
        icon("settings"), QCoreApplication.translate("MainWindow", "&Settings…"), window)
    window.settings_action.setObjectName("window.settings")
    window.settings_action.setShortcut(QKeySequence("Ctrl+,"))
    window.settings_action.triggered.connect(lambda: open_settings(window))
    if quit_anchor is not None:
        file_menu.insertAction(quit_anchor, window.export_action)
        file_menu.insertAction(quit_anchor, window.verify_action)
        file_menu.insertAction(quit_anchor, window.stamp_action)
        file_menu.insertSeparator(quit_anchor)
        file_menu.insertAction(quit_anchor, window.settings_action)
        file_menu.insertSeparator(quit_anchor)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.shortcut_sheet_action = QAction(
        icon("help"), QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), window)
    window.shortcut_sheet_action.setObjectName("window.shortcut_sheet")
    window.shortcut_sheet_action.setShortcuts([QKeySequence("?"), QKeySequence("F1")])
    window.shortcut_sheet_action.triggered.connect(lambda: open_shortcut_sheet(window))
    help_menu.addAction(window.shortcut_sheet_action)
    about = help_menu.addAction(QCoreApplication.translate("MainWindow", "&About annotator"))
    about.setObjectName("window.about")
    about.triggered.connect(lambda: open_about(window))

    _name_window_actions(window)
    _build_toolbar(window)
    window.session.jobs.submit(_preload_reference_data)
    shortcuts.apply_saved_shortcuts(customizable_actions(window))


def _preload_reference_data(job) -> None:  # type: ignore[no-untyped-def]
    """Time-zone polygons and airports, loaded off the GUI thread: edits re-run the date
    check (which needs both) on the GUI thread, and must not stall on the first one."""
    from annotator.core.reference import airports, timezones

    timezones.preload()
    airports.preload()


def _name_window_actions(window: MainWindow) -> None:
    """Stable names (the key Settings stores a changed shortcut under) and icons."""
    _named(getattr(window, "import_action", None), "window.import", "import")
    _named(getattr(window, "undo_action", None), "window.undo", "undo")
    _named(getattr(window, "redo_action", None), "window.redo", "redo")
    _named(getattr(window, "next_action", None), "window.next_photo", "next")
    _named(getattr(window, "previous_action", None), "window.previous_photo", "previous")
    _named(getattr(window, "open_flights_action", None), "window.flights", "flight")
    _named(getattr(window, "shadow_action", None), "window.sun_shadows", "sun-shadow")
    canvas = window.canvas
    for attr, icon_name in (("draw_action", "draw-box"), ("delete_action", "delete"),
                            ("duplicate_action", "duplicate"),
                            ("copy_previous_action", "copy-previous"),
                            ("fit_action", "zoom-fit"), ("actual_size_action", "zoom-actual")):
        action = getattr(canvas, attr, None)
        if action is not None:
            action.setIcon(icon(icon_name))


def customizable_actions(window: MainWindow) -> list[QAction]:
    """Every named action of the window and its canvas, each once, in a stable order."""
    seen: dict[str, QAction] = {}
    for action in [*window.findChildren(QAction), *window.canvas.actions()]:
        name = action.objectName()
        if name and not name.startswith("qt_") and name not in seen and action.text():
            seen[name] = action
    return sorted(seen.values(), key=lambda a: a.objectName())


def _build_toolbar(window: MainWindow) -> None:
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Tools"), window)
    toolbar.setObjectName("toolbar-main")
    toolbar.setIconSize(QSize(22, 22))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    canvas = window.canvas
    groups = [
        [getattr(window, "import_action", None), window.export_action],
        [getattr(window, "undo_action", None), getattr(window, "redo_action", None)],
        [getattr(canvas, "draw_action", None), getattr(canvas, "duplicate_action", None),
         getattr(canvas, "delete_action", None), getattr(window, "shadow_action", None)],
        [getattr(window, "previous_action", None), getattr(window, "next_action", None),
         getattr(canvas, "fit_action", None), getattr(canvas, "actual_size_action", None)],
        [getattr(window, "open_flights_action", None), window.verify_action],
    ]
    for group in groups:
        present = [a for a in group if a is not None]
        if not present:
            continue
        if toolbar.actions():
            toolbar.addSeparator()
        for action in present:
            toolbar.addAction(action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.toolbar = toolbar


def open_export(window: MainWindow):  # type: ignore[no-untyped-def]
    from annotator.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.session, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.export_dialog = dialog
    dialog.show()
    return dialog


def open_stamp(window: MainWindow, packet: Path | None = None):  # type: ignore[no-untyped-def]
    from annotator.gui.dialogs.stamp_dialog import StampDialog

    dialog = StampDialog(window.session.jobs, window, packet)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.stamp_dialog = dialog
    dialog.show()
    return dialog


def open_settings(window: MainWindow):  # type: ignore[no-untyped-def]
    from annotator.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(customizable_actions(window), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(lambda: show_settings_applied(window))
    window.settings_dialog = dialog
    dialog.open()
    return dialog


def show_settings_applied(window: MainWindow) -> None:
    """Saved settings shown at once: times in the photo list and the panels follow "Show
    times in" (the language waits for a restart)."""
    window.browser.model.show_times_as_set()
    current = window.session.current_photo_id
    for panel in (window.provenance, window.capture_date, getattr(window, "flights_panel", None)):
        if panel is not None:
            panel.show_photo(current)
    flights = getattr(window, "flights_window", None)
    if flights is not None:
        flights.reload()
        flights.timeline.viewport().update()


def open_shortcut_sheet(window: MainWindow):  # type: ignore[no-untyped-def]
    from annotator.gui.dialogs.help_dialogs import ShortcutSheet

    ordered = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            ordered += [a for a in menu.actions() if not a.isSeparator()]
    ordered += [a for a in customizable_actions(window) if a not in ordered]
    sheet = ShortcutSheet(ordered, window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.shortcut_sheet = sheet
    sheet.open()
    return sheet


def open_about(window: MainWindow):  # type: ignore[no-untyped-def]
    from annotator.gui.dialogs.help_dialogs import AboutDialog

    about = AboutDialog(window)
    about.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    about.open()
    return about


def choose_and_verify(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("MainWindow", "Verify an evidence packet"), "",
        QCoreApplication.translate("MainWindow", "Evidence packets (*.zip)"))
    if path:
        verify_in_background(window, Path(path))


def verify_in_background(window: MainWindow, path: Path) -> None:
    """Verify a packet in a worker (it re-hashes every file) and show the outcome."""
    from annotator.core.packet.verify import verify_packet

    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Verifying {name}…").format(name=path.name))

    def done(report) -> None:  # type: ignore[no-untyped-def]
        window.last_verify_report = report
        show_verify_result(window, report)

    def failed(message: str) -> None:
        QMessageBox.warning(
            window, QCoreApplication.translate("MainWindow", "Verification failed"), message)

    window.session.jobs.submit(lambda job: verify_packet(path), on_result=done,
                               on_error=failed)


def show_verify_result(window: MainWindow, report) -> QMessageBox:  # type: ignore[no-untyped-def]
    if report.ok:
        text = QCoreApplication.translate(
            "MainWindow", "The packet is intact: {n} files in the packet listed in SHA256SUMS, "
            "each matching its SHA-256.").format(
            n=report.files_checked)
        kind = QMessageBox.Icon.Information
    else:
        text = QCoreApplication.translate("MainWindow", "The packet does NOT verify.")
        kind = QMessageBox.Icon.Critical
    details = [*report.problems, *report.notes]
    stamp = report.timestamp
    if stamp is not None and stamp.state in ("signed", "trusted") and stamp.time_utc:
        text += " " + QCoreApplication.translate(
            "MainWindow", "Time-stamped: its files existed at {time} (authority: {authority}"
            "{checked}).").format(
            time=show_instant(stamp.time_utc), authority=stamp.authority,
            checked="" if stamp.state == "trusted" else QCoreApplication.translate(
                "MainWindow", ", not checked against a CA certificate"))
    box = QMessageBox(kind, QCoreApplication.translate("MainWindow", "Packet verification"), text,
                      QMessageBox.StandardButton.Ok, window)
    box.setInformativeText("\n".join(details[:12]))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.verify_box = box
    box.open()
    window.statusBar().showMessage(text, 8000)
    return box
