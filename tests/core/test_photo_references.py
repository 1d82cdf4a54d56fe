"""A PHOTO argument accepts what `annotator photos` shows: the id, a SHA-256 prefix of at
least 8 characters, or the file name; an ambiguous one lists the candidates (issue 14,
item 10)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import build_parser, main
from annotator.core.flights.records import FlightDraft, add_flight
from tests.fixtures.boxes import add_jpeg

# Every command that takes a PHOTO, with the rest of its arguments.
PHOTO_COMMANDS = {
    "annotate": ["--box", "10,10,50,40"],
    "boxes": ["--json"],
    "source": ["--json"],
    "suggest": ["--json"],
    "link": ["{flight}"],
    "unlink": ["{flight}"],
}


def _photos_listing(root: str, capsys) -> dict[str, int]:  # type: ignore[no-untyped-def]
    assert main(["photos", root]) == 0
    rows = capsys.readouterr().out.splitlines()[1:-1]
    return {line.split()[-1]: int(line.split()[0]) for line in rows}


def test_the_id_photos_prints_a_sha256_prefix_and_the_file_name_all_name_the_photo(
        case, tmp_path, capsys):
    photo = add_jpeg(case, tmp_path / "in", "apron.jpg", seed=1)
    add_jpeg(case, tmp_path / "in", "other.jpg", seed=2)
    flight = add_flight(case, FlightDraft(registration="5U-MBH", origin="GABS"))
    root = str(case.root)
    listed = _photos_listing(root, capsys)
    assert listed["apron.jpg"] == photo
    assert main(["photos", root, "--json"]) == 0
    sha = next(p["sha256"] for p in json.loads(capsys.readouterr().out) if p["id"] == photo)
    for ref in (str(photo), sha[:8], sha, "apron.jpg"):
        for command, rest in PHOTO_COMMANDS.items():
            args = [command, root, ref, *(a.format(flight=flight) for a in rest)]
            assert main(args) == 0, (args, capsys.readouterr().err)
            assert capsys.readouterr().err == "", args
        assert main(["check-date", ref, "--case", root, "--json"]) == 0
        capsys.readouterr()
        out = tmp_path / f"packet-{ref[:12]}.zip"
        assert main(["export", root, "--out", str(out), "--photos", ref, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["photos"] == 1
    assert main(["boxes", root, str(photo), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4  # one box per reference form


def test_a_short_prefix_an_unknown_id_and_an_ambiguous_name_are_refused_with_the_candidates(
        case, tmp_path, capsys):
    first = add_jpeg(case, tmp_path / "a", "same.jpg", seed=1)
    second = add_jpeg(case, tmp_path / "b", "same.jpg", seed=2)
    root = str(case.root)
    assert main(["boxes", root, "same.jpg"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "names 2 photos" in err and f"id {first} " in err and f"id {second} " in err
    assert main(["boxes", root, "999"]) == 1
    assert "no photo in this case matches '999'" in capsys.readouterr().err
    assert main(["photos", root, "--json"]) == 0
    sha = json.loads(capsys.readouterr().out)[0]["sha256"]
    assert main(["boxes", root, sha[:6]]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert main(["boxes", root, str(first), "--json"]) == 0


@pytest.mark.parametrize("command", [*PHOTO_COMMANDS, "check-date", "export"])
def test_help_says_what_a_photo_reference_may_be(command, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "its id as `annotator photos` prints it" in text
    assert "SHA-256 prefix of at least 8 characters" in text
    assert "file name" in text
