"""The Qt-free core: cases, photos, metadata, flights, dating and packets.

Nothing under this package may import Qt; `tests/core/test_core_has_no_qt.py` proves it.
"""
