"""Benchmark (run by hand, not collected by pytest): the timeline of a big case.

    python tests/bench/bench_timeline.py [--photos 10000] [--flights 500]

Builds a case of N photo rows (inserted directly, in bursts over two months, half of them
linked to a flight) and M flights on 50 aircraft, opens the Flights window offscreen and
drives its timeline with real wheel events: zooms in around the cursor from the whole case
down to minutes, pans a page per frame (at the finest scale), zooms back out. A 10 ms QTimer
probe measures how late the GUI thread runs (the worst stall and the 99th percentile).
Baseline in the same run: the same number of marks and bars as plain items in a
QGraphicsView zoomed the old way (scaling the view: cheap, but it stretches circles and
text), driven by the same steps.
The benchmark checks its own preconditions and stops with "benchmark invalid" when they do
not hold: every photo and flight is on the timeline; the zoom reaches a minute scale and
back out to the whole case; each pan frame moves the view by exactly one page; the view is
never scaled and a mark's size on screen never changes; a frame is painted after each step.
Target (issue 15): no GUI stall over 50 ms while zooming and panning.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2023, 9, 1, tzinfo=UTC)


def build_case(folder: Path, photos: int, flights: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import insert, select

    from annotator.core.case.folder import Case
    from annotator.core.flights.records import FlightDraft, add_flights
    from annotator.core.models import Photo, PhotoFlightLink

    rng = random.Random(15)
    case = Case.create(folder / "case", name="bench", examiner="bench")
    drafts = []
    for i in range(flights):
        reg = f"5U-M{chr(65 + i % 26)}{chr(65 + (i // 26) % 2)}"  # 52 airframes
        start = T0 + timedelta(days=rng.uniform(0, 60))
        drafts.append(FlightDraft(registration=reg, origin="GABS", destination="GAGO",
                                  departure_utc=start,
                                  arrival_utc=start + timedelta(minutes=rng.uniform(40, 300))))
    add_flights(case, drafts, strict_registration=False)
    now = datetime.now(UTC)
    rows = []
    for i in range(photos):
        if i % 50 == 0:  # a burst of 50 photos a few seconds to minutes apart
            burst = T0 + timedelta(days=rng.uniform(0, 60))
        taken = burst + timedelta(seconds=rng.uniform(0, 1800))
        sha = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
        rows.append({
            "case_id": case.case_id, "sha256": sha, "md5": sha[:32], "size": 1000 + i,
            "original_name": f"IMG_{i:05d}.JPG", "original_path": f"/evidence/IMG_{i:05d}.JPG",
            "file_mtime_utc": None, "imported_utc": now, "importer": "bench", "format": "JPEG",
            "stored_width": 4000, "stored_height": 3000, "width": 4000, "height": 3000,
            "orientation": 1, "capture_local": taken.replace(tzinfo=None).isoformat(),
            "capture_utc": taken, "date_verdict": None, "has_thumbnail": False, "version": 1,
            "meta": {}, "raw_tags": {},
        })
    with case.writing() as s:
        s.execute(insert(Photo), rows)
        ids = list(s.execute(select(Photo.id)).scalars())
        links = [{"photo_id": pid, "flight_id": 1 + (pid * 7) % flights, "relation": "unknown",
                  "created_by": "bench", "created_utc": now} for pid in ids[::2]]
        s.execute(insert(PhotoFlightLink), links)
    case.close()
    return folder / "case"


class Probe:
    """Lateness of a 10 ms timer: how long the GUI thread was busy past each tick."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.late: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self.last) * 1000 - 10))
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def result(self) -> dict[str, float]:
        self.timer.stop()
        values = sorted(self.late)
        return {"worst_ms": values[-1], "p99_ms": values[int(len(values) * 0.99)],
                "ticks": len(values)}


def wheel(view, x: float, notches: float, painted: list[int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(x, view.viewport().height() / 2)
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0),
                        QPoint(0, int(120 * notches)), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def drive(view, steps: list, scale_of) -> dict:  # type: ignore[no-untyped-def]
    """Run `steps` (callables) one per 16 ms frame under the probe; check a paint each."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    painted = [0]

    class Paints(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted[0] += 1
            return False

    watcher = Paints()
    view.viewport().installEventFilter(watcher)
    probe = Probe()
    queue = list(steps)
    unpainted = [0]
    scales: list[float] = []
    step_ms: list[float] = []

    def next_step() -> None:
        if not queue:
            QApplication.instance().quit()  # type: ignore[union-attr]
            return
        before = painted[0]
        t = time.perf_counter()
        queue.pop(0)()
        view.viewport().repaint()  # the frame the user sees, inside the step's time
        step_ms.append((time.perf_counter() - t) * 1000)
        if painted[0] == before:
            unpainted[0] += 1
        scales.append(scale_of())
        QTimer.singleShot(16, next_step)

    probe.start()
    QTimer.singleShot(50, next_step)
    QApplication.instance().exec()  # type: ignore[union-attr]
    view.viewport().removeEventFilter(watcher)
    return {**probe.result(), "unpainted": unpainted[0], "scales": scales,
            "step_median_ms": statistics.median(step_ms), "step_max_ms": max(step_ms),
            "slowest_step": step_ms.index(max(step_ms))}


def script(view, zoom_notches: int, pan_frames: int) -> list:  # type: ignore[no-untyped-def]
    """Zoom in around three cursor places, pan right a page per frame, zoom out."""
    width = view.viewport().width()
    bar = view.horizontalScrollBar()
    steps = []
    for i in range(zoom_notches):
        x = (0.3, 0.5, 0.7)[i % 3] * width
        steps.append(lambda x=x: wheel(view, x, 1, []))
    steps.append(lambda: bar.setValue(bar.minimum()))

    def pan() -> None:
        before = bar.value()
        bar.setValue(before + bar.pageStep())
        moves.append(bar.value() - before == bar.pageStep())

    steps += [pan] * pan_frames
    steps += [lambda: wheel(view, width / 2, -1, [])] * zoom_notches
    return steps


moves: list[bool] = []  # per pan frame: did the view move by exactly one page


def run_annotator(case_path: Path, zoom_notches: int, pan_frames: int) -> dict:
    from annotator.core.case.folder import Case
    from annotator.gui.session import CaseSession
    from annotator.gui.windows.flights_window import FlightsWindow

    case = Case.open(case_path)
    session = CaseSession(case)
    window = FlightsWindow(session)
    t = time.perf_counter()
    window.show()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.resize(1400, 900)  # after the first show, which keeps it inside the screen
    QApplication.processEvents()
    view = window.timeline
    load_s = time.perf_counter() - t
    problems = []
    if view.transform().isIdentity() is False:
        problems.append("the view is scaled before zooming")
    mark = next(iter(view.mark_items.values()))
    size = mark.boundingRect().size()
    fit = view.px_per_hour
    result = drive(view, script(view, zoom_notches, pan_frames), lambda: view.px_per_hour)
    if result["scales"][-1] > fit * 1.01:
        problems.append("the zoom did not come back out to the whole case")
    if 3600 / max(result["scales"]) > 60:
        problems.append(f"the zoom stopped at {3600 / max(result['scales']):.0f} s per pixel, "
                        "not a minute scale")
    if not view.transform().isIdentity():
        problems.append("the view was scaled")
    if mark.boundingRect().size() != size:
        problems.append("a mark's size changed")
    if result["unpainted"]:
        problems.append(f"{result['unpainted']} steps painted nothing")
    if len(moves) != pan_frames or not all(moves):
        problems.append(f"{moves.count(False)} of {pan_frames} pan frames did not move a page")
    result.update(load_s=load_s, marks=len(view.mark_items), legs=len(view.leg_items),
                  problems=problems, viewport=view.viewport().width())
    window.close()
    case.close()
    return result


def run_baseline(photos: int, flights: int, zoom_notches: int, pan_frames: int) -> dict:
    """The old way: items at fixed places, the view scaled."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    rng = random.Random(15)
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
    hours = 60 * 24
    for i in range(flights):
        scene.addRect(QRectF(rng.uniform(0, hours) * 24, 40 + (i % 52) * 34, 80, 18),
                      brush=QBrush(QColor("#2f6db5")))
    for i in range(photos):
        item = scene.addEllipse(-6, -6, 12, 12, brush=QBrush(QColor("#f2a900")))
        item.setPos(rng.uniform(0, hours) * 24, 57 + (i % 53) * 34)
    view.resize(1400, 500)
    view.show()
    view.fitInView(scene.sceneRect())

    def zoom(factor: float) -> None:
        view.scale(factor, 1.0)

    width = view.viewport().width()
    bar = view.horizontalScrollBar()
    steps = [lambda: zoom(1.25)] * zoom_notches
    steps.append(lambda: bar.setValue(bar.minimum()))
    steps += [lambda: bar.setValue(bar.value() + bar.pageStep())] * pan_frames
    steps += [lambda: zoom(0.8)] * zoom_notches
    del width
    return drive(view, steps, lambda: view.transform().m11())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=10_000)
    parser.add_argument("--flights", type=int, default=500)
    parser.add_argument("--notches", type=int, default=40, help="wheel notches in, then out")
    parser.add_argument("--pan", type=int, default=120, help="frames of panning")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["ANNOTATOR_DATA_DIR"] = str(Path(tmp) / "data")
        t = time.perf_counter()
        case = build_case(Path(tmp), args.photos, args.flights)
        print(f"built a case of {args.photos} photos and {args.flights} flights "
              f"in {time.perf_counter() - t:.1f} s")
        from annotator.core.startup import configure_libraries
        from annotator.gui.app import ensure_app

        configure_libraries()
        ensure_app()
        ours = run_annotator(case, args.notches, args.pan)
        base = run_baseline(args.photos, args.flights, args.notches, args.pan)
    if ours["marks"] != args.photos or ours["legs"] != args.flights:
        ours["problems"].append(f"{ours['marks']} marks and {ours['legs']} bars on the timeline")
    if ours["problems"]:
        print("benchmark invalid: " + "; ".join(ours["problems"]))
        return 1
    scales = ours["scales"]
    print(f"timeline built and shown:           {ours['load_s']:.2f} s "
          f"({ours['marks']} marks, {ours['legs']} bars; timeline {ours['viewport']} px wide)")
    print(f"scale reached:                      {3600 / min(scales) / 60:.0f} min per pixel "
          f"→ {3600 / max(scales):.1f} s per pixel")
    print(f"steps ({args.notches} notches in, {args.pan} pan frames, {args.notches} out): "
          f"median {ours['step_median_ms']:.0f} ms, max {ours['step_max_ms']:.0f} ms "
          f"(event + repaint; the slowest is step {ours['slowest_step'] + 1})")
    print(f"GUI stall while zooming and panning: worst {ours['worst_ms']:.0f} ms, "
          f"p99 {ours['p99_ms']:.0f} ms (target ≤ 50 ms)")
    print(f"baseline, the view scaled (old way): worst {base['worst_ms']:.0f} ms, "
          f"p99 {base['p99_ms']:.0f} ms; steps median {base['step_median_ms']:.0f} ms, "
          f"max {base['step_max_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
