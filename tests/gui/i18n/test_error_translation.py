"""Core errors reach the GUI in the user's language: the core raises them in English with a
code and params (issue 8); `tr_error` rebuilds the sentence from the French template."""

from __future__ import annotations

import string
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.core import boxes
from annotator.core.boxes import BoxValues
from annotator.core.case.folder import Case
from annotator.core.case.settings import save_settings
from annotator.core.errors import AnnotatorError, InputRejected
from annotator.core.flights.records import FlightDraft, checked
from tests.core.test_error_codes import error_codes
from tests.fixtures.boxes import add_jpeg


@pytest.fixture
def french(qapp):
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    assert install_translators(qapp, "en") == "en"


def _raised(call) -> AnnotatorError:  # type: ignore[no-untyped-def]
    with pytest.raises(AnnotatorError) as info:
        call()
    return info.value


def _bad_confidence(case, tmp_path: Path) -> AnnotatorError:  # type: ignore[no-untyped-def]
    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 64, 48, seed=1)
    return _raised(lambda: boxes.create_box(
        case, photo, BoxValues(x=1, y=1, w=5, h=5, confidence="sure")))


def _arrival_first() -> AnnotatorError:
    draft = FlightDraft(registration="TZ-ABC", departure_utc=datetime(2023, 10, 27, 15, tzinfo=UTC),
                        arrival_utc=datetime(2023, 10, 27, 14, tzinfo=UTC))
    return _raised(lambda: checked(draft))


def test_a_refused_confidence_is_said_in_french(french, case, tmp_path: Path):
    from annotator.gui.i18n.core_text import tr_error

    exc = _bad_confidence(case, tmp_path)
    assert exc.code == "BOX_BAD_CONFIDENCE"
    text = tr_error(exc)
    assert text.startswith("la confiance doit être")
    assert "'sure'" in text and "probable" in text


def test_a_flight_arriving_before_it_leaves_is_said_in_french(french):
    from annotator.gui.i18n.core_text import tr_error

    exc = _arrival_first()
    assert exc.code == "FLIGHT_ARRIVAL_BEFORE_DEPARTURE"
    assert tr_error(exc) == ("l'arrivée (2023-10-27T14:00:00Z) précède le départ "
                             "(2023-10-27T15:00:00Z).")


def test_a_missing_case_folder_is_said_in_french(french, tmp_path: Path):
    from annotator.gui.i18n.core_text import tr_error

    missing = tmp_path / "nowhere"
    exc = _raised(lambda: Case.open(missing))
    assert exc.code == "CASE_FOLDER_MISSING"
    assert tr_error(exc) == f"{missing} : aucun répertoire de dossier à cet emplacement"


def test_in_english_the_core_sentence_is_shown_verbatim(qapp, case, tmp_path: Path):
    from annotator.gui.i18n.core_text import tr_error
    from annotator.gui.i18n.language import install_translators

    install_translators(qapp, "en")
    for exc in (_bad_confidence(case, tmp_path), _arrival_first(),
                _raised(lambda: Case.open(tmp_path / "nowhere"))):
        assert tr_error(exc) == str(exc)


def test_unknown_codes_bad_params_and_other_exceptions_fall_back_to_english(french):
    from annotator.gui.i18n.core_text import tr_error

    assert tr_error(InputRejected("As the core said.", code="SOMETHING_NEW")) == (
        "As the core said.")
    assert tr_error(InputRejected("As the core said.", code="BOX_NOT_FOUND")) == (
        "As the core said.")  # no box_id: the template does not fit
    assert tr_error(ValueError("plain")) == "plain"


def test_a_coded_cause_inside_a_message_is_translated_too(french):
    from annotator.gui.i18n.core_text import tr_error

    try:
        try:
            raise InputRejected("no box 3 in this case", code="BOX_NOT_FOUND", box_id=3)
        except InputRejected as inner:
            raise InputRejected(f"a.jpg: {inner}", code="EXPORT_FILE_FAILED", name="a.jpg",
                                exc=inner) from inner
    except InputRejected as exc:
        assert tr_error(exc) == "a.jpg : aucun cadre 3 dans ce dossier"


def test_import_refusal_reasons_are_translated_by_code(french):
    from annotator.gui.i18n.core_text import tr_reason

    assert tr_reason("IMAGE_EMPTY", {}, "empty file") == "fichier vide"
    assert tr_reason("IMAGE_BOMB", {"pixels": "200,000,000", "limit": "178,956,970"},
                     "english") == ("bombe de décompression : 200,000,000 pixels dépassent la "
                                    "limite de 178,956,970")
    assert tr_reason(None, {}, "as recorded") == "as recorded"


def test_every_error_code_of_the_core_has_a_template_with_its_placeholders():
    """A new coded error without a template (or a French text losing a value) fails here."""
    from annotator.gui.i18n.error_text import ERRORS

    codes = error_codes()
    assert len(codes) > 150
    assert sorted(codes - set(ERRORS)) == []
    for code, template in ERRORS.items():
        names = [f for _, f, _, _ in string.Formatter().parse(template) if f]
        assert all(name.isidentifier() for name in names), code


def test_a_registration_problem_inside_a_flight_error_is_translated(french):
    from annotator.gui.i18n.core_text import tr_error

    exc = _raised(lambda: checked(FlightDraft(registration="XX-123"), where="line 3: "))
    assert exc.code == "FLIGHT_BAD_REGISTRATION"
    assert exc.params["problem_code"] == "REG_UNKNOWN_MARK"
    assert tr_error(exc) == "ligne 3 : XX n'est pas une marque de nationalité OACI."


def test_a_flagged_registration_is_explained_in_french_in_the_panel_and_on_the_box(
        french, case, tmp_path: Path, qtbot):
    """The box stores the core's English sentence; the GUI shows it in the user's language:
    typed through the panel, it is explained beside the field and on the canvas's box."""
    from PySide6.QtCore import Qt

    from tests.fixtures.canvas import annotation_window, make_session, stored, vp

    photo = add_jpeg(case, tmp_path / "in", "a.jpg", 640, 480, seed=1)
    boxes.create_box(case, photo, BoxValues(x=100, y=100, w=200, h=100))
    session = make_session(case)
    _window, canvas, panel = annotation_window(qtbot, session)
    session.select_photo(photo)
    (box,) = stored(case, photo)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp(canvas, 200, 150))
    assert canvas.selected_box_ids() == [box.id]
    panel.registration_edit.setFocus()
    qtbot.keyClicks(panel.registration_edit, "ZZ-ABC")
    qtbot.keyClick(panel.registration_edit, Qt.Key.Key_Return)
    (box,) = stored(case, photo)
    assert box.registration_problem == "ZZ is not an ICAO nationality mark."
    shown = panel.problem_label.text()
    assert shown and shown != box.registration_problem and "ZZ" in shown
    assert not panel.problem_label.isHidden()
    (item,) = [i for i in canvas.scene().items() if getattr(i, "info", None) is not None]
    assert item.toolTip() == shown
    session.undo_stack.clear()
