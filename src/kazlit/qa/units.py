"""QA units from kazlit's own models: an aligned bitext, or a work folder's
translations paired block by block with the original."""

from __future__ import annotations

from collections.abc import Iterable

from kazlit.corpus.model import Bitext, Work
from kazlit.qa.model import QAUnit

__all__ = ["units_from_bitext", "units_from_work"]


def units_from_bitext(bitext: Bitext, *, prefix: str = "") -> list[QAUnit]:
    """One unit per bead (``<prefix><n>``, 1-based); a side joins its segments."""
    return [
        QAUnit(f"{prefix}{index}", source, target, bitext.src_lang, bitext.tgt_lang)
        for index, (source, target, _) in enumerate(bitext.pairs(), start=1)
    ]


def units_from_work(work: Work, languages: Iterable[str] | None = None) -> list[QAUnit]:
    """One unit per block of each translation, paired with the original's block at
    the same chapter and position (ids ``<lang>:<chapter>.<block>``, 1-based).

    Chapter titles are units too (``<lang>:<chapter>.0``). Blocks beyond the
    original's shape have an empty source; missing ones an empty target — the
    ``empty`` check then reports them.
    """
    original = work.original
    wanted = (
        list(languages)
        if languages is not None
        else [tag for tag in work.languages if tag != original.lang]
    )
    units: list[QAUnit] = []
    for tag in wanted:
        document = work.document(tag)
        for ci in range(max(len(original.chapters), len(document.chapters))):
            src_chapter = original.chapters[ci] if ci < len(original.chapters) else None
            tgt_chapter = document.chapters[ci] if ci < len(document.chapters) else None
            units.append(
                QAUnit(
                    f"{document.lang}:{ci + 1}.0",
                    src_chapter.title if src_chapter else "",
                    tgt_chapter.title if tgt_chapter else "",
                    original.lang,
                    document.lang,
                )
            )
            src_blocks = src_chapter.blocks if src_chapter else ()
            tgt_blocks = tgt_chapter.blocks if tgt_chapter else ()
            units.extend(
                QAUnit(
                    f"{document.lang}:{ci + 1}.{bi + 1}",
                    src_blocks[bi].text if bi < len(src_blocks) else "",
                    tgt_blocks[bi].text if bi < len(tgt_blocks) else "",
                    original.lang,
                    document.lang,
                )
                for bi in range(max(len(src_blocks), len(tgt_blocks)))
            )
    return units
