"""Every undoable edit (boxes, flights, claims, sources and shadow measurements) as a
QUndoCommand, and the one protocol by which an edit reaches the database: on the session's
one writer thread (never the GUI thread), in order, conflicts resolved by the user, kept
pending and retried when the connection drops, never shown as saved when it was not.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.undo.box_commands import (
    CopyBoxesCommand,
    CreateBoxCommand,
    DeleteBoxesCommand,
    DuplicateBoxCommand,
    EditBoxesCommand,
    LabelListCommand,
)
from annotator.gui.undo.capture_date_commands import SetAcquisitionCommand, SetClaimCommand
from annotator.gui.undo.flight_commands import (
    AddFlightsCommand,
    DeleteFlightsCommand,
    EditFlightCommand,
    LinkCommand,
    UnlinkCommand,
)
from annotator.gui.undo.pending import PendingEdits
from annotator.gui.undo.shadow_commands import SetShadowCommand

__all__ = [
    "AddFlightsCommand",
    "CopyBoxesCommand",
    "CreateBoxCommand",
    "DeleteBoxesCommand",
    "DeleteFlightsCommand",
    "DuplicateBoxCommand",
    "EditBoxesCommand",
    "EditFlightCommand",
    "LabelListCommand",
    "LinkCommand",
    "PendingEdits",
    "SetAcquisitionCommand",
    "SetClaimCommand",
    "SetShadowCommand",
    "UnlinkCommand",
]
