"""A statement the tool makes about a photo or its file: a stable code, a severity, the
English sentence, and the parameters a translation fills in.

One type for the capture-date check's findings (`annotator.core.dating`) and the file
history's signs (`annotator.core.history`): the two are shown, translated, exported and
checked against each other alike, so they must not drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Finding"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "params": self.params}
