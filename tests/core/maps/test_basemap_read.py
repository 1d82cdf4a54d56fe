"""The base map is read a piece at a time, with no garbage collection meanwhile: a worker
preparing the first map of a session never holds the interpreter (and so the GUI thread)
for long, and what it reads is the file, every ring and every name."""

from __future__ import annotations

import gc
import json
from importlib import resources

import pytest

from annotator.core.maps import basemap


def _file_text() -> str:
    return resources.files("annotator.resources").joinpath(
        "maps/basemap-50m.json").read_text("utf-8")


@pytest.fixture
def cold():
    """The base map not read yet in this process (and read again after the test)."""
    def clear() -> None:
        for name in ("base_map", "_source", "_document"):
            cached = getattr(basemap, name, None)
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()

    clear()
    yield
    clear()


def test_the_base_map_read_in_pieces_is_the_file(cold):
    doc = json.loads(_file_text())
    full = basemap.base_map(0.0)
    assert full.source == doc["source"] and full.licence == doc["licence"]
    assert [c.name for c in full.countries] == [c.get("name") or "" for c in doc["countries"]]
    assert [c.iso_n3 for c in full.countries] == [c.get("iso_n3") for c in doc["countries"]]
    for country, raw in zip(full.countries, doc["countries"], strict=True):
        assert [[list(map(list, ring)) for ring in s.rings] for s in country.shapes] == [
            [[[float(x), float(y)] for x, y in ring] for ring in poly]
            for poly in raw["polygons"]]
        assert country.label == (tuple(raw["label"]) if raw.get("label") else None)
    assert len(full.land) == len(doc["land"])
    coarse = basemap.base_map(1.0)
    assert 0 < sum(len(r) for s in coarse.land for r in s.rings) < sum(
        len(r) for s in full.land for r in s.rings) / 5


def test_no_piece_of_the_file_is_parsed_in_one_long_call(cold, monkeypatch):
    """One `json.loads` of the 2.4 MB file held the interpreter ~200 ms; a piece is one
    country or one land polygon (the largest, Canada, under a tenth of the file)."""
    text = _file_text()
    longest = [0]
    real_raw, real_loads = json.JSONDecoder.raw_decode, json.loads

    def raw_decode(self, s, idx=0):  # type: ignore[no-untyped-def]
        value, end = real_raw(self, s, idx)
        longest[0] = max(longest[0], end - idx)
        return value, end

    def loads(s, *args, **kwargs):  # type: ignore[no-untyped-def]
        longest[0] = max(longest[0], len(s))
        return real_loads(s, *args, **kwargs)

    monkeypatch.setattr(json.JSONDecoder, "raw_decode", raw_decode)
    monkeypatch.setattr(json, "loads", loads)
    basemap.base_map(0.0)
    assert 0 < longest[0] < len(text) / 10


def test_reading_the_base_map_sets_off_no_garbage_collection(cold):
    """Its objects (none in a cycle) set off full collections of the heap, 70-100 ms each
    with the interpreter held (all threads wait); the collector waits while the base map
    is read."""
    collections: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    # Start from empty generations: what the suite ran before must not leave the older
    # generations' counters at their thresholds (the first collection after the read would
    # then be a full one for reasons of its own).
    gc.collect()
    gc.callbacks.append(seen)
    try:
        for level in basemap.LEVELS:
            basemap.base_map(level)
    finally:
        gc.callbacks.remove(seen)
    assert 2 not in collections, collections  # a gen-0 pass as the collector resumes is cheap
    assert gc.isenabled()
