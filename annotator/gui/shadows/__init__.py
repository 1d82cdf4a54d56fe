"""The Sun & shadows tool (issue 18): marks clicked on the canvas (with a loupe), the sizes
and height typed, the sun's azimuth and elevation with their errors and the day's windows
shown with a chart of the sun's day, and the measurement saved as one undo command.

A package of its own: it uses the canvas (given, never imported), the undo commands and
the core's `shadows`, and nothing of the GUI imports it but the main window.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.shadows.chart import SunChart
from annotator.gui.shadows.dialog import Loupe, ShadowDialog
from annotator.gui.shadows.marks_item import ShadowMarksItem

__all__ = ["Loupe", "ShadowDialog", "ShadowMarksItem", "SunChart"]
