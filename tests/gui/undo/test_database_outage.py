"""The GUI never waits on the database server (issue 13): with the team's PostgreSQL cut off,
the window stays responsive, edits stay pending in the history, and once the server is back
they reach it in the order they were made.

No mocked exception here: the app reaches a real PostgreSQL server through a TCP proxy in
the test, and the test cuts the proxy — every connection closed, then new ones refused, or
taken and never answered (a blackhole, where only the app's own timeouts end the wait). The
app runs as shipped: real thread pools, the real writer thread.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from sqlalchemy import select
from sqlalchemy.engine import make_url

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.core.models import AuditEvent
from annotator.gui.undo.pending import pending_suffix
from tests.fixtures.boxes import add_jpeg
from tests.fixtures.canvas import drag, vp
from tests.fixtures.tcp_proxy import BLACKHOLE, REFUSE, TcpProxy

pytestmark = pytest.mark.postgres

MAX_STALL_S = 0.100  # the contract: no stall of the GUI thread over 100 ms
TICK_MS = 10


def _waited_for_a_cpu_s() -> float:
    """How long this thread has been ready to run but not given a CPU (Linux schedstat:
    on-CPU ns, run-queue wait ns, time slices); 0 where the kernel does not say."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class StallMeter:
    """A timer ticking every 10 ms on the GUI thread; the longest gap between two ticks is
    the longest time the GUI thread could not answer (handling an event, waiting on
    anything). `phase` names what the test was doing, and a watchdog thread notes where the
    GUI thread was during the longest stall, so a failure says where and why.

    On a loaded machine (CI, a shared box) the GUI thread also waits for a CPU, which no
    code of ours can avoid: the kernel counts that wait (`_waited_for_a_cpu_s`), and the
    contract is checked on the gap less that wait (`worst`: the time the app itself kept the
    GUI thread busy or blocked); `worst_wall` is the raw gap."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.phase = ""
        self.worst = 0.0
        self.worst_wall = 0.0
        self.worst_phase = ""
        self._cpu_wait = 0.0
        self.worst_stack = ""
        self._last = 0.0
        self._stack = ""  # the GUI thread's stack seen during the stall in progress
        self._gui = threading.get_ident()
        self._watching = threading.Event()

    def start(self, phase: str) -> None:
        self.phase = phase
        self._last = time.perf_counter()
        self._cpu_wait = _waited_for_a_cpu_s()
        self.timer.start()
        self._watching = threading.Event()
        self._watching.set()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        watching = self._watching
        while watching.is_set():
            time.sleep(0.02)
            if time.perf_counter() - self._last > MAX_STALL_S / 2 and not self._stack:
                frame = sys._current_frames().get(self._gui)
                self._stack = "".join(traceback.format_stack(frame)[-12:]) if frame else "?"

    def _tick(self) -> None:
        now, cpu_wait = time.perf_counter(), _waited_for_a_cpu_s()
        wall, self._last = now - self._last, now
        gap = wall - (cpu_wait - self._cpu_wait)
        self._cpu_wait = cpu_wait
        self.worst_wall = max(self.worst_wall, wall)
        if gap > self.worst:
            self.worst, self.worst_phase, self.worst_stack = gap, self.phase, self._stack
        self._stack = ""

    def stop(self) -> None:
        self._tick()
        self.timer.stop()
        self._watching.clear()

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """The test itself works on the GUI thread (reads the server past the proxy): not
        counted."""
        self._tick()
        self.timer.stop()
        self._watching.clear()
        try:
            yield
        finally:
            self.start(self.phase)


@pytest.fixture
def team_case(pg_url: str, tmp_path: Path):
    """A team case reached through a proxy (its case.json names the proxy), three photos,
    one box; and a second folder naming the server itself, to read back past the proxy."""
    proxy = TcpProxy()
    url = make_url(pg_url)
    proxy.target = (url.host or "127.0.0.1", url.port or 5432)
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)
    case = Case.create(tmp_path / "case", db_url=through_proxy, examiner="test-examiner")
    photos = [add_jpeg(case, tmp_path / "in", f"p{i}.jpg", 640, 480, seed=10 + 30 * i)
              for i in range(3)]
    box = boxes.create_box(case, photos[0], BoxValues(x=100, y=100, w=120, h=90))
    case.close()
    direct = tmp_path / "direct"
    direct.mkdir()
    (direct / "case.json").write_text(json.dumps({"format": 1, "db": pg_url}))
    yield proxy, tmp_path / "case", direct, photos, box
    proxy.close()


def _history(session) -> list[str]:  # type: ignore[no-untyped-def]
    stack = session.undo_stack
    return [stack.text(i) for i in range(stack.count())]


@pytest.mark.parametrize("cut", [REFUSE, BLACKHOLE])
def test_with_the_server_cut_off_the_window_answers_and_edits_wait_then_save_in_order(
        qtbot, team_case, cut, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.app import AppController

    # A failing test closes the window with edits still pending: no question then.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    proxy, root, direct, photos, box = team_case
    controller = AppController(import_jobs=1)  # the app's own pools and writer thread
    window = controller.open_case(root)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    session, canvas = window.session, window.canvas
    said: list[str] = []
    session.status_message.connect(said.append)
    assert session.pending._thread is not None  # the real writer, not the tests' inline one
    qtbot.waitUntil(lambda: canvas.photo_id == photos[0] and box.id in canvas.items_by_id,
                    timeout=15000)
    # Opening starts background work of its own (the reference data preloaded, pictures
    # decoded): CPU-bound Python in workers, which slows the GUI thread whatever the server
    # does. Measured once the window has settled.
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0,
                    timeout=30000)
    window.activateWindow()
    canvas.setFocus()
    meter = StallMeter()
    meter.start("cutting the server off")
    try:
        proxy.cut(cut)

        meter.phase = "selecting and nudging a box"
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                         pos=vp(canvas, 160, 145))
        assert canvas.selected_box_ids() == [box.id]
        for _ in range(3):
            qtbot.keyClick(canvas, Qt.Key.Key_Right)
        assert canvas.items_by_id[box.id].rect().x() == 103  # shown where it goes, at once

        meter.phase = "drawing a box"
        qtbot.keyClick(canvas, Qt.Key.Key_W)
        drag(qtbot, canvas, vp(canvas, 300, 300), vp(canvas, 400, 380))

        meter.phase = "waiting for the saves to fail"
        qtbot.waitUntil(lambda: len(session.pending) == 2 and _history(session) == [
            "Nudge box" + pending_suffix(), "Draw box" + pending_suffix()], timeout=20000)
        assert "The database is unreachable: 2 edit(s) pending, not yet saved; retrying" in said
        assert len(canvas.unsaved_drawn) == 1  # the drawn box shows, dashed, while it waits

        meter.phase = "switching photos (D, D, A)"
        for key in (Qt.Key.Key_D, Qt.Key.Key_D, Qt.Key.Key_A):
            qtbot.keyClick(canvas, key)
            qtbot.wait(150)
        assert session.current_photo_id == photos[1]
        meter.phase = "waiting while the server is away"
        qtbot.wait(2000)
        assert len(session.pending) == 2  # still waiting, never shown as saved
        with meter.paused(), Case.open(direct) as server:  # past the proxy: nothing arrived
            with server.reading() as s:
                stored = boxes.list_boxes(s, photos[0])
            assert [(b.values.x, b.values.y) for b in stored] == [(100, 100)]

        meter.phase = "the server back: the writer retries"
        proxy.restore()
        qtbot.waitUntil(lambda: "All edits saved" in said, timeout=45000)
        assert len(session.pending) == 0 and session.pending.idle()
        assert _history(session) == ["Nudge box", "Draw box"]
        meter.phase = "showing the photo again"
        qtbot.keyClick(canvas, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: canvas.photo_id == photos[0] and len(canvas.items_by_id) == 2,
                        timeout=15000)
        assert canvas.unsaved_drawn == []  # read back: a box like any other
    finally:
        meter.stop()

    with Case.open(direct) as server:
        with server.reading() as s:
            stored = boxes.list_boxes(s, photos[0])
            events = [(e.action, e.object_id) for e in s.execute(
                select(AuditEvent).order_by(AuditEvent.id)).scalars()
                if e.action.startswith("box.")]
    moved, drawn = sorted(stored, key=lambda b: b.id)
    assert moved.id == box.id and (moved.values.x, moved.values.y) == (103, 100)
    assert drawn.values.w == pytest.approx(100, abs=2) and drawn.values.h == pytest.approx(
        80, abs=2)
    # In the order they were made: the nudge's save, then the drawing's.
    assert events[-2:] == [("box.update", str(box.id)), ("box.create", str(drawn.id))]
    print(f"\n[{cut}] longest GUI stall {meter.worst * 1000:.0f} ms ({meter.worst_phase}); "
          f"{meter.worst_wall * 1000:.0f} ms with the waits for a CPU\n{meter.worst_stack}")
    assert meter.worst < MAX_STALL_S, (
        f"the GUI thread stalled {meter.worst * 1000:.0f} ms while {meter.worst_phase}, "
        f"in:\n{meter.worst_stack}")
    window.close()
