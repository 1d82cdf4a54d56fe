"""report.pdf: every photo named with its hash, fonts embedded, user text shown literally,
and pages that render."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from annotator.core.boxes import BoxValues, create_box
from annotator.core.packet.export import export_packet
from tests.fixtures.packets import make_case_with_photos, unzip


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")


@pytest.fixture
def report(case, tmp_path):
    sample = make_case_with_photos(case, tmp_path)
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "unzipped")
    return sample, folder / "report.pdf"


def _text(pdf) -> str:
    _need("pdftotext")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout


def test_report_names_every_photo_with_its_full_sha256(report):
    sample, pdf = report
    text = _text(pdf)
    for name, sha in sample.shas.items():
        assert f"— {name}" in text, name
        assert sha in text, name
    for heading in ("PHOTOGRAPHIC EVIDENCE REPORT", "Exhibits", "Identification",
                    "Capture date", "Flights linked to the exhibits", "Custody log"):
        assert heading in text
    assert "5U-MBH" in text and "Page 2 of" in text
    # The crop beside the picture is described at the packet's (full) resolution.
    assert "full resolution, 400 × 200 px" in text


def test_report_embeds_every_font_it_uses(report):
    _need("pdffonts")
    _sample, pdf = report
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line for line in out.stdout.splitlines()[2:] if line.strip()]
    assert rows, "the report uses fonts"
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\b", row), f"not embedded: {row}"
    assert "Helvetica" not in out.stdout


def test_user_text_with_markup_characters_is_shown_literally(case, tmp_path):
    sample = make_case_with_photos(case, tmp_path)
    create_box(case, sample.ids["plain.jpg"], BoxValues(
        label="aircraft", operator="<font size=40>Acme</font> & Sons", note="a < b > c",
        x=10, y=10, w=50, h=50))
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "u")
    # Narrow table cells wrap text over lines: compare without whitespace.
    text = re.sub(r"\s+", "", _text(folder / "report.pdf"))
    assert "<fontsize=40>Acme</font>&Sons" in text
    assert "a<b>c" in text
    assert "tail<visible>&clear" in text  # the note of the apron box


def test_first_page_and_a_photo_page_render(report, tmp_path):
    _need("pdftoppm")
    _sample, pdf = report
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
                    str(prefix)], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    from PIL import Image

    with Image.open(pages[1]) as page:
        # A4 at 60 dpi, and not blank: the annotated picture puts colour on the page.
        assert abs(page.size[0] - 496) <= 1 and abs(page.size[1] - 702) <= 1
        colours = page.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50


def test_report_is_identical_for_the_same_content(case, tmp_path):
    """invariant=1: no generation time or random id in the PDF itself."""
    from annotator.core.packet.report import write_report

    make_case_with_photos(case, tmp_path)
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "u")
    import json

    from annotator.core.packet import custody

    manifest = json.loads((folder / "manifest.json").read_text())
    lines = custody.parse((folder / "custody.jsonl").read_bytes())
    # The same pictures in another folder (exports stage them in a fresh temporary folder).
    elsewhere = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(folder, elsewhere)

    def pictures(root):
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    write_report(tmp_path / "a.pdf", manifest, lines, pictures(folder))
    write_report(tmp_path / "b.pdf", manifest, lines, pictures(elsewhere))
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_very_long_user_text_and_many_boxes_still_lay_out(case, tmp_path):
    """A note longer than a page is cut in the report (kept whole in the manifest), and a
    photo with more crops than fit beside it gets the rest below."""
    sample = make_case_with_photos(case, tmp_path)
    note = "word " * 400 + "x" * 3000
    create_box(case, sample.ids["plain.jpg"], BoxValues(x=1, y=1, w=700, h=590, note=note))
    for i in range(8):
        create_box(case, sample.ids["plain.jpg"], BoxValues(
            registration=f"5U-MB{chr(65 + i)}", x=10 + 60 * i, y=10, w=50, h=400))
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "u")
    text = re.sub(r"\s+", " ", _text(folder / "report.pdf"))
    assert "cut here; the full text is in manifest.json" in text
    assert "Further box crops" in text and "5U-MBH" in text
    import json

    manifest = json.loads((folder / "manifest.json").read_text())
    plain = next(p for p in manifest["photos"] if p["original_name"] == "plain.jpg")
    assert plain["boxes"][0]["note"] == note.strip()


def test_fonts_fall_back_to_the_ttfs_reportlab_ships(monkeypatch):
    from annotator.core.packet import fonts

    monkeypatch.setattr(fonts, "_DEJAVU_DIRS", ())
    fonts.font_files.cache_clear()
    try:
        files = fonts.font_files()
        assert files.family == "Vera"
        assert all(p.is_file() and p.suffix == ".ttf"
                   for p in (files.regular, files.bold, files.mono))
    finally:
        fonts.font_files.cache_clear()


def test_every_count_the_report_prints_is_the_manifests(report):
    """Counts read back from the PDF's text, checked against manifest.json (issue 14)."""
    import json

    _sample, pdf = report
    manifest = json.loads((pdf.parent / "manifest.json").read_text())
    text = _text(pdf)
    counts = manifest["counts"]
    for label, key in (("Photos", "photos"), ("Boxes", "boxes"), ("Linked flights", "flights")):
        assert re.search(rf"^\s*{label}\s+{counts[key]}\s*$", text, re.M), label
    custody = (pdf.parent / "custody.jsonl").read_text().splitlines()
    assert re.search(rf"Custody log\s+{len(custody)} events", text)
    printed = [int(n) for n in re.findall(r"Raw tags\s+(\d+) tags", text)]
    expected = [p["raw_tag_count"] for p in manifest["photos"]]
    assert printed == expected
    by_name = {p["original_name"]: p for p in manifest["photos"]}
    raw = by_name["apron.jpg"]["raw_tags"]
    assert by_name["apron.jpg"]["raw_tag_count"] == sum(
        len(raw.get(group) or {}) for group in ("tags", "xmp", "iptc")) > 5
    assert by_name["plain.jpg"]["raw_tag_count"] == 0  # no metadata at all: "0 tags"
    assert len(set(expected)) > 1  # not one figure for every photo


def test_a_linked_flights_bounded_take_off_is_printed_with_its_bounds(case, tmp_path):
    """The report reads a flight's times from the manifest's flight object, bounds and all."""
    from annotator.core.flights.importers import import_file
    from annotator.core.flights.links import link_photo
    from tests.fixtures.flights import gap_at_take_off, write_readsb

    sample = make_case_with_photos(case, tmp_path)
    import_file(case, write_readsb(tmp_path / "t.json", gap_at_take_off()))
    link_photo(case, sample.ids["apron.jpg"], 1, "before_departure")
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "unzipped")
    text = _text(folder / "report.pdf")  # the cell wraps: check its lines
    assert "(between" in text and "07:22:55Z and" in text and "07:27:38Z)" in text


def test_an_exhibit_that_nearly_fits_a_page_is_kept_on_it(case, tmp_path):
    """Its picture is made a little smaller rather than its last lines spilling onto a page
    of their own (issue 15): every exhibit here starts a page and ends on it."""
    from annotator.core.flights.links import link_photo
    from annotator.core.flights.records import FlightDraft, add_flight
    from tests.fixtures.flights import T0

    sample = make_case_with_photos(case, tmp_path)
    fid = add_flight(case, FlightDraft(registration="5U-MBH", callsign="MBH27", origin="GABS",
                                       destination="GAGO", departure_utc=T0,
                                       arrival_utc=T0.replace(hour=12)))
    link_photo(case, sample.ids["apron.jpg"], fid, "before_departure",
               note="the aircraft on the ramp before its departure to Gao")
    folder = unzip(export_packet(case, tmp_path / "p.zip").path, tmp_path / "unzipped")
    pages = _text(folder / "report.pdf").split("\f")
    for name in ("apron.jpg", "phone.jpg", "plain.jpg"):
        (page,) = [p for p in pages if re.search(rf"Exhibit P-\d+ — {re.escape(name)}", p)]
        assert "Capture date" in page, name
    (apron,) = [p for p in pages if "— apron.jpg" in p]
    assert "Linked flights" in apron and "MBH27" in apron
