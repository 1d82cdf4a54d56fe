"""The desktop app: the QApplication, and the controller that moves between the welcome
screen and a case's main window.

Everything here is imported only when the GUI is asked for (`annotator`, `annotator CASE`,
`annotator demo`), so the CLI never pays for Qt.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.startup import configure_libraries
from annotator.gui.background.workers import JobRunner
from annotator.gui.gui_settings import recent_cases, remember_case
from annotator.gui.i18n.core_text import tr_error
from annotator.gui.i18n.language import installed_language, loaded_catalog
from annotator.gui.icons import icon
from annotator.resources import icons_dir, translations_dir

ORGANIZATION = "annotator"
GUI_SWITCH_INTERVAL_S = 0.0005
APPLICATION = "annotator"


def ensure_app() -> QApplication:
    """The one QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        # A worker running Python (a copies index, a date check) holds the GIL for up to the
        # switch interval each time the GUI thread comes back from Qt to Python, hundreds of
        # times a frame: at CPython's 5 ms a scroll frame waited 100 ms and more. 0.5 ms keeps
        # frames smooth; the workers lose little (their heavy parts run in C).
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        app = QApplication(sys.argv[:1])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName("annotator")
        from annotator.gui.i18n.language import install_translators

        install_translators(app)  # settings.json `language`, else the system's
    return app  # type: ignore[return-value]



def default_case_folder() -> str:
    """Where the case folder dialogs start: Settings' default case folder, else home."""
    from annotator.core.case.settings import load_settings

    folder = str(load_settings().get("default_case_folder") or "")
    return folder if folder and Path(folder).is_dir() else str(Path.home())

class AppController(QObject):
    """Opens cases into main windows and falls back to the welcome screen between them.

    `pool` is handed to every case session (tests pass `ImmediatePool`); `import_jobs`
    is the number of import worker processes (None: one per CPU).
    """

    def __init__(self, *, pool: object | None = None, examiner: str | None = None,
                 import_jobs: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.examiner = examiner
        self.import_jobs = import_jobs
        self.jobs = JobRunner(pool, self)  # type: ignore[arg-type]
        self.welcome = None
        self.window = None

    # -- screens -------------------------------------------------------------------------

    def show_welcome(self):  # type: ignore[no-untyped-def]
        from annotator.gui.windows.welcome import WelcomeWidget

        if self.welcome is None:
            self.welcome = WelcomeWidget(recent_cases())
            self.welcome.new_case_clicked.connect(self.new_case)
            self.welcome.open_case_clicked.connect(self.choose_case)
            self.welcome.demo_clicked.connect(self.open_demo)
            self.welcome.recent_chosen.connect(self.open_case)
        else:
            self.welcome.set_recent(recent_cases())
        self.welcome.busy(None)
        self.welcome.show()
        return self.welcome

    def _parent(self) -> QWidget | None:
        return self.window if self.window is not None else self.welcome

    def _error(self, message: str) -> None:
        if self.window is None and self.welcome is not None:
            self.welcome.show_error(message)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("annotator"), message,
                              parent=self._parent())
            box.open()

    # -- opening -------------------------------------------------------------------------

    def open_case(self, path: Path, *, raise_errors: bool = False):  # type: ignore[no-untyped-def]
        """Open the case at `path` in a main window (replacing any open one)."""
        from annotator.core.case.folder import Case

        try:
            try:
                case = Case.open(Path(path), examiner=self.examiner)
            except AnnotatorError as exc:
                # A team case on a PostgreSQL server that wants a password: ask for it once.
                password = None if raise_errors else self._ask_db_password(exc)
                if password is None:
                    raise
                case = Case.open(Path(path), examiner=self.examiner, password=password)
        except AnnotatorError as exc:
            if raise_errors:
                raise
            self._error(tr_error(exc))
            return None
        return self._show_case(case)

    def _ask_db_password(self, exc: AnnotatorError) -> str | None:
        if exc.code != "DB_PASSWORD":
            return None
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self._parent(), self.tr("Database password"),
            self.tr("The case's database asks for a password:"), QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _show_case(self, case):  # type: ignore[no-untyped-def]
        from annotator.gui.session import CaseSession
        from annotator.gui.windows.main_window import MainWindow

        recent = remember_case(case.root)
        session = CaseSession(case, self.pool)
        window = MainWindow(session, recent, import_jobs=self.import_jobs)
        window.new_case_requested.connect(self.new_case)
        window.open_case_requested.connect(self.choose_case)
        window.open_path_requested.connect(self.open_case)
        window.demo_requested.connect(self.open_demo)
        window.close_case_requested.connect(self.show_welcome)
        window.closed.connect(self._window_closed)
        previous, self.window = self.window, window
        window.show()
        if previous is not None:
            previous.close()
        if self.welcome is not None:
            self.welcome.hide()
        return window

    def _window_closed(self) -> None:
        if self.sender() is self.window:
            self.window = None

    def choose_case(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent(), self.tr("Open a case folder"),
                                                  default_case_folder())
        if folder:
            self.open_case(Path(folder))

    def new_case(self) -> None:
        from annotator.core.case.folder import Case

        folder = QFileDialog.getExistingDirectory(
            self._parent(), self.tr("Choose an empty folder for the new case"),
            default_case_folder())
        if not folder:
            return
        try:
            case = Case.create(Path(folder), examiner=self.examiner)
        except AnnotatorError as exc:
            self._error(tr_error(exc))
            return
        self._show_case(case)

    def open_demo(self) -> None:
        """Build the demo case in a worker if needed, then open it."""
        from annotator.core.demo.case import build_demo_case

        message = self.tr("Preparing the demo case…")
        if self.window is not None:
            self.window.statusBar().showMessage(message)
        else:
            self.show_welcome().busy(message)
        self.jobs.submit(lambda job: build_demo_case(), self._demo_built, self._demo_failed)

    def _demo_built(self, path: Path) -> None:
        self.open_case(path)

    def _demo_failed(self, message: str) -> None:
        self._error(self.tr("The demo case could not be built: {m}").format(m=message))


def _wait(condition, timeout_s: float) -> bool:  # type: ignore[no-untyped-def]
    """Spin the event loop until `condition()` holds or the time is up."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    return True


def self_test(controller: AppController, case_path: Path | None) -> int:
    """Open the main window on a case (or the demo) and check it works; 0 when it does."""
    from annotator.core.demo.case import build_demo_case
    from annotator.gui.canvas import PhotoCanvas

    path = case_path if case_path is not None else build_demo_case()
    window = controller.open_case(path, raise_errors=True)
    # The photo list is read in a worker: wait for it (a case without photos never fills).
    _wait(lambda: window.browser.model.rowCount() > 0, 5)
    rows = window.browser.model.rowCount()
    problems = []
    if rows == 0:
        problems.append("the photo browser shows no photos")
    if not isinstance(window.canvas, PhotoCanvas):
        problems.append("the canvas is missing")
    if rows and not _wait(lambda: window.session.current_photo_id is not None, 5):
        problems.append("no photo was selected")
    icons = sorted(icons_dir().glob("*.svg"))
    if not icons or any(icon(p.stem).isNull() for p in icons):
        problems.append(f"the icons are missing from {icons_dir()}")
    language = installed_language()
    if language != "en" and loaded_catalog() is None:
        problems.append(f"no {language} translations were found in {translations_dir()}")
    window.close()
    if problems:
        sys.stderr.write("self-test failed: " + "; ".join(problems) + "\n")
        return 1
    catalog = loaded_catalog()
    print(f"self-test ok: {rows} photos in {path}; {len(icons)} icons; language {language}"
          + (f" ({catalog})" if catalog else ""))
    return 0


def run_gui(case_path: Path | None = None, *, demo: bool = False, run_self_test: bool = False,
            examiner: str | None = None) -> int:
    """The `annotator [CASE]`, `annotator demo` and `--self-test` entry point."""
    if run_self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    configure_libraries()
    app = ensure_app()
    controller = AppController(examiner=examiner)
    if run_self_test:
        return self_test(controller, case_path)
    if demo:
        controller.open_demo()
    elif case_path is not None:
        controller.open_case(case_path, raise_errors=True)
    else:
        controller.show_welcome()
    return app.exec()
