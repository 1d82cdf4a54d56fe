"""User-chosen keyboard shortcuts: stored in settings.json under `shortcuts`, keyed by each
QAction's objectName (stable across languages), applied over the labelImg/labelme defaults.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence

from annotator.core.case.settings import load_settings, save_settings

DEFAULTS_PROPERTY = "annotator_default_shortcuts"
NAME_PROPERTY = "annotator_shortcut_name"


def name_action(action: QAction, name: str) -> None:
    """Give `action` a fixed name for shortcut lists, for an action whose text changes with
    the state (Undo's "Undo Link photo to flight 2")."""
    action.setProperty(NAME_PROPERTY, name)


def action_name(action: QAction) -> str:
    """What the action does, as shortcut lists (Help, Settings) name it: "Undo", not
    "Undo Link photo to flight 2"; "Nudge box left by 10 px"."""
    name = action.property(NAME_PROPERTY)
    return str(name) if name else action.text().replace("&&", "\0").replace(
        "&", "").replace("\0", "&")


def remember_defaults(actions: Iterable[QAction]) -> None:
    """Record each action's built-in shortcuts once, so "Reset" can restore them."""
    for action in actions:
        if action.property(DEFAULTS_PROPERTY) is None:
            portable = QKeySequence.SequenceFormat.PortableText
            keys = [k.toString(portable) for k in action.shortcuts()]
            action.setProperty(DEFAULTS_PROPERTY, "\n".join(keys))


def default_shortcuts(action: QAction) -> list[QKeySequence]:
    text = action.property(DEFAULTS_PROPERTY) or ""
    return [QKeySequence(k) for k in str(text).split("\n") if k]


def apply_saved_shortcuts(actions: Iterable[QAction]) -> None:
    """Set the shortcuts saved in settings on the actions that have an objectName."""
    actions = [a for a in actions if a.objectName()]
    remember_defaults(actions)
    saved = load_settings().get("shortcuts") or {}
    for action in actions:
        if action.objectName() in saved:
            keys = saved[action.objectName()]
            action.setShortcuts([QKeySequence(k) for k in keys if k])
        else:
            action.setShortcuts(default_shortcuts(action))


def save_shortcuts(chosen: dict[str, list[str]]) -> None:
    """Store the user's shortcuts (objectName → portable key strings)."""
    save_settings({"shortcuts": chosen})


def conflicts(chosen: dict[str, list[str]]) -> dict[str, list[str]]:
    """Key sequences given to more than one action: key → the action names."""
    owners: dict[str, list[str]] = {}
    for name, keys in chosen.items():
        for key in keys:
            if key:
                owners.setdefault(key, []).append(name)
    return {k: v for k, v in owners.items() if len(v) > 1}
