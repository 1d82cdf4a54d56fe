"""Import: find the files, analyse each in a worker process (hashes, metadata, a reduced
decode, the thumbnail), store the originals and the rows, and report what was refused.

Other packages import from here only (`__all__`). The names are loaded on first use: a
worker process imports `annotator.core.ingest.worker`, which must not pay for the database
layer (SQLAlchemy, the models) that only the recording process needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core import lazy_names

if TYPE_CHECKING:
    from annotator.core.ingest.importer import import_paths
    from annotator.core.ingest.pool import process_context, warm_up

__all__ = [
    "import_paths",
    "process_context",
    "warm_up",
]

_HOME = {"import_paths": "importer", "process_context": "pool", "warm_up": "pool"}


__getattr__ = lazy_names.loader(__name__, _HOME)
