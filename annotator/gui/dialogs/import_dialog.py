"""The import dialog: runs the core import in a worker, shows progress, lets the user cancel,
then lists every rejected file with its reason.

The dialog is not modal: the investigator can keep working while a folder imports. Photos
imported before a Cancel stay imported (each is its own transaction); the summary says so.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.background.workers import Job
from annotator.gui.dialogs.sizing import grow_to_contents
from annotator.gui.i18n.core_text import as_sentence, tr_reason
from annotator.gui.session import CaseSession


class RejectedTable(QTableWidget):
    """The rejected files: full path and reason; Ctrl+C copies the selected rows (all rows
    when none is selected) as tab-separated lines, ready for a spreadsheet or a report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the file's name in view
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setMinimumHeight(8 * self.verticalHeader().defaultSectionSize())

    def rows_text(self, selected_only: bool = True) -> str:
        rows = sorted({i.row() for i in self.selectedIndexes()}) if selected_only else []
        rows = rows or list(range(self.rowCount()))
        return "\n".join("\t".join(self.item(r, c).text() for c in range(self.columnCount()))
                         for r in rows)

    def copy_rows(self, selected_only: bool = True) -> None:
        QGuiApplication.clipboard().setText(self.rows_text(selected_only))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_rows()
            event.accept()
            return
        super().keyPressEvent(event)


class ImportDialog(QDialog):
    """One import batch: progress while it runs, the report when it ends."""

    finished_import = Signal(object)  # the ImportReport, or None after an error

    def __init__(self, session: CaseSession, paths: Sequence[Path | str], parent=None,  # type: ignore[no-untyped-def]
                 *, jobs: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import photos"))
        self.session = session
        self.paths = [Path(p) for p in paths]
        self.jobs = jobs
        self.report = None
        self.error: str | None = None
        self._cancel = threading.Event()
        self._job: Job | None = None
        self._started = False

        self.heading = QLabel(self.tr("Importing {n} file(s) or folder(s)…").format(
            n=len(self.paths)))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.current = QLabel()
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rejected = RejectedTable()
        self.rejected.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why it was rejected")])
        self.rejected.setVisible(False)
        self.copy_button = QPushButton(self.tr("Copy list"))
        self.copy_button.setToolTip(self.tr("Copy every rejected file and its reason, "
                                            "tab-separated"))
        self.copy_button.clicked.connect(lambda: self.rejected.copy_rows(selected_only=False))
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setEnabled(False)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setVisible(False)  # the button box shows what it is given
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.progress, self.current, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.rejected, 1)
        layout.addWidget(self.buttons)
        self.setSizeGripEnabled(True)
        self.resize(640, 240)

    def start(self) -> None:
        """Begin the import in a worker (returns at once with a thread pool)."""
        from annotator.core.ingest.importer import import_paths

        case, paths, jobs, cancel = self.session.case, self.paths, self.jobs, self._cancel

        def work(job: Job):  # type: ignore[no-untyped-def]
            return import_paths(case, paths, jobs=jobs, cancel=cancel,
                                progress=lambda done, total, name: job.report(done, total, name))

        self._started = True
        self._job = self.session.jobs.submit(work, self._done, self._failed, self._progress,
                                             self._note)

    @property
    def running(self) -> bool:
        return self._started and self.report is None and self.error is None

    def cancel(self) -> None:
        """Stop after the file being imported now; what is already in stays in."""
        if not self.running:
            self.reject()
            return
        self._cancel.set()
        if self._job is not None:
            self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _note(self, name: str) -> None:
        if name:
            self.current.setText(name)

    def _done(self, report) -> None:  # type: ignore[no-untyped-def]
        self.report = report
        self.progress.setRange(0, max(report.files, 1))
        self.progress.setValue(report.files if not report.cancelled else self.progress.value())
        self.heading.setText(self.tr("Import cancelled.") if report.cancelled
                             else self.tr("Import finished."))
        text = self.tr("{imported} imported, {duplicates} already in the case, "
                       "{rejected} rejected.").format(
            imported=len(report.imported), duplicates=len(report.duplicates),
            rejected=len(report.rejected))
        if report.cancelled:
            text += " " + self.tr("Photos imported before you cancelled stay in the case.")
        self.summary.setText(text)
        self.current.clear()
        grow_to_contents(self)
        self.rejected.setRowCount(len(report.rejected))
        for row, item in enumerate(report.rejected):
            path = QTableWidgetItem(str(item.path))
            path.setToolTip(str(item.path))
            reason_text = tr_reason(item.code, item.params, item.reason)
            reason = QTableWidgetItem(reason_text)
            reason.setToolTip(reason_text)
            self.rejected.setItem(row, 0, path)
            self.rejected.setItem(row, 1, reason)
        self.rejected.setVisible(bool(report.rejected))
        self.copy_button.setVisible(bool(report.rejected))
        if report.rejected:
            self._show_rejected()
        self._finish()
        if report.imported or report.duplicates:
            self.session.photos_changed.emit()
        self.session.status_message.emit(self.tr("Import: {text}").format(text=text))
        self.finished_import.emit(report)

    def _show_rejected(self) -> None:
        """Room for the list: the path column as wide as its longest path allows (at most
        half the table), the dialog grown to show about ten rows."""
        area = self.screen().availableGeometry()
        self.resize(min(max(self.width(), 900), area.width() - 40),
                    min(max(self.height(), 480), area.height() - 40))
        self.rejected.resizeColumnToContents(0)
        self.rejected.setColumnWidth(0, min(self.rejected.columnWidth(0),
                                            self.rejected.viewport().width() * 3 // 5))

    def _failed(self, message: str) -> None:
        self.error = message
        self.heading.setText(self.tr("Import failed."))
        self.summary.setText(as_sentence(message))
        self.progress.setRange(0, 1)  # no longer busy
        self.progress.setValue(0)
        self._finish()
        grow_to_contents(self)
        self.session.photos_changed.emit()  # files recorded before the failure are in
        self.finished_import.emit(None)

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def rejected_rows(self) -> list[tuple[str, str]]:
        """(file name, reason) as listed (for tests)."""
        return [(Path(self.rejected.item(r, 0).text()).name, self.rejected.item(r, 1).text())
                for r in range(self.rejected.rowCount())]

    def reject(self) -> None:  # noqa: D102 - Escape or the window's close button
        if self.running:
            self.cancel()
            return
        super().reject()
