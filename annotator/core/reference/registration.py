"""Aircraft registrations: ICAO nationality marks, normalization, validation, ICAO address blocks.

An investigator types what is painted on the fuselage, often without its hyphen or in lower
case (`5umbh`, `5U MBH`). The core turns that into the one written form (`5U-MBH`), names the
registering country from the nationality mark, and reports marks it does not know rather than
guessing one. The table is data (`annotator/core/reference/data/registration_marks.csv`, also in
`resources/`), checked as described in `resources/README.md`.

Callers may rely on: `normalize_registration` never raises on user text; `valid` is False with
a one-sentence `problem` when the text cannot be a registration; a military serial (marked with
a `mil:` prefix or `military=True`) is kept verbatim and never checked against civil marks;
`?` stands for one unreadable character and `*` for any run (`partial=True`).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

MILITARY_PREFIX = "mil:"
_WILDCARDS = "?*"
_GENERIC_SUFFIX = re.compile(r"[A-Z0-9]{1,6}")
_ALLOWED = re.compile(r"[A-Z0-9?*-]+")
_BRUTE_FORCE_WILDCARDS = 2  # '?' positions tried exhaustively against a country's pattern
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@dataclass(frozen=True)
class NationalityMark:
    """One row of the table: a mark, the country using it and the ICAO address block."""

    mark: str
    country: str
    iso2: str
    hyphen: bool
    suffix_pattern: re.Pattern[str] | None
    icao_block: tuple[int, int] | None
    block_state: str | None


@dataclass(frozen=True)
class RegistrationCheck:
    """The outcome of reading one registration as typed.

    `normalized` is what to store and show; `warning` notes a valid but unusual form (e.g. a
    suffix not in the country's usual pattern) without rejecting it.
    """

    text: str
    normalized: str
    valid: bool
    country: str | None
    problem: str | None
    partial: bool
    military: bool
    mark: str | None
    icao_block: tuple[int, int] | None
    warning: str | None = None
    # The problem's stable code and the values it names, so the GUI can translate it.
    problem_code: str | None = None
    problem_params: dict[str, str] = field(default_factory=dict)

    def problem_fields(self) -> dict[str, object]:
        """The problem as error params: `problem`, `problem_code` and the values it names."""
        return {**self.problem_params, "problem": self.problem, "problem_code": self.problem_code}


def _resource_text() -> str:
    return (
        resources.files("annotator.core.reference")
        .joinpath("data/registration_marks.csv")
        .read_text(encoding="utf-8")
    )


@cache
def nationality_marks() -> tuple[NationalityMark, ...]:
    """Every row of the shipped table, in file order (the first row of a mark is its default)."""
    rows = []
    for row in csv.DictReader(_resource_text().splitlines()):
        block = None
        if row["block_start"]:
            block = (int(row["block_start"], 16), int(row["block_end"], 16))
        pattern = re.compile(f"(?:{row['suffix_pattern']})") if row["suffix_pattern"] else None
        rows.append(
            NationalityMark(
                mark=row["mark"],
                country=row["country"],
                iso2=row["iso2"],
                hyphen=row["hyphen"] == "1",
                suffix_pattern=pattern,
                icao_block=block,
                block_state=row["block_state"] or None,
            )
        )
    return tuple(rows)


@cache
def _marks_longest_first() -> tuple[NationalityMark, ...]:
    return tuple(sorted(nationality_marks(), key=lambda m: -len(m.mark)))


@cache
def _known_marks() -> frozenset[str]:
    return frozenset(m.mark for m in nationality_marks())


def _suffix_fits(row: NationalityMark, suffix: str) -> bool:
    """True when the suffix (possibly with wildcards) can be a registration of that country."""
    pattern = row.suffix_pattern or _GENERIC_SUFFIX
    if "*" in suffix:
        fixed = suffix.replace("*", "")
        return len(fixed) <= 6 and all(c in _ALPHABET + "?" for c in fixed)
    holes = [i for i, c in enumerate(suffix) if c == "?"]
    if not holes:
        return pattern.fullmatch(suffix) is not None
    if len(holes) > _BRUTE_FORCE_WILDCARDS:
        return _GENERIC_SUFFIX.fullmatch(suffix.replace("?", "A")) is not None
    chars = list(suffix)
    for fill in itertools.product(_ALPHABET, repeat=len(holes)):
        for i, c in zip(holes, fill, strict=True):
            chars[i] = c
        if pattern.fullmatch("".join(chars)):
            return True
    return False


def _generic_fits(suffix: str) -> bool:
    filled = suffix.replace("?", "A").replace("*", "")
    return bool(filled) and _GENERIC_SUFFIX.fullmatch(filled) is not None


def _written(row: NationalityMark, suffix: str) -> str:
    return f"{row.mark}-{suffix}" if row.hyphen else f"{row.mark}{suffix}"


def _rejected(text: str, normalized: str, problem: str, partial: bool, code: str,
              **params: str) -> RegistrationCheck:
    return RegistrationCheck(text, normalized, False, None, problem, partial, False, None, None,
                             problem_code=code, problem_params=params)


def _accepted(
    text: str, row: NationalityMark, suffix: str, partial: bool, warning: str | None = None
) -> RegistrationCheck:
    return RegistrationCheck(
        text=text,
        normalized=_written(row, suffix),
        valid=True,
        country=row.country,
        problem=None,
        partial=partial,
        military=False,
        mark=row.mark,
        icao_block=row.icao_block,
        warning=warning,
    )


def normalize_registration(text: str, *, military: bool = False) -> RegistrationCheck:
    """Read a registration as typed and say what it is.

    Civil registrations are upper-cased, spaces/dots dropped, and the hyphen put where the
    country writes it (none for `N`, `JA`, `HL`, `HI`, `YV`). A hyphen typed by the user fixes
    the mark
    (`XX-123` is an unknown mark `XX`, never a guess); without one, the longest mark whose
    country's pattern fits the rest wins (`5UMBH` → `5U-MBH`, `C6ABC` → Bahamas, not Canada).
    """
    raw = text or ""
    stripped = raw.strip()
    if stripped.lower().startswith(MILITARY_PREFIX):
        military = True
        stripped = stripped[len(MILITARY_PREFIX) :].strip()
    if military:
        if not stripped:
            return RegistrationCheck(
                raw, "", False, None, "The military serial is empty.", False, True, None, None,
                problem_code="REG_MILITARY_EMPTY",
            )
        partial = any(c in stripped for c in _WILDCARDS)
        return RegistrationCheck(raw, stripped, True, None, None, partial, True, None, None)

    upper = re.sub(r"[\s._]+", "", stripped.upper())
    if not upper:
        return _rejected(raw, "", "The registration is empty.", False, "REG_EMPTY")
    if not _ALLOWED.fullmatch(upper):
        return _rejected(
            raw, upper, f"{stripped!r} has characters a registration cannot have.", False,
            "REG_BAD_CHARACTERS", typed=f"{stripped!r}",
        )
    partial = any(c in upper for c in _WILDCARDS)
    if "-" in upper:
        mark_typed, _, rest = upper.partition("-")
        suffix = rest.replace("-", "")
        return _with_typed_mark(raw, mark_typed, suffix, partial)
    return _with_inferred_mark(raw, upper, partial)


def _with_typed_mark(raw: str, mark: str, suffix: str, partial: bool) -> RegistrationCheck:
    normalized = f"{mark}-{suffix}"
    # A mark that itself contains a hyphen is not in use; VP-/VQ- territories are VP + letter.
    if mark not in _known_marks():
        return _rejected(raw, normalized, f"{mark} is not an ICAO nationality mark.", partial,
                         "REG_UNKNOWN_MARK", mark=mark)
    if not suffix:
        return _rejected(raw, normalized, f"{normalized} has no letters after the mark.", partial,
                         "REG_NO_SUFFIX", written=normalized)
    rows = [m for m in nationality_marks() if m.mark == mark]
    for row in rows:
        if _suffix_fits(row, suffix):
            return _accepted(raw, row, suffix, partial)
    if _generic_fits(suffix):
        row = rows[0]
        return _accepted(
            raw, row, suffix, partial,
            warning=f"{suffix} is not the usual form of a {row.country} registration.",
        )
    return _rejected(
        raw, normalized, f"{suffix} cannot follow the nationality mark {mark}.", partial,
        "REG_BAD_SUFFIX", suffix=suffix, mark=mark,
    )


def _with_inferred_mark(raw: str, compact: str, partial: bool) -> RegistrationCheck:
    for row in _marks_longest_first():
        suffix = compact[len(row.mark) :]
        if compact.startswith(row.mark) and suffix and _suffix_fits(row, suffix):
            return _accepted(raw, row, suffix, partial)
    # Countries that write no hyphen (N, JA, HL, HI, YV) number their aircraft: a suffix that starts
    # with a digit but is outside the usual pattern is still theirs; letters are not guessed.
    for row in _marks_longest_first():
        suffix = compact[len(row.mark) :]
        if (not row.hyphen and compact.startswith(row.mark) and suffix[:1] in "123456789?"
                and suffix and _generic_fits(suffix)):
            return _accepted(
                raw, row, suffix, partial,
                warning=f"{suffix} is not the usual form of a {row.country} registration.",
            )
    return _rejected(
        raw,
        compact,
        f"{compact} does not begin with a known ICAO nationality mark followed by a valid "
        "registration; type the hyphen after the mark if it is unusual.",
        partial,
        "REG_NO_KNOWN_MARK",
        compact=compact,
    )


def registration_pattern(text: str) -> re.Pattern[str]:
    """A regex matching the hyphen-less forms a (possibly partial) registration stands for."""
    check = normalize_registration(text)
    compact = (check.normalized if check.valid else text.upper()).replace("-", "")
    compact = re.sub(r"[\s._]+", "", compact)
    if check.military:
        compact = check.normalized.upper()
    body = "".join(
        "." if c == "?" else ".*" if c == "*" else re.escape(c) for c in compact
    )
    return re.compile(f"^{body}$")


def registration_matches(pattern_text: str, registration: str) -> bool:
    """True when `registration` is one of the registrations `pattern_text` (e.g. `5U-MB?`) allows.

    Comparison ignores hyphens, case and spacing, so `5UMBH` matches `5U-MBH`.
    """
    if not pattern_text or not registration:
        return False
    target = re.sub(r"[\s._-]+", "", registration.upper())
    return registration_pattern(pattern_text).match(target) is not None


def icao_block_for(mark: str) -> tuple[int, int] | None:
    """The ICAO 24-bit address block of a nationality mark (`5U` → (0x062000, 0x062FFF)).

    A mark shared by several places (`B`, `VP`) gives its first row's block; None when the mark
    is unknown or the place has no block of its own in the table.
    """
    key = (mark or "").strip().upper().rstrip("-")
    for row in nationality_marks():
        if row.mark == key:
            return row.icao_block
    return None


def parse_icao24(value: str) -> int | None:
    """The address as an int, or None when `value` is not six hex digits (e.g. readsb `~abc123`)."""
    text = (value or "").strip().lower()
    if not re.fullmatch(r"[0-9a-f]{6}", text):
        return None
    return int(text, 16)


def country_for_icao24(value: str) -> str | None:
    """The state whose ICAO block holds this address, or None (unassigned or not an address)."""
    address = parse_icao24(value)
    if address is None:
        return None
    best: tuple[int, str] | None = None
    for row in nationality_marks():
        if row.icao_block and row.block_state == row.country:
            start, end = row.icao_block
            if start <= address <= end and (best is None or end - start < best[0]):
                best = (end - start, row.country)
    return best[1] if best else None


def check_icao24(registration: str, icao24: str) -> str | None:
    """A sentence when the ICAO address contradicts the registration's country, else None.

    Nothing is said when the registration is invalid, partial, military or its country has no
    block in the table: there is nothing to check against.
    """
    if not icao24:
        return None
    address = parse_icao24(icao24)
    if address is None:
        return f"{icao24} is not an ICAO 24-bit address (six hexadecimal digits)."
    check = normalize_registration(registration)
    if not check.valid or check.military or check.partial or check.icao_block is None:
        return None
    start, end = check.icao_block
    if start <= address <= end:
        return None
    owner = country_for_icao24(icao24)
    where = f"it belongs to {owner}" if owner else "no state holds it"
    return (
        f"ICAO address {address:06X} lies outside the {check.country} block "
        f"{start:06X}–{end:06X} of {check.normalized} ({where})."
    )
