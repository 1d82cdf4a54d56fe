"""The text parsers behind the normalized fields: what camera clocks and editors write."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from annotator.core.metadata.exif_values import (
    dms_to_degrees,
    gps_utc,
    parse_local_datetime,
    parse_offset,
)
from annotator.core.metadata.iptc import parse_iptc
from annotator.core.metadata.xmp import parse_xmp


@pytest.mark.parametrize(("text", "subsec", "expected"), [
    ("2023:10:27 10:15:00", None, ("2023-10-27T10:15:00", None)),
    ("2023:10:27 10:15:00", "5", ("2023-10-27T10:15:00.5", None)),
    ("2023:10:27 10:15:00", "050", ("2023-10-27T10:15:00.050", None)),
    ("2023:10:27 10:15:00", "  ", ("2023-10-27T10:15:00", None)),
    ("2023:10:27 10:15:00\x00", None, ("2023-10-27T10:15:00", None)),
    ("2023-10-27T10:15:00.12+01:00", None, ("2023-10-27T10:15:00.12", "+01:00")),
    ("2023-10-27T10:15Z", None, ("2023-10-27T10:15:00", "+00:00")),
    ("2023:10:27 24:00:00", None, ("2023-10-28T00:00:00", None)),
    ("0000:00:00 00:00:00", None, (None, None)),
    ("2023:13:01 10:00:00", None, (None, None)),
    ("2023:10:27", None, (None, None)),
    ("", None, (None, None)),
    (None, None, (None, None)),
])
def test_local_datetimes(text: str | None, subsec: str | None,
                         expected: tuple[str | None, str | None]) -> None:
    assert parse_local_datetime(text, subsec) == expected


def test_bare_dates_only_when_asked() -> None:
    assert parse_local_datetime("2004-02-26", date_only=True) == ("2004-02-26", None)
    assert parse_local_datetime("2004-02-30", date_only=True) == (None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("+01:00", "+01:00"), ("-05:00", "-05:00"), ("+0530", "+05:30"), ("+9", "+09:00"),
    ("Z", "+00:00"), ("   :  ", None), ("+15:00", None), ("+01:75", None), (None, None),
])
def test_offsets(text: str | None, expected: str | None) -> None:
    assert parse_offset(text) == expected


def test_degrees_minutes_seconds() -> None:
    assert dms_to_degrees([51.0, 28.0, 39.0]) == pytest.approx(51.4775)
    assert dms_to_degrees([51.0, 28.65]) == pytest.approx(51.4775)
    assert dms_to_degrees([51.0, None, 0.0]) is None  # a zero denominator in the file
    assert dms_to_degrees(None) is None


def test_gps_clock() -> None:
    assert gps_utc("2023:10:27", [9.0, 15.0, 30.5]) == datetime(
        2023, 10, 27, 9, 15, 30, 500000, tzinfo=UTC)
    assert gps_utc("0000:00:00", [0.0, 0.0, 0.0]) is None
    assert gps_utc("2023:10:27", [25.0, 0.0, 0.0]) is None
    assert gps_utc(None, [1.0, 2.0, 3.0]) is None


def test_xmp_that_is_not_xmp() -> None:
    notes: list[str] = []
    assert parse_xmp(b"<not-closed", notes) is None
    assert notes and notes[0].startswith("xmp: ParseError")
    assert parse_xmp(b"   ") is None


def test_xmp_history_as_nested_descriptions() -> None:
    packet = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
      xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
      xmlns:m="http://ns.adobe.com/xap/1.0/mm/"
      xmlns:e="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"><m:History><rdf:Seq><rdf:li>
      <rdf:Description e:action="converted" e:when="2020-01-01T00:00:00Z"
        e:softwareAgent="Lightroom"/></rdf:li></rdf:Seq></m:History></rdf:Description>
      </rdf:RDF></x:xmpmeta>"""
    xmp = parse_xmp(packet)
    assert xmp is not None
    # Whatever prefixes the file declared, properties get the conventional ones.
    assert xmp["history"] == [{"action": "converted", "when": "2020-01-01T00:00:00Z",
                               "software_agent": "Lightroom", "changed": None}]


def test_iptc_latin1_and_repeated_datasets() -> None:
    iptc = parse_iptc({(2, 80): [b"Jos\xe9", b"Ana"], (2, 55): b"20231027",
                       (2, 120): b"caption\x00"})
    assert iptc is not None
    assert iptc["creator"] == "José; Ana"
    assert iptc["date_created"] == "2023-10-27"
    assert iptc["caption"] == "caption"
    assert iptc["datasets"]["2:80 By-line"] == ["José", "Ana"]
    assert parse_iptc({}) is None


def test_gps_degrees_carry_no_binary_noise():
    """7° 57' 0.72" W is -7.9502 in the file's precision, not -7.950200000000001."""
    from annotator.core.metadata.exif_values import dms_to_degrees

    assert repr(dms_to_degrees([7, 57, 0.72])) == "7.9502"
    assert repr(dms_to_degrees([12, 32, 0.6])) == "12.5335"
    assert dms_to_degrees([53, 22, 58.25]) == round(53 + 22 / 60 + 58.25 / 3600, 7)
