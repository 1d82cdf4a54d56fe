"""Errors the user can cause, each with one sentence for the user and an exit code.

The CLI prints `str(error)` on one line and exits with `error.exit_code`; the GUI shows it.
"""


class AnnotatorError(Exception):
    """Base class: a user-facing failure. Exit code 1: a check failed or input was rejected."""

    exit_code = 1

    def __init__(self, message: str, *, code: str = "ERROR", **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message


class InputRejected(AnnotatorError):
    """An input file, value or record was refused (exit 1)."""


class NotFound(AnnotatorError):
    """A photo, box or flight named by the user does not exist or is ambiguous (exit 1)."""


class CaseUnavailable(AnnotatorError):
    """The case cannot be opened or created: missing, newer schema, locked (exit 2)."""

    exit_code = 2


class UsageError(AnnotatorError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2
