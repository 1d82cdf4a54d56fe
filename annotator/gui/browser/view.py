"""The photo browser: a list model over the case database, its filter bar, and the view.

The model holds the ordered ids of the photos that pass the filter and fetches row data a
page at a time when the view first asks for a row, so a 10 000-photo case opens as fast as
a 10-photo one. Thumbnails come from `ThumbnailCache` (worker threads) with a placeholder
until they arrive. Selecting a row selects the photo in the session; the main window's
next/previous actions move through this same order (`neighbour`).

Every read of the database runs in a worker (`session.reads`): the filter's ids, the pages
of rows (a row not read yet shows empty until its page lands), a photo's row read again
after an edit (the old one stays on screen meanwhile). So scrolling and moving through the
photos never wait on the database server, even when it cannot be reached.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPixmap,
    QRegularExpressionValidator,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.case import load_settings
from annotator.core.photo_list import (
    NO_VERDICT,
    SORT_CAPTURE,
    SORT_IMPORT,
    CopyBadge,
    PhotoFilter,
    PhotoRow,
    flight_link_table,
    photo_copies,
    photo_filters,
    photo_ids,
    photo_rows,
)
from annotator.gui.background.workers import ImmediatePool, JobRunner, LatestOnly
from annotator.gui.browser.badges import COPIES_ROLE, CopyBadgeDelegate
from annotator.gui.browser.thumbnails import ThumbnailCache
from annotator.gui.i18n import integer, local_display, show_instant
from annotator.gui.session import CaseSession

PAGE = 100
# The first read of the copies waits this long after the browser opens: in a process that
# has not read the case's hashes yet it parses every photo's (seconds for 10 000 photos),
# and the first screenful of thumbnails comes first.
COPIES_DELAY_MS = 1500
# …and waits until the list has been still this long: the badges are decoration, and a
# worker reading the case's hashes while the list scrolls costs frames (every Python call
# Qt makes while painting a row waits its turn for the interpreter lock).
SCROLL_QUIET_MS = 800
RETRY_PAGE_S = 5.0  # a page that could not be read is not asked again sooner
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_SIZE = QSize(128, 96)


def thumbnail_size() -> QSize:
    """The browser's thumbnail size: Settings' `thumbnail_size` (long side, 64–256 px)."""
    try:
        side = int(load_settings().get("thumbnail_size") or THUMB_SIZE.width())
    except (TypeError, ValueError):
        side = THUMB_SIZE.width()
    side = min(max(side, 64), 256)
    return QSize(side, side * 3 // 4)


def _placeholder(size: QSize, text: str = "") -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(QColor(225, 225, 225))
    if text:
        painter = QPainter(pixmap)
        painter.setPen(QColor(120, 120, 120))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
    return pixmap


class PhotoListModel(QAbstractListModel):
    """The photos that pass the filter, in order; row data loaded in pages on demand."""

    count_changed = Signal(int, int)  # shown, total in case

    def __init__(self, session: CaseSession, thumbs: ThumbnailCache, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self.thumbs = thumbs
        self.filter = PhotoFilter()
        self.total = 0
        self._local_times = local_display()
        self._ids: list[int] = []
        self._index_of: dict[int, int] = {}
        self._rows: dict[int, PhotoRow] = {}
        self._row_of_sha: dict[str, int] = {}
        self._copies: dict[int, CopyBadge] = {}
        self._reads = LatestOnly(session.reads)
        self._pages_loading: set[int] = set()  # first rows of pages being read
        self._pages_failed: dict[int, float] = {}  # first row → when its read failed
        self._fetching_inline = False  # a test's pool runs the read inside `data()`
        # Every row's size, whether its data has been read yet or not: the list measures one
        # row only (uniform sizes), and a row still being read must not make every row small.
        self.row_hint = QSize()
        self._loading_placeholder = _placeholder(thumbs.size)
        self._missing_placeholder = _placeholder(thumbs.size, self.tr("no thumbnail"))
        thumbs.ready.connect(self._thumbnails_ready)

    # -- loading -----------------------------------------------------------------------

    def set_filter(self, flt: PhotoFilter, then: Callable[[], None] | None = None) -> None:
        self.filter = flt
        self.reload(then)

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Re-run the filter query (after an import, a filter change, or a change of the
        "Show times in" setting) in a worker; the rows change when it is done, then
        `then()` is called."""
        self._local_times = local_display()
        case, flt = self.session.case, self.filter

        def read() -> tuple[list[int], int]:
            return photo_ids(case, flt)

        def done(result: tuple[list[int], int]) -> None:
            self._reset(*result)
            if then is not None:
                then()

        self._reads.load(read, done)

    def _reset(self, ids: list[int], total: int) -> None:
        self.beginResetModel()
        self._ids = ids
        self._index_of = {pid: i for i, pid in enumerate(ids)}
        self._rows.clear()
        self._row_of_sha.clear()
        self._pages_loading.clear()
        self._pages_failed.clear()
        self.total = total
        self.endResetModel()
        self.count_changed.emit(len(ids), total)

    def show_times_as_set(self) -> None:
        """Follow a changed "Show times in" setting (UTC or local) without losing the
        selection: every row is drawn again."""
        self._local_times = local_display()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def refresh_photo(self, photo_id: int) -> None:
        """Read one photo's row again (its registrations and verdict), in a worker; the
        row shows what it showed until the new one lands."""
        if photo_id not in self._index_of:
            return
        if photo_id not in self._rows:
            return  # not read yet: it will be read as it is when the view asks for it
        case = self.session.case
        self.session.reads.submit(lambda _job: photo_rows(case, [photo_id]), self._rows_read,
                                  lambda _text: None)

    def set_copies(self, copies: dict[int, CopyBadge]) -> None:
        """The photos that have copies in the case (read by a worker): badges repainted."""
        self._copies = copies
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [COPIES_ROLE])

    def copies_of(self, photo_id: int | None) -> CopyBadge | None:
        return None if photo_id is None else self._copies.get(photo_id)

    def _row(self, row: int) -> PhotoRow | None:
        """The row's data if read; else its page is asked of a worker, and None for now."""
        photo_id = self._ids[row]
        cached = self._rows.get(photo_id)
        if cached is not None:
            return cached
        start = row - row % PAGE
        failed = self._pages_failed.get(start)
        if start in self._pages_loading or (
                failed is not None and time.monotonic() - failed < RETRY_PAGE_S):
            return None
        page = [pid for pid in self._ids[start:start + PAGE] if pid not in self._rows]
        case, ids = self.session.case, self._ids
        self._pages_loading.add(start)

        def loaded(rows: dict[int, PhotoRow]) -> None:
            if ids is self._ids:  # not a page of the rows before a reload
                self._pages_loading.discard(start)
                self._rows_read(rows)

        def failed_read(_text: str) -> None:
            if ids is self._ids:
                self._pages_loading.discard(start)
                self._pages_failed[start] = time.monotonic()

        self._fetching_inline = True
        try:
            self.session.reads.submit(lambda _job: photo_rows(case, page), loaded, failed_read)
        finally:
            self._fetching_inline = False
        return self._rows.get(photo_id)

    def _rows_read(self, rows: dict[int, PhotoRow]) -> None:
        rows = {pid: data for pid, data in rows.items() if pid in self._index_of}
        if not rows:
            return
        self._rows.update(rows)
        for pid, data in rows.items():
            self._row_of_sha[data.sha256] = self._index_of[pid]
        if not self._fetching_inline:
            numbers = [self._index_of[pid] for pid in rows]
            self.dataChanged.emit(self.index(min(numbers)), self.index(max(numbers)))

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == PHOTO_ID_ROLE:
            return self._ids[index.row()]
        if role == COPIES_ROLE:
            return self._copies.get(self._ids[index.row()])
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.row_hint if self.row_hint.isValid() else None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.capture_utc is not None:  # `10:40 UTC`, or `11:40 +01:00` (Settings)
                when = show_instant(row.capture_utc, seconds=False, local=self._local_times)
            elif row.capture_local:
                when = self.tr("{0} camera clock").format(
                    row.capture_local.replace("T", " ")[:16])
            else:
                when = self.tr("no capture date")
            lines = [row.name, when]
            if row.registrations:
                lines.append(", ".join(row.registrations))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            if not row.has_thumbnail:
                return self._missing_placeholder
            pixmap = self.thumbs.get(row.sha256)
            if pixmap is None:
                known = self.thumbs.known(row.sha256)
                return self._missing_placeholder if known else self._loading_placeholder
            return pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            verdict = row.verdict or self.tr("not assessed")
            return self.tr("{name}\nSHA-256 {sha}\ncapture date: {verdict}").format(
                name=row.name, sha=row.sha256[:16] + "…", verdict=verdict)
        return None

    def _thumbnails_ready(self, shas: list[str]) -> None:
        rows = [self._row_of_sha[s] for s in shas if s in self._row_of_sha]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)),
                                  [Qt.ItemDataRole.DecorationRole])

    # -- order -------------------------------------------------------------------------

    def photo_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, photo_id: int | None) -> int | None:
        return None if photo_id is None else self._index_of.get(photo_id)

    def neighbour(self, photo_id: int | None, step: int) -> int | None:
        """The photo `step` places away from `photo_id` in this order, or None at an end."""
        row = self.row_of(photo_id)
        return None if row is None else self.photo_id_at(row + step)


class PhotoListView(QListView):
    """The browser's list. Every row has the same size (`setUniformItemSizes`), so a change
    of a row's data (a thumbnail arriving, a verdict refreshed) only repaints that row.

    QListView's own `dataChanged` lays out the whole list again, asking the model for every
    row's index (a Python `rowCount` per row): 10 000 of them each time a batch of
    thumbnails arrives, which stalled scrolling for 100–180 ms. Rows cannot change size
    here, so the item view's plain repaint is all that is needed.
    """

    def dataChanged(self, top_left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                    bottom_right: QModelIndex | QPersistentModelIndex,
                    roles: list[int] | None = None) -> None:
        QAbstractItemView.dataChanged(self, top_left, bottom_right, roles or [])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Rows as wide as the list (no sideways scrolling for a few pixels of text)."""
        super().resizeEvent(event)
        model = self.model()
        if isinstance(model, PhotoListModel) and model.row_hint.isValid():
            width = max(self.iconSize().width() + 40,
                        self.viewport().width() - 2 * self.spacing() - 2)
            if width != model.row_hint.width():
                model.row_hint = QSize(width, model.row_hint.height())
                self.scheduleDelayedItemsLayout()


class FilterBar(QWidget):
    """Registration, label, capture date, verdict and (once flights exist) flight filters."""

    changed = Signal(object)  # PhotoFilter

    def __init__(self, with_flights: bool, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.registration = QLineEdit(placeholderText=self.tr("Registration"))
        self.registration.setClearButtonEnabled(True)
        self.label = QComboBox()
        self.date = QLineEdit(placeholderText=self.tr("Date YYYY-MM-DD"))
        self.date.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"), self))
        self.date.setClearButtonEnabled(True)
        self.verdict = QComboBox()
        self.flight = QLineEdit(placeholderText=self.tr("Flight id or callsign"))
        self.flight.setClearButtonEnabled(True)
        self.flight.setVisible(with_flights)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Sort by capture time"), SORT_CAPTURE)
        self.sort.addItem(self.tr("Sort by import order"), SORT_IMPORT)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.registration, 0, 0)
        grid.addWidget(self.label, 0, 1)
        grid.addWidget(self.date, 1, 0)
        grid.addWidget(self.verdict, 1, 1)
        if with_flights:
            grid.addWidget(self.flight, 2, 0, 1, 2)
        grid.addWidget(self.sort, 3, 0, 1, 2)
        self.set_choices([], [])
        for edit in (self.registration, self.date, self.flight):
            edit.textChanged.connect(self._emit)
        for combo in (self.label, self.verdict, self.sort):
            combo.currentIndexChanged.connect(self._emit)

    def set_choices(self, labels: list[str], verdicts: list[str]) -> None:
        """Fill the label and verdict lists, keeping the current choice where it still exists."""
        for combo, any_text, values in (
            (self.label, self.tr("Any label"), labels),
            (self.verdict, self.tr("Any date verdict"), [NO_VERDICT, *verdicts]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, "")
            for value in values:
                shown = self.tr("no verdict yet") if value == NO_VERDICT else value
                combo.addItem(shown, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def current(self) -> PhotoFilter:
        day: date | None = None
        try:
            day = date.fromisoformat(self.date.text()) if len(self.date.text()) == 10 else None
        except ValueError:
            day = None
        return PhotoFilter(
            registration=self.registration.text(),
            label=self.label.currentData() or "",
            capture_date=day,
            verdict=self.verdict.currentData() or "",
            flight=self.flight.text() if self.flight.isVisible() else "",
            sort=self.sort.currentData() or SORT_CAPTURE,
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())


class PhotoBrowser(QWidget):
    """Filter bar over a thumbnail list. Selecting a photo selects it in the session."""

    def __init__(self, session: CaseSession, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.session = session
        self._thumb_pool: QThreadPool | None = None
        self._first_pending = False
        size = thumbnail_size()
        self.thumbs = ThumbnailCache(session.case.thumb_path, self._thumbnail_jobs(),
                                     size, parent=self)
        self.model = PhotoListModel(session, self.thumbs, self)
        self.filters = FilterBar(flight_link_table() is not None)
        self._choices_read = LatestOnly(session.reads)
        self.view = PhotoListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CopyBadgeDelegate(self.view))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setIconSize(size)
        self.view.setUniformItemSizes(True)  # no per-row size queries: 10 000 rows stay cheap
        lines = self.view.fontMetrics()
        self.model.row_hint = QSize(
            size.width() + lines.horizontalAdvance("bamako-2023-10-27-0941.jpg") + 16,
            max(size.height(), 3 * lines.lineSpacing()) + 6)  # name, time, registrations
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSpacing(2)
        self.view.setWordWrap(False)
        self.count_label = QLabel()
        # "Show copies": the list narrowed to one picture's copies until "Show all photos"
        self._copies_shown: tuple[int, ...] = ()
        self._copies_asked = 0  # the latest request for the badges (older answers dropped)
        self.copies_bar = QWidget()
        self.copies_label = QLabel()
        self.copies_label.setWordWrap(True)
        self.show_all_button = QPushButton(self.tr("Show all photos"))
        bar = QHBoxLayout(self.copies_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.copies_label, 1)
        bar.addWidget(self.show_all_button)
        self.copies_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.copies_bar)
        layout.addWidget(self.view, 1)

        self.filters.changed.connect(self._filters_edited)
        self.show_all_button.clicked.connect(self.show_all)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._last_scroll = 0.0  # time.monotonic() of the list's last scroll
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.model.count_changed.connect(self._show_count)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.photo_selected.connect(self._photo_selected)
        session.photos_changed.connect(self.reload)
        session.boxes_changed.connect(self._boxes_changed)
        session.photo_changed.connect(self.model.refresh_photo)
        self.reload()

    def _thumbnail_jobs(self) -> JobRunner:
        """Thumbnails get a thread of their own: behind a 12-megapixel decode on the shared
        pool they would wait half a second; a test's ImmediatePool is kept as it is."""
        if isinstance(self.session.jobs.pool, ImmediatePool):
            return self.session.jobs
        self._thumb_pool = QThreadPool(self)
        self._thumb_pool.setMaxThreadCount(1)
        return JobRunner(self._thumb_pool, self)

    def shutdown(self) -> None:
        """Let a thumbnail read in progress finish before the case closes."""
        if self._thumb_pool is not None:
            self._thumb_pool.clear()
            self._thumb_pool.waitForDone(2000)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Wide enough for a thumbnail beside the name, date and registration.
        return QSize(340, 600)

    def reload(self) -> None:
        """Re-read choices and rows (in workers), keeping the selected photo selected if it
        still shows."""
        case = self.session.case
        self._choices_read.load(lambda: photo_filters(case), self._choices_loaded)

    def _choices_loaded(self, choices: tuple[list[str], list[str]]) -> None:
        labels, verdicts = choices
        self.filters.blockSignals(True)
        self.filters.set_choices(labels, verdicts)
        self.filters.blockSignals(False)
        self._apply_filter(self.filters.current())
        if self._copies_asked:
            self._load_copies_when_still()
        else:
            self._copies_asked = 1  # (the first answer is the one asked below)
            QTimer.singleShot(COPIES_DELAY_MS, self._load_copies_when_still)

    def _scrolled(self, _value: int) -> None:
        self._last_scroll = time.monotonic()

    def _load_copies_when_still(self) -> None:
        """`_load_copies` once the list has not scrolled for SCROLL_QUIET_MS."""
        still_ms = (time.monotonic() - self._last_scroll) * 1000
        if still_ms < SCROLL_QUIET_MS:
            QTimer.singleShot(int(SCROLL_QUIET_MS - still_ms) + 1, self._load_copies_when_still)
            return
        self._load_copies()

    def _load_copies(self) -> None:
        """Read which photos have copies, in a worker (the first read in a process reads
        every photo's hashes); the badges appear when it answers."""
        self._copies_asked += 1
        asked, case = self._copies_asked, self.session.case

        def done(copies: dict[int, CopyBadge]) -> None:
            if asked == self._copies_asked:
                self.model.set_copies(copies)

        self.session.jobs.submit(lambda _job: photo_copies(case), on_result=done)

    # -- copies of one picture ---------------------------------------------------------

    def context_menu(self, photo_id: int) -> QMenu:
        """The menu a right-click on `photo_id`'s row opens."""
        menu = QMenu(self)
        badge = self.model.copies_of(photo_id)
        show = menu.addAction(self.tr("Show copies ({n})").format(n=len(badge.group))
                              if badge else self.tr("Show copies"))
        show.setEnabled(badge is not None)
        show.triggered.connect(lambda: self.show_copies(photo_id))
        if badge is not None and not badge.best:
            best = menu.addAction(self.tr("Go to the best copy"))
            best.triggered.connect(lambda: self.session.select_photo(badge.best_id))
        return menu

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        photo_id = self.model.photo_id_at(self.view.indexAt(pos).row())
        if photo_id is not None:
            self.context_menu(photo_id).exec(self.view.viewport().mapToGlobal(pos))

    def show_copies(self, photo_id: int) -> None:
        """Narrow the list to the copies of `photo_id`'s picture (whatever the filters)."""
        badge = self.model.copies_of(photo_id)
        if badge is None:
            return
        self._copies_shown = badge.group
        self.copies_label.setText(self.tr(
            "Copies of one picture: {n} photos. ★ marks the best copy available.").format(
                n=len(badge.group)))
        self.copies_bar.show()
        self._apply_filter(self.filters.current())

    def show_all(self) -> None:
        """Back from "Show copies" to the filtered list."""
        self._copies_shown = ()
        self.copies_bar.hide()
        self._apply_filter(self.filters.current())

    def _filters_edited(self, flt: PhotoFilter) -> None:
        if self._copies_shown:
            self._copies_shown = ()
            self.copies_bar.hide()
        self._apply_filter(flt)

    def _apply_filter(self, flt: PhotoFilter) -> None:
        if self._copies_shown:
            flt = PhotoFilter(sort=flt.sort, only=self._copies_shown)
        current = self.session.current_photo_id
        offset = self._offset_in_view(current)
        self.model.set_filter(flt, lambda: self._filtered(current, offset))

    def _filtered(self, current: int | None, offset: int | None) -> None:
        """The rows for the filter have landed: keep the selected photo where it was."""
        current = self.session.current_photo_id  # the user may have moved on meanwhile
        row = self.model.row_of(current)
        if row is not None:
            self._select_row(row, keep_offset=offset)
        elif self.model.rowCount() and current is None:
            self._select_first_soon()

    def _offset_in_view(self, photo_id: int | None) -> int | None:
        """How far below the top of the list's viewport `photo_id`'s row is drawn now, or
        None when it is not on screen."""
        row = self.model.row_of(photo_id)
        if row is None:
            return None
        rect = self.view.visualRect(self.model.index(row))
        return rect.top() if rect.intersects(self.view.viewport().rect()) else None

    def _select_first_soon(self) -> None:
        """Select the first photo once the first thumbnails are in (or after 300 ms).

        Selecting it starts the canvas's decode of a full-size photo; started before the
        window is on screen, it would compete with the thumbnails for the CPU and make the
        browser appear late. Shown first, the browser is usable at once.
        """
        if self._first_pending:
            return
        self._first_pending = True
        self.thumbs.ready.connect(self._first_thumbnails_in,
                                  Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(300, self._select_first)

    def _first_thumbnails_in(self, _shas: list[str]) -> None:
        QTimer.singleShot(0, self._select_first)  # after they are painted

    def _select_first(self, *_args: object) -> None:
        if not self._first_pending:
            return
        self._first_pending = False
        if self.session.current_photo_id is None and self.model.rowCount():
            self._select_row(0)

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count_label.setText(self.tr("1 photo") if total == 1
                                     else self.tr("{n} photos").format(n=integer(total)))
        else:
            self.count_label.setText(self.tr("{shown} of {total} photos").format(
                shown=integer(shown), total=integer(total)))

    def _select_row(self, row: int, keep_offset: int | None = None) -> None:
        """Select `row` and bring it into view; with `keep_offset`, at that distance from the
        top of the viewport (a re-sorted list keeps the selected photo where the eye was)."""
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if keep_offset is not None:
            self.view.doItemsLayout()  # the reset's layout is pending; positions needed now
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + self.view.visualRect(index).top() - keep_offset)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        photo_id = self.model.photo_id_at(current.row()) if current.isValid() else None
        if photo_id is not None and photo_id != self.session.current_photo_id:
            self.session.select_photo(photo_id)

    def _photo_selected(self, photo_id: int | None) -> None:
        row = self.model.row_of(photo_id)
        if row is not None and self.view.currentIndex().row() != row:
            self._select_row(row)

    def _boxes_changed(self, photo_id: int) -> None:
        self.model.refresh_photo(photo_id)

    def neighbour(self, photo_id: int | None, step: int) -> int | None:
        return self.model.neighbour(photo_id, step)

    def go(self, step: int) -> bool:
        """Select the photo `step` places away from the current one; False at an end."""
        target = self.neighbour(self.session.current_photo_id, step)
        if target is None:
            return False
        self.session.select_photo(target)
        return True
