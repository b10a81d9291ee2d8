"""``kazlit tm lookup``, ``concordance``, ``analyze`` and ``pretranslate``.

Thin layers over :class:`kazlit.tm.memory.TranslationMemory`, with PO/XLIFF and
document reading from :mod:`kazlit.formats.bilingual` and
:mod:`kazlit.formats.document`. Each opens the memory read-only (a missing TM file
is an error, never a new empty memory).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kazlit.cli._ui import output_stream, progress
from kazlit.cli.tm import tm_option

if TYPE_CHECKING:
    from kazlit.tm.memory import ConcordanceMatch, Match, TranslationMemory
    from kazlit.tm.pretranslate import PretranslationReport

__all__ = ["analyze_command", "concordance_command", "lookup_command", "pretranslate_command"]

_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def _quiet() -> bool:
    obj = click.get_current_context().find_root().obj
    return bool(obj and obj.get("quiet"))


@contextmanager
def _memory(tm_path: str) -> Iterator[TranslationMemory]:
    from kazlit.tm.memory import TranslationMemory  # noqa: PLC0415 - keep --help light

    with TranslationMemory.open(tm_path, create=False) as memory:
        yield memory


def _pair(src_lang: str, tgt_lang: str) -> tuple[str, str]:
    from kazlit.tm.memory import language_pair  # noqa: PLC0415

    return language_pair(src_lang, tgt_lang)


def _queries(text: str | None) -> list[str]:
    if text is not None and text != "-":
        return [text]
    from kazlit.formats.document import read_text_lines  # noqa: PLC0415

    return read_text_lines(sys.stdin.buffer.read(), "<stdin>")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _match_rows(matches: list[Match]) -> list[str]:
    lines = []
    for m in matches:
        score = "101" if m.in_context else f"{m.score:.1f}"
        reasons = ",".join(m.penalties.reasons())
        note = f" (raw {m.raw_score:.1f}; −{reasons})" if reasons else ""
        lines.append(f"  {score:>5}  #{m.unit_id}{note}")
        lines.append(f"         src: {m.source}")
        lines.extend(f"         tgt: {target}" for target in m.targets or ("",))
    return lines


@click.command("lookup")
@tm_option(must_exist=True)
@click.option("--src-lang", required=True, help="The language of TEXT (e.g. kk).")
@click.option("--tgt-lang", required=True, help="The language of the translations (e.g. ru).")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=75.0,
    show_default=True,
    help="Lowest similarity (before penalties) to show.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Matches per query."
)
@click.option(
    "--previous", metavar="TEXT", help="The segment before TEXT in its document (101% matches)."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.argument("text", required=False)
def lookup_command(  # noqa: PLR0917 - click passes options positionally
    tm_path: str,
    src_lang: str,
    tgt_lang: str,
    min_score: float,
    limit: int,
    previous: str | None,
    as_json: bool,
    text: str | None,
) -> None:
    """Find the best fuzzy matches of TEXT in the TM.

    Without TEXT (or with -), each line of standard input is one query. Scores are
    character Levenshtein similarity less penalties (case, whitespace,
    punctuation, numbers, tags); an identical segment whose --previous matches the
    stored context scores 101.
    """
    src, tgt = _pair(src_lang, tgt_lang)
    queries = _queries(text)
    results: list[tuple[str, list[Match]]] = []
    with _memory(tm_path) as memory:
        with progress("indexing the TM", enabled=not _quiet()) as bar:
            memory.index(src, tgt, progress=bar)
        for query in queries:
            found = memory.lookup(
                query, src, tgt, min_score=min_score, limit=limit, previous=previous
            )
            results.append((query, found))
    if as_json:
        from kazlit._version import __version__  # noqa: PLC0415

        document = {
            "generator": f"kazlit {__version__}",
            "tm": tm_path,
            "src_lang": src,
            "tgt_lang": tgt,
            "settings": {"min_score": min_score, "limit": limit, "previous": previous},
            "queries": [
                {"query": query, "matches": [m.to_dict() for m in found]}
                for query, found in results
            ],
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    for query, found in results:
        click.echo(f"{_shorten(query, 70)}")
        if not found:
            click.echo(f"  no match at or above {min_score:g}%")
            continue
        for line in _match_rows(found):
            click.echo(line)


@click.command("concordance")
@tm_option(must_exist=True)
@click.option("--lang", help="Search only this language (default: every language).")
@click.option(
    "--ignore-case/--case-sensitive",
    default=True,
    show_default=True,
    help="Ignore letter case.",
)
@click.option("--ignore-diacritics", is_flag=True, help="Treat é as e, ё as е, й as и.")
@click.option(
    "--inflections",
    is_flag=True,
    help="Kazakh: also find the plural, possessive and case forms of each word "
    "(type the dictionary form).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document with spans.")
@click.argument("phrase")
def concordance_command(  # noqa: PLR0917 - click passes options positionally
    tm_path: str,
    lang: str | None,
    ignore_case: bool,
    ignore_diacritics: bool,
    inflections: bool,
    limit: int | None,
    as_json: bool,
    phrase: str,
) -> None:
    """Show the TM units whose text contains PHRASE, with the hit highlighted.

    Each hit is followed by the unit's other languages. On a terminal the hit is in
    bold; otherwise it is «bracketed».
    """
    with _memory(tm_path) as memory, progress("indexing the TM", enabled=not _quiet()) as bar:
        hits = memory.concordance(
            phrase,
            lang=lang,
            case_sensitive=not ignore_case,
            diacritic_sensitive=not ignore_diacritics,
            inflections=inflections,
            limit=limit,
            progress=bar,
        )
    if as_json:
        click.echo(json.dumps(_concordance_json(phrase, hits), ensure_ascii=False, indent=2))
        return
    tty = sys.stdout.isatty()
    before, after = (_BOLD, _RESET) if tty else ("«", "»")
    for hit in hits:
        click.echo(f"#{hit.unit_id} {hit.lang}: {hit.highlighted(before, after)}")
        for variant in hit.unit.variants:
            if variant.lang != hit.lang:
                click.echo(f"    {variant.lang}: {variant.plain_text}")
    click.echo(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}", err=True)


def _concordance_json(phrase: str, hits: list[ConcordanceMatch]) -> dict[str, object]:
    from kazlit._version import __version__  # noqa: PLC0415

    return {
        "generator": f"kazlit {__version__}",
        "phrase": phrase,
        "hits": [
            {
                "unit_id": h.unit_id,
                "lang": h.lang,
                "text": h.text,
                "spans": [list(span) for span in h.spans],
                "variants": [{"lang": v.lang, "text": v.plain_text} for v in h.unit.variants],
            }
            for h in hits
        ],
    }


@click.command("analyze")
@tm_option(must_exist=True)
@click.option("--src-lang", required=True, help="The document's language (e.g. kk).")
@click.option("--tgt-lang", required=True, help="The language it is translated into.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the report as CSV.")
@click.argument("doc", metavar="DOC")
def analyze_command(  # noqa: PLR0917 - click passes options positionally
    tm_path: str,
    src_lang: str,
    tgt_lang: str,
    as_json: bool,
    as_csv: bool,
    doc: str,
) -> None:
    """Count how much of DOC the TM covers, per match band (a quote).

    DOC is a PO or XLIFF file, a work folder (corpora/<work>/ with work.toml), or
    plain text with one segment per line (- for standard input). Bands: 101%
    (context), repetitions, 100%, 95–99, 85–94, 75–84, 50–74, no match; words per
    band (characters for Chinese).
    """
    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    from kazlit.formats.document import read_segments  # noqa: PLC0415

    src, tgt = _pair(src_lang, tgt_lang)
    segments = read_segments(doc, src, tgt)
    with _memory(tm_path) as memory, progress("indexing the TM", enabled=not _quiet()) as bar:
        report = memory.analyze(
            segments, src, tgt, progress=bar, settings={"document": Path(doc).name}
        )
    if as_json:
        click.echo(report.to_json(), nl=False)
    elif as_csv:
        click.echo(report.to_csv(), nl=False)
    else:
        click.echo(report.to_table(), nl=False)


@click.command("pretranslate")
@tm_option(must_exist=True)
@click.option("--src-lang", required=True, help="The file's source language (e.g. kk).")
@click.option("--tgt-lang", required=True, help="The file's target language (e.g. ru).")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 101),
    default=75.0,
    show_default=True,
    help="Lowest final score that fills a target (100: exact matches only).",
)
@click.option("--overwrite", is_flag=True, help="Also replace translations already there.")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write here (may be FILE itself; written atomically). Default: standard output.",
)
@click.option("--json-report", is_flag=True, help="Report every decision as JSON on stderr.")
@click.argument("file", metavar="FILE")
def pretranslate_command(  # noqa: PLR0917 - click passes options positionally
    tm_path: str,
    src_lang: str,
    tgt_lang: str,
    threshold: float,
    overwrite: bool,
    output: str | None,
    json_report: bool,
    file: str,
) -> None:
    """Fill the empty targets of a PO or XLIFF FILE from the TM.

    Matches at or above --threshold fill the target; below 100 they are marked
    for review (PO fuzzy flag; XLIFF needs-review). Existing translations are kept
    unless --overwrite. The file goes to standard output, or to -o OUT, which
    appears only once complete; what was filled is counted on stderr.
    """
    from kazlit.formats.bilingual import BilingualFile  # noqa: PLC0415

    src, tgt = _pair(src_lang, tgt_lang)
    with Path(file).open("rb") as fh:
        document = BilingualFile.read(fh, path=file, src_lang=src, tgt_lang=tgt)
    with _memory(tm_path) as memory, progress("indexing the TM", enabled=not _quiet()) as bar:
        report = memory.pretranslate(
            document.entries,
            src,
            tgt,
            threshold=threshold,
            overwrite=overwrite,
            contexts=document.contexts,
            progress=bar,
        )
    document.fill(report)
    with output_stream(output) as out:
        document.write(out)
    if json_report:
        click.echo(report.to_json(), err=True, nl=False)
        return
    click.echo(_pretranslate_summary(report, document.skipped), err=True, nl=False)


def _pretranslate_summary(report: PretranslationReport, skipped: int) -> str:
    from kazlit.tm.analysis import band_of  # noqa: PLC0415

    bands: dict[str, int] = {}
    for decision in report.decisions:
        if decision.filled and decision.score is not None:
            band = band_of(decision.score)
            bands[band] = bands.get(band, 0) + 1
    text = report.summary()
    if bands:
        order = ("context", "100", "95-99", "85-94", "75-84", "50-74")
        parts = [f"{name}: {bands[name]}" for name in order if name in bands]
        text += "  filled by band: " + ", ".join(parts) + "\n"
    if skipped:
        text += f"  left out (XLIFF translate=no): {skipped}\n"
    return text
