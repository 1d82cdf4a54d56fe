"""Benchmark (run by hand, not collected by pytest): opening a 10 000-photo case.

    python tests/bench/bench_gui_open.py [--photos 10000] [--runs 3]

Builds a case of N photo rows (inserted directly; thumbnails are hard links to a few
generated ones), then, in fresh processes, measures against a bare PySide6 QMainWindow:
- start: from process start to the window shown with the first screenful of thumbnails
  painted (the bare window: to its first paint);
- memory: resident set size after opening, and the peak after scrolling;
- stall: the longest lateness of a 10 ms QTimer probe while the browser is scrolled from top
  to bottom a page per frame (thumbnails loading as it goes), then back to the top.
Targets (issue 3): usable within 1 s, under 500 MB, no GUI-thread stall over 50 ms.
Runs offscreen (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = r"""
import sys, time
t_start = float(sys.argv[1])
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1400, 900)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(json.dumps({"shown_s": time.time() - t_start})); sys.stdout.flush()
            QTimer.singleShot(0, app.quit)
        return False
import json
f = Painted(); w.centralWidget().installEventFilter(f)
w.show(); app.exec()
"""

APP = r"""
import sys, time, json
t_start = float(sys.argv[1]); case_path = sys.argv[2]

def rss_mb(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

from annotator.gui.app import ensure_app, AppController
from PySide6.QtCore import QTimer, QElapsedTimer
app = ensure_app()
controller = AppController()
window = controller.open_case(case_path, raise_errors=True)
view, model, thumbs = window.browser.view, window.browser.model, window.browser.thumbs
result = {"rows": model.rowCount()}

def visible_rows():
    area = view.viewport().rect()
    rows, row = [], max(view.indexAt(area.center()).row() - 20, 0)
    while row < model.rowCount():
        rect = view.visualRect(model.index(row))
        if rect.top() > area.bottom():
            break
        if rect.intersects(area):
            rows.append(row)
        row += 1
    return rows

def first_screen_ready():
    rows = visible_rows()
    return len(rows) > 0 and all(thumbs.known(model._row(r).sha256) for r in rows)

probe_clock = QElapsedTimer()
lateness = []
def probe():
    elapsed = probe_clock.restart()
    lateness.append(elapsed - 10)
probe_timer = QTimer(); probe_timer.setInterval(10); probe_timer.timeout.connect(probe)

bar = view.verticalScrollBar()
direction = [1]
def scroll_step():
    if direction[0] > 0:
        bar.setValue(bar.value() + bar.pageStep())
        if bar.value() >= bar.maximum():
            direction[0] = -1
    else:
        bar.setValue(bar.value() - 4 * bar.pageStep())
        if bar.value() <= 0:
            scroller.stop(); QTimer.singleShot(300, finish)
scroller = QTimer(); scroller.setInterval(16); scroller.timeout.connect(scroll_step)

def finish():
    probe_timer.stop()
    result["stall_max_ms"] = max(lateness) if lateness else None
    result["stall_p99_ms"] = sorted(lateness)[int(len(lateness) * 0.99)] if lateness else None
    result["probe_ticks"] = len(lateness)
    result["rss_peak_mb"] = rss_mb("VmHWM")
    result["thumbs_cached"] = len(thumbs._pixmaps)
    print(json.dumps(result)); sys.stdout.flush()
    window.close(); app.quit()

def wait_first_screen():
    if first_screen_ready():
        view.viewport().repaint()  # painted with the thumbnails, now
        result["usable_s"] = time.time() - t_start
        result["rss_open_mb"] = rss_mb()
        wait_canvas()
    else:
        QTimer.singleShot(2, wait_first_screen)

def wait_canvas():
    # Scroll once the canvas holds the full-resolution photo, so the probe measures the
    # browser (the canvas's own decode is measured by the next/previous benchmark).
    item = window.canvas.photo_item
    if item is not None and getattr(item, "full", None) is not None:
        result["canvas_full_s"] = time.time() - t_start
        QTimer.singleShot(200, start_scrolling)
    else:
        QTimer.singleShot(5, wait_canvas)

def start_scrolling():
    probe_clock.start(); probe_timer.start(); scroller.start()

window.show()
QTimer.singleShot(0, wait_first_screen)
app.exec()
"""


def build_case(folder: Path, photos: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from annotator.core.case import Case
    from tests.factory import make_jpeg
    from tests.workspace_fixtures import insert_photo_rows

    thumbs = [make_jpeg(folder / "src" / f"t{i}.jpg", 256, 171, seed=i * 23) for i in range(6)]
    original = make_jpeg(folder / "src" / "original.jpg", 4000, 3000)  # 12 MP, as the rows say
    case = Case.create(folder / "case", name="bench", examiner="bench")
    insert_photo_rows(case, photos, thumbnail=thumbs)
    from sqlalchemy import select

    from annotator.core.models import Photo

    with case.reading() as s:
        shas = list(s.execute(select(Photo.sha256)).scalars())
    for sha in shas:  # every row's "original" is a hard link to one real 12 MP JPEG
        target = case.store.path_for(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.hardlink_to(original)
    case.close()
    return folder / "case"


def run(script: str, *args: str) -> dict:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    start = time.time()
    out = subprocess.run([sys.executable, "-c", script, repr(start), *args], env=env,
                         capture_output=True, text=True, timeout=300, check=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["ANNOTATOR_DATA_DIR"] = str(Path(tmp) / "data")
        t = time.perf_counter()
        case = build_case(Path(tmp), args.photos)
        print(f"built a case of {args.photos} photos in {time.perf_counter() - t:.1f} s")
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(run(BARE)["shown_s"])
            ours.append(run(APP, str(case)))
        med = statistics.median
        print(f"bare PySide6 QMainWindow shown:        {med(bare):.3f} s (median of {len(bare)})")
        print(f"annotator window + first thumbnails:   {med(o['usable_s'] for o in ours):.3f} s")
        print(f"canvas at full resolution (12 MP):     "
              f"{med(o['canvas_full_s'] for o in ours):.3f} s")
        print(f"rows in browser:                       {ours[0]['rows']}")
        rss_open = med(o["rss_open_mb"] for o in ours)
        rss_peak = med(o["rss_peak_mb"] for o in ours)
        print(f"memory after open (RSS):               {rss_open:.0f} MB")
        print(f"peak memory after scrolling (VmHWM):   {rss_peak:.0f} MB")
        print(f"longest GUI stall while scrolling:     "
              f"{max(o['stall_max_ms'] for o in ours):.0f} ms (p99 "
              f"{med(o['stall_p99_ms'] for o in ours):.0f} ms, "
              f"{ours[0]['probe_ticks']} probe ticks)")
        print(json.dumps({"bare": bare, "annotator": ours}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
