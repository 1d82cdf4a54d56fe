"""A case on read-only media in the app: the title bar and a banner say so, and every edit is
off, with the reason as its tooltip. Viewing, checking and exporting stay on.

This is what the examiner sees; it is not the only guard: the core refuses any write to a
read-only case (`CaseReadOnly`, shown translated like every core error), so an edit that a
widget still let through is said "Not saved" with the reason, never shown as saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolBar, QWidget


def read_only_reason(case: Any) -> str | None:
    """Why the case cannot be edited, in the GUI's language; None when it can be."""
    if not getattr(case, "read_only", False):
        return None
    if getattr(case, "read_only_reason", None) == "media":
        return QCoreApplication.translate(
            "ReadOnly", "This case is read-only: its folder {0} cannot be written (read-only "
            "disc, share or write-blocked drive). You can view, check and export it; editing "
            "is off.").format(case.root)
    return QCoreApplication.translate(
        "ReadOnly", "This case is read-only: it was opened read-only. You can view, check and "
        "export it; editing is off.")


def switch_off(items: list[Any], why: str) -> None:
    """Disable each widget or action with `why` as its tooltip. A line edit stays readable
    and copyable (read-only rather than disabled)."""
    for item in items:
        if item is None:
            continue
        if isinstance(item, QLineEdit):
            item.setReadOnly(True)
        else:
            item.setEnabled(False)
        item.setToolTip(why)
        if isinstance(item, QAction):
            item.setStatusTip(why)


def apply_to_window(window: Any) -> None:
    """Title, banner and every edit action of the main window, for a read-only case."""
    why = read_only_reason(window.session.case)
    if why is None:
        return
    window.setWindowTitle(QCoreApplication.translate(
        "MainWindow", "{name} — read-only — annotator").format(name=window.session.case.name))
    banner = QToolBar(QCoreApplication.translate("MainWindow", "Read-only"), window)
    banner.setObjectName("readOnlyBanner")
    banner.setMovable(False)
    banner.setFloatable(False)
    label = QLabel(why)
    label.setObjectName("readOnlyText")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 6px; "
                        "font-weight: bold; }")
    banner.addWidget(label)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    window.read_only_banner = banner
    canvas = window.canvas
    switch_off([getattr(window, "import_action", None),
                getattr(window, "import_folder_action", None),
                getattr(window, "undo_action", None), getattr(window, "redo_action", None),
                getattr(canvas, "draw_action", None), getattr(canvas, "delete_action", None),
                getattr(canvas, "duplicate_action", None),
                getattr(canvas, "copy_previous_action", None),
                getattr(canvas, "read_action", None),  # a reading is only worth accepting
                *getattr(canvas, "nudge_actions", [])], why)
    for menu_action in window.menuBar().actions():
        if menu_action.menu() is not None:
            menu_action.menu().setToolTipsVisible(True)  # a disabled entry says why
    window.setAcceptDrops(False)  # nothing can be imported
    annotations = window.annotations
    switch_off([getattr(annotations, "editor", None),
                getattr(annotations, "label_button", None)], why)
    panel = window.capture_date
    switch_off([panel.claimed_edit, panel.place_edit, panel.source_edit, panel.grade_combo,
                *panel.acq_edits.values(), panel.acq_grade_combo], why)
    flights = getattr(window, "flights_panel", None)
    if flights is not None:
        switch_off([flights.unlink_button], why)


def apply_to_flights_window(flights_window: Any) -> None:
    """The Flights window's add, edit, delete and import, for a read-only case."""
    why = read_only_reason(flights_window.session.case)
    if why is None:
        return
    switch_off([flights_window.add_button, flights_window.edit_button,
                flights_window.delete_button, flights_window.import_button], why)
    flights_window.table.doubleClicked.disconnect()  # a double-click would open the editor


def widgets_off(widgets: list[QWidget | QComboBox], session: Any) -> None:
    """Switch off widgets made later (a suggestion's Link button) when the case is read-only."""
    why = read_only_reason(session.case)
    if why is not None:
        switch_off(list(widgets), why)
