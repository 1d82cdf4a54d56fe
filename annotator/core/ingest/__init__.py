"""Import: find the files, analyse each in a worker process (hashes, metadata, a reduced
decode, the thumbnail), store the originals and the rows, and report what was refused.

Other packages import from here only (`__all__`). The names are loaded on first use: a
worker process imports `annotator.core.ingest.worker`, which must not pay for the database
layer (SQLAlchemy, the models) that only the recording process needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.ingest.importer import import_paths
    from annotator.core.ingest.pool import process_context, warm_up

__all__ = [
    "import_paths",
    "process_context",
    "warm_up",
]

_HOME = {"import_paths": "importer", "process_context": "pool", "warm_up": "pool"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
