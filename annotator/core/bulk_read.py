"""Reading many rows from a worker thread of the GUI process, in batches with a pause.

Every Python callback Qt makes while the GUI paints (a model's `data`, a delegate's `paint`)
must take the interpreter lock; while a worker thread runs Python, each take waits up to the
switch interval, so a scroll frame of a few hundred callbacks can wait 100 ms. A bulk read
(10 000 ids for the photo list's filter, the copies index's rows) is such a worker: read
here a few hundred rows at a time, with a real sleep between batches when not on the main
thread, it leaves the lock free between batches and no single C call (sqlite3's `fetchall`
of every row) holds it for a whole table.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.orm import Session

BATCH_ROWS = 500
PAUSE_S = 0.0005  # a real sleep: the thread is off the CPU, so the GIL goes elsewhere


def _pause() -> None:
    if threading.current_thread() is not threading.main_thread():
        time.sleep(PAUSE_S)


def all_rows(session: Session, stmt: Executable) -> list[Any]:
    """Every row `stmt` returns, read `BATCH_ROWS` at a time."""
    rows: list[Any] = []
    result = session.execute(stmt.execution_options(yield_per=BATCH_ROWS))
    for part in result.partitions():
        rows.extend(part)
        _pause()
    return rows


def all_scalars(session: Session, stmt: Executable) -> list[Any]:
    """The first column of every row `stmt` returns, read `BATCH_ROWS` at a time."""
    values: list[Any] = []
    result = session.execute(stmt.execution_options(yield_per=BATCH_ROWS)).scalars()
    for part in result.partitions():
        values.extend(part)
        _pause()
    return values
