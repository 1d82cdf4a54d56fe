"""The Export dialog: choose the photos (all, the selected ones, or those tagged with a
registration), where to write the packet and whether to sign it; the export runs in a worker
with a progress bar and Cancel.

The dialog only gathers choices and shows progress; `annotator.core.packet.export_packet` does
the work, exactly as `annotator export` does. Cancel stops the export until it is recorded in
the audit log (then only small files remain), and a cancelled export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.boxes import case_registrations
from annotator.core.photo_list import photo_count
from annotator.gui.background.workers import Job
from annotator.gui.dialogs.sizing import grow_to_contents
from annotator.gui.dialogs.work_footer import work_footer
from annotator.gui.i18n import as_sentence, integer
from annotator.gui.session import CaseSession
from annotator.gui.theme import error_style


class ExportDialog(QDialog):
    """Write one evidence packet of the open case."""

    exported = Signal(object)  # the ExportResult

    def __init__(self, session: CaseSession, parent: QWidget | None = None, *,
                 selected_ids: Sequence[int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export evidence packet"))
        self.session = session
        if selected_ids is None:
            current = session.current_photo_id
            selected_ids = [current] if current is not None else []
        self.selected_ids = list(selected_ids)
        self.result = None
        self.error: str | None = None
        self._job: Job | None = None
        self._running = False
        self._overwrite_confirmed: str | None = None
        photo_count, registrations = self._case_facts()

        # -- which photos
        self.all_radio = QRadioButton(self.tr("All photos ({n})").format(n=integer(photo_count)))
        self.selected_radio = QRadioButton(
            self.tr("Selected photos ({n})").format(n=integer(len(self.selected_ids))))
        self.tag_radio = QRadioButton(self.tr("Photos tagged with registration"))
        self.tag_combo = QComboBox()
        self.tag_combo.setEditable(True)
        self.tag_combo.addItems(registrations)
        self.which = QButtonGroup(self)
        for button in (self.all_radio, self.selected_radio, self.tag_radio):
            self.which.addButton(button)
        self.all_radio.setChecked(True)
        self.selected_radio.setEnabled(bool(self.selected_ids))
        self.tag_radio.setEnabled(bool(registrations))
        self.tag_combo.setEnabled(False)
        self.tag_radio.toggled.connect(self.tag_combo.setEnabled)
        photos_box = QGroupBox(self.tr("Photos"))
        photos_layout = QVBoxLayout(photos_box)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_radio)
        tag_row.addWidget(self.tag_combo, 1)
        photos_layout.addWidget(self.all_radio)
        photos_layout.addWidget(self.selected_radio)
        photos_layout.addLayout(tag_row)

        # -- where, and signing
        self.out_edit = QLineEdit()
        self.out_edit.setPlaceholderText(self.tr("packet.zip"))
        self.out_browse = QPushButton(self.tr("Browse…"))
        self.out_browse.clicked.connect(self.choose_output)
        self.sign_check = QCheckBox(self.tr("Sign with key file"))
        self.key_edit = QLineEdit()
        self.key_edit.setEnabled(False)
        self.key_browse = QPushButton(self.tr("Browse…"))
        self.key_browse.setEnabled(False)
        self.key_browse.clicked.connect(self.choose_key)
        self.sign_check.toggled.connect(self.key_edit.setEnabled)
        self.sign_check.toggled.connect(self.key_browse.setEnabled)
        options = QGroupBox(self.tr("Packet"))
        form = QFormLayout(options)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.out_browse)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.key_browse)
        form.addRow(self.tr("Save as"), out_row)
        form.addRow(self.sign_check, key_row)

        # -- progress and buttons
        foot = work_footer(self.tr("Export"), self.tr("Cancel"))
        self.progress, self.status, self.buttons = foot.progress, foot.status, foot.buttons
        self.export_button, self.cancel_button = foot.start, foot.stop
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(photos_box)
        layout.addWidget(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def _case_facts(self) -> tuple[int, list[str]]:
        return photo_count(self.session.case), case_registrations(self.session.case)

    # -- choosing files ------------------------------------------------------------------

    def choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save evidence packet"),
                                              self.out_edit.text() or "packet.zip",
                                              self.tr("Evidence packet (*.zip)"))
        if path:
            if not path.lower().endswith(".zip"):
                path += ".zip"
            self.out_edit.setText(path)
            # The file dialog has already asked before replacing an existing file.
            self._overwrite_confirmed = path

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Examiner's private key"),
                                              self.key_edit.text())
        if path:
            self.key_edit.setText(path)

    # -- running -------------------------------------------------------------------------

    def selection(self):  # type: ignore[no-untyped-def]
        from annotator.core.packet.selection import Selection

        if self.tag_radio.isChecked():
            return Selection(tag=self.tag_combo.currentText().strip())
        if self.selected_radio.isChecked():
            return Selection(photo_ids=tuple(self.selected_ids))
        return Selection()

    def start(self) -> None:
        """Check the choices, then run the export in a worker."""
        from annotator.core.packet.export import export_packet

        out_text = self.out_edit.text().strip()
        if not out_text:
            self._show_error(self.tr("Choose where to save the packet."))
            return
        if self.tag_radio.isChecked() and not self.tag_combo.currentText().strip():
            self._show_error(self.tr("Choose a registration."))
            return
        key_text = self.key_edit.text().strip() if self.sign_check.isChecked() else ""
        if self.sign_check.isChecked() and not key_text:
            self._show_error(self.tr("Choose the key file to sign with."))
            return
        out = Path(out_text)
        overwrite = self._overwrite_confirmed == out_text
        case, selection = self.session.case, self.selection()
        key = Path(key_text) if key_text else None

        def work(job: Job):  # type: ignore[no-untyped-def]
            return export_packet(case, out, selection, sign_key=key, overwrite=overwrite,
                                 progress=job.report, cancelled=lambda: job.cancelled)

        self.result, self.error = None, None
        self._running = True
        self._set_inputs_enabled(False)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting…"))
        # The export renders what is not ready itself, on every core: background rendering
        # would only compete with it.
        self.session.pictures.pause()
        self._job = self.session.jobs.submit(work, self._done, self._failed, self._progress)

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Stop a running export (nothing is written), or close the dialog."""
        if not self._running:
            self.reject()
            return
        if self._job is not None:
            self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result) -> None:  # type: ignore[no-untyped-def]
        self.result = result
        self._running = False
        self.session.pictures.resume()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        signed = self.tr(", signed") if result.signed else ""
        self.status.setText(self.tr(
            "Packet written: {path}\n{photos} photo(s), {boxes} box(es){signed}.\n"
            "SHA-256 of SHA256SUMS: {digest}").format(
            path=result.path, photos=integer(result.photos), boxes=integer(result.boxes),
            signed=signed,
            digest=result.sha256sums_sha256) + "\n" + self.tr(
            "{reused} of {photos} photo(s) had their pictures rendered ahead, in the background "
            "after their edits; the others were rendered now.").format(
            reused=integer(result.pictures_reused), photos=integer(result.photos)))
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.session.status_message.emit(self.tr("Evidence packet written: {path}").format(
            path=result.path))
        grow_to_contents(self)
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self._running = False
        self.session.pictures.resume()
        self.error = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._set_inputs_enabled(True)
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet(error_style(self))
        self.status.setText(as_sentence(message))
        grow_to_contents(self)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.all_radio, self.out_edit, self.out_browse, self.sign_check):
            widget.setEnabled(enabled)
        self.selected_radio.setEnabled(enabled and bool(self.selected_ids))
        self.tag_radio.setEnabled(enabled and self.tag_combo.count() > 0)
        self.tag_combo.setEnabled(enabled and self.tag_radio.isChecked())
        self.key_edit.setEnabled(enabled and self.sign_check.isChecked())
        self.key_browse.setEnabled(enabled and self.sign_check.isChecked())

    def reject(self) -> None:  # noqa: D102 - Escape or the window's close button
        if self._running:
            self.cancel()
            return
        super().reject()
