"""Work off the GUI thread: the job runner and its pool (jobs report back by signals, tests
run them at once), live updates from team members, pictures rendered ahead for packets.

Other packages import from here only (`__all__`).
"""

from __future__ import annotations

from annotator.gui.background.live_updates import LiveUpdates
from annotator.gui.background.picture_preparer import PicturePreparer
from annotator.gui.background.workers import ImmediatePool, Job, JobRunner, LatestOnly

__all__ = [
    "ImmediatePool",
    "Job",
    "JobRunner",
    "LatestOnly",
    "LiveUpdates",
    "PicturePreparer",
]
