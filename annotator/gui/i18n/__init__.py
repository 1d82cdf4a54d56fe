"""The GUI's language: installing translators, and the core's codes (findings, errors)
rebuilt as sentences in the user's language; times and numbers shown the user's way.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.i18n.core_text import (
    as_sentence,
    decimal,
    integer,
    number,
    tr_core,
    tr_error,
    tr_reason,
    tr_registration_problem,
)
from annotator.gui.i18n.language import install_translators, installed_language, loaded_catalog
from annotator.gui.i18n.timefmt import local_display, show_instant

__all__ = [
    "as_sentence",
    "decimal",
    "integer",
    "install_translators",
    "installed_language",
    "local_display",
    "number",
    "loaded_catalog",
    "show_instant",
    "tr_core",
    "tr_error",
    "tr_reason",
    "tr_registration_problem",
]
