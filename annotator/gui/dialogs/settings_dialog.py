"""Settings: who the examiner is, where cases go, the bomb limit, thumbnails, time display,
language and keyboard shortcuts. Values live in settings.json (shared with the CLI)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.case.settings import current_examiner, load_settings, save_settings
from annotator.gui import shortcuts
from annotator.gui.theme import error_style

DEFAULT_MAX_MEGAPIXELS = 250


class SettingsDialog(QDialog):
    """Edit and save the user's settings; shortcuts apply to `actions` on Save."""

    saved = Signal()  # after Save wrote settings.json: windows show times the new way

    def __init__(self, actions: Sequence[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.actions_ = [a for a in actions if a.objectName()]
        shortcuts.remember_defaults(self.actions_)
        values = load_settings()

        general = QWidget()
        form = QFormLayout(general)
        self.examiner = QLineEdit(values.get("examiner") or current_examiner())
        self.examiner.setObjectName("examiner")
        form.addRow(self.tr("Examiner name"), self.examiner)
        folder_row = QHBoxLayout()
        self.case_folder = QLineEdit(values.get("default_case_folder", ""))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.case_folder)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Default case folder"), folder_row)
        self.max_megapixels = QSpinBox()
        self.max_megapixels.setObjectName("max_megapixels")
        self.max_megapixels.setRange(10, 2000)
        self.max_megapixels.setSuffix(self.tr(" megapixels"))
        self.max_megapixels.setValue(int(values.get("max_pixels", DEFAULT_MAX_MEGAPIXELS * 10**6))
                                     // 10**6)
        form.addRow(self.tr("Refuse images larger than"), self.max_megapixels)
        self.thumb_size = QSpinBox()
        self.thumb_size.setRange(64, 256)
        self.thumb_size.setSuffix(" px")
        self.thumb_size.setValue(int(values.get("thumbnail_size", 128)))
        form.addRow(self.tr("Thumbnail size in the browser"), self.thumb_size)
        self.time_display = QComboBox()
        self.time_display.addItem(self.tr("UTC"), "utc")
        self.time_display.addItem(self.tr("Local time with offset"), "local")
        self.time_display.setCurrentIndex(max(0, self.time_display.findData(
            values.get("time_display", "utc"))))
        form.addRow(self.tr("Show times in"), self.time_display)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(values.get("language", ""))))
        form.addRow(self.tr("Language (after restart)"), self.language)

        keys = QWidget()
        keys_layout = QVBoxLayout(keys)
        self.table = QTableWidget(len(self.actions_), 2)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.editors: dict[str, QKeySequenceEdit] = {}
        for row, action in enumerate(self.actions_):
            self.table.setCellWidget(row, 0, QLabel(shortcuts.action_name(action)))
            editor = QKeySequenceEdit(action.shortcut())
            editor.setObjectName(f"key-{action.objectName()}")
            self.table.setCellWidget(row, 1, editor)
            self.editors[action.objectName()] = editor
        reset = QPushButton(self.tr("Reset to defaults"))
        reset.clicked.connect(self.reset_shortcuts)
        self.conflict_label = QLabel()
        self.conflict_label.setStyleSheet(error_style(self))
        keys_layout.addWidget(self.table)
        keys_layout.addWidget(self.conflict_label)
        keys_layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignRight)

        tabs = QTabWidget()
        tabs.addTab(general, self.tr("General"))
        tabs.addTab(keys, self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Default case folder"),
                                                  self.case_folder.text())
        if folder:
            self.case_folder.setText(folder)

    def reset_shortcuts(self) -> None:
        for action in self.actions_:
            defaults = shortcuts.default_shortcuts(action)
            self.editors[action.objectName()].setKeySequence(
                defaults[0] if defaults else QKeySequence())

    def chosen_shortcuts(self) -> dict[str, list[str]]:
        portable = QKeySequence.SequenceFormat.PortableText
        return {name: [editor.keySequence().toString(portable)]
                for name, editor in self.editors.items()}

    def _shown_name(self, object_name: str) -> str:
        for action in self.actions_:
            if action.objectName() == object_name:
                return shortcuts.action_name(action)
        return object_name

    def save(self) -> None:
        """Save everything, unless two actions were given the same key."""
        chosen = self.chosen_shortcuts()
        clash = shortcuts.conflicts(chosen)
        if clash:
            key, names = next(iter(clash.items()))
            self.conflict_label.setText(self.tr("{key} is given to more than one action: {names}")
                                        .format(key=key, names=", ".join(
                                            self._shown_name(n) for n in names)))
            return
        save_settings({
            "examiner": self.examiner.text().strip(),
            "default_case_folder": self.case_folder.text().strip(),
            "max_pixels": self.max_megapixels.value() * 10**6,
            "thumbnail_size": self.thumb_size.value(),
            "time_display": self.time_display.currentData(),
            "language": self.language.currentData(),
        })
        # Actions whose keys were not changed keep following the defaults.
        changed = {}
        for action in self.actions_:
            defaults = [k.toString(QKeySequence.SequenceFormat.PortableText)
                        for k in shortcuts.default_shortcuts(action)]
            keys = chosen[action.objectName()]
            if keys[:1] != defaults[:1]:
                changed[action.objectName()] = keys
        shortcuts.save_shortcuts(changed)
        shortcuts.apply_saved_shortcuts(self.actions_)
        self.saved.emit()
        self.accept()
