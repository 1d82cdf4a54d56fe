"""The shadow findings of the capture-date check, said in French from their code and params
(the core writes them in English)."""

from __future__ import annotations

import pytest

from annotator.core.case.settings import save_settings

PARAMS = {
    "capture_utc": "2023-10-27T12:05:00Z", "place": "GABS", "azimuth": 240.4,
    "azimuth_error": 0.7, "elevation": 41.0, "elevation_error": 0.4, "sun_azimuth": 190.9,
    "sun_elevation": 64.2, "difference_deg": 37.0,
    "windows": [{"from_utc": "2023-10-27T15:00:17Z", "to_utc": "2023-10-27T15:09:41Z"}],
}


@pytest.fixture
def french(qapp):
    from annotator.gui.i18n.language import install_translators

    save_settings({"language": "fr"})
    assert install_translators(qapp) == "fr"
    yield qapp
    assert install_translators(qapp, "en") == "en"


def test_a_shadow_mismatch_is_said_in_french(french):
    from annotator.gui.i18n.core_text import tr_core

    text = tr_core("SHADOW_TIME_MISMATCH", PARAMS, "english")
    assert text.startswith("L'ombre mesurée sur la photo place le soleil à azimut 240,4° ± 0,7°")
    assert "hauteur 41,0° ± 0,4°" in text and "15:00:17–15:09:41 UTC" in text
    assert "(à 37,0°)" in text


def test_a_consistent_shadow_names_its_windows_and_one_without_windows_says_never(french):
    from annotator.gui.i18n.core_text import tr_core

    text = tr_core("SHADOW_CONSISTENT", PARAMS, "english")
    assert "15:00:17–15:09:41 UTC" in text and "12:05:00Z" in text
    none = tr_core("SHADOW_TIME_MISMATCH", {**PARAMS, "windows": [], "elevation": None},
                   "english")
    assert none.endswith(": jamais.") and "hauteur" not in none.split("mais")[0]
