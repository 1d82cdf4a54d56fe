"""The worker's functions, as the importing process names them.

A function is pickled by its module and name, and pickling imports that module to check
it: naming `worker.analyse_in_worker` would make the importing process load the worker's
readers (Pillow's plugins, the history's analysis, the metadata readers) before it could
start the pool, for nothing: it analyses no file itself when workers do. These stand-ins
load the worker module on first call, in the worker process, where the fork server has
already loaded it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from annotator.core.images.c_warnings import held_c_warnings

WORKER_MODULE = "annotator.core.ingest.worker"


def init(max_pixels: int, known: frozenset[str], staging: str | None = None) -> None:
    """`worker.init_worker` (the pool's initializer)."""
    import_module(WORKER_MODULE).init_worker(max_pixels, known, staging)


def analyse(path: str) -> Any:
    """`worker.analyse_in_worker` (the pool's task): a `FileAnalysis`."""
    return import_module(WORKER_MODULE).analyse_in_worker(path)


def analyse_here(path: str, max_pixels: int, known: frozenset[str],
                 staging: str | None) -> Any:
    """`worker.analyse_file`, in this process (an import with one job), the decoders'
    warnings held off standard error as a worker's are."""
    with held_c_warnings():
        return import_module(WORKER_MODULE).analyse_file(path, max_pixels, known, staging)
