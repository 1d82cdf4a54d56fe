"""Dock panels of the main window: each shows one aspect of the selected photo (annotations,
metadata, provenance, capture date, file history, flights).

Its public modules are named in `__all__`.
"""

__all__ = [
    "annotations",
    "capture_date",
    "copy_tree",
    "flights",
    "history",
    "metadata",
    "provenance",
]
