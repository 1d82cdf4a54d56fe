"""From what the engine read to the registrations offered: cleaning, the usual confusions
(0/O, 1/I, 5/S, 8/B, 2/Z), the nationality-mark check and the ranking. No engine needed."""

from __future__ import annotations

from annotator.core.ocr import Reading, rank
from annotator.core.ocr.candidates import clean, spellings, words


def regs(text: str, score: float = 0.95) -> list[str]:
    return [c.registration for c in rank([Reading(text, score)])]


def test_a_clean_reading_is_offered_first_with_its_country():
    best = rank([Reading("5U-MBH", 0.99)])[0]
    assert best.registration == "5U-MBH"
    assert best.valid and best.country == "Niger"
    assert best.text == "5U-MBH"
    assert 0.9 < best.confidence <= 1.0
    assert best.to_json().keys() == {"text", "registration", "valid", "country", "confidence"}


def test_lower_case_spaces_and_odd_dashes_are_cleaned():
    assert clean("5u\u2013mbh") == "5U-MBH"
    assert clean(" 5U - MBH. ") == "5U-MBH"
    assert clean("\uff15\uff35-MBH") == "5U-MBH"  # full-width forms
    assert regs("5u mbh")[0] == "5U-MBH"  # mark and suffix read as two words


def test_the_usual_confusions_are_corrected_when_only_the_correction_is_a_registration():
    # 8 for B in a letters-only suffix; 0 for O in a mark.
    assert regs("5U-M8H")[0] == "5U-MBH"
    assert regs("5N-8OA")[0] == "5N-BOA"
    assert regs("2S-SJW")[0] == "ZS-SJW"
    assert regs("G-ABZD")[0] == "G-ABZD"  # as read: already valid


def test_s_and_5_both_offered_when_both_are_registrations():
    offered = regs("SU-MBH")
    assert offered[0] == "SU-MBH"  # Egypt, as read
    assert "5U-MBH" in offered  # Niger, one character changed


def test_a_usual_form_beats_an_unusual_one_read_as_is():
    # UAE suffixes are letters: A6-00T is valid but unusual, A6-OOT is the usual form.
    assert regs("A6-00T")[0] == "A6-OOT"


def test_what_cannot_be_a_registration_is_still_offered_as_read_but_last():
    cands = rank([Reading("XQ-12#", 0.9), Reading("5U-MBH", 0.6)])
    assert cands[0].registration == "5U-MBH"
    invalid = [c for c in cands if not c.valid]
    assert invalid and invalid[0].country is None
    assert all(c.confidence <= cands[0].confidence for c in cands)


def test_one_candidate_per_registration_keeping_the_best_score():
    cands = rank([Reading("5U-MBH", 0.7), Reading("5UMBH", 0.95), Reading("5U-MBH", 0.9)])
    assert [c.registration for c in cands].count("5U-MBH") == 1
    assert cands[0].confidence >= 0.9


def test_words_pairs_and_spellings():
    assert "5UMBH" in words("5U MBH")
    assert "5U-MBH" in words("AIR 5U-MBH")
    assert regs("AIR 5U-MBH")[0] == "5U-MBH"
    assert ("5U-MBH", 0) in set(spellings("5U-MBH"))
    assert ("SU-MBH", 1) in set(spellings("5U-MBH"))
    assert ("5U-M8H", 1) in set(spellings("5U-MBH"))


def test_nothing_readable_gives_no_candidate():
    assert rank([Reading("", 0.0), Reading("~~~", 0.4)]) == []
