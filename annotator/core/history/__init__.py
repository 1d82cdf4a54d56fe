"""A file's history and the same picture across files (issue 16).

What the JPEG encoding says about where a file has been (quality, quantization tables
matched against cameras, editors and platforms, double compression, signs of re-encoding),
and which photos of a case are copies of one picture (perceptual hashes, grouping, the
earliest posting among copies). Pure Python, no Qt: the CLI (`annotator analyze`,
`annotator similar`), the import, the packet and the dating check call these functions;
the GUI's History panel and its overlays are built on them.

The names below are loaded on first use: the importing process reads the case's copies
(`case_copies`) but never analyses a file, and must not pay for the analysis (numpy, the
perceptual hashes, the table index) before it can start the import's workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core import lazy_names

if TYPE_CHECKING:
    from annotator.core.history.analyze import (
        FileHistory,
        analyze_file,
        file_dating_findings,
        history_at_import,
    )
    from annotator.core.history.double_compression import DoubleCompression, detect
    from annotator.core.history.views import error_level, jpeg_ghost

__all__ = [
    "DoubleCompression", "FileHistory", "analyze_file", "detect", "error_level",
    "file_dating_findings", "history_at_import", "jpeg_ghost",
]

_HOME = {"FileHistory": "analyze", "analyze_file": "analyze",
         "file_dating_findings": "analyze", "history_at_import": "analyze",
         "DoubleCompression": "double_compression", "detect": "double_compression",
         "error_level": "views", "jpeg_ghost": "views"}


__getattr__ = lazy_names.loader(__name__, _HOME)
