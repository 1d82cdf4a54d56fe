"""Dialogs of the desktop app (import, and later export, flight edit, settings)."""
