"""Errors the user can cause, each with one sentence for the user and an exit code.

The CLI prints `str(error)` on one line and exits with `error.exit_code`. Each error also
carries a stable `code` (UPPER_SNAKE) and the values its sentence names as `params`, so the
GUI shows it in the user's language (annotator/gui/i18n/core_text.py `tr_error`) while the core
stays Qt-free and English. tests/core/test_error_codes.py holds every raise to a code.
"""


class AnnotatorError(Exception):
    """Base class: a user-facing failure. Exit code 1: a check failed or input was rejected."""

    exit_code = 1

    def __init__(self, message: str, *, code: str = "ERROR", **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        # Plain JSON values only: anything else (a Path, a datetime, a nested error) is kept
        # as the text the English sentence shows, so a template rebuilds the same sentence.
        self.params: dict[str, object] = {
            key: value if value is None or isinstance(value, (str, int, float, bool))
            else format(value, "") for key, value in params.items()}

    def __str__(self) -> str:
        return self.message


class InputRejected(AnnotatorError):
    """An input file, value or record was refused (exit 1)."""


class NotFound(AnnotatorError):
    """A photo, box or flight named by the user does not exist or is ambiguous (exit 1)."""


class CaseUnavailable(AnnotatorError):
    """The case cannot be opened or created: missing, newer schema, locked (exit 2)."""

    exit_code = 2


class CaseReadOnly(InputRejected):
    """A change was asked of a case opened read-only (read-only media): nothing was written
    (exit 1)."""


class UsageError(AnnotatorError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class EditConflict(InputRejected):
    """Someone else saved the record after this editor read it (optimistic locking): nothing
    was overwritten. Carries both sides so the user can choose (exit 1).

    `mine`: the fields this edit wanted to set; `theirs`: the same fields as now stored;
    `expected_version` is what the editor saw, `current_version` what is stored.
    """

    def __init__(self, object_type: str, object_id: object, *, mine: dict[str, object],
                 theirs: dict[str, object], expected_version: int, current_version: int,
                 photo_id: int | None = None, photo_sha256: str | None = None) -> None:
        super().__init__(
            f"{object_type} {object_id} was changed by someone else meanwhile (version "
            f"{current_version}, you edited version {expected_version}); nothing was overwritten",
            code="EDIT_CONFLICT", object_type=object_type, object_id=object_id,
            current_version=current_version, expected_version=expected_version)
        self.object_type = object_type
        self.object_id = object_id
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.expected_version = expected_version
        self.current_version = current_version
        self.photo_id = photo_id
        self.photo_sha256 = photo_sha256

    def audit_details(self) -> dict[str, object]:
        """What the audit log records about the conflict (both values, both versions)."""
        return {"mine": self.mine, "theirs": self.theirs, "photo_id": self.photo_id,
                "expected_version": self.expected_version,
                "current_version": self.current_version}


def first_line(error: BaseException | str, default: str | None = None) -> str:
    """The first line of an error's message, for a report on one line.

    A blank message gives `default`, or, when `default` is None, the exception's class name
    (an empty string for a blank string)."""
    text = str(error).strip()
    if text:
        return text.splitlines()[0]
    if default is not None:
        return default
    return type(error).__name__ if isinstance(error, BaseException) else ""
