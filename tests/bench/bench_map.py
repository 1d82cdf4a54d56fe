"""Benchmark (run by hand, not collected by pytest): the Map dock with a big map.

    python tests/bench/bench_map.py [--points 100000] [--photos 10000]

Builds, in memory, a map of one 100,000-point track (a flight wandering over the Sahel, a
report every 4 s), 10,000 photo points and 200 great-circle legs, draws it in the GUI's
MapView (offscreen, 1200 × 800), then drives it with real wheel events (zoom in around the
centre, 12 steps) and pans (a page per step with the scroll bars, 20 steps) and zooms back out.
Each step is timed from the event to the end of a synchronous repaint of the viewport: that
is the GUI stall the user feels. Prints the time to build the scene, the worst step and the
median. Target (issue 17): no stall over 50 ms while panning and zooming.

Loading too: the map is prepared in a worker thread (`map_scene.prepare_map`, as the Map
dock does through the session's reads pool) while the GUI thread only adds the items a few
milliseconds at a time; a 2 ms timer on the GUI thread measures the longest gap between two
of its ticks from the request to the last item in (the worst stall while loading), with the
interpreter's switch interval the app uses. For comparison it also times the old way, the
whole scene built on the GUI thread (`MapView.set_data`).
A cold first load is measured too, in a fresh process (`--cold`, run by the benchmark
itself first): the first map of a session also reads the Natural Earth base map in the
worker, and what the worker does while holding the GIL stalls the GUI thread.
The benchmark checks its preconditions ("benchmark invalid" otherwise): every photo is in
the scene, the track is drawn, the zoom changes by each wheel step.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2023, 9, 1, tzinfo=UTC)


def make_map(points: int, photos: int):  # type: ignore[no-untyped-def]
    from annotator.core.maps.geometry import (
        AirportPoint,
        LegArc,
        MapData,
        PhotoPoint,
        TrackFix,
        TrackLine,
        great_circle,
    )

    rng = random.Random(17)
    lon, lat, heading = -8.0, 12.5, 45.0
    fixes = []
    for i in range(points):
        heading += rng.uniform(-4, 4)
        lon += 0.004 * math.sin(math.radians(heading))
        lat += 0.004 * math.cos(math.radians(heading))
        if not (-12 < lon < 8 and 10 < lat < 24):
            heading += 180
        fixes.append(TrackFix(T0 + timedelta(seconds=4 * i), lon, lat, 20000.0))
    spots = [(-7.95, 12.53), (-0.005, 16.25), (0.98, 20.24), (2.18, 13.48)]
    legs = []
    for i in range(200):
        a, b = rng.sample(spots, 2)
        dep = T0 + timedelta(hours=6 * i)
        legs.append(LegArc(1000 + i, "5U-MBH", "GABS", "GAGO", dep, dep + timedelta(hours=2),
                           i % 3 == 0, [great_circle(a, b)]))
    return MapData(
        photos=[PhotoPoint(i, "0" * 64, f"p{i}.jpg", rng.uniform(-12, 8), rng.uniform(10, 24),
                           "gps" if i % 4 else "claimed", T0 + timedelta(minutes=i))
                for i in range(photos)],
        airports=[AirportPoint(c, None, c, lo, la, 3) for c, (lo, la) in
                  zip(("GABS", "GAGO", "GATS", "DRRN"), spots, strict=True)],
        tracks=[TrackLine(1, "5U-MBH", fixes)], legs=legs)


def load_in_worker(app, view, data) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Prepare `data` on a worker thread and show it, timing the GUI thread's stalls."""
    from PySide6.QtCore import QThreadPool, QTimer

    from annotator.gui.background.workers import JobRunner
    from annotator.gui.panels.map_scene import prepare_map

    pool = QThreadPool()
    runner = JobRunner(pool)
    gaps: list[float] = []
    last = [time.perf_counter()]
    times: dict[str, float] = {}

    stalls: list[tuple[float, float]] = []  # (at, length) of each gap over 50 ms

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        if now - last[0] > 0.05:
            stalls.append((last[0] - start, now - last[0]))
        last[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    done = [False]
    view.built.connect(lambda: done.__setitem__(0, True))

    def prepare(_job):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        prepared = prepare_map(data)
        times["prepare"] = time.perf_counter() - t
        return prepared

    def show(prepared) -> None:  # type: ignore[no-untyped-def]
        times["shown"] = time.perf_counter()
        view.show_prepared(prepared)

    start = time.perf_counter()
    last[0] = start
    timer.start()
    runner.submit(prepare, show)
    while not done[0]:
        app.processEvents()
        time.sleep(0.0005)
    view.viewport().repaint()
    tick()
    timer.stop()
    end = time.perf_counter()
    if len(view.photo_ids()) != len(data.photos) or not view.track_items:
        raise SystemExit("benchmark invalid: the map loaded in a worker is incomplete")
    shown_at = times["shown"] - start
    print(f"loading: result on the GUI thread at {shown_at * 1000:.0f} ms; stalls over 50 ms "
          "(began at, lasted): " + ", ".join(f"{a * 1000:.0f}+{n * 1000:.0f} ms"
                                             for a, n in stalls))
    return {"total": end - start, "prepare": times["prepare"], "adding": end - times["shown"],
            "worst": max(gaps), "over": sum(g > 0.05 for g in gaps), "ticks": len(gaps)}


def cold_first_load(points: int, photos: int) -> int:
    """In this fresh process: the first map of a session, loaded in a worker with nothing
    read yet (the base map, the modules of the map's preparation)."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui.app import GUI_SWITCH_INTERVAL_S
    from annotator.gui.panels.map_view import MapView

    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication([])
    data = make_map(points, photos)
    view = MapView()
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    loading = load_in_worker(app, view, data)
    print(f"COLD first load in a worker: prepared and shown in {loading['total']:.2f} s "
          f"(worker {loading['prepare']:.2f} s); worst GUI stall "
          f"{loading['worst'] * 1000:.0f} ms, {loading['over']} stalls over 50 ms, "
          f"{loading['ticks']} timer ticks")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=10_000)
    parser.add_argument("--cold", action="store_true",
                        help="only the cold first load (in this process)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold first load")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    if args.cold:
        return cold_first_load(args.points, args.photos)
    if not args.no_cold:
        import subprocess

        subprocess.run([sys.executable, __file__, "--cold", "--points", str(args.points),
                        "--photos", str(args.photos)], check=True)
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from annotator.gui.app import GUI_SWITCH_INTERVAL_S
    from annotator.gui.panels.map_view import MapView

    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication([])
    data = make_map(args.points, args.photos)
    view = MapView()
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_data(data)
    view.viewport().repaint()
    app.processEvents()  # the scene's deferred bookkeeping of the new items: part of it
    build = time.perf_counter() - start
    loading = load_in_worker(app, view, data)
    if len(view.photo_ids()) != args.photos or not view.track_items:
        print("benchmark invalid: not everything is in the scene")
        return 1
    steps: list[float] = []

    def timed(action) -> None:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        action()
        app.processEvents()
        view.viewport().repaint()
        steps.append(time.perf_counter() - t)

    centre = QPointF(600, 400)

    def wheel(delta: int) -> None:
        before = view.transform().m11()
        event = QWheelEvent(centre, view.mapToGlobal(centre), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)
        if view.transform().m11() == before:
            raise SystemExit("benchmark invalid: a wheel step did not zoom")

    for _ in range(12):
        timed(lambda: wheel(120))
    bar = view.horizontalScrollBar()
    for _ in range(20):
        timed(lambda: bar.setValue(bar.value() + bar.pageStep()))
    for _ in range(12):
        timed(lambda: wheel(-120))
    print("steps (ms):", " ".join(f"{s * 1000:.0f}" for s in steps))
    print(f"map: {args.points} track points, {args.photos} photos, 200 legs")
    print(f"scene built and first painted in {build:.2f} s on the GUI thread (the old way)")
    print(f"loading in a worker: prepared and shown in {loading['total']:.2f} s "
          f"(worker {loading['prepare']:.2f} s, GUI thread adding items over "
          f"{loading['adding']:.2f} s); worst GUI stall {loading['worst'] * 1000:.0f} ms, "
          f"{loading['over']} stalls over 50 ms, {loading['ticks']} timer ticks")
    print(f"{len(steps)} steps: worst {max(steps) * 1000:.0f} ms, median "
          f"{statistics.median(steps) * 1000:.0f} ms (target: no stall over 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
