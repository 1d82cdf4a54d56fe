"""Dialogs grow to their text: a top-level layout does not ask a word-wrapped label its height
for the dialog's width, so a long message (an export's result, a form's problem, an import's
failure) would be squeezed in over the other controls instead (issue 15)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_contents(dialog: QWidget) -> None:
    """Make `dialog` as tall as its layout needs at its present width (never shorter), within
    the screen's available height."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    need = max(layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0,
               layout.totalSizeHint().height())
    screen = dialog.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - 40)
    if dialog.height() < need:
        dialog.resize(width, need)
