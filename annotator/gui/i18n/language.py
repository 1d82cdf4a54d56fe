"""Which language the GUI speaks, and loading its translations.

The choice is the `language` key of settings.json (written by the Settings dialog):
'' follows the system locale, 'en' or 'fr' forces one. Two translators are installed on the
QApplication: ours (`annotator_<lang>.qm`, package data of `annotator.resources`) and Qt's
own (`qtbase_<lang>` from PySide6's translations folder, for the standard buttons and
dialogs: "Annuler", file dialogs). English is the source language, so it needs no translator at all.

The CLI and the evidence report stay in English: only the GUI calls this.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.case.settings import load_settings
from annotator.resources import translations_dir

LANGUAGES = ("en", "fr")  # English is the source; the others have a .qm

# Qt's own file dialog labels whose source text Qt 6 changed (mnemonics added) and that
# qtbase_<lang> as shipped with PySide6 does not translate: ours carries them, under Qt's
# context, and Qt asks every installed translator.
QT_STRINGS_QTBASE_LACKS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # Qt asks these with a disambiguation; a translator falls back to the plain entry.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)


def chosen_language(setting: str | None = None) -> str:
    """The language to use: the setting when it names one we have, else the system's when we
    have it, else English."""
    value = (load_settings().get("language", "") if setting is None else setting) or ""
    value = str(value).strip().lower()
    if value in LANGUAGES:
        return value
    for name in QLocale.system().uiLanguages():  # e.g. ['fr-ML', 'fr', 'en-US']
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def _locale_for(lang: str) -> QLocale:
    """Dates and numbers formatted by Qt (QLocale().toString, spin boxes) in the GUI's
    language: the system's own locale when it speaks that language (keeps its country's
    habits, and the C locale of test machines), else the language's default locale."""
    system = QLocale.system()
    own = "en" if system.language() == QLocale.Language.C else system.name().split("_")[0]
    return system if own == lang else QLocale(lang)


def install_translators(app: QApplication, language: str | None = None) -> str:
    """Install the translators for `language` (default: from settings / the system) on `app`,
    replacing any installed before; return the language in use.

    The translators are kept on the application object, since Qt does not own them and they
    must live as long as it does."""
    for old in getattr(app, "_annotator_translators", []):
        app.removeTranslator(old)
    app._annotator_translators = []  # type: ignore[attr-defined]
    app._annotator_catalog = None  # type: ignore[attr-defined]
    lang = chosen_language(language)
    app._annotator_language = lang  # type: ignore[attr-defined]
    QLocale.setDefault(_locale_for(lang))
    if lang == "en":
        return lang
    ours = QTranslator(app)
    if ours.load(f"annotator_{lang}", str(translations_dir())):
        app.installTranslator(ours)
        app._annotator_translators.append(ours)  # type: ignore[attr-defined]
        app._annotator_catalog = ours.filePath()  # type: ignore[attr-defined]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        app._annotator_translators.append(qt)  # type: ignore[attr-defined]
    return lang


def loaded_catalog() -> str | None:
    """The file of our own translations in use, or None (English, or none was found)."""
    app = QApplication.instance()
    return getattr(app, "_annotator_catalog", None) if app is not None else None


def installed_language() -> str:
    """The language `install_translators` set up ('en' when it has not run)."""
    app = QApplication.instance()
    return getattr(app, "_annotator_language", "en") if app is not None else "en"
