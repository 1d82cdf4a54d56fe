"""Helpers shared by command modules: opening a case, printing JSON, parsing values."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.case.folder import Case


# What a PHOTO argument accepts (annotator.core.photos.find_photo), for `--help` texts.
PHOTO_HELP = ("the photo: its id as `annotator photos` prints it, a SHA-256 prefix of at "
              "least 8 characters, or its file name")


def add_examiner(parser: argparse.ArgumentParser) -> None:
    """`--examiner NAME`: who is acting (else ANNOTATOR_EXAMINER, settings, login name)."""
    parser.add_argument("--examiner", help="who is acting (default: ANNOTATOR_EXAMINER, "
                        "settings, then the login name)")


def add_case(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", type=Path, help="the case folder")
    add_examiner(parser)


def open_case(args: argparse.Namespace) -> Case:
    """Open the case named by `args.case` for `args.examiner` (exit 2 when it cannot be)."""
    from annotator.core.case.folder import Case

    return with_password_prompt(
        lambda password: Case.open(args.case, examiner=getattr(args, "examiner", None),
                                   password=password))


def with_password_prompt(attempt: Any) -> Any:
    """`attempt(None)`; when the case's database asks for a password (and none is in
    ANNOTATOR_DB_PASSWORD) and we are on a terminal, ask once without echo and retry."""
    from annotator.core.errors import CaseUnavailable

    try:
        return attempt(None)
    except CaseUnavailable as exc:
        if exc.code != "DB_PASSWORD" or not sys.stdin.isatty():
            raise
    import getpass

    password = getpass.getpass("Database password: ")
    return attempt(password or None)


def print_json(value: Any) -> None:
    """Print `value` as indented UTF-8 JSON on stdout."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
