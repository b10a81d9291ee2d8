"""Translation units from an aligned bitext.

An aligned work is how a translation memory is born: each bead with text on both
sides becomes one unit whose origin is the work and the first source segment, and
whose context is the neighbouring source sentences (for 101% in-context matches)::

    >>> from kazlit.corpus.model import Bead, Bitext, Segment
    >>> bitext = Bitext(
    ...     "kk", "en",
    ...     (Segment("c1.p1.s1", "Қар жауды."), Segment("c1.p1.s2", "Дала ақ.")),
    ...     (Segment("c1.p1.s1", "Snow fell."), Segment("c1.p1.s2", "The steppe is white.")),
    ...     (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)),
    ... )
    >>> [u.text("en") for u in units_from_bitext(bitext, work="dala")]
    ['Snow fell.', 'The steppe is white.']
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from kazlit.corpus.model import Bitext
from kazlit.tm.model import Prop, TranslationUnit, Variant

__all__ = ["units_from_bitext"]


def units_from_bitext(
    bitext: Bitext,
    *,
    work: str | None = None,
    min_score: float = 0.0,
    created: datetime | None = None,
    created_by: str | None = None,
) -> Iterator[TranslationUnit]:
    """Yield one unit per bead that has text on both sides and *min_score* or more.

    The unit's ``origin_work`` is *work*, its ``origin_segment`` the id of the bead's
    first source segment; ``context_prev``/``context_next`` are the source texts of
    the neighbouring beads (the empty string at the start and end of the document).
    The bead's score is kept as the property ``x-kazlit-align-score``.
    """
    pairs = list(bitext.pairs())
    sources = [src for src, _tgt, _bead in pairs]
    for index, (src, tgt, bead) in enumerate(pairs):
        if not bead.src or not bead.tgt or not src.strip() or not tgt.strip():
            continue
        if bead.score < min_score:
            continue
        yield TranslationUnit(
            variants=(
                Variant(bitext.src_lang, (src,), created=created, created_by=created_by),
                Variant(bitext.tgt_lang, (tgt,), created=created, created_by=created_by),
            ),
            srclang=bitext.src_lang,
            created=created,
            created_by=created_by,
            origin_work=work,
            origin_segment=bitext.src[bead.src[0]].id,
            context_prev=sources[index - 1] if index > 0 else "",
            context_next=sources[index + 1] if index + 1 < len(sources) else "",
            props=(Prop("x-kazlit-align-score", f"{bead.score:.3f}"),),
        )
