"""What an import did, file by file: the value the CLI prints and the GUI's dialog shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ImportedFile:
    """A file whose bytes are new to the case: now a photo."""

    path: str
    sha256: str
    photo_id: int


@dataclass(frozen=True)
class DuplicateFile:
    """A file whose bytes the case already holds: nothing was copied.

    `source_added` is True when this path was new for that photo and has been recorded as
    another source of the same bytes (audited as `photo.source_added`).
    """

    path: str
    sha256: str
    photo_id: int
    duplicate_of: str
    source_added: bool

    @property
    def message(self) -> str:
        text = f"duplicate of {self.duplicate_of} (sha256 {self.sha256[:12]}…)"
        return text + ("; new source path recorded" if self.source_added else "")


@dataclass(frozen=True)
class Reason:
    """Why a file was refused: the English line, with a stable code and its parameters so
    the GUI can say it in the user's language (the CLI and the JSON report print `text`)."""

    text: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RejectedFile:
    """A file that was not imported, and why (one line). `code`/`params`: see `Reason`;
    None for a reason without a code (the GUI then shows `reason` as it is)."""

    path: str
    reason: str
    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportReport:
    """Every file of a batch lands in exactly one list, in the batch's order.

    `cancelled` is True when the user stopped the batch; files recorded before that stay
    recorded (each photo is its own transaction) and the rest appear in no list.
    """

    imported: list[ImportedFile] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    rejected: list[RejectedFile] = field(default_factory=list)
    cancelled: bool = False
    files: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every file was imported or was a duplicate; 1 when any was rejected."""
        return 1 if self.rejected or self.cancelled else 0

    def summary(self) -> str:
        """One line for the end of an import."""
        added = sum(1 for d in self.duplicates if d.source_added)
        parts = [f"{len(self.imported)} imported",
                 f"{len(self.duplicates)} duplicate{'s' if len(self.duplicates) != 1 else ''}"
                 + (f" ({added} new source path{'s' if added != 1 else ''})" if added else ""),
                 f"{len(self.rejected)} rejected"]
        text = ", ".join(parts)
        if self.cancelled:
            done = len(self.imported) + len(self.duplicates) + len(self.rejected)
            text += f"; cancelled after {done} of {self.files} files"
        return text

    def to_json(self) -> dict[str, Any]:
        """The `annotator import --json` summary."""
        return {
            "imported": [{"path": i.path, "sha256": i.sha256, "photo_id": i.photo_id}
                         for i in self.imported],
            "duplicates": [{"path": d.path, "sha256": d.sha256, "photo_id": d.photo_id,
                            "duplicate_of": d.duplicate_of, "source_added": d.source_added}
                           for d in self.duplicates],
            "rejected": [{"path": r.path, "reason": r.reason} for r in self.rejected],
            "cancelled": self.cancelled,
            "counts": {"files": self.files, "imported": len(self.imported),
                       "duplicates": len(self.duplicates), "rejected": len(self.rejected)},
        }


def one_line(text: str, limit: int = 300) -> str:
    """A reason fit for one line of output."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
