"""The photo browser: the list of photos (filtered, sorted, loaded a page at a time) with its
thumbnails, and its filter bar.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.browser.view import PhotoBrowser

__all__ = [
    "PhotoBrowser",
]
