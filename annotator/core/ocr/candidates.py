"""From what the engine read to registrations an examiner may pick: cleaning, the usual
character confusions, the check against nationality marks, and the ranking.

The engine reads shapes, not registrations: it may give `SU-MBH` for `5U-MBH`, `G-ABZD` for
`G-AB2D`, a dash as `—`, or join the mark to a neighbouring word. Each reading is cleaned
(upper case, dashes unified, other characters dropped), split into words and adjacent pairs,
and every spelling reachable through the confusions 0/O, 1/I, 5/S, 8/B, 2/Z is checked with
`normalize_registration`. A corrected spelling is kept only when it is a registration of
the usual form for its country. A spelling's score is the engine's confidence, lowered for
each character changed, for a hyphen moved, and for a form that is unusual or invalid; the
same registration found several ways keeps its best score.

Callers may rely on: candidates come best first, one per registration (as
`normalize_registration` writes it); `confidence` is in 0..1; the reading as the engine gave
it is always among them (valid or not) when it had any letter or digit, so the examiner sees
what was read before any correction.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.reference import normalize_registration

# Each character and the ones the engine confuses it with on painted marks.
CONFUSIONS: dict[str, str] = {
    "0": "O", "O": "0", "1": "I", "I": "1", "5": "S", "S": "5", "8": "B", "B": "8",
    "2": "Z", "Z": "2",
}
SUBSTITUTION_FACTOR = 0.88  # per character changed
MOVED_HYPHEN_FACTOR = 0.8  # the hyphen read elsewhere than the country writes it
UNUSUAL_FACTOR = 0.65  # valid, but not the usual form of that country's registrations
INVALID_FACTOR = 0.5  # not a registration: still offered, below every good one
MAX_CONFUSABLE = 8  # positions tried both ways (2^8 spellings at most per word)
MIN_LENGTH, MAX_LENGTH = 2, 10  # a registration without its hyphen
MAX_CANDIDATES = 6
_DASHES = re.compile(r"[\u2010-\u2015\u2212_~=\u00b7.]")
# The readings of one box (and of the next) repeat the same spellings: check each once.
_check = lru_cache(maxsize=8192)(normalize_registration)


@dataclass(frozen=True)
class Reading:
    """One text the engine gave for the box (a line, or the whole crop), with its score."""

    text: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """A registration offered for the box: what was read, what it would be stored as,
    whether it is one, whose it is, and how sure we are (0..1)."""

    text: str
    registration: str
    valid: bool
    country: str | None
    confidence: float
    substitutions: int = 0
    warning: str | None = None

    def to_json(self) -> dict[str, object]:
        """The `annotator ocr --json` object (keys are a contract)."""
        return {"text": self.text, "registration": self.registration, "valid": self.valid,
                "country": self.country, "confidence": round(self.confidence, 3)}


def clean(text: str) -> str:
    """Upper case, full-width forms folded, dashes unified, anything else but letters,
    digits, hyphens and spaces dropped; hyphens at either end of a word dropped."""
    folded = unicodedata.normalize("NFKC", text or "").upper()
    folded = _DASHES.sub("-", folded)
    kept = "".join(c if ("A" <= c <= "Z" or "0" <= c <= "9" or c in "- ") else " "
                   for c in folded)
    joined = re.sub(r"\s*-\s*", "-", " ".join(kept.split()))
    return " ".join(w for w in (part.strip("-") for part in joined.split(" ")) if w)


def words(text: str) -> list[str]:
    """The cleaned reading's words and each pair of neighbours written together (a mark read
    apart from its suffix, `5U MBH`), longest first; hyphens at either end dropped."""
    parts = [p.strip("-") for p in clean(text).split(" ")]
    parts = [p for p in parts if p]
    found = list(parts)
    found += [a + b for a, b in itertools.pairwise(parts)]
    if len(parts) > 2:
        found.append("".join(parts))
    seen: set[str] = set()
    out = []
    for w in sorted(found, key=len, reverse=True):
        compact = w.replace("-", "")
        if w not in seen and MIN_LENGTH <= len(compact) <= MAX_LENGTH:
            seen.add(w)
            out.append(w)
    return out


def spellings(word: str) -> Iterable[tuple[str, int]]:
    """`word` and each spelling through the confusions, with the number of characters
    changed (fewest first)."""
    positions = [i for i, c in enumerate(word) if c in CONFUSIONS][:MAX_CONFUSABLE]
    for count in range(len(positions) + 1):
        for chosen in itertools.combinations(positions, count):
            chars = list(word)
            for i in chosen:
                chars[i] = CONFUSIONS[chars[i]]
            yield "".join(chars), count


def _forms(spelling: str) -> list[tuple[str, float]]:
    """The spelling as read (a hyphen fixes the mark) and, when it has a hyphen, without it
    (the mark inferred), the second slightly lowered."""
    if "-" not in spelling:
        return [(spelling, 1.0)]
    return [(spelling, 1.0), (spelling.replace("-", ""), MOVED_HYPHEN_FACTOR)]


def _score(reading: Reading, substitutions: int, factor: float, valid: bool,
           warning: str | None) -> float:
    score = reading.score * factor * SUBSTITUTION_FACTOR ** substitutions
    if not valid:
        score *= INVALID_FACTOR
    elif warning:
        score *= UNUSUAL_FACTOR
    return max(0.0, min(1.0, score))


def candidates_for(reading: Reading) -> list[Candidate]:
    """Every registration one reading can stand for, unranked."""
    out: list[Candidate] = []
    for word in words(reading.text):
        raw_added = False
        for spelling, changed in spellings(word):
            for form, factor in _forms(spelling):
                check = _check(form)
                if changed and (not check.valid or check.warning):
                    continue  # a corrected spelling is offered only as a usual registration
                if not check.valid and raw_added:
                    continue
                if check.valid and check.partial:
                    continue
                if check.valid and check.normalized.replace("-", "") != form.replace("-", ""):
                    continue
                raw_added = raw_added or not changed
                if not check.valid and not check.normalized:
                    continue
                out.append(Candidate(
                    text=reading.text.strip(), registration=check.normalized,
                    valid=check.valid, country=check.country,
                    confidence=_score(reading, changed, factor, check.valid, check.warning),
                    substitutions=changed, warning=check.warning))
    return out


def rank(readings: Iterable[Reading], limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The candidates of all readings, one per registration, best first; at most `limit`.

    A registration found by several readings keeps its best score; among equal scores the
    one found more often, then the valid one, comes first.
    """
    best: dict[str, Candidate] = {}
    seen: dict[str, int] = {}
    for reading in readings:
        for cand in candidates_for(reading):
            key = cand.registration
            seen[key] = seen.get(key, 0) + 1
            kept = best.get(key)
            if kept is None or cand.confidence > kept.confidence:
                best[key] = cand
    ordered = sorted(best.values(), key=lambda c: (-round(c.confidence, 3), -seen[
        c.registration], not c.valid, c.registration))
    return ordered[:limit]
