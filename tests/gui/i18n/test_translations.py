"""The French translation is complete, current and loaded: a new untranslated GUI string,
a lost placeholder or a stale .qm fails here."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.core.case.settings import save_settings
from annotator.resources import translations_dir
from tests.fixtures.workspace import import_files, make_photos, open_controller, open_window

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"  # sources
TS = TRANSLATIONS / "annotator_fr.ts"
QM = translations_dir() / "annotator_fr.qm"  # what the app loads: package data
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def _update_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ts_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not on PATH (it comes with PySide6-Essentials)")


def test_every_message_of_the_committed_ts_is_translated():
    bad = [(ctx, src, tr.get("type")) for ctx, src, tr in _messages(TS)
           if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
           or not (tr.text or "").strip()]
    assert len(_messages(TS)) > 300
    assert bad == []


def test_translations_keep_placeholders_and_menu_accelerators():
    wrong = []
    for ctx, src, tr in _messages(TS):
        text = tr.text or ""
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((ctx, src, text))
        if src.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            wrong.append((ctx, src, text))
    assert wrong == []


def test_source_has_no_string_missing_from_the_committed_ts(tmp_path: Path):
    """lupdate over today's annotator/gui, merged into a copy of the committed .ts: a new
    string comes out unfinished, a string no longer in the code comes out vanished."""
    _need("pyside6-lupdate")
    fresh = tmp_path / "annotator_fr.ts"
    shutil.copy(TS, fresh)
    _update_module().lupdate(fresh, no_obsolete=False)
    states: dict[str, list[str]] = {"unfinished": [], "vanished": [], "obsolete": []}
    for ctx, src, tr in _messages(fresh):
        if tr is not None and tr.get("type") in states:
            states[tr.get("type")].append(f"{ctx}: {src}")
    assert states == {"unfinished": [], "vanished": [], "obsolete": []}, (
        "run `python resources/translations/update.py`, translate the new strings in "
        "resources/translations/annotator_fr.ts, and run it again")


def test_committed_qm_is_built_from_the_committed_ts(tmp_path: Path):
    _need("pyside6-lrelease")
    built = tmp_path / "fr.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(built)], check=True)
    assert built.read_bytes() == QM.read_bytes(), "run resources/translations/update.py"


@pytest.fixture
def french(qapp):
    """The app speaking French as chosen in Settings (settings.json `language`)."""
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    assert install_translators(qapp, "en") == "en"


def test_chosen_language_follows_the_setting_then_the_system():
    from annotator.gui.i18n.language import chosen_language

    assert chosen_language("fr") == "fr"
    assert chosen_language("en") == "en"
    assert chosen_language("xx") in ("en", "fr")  # unknown: the system's, else English
    save_settings({"language": "fr"})
    assert chosen_language() == "fr"


def test_main_window_menus_and_panels_are_french(qtbot, french, case, tmp_path: Path):
    import_files(case, make_photos(tmp_path / "in", 2))
    controller = open_controller(qtbot)
    window = open_window(qtbot, controller, case.root)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:4] == ["&Fichier", "É&dition", "&Affichage", "&Photo"]
    assert "&Vols" in titles
    assert window.annotations_dock.windowTitle() == "Annotations"
    assert "2 photos dans le dossier" in window.count_label.text()
    # Alt+letter stays unambiguous in French: within the menu bar and within each menu.
    def mnemonics(actions) -> list[str]:  # type: ignore[no-untyped-def]
        found = [re.search(r"&([^&])", a.text()) for a in actions if not a.isSeparator()]
        return [m.group(1).lower() for m in found if m]

    bar = window.menuBar().actions()
    groups = [bar] + [a.menu().actions() for a in bar if a.menu() is not None]
    for actions in groups:
        letters = mnemonics(actions)
        assert len(letters) == len(set(letters)), [a.text() for a in actions]
    # Qt's own strings come from qtbase_fr.
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    window.close()


def test_undo_text_of_a_box_command_is_french(qtbot, french):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("BoxCommands", "Draw box") == "Tracer un cadre"
    text = QCoreApplication.translate("Saving", "Not saved: {0} ({1})")
    assert text.format("Tracer un cadre", "disque plein") == (
        "Non enregistré : Tracer un cadre (disque plein)")


def test_core_findings_are_translated_by_code(french):
    from annotator.gui.i18n.core_text import tr_core

    english = "The sun was 12.3° below the horizon ..."
    night = tr_core("NIGHT", {"elevation": -12.34, "place": "Gao"}, english)
    assert night.startswith("Le soleil était à 12,3° sous l'horizon")
    modified = tr_core("MODIFIED_AFTER_CAPTURE", {
        "modified": "2023:10:28 09:00:00", "original": "2023:10:27 10:40:00",
        "difference_s": 80400.0}, "english")
    assert modified == ("Le fichier a été modifié (2023:10:28 09:00:00) 22 h 20 min après la "
                        "prise de vue (2023:10:27 10:40:00).")
    # Unknown codes and params that do not fit keep the core's English sentence.
    assert tr_core("SOMETHING_NEW", {}, "As the core said.") == "As the core said."
    assert tr_core("NIGHT", {}, "As the core said.") == "As the core said."


def test_core_findings_stay_verbatim_in_english(qapp):
    from annotator.gui.i18n.core_text import tr_core
    from annotator.gui.i18n.language import install_translators

    install_translators(qapp, "en")
    assert tr_core("NIGHT", {"elevation": -12.3, "place": "Gao"}, "Core words.") == "Core words."


def test_every_finding_code_of_the_core_has_a_translation():
    from annotator.gui.i18n.core_text import TABLE

    core = Path(__file__).resolve().parents[3] / "annotator" / "core"
    text = (core / "dating" / "check.py").read_text() + (core / "dating" / "checks.py").read_text()
    codes = set(re.findall(r'add\("([A-Z_]+)"', text))
    assert codes and codes <= set(TABLE), sorted(codes - set(TABLE))


def test_qt_formats_dates_in_the_chosen_language(french):
    from PySide6.QtCore import QDate, QLocale

    assert QLocale().toString(QDate(2023, 10, 27), "d MMMM yyyy") == "27 octobre 2023"
