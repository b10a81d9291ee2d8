"""Findings rendered as JSON, text lines or a self-contained HTML page (strings only;
writing them is the caller's business)."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Mapping, Sequence

from kazlit._version import __version__
from kazlit.qa.model import Finding, QAUnit

__all__ = ["render_html", "render_json", "render_text"]


def render_json(findings: Sequence[Finding]) -> str:
    """A JSON list of findings (``unit_id, check, severity, message, spans``)."""
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def render_text(findings: Sequence[Finding], *, name: str = "-") -> str:
    """One line per finding: ``file:unit: severity check: message``."""
    return "".join(f"{name}:{f.unit_id}: {f.severity} {f.check}: {f.message}\n" for f in findings)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end]) or '&#8203;'}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}"
    "mark{background:#ffd54f}.error{color:#b71c1c}.warning{color:#e65100}.info{color:#1a237e}"
)


def render_html(
    findings: Sequence[Finding], units: Mapping[str, QAUnit] | None = None, *, title: str = "QA"
) -> str:
    """A self-contained HTML report (no external files), spans highlighted."""
    counts = Counter(f.severity for f in findings)
    rows: list[str] = []
    for finding in findings:
        unit = (units or {}).get(finding.unit_id)
        source = target = ""
        if unit is not None:
            src_spans = [(s.start, s.end) for s in finding.spans if s.side == "source"]
            tgt_spans = [(s.start, s.end) for s in finding.spans if s.side == "target"]
            source = f'<span dir="auto">{_marked(unit.source, src_spans)}</span>'
            target = f'<span dir="auto">{_marked(unit.target, tgt_spans)}</span>'
        rows.append(
            f"<tr><td>{html.escape(finding.unit_id)}</td>"
            f'<td class="{finding.severity}">{finding.severity}</td>'
            f"<td>{html.escape(finding.check)}</td><td>{html.escape(finding.message)}</td>"
            f"<td>{source}</td><td>{target}</td></tr>"
        )
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{len(findings)} findings"
        f"{': ' + summary if summary else ''}. Made by kazlit {__version__}.</p>"
        "<table><thead><tr><th>unit</th><th>severity</th><th>check</th><th>message</th>"
        "<th>source</th><th>target</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )
