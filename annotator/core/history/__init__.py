"""A file's history and the same picture across files (issue 16).

What the JPEG encoding says about where a file has been (quality, quantization tables
matched against cameras, editors and platforms, double compression, signs of re-encoding),
and which photos of a case are copies of one picture (perceptual hashes, grouping, the
earliest posting among copies). Pure Python, no Qt: the CLI (`annotator analyze`,
`annotator similar`), the import, the packet and the dating check call these functions;
the GUI's History panel and its overlays are built on them.
"""

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
