"""Writing a :class:`~kazlit.corpus.Bitext`: beads (Vecalign's format) and TSV.

Each writer returns bytes (UTF-8); the caller chooses where they go. TMX (and the
other translation-memory formats) go through the codecs of :mod:`kazlit.formats`:
see :func:`kazlit.formats.aligned.write_bitext`.
"""

from __future__ import annotations

from kazlit.corpus import Bitext

__all__ = ["to_beads", "to_tsv"]


def to_beads(bitext: Bitext) -> bytes:
    """One bead a line, ``[i, j]:[k]`` with 0-based indexes, ``[]`` for an empty side."""
    lines = [f"[{', '.join(map(str, b.src))}]:[{', '.join(map(str, b.tgt))}]" for b in bitext.beads]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def to_tsv(bitext: Bitext, *, header: bool = True) -> bytes:
    """Tab-separated: source, target, score, source ids, target ids; one bead a line.

    Tabs and line breaks inside a sentence become spaces. The header row names the
    columns and the languages (``source:kk-Cyrl``).
    """
    rows: list[str] = []
    if header:
        rows.append(
            f"source:{bitext.src_lang}\ttarget:{bitext.tgt_lang}\tscore\tsource_ids\ttarget_ids"
        )
    for src, tgt, bead in bitext.pairs():
        rows.append(
            "\t".join(
                [
                    _flat(src),
                    _flat(tgt),
                    f"{bead.score:.4f}",
                    " ".join(bitext.src[i].id for i in bead.src),
                    " ".join(bitext.tgt[j].id for j in bead.tgt),
                ]
            )
        )
    return ("\n".join(rows) + "\n").encode("utf-8") if rows else b""


def _flat(text: str) -> str:
    return " ".join(text.split())
