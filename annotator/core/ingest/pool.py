"""Run one task per file in worker processes, results in submission order, surviving crashes.

Results come back in the order the files were given (a bounded window of files is in
flight), so the photos of a batch are recorded in the same order — and get the same ids —
whatever the number of workers.

A worker that dies (a decoder segfault, the OOM killer) breaks the whole
`ProcessPoolExecutor`, failing every file in flight with `BrokenProcessPool` without saying
which file killed it. Each of those files is then re-run alone in a fresh one-worker pool:
the ones that pass are kept, the one that kills its worker again is reported as
`WorkerCrashed`, and the batch goes on in a fresh pool. A file that keeps its worker busy
longer than `timeout` (a decoder caught in a loop by a hostile file) is treated the same way:
the workers are killed and the files in flight re-run alone.

Workers are started with `forkserver` where the platform has it (else `spawn`): forking the
GUI process, which runs Qt threads, could copy a held lock into the child and hang it.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

# Imported by the fork server before it forks workers: the worker module, warmed up.
PRELOAD_MODULE = "annotator.core.ingest.worker_preload"
FILE_TIMEOUT_S = 300.0  # far above the decode of the largest image the pixel limit allows


class WorkerCrashed(Exception):
    """The worker process died while working on this file. `code`/`params` name the reason
    for the GUI's translation, like a `Reason`."""

    def __init__(self, message: str, code: str = "WORKER_CRASHED", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def process_context() -> multiprocessing.context.BaseContext:
    """The start method for import workers (see the module docstring)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Workers fork from a server that has already imported Pillow and the readers, and
        # analysed one small photo (every lazy load done: see worker_preload).
        ctx.set_forkserver_preload([PRELOAD_MODULE])
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the fork server now (it imports Pillow and the readers in the background), so
    the first workers are ready by the time the caller has opened the case and walked the
    folders. A no-op where workers are spawned."""
    if process_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def run_in_order(
    task: Callable[[str], Any],
    items: Iterable[str],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    cancel: threading.Event | None = None,
    timeout: float = FILE_TIMEOUT_S,
) -> Iterator[tuple[str, Any]]:
    """Yield `(item, result)` for each item in order; `result` is the task's return value,
    a `WorkerCrashed`, or another exception the task raised. Stops early when `cancel` is
    set (files in flight are abandoned, never half-reported). `timeout` is the most one
    item may take, in seconds.

    `task` and `initializer` must be importable module-level functions (they are pickled).
    """
    ctx = process_context()
    pending = deque(items)
    window = max(2, jobs * 3)

    def new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=initializer, initargs=initargs)

    def cancelled() -> bool:
        return cancel is not None and cancel.is_set()

    pool: ProcessPoolExecutor | None = None
    inflight: deque[tuple[str, Future[Any]]] = deque()
    try:
        while pending or inflight:
            if cancelled():
                return
            if pool is None:
                pool = new_pool(jobs)
            refused: str | None = None
            while pending and len(inflight) < window:
                item = pending.popleft()
                try:
                    inflight.append((item, pool.submit(task, item)))
                except BrokenProcessPool:  # a worker died since the last result
                    refused = item
                    break
            suspects: list[str] = []
            result: Any = None
            if not inflight:
                assert refused is not None
                suspects = [refused]
            else:
                if refused is not None:
                    pending.appendleft(refused)
                item, future = inflight.popleft()
                try:
                    result = future.result(timeout=timeout)
                except (BrokenProcessPool, TimeoutError):
                    # With results taken in submission order, the oldest item has been
                    # running for the whole wait: a timeout means it is the slow one.
                    _kill_workers(pool)
                    suspects = [item, *(i for i, _ in inflight)]
                    inflight.clear()
                except Exception as exc:  # noqa: BLE001 - reported per item by the caller
                    result = exc
            if not suspects:
                yield item, result
                continue
            pool.shutdown(wait=True, cancel_futures=True)
            pool = None
            yield from _isolate(suspects, task, new_pool, cancelled, timeout)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _isolate(
    suspects: list[str],
    task: Callable[[str], Any],
    new_pool: Callable[[int], ProcessPoolExecutor],
    cancelled: Callable[[], bool],
    timeout: float,
) -> Iterator[tuple[str, Any]]:
    """Re-run each file that was in flight when a worker died, alone, to find the culprit."""
    pool: ProcessPoolExecutor | None = None
    try:
        for item in suspects:
            if cancelled():
                return
            if pool is None:
                pool = new_pool(1)
            try:
                result: Any = pool.submit(task, item).result(timeout=timeout)
            except (BrokenProcessPool, TimeoutError) as exc:
                _kill_workers(pool)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                result = (WorkerCrashed(
                    f"reading this file took more than {timeout:g} s; its worker was stopped",
                    "WORKER_TIMEOUT", seconds=f"{timeout:g}")
                    if isinstance(exc, TimeoutError) else WorkerCrashed(
                    "the worker process died while reading this file "
                    "(a decoder crash or out of memory)", "WORKER_CRASHED"))
            except Exception as exc:  # noqa: BLE001
                result = exc
            yield item, result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes at once (the executor has no public way to)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.kill()
