"""The foot of a dialog that runs one long job (export a packet, time-stamp one): a
progress bar, a status line, and the button that starts the job beside the one that closes
or cancels. One place, so the dialogs read and behave alike."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QPushButton


@dataclass
class WorkFooter:
    progress: QProgressBar
    status: QLabel
    buttons: QDialogButtonBox
    start: QPushButton
    stop: QPushButton


def work_footer(start_text: str, stop_text: str) -> WorkFooter:
    """Widgets for the foot of the dialog (the caller connects the buttons and lays them
    out): the progress bar empty, the start button the default, the status selectable."""
    progress = QProgressBar()
    progress.setRange(0, 1)
    progress.setValue(0)
    status = QLabel()
    status.setWordWrap(True)
    status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons = QDialogButtonBox()
    start = QPushButton(start_text)
    start.setDefault(True)
    stop = QPushButton(stop_text)
    buttons.addButton(start, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(stop, QDialogButtonBox.ButtonRole.RejectRole)
    return WorkFooter(progress, status, buttons, start, stop)
