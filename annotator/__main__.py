"""`python -m annotator` is the same program as the `annotator` command (and the entry point
of the PyInstaller build)."""

import sys

if getattr(sys, "frozen", False):
    # In the frozen program the import workers (multiprocessing) re-run this executable;
    # freeze_support lets them run the worker instead of the CLI.
    import multiprocessing

    multiprocessing.freeze_support()

from annotator.cli import run  # noqa: E402 - after freeze_support on purpose

run()
