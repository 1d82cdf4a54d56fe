"""Registration normalization and the nationality-mark / ICAO-block table."""

from pathlib import Path

import pytest

from annotator.core.reference.registration import (
    check_icao24,
    country_for_icao24,
    icao_block_for,
    nationality_marks,
    normalize_registration,
    registration_matches,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("typed", ["5umbh", "5U MBH", "5u-mbh", " 5U-MBH ", "5U.MBH"])
def test_niger_registration_is_written_with_its_hyphen(typed):
    check = normalize_registration(typed)
    assert check.valid and check.normalized == "5U-MBH"
    assert check.country == "Niger" and check.mark == "5U"
    assert check.icao_block == (0x062000, 0x062FFF)


@pytest.mark.parametrize("typed", ["N123AB", "n123ab", "N-123AB"])
def test_us_registration_keeps_no_hyphen(typed):
    check = normalize_registration(typed)
    assert check.valid and check.normalized == "N123AB" and check.country == "United States"


@pytest.mark.parametrize("typed", ["XX-123", "XX123", "QQ-ABC"])
def test_unknown_mark_is_reported_not_guessed(typed):
    check = normalize_registration(typed)
    assert not check.valid and check.country is None
    assert check.problem


def test_unknown_mark_names_the_mark():
    assert "XX" in normalize_registration("XX-123").problem


def test_partial_registration_is_a_valid_pattern():
    check = normalize_registration("5u-mb?")
    assert check.valid and check.partial and check.normalized == "5U-MB?"
    assert check.country == "Niger"
    assert registration_matches("5U-MB?", "5U-MBH")
    assert registration_matches("5U-MB?", "5UMBX")
    assert not registration_matches("5U-MB?", "5U-MAH")
    assert not registration_matches("5U-MB?", "TZ-MBH")


def test_star_wildcard_matches_any_run():
    assert registration_matches("5U-*", "5U-MBH")
    assert not registration_matches("5U-*", "5N-MBH")


@pytest.mark.parametrize("typed", ["mil:12-3456", "MIL: TT-04"])
def test_military_serial_is_kept_verbatim(typed):
    check = normalize_registration(typed)
    assert check.valid and check.military and check.country is None
    assert check.normalized == typed.split(":", 1)[1].strip()


def test_military_by_argument():
    check = normalize_registration("xt-mbe", military=True)
    assert check.military and check.normalized == "xt-mbe"


@pytest.mark.parametrize(
    ("typed", "normalized", "country"),
    [
        ("C6ABC", "C6-ABC", "Bahamas"),  # longest mark wins over Canada's C
        ("CFABC", "C-FABC", "Canada"),
        ("b-hnr", "B-HNR", "Hong Kong"),
        ("B18101", "B-18101", "Taiwan"),
        ("B-1234", "B-1234", "China"),
        ("vpbab", "VP-BAB", "Bermuda"),
        ("tzrbb", "TZ-RBB", "Mali"),
        ("5nmak", "5N-MAK", "Nigeria"),
        ("EP-IRA", "EP-IRA", "Iran"),
        ("RA85123", "RA-85123", "Russia"),
        ("UR-UBA", "UR-UBA", "Ukraine"),
        ("fgkxa", "F-GKXA", "France"),
        ("GEUPA", "G-EUPA", "United Kingdom"),
        ("ja8089", "JA8089", "Japan"),
        ("9xrwk", "9XR-WK", "Rwanda"),
    ],
)
def test_marks_resolve_to_their_country(typed, normalized, country):
    check = normalize_registration(typed)
    assert (check.normalized, check.valid, check.country) == (normalized, True, country)


def test_garbage_and_empty_are_rejected_with_a_sentence():
    for text in ["", "   ", "5U-MB#", "5U-"]:
        check = normalize_registration(text)
        assert not check.valid and check.problem.endswith(".")


def test_every_row_is_well_formed():
    rows = nationality_marks()
    assert len(rows) > 200
    for row in rows:
        assert row.mark and row.mark == row.mark.upper() and "-" not in row.mark
        assert len(row.iso2) == 2
        if row.icao_block is not None:
            start, end = row.icao_block
            assert 0 <= start < end <= 0xFFFFFF
            size = end - start + 1
            assert size & (size - 1) == 0, f"{row.country} block is not a power of two"
            assert start % size == 0, f"{row.country} block is not aligned"


def test_blocks_of_different_states_never_overlap():
    blocks = {}
    for row in nationality_marks():
        if row.icao_block is not None:
            blocks.setdefault(row.icao_block, set()).add(row.block_state)
    assert all(len(states) == 1 for states in blocks.values())
    ordered = sorted(blocks)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        assert end < start


@pytest.mark.parametrize(
    ("mark", "block"),
    [
        ("5U", (0x062000, 0x062FFF)),
        ("TZ", (0x05C000, 0x05CFFF)),
        ("F", (0x380000, 0x3BFFFF)),
        ("N", (0xA00000, 0xAFFFFF)),
        ("G", (0x400000, 0x43FFFF)),
        ("RA", (0x100000, 0x1FFFFF)),
        ("UR", (0x508000, 0x50FFFF)),
        ("5N", (0x064000, 0x064FFF)),
        ("EP", (0x730000, 0x737FFF)),
    ],
)
def test_known_blocks(mark, block):
    assert icao_block_for(mark) == block


def test_country_for_address():
    assert country_for_icao24("062A1B") == "Niger"
    assert country_for_icao24("05c0ff") == "Mali"
    assert country_for_icao24("a1b2c3") == "United States"
    assert country_for_icao24("~062a1b") is None
    assert country_for_icao24("F10000") is None


def test_address_outside_country_block_is_flagged():
    assert check_icao24("5U-MBH", "062123") is None
    problem = check_icao24("5U-MBH", "05C123")
    assert problem and "Niger" in problem and "Mali" in problem
    assert "not an ICAO" in check_icao24("5U-MBH", "~05c123")
    assert check_icao24("XX-123", "05C123") is None
    assert check_icao24("mil:TT-01", "05C123") is None


def test_shipped_table_matches_resources_copy():
    package = ROOT / "annotator" / "core" / "reference" / "data" / "registration_marks.csv"
    assert package.read_bytes() == (ROOT / "resources" / "registration_marks.csv").read_bytes()


def test_letters_after_a_hyphenless_mark_are_not_guessed():
    assert not normalize_registration("NOTAREG").valid
    check = normalize_registration("N12345Z")  # digits first: still a US N-number, flagged
    assert check.valid and check.country == "United States" and check.warning
