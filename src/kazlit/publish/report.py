"""The status report of a project: coverage, alignment, QA, leverage and editions.

:class:`StatusReport` is plain data; :func:`report_to_json` and
:func:`report_to_html` render it. The HTML is one self-contained file (inline CSS and
SVG pictures, no script, no network) that opens in any browser. Rendering is
deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

__all__ = [
    "BANDS",
    "SEVERITIES",
    "Cell",
    "EditionStatus",
    "Problem",
    "StatusReport",
    "WorkRow",
    "report_to_html",
    "report_to_json",
]

#: Analysis bands, best first (as the translation-memory analysis reports them).
BANDS = ("101", "repetitions", "100", "95-99", "85-94", "75-84", "50-74", "no-match")
SEVERITIES = ("error", "warning", "info")

State = Literal["original", "complete", "partial", "missing"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One work in one language."""

    work_id: str
    lang: str
    state: State
    segments: int = 0
    translated: int = 0
    alignment_confidence: float | None = None
    findings: Mapping[str, int] = field(default_factory=dict)
    leverage: Mapping[str, int] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.translated / self.segments if self.segments else 0.0


@dataclass(frozen=True, slots=True)
class WorkRow:
    id: str
    title: str
    genre: str
    segments: int


@dataclass(frozen=True, slots=True)
class EditionStatus:
    kind: str
    lang: str
    path: str
    works: tuple[str, ...]
    valid: bool | None = None
    messages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that failed: where, what, and how bad."""

    where: str
    message: str
    severity: str = "error"


@dataclass(frozen=True, slots=True)
class StatusReport:
    project: str
    languages: tuple[str, ...]
    works: tuple[WorkRow, ...]
    cells: tuple[Cell, ...]
    editions: tuple[EditionStatus, ...] = ()
    problems: tuple[Problem, ...] = ()
    provenance: Mapping[str, str] = field(default_factory=dict)

    def cell(self, work_id: str, lang: str) -> Cell | None:
        for cell in self.cells:
            if cell.work_id == work_id and cell.lang == lang:
                return cell
        return None

    @property
    def gaps(self) -> tuple[Cell, ...]:
        """The work × language cells that are missing or partial."""
        return tuple(c for c in self.cells if c.state in {"missing", "partial"})


def report_to_json(report: StatusReport) -> str:
    """The report as one JSON document (UTF-8 text, keys in a stable order)."""
    data = asdict(report)
    data["gaps"] = [{"work": c.work_id, "lang": c.lang, "state": c.state} for c in report.gaps]
    for cell in data["cells"]:
        segments = cell["segments"]
        cell["share"] = round(cell["translated"] / segments, 4) if segments else 0.0
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str) + "\n"


_CSS = """
body{font-family:"Noto Sans",system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:72rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #c9ced8;padding:.3rem .6rem;text-align:left}
th{background:#eef1f6}.ok{color:#116329}.bad{color:#a40e26}.muted{color:#5d6675}
figure{margin:1rem 0}figcaption{font-size:.9rem;color:#5d6675}
"""


def _colour(cell: Cell | None) -> str:
    if cell is None or cell.state == "missing":
        return "#e5e7eb"
    if cell.state == "original":
        return "#1f4e79"
    share = cell.share
    # From pale amber (0 %) to green (100 %).
    red = int(0xF4 + (0x2E - 0xF4) * share)
    green = int(0xC4 + (0x8B - 0xC4) * share)
    blue = int(0x5A + (0x57 - 0x5A) * share)
    return f"#{red:02x}{green:02x}{blue:02x}"


def _heatmap(report: StatusReport) -> str:
    cw, ch, left, top = 64, 28, 180, 30
    width = left + cw * len(report.languages) + 10
    height = top + ch * len(report.works) + 10
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-labelledby="heat-title">'
        ),
        '<title id="heat-title">Share of each work translated, per language</title>',
    ]
    for j, tag in enumerate(report.languages):
        x = left + j * cw + cw / 2
        parts.append(
            f'<text x="{x:.0f}" y="{top - 10}" font-size="12" text-anchor="middle">'
            f"{html.escape(tag)}</text>"
        )
    for i, work in enumerate(report.works):
        y = top + i * ch
        parts.append(
            f'<text x="{left - 8}" y="{y + ch / 2 + 4:.0f}" font-size="12" text-anchor="end">'
            f"{html.escape(work.id)}</text>"
        )
        for j, tag in enumerate(report.languages):
            cell = report.cell(work.id, tag)
            label = (
                "original"
                if cell and cell.state == "original"
                else (f"{cell.share:.0%}" if cell and cell.state != "missing" else "missing")
            )
            fill = (
                "#ffffff" if cell and (cell.state == "original" or cell.share > 0.6) else "#1d2330"
            )
            x = left + j * cw
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" '
                f'fill="{_colour(cell)}"><title>{html.escape(work.id)} {html.escape(tag)}: '
                f"{label}</title></rect>"
            )
            short = "orig" if label == "original" else ("—" if label == "missing" else label)
            parts.append(
                f'<text x="{x + (cw - 2) / 2:.0f}" y="{y + ch / 2 + 4:.0f}" font-size="11" '
                f'text-anchor="middle" fill="{fill}">{short}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _findings_chart(report: StatusReport) -> str:
    totals: dict[str, dict[str, int]] = {w.id: dict.fromkeys(SEVERITIES, 0) for w in report.works}
    for cell in report.cells:
        for severity, count in cell.findings.items():
            totals.setdefault(cell.work_id, dict.fromkeys(SEVERITIES, 0))
            totals[cell.work_id][severity] = totals[cell.work_id].get(severity, 0) + count
    biggest = max([sum(v.values()) for v in totals.values()] + [1])
    colours = {"error": "#a40e26", "warning": "#d97706", "info": "#6b7280"}
    bar, left, row = 360, 180, 24
    height = 30 + row * len(totals)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{left + bar + 60}" '
            f'height="{height}" aria-labelledby="qa-title">'
        ),
        '<title id="qa-title">QA findings per work, by severity</title>',
    ]
    for i, (work_id, counts) in enumerate(sorted(totals.items())):
        y = 10 + i * row
        parts.append(
            f'<text x="{left - 8}" y="{y + 14}" font-size="12" text-anchor="end">'
            f"{html.escape(work_id)}</text>"
        )
        x = float(left)
        for severity in SEVERITIES:
            width = bar * counts.get(severity, 0) / biggest
            if width:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row - 6}" '
                    f'fill="{colours[severity]}">'
                    f"<title>{severity}: {counts[severity]}</title></rect>"
                )
            x += width
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 14}" font-size="12">{sum(counts.values())}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = ["<table><thead><tr>"]
    out += [f"<th>{html.escape(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def report_to_html(report: StatusReport) -> str:
    """The report as one self-contained HTML page."""
    e = html.escape
    sections = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(report.project)}: status</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(report.project)}: status</h1>",
        '<p class="muted">'
        + e(", ".join(f"{k} {v}" for k, v in report.provenance.items()))
        + "</p>",
        "<h2>Coverage</h2>",
        (
            f"<figure>{_heatmap(report)}<figcaption>Share of source segments with a "
            "translation, per work and language.</figcaption></figure>"
        ),
    ]
    gap_rows = [
        [e(c.work_id), e(c.lang), e(c.state), f"{c.translated}/{c.segments}"] for c in report.gaps
    ]
    sections.append("<h2>Gaps</h2>")
    sections.append(
        _table(["work", "language", "state", "segments"], gap_rows)
        if gap_rows
        else "<p>None: every work is translated into every target language.</p>"
    )
    aligned_langs = [
        tag
        for tag in report.languages
        if any(c.lang == tag and c.alignment_confidence is not None for c in report.cells)
    ]
    if aligned_langs:
        align_rows = []
        for work in report.works:
            row = [e(work.id)]
            for tag in aligned_langs:
                cell = report.cell(work.id, tag)
                confidence = cell.alignment_confidence if cell else None
                row.append("—" if confidence is None else f"{confidence:.2f}")
            align_rows.append(row)
        sections += [
            "<h2>Alignment confidence</h2>",
            "<p>Mean score of the aligned sentence pairs (0–1), per work and language.</p>",
            _table(["work", *aligned_langs], align_rows),
        ]
    sections += [
        "<h2>QA findings</h2>",
        (
            f"<figure>{_findings_chart(report)}<figcaption>Findings per work: errors, "
            "warnings, information.</figcaption></figure>"
        ),
    ]
    lev_rows = [
        [e(c.work_id), e(c.lang)] + [str(c.leverage.get(b, 0)) for b in BANDS]
        for c in report.cells
        if c.leverage
    ]
    if lev_rows:
        sections += [
            "<h2>Translation-memory leverage for missing translations</h2>",
            "<p>Source words by match band against the project's translation memory.</p>",
            _table(["work", "language", *BANDS], lev_rows),
        ]
    edition_rows = [
        [
            e(ed.kind),
            e(ed.lang),
            e(ed.path),
            "—"
            if ed.valid is None
            else (
                '<span class="ok">valid</span>' if ed.valid else '<span class="bad">invalid</span>'
            ),
            e("; ".join(ed.messages)),
        ]
        for ed in report.editions
    ]
    sections += [
        "<h2>Editions</h2>",
        _table(["kind", "language", "file", "validation", "messages"], edition_rows)
        if edition_rows
        else "<p>No editions were built.</p>",
    ]
    if report.problems:
        sections += [
            "<h2>Problems</h2>",
            _table(
                ["where", "severity", "message"],
                [[e(p.where), e(p.severity), e(p.message)] for p in report.problems],
            ),
        ]
    sections.append("</body></html>\n")
    return "\n".join(sections)
