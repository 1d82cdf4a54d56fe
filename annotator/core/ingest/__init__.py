"""Import: find the files, analyse each in a worker process (hashes, metadata, a reduced
decode, the thumbnail), store the originals and the rows, and report what was refused.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.ingest.importer import import_paths
from annotator.core.ingest.pool import process_context, warm_up

__all__ = [
    "import_paths",
    "process_context",
    "warm_up",
]
