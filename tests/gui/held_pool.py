"""A stand-in thread pool that holds jobs until the test runs them (a busy pool, a click on
Cancel mid-job, a decode that finishes after the photo changed)."""

from __future__ import annotations

from collections.abc import Callable


class HeldPool:
    def __init__(self) -> None:
        self.jobs: list[Callable[[], None]] = []

    def start(self, work: Callable[[], None]) -> None:
        self.jobs.append(work)

    def run_next(self) -> None:
        self.jobs.pop(0)()

    def run_all(self) -> None:
        while self.jobs:
            self.run_next()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True
