"""The case's index of copies finds the same groups as grouping all photos at once, whether
it is built in one go or grown a photo at a time (as an import grows it)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from annotator.core.history.copy_index import CopyIndex
from annotator.core.history.copy_split import partition
from annotator.core.history.similar import PictureHashes, group
from tests.core.history.history_fixtures import jpeg, textured
from tests.core.history.test_similar import copies, picture_hashes


def _as_sets(groups: list) -> set[frozenset[tuple[int, str, bool]]]:
    return {frozenset((m.id, m.relation, m.best) for m in g.members) for g in groups}


def _items(tmp_path: Path) -> list[PictureHashes]:
    rng = random.Random(7)
    items: list[PictureHashes] = []
    for seed in range(5):
        source = textured(480, 360, seed=seed)
        pictures = [("source", source, 92), *copies(source, rng)]
        for _kind, picture, quality in pictures:
            out = tmp_path / f"{len(items) + 1}.jpg"
            jpeg(picture, quality, out)
            items.append(picture_hashes(len(items) + 1, out))
    for shade in (0, 0, 8):  # flat pictures: two identical, one not
        out = tmp_path / f"{len(items) + 1}.jpg"
        Image.new("RGB", (300, 200), (120 + shade, 160, 220)).save(out, quality=90)
        items.append(picture_hashes(len(items) + 1, out))
    return items


def test_grown_one_photo_at_a_time_it_groups_as_similar_group(tmp_path: Path) -> None:
    items = _items(tmp_path)
    expected = _as_sets(group(items))
    assert len(expected) == 6  # five pictures with their copies, and the identical flat pair

    built = CopyIndex(items)
    assert _as_sets(built.groups({})) == expected
    grown = CopyIndex()
    for item in random.Random(3).sample(items, len(items)):
        grown.add(item)
    assert _as_sets(grown.groups({})) == expected
    assert grown.members_of(1) == [1, 2, 3, 4, 5]
    assert grown.group_of(len(items), {}) is None  # the flat picture that differs


def test_the_earliest_posting_comes_from_the_postings_given(tmp_path: Path) -> None:
    items = _items(tmp_path)[:5]
    index = CopyIndex(items)
    when = datetime(2023, 10, 26, 12, tzinfo=UTC)
    grp = index.group_of(3, {4: (when, "X")})
    assert grp is not None
    assert grp.earliest == {"photo": 4, "posted_utc": "2023-10-26T12:00:00Z", "source": "X"}
    assert index.group_of(3, {}).earliest is None  # nothing kept from the call before


def test_a_crop_as_close_to_two_different_photos_joins_neither() -> None:
    # rows 0 and 1: two frames of a burst (apart); 2: a re-encoding of 0; 3: a crop whose
    # window distance to frame 1 (11 bits) is within the margin of its distance to 0 (13)
    edges = [(False, 0, 1, 3, 0, 2), (True, 11, 2, 4, 1, 3), (True, 13, 1, 4, 0, 3),
             (True, 10, 1, 2, 0, 1)]
    groups = partition([0, 1, 2, 3], edges, {(0, 1)})
    assert sorted(groups) == [[0, 2], [1], [3]]
    # 8 bits closer to frame 1 than to frame 0: the crop is frame 1's
    edges[2] = (True, 19, 1, 4, 0, 3)
    assert sorted(partition([0, 1, 2, 3], edges, {(0, 1)})) == [[0, 2], [1, 3]]
