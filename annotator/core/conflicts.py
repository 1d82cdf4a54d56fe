"""Optimistic-locking conflicts in the audit log: the refused edit, then how it ended.

A conflicting edit's own transaction rolls back (nothing is overwritten), so the conflict is
recorded in a transaction of its own: `<type>.update_conflict` with both values. When the user
then chooses, the resolution is recorded too: applying mine is an ordinary update (its
details say `resolution: mine`); keeping theirs is `<type>.conflict_resolved`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from annotator.core.errors import EditConflict

if TYPE_CHECKING:
    from annotator.core.case import Case


@contextmanager
def conflicts_recorded(case: Case) -> Iterator[None]:
    """Around an optimistic-locked edit: a conflict it raises is audited (in a transaction
    of its own, the edit's having rolled back) and raised on to the caller."""
    try:
        yield
    except EditConflict as conflict:
        record_conflict(case, conflict)
        raise


def record_conflict(case: Case, conflict: EditConflict) -> None:
    """Append `<type>.update_conflict` (mine, theirs, both versions) in its own transaction."""
    with case.writing() as s:
        case.audit(s, f"{conflict.object_type}.update_conflict", conflict.object_type,
                   conflict.object_id, photo_sha256=conflict.photo_sha256,
                   details=conflict.audit_details())


def record_kept_theirs(case: Case, conflict: EditConflict) -> None:
    """The user kept the other investigator's values: audit the decision (no data change)."""
    with case.writing() as s:
        case.audit(s, f"{conflict.object_type}.conflict_resolved", conflict.object_type,
                   conflict.object_id, photo_sha256=conflict.photo_sha256,
                   details={"kept": "theirs", "discarded": conflict.mine,
                            "version": conflict.current_version})
