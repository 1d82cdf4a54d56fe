"""Next/previous photo on 12-megapixel JPEGs: run by hand, never collected by pytest.

    python tests/bench/bench_switch.py [--photos 6] [--rounds 3]

For each switch it measures, with the real thread pool:
- the GUI thread's own time for the switch (`select_photo` returning);
- the time until the sharp preview (the reduced decode that follows the 256 px thumbnail)
  is on screen, and until the full-resolution image is;
- the longest GUI-thread stall during the switches (a 10 ms QTimer probe: how late it fires).
Baseline in the same run: decoding the same file fully on the GUI thread, as labelme does
(Pillow decode + QImage conversion). Targets (issue 3): preview within 100 ms, no stall over
50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ANNOTATOR_CONFIG_DIR", tempfile.mkdtemp(prefix="bench-cfg-"))
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def make_photos(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    from tests.factory import scene

    folder.mkdir(parents=True, exist_ok=True)
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    paths = []
    for i in range(count):
        path = folder / f"p{i:02d}.jpg"
        Image.blend(scene(4000, 3000, seed=i * 30), noise, 0.3).save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def baseline_sync_decode(path: Path) -> float:
    """labelme's way: decode the whole photo on the GUI thread."""
    from PIL import Image
    from PySide6.QtGui import QImage

    start = time.perf_counter()
    with Image.open(path) as im:
        rgb = im.convert("RGB")
    QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from annotator.core.case import Case
    from annotator.core.ingest import import_paths
    from annotator.gui.canvas import PhotoCanvas
    from annotator.gui.session import CaseSession

    tmp = Path(tempfile.mkdtemp(prefix="bench-switch-"))
    paths = make_photos(tmp / "in", args.photos)
    case = Case.create(tmp / "case", examiner="bench")
    report = import_paths(case, paths, jobs=2)
    ids = [item.photo_id for item in report.imported]
    session = CaseSession(case, pool=QThreadPool())
    canvas = PhotoCanvas(session)
    canvas.resize(1400, 900)
    canvas.show()

    stalls: list[float] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(probe)

    gui, preview, full = [], [], []
    timer.start()
    for _ in range(args.rounds):
        for pid in ids:
            t0 = time.perf_counter()
            session.select_photo(pid)
            gui.append(time.perf_counter() - t0)
            item = canvas.photo_item
            marks: dict[str, float] = {}
            loop = QEventLoop()

            def poll(item=item, marks=marks, t0=t0, loop=loop) -> None:
                now = time.perf_counter() - t0
                # The 256 px case thumbnail comes first; "sharp" is the reduced decode after it.
                sharp = item.preview is not None and item.preview.width() > 256
                if sharp and "preview" not in marks:
                    marks["preview"] = now
                if item.full is not None and "full" not in marks:
                    marks["full"] = now
                if "full" in marks:
                    loop.quit()
                else:
                    QTimer.singleShot(2, poll)

            QTimer.singleShot(0, poll)
            loop.exec()
            preview.append(marks.get("preview", marks["full"]))
            full.append(marks["full"])
    timer.stop()
    sync = [baseline_sync_decode(p) for p in paths]
    session.close()
    del app

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.0f} ms, "
                f"max {max(values) * 1000:.0f} ms")

    print(f"{len(gui)} switches between {len(ids)} photos of 4000×3000 (12 MP)")
    print(f"GUI-thread time per switch : {ms(gui)}")
    print(f"sharp preview shown        : {ms(preview)}   (target ≤ 100 ms)")
    print(f"full resolution shown      : {ms(full)}")
    print(f"longest GUI-thread stall   : {max(stalls) * 1000:.0f} ms   (target ≤ 50 ms)")
    print(f"baseline, full decode on the GUI thread (labelme's way): {ms(sync)}")
    print(f"ratio preview ÷ baseline (median): "
          f"{statistics.median(preview) / statistics.median(sync):.2f}")


if __name__ == "__main__":
    main()
