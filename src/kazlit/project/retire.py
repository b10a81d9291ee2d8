"""Retiring the TM pairs of sentences that are no longer in a translation.

When a translation (or its original) is edited and aligned again, the new pairs go
into the project's TM by the ``update`` merge policy, but a pair whose source
sentence is gone, or whose translation was deleted, would stay there and keep
being offered. After each alignment of a work and a language, this step looks at
the units that came from that work (``origin_work``) and hold a target in that
language: a unit whose source is no longer a source of the new alignment loses
its target in that language, and is deleted when no other language is left.

A source that still appears in the original of another work is left alone: the
same sentence in two works is one unit, and the other work's alignment (which did
not change) still stands behind it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from kazlit.corpus.model import Bitext
from kazlit.tm.model import TranslationUnit, lang_key
from kazlit.tm.store import ImportResult, TMStore

__all__ = ["retire_stale"]


def retire_stale(
    store: TMStore,
    *,
    work: str,
    bitext: Bitext,
    kept: Iterable[TranslationUnit],
    others: Sequence[str],
) -> ImportResult | None:
    """Drop the *bitext*'s target language from units of *work* whose source is not
    among the sources of *kept* (the units just added from *bitext*) nor found in any
    of the *others* texts (the originals of the other works). None when nothing is
    stale."""
    src, tgt = lang_key(bitext.src_lang), lang_key(bitext.tgt_lang)
    current = {unit.text(src) for unit in kept}
    changes: dict[int, TranslationUnit | None] = {}
    for unit_id, unit in store.iter_units(src, tgt):
        if unit.origin_work != work:
            continue
        source = unit.text(src)
        if source is None or source in current or any(source in text for text in others):
            continue
        left = tuple(v for v in unit.variants if v.lang != tgt)
        if len(left) == len(unit.variants):
            continue
        targets = [v for v in left if v.lang != src]
        changes[unit_id] = dataclasses.replace(unit, variants=left) if targets else None
    if not changes:
        return None
    return store.rewrite_units(changes, label=f"{work}/{bitext.tgt_lang} retired")
