"""Help: the shortcut sheet lists the real actions' keys; About names every bundled licence."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from annotator import __version__
from annotator.gui.dialogs.help_dialogs import BUNDLED_LICENCES, AboutDialog, ShortcutSheet


def test_shortcut_sheet_lists_actions_with_their_keys(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    draw = QAction("&Draw box", owner)
    draw.setShortcut(QKeySequence("W"))
    silent = QAction("No key", owner)
    sheet = ShortcutSheet([draw, silent])
    qtbot.addWidget(sheet)
    assert sheet.table.rowCount() == 1
    assert sheet.table.item(0, 0).text() == "Draw box"
    assert sheet.table.item(0, 1).text() == "W"


def test_about_box_shows_version_and_licences(qtbot):
    about = AboutDialog()
    qtbot.addWidget(about)
    assert about.table.rowCount() == len(BUNDLED_LICENCES)
    names = {about.table.item(r, 0).text() for r in range(about.table.rowCount())}
    assert {"PySide6-Essentials", "Pillow", "SQLAlchemy"} <= names
    assert about.table.item(0, 1).text() not in ("", "—")
    assert any(__version__ in label.text() for label in about.findChildren(QLabel))
