"""The Time-stamp dialog: add a trusted time stamp (RFC 3161) to an evidence packet.

The examiner picks the packet and either a time-stamp authority's address (the packet's
request is sent there) or a reply obtained elsewhere; optionally the authority's CA
certificate, to check it at once. `annotator.core.packet.timestamp.stamp_packet` does the
work in a worker, exactly as `annotator stamp` does; the dialog only gathers and shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.packet.timestamp import load_certificates, stamp_packet
from annotator.gui.background.workers import Job, JobRunner
from annotator.gui.dialogs.work_footer import work_footer
from annotator.gui.i18n.timefmt import show_instant
from annotator.gui.theme import error_style


class StampDialog(QDialog):
    """Time-stamp one packet; `stamped` carries the StampCheck when it is done."""

    stamped = Signal(object)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None,
                 packet: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Time-stamp an evidence packet"))
        self.jobs = jobs
        self.result = None
        self.error: str | None = None

        self.packet_edit = QLineEdit(str(packet) if packet else "")
        self.packet_edit.setPlaceholderText(self.tr("packet.zip"))
        self.packet_browse = QPushButton(self.tr("Browse…"))
        self.packet_browse.clicked.connect(self.choose_packet)

        self.url_radio = QRadioButton(self.tr("Ask an authority at"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://freetsa.org/tsr")
        self.reply_radio = QRadioButton(self.tr("Use a reply file"))
        self.reply_edit = QLineEdit()
        self.reply_edit.setPlaceholderText(self.tr("reply.tsr"))
        self.reply_browse = QPushButton(self.tr("Browse…"))
        self.reply_browse.clicked.connect(self.choose_reply)
        self.source = QButtonGroup(self)
        self.source.addButton(self.url_radio)
        self.source.addButton(self.reply_radio)
        self.url_radio.setChecked(True)
        self.url_radio.toggled.connect(self._source_changed)
        self.cert_edit = QLineEdit()
        self.cert_edit.setPlaceholderText(self.tr("optional: the authority's CA certificate"))
        cert_browse = QPushButton(self.tr("Browse…"))
        cert_browse.clicked.connect(self.choose_cert)

        form = QFormLayout()
        form.addRow(self.tr("Packet"), _row(self.packet_edit, self.packet_browse))
        form.addRow(self.url_radio, self.url_edit)
        form.addRow(self.reply_radio, _row(self.reply_edit, self.reply_browse))
        form.addRow(self.tr("CA certificate"), _row(self.cert_edit, cert_browse))
        explain = QLabel(self.tr(
            "The packet's request (SHA256SUMS.tsq) holds only the SHA-256 of SHA256SUMS: "
            "nothing of the evidence is sent. The reply is added as SHA256SUMS.tsr; no other "
            "file of the packet changes."))
        explain.setWordWrap(True)

        foot = work_footer(self.tr("Stamp"), self.tr("Close"))
        self.progress, self.status, self.buttons = foot.progress, foot.status, foot.buttons
        self.stamp_button, self.close_button = foot.start, foot.stop
        self.stamp_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._source_changed()
        self.resize(620, 0)

    def _source_changed(self) -> None:
        by_url = self.url_radio.isChecked()
        self.url_edit.setEnabled(by_url)
        self.reply_edit.setEnabled(not by_url)
        self.reply_browse.setEnabled(not by_url)

    def choose_packet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence packet"),
                                              self.packet_edit.text(),
                                              self.tr("Evidence packets (*.zip)"))
        if path:
            self.packet_edit.setText(path)

    def choose_reply(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Time-stamp reply"),
                                              self.reply_edit.text(),
                                              self.tr("Time-stamp replies (*.tsr);;All files (*)"))
        if path:
            self.reply_radio.setChecked(True)
            self.reply_edit.setText(path)

    def choose_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Authority's CA certificate"),
                                              self.cert_edit.text(),
                                              self.tr("Certificates (*.pem *.crt *.cer *.der);;"
                                                      "All files (*)"))
        if path:
            self.cert_edit.setText(path)

    def start(self) -> None:
        """Check the choices, then stamp in a worker (it may wait on the network)."""
        packet_text = self.packet_edit.text().strip()
        if not packet_text:
            self._show_error(self.tr("Choose the packet to stamp."))
            return
        url = self.url_edit.text().strip() if self.url_radio.isChecked() else None
        reply_text = self.reply_edit.text().strip() if self.reply_radio.isChecked() else ""
        if self.url_radio.isChecked() and not url:
            self._show_error(self.tr("Give the time-stamp authority's address."))
            return
        if self.reply_radio.isChecked() and not reply_text:
            self._show_error(self.tr("Choose the reply file."))
            return
        packet, cert_text = Path(packet_text), self.cert_edit.text().strip()
        reply_path = Path(reply_text) if reply_text else None

        def work(job: Job):  # type: ignore[no-untyped-def]
            trusted = load_certificates([Path(cert_text)]) if cert_text else []
            reply = reply_path.read_bytes() if reply_path else None
            return stamp_packet(packet, reply=reply, tsa_url=url, trusted=trusted)

        self.result, self.error = None, None
        self.stamp_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Stamping…"))
        self.jobs.submit(work, on_result=self._done, on_error=self._failed)

    def _done(self, check) -> None:  # type: ignore[no-untyped-def]
        self.result = check
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.stamp_button.setEnabled(True)
        when = show_instant(check.time_utc) if check.time_utc else self.tr("an unknown time")
        text = self.tr("Stamped: SHA256SUMS, hence every file of the packet, existed at "
                       "{time} (authority: {authority}).").format(
            time=when, authority=check.authority or self.tr("unnamed"))
        if check.state == "trusted":
            text += " " + self.tr("The authority's certificate chains to the CA certificate "
                                  "given.")
        else:
            text += " " + self.tr("The authority was not checked: give its CA certificate "
                                  "here or to Verify.")
        self.status.setText(text)
        self.stamped.emit(check)

    def _failed(self, message: str) -> None:
        self.error = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.stamp_button.setEnabled(True)
        self._show_error(self.tr("Not stamped: {0}").format(message))

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet(error_style())
        self.status.setText(text)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for i, widget in enumerate(widgets):
        row.addWidget(widget, 1 if i == 0 else 0)
    return row
