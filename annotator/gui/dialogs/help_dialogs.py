"""Help: the keyboard-shortcut sheet (Help menu and `?`) and the About box with the
version and the licences of bundled components."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.gui import shortcuts

# Distribution name → licence, for what the packaged program bundles.
BUNDLED_LICENCES: tuple[tuple[str, str], ...] = (
    ("PySide6-Essentials", "LGPL-3.0 (Qt for Python)"),
    ("shiboken6", "LGPL-3.0"),
    ("Pillow", "MIT-CMU (HPND)"),
    ("pillow-heif", "BSD-3-Clause; libheif LGPL-3.0"),
    ("ExifRead", "BSD-3-Clause"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("platformdirs", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("airportsdata", "MIT"),
    ("timezonefinder", "MIT"),
    ("astral", "Apache-2.0"),
    ("reportlab", "BSD-3-Clause"),
    ("cryptography", "Apache-2.0 OR BSD-3-Clause"),
)


def _installed_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "—"


class ShortcutSheet(QDialog):
    """Every action that has a keyboard shortcut, in menu order."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(shortcuts.action_name(a), ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()))
            for a in actions if a.shortcuts() and a.text()]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        hint = QLabel(self.tr("Mouse: wheel zooms around the cursor; drag with the middle button "
                              "or with Space held to pan; drag a handle to resize a box."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(480, 560)


class AboutDialog(QDialog):
    """Version, purpose and the licences of bundled components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About annotator"))
        title = QLabel(f"<h2>annotator {__version__}</h2>")
        blurb = QLabel(self.tr("Annotate, date and link aircraft photos as verifiable evidence. "
                               "Free software under the GNU GPL version 3 or later."))
        blurb.setWordWrap(True)
        self.table = QTableWidget(len(BUNDLED_LICENCES), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"),
                                              self.tr("Licence")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, licence) in enumerate(BUNDLED_LICENCES):
            for col, text in enumerate((name, _installed_version(name), licence)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, blurb, self.table, buttons):
            layout.addWidget(widget)
        self.resize(560, 520)
