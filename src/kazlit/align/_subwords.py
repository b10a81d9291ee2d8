"""Subword stems for the learned lexicon, from a sentencepiece model trained in memory.

Optional (the ``spm`` extra). A unigram model (Kudo 2018, "Subword regularization")
is trained on each side's own sentences, never downloaded; its pieces replace the
five-letter stems, which suits agglutinative Kazakh, whose words are stem + suffixes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from kazlit._deps import require

__all__ = ["subword_stems"]


def subword_stems(texts: Sequence[str], vocab_size: int) -> list[tuple[str, ...]]:
    """The pieces (two characters or more, lower-cased) of each text."""
    spm = require("sentencepiece", "spm", purpose="subword stems for alignment")
    lines = [t.lower() for t in texts if t.strip()]
    if not lines:
        return [() for _ in texts]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
    )
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    out: list[tuple[str, ...]] = []
    for text in texts:
        pieces = processor.encode(text.lower(), out_type=str)
        out.append(tuple(p.lstrip("▁") for p in pieces if len(p.lstrip("▁")) >= 3))
    return out
