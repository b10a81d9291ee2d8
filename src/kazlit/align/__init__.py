"""kazlit.align: sentence alignment of a Kazakh text with its translation.

Offline, with no model to download: length, numbers, punctuation, names and cognates
across scripts, glossary term pairs, and a lexicon learned from the text itself::

    from kazlit.align import align_texts, to_tmx

    bitext = align_texts(kazakh_sentences, russian_sentences, "kk", "ru")
    Path("book.tmx").write_bytes(to_tmx(bitext))
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
from kazlit.align.export import to_beads, to_tmx, to_tsv
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
    "to_tmx",
    "to_tsv",
]
