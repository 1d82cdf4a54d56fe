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
)

from annotator.gui.background.workers import Job
from annotator.gui.i18n.core_text import tr_reason
from annotator.gui.session import CaseSession


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
        self.rejected = QTableWidget(0, 2)
        self.rejected.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why it was rejected")])
        self.rejected.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rejected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setEnabled(False)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.progress, self.current, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.rejected, 1)
        layout.addWidget(self.buttons)
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
        self.rejected.setRowCount(len(report.rejected))
        for row, item in enumerate(report.rejected):
            name = QTableWidgetItem(Path(item.path).name)
            name.setToolTip(item.path)
            self.rejected.setItem(row, 0, name)
            self.rejected.setItem(row, 1, QTableWidgetItem(
                tr_reason(item.code, item.params, item.reason)))
        self.rejected.setVisible(bool(report.rejected))
        self.rejected.resizeColumnToContents(0)
        self._finish()
        if report.imported or report.duplicates:
            self.session.photos_changed.emit()
        self.session.status_message.emit(self.tr("Import: {text}").format(text=text))
        self.finished_import.emit(report)

    def _failed(self, message: str) -> None:
        self.error = message
        self.heading.setText(self.tr("Import failed."))
        self.summary.setText(message)
        self._finish()
        self.session.photos_changed.emit()  # files recorded before the failure are in
        self.finished_import.emit(None)

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def rejected_rows(self) -> list[tuple[str, str]]:
        """(file name, reason) as listed (for tests)."""
        return [(self.rejected.item(r, 0).text(), self.rejected.item(r, 1).text())
                for r in range(self.rejected.rowCount())]

    def reject(self) -> None:  # noqa: D102 - Escape or the window's close button
        if self.running:
            self.cancel()
            return
        super().reject()
