"""OCR benchmark: top-1 accuracy and time per box on registrations rendered onto
fuselage-like pictures (two fonts, skew up to ±15°, text from 20 px, light blur, JPEG 60)
and on the demo case's photos.

    python -m tests.bench.bench_ocr [N]        # N rendered marks (default 200)

Then N/5 of the hardest kind (every distortion at once), then the demo photos read from
their files (decoding included, the rotated phone photo among them).

Prints accuracy overall and by font, height, skew and blur, the failures, the time per box
(median, 90th percentile, worst) and the engine's first load; README quotes the figures.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from annotator.core.demo.photos import DEMO_PHOTOS, REGISTRATION, write_demo_photos
from annotator.core.ocr import load_engine, read_file, read_registration
from annotator.core.startup import configure_libraries
from tests.fixtures.ocr_marks import render_mark


def _bucket(sample) -> dict[str, str]:  # type: ignore[no-untyped-def]
    skew = abs(sample.angle)
    return {"font": sample.font, "height": f"{sample.height:>2} px",
            "skew": "0-5°" if skew < 5 else "5-10°" if skew < 10 else "10-15°",
            "blur": f"blur {sample.blur}"}


def _hard(n: int) -> None:
    """Every distortion at once: 20 px text, skewed 15° either way, blur 1.0, JPEG 60."""
    hits, times = 0, []
    for seed in range(n):
        sample = render_mark(10_000 + seed, height=20, angle=15.0 if seed % 2 else -15.0,
                             blur=1.0)
        result = read_registration(sample.image(), sample.box)
        times.append(result.seconds)
        hits += result.best is not None and result.best.registration == sample.registration
    print(f"hardest (20 px, ±15°, blur 1.0, JPEG 60): top-1 {hits}/{n} = "
          f"{100 * hits / n:.1f} %, median {statistics.median(times):.3f} s per box")


def main(n: int = 200) -> int:
    configure_libraries()
    t0 = time.perf_counter()
    load_engine()
    warm = render_mark(99_999)
    read_registration(warm.image(), warm.box)  # RapidOCR loads each model at its first use
    print(f"engine loaded and first box read in {time.perf_counter() - t0:.2f} s "
          "(what the first Read registration of a session costs)")
    times, cpu, failures = [], [], []
    buckets: dict[str, list[bool]] = defaultdict(list)
    load = os.getloadavg()[0]
    for seed in range(n):
        sample = render_mark(seed)
        started = time.process_time()
        result = read_registration(sample.image(), sample.box)
        cpu.append(time.process_time() - started)
        times.append(result.seconds)
        ok = result.best is not None and result.best.registration == sample.registration
        for key in _bucket(sample).values():
            buckets[key].append(ok)
        if not ok:
            failures.append((seed, sample.registration, result.best.registration
                             if result.best else None, sample.height, round(sample.angle, 1),
                             sample.blur, sample.font))
    hits = n - len(failures)
    print(f"rendered marks: top-1 {hits}/{n} = {100 * hits / n:.1f} %")
    for key in sorted(buckets):
        v = buckets[key]
        print(f"  {key:<22} {sum(v):>4}/{len(v):<4} {100 * sum(v) / len(v):5.1f} %")
    for f in failures:
        seed, want, got, height, skew, blur, font = f
        print(f"  miss seed={seed} want {want} got {got} (h {height}, skew {skew}, "
              f"blur {blur}, {font})")
    times.sort()
    print(f"time per box: median {statistics.median(times):.3f} s, "
          f"p90 {times[int(0.9 * (len(times) - 1))]:.3f} s, worst {times[-1]:.3f} s "
          f"(CPU median {statistics.median(cpu):.3f} s over up to 2 threads; load average "
          f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)")
    _hard(max(10, n // 5))
    demo_ok, demo_times, demo_cpu = 0, [], []
    with tempfile.TemporaryDirectory() as folder:
        paths = write_demo_photos(Path(folder))
        for photo, path in zip(DEMO_PHOTOS, paths, strict=True):
            started, cpu_started = time.perf_counter(), time.process_time()
            result = read_file(path, photo.aircraft_box())  # decoded too, as app and CLI do
            demo_times.append(time.perf_counter() - started)
            demo_cpu.append(time.process_time() - cpu_started)
            got = result.best.registration if result.best else None
            demo_ok += got == REGISTRATION
            if got != REGISTRATION:
                print(f"  demo miss {photo.name}: got {got}")
    print(f"demo photos (files, the whole aircraft boxed): {demo_ok}/{len(DEMO_PHOTOS)}, "
          f"median {statistics.median(demo_times):.3f} s, worst {max(demo_times):.3f} s per box "
          f"(CPU median {statistics.median(demo_cpu):.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
