"""Segmentation of a whole :class:`~kazlit.corpus.model.Document` into sentences."""

from __future__ import annotations

from kazlit.corpus.model import Document, Segment
from kazlit.text import segment

__all__ = ["segment_document"]


def segment_document(doc: Document, *, titles: bool = True) -> tuple[Segment, ...]:
    """Split every block of *doc* into sentences, in document order.

    Ids are stable: ``c{chapter}.p{block}.s{sentence}``, all 1-based. A chapter's title
    (when *titles* and not empty) is the segment ``c{chapter}.p0.s1``, so that titles
    align with titles. A hard line break in a block (a verse line) ends a segment.
    """
    out: list[Segment] = []
    for ci, chapter in enumerate(doc.chapters, start=1):
        if titles and chapter.title.strip():
            out.append(Segment(f"c{ci}.p0.s1", chapter.title.strip(), ci, 0))
        for bi, block in enumerate(chapter.blocks, start=1):
            for si, sentence in enumerate(segment(block.text, doc.lang), start=1):
                out.append(Segment(f"c{ci}.p{bi}.s{si}", sentence, ci, bi))
    return tuple(out)
