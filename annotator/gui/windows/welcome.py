"""The welcome screen shown by `annotator` with no case: new, open, recent, demo.

It only gathers the choice and shows progress or an error; the app controller acts on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.icons import app_icon, icon
from annotator.gui.theme import error_style


class WelcomeWidget(QWidget):
    """Buttons and a recent-cases list; `busy()` while a case is being built or opened."""

    new_case_clicked = Signal()
    open_case_clicked = Signal()
    demo_clicked = Signal()
    recent_chosen = Signal(object)  # Path

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("annotator"))
        self.setWindowIcon(app_icon())
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(self.tr("<h1>annotator</h1>"))
        blurb = QLabel(self.tr("Annotate, date and link aircraft photos as verifiable evidence."))
        heading = QHBoxLayout()
        heading.addWidget(logo)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(blurb)
        heading.addLayout(words, 1)
        self.new_button = QPushButton(self.tr("New case…"))
        self.open_button = QPushButton(self.tr("Open case…"))
        self.demo_button = QPushButton(self.tr("Open demo case"))
        self.demo_button.setToolTip(self.tr("A C-130 marked 5U-MBH at Bamako-Sénou, "
                                             "27 October 2023 (illustrative data)"))
        buttons = QHBoxLayout()
        for button, name in ((self.new_button, "new-case"), (self.open_button, "open-case"),
                             (self.demo_button, "flight")):
            button.setIcon(icon(name))
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        self.recent = QListWidget()
        self.recent_label = QLabel(self.tr("Recent cases (double-click or Enter to open)"))
        self.set_recent(recent)
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(error_style(self))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        self.busy(None)
        self.resize(620, 440)

        self.new_button.clicked.connect(self.new_case_clicked)
        self.open_button.clicked.connect(self.open_case_clicked)
        self.demo_button.clicked.connect(self.demo_clicked)
        self.recent.itemActivated.connect(self._recent_activated)

    def set_recent(self, recent: list[str]) -> None:
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}  —  {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not recent:
            placeholder = QListWidgetItem(self.tr("No recent cases yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recent_chosen.emit(Path(path))

    def busy(self, message: str | None) -> None:
        """Show `message` with a running bar and disable the buttons; None ends it."""
        working = message is not None
        self.busy_label.setText(message or "")
        self.busy_label.setVisible(working)
        self.busy_bar.setVisible(working)
        for widget in (self.new_button, self.open_button, self.demo_button, self.recent):
            widget.setEnabled(not working)
        if working:
            self.error_label.clear()

    def show_error(self, message: str) -> None:
        self.busy(None)
        self.error_label.setText(message)
