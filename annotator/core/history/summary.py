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
