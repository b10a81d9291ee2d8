"""The translation lexicon the aligner learns from the text itself (private).

The second pass of hunalign (Varga et al. 2005, "Parallel corpora for medium density
languages", the ``-realign`` option) learns a dictionary from the first pass's
confident beads. kazlit does the same with a Dice association between word stems of
the two sides of each bead (Dice 1945; for word alignment, Och and Ney 2003 §4): a
pair is kept when it co-occurs in at least ``min_count`` beads and its Dice
coefficient is at least ``min_dice``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kazlit.align._features import Sentence

__all__ = ["learn"]

#: At most this many beads are read (evenly spread), so that learning stays linear.
MAX_BEADS = 3000


def learn(
    src: Sequence[Sentence],
    tgt: Sequence[Sentence],
    beads: Sequence[tuple[range, range]],
    *,
    min_count: int,
    min_dice: float,
) -> dict[str, frozenset[str]]:
    """Source stem → the target stems it is taken to translate."""
    if len(beads) > MAX_BEADS:
        step = len(beads) / MAX_BEADS
        beads = [beads[int(k * step)] for k in range(MAX_BEADS)]
    src_count: Counter[str] = Counter()
    tgt_count: Counter[str] = Counter()
    pair_count: Counter[tuple[str, str]] = Counter()
    for src_ids, tgt_ids in beads:
        s_stems = {stem for i in src_ids for stem in src[i].stems}
        t_stems = {stem for j in tgt_ids for stem in tgt[j].stems}
        src_count.update(s_stems)
        tgt_count.update(t_stems)
        pair_count.update((s, t) for s in s_stems for t in t_stems)
    table: dict[str, set[str]] = {}
    for (s, t), both in pair_count.items():
        if both < min_count:
            continue
        dice = 2 * both / (src_count[s] + tgt_count[t])
        if dice >= min_dice:
            table.setdefault(s, set()).add(t)
    return {s: frozenset(ts) for s, ts in table.items()}
