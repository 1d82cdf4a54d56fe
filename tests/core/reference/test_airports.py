"""Airport look-ups: codes, local names, nearest airport."""

import csv
from importlib import resources

import pytest

from annotator.core.errors import InputRejected
from annotator.core.reference.airports import (
    distance_km,
    find_airport,
    nearest_airport,
    require_airport,
)


def test_bamako_by_every_name_an_investigator_meets():
    for name in ("GABS", "gabs", "BKO", "Modibo Keita International", "Sénou", "senou",
                 "Bamako-Senou", "Bamako-Sénou"):
        airport = find_airport(name)
        assert airport is not None and airport.icao == "GABS", name
    gabs = find_airport("GABS")
    assert gabs.tz == "Africa/Bamako" and gabs.country == "ML"
    assert abs(gabs.lat - 12.53) < 0.05 and abs(gabs.lon + 7.95) < 0.05


def test_every_alias_points_at_a_known_airport():
    text = (resources.files("annotator.core.reference")
            .joinpath("data/airport_aliases.csv").read_text())
    for row in csv.DictReader(text.splitlines()):
        assert find_airport(row["icao"]) is not None, row


def test_unknown_airport_is_refused_with_a_sentence():
    assert find_airport("Atlantis") is None
    with pytest.raises(InputRejected, match="not a known airport"):
        require_airport("Atlantis")


def test_nearest_airport_within_reach_only():
    near = nearest_airport(12.54, -7.95)
    assert near.airport.icao == "GABS" and near.distance_km < 2
    assert nearest_airport(0.0, -30.0) is None  # mid-Atlantic
    assert nearest_airport(12.54 + 0.3, -7.95, max_km=5) is None or \
        nearest_airport(12.84, -7.95, 5).airport.icao != "GABS"


def test_distance_is_great_circle():
    assert abs(distance_km(0, 0, 0, 1) - 111.19) < 0.1
    assert distance_km(12.5, -8, 12.5, -8) == 0


def test_a_name_in_mixed_case_is_a_name_an_upper_case_triplet_is_iata():
    assert find_airport("Gao").icao == "GAGO"
    assert find_airport("GAO").icao == "MUGT"  # IATA GAO is Guantánamo
