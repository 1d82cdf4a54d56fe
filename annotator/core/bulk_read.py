"""Reading many rows without starving the GUI thread of the interpreter lock.

sqlite3's `fetchall` converts every row in one C call that lets go of the GIL only around
each `sqlite3_step` and takes it straight back, before a waiting thread has run: a GUI
thread waiting for the GIL then waits for the whole fetch (measured: 70–110 ms for 10 000
ids in the photo list's filter, the copies index and the copies badges, while the browser
scrolled). Reading a few hundred rows at a time, with a real sleep between batches when not
on the main thread, bounds that wait to one batch.
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
