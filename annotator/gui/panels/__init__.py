"""Dock panels of the main window: each shows one aspect of the selected photo (annotations,
metadata, provenance, capture date, file history, flights), and the map with its routes table.

Its public modules are named in `__all__`.
"""

__all__ = [
    "annotations",
    "capture_date",
    "copy_tree",
    "flights",
    "history",
    "map_panel",
    "map_view",
    "metadata",
    "provenance",
]
