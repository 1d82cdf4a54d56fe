"""report.pdf: the packet as a printable forensic report (A4, fonts embedded).

Rendered from the manifest and the custody lines, so the report and the machine-readable
files never disagree. A cover (case, examiner, date, counts, exhibit list), one section per
photo (annotated picture with its box crops beside it, identification, boxes, capture-date
findings, acquisition, flights, the sun measured from a shadow with the marked photo and the
day's chart), a flights table, and the custody log. Every piece of user
text goes through `esc()` before it reaches reportlab's Paragraph markup. `invariant=1` keeps
the PDF free of generation timestamps and random ids, so the same content gives the same
bytes; the one date it carries, CreationDate (and ModDate), is the export's own time, the
manifest's `created_utc`, set through the canvas's date formatter.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from annotator.core.history.summary import history_line
from annotator.core.metadata import summary_line as credentials_line
from annotator.core.packet.custody import verify_lines
from annotator.core.packet.fonts import font_files
from annotator.core.packet.render import DrawnBox, crop_rect
from annotator.core.packet.shadow_drawings import MarkedPhoto, day_chart_drawing
from annotator.core.timeutil import parse_iso_utc

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1b1f24")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c8ced6")
BAND = colors.HexColor("#eef1f5")
VERDICT_COLOURS = {
    "consistent": "#2e7d32",
    "questionable": "#b26a00",
    "inconsistent": "#c62828",
    "unverifiable": "#616161",
}
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#37474f"}
MAX_CROPS_BESIDE = 6
Pictures = Mapping[str, Path]  # a picture's packet path → the file the report shows
USER_TEXT_CHARS = 600
CUSTODY_DETAILS_CHARS = 360

HEX_DIGEST = re.compile(r"\b[0-9a-f]{32,64}\b")
FONT, FONT_BOLD, FONT_MONO = "AnnReport", "AnnReport-Bold", "AnnReport-Mono"


@functools.cache
def _register_fonts() -> None:
    files = font_files()
    pdfmetrics.registerFont(TTFont(FONT, str(files.regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(files.bold)))
    pdfmetrics.registerFont(TTFont(FONT_MONO, str(files.mono)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)


def esc(value: object, limit: int = USER_TEXT_CHARS) -> str:
    """User text made safe for Paragraph markup (None shows as an em dash), clipped so that
    no table row can outgrow a page (the full text is in manifest.json)."""
    if value is None or value == "":
        return "—"
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + " … [cut here; the full text is in manifest.json]"
    return escape(text)


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": FONT, "fontSize": 8.5, "leading": 11.5, "textColor": INK,
            "alignment": TA_LEFT, "splitLongWords": 1}
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    return {
        "body": _style("body"),
        "small": _style("small", fontSize=7.5, leading=9.5),
        "muted": _style("muted", fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": _style("label", fontSize=7.5, leading=9.5, textColor=MUTED),
        "mono": _style("mono", fontName=FONT_MONO, fontSize=7.5, leading=9.5),
        "kicker": _style("kicker", fontName=FONT_BOLD, fontSize=8.5, leading=11,
                         textColor=ACCENT),
        "title": _style("title", fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=4),
        "subtitle": _style("subtitle", fontSize=10, leading=13, textColor=MUTED),
        "h2": _style("h2", fontName=FONT_BOLD, fontSize=14, leading=18, textColor=ACCENT,
                     spaceAfter=2),
        "h3": _style("h3", fontName=FONT_BOLD, fontSize=10, leading=13, textColor=ACCENT,
                     spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "cell": _style("cell", fontSize=7.5, leading=9.5),
        "cellb": _style("cellb", fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
        "head": _style("head", fontName=FONT_BOLD, fontSize=7.5, leading=9.5,
                       textColor=colors.white),
        "caption": _style("caption", fontSize=7, leading=8.5, textColor=MUTED),
    }


class _Paragraph(Paragraph):
    """A Paragraph that keeps its line breaking for the width it was last wrapped at.

    reportlab wraps a table cell's paragraphs again, at the same width, each time the table
    is measured, kept together, split and drawn; the line breaks depend on the width alone,
    so breaking them once is enough (a fifth of the report's build time, same PDF bytes).
    """

    _wrapped: tuple[float, Any, list[float], float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo = self._wrapped
        if memo is not None and memo[0] == availWidth:
            self.width, self.blPara, self._wrapWidths, self.height = memo
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if availWidth >= rl_config._FUZZ:  # below it wrap returns early, breaking nothing
            self._wrapped = (availWidth, self.blPara, self._wrapWidths, self.height)
        return width, height


def P(text: str, style: str = "body") -> Paragraph:  # noqa: N802 - reads like markup
    return _Paragraph(text, _styles()[style])


# -- page furniture ----------------------------------------------------------------------


class _NumberedCanvas(rl_canvas.Canvas):
    """Writes "Page n of N" once the page count is known (pages are kept until save)."""

    def __init__(self, *args: Any, created_utc: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        if created_utc:
            # Invariant mode would date the PDF 2000-01-01: give it the export's time instead.
            stamp = _pdf_date(created_utc)
            self.setDateFormatter(lambda *_ymdhms: stamp)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont(FONT, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 11 * mm,
                                     f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _pdf_date(created_utc: str) -> str:
    """`2023-10-27T10:15:00.5Z` → the PDF date `D:20231027101500+00'00'` (to the second)."""
    return parse_iso_utc(created_utc).strftime("D:%Y%m%d%H%M%S+00'00'")


def _furniture(manifest: dict[str, Any]):  # type: ignore[no-untyped-def]
    case_name = str(manifest["case"]["name"])
    footer = (f"Exported {manifest['created_utc']} by {manifest['exported_by']} · "
              f"annotator {manifest['tool']['version']}")

    def draw(canv: rl_canvas.Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        top = PAGE_H - MARGIN_TOP + 6 * mm
        canv.line(MARGIN_X, top, PAGE_W - MARGIN_X, top)
        canv.setFont(FONT_BOLD, 7.5)
        canv.setFillColor(ACCENT)
        canv.drawString(MARGIN_X, top + 2.2 * mm, "EVIDENCE REPORT")
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(PAGE_W - MARGIN_X, top + 2.2 * mm, _clip(case_name, 90))
        bottom = MARGIN_BOTTOM - 7 * mm
        canv.line(MARGIN_X, bottom, PAGE_W - MARGIN_X, bottom)
        canv.drawString(MARGIN_X, MARGIN_BOTTOM - 11 * mm, _clip(footer, 120))
        canv.restoreState()

    return draw


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- building blocks ---------------------------------------------------------------------


def _kv_table(rows: Sequence[tuple[str, Any]], label_w: float = 38 * mm) -> Table:
    """A two-column label/value table; values may be Paragraphs or pre-escaped markup."""
    data = [[P(esc(k), "label"), v if isinstance(v, Flowable) else P(v, "cell")]
            for k, v in rows]
    table = Table(data, colWidths=[label_w, CONTENT_W - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _grid(header: Sequence[str], rows: list[list[Any]], widths: Sequence[float],
          *, zebra: bool = True) -> Table:
    """A data table with a dark header row repeated on every page it spans."""
    data = [[P(esc(h), "head") for h in header]]
    for row in rows:
        data.append([c if isinstance(c, Flowable) else P(esc(c), "cell") for c in row])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, BAND])]
    table.setStyle(TableStyle(style))
    return table


def _verdict_markup(verdict: str | None) -> str:
    text = (verdict or "not checked").upper()
    colour = VERDICT_COLOURS.get(verdict or "", "#616161")
    return f'<font name="{FONT_BOLD}" color="{colour}">{esc(text)}</font>'


def _severity_markup(severity: str | None) -> str:
    colour = SEVERITY_COLOURS.get(severity or "", "#37474f")
    return f'<font name="{FONT_BOLD}" color="{colour}">{esc((severity or "").upper())}</font>'


class _PacketPath(str):
    """A picture's real path that prints as its path inside the packet.

    reportlab names an image in the PDF after `str(filename)`; the pictures live in a
    temporary folder whose name changes on every export, which would make two exports of the
    same photos differ. Opening still uses the real path (the string's own characters).
    """

    packet_name: str

    def __new__(cls, real: Path, packet_name: str) -> _PacketPath:
        obj = super().__new__(cls, str(real))
        obj.packet_name = packet_name
        return obj

    def __str__(self) -> str:
        return self.packet_name


def _image(pictures: Pictures, name: str, max_w: float, max_h: float) -> Image:
    path = pictures[name]
    with PILImage.open(path) as im:
        w, h = im.size
    scale = min(max_w / w, max_h / h)
    return Image(_PacketPath(path, name), width=w * scale, height=h * scale)


def _mono(text: object) -> Paragraph:
    return P(esc(text), "mono")


# -- the cover ---------------------------------------------------------------------------


def _cover(manifest: dict[str, Any], custody: Sequence[dict[str, Any]], chain_ok: bool
           ) -> list[Flowable]:
    counts = manifest["counts"]
    case = manifest["case"]
    redacted = sum(1 for line in custody if line.get("redacted"))
    sig = manifest.get("signature")
    signature = ("Ed25519; public key SHA-256 fingerprint "
                 f'<font name="{FONT_MONO}">{esc(sig["public_key_sha256"])}</font>'
                 if sig else "Not signed (integrity rests on SHA256SUMS alone)")
    chain = ("intact" if chain_ok else "BROKEN — see the custody log")
    selection = manifest.get("selection") or {}
    story: list[Flowable] = [
        Spacer(1, 18 * mm),
        P("EVIDENCE PACKET · PHOTOGRAPHIC EVIDENCE REPORT", "kicker"),
        Spacer(1, 3 * mm),
        P(esc(case["name"]), "title"),
        P(f"Exported {esc(manifest['created_utc'])} by {esc(manifest['exported_by'])}",
          "subtitle"),
        Spacer(1, 8 * mm),
        _kv_table([
            ("Case", esc(case["name"])),
            ("Lead examiner", esc(case.get("lead_examiner"))),
            ("Exported by", esc(manifest["exported_by"])),
            ("Created (UTC)", esc(manifest["created_utc"])),
            ("Tool", f"annotator {esc(manifest['tool']['version'])}"),
            ("Selection", esc({"all": "every photo in the case",
                               "photos": "photos chosen by the examiner",
                               "tag": "photos with a box tagged with the registration"}.get(
                                   str(selection.get("mode")), selection.get("mode")))),
            ("Photos", str(counts["photos"])),
            ("Boxes", str(counts["boxes"])),
            ("Linked flights", str(counts["flights"])),
            ("Custody log", f"{len(custody)} events ({redacted} redacted), hash chain {chain}"),
            ("Signature", signature),
        ]),
        Spacer(1, 7 * mm),
        P("Exhibits", "h3"),
    ]
    rows = []
    for photo in manifest["photos"]:
        capture = photo["capture"]
        regs = sorted({b["registration"] for b in photo["boxes"] if b.get("registration")})
        rows.append([
            P(f'<font name="{FONT_BOLD}">{esc(photo["exhibit"])}</font>', "cell"),
            P(esc(photo["original_name"]), "cell"),
            _mono(photo["sha256"][:16] + "…"),
            P(esc((capture.get("capture_utc") or "unknown").replace("T", " ")), "cell"),
            P(_verdict_markup(capture.get("verdict")), "cell"),
            P(esc(", ".join(regs) if regs else f"{len(photo['boxes'])} box(es)"), "cell"),
        ])
    story.append(_grid(["Exhibit", "File", "SHA-256", "Captured (UTC)", "Date verdict",
                        "Registrations"], rows,
                       [16 * mm, 44 * mm, 31 * mm, 28 * mm, 28 * mm, 27 * mm]))
    story += [
        Spacer(1, 6 * mm),
        P("How to check this packet", "h3"),
        P("Every file of the packet is listed with its SHA-256 in <i>SHA256SUMS</i>; run "
          "<font name=\"AnnReport-Mono\">sha256sum -c SHA256SUMS</font> in the unzipped "
          "folder. A signed packet carries <i>SHA256SUMS.sig</i>, checked with "
          "<font name=\"AnnReport-Mono\">openssl pkeyutl -verify</font> against the "
          "examiner's public key (README.txt gives the exact command). The custody log's "
          "hash chain is re-computable from <i>custody.jsonl</i> alone.", "small"),
    ]
    return story


# -- one photo ---------------------------------------------------------------------------


def _crop_cell(photo: dict[str, Any], boxes: Sequence[dict[str, Any]], pictures: Pictures,
               width: float, budget_h: float) -> list[Flowable]:
    flow: list[Flowable] = []
    per_h = max(18 * mm, min(55 * mm, budget_h / max(1, len(boxes)) - 11 * mm))
    for box in boxes:
        img = _image(pictures, box["crop"], width, per_h)
        img.hAlign = "LEFT"
        title = f"Box {box['number']}"
        if box.get("registration"):
            title += f" · {box['registration']}"
        # The packet's crop is full resolution (the picture here may be a reduced copy).
        left, top, right, bottom = crop_rect(
            DrawnBox(box["number"], box["x"], box["y"], box["w"], box["h"], ""),
            photo["width"], photo["height"])
        cw, ch = right - left, bottom - top
        detail = " · ".join(str(x) for x in (box.get("label"), box.get("confidence")) if x)
        flow += [img, P(f'<font name="{FONT_BOLD}" color="#1b1f24">{esc(title)}</font> '
                        f"{esc(detail)}<br/>full resolution, {cw} × {ch} px", "caption"),
                 Spacer(1, 2.5 * mm)]
    return flow


PICTURE_H = 100 * mm  # the annotated picture's height on an exhibit page, at most …
PICTURE_MIN_H = 60 * mm  # … and at least, when it shrinks so the section fits one page


def _pictures(photo: dict[str, Any], pictures: Pictures,
              picture_h: float = PICTURE_H) -> list[Flowable]:
    boxes = photo["boxes"]
    annotated = photo["paths"]["annotated"]
    if not boxes:
        img = _image(pictures, annotated, CONTENT_W, picture_h)
        return [img, P("Annotated picture (upright, no boxes)", "caption")]
    crops_w = 52 * mm
    gap = 4 * mm
    left_w = CONTENT_W - crops_w - gap
    img = _image(pictures, annotated, left_w, picture_h)
    beside, rest = boxes[:MAX_CROPS_BESIDE], boxes[MAX_CROPS_BESIDE:]
    budget = max(img.drawHeight, picture_h + 10 * mm)
    left = [img, P("Annotated picture: boxes numbered as in the table below; caption strip "
                   "burned in.", "caption")]
    table = Table([[left, _crop_cell(photo, beside, pictures, crops_w, budget)]],
                  colWidths=[left_w + gap, crops_w], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), gap),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
    story: list[Flowable] = [table]
    if rest:
        story.append(P("Further box crops", "h3"))
        cells = [_crop_cell(photo, [b], pictures, 54 * mm, 60 * mm) for b in rest]
        rows = [cells[i:i + 3] + [[]] * (3 - len(cells[i:i + 3]))
                for i in range(0, len(cells), 3)]
        grid = Table(rows, colWidths=[CONTENT_W / 3] * 3, hAlign="LEFT")
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(grid)
    return story


def _gps_text(gps: dict[str, Any] | None) -> str:
    if not gps:
        return "—"
    text = f"{gps.get('lat'):.6f}, {gps.get('lon'):.6f}"
    if gps.get("alt") is not None:
        text += f", {gps['alt']:.1f} m"
    if gps.get("utc"):
        text += f"; GPS clock {gps['utc']}"
    return esc(text)


def _identification(photo: dict[str, Any]) -> Table:
    meta = photo.get("metadata") or {}
    make, model = meta.get("make") or "", meta.get("model") or ""
    # Many cameras repeat the make in the model ("Canon" / "Canon EOS 7D Mark II").
    camera = model if make and model.lower().startswith(make.lower()) else f"{make} {model}"
    camera = camera.strip()
    orientation = photo.get("orientation")
    size = (f"{photo['width']} × {photo['height']} px as displayed")
    if (photo["stored_width"], photo["stored_height"]) != (photo["width"], photo["height"]) or (
            orientation not in (None, 1)):
        size += (f" (stored {photo['stored_width']} × {photo['stored_height']}, "
                 f"EXIF Orientation {orientation})")
    exif_time = meta.get("datetime_original")
    if exif_time and meta.get("offset_original"):
        exif_time = f"{exif_time} {meta['offset_original']}"
    elif exif_time:
        exif_time = f"{exif_time} (no offset recorded)"
    rows: list[tuple[str, Any]] = [
        ("File name", esc(photo["original_name"])),
        ("In this packet", f'<font name="{FONT_MONO}">{esc(photo["paths"]["original"])}</font>'),
        ("SHA-256", _mono(photo["sha256"])),
        ("MD5", _mono(photo["md5"])),
        ("Size", f"{photo['size']:,} bytes · {esc(photo['format'])} · {esc(size)}"),
        ("Camera", esc(camera or None)),
        ("Lens / serial", esc(" / ".join(x for x in (meta.get("lens"), meta.get("serial")) if x)
                              or None)),
        ("Software", esc(meta.get("software"))),
        ("EXIF capture time", esc(exif_time)),
        ("EXIF modified", esc(meta.get("datetime_modified"))),
        ("GPS", _gps_text(meta.get("gps"))),
        ("Original location", esc(photo["original_path"])),
        ("Imported", f"{esc(photo['imported_utc'])} by {esc(photo['importer'])}"),
    ]
    extra = [s for s in photo.get("sources", []) if s.get("path") != photo["original_path"]]
    if extra:
        rows.append(("Also found at", "<br/>".join(esc(s["path"]) for s in extra)))
    rows.append(("Raw tags", f"{photo['raw_tag_count']} tags, listed in full in "
                 "manifest.json"))
    if history_line(photo.get("history")):
        rows.append(("History", esc(history_line(photo.get("history")))))
    c2pa = photo.get("c2pa") or {}
    line = credentials_line(c2pa.get("summary"), c2pa.get("detail"))
    if line:
        where = " · ".join(f"{k} in {c2pa[k]}" for k in ("store", "report") if c2pa.get(k))
        rows.append(("Content credentials", esc(line + (f" · {where}" if where else ""))))
    return _kv_table(rows)


def _boxes_table(photo: dict[str, Any]) -> Table:
    rows = []
    for b in photo["boxes"]:
        reg = esc(b.get("registration"))
        if b.get("registration_problem"):
            reg += f'<br/><font color="#c62828">{esc(b["registration_problem"])}</font>'
        rows.append([
            str(b["number"]), b.get("label"), P(reg, "cellb"), b.get("type"), b.get("operator"),
            b.get("confidence"),
            f"{b['x']:.0f}, {b['y']:.0f}, {b['w']:.0f} × {b['h']:.0f}", b.get("note"),
        ])
    return _grid(["#", "Label", "Registration", "Type", "Operator", "Confidence",
                  "x, y, w × h (px)", "Note"], rows,
                 [7 * mm, 17 * mm, 24 * mm, 16 * mm, 22 * mm, 19 * mm, 29 * mm, 40 * mm])


def _capture_section(photo: dict[str, Any]) -> list[Flowable]:
    capture = photo["capture"]
    story: list[Flowable] = [P("Capture date", "h3")]
    when = capture.get("capture_utc")
    source = capture.get("capture_utc_source")
    lines = [f"Verdict: {_verdict_markup(capture.get('verdict'))}"]
    if capture.get("checked_utc") is None and not capture.get("findings"):
        lines.append("The capture date of this photo has not been checked in the case.")
    if when:
        lines.append(f"Best estimate of the capture time: <b>{esc(when.replace('T', ' '))}"
                     f"</b> UTC" + (f" (derived from {esc(source)})" if source else ""))
    else:
        lines.append("No usable capture time.")
    sun = capture.get("sun")
    if isinstance(sun, dict) and sun.get("elevation") is not None:
        lines.append(f"Sun at that time and place: elevation {sun['elevation']:.1f}°, "
                     f"azimuth {sun.get('azimuth', 0):.1f}°")
    claim = photo.get("claim")
    if claim:
        text = f"Claimed: {esc(claim.get('claimed'))}"
        if claim.get("place"):
            text += f" at {esc(claim.get('place'))}"
        text += f"; source: {esc(claim.get('source_text'))}"
        if claim.get("grade"):
            text += f" (reliability {esc(claim['grade'])})"
        lines.append(text)
    story.append(P("<br/>".join(lines), "body"))
    findings = capture.get("findings") or []
    if findings:
        story.append(Spacer(1, 2 * mm))
        story.append(_grid(["Severity", "Code", "Finding"], [
            [P(_severity_markup(f.get("severity")), "cell"), f.get("code"), f.get("message")]
            for f in findings], [20 * mm, 40 * mm, CONTENT_W - 60 * mm]))
    return story


def _acquisition(photo: dict[str, Any]) -> list[Flowable]:
    acq = photo.get("acquisition")
    if not acq:
        return []
    acquired = esc(acq.get("acquired_utc"))
    if acq.get("acquired_by"):
        acquired += f" by {esc(acq['acquired_by'])}"
    return [P("Acquisition (where the photo was found)", "h3"), _kv_table([
        ("URL", esc(acq.get("url"))),
        ("Platform / account", esc(" / ".join(str(x) for x in (acq.get("platform"),
                                                               acq.get("account")) if x) or None)),
        ("Posted (UTC)", esc(acq.get("posted_utc"))),
        ("Archive", esc(acq.get("archive_url"))),
        ("Acquired (UTC)", acquired),
        ("Reliability grade", esc(acq.get("grade"))),
    ])]


def _flight_name(f: dict[str, Any]) -> str:
    parts = [x for x in (f.get("registration"), f.get("callsign")) if x]
    return " / ".join(parts) if parts else f"flight {f.get('id')}"


def _source_text(f: dict[str, Any]) -> str:
    source = f.get("source") or {}
    text = str(source.get("kind") or "")
    if source.get("grade"):
        text += f" ({source['grade']})"
    if source.get("ref"):
        text += f": {source['ref']}"
    return text


def _times(f: dict[str, Any], key: str) -> str:
    """The best estimate, and the bounds the evidence gives when they are an interval (both
    from the flight object in manifest.json, as `flights list --json` prints it)."""
    value = f.get(f"{key}_utc")
    bounds = f.get(f"{key}_bounds") or [None, None]
    earliest, latest = (b.replace("T", " ") if b else None for b in bounds)
    span = ""
    if earliest and latest and earliest != latest:
        span = f" (between {earliest} and {latest})"
    elif latest and not earliest:
        span = f" (before {latest})"
    elif earliest and not latest:
        span = f" (after {earliest})"
    if not value:
        return "unknown" + span
    value = value.replace("T", " ")
    return value + (" (est.)" if f.get(f"{key}_estimated") else "") + span


def _photo_flights(photo: dict[str, Any]) -> list[Flowable]:
    links = photo.get("flights") or []
    if not links:
        return []
    rows = [[(link.get("relation") or "unknown").replace("_", " "), _flight_name(link["flight"]),
             f"{link['flight'].get('origin') or '?'} → {link['flight'].get('destination') or '?'}",
             _times(link["flight"], "departure"), _times(link["flight"], "arrival"),
             link.get("note")] for link in links]
    return [P("Linked flights", "h3"),
            _grid(["Relation", "Flight", "Route", "Departure (UTC)", "Arrival (UTC)", "Note"],
                  rows, [27 * mm, 30 * mm, 22 * mm, 29 * mm, 29 * mm, 37 * mm])]


def _photo_section(photo: dict[str, Any], pictures: Pictures) -> list[Flowable]:
    """An exhibit's section: it starts on a new page, and when it would spill a few lines
    onto the next one, its picture is made smaller (down to PICTURE_MIN_H) so that it fits
    one page; a section that needs two pages anyway fills the first before breaking."""
    story = _photo_story(photo, pictures, PICTURE_H)
    if _fits_one_page(_photo_story(photo, pictures, PICTURE_H)[1:]):
        return story
    if not _fits_one_page(_photo_story(photo, pictures, PICTURE_MIN_H)[1:]):
        return story  # two pages anyway: the first is filled before the break
    low, high = PICTURE_MIN_H, PICTURE_H  # low fits, high does not
    while high - low > 3 * mm:
        middle = (low + high) / 2
        if _fits_one_page(_photo_story(photo, pictures, middle)[1:]):
            low = middle
        else:
            high = middle
    return _photo_story(photo, pictures, low)


FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


class _MeasuringCanvas(rl_canvas.Canvas):
    """A canvas that lays out but draws no picture (nothing is read or embedded)."""

    def drawImage(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - reportlab's name
        return None

    def drawInlineImage(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
        return None


def _fits_one_page(flowables: list[Flowable]) -> bool:
    """Whether `flowables` fit the body frame of one page, laid out by reportlab itself."""
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, FRAME_H, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    pending = _unkept(flowables)  # a KeepTogether is laid out by the document, not a frame
    frame.addFromList(pending, _MeasuringCanvas(io.BytesIO(), pagesize=A4))
    return not pending


def _unkept(flowables: list[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out += _unkept(list(flowable._content))
        else:
            out.append(flowable)
    return out


def _photo_story(photo: dict[str, Any], pictures: Pictures,
                 picture_h: float) -> list[Flowable]:
    heading = KeepTogether([
        P(f"Exhibit {esc(photo['exhibit'])} — {esc(photo['original_name'])}", "h2"),
        P(f'SHA-256 <font name="{FONT_MONO}">{esc(photo["sha256"])}</font>', "muted"),
        Spacer(1, 3 * mm),
    ])
    story: list[Flowable] = [PageBreak(), heading, *_pictures(photo, pictures, picture_h),
                             P("Identification", "h3"), _identification(photo)]
    if photo["boxes"]:
        story += [P("Boxes", "h3"), _boxes_table(photo)]
    story.append(KeepTogether(_capture_section(photo)))
    story += _acquisition(photo)
    story += _photo_flights(photo)
    story += _shadow_section(photo, pictures)
    return story


def _windows_text(windows: Sequence[dict[str, Any]]) -> str:
    if not windows:
        return "none: the sun never stood there that day"
    return "; ".join(f"{w['from_utc'].replace('T', ' ')} – {w['to_utc'][11:]}"
                     for w in windows)


def _shadow_figures(photo: dict[str, Any]) -> Table:
    shadow = photo["shadow"]
    result, marks = shadow["result"], shadow["marks"]
    sun, ground = result["sun"], result["shadow"]
    measured = f"azimuth <b>{sun['azimuth']:.1f}° ± {sun['azimuth_error']:.1f}°</b>"
    if sun.get("elevation") is not None:
        measured += (f", elevation <b>{sun['elevation']:.1f}° ± "
                     f"{sun['elevation_error']:.1f}°</b>")
    else:
        measured += ", elevation unknown (no height given)"
    height = (f"{marks['height']:g} m ({esc(marks.get('height_source') or 'typed')})"
              if marks.get("height") is not None else "not given")
    size = marks["ground_size"]
    rows: list[tuple[str, Any]] = [
        ("Shadow on the ground", f"bearing {ground['bearing']:.1f}° true, "
                                 f"{ground['length_m']:.2f} m"),
        ("Sun (95 % errors)", measured),
        ("Object height", height),
        ("Ground rectangle", f"{size[0]:g} × {size[1]:g} m, side 1→2 at "
                             f"{marks['ground_bearing']:g}° true"),
        ("Marking precision", f"{marks['pixel_error']:g} px per point (one standard "
                              "deviation; errors by Monte Carlo, fixed seed)"),
        ("Read at", f"{esc(result.get('place'))} on {esc(result.get('date'))} (local date)"),
        ("Windows (UTC)", esc(_windows_text(result.get("windows") or []))),
    ]
    check = result.get("check")
    if check:
        at = check["sun_at_capture"]
        rows.append(("Capture time compared",
                     f"{esc(check['capture_utc'].replace('T', ' '))}: the sun stood at azimuth "
                     f"{at['azimuth']:.1f}°, elevation {at['elevation']:.1f}°, "
                     f"{check['difference_deg']:.1f}° from the measurement → "
                     f"<b>{esc(check['finding'])}</b>"))
    else:
        rows.append(("Capture time compared", "no capture time in UTC to compare"))
    rows.append(("Measured by", f"{esc(shadow.get('updated_by'))}, "
                                f"{esc(shadow.get('updated_utc'))} (version "
                                f"{shadow.get('version')})"))
    return _kv_table(rows)


def _shadow_section(photo: dict[str, Any], pictures: Pictures) -> list[Flowable]:
    """The sun measured from a shadow on the photo: the marked photo, the figures with their
    errors, the windows, the comparison with the capture time, and the day's chart."""
    shadow = photo.get("shadow")
    if not shadow:
        return []
    name = photo["paths"]["annotated"]
    path = pictures[name]
    marked = MarkedPhoto(_PacketPath(path, name), path, (photo["width"], photo["height"]),
                         shadow["marks"], shadow["result"]["shadow"]["bearing"], CONTENT_W,
                         64 * mm, FONT)
    story: list[Flowable] = [CondPageBreak(120 * mm), KeepTogether([
        P("Sun and shadows", "h3"), marked,
        P("The marks: the ground rectangle (corners 1–4, side 1→2 along the bearing typed), "
          "the foot of the vertical object (circle) and the tip of its shadow (arrow).",
          "caption")]), _shadow_figures(photo)]
    chart = shadow.get("day_chart")
    if chart:
        story.append(KeepTogether([
            Spacer(1, 2 * mm), day_chart_drawing(chart, CONTENT_W, 54 * mm, FONT),
            P("The sun's day at that place: elevation (blue) and azimuth (orange) against UTC "
              "time, night shaded, the measured band shaded, in green the windows when the sun "
              "stood where the shadow says; dashed, the capture time (EXIF) and the claimed "
              "time.", "caption")]))
    return story


# -- flights and custody -----------------------------------------------------------------


def _flights_section(manifest: dict[str, Any]) -> list[Flowable]:
    flights: dict[Any, dict[str, Any]] = {}
    exhibits: dict[Any, list[str]] = {}
    for photo in manifest["photos"]:
        for link in photo.get("flights") or []:
            fid = link["flight"].get("id")
            flights.setdefault(fid, link["flight"])
            exhibits.setdefault(fid, []).append(photo["exhibit"])
    story: list[Flowable] = [PageBreak(), P("Flights linked to the exhibits", "h2"),
                             Spacer(1, 2 * mm)]
    if not flights:
        story.append(P("No flight is linked to any photo in this packet.", "body"))
        return story
    rows = []
    for fid, f in sorted(flights.items(), key=lambda kv: (kv[1].get("departure_utc") or "",
                                                          str(kv[0]))):
        rows.append([
            _flight_name(f), f.get("icao24"),
            f"{f.get('origin') or '?'} → {f.get('destination') or '?'}",
            _times(f, "departure"), _times(f, "arrival"), _source_text(f),
            ", ".join(exhibits[fid]),
        ])
    story.append(_grid(["Flight", "ICAO 24-bit", "Route", "Departure (UTC)", "Arrival (UTC)",
                        "Source (grade)", "Exhibits"], rows,
                       [26 * mm, 16 * mm, 20 * mm, 28 * mm, 28 * mm, 38 * mm, 18 * mm]))
    story.append(Spacer(1, 2 * mm))
    story.append(P("Full flight records, with their track points and coverage gaps, are in "
                   "manifest.json under each photo's \"flights\".", "muted"))
    return story


def _map_section(manifest: dict[str, Any], pictures: Pictures) -> list[Flowable]:
    """The map page (drawn at export from map.geojson's geometry) and the routes table, both
    from manifest.json's `map`."""
    section = manifest.get("map")
    if not section:
        return []
    story: list[Flowable] = [PageBreak(), P("Map of the exhibits and their flights", "h2"),
                             Spacer(1, 2 * mm)]
    if "map.png" in pictures:
        story.append(_image(pictures, "map.png", CONTENT_W, 120 * mm))
        story.append(Spacer(1, 1 * mm))
    drawn = section.get("drawn") or {}
    story.append(P(
        f"{drawn.get('photos', 0)} photo(s) placed (red dot: GPS position; red ring: "
        f"claimed place), {drawn.get('airports', 0)} airport(s), "
        f"{drawn.get('legs', 0)} leg(s) as great-circle arcs (dashed where a time is "
        f"estimated) and {drawn.get('tracks', 0)} track(s) as received. The same "
        "geometry is in map.geojson and map.kml. Base map: Natural Earth (public domain).",
        "muted"))
    routes = section.get("routes") or []
    story += [Spacer(1, 3 * mm), P("Routes of the linked flights", "h3"), Spacer(1, 1 * mm)]
    if not routes:
        story.append(P("No flight is linked to any photo in this packet.", "body"))
        return story
    rows = [[f"{r.get('origin') or '?'} → {r.get('destination') or '?'}", r.get("count"),
             (r.get("first_utc") or "?"), (r.get("last_utc") or "?"),
             ", ".join(map(str, r.get("flights") or [])),
             ", ".join(map(str, r.get("photos") or []))] for r in routes]
    story.append(_grid(["Route", "Flights", "First departure (UTC)", "Last arrival (UTC)",
                        "Flight ids", "Photo ids"], rows,
                       [28 * mm, 16 * mm, 36 * mm, 36 * mm, 30 * mm, 28 * mm]))
    trips = section.get("trips") or []
    if trips:
        story += [Spacer(1, 3 * mm), P("Trips from a base and back", "h3"), Spacer(1, 1 * mm)]
        story.append(_grid(["Airports", "Start (UTC)", "End (UTC)", "Flight ids"],
                           [[" → ".join(t.get("airports") or []), (t.get("start_utc") or "?"),
                             (t.get("end_utc") or "?"),
                             ", ".join(map(str, t.get("flights") or []))] for t in trips],
                           [62 * mm, 36 * mm, 36 * mm, 40 * mm]))
    return story


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for k, v in value.items():
            out += _flatten(v, f"{prefix}{k}.")
        return out
    return [(prefix.rstrip("."), value)]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
    # Full hashes are in custody.jsonl; twelve characters identify them on paper.
    return HEX_DIGEST.sub(lambda m: m.group(0)[:12] + "…", text)


def _custody_details(line: dict[str, Any]) -> str:
    """The event's details as `key: value` pairs (empty values left out), clipped."""
    text = line.get("details") or "{}"
    try:
        pairs = [(k, v) for k, v in _flatten(json.loads(text)) if v not in (None, "", [], {})]
    except ValueError:
        return _clip(text, CUSTODY_DETAILS_CHARS)
    return _clip("; ".join(f"{k}: {_short(v)}" for k, v in pairs), CUSTODY_DETAILS_CHARS)


def _custody_section(custody: Sequence[dict[str, Any]], chain_ok: bool, problem: str | None
                     ) -> list[Flowable]:
    redacted = sum(1 for line in custody if line.get("redacted"))
    head = custody[-1]["hash"] if custody else "—"
    status = ("The hash chain re-verifies from its first event to this export"
              if chain_ok else f"THE HASH CHAIN DOES NOT VERIFY: {esc(problem)}")
    story: list[Flowable] = [
        CondPageBreak(90 * mm), Spacer(1, 6 * mm), P("Custody log", "h2"),
        P(f"{len(custody)} events, oldest first; {redacted} concern photos outside this packet "
          f"and are shown redacted (time and hashes only). {status}. Head of the chain: "
          f'<font name="{FONT_MONO}">{esc(head)}</font>. The complete log is custody.jsonl.',
          "small"),
        Spacer(1, 3 * mm),
    ]
    rows = []
    redacted_rows = []
    for i, line in enumerate(custody, start=1):
        time = P(esc((line.get("time_utc") or "").rstrip("Z")[:19]).replace("T", "<br/>"),
                 "cell")
        if line.get("redacted"):
            redacted_rows.append(i)
            rows.append([str(line.get("id")), time, P(
                "<i>redacted: an event about a photo outside this packet</i>", "muted"),
                "", "", "", _mono(line["hash"][:10] + "…")])
            continue
        obj = esc(line.get("object_type") or "")
        if line.get("object_id"):
            oid = str(line["object_id"])
            obj += " " + esc(oid[:12] + "…" if len(oid) > 14 else oid)
        if line.get("photo_sha256"):
            obj += (f'<br/><font name="{FONT_MONO}" color="#5b6573">'
                    f'{esc(line["photo_sha256"][:12])}…</font>')
        obj = P(obj, "cell")
        rows.append([str(line.get("id")), time, line.get("examiner"), line.get("action"), obj,
                     P(esc(_custody_details(line)), "small"), _mono(line["hash"][:10] + "…")])
    table = _grid(["#", "Time (UTC)", "Examiner", "Action", "Object", "Details", "Hash"], rows,
                  [8 * mm, 19 * mm, 20 * mm, 23 * mm, 24 * mm, 59 * mm, 21 * mm])
    table.setStyle(TableStyle([("SPAN", (2, r), (5, r)) for r in redacted_rows]))
    story.append(table)
    return story


# -- the document ------------------------------------------------------------------------


def write_report(out: Path, manifest: dict[str, Any], custody: Sequence[dict[str, Any]],
                 pictures: Pictures) -> None:
    """Render report.pdf to `out`; `pictures` maps each picture's packet path to the file
    to show for it (the export passes its smaller report copies)."""
    _register_fonts()
    # Binary streams: ASCII85 (the default) is pure Python here and was 80 % of an export.
    rl_config.useA85 = 0
    check = verify_lines(custody)
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1, initialFontName=FONT,
        title=f"Evidence report — {manifest['case']['name']}",
        author=str(manifest["exported_by"]), subject="Photographic evidence packet",
        creator=f"annotator {manifest['tool']['version']}", producer="annotator (reportlab)",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="cover", frames=[frame]),
        PageTemplate(id="body", frames=[frame], onPage=_furniture(manifest)),
    ])
    story: list[Flowable] = [*_cover(manifest, custody, check.ok), NextPageTemplate("body")]
    for photo in manifest["photos"]:
        story += _photo_section(photo, pictures)
    story += _flights_section(manifest)
    story += _map_section(manifest, pictures)
    story += _custody_section(custody, check.ok, check.problem)
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas,
                                                   created_utc=manifest.get("created_utc")))
