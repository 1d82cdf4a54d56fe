"""One line about a photo's history, for the report and listings (from the stored JSON)."""

from __future__ import annotations

from typing import Any


def quality_text(jpeg: dict[str, Any]) -> str:
    """"92 (IJG standard tables)" or "about 94 (not IJG tables; mean deviation 1.3)"."""
    q = jpeg.get("quality") or {}
    if q.get("luma") is None:
        return "unknown"
    chroma = f", chroma {q['chroma']}" if q.get("chroma") not in (None, q["luma"]) else ""
    if jpeg.get("standard_tables"):
        return f"{q['luma']}{chroma} (IJG standard tables)"
    return (f"about {q['luma']}{chroma} (not IJG tables; mean deviation "
            f"{q.get('luma_deviation')})")


def history_line(history: dict[str, Any] | None) -> str | None:
    """"JPEG quality 85 (IJG standard tables) · tables of: IJG library, Quality 85 ·
    signs: REENCODED"; None when nothing was recorded (imported before, or not analysed)."""
    if not history:
        return None
    parts = []
    jpeg = history.get("jpeg")
    if jpeg:
        parts.append(f"JPEG quality {quality_text(jpeg)}")
        names = [m["name"] for m in jpeg.get("table_matches") or []]
        if names:
            more = f" (+{len(names) - 2} more)" if len(names) > 2 else ""
            parts.append("tables of: " + "; ".join(names[:2]) + more)
        else:
            parts.append("tables match no reference entry")
        dc = jpeg.get("double_compressed")
        if dc and dc.get("detected"):
            parts.append(f"compressed twice (first at about {dc['primary_quality']})")
    else:
        parts.append("not a JPEG")
    codes = [s["code"] for s in history.get("signs") or []]
    parts.append("signs: " + (", ".join(codes) if codes else "none"))
    return " · ".join(parts)


def copies_line(copies: dict[str, Any] | None) -> str | None:
    """The report's line from the manifest's `copies` (`case_copies.copies_within`): "the
    best of 3 copies of this picture in this packet (the most pixels, the least
    re-encoded)" or "a resized copy of photo 4 (SHA-256 0123456789ab…), the best of 2 copies
    …", plus the earliest posting among them; None without copies."""
    if not copies:
        return None
    count = len(copies.get("photos") or [])
    where = f"of {count} copies of this picture in this packet"
    best = copies.get("best_copy")
    if copies.get("best") and count < 2:
        text = ("the best copy of this picture (the most pixels, the least re-encoded); "
                "its other copies are not in this packet")
    elif copies.get("best"):
        text = f"the best {where} (the most pixels, the least re-encoded)"
    elif best:
        text = (f"a {copies.get('relation')} copy of photo {best.get('id')} (SHA-256 "
                f"{str(best.get('sha256'))[:12]}…), the best {where}")
    else:
        text = f"a {copies.get('relation')} copy; the best copy is not in this packet"
    first = copies.get("earliest")
    if first:
        source = f", {first['source']}" if first.get("source") else ""
        text += f"; first posted: photo {first['photo']}, {first['posted_utc']}{source}"
    return text
