"""kazlit.align: sentence alignment of a Kazakh text with its translation.

Offline, with no model to download: length, numbers, punctuation, names and cognates
across scripts, glossary term pairs, and a lexicon learned from the text itself::

    from kazlit.align import align_texts, to_tsv

    bitext = align_texts(kazakh_sentences, russian_sentences, "kk", "ru")
    Path("book.tsv").write_bytes(to_tsv(bitext))

Names are compared across scripts through :mod:`kazlit.translit`. TMX and the other
translation-memory formats are written by :func:`kazlit.formats.aligned.write_bitext`;
:func:`kazlit.tm.bitext.units_from_bitext` turns the beads into units for a TM.
"""

from kazlit.align.aligner import (
    AlignSettings,
    BeadExplanation,
    Glossary,
    align_documents,
    align_sentences,
    align_texts,
    explain,
)
from kazlit.align.export import to_beads, to_tsv
from kazlit.align.scoring import Score, parse_beads, score

__all__ = [
    "AlignSettings",
    "BeadExplanation",
    "Glossary",
    "Score",
    "align_documents",
    "align_sentences",
    "align_texts",
    "explain",
    "parse_beads",
    "score",
    "to_beads",
    "to_tsv",
]
