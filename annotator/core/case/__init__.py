"""A case: the folder, its database (SQLite, or PostgreSQL for a team) and schema migrations,
the content-addressed store of originals, the hash-chained audit log, edit conflicts, live
change notifications between team members, and the user's settings.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.core.case.audit import (
    GENESIS,
    canonical_json,
    content_digest,
    events_for_photo,
    link_hash,
    lock_chain,
    verify_chain,
)
from annotator.core.case.connection import DATABASE_ERRORS, is_connection_error
from annotator.core.case.folder import Case
from annotator.core.case.live import Change, ChangeListener
from annotator.core.case.settings import (
    config_dir,
    current_examiner,
    data_dir,
    load_settings,
    save_settings,
)

__all__ = [
    "DATABASE_ERRORS",
    "is_connection_error",
    "Case",
    "Change",
    "ChangeListener",
    "GENESIS",
    "canonical_json",
    "config_dir",
    "content_digest",
    "current_examiner",
    "data_dir",
    "events_for_photo",
    "link_hash",
    "lock_chain",
    "load_settings",
    "save_settings",
    "verify_chain",
]
