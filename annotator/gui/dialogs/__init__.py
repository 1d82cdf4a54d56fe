"""Dialogs of the desktop app: import, export, time-stamp, flight edit, settings, help, edit
conflicts.

Its public modules are named in `__all__`.
"""

__all__ = [
    "conflict_dialog",
    "export_dialog",
    "flight_edit",
    "help_dialogs",
    "import_dialog",
    "settings_dialog",
    "stamp_dialog",
]
