"""The demo case carries the illustrative 5U-MBH flights and one link."""

from annotator.core.case.folder import Case
from annotator.core.demo.case import build_demo_case
from annotator.core.flights.records import flights_json
from annotator.core.flights.suggest import suggest_for_photo
from annotator.core.photos import find_photo


def test_demo_case_has_illustrative_flights_and_ranks_the_bamako_departure(tmp_path):
    folder = build_demo_case(tmp_path / "demo")
    with Case.open(folder) as case, case.reading() as s:
        rows = flights_json(s)
        assert [(r["origin"], r["destination"]) for r in rows] == [
            ("DRRN", "GABS"), ("GABS", "GAGO"), ("GAGO", "GATS"), ("GATS", "DRRN")]
        assert all(r["registration"] == "5U-MBH" and "illustrative" in r["notes"] for r in rows)
        assert all(r["source"]["kind"] == "manual" for r in rows)
        photo = find_photo(s, "bamako-02.jpg")
        result = suggest_for_photo(s, photo)
        assert result.suggestions[0].flight.origin == "GABS"
        assert result.suggestions[0].relation == "before_departure"
