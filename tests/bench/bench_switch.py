"""Next/previous photo on 12-megapixel JPEGs, time and memory: run by hand, never collected.

    python tests/bench/bench_switch.py [--photos 20] [--switches 200]

In one process, with the real thread pool, the main window of a case of N imported
4000 × 3000 JPEGs is driven through its own actions: D and A (next/previous), clicks on
browser rows and clicks on timeline marks, in turns, `--switches` times. For each switch it
measures:
- the GUI thread's own time for the switch (the key press or click returning);
- the time until the sharp preview (the reduced decode that follows the 256 px thumbnail)
  is on screen, and until the full-resolution image is;
- the longest GUI-thread stall (a 10 ms QTimer probe: how late it fires);
- resident memory (RSS) after the first photo is shown and after the last switch, the
  photo items and full images still alive (weak references), and the jobs not finished.

Baseline in the same run, in a fresh process: labelme's way (decode the whole photo on the
GUI thread into a pixmap item, nothing kept), the same number of switches over the same
files, its time per switch and its memory.

Preconditions are checked, not assumed: every switch must change the photo and end with
the full image on the canvas, every way of switching must have been used, and the baseline
must really have shown each photo. Targets (issue 12): RSS after the switches at most
150 MB above RSS after the first photo; at most two decoded full images alive. Temporary
files are removed, whatever happens.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import weakref
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


class PreconditionFailed(SystemExit):
    def __init__(self, what: str) -> None:
        super().__init__(f"benchmark invalid: {what}")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def make_photos(folder: Path, count: int) -> list[Path]:
    """`count` 12 MP camera-like JPEGs (noise-textured scenes), each with its own capture
    time in EXIF, so the case's order is the files' order and nothing re-sorts."""
    from datetime import datetime, timedelta

    from PIL import Image

    from tests.fixtures.factory import make_exif, scene

    folder.mkdir(parents=True, exist_ok=True)
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    paths = []
    for i in range(count):
        path = folder / f"p{i:02d}.jpg"
        exif = make_exif(original=datetime(2023, 10, 27, 9, 0) + timedelta(minutes=i),
                         offset="+00:00")
        Image.blend(scene(4000, 3000, seed=i * 30), noise, 0.3).save(
            path, "JPEG", quality=92, exif=exif)
        paths.append(path)
    return paths


LABELME = r"""
import json, sys, time
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

paths, switches = json.loads(sys.argv[1]), int(sys.argv[2])
app = QApplication([])
scene = QGraphicsScene(); view = QGraphicsView(scene); view.resize(1400, 900); view.show()

def show(path):
    # labelme: QImage from the decoded file on the GUI thread, shown as a pixmap.
    with Image.open(path) as im:
        rgb = im.convert("RGB")
    image = QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3,
                   QImage.Format.Format_RGB888).copy()
    scene.clear()
    item = scene.addPixmap(QPixmap.fromImage(image))
    view.fitInView(item)
    app.processEvents()
    return item.pixmap().width()

times = []
first_width = show(paths[0])
rss_first = rss_mb()
widths = set()
for i in range(switches):
    t0 = time.perf_counter()
    widths.add(show(paths[(i + 1) % len(paths)]))
    times.append(time.perf_counter() - t0)
print(json.dumps({"rss_first_mb": rss_first, "rss_last_mb": rss_mb(), "times": times,
                  "widths": sorted(widths | {first_width})}))
"""


def run_labelme(paths: list[Path], switches: int) -> dict:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", LABELME, json.dumps([str(p) for p in paths]),
                          str(switches)], env=env, capture_output=True, text=True,
                         timeout=1800, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_annotator(paths: list[Path], tmp: Path, switches: int) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from annotator.core.case.folder import Case
    from annotator.core.ingest.importer import import_paths
    from annotator.gui.app import AppController
    from annotator.gui.windows.flights_window import FlightsWindow

    case = Case.create(tmp / "case", examiner="bench")
    report = import_paths(case, paths, jobs=2)
    if len(report.imported) != len(paths):
        raise PreconditionFailed(f"imported {len(report.imported)} of {len(paths)} photos")
    case.close()

    controller = AppController(pool=QThreadPool.globalInstance())
    window = controller.open_case(tmp / "case", raise_errors=True)
    window.resize(1600, 1000)
    window.show()
    session, canvas, browser = window.session, window.canvas, window.browser
    timeline_window = FlightsWindow(session)
    timeline_window.show()
    timeline = timeline_window.timeline
    # The photos are a minute apart: at the default scale their marks overlap (and stack
    # into lanes), so a click on one may land on another. A minute is 60 px here.
    timeline.set_scale(3600.0)

    def wait_until(predicate, timeout_s: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout_s

        def poll() -> None:
            if predicate() or time.perf_counter() > deadline:
                loop.quit()
            else:
                QTimer.singleShot(2, poll)

        QTimer.singleShot(0, poll)
        loop.exec()
        if not predicate():
            raise PreconditionFailed("timed out waiting for the canvas")

    def full_shown() -> bool:
        item = canvas.photo_item
        return item is not None and item.full is not None

    wait_until(lambda: session.current_photo_id is not None)
    wait_until(full_shown)
    order = [browser.model.photo_id_at(r) for r in range(browser.model.rowCount())]
    if len(order) != len(paths):
        raise PreconditionFailed(f"browser shows {len(order)} photos, expected {len(paths)}")
    gc.collect()
    rss_first = rss_mb()

    stalls: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(probe)

    def press(key: Qt.Key) -> None:
        window.activateWindow()  # the window's shortcuts need it active
        wait_until(lambda: QApplication.activeWindow() is window, 5)
        canvas.setFocus()
        QTest.keyClick(canvas, key)

    def click_row(row: int) -> None:
        view = browser.view
        index = browser.model.index(row)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())

    def click_mark(photo_id: int) -> None:
        mark = timeline.mark_items[photo_id]
        timeline.centerOn(mark)
        QTest.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton,
                         pos=timeline.mapFromScene(mark.sceneBoundingRect().center()))

    item_refs: list[weakref.ref] = []
    image_refs: list[weakref.ref] = []
    gui, preview, full, ways = [], [], [], []
    timer.start()
    for step in range(switches):
        before = session.current_photo_id
        pos = order.index(before)
        how = ("D", "A", "row", "mark")[step % 4]
        t0 = time.perf_counter()
        if how == "D":
            press(Qt.Key.Key_D if pos < len(order) - 1 else Qt.Key.Key_A)
        elif how == "A":
            press(Qt.Key.Key_A if pos > 0 else Qt.Key.Key_D)
        elif how == "row":
            click_row((pos + len(order) // 2) % len(order))
        else:
            click_mark(order[(pos + 3) % len(order)])
        gui.append(time.perf_counter() - t0)
        if session.current_photo_id == before:
            raise PreconditionFailed(f"switch {step} ({how}) did not change the photo")
        # The canvas takes the photo when its worker has read it (not within the key press).
        wait_until(lambda: canvas.photo_id == session.current_photo_id, 10)
        if canvas.photo_id != session.current_photo_id:
            raise PreconditionFailed(f"switch {step} ({how}): the canvas never showed the photo")
        item = canvas.photo_item
        marks: dict[str, float] = {}

        def seen(item=item, marks=marks, t0=t0) -> bool:  # type: ignore[no-untyped-def]
            now = time.perf_counter() - t0
            # The 256 px case thumbnail comes first; "sharp" is the reduced decode after it.
            if item.preview is not None and item.preview.width() > 256:
                marks.setdefault("preview", now)
            if item.full is not None:
                marks.setdefault("full", now)
            return "full" in marks

        wait_until(seen)
        preview.append(marks.get("preview", marks["full"]))
        full.append(marks["full"])
        item_refs.append(weakref.ref(item))
        image_refs.append(weakref.ref(item.full))
        ways.append(how)
        del item
    timer.stop()
    if set(ways) != {"D", "A", "row", "mark"}:
        raise PreconditionFailed(f"not every way of switching was used: {set(ways)}")
    for _ in range(3):
        app.processEvents()
    gc.collect()
    rss_last = rss_mb()
    alive_items = sum(1 for ref in item_refs if ref() is not None)
    alive_full = sum(1 for ref in image_refs if ref() is not None)
    live_jobs = session.jobs.live_count()
    timeline_window.close()
    window.close()
    return {"gui": gui, "preview": preview, "full": full, "stall_max": max(stalls),
            "rss_first_mb": rss_first, "rss_last_mb": rss_last, "alive_items": alive_items,
            "alive_full_images": alive_full, "live_jobs": live_jobs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--switches", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="bench-switch-"))
    try:
        os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp / "config")
        os.environ["ANNOTATOR_DATA_DIR"] = str(tmp / "data")
        paths = make_photos(tmp / "in", args.photos)
        ours = run_annotator(paths, tmp, args.switches)
        labelme = run_labelme(paths, args.switches)
        if len(labelme["widths"]) != 1 or labelme["widths"][0] != 4000:
            raise PreconditionFailed(f"baseline showed widths {labelme['widths']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if tmp.exists():
        raise PreconditionFailed(f"could not remove {tmp}")

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.0f} ms, "
                f"max {max(values) * 1000:.0f} ms")

    grew = ours["rss_last_mb"] - ours["rss_first_mb"]
    base_grew = labelme["rss_last_mb"] - labelme["rss_first_mb"]
    print(f"{len(ours['gui'])} switches between {args.photos} photos of 4000×3000 (12 MP): "
          f"D, A, browser rows and timeline marks in turns")
    print(f"GUI-thread time per switch : {ms(ours['gui'])}")
    print(f"sharp preview shown        : {ms(ours['preview'])}   (target ≤ 100 ms)")
    print(f"full resolution shown      : {ms(ours['full'])}")
    print(f"longest GUI-thread stall   : {ours['stall_max'] * 1000:.0f} ms   (target ≤ 50 ms)")
    print(f"RSS after the first photo  : {ours['rss_first_mb']:.0f} MB")
    print(f"RSS after the switches     : {ours['rss_last_mb']:.0f} MB  ({grew:+.0f} MB; "
          f"target ≤ +150 MB)")
    print(f"alive after the switches   : {ours['alive_items']} photo item(s), "
          f"{ours['alive_full_images']} full image(s) (target ≤ 2), "
          f"{ours['live_jobs']} unfinished job(s)")
    print(f"baseline, labelme's way (full decode on the GUI thread, nothing kept): "
          f"{ms(labelme['times'])} per switch; RSS {labelme['rss_first_mb']:.0f} → "
          f"{labelme['rss_last_mb']:.0f} MB ({base_grew:+.0f} MB)")
    print(f"ratio full image shown ÷ baseline switch (median): "
          f"{statistics.median(ours['full']) / statistics.median(labelme['times']):.2f}")
    ok = grew <= 150 and ours["alive_full_images"] <= 2
    print("memory target: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
