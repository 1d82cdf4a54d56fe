"""The edit-conflict dialog: someone else saved the record first; show both values, let the
user keep theirs or apply mine. Never decides by itself: nothing is overwritten unseen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import EditConflict

MINE = "mine"
THEIRS = "theirs"


def _shown(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


class ConflictDialog(QDialog):
    """Field | your value | their value; buttons Keep theirs (default) and Apply mine."""

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice = THEIRS
        self.setWindowTitle(self.tr("Changed by someone else"))
        layout = QVBoxLayout(self)
        kinds = {"box": self.tr("box"), "claim": self.tr("claim"),
                 "flight": self.tr("flight"), "acquisition": self.tr("source record")}
        kind = kinds.get(conflict.object_type, conflict.object_type)
        self.message = QLabel(self.tr(
            "Someone else saved this {0} after you opened it (their version {1}, you edited "
            "version {2}). Nothing was overwritten. Keep their values, or apply yours over "
            "them?").format(kind, conflict.current_version, conflict.expected_version))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        fields = sorted(set(conflict.mine) | set(conflict.theirs))
        self.table = QTableWidget(len(fields), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Yours"), self.tr("Theirs (saved)")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, name in enumerate(fields):
            for col, text in enumerate((name, _shown(conflict.mine.get(name)),
                                        _shown(conflict.theirs.get(name)))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.theirs_button = QPushButton(self.tr("Keep theirs"), self)
        self.mine_button = QPushButton(self.tr("Apply mine"), self)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs_button.setDefault(True)
        self.theirs_button.clicked.connect(lambda: self._choose(THEIRS))
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        layout.addWidget(buttons)

    def value_of(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == MINE:
            self.accept()
        else:
            self.reject()


def ask(conflict: EditConflict, parent: QWidget | None = None) -> str:
    """Show the dialog modally; return MINE or THEIRS (closing it keeps theirs)."""
    dialog = ConflictDialog(conflict, parent)
    dialog.exec()
    return dialog.choice
