"""Sentence alignment of a text with its translation, offline and explainable.

Two passes of a banded dynamic programme over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
and merges of up to five sentences into one, 1-3 to 1-5 and 3-1 to 5-1; see
:mod:`kazlit.align._dp` for the cost). The first pass scores length,
numbers, punctuation, cognates and names matched across scripts, and glossary term
pairs; the second adds a translation lexicon learned from the first pass's confident
beads. Documents with paragraphs are aligned paragraph by paragraph first, then
sentence by sentence inside each group of aligned paragraphs::

    from kazlit.align import align_texts

    bitext = align_texts(kazakh_sentences, russian_sentences, "kk", "ru")
    for src, tgt, bead in bitext.pairs():
        print(f"{bead.score:.2f}  {src}  |  {tgt}")
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TypeAlias

from kazlit import __version__
from kazlit import lang as _lang
from kazlit.align._checks import check_language as _check_script
from kazlit.align._checks import warn_long as _warn_long
from kazlit.align._dp import BEAD_TYPES, Costs, Model, search
from kazlit.align._features import Sentence, glossary_features, sentence
from kazlit.align._lexicon import learn
from kazlit.align._names import SCHEME as NAMES_SCHEME
from kazlit.align._subwords import subword_stems
from kazlit.corpus import Bead, Bitext, Document, Segment, segment_document
from kazlit.errors import AlignmentError

__all__ = [
    "AlignSettings",
    "BeadExplanation",
    "Glossary",
    "align_documents",
    "align_sentences",
    "align_texts",
    "explain",
]

log = logging.getLogger(__name__)

#: Term pairs ``(source term, target term)``; a termbase can supply them.
Glossary: TypeAlias = Sequence[tuple[str, str]]
Progress: TypeAlias = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """The aligner's options, with defaults set on held-out development data.

    Probabilities are bead priors; weights scale the length and lexical costs;
    ``width`` is the initial half-width of the search band in sentences (doubled when
    the best path touches its edge); ``realign`` runs the second pass with the learned
    lexicon; ``subwords`` learns it over sentencepiece pieces trained on the text
    itself (the ``spm`` extra) instead of five-letter stems.

    ``max_merge`` is the most sentences one sentence may stand for (3, 4 or 5: beads
    1-3 … 1-``max_merge`` and the reverse); the prior of each size above 3 is
    ``merge_decay`` times the one below it.
    """

    width: int = 16
    realign: bool = True
    length_weight: float = 1.5
    lexical_weight: float = 6.0
    variance: float = 6.8
    p_one_one: float = 0.89
    p_skip: float = 0.006
    p_two_one: float = 0.04
    p_two_two: float = 0.006
    p_one_three: float = 0.004
    # 4:1 and 5:1 merges: a geometric tail after 3:1. On Text+Berg dev (Bleualign's
    # eval1957, 422 gold beads; the test documents were not looked at) merges of 3, 4
    # and 5 sentences into one occur 16, 6 and 2 times; pooled, each size is
    # (6 + 2) / (16 + 6) = 0.36 times as frequent as the size below it.
    max_merge: int = 5
    merge_decay: float = 0.36
    p_paragraph_skip: float = 0.1
    lexicon_min_count: int = 2
    lexicon_min_dice: float = 0.3
    confident_share: float = 0.7
    subwords: bool = False
    subword_vocab: int = 800

    def priors(self) -> dict[tuple[int, int], float]:
        """Bead type → prior cost (negative log-probability)."""
        table = {
            (1, 1): self.p_one_one,
            (1, 0): self.p_skip,
            (0, 1): self.p_skip,
            (2, 1): self.p_two_one,
            (1, 2): self.p_two_one,
            (2, 2): self.p_two_two,
            (1, 3): self.p_one_three,
            (3, 1): self.p_one_three,
        }
        if not 3 <= self.max_merge <= _MAX_MERGE:
            raise AlignmentError(
                f"max_merge must be 3, 4 or 5, not {self.max_merge}",
                hint="the aligner has beads of up to five sentences against one",
            )
        for size in range(4, self.max_merge + 1):
            share = self.p_one_three * self.merge_decay ** (size - 3)
            table[(1, size)] = table[(size, 1)] = share
        return {key: -math.log(value) for key, value in table.items()}

    def signature(self) -> str:
        """The settings as one line, for provenance."""
        return " ".join(f"{k}={v}" for k, v in asdict(self).items())


@dataclass(frozen=True, slots=True)
class BeadExplanation:
    """Why a bead was chosen: each part of its cost, and the features both sides share.

    Costs are negative log-probabilities (lower is better); ``lexical`` is a reward
    (negative) for ``similarity`` above ``baseline``, the similarity of unrelated
    sentences. ``matched`` lists the shared features: ``#1988`` a number, ``p:nord`` a
    cognate prefix, ``n:nzrbv`` a name's skeleton, ``g:3`` glossary pair 3, ``w:…`` a
    learned translation, ``?``/``!``/``"`` punctuation.
    """

    bead: Bead
    prior: float
    length: float
    similarity: float
    baseline: float
    lexical: float
    matched: tuple[str, ...]


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    settings: AlignSettings | None = None,
    glossary: Glossary = (),
    progress: Progress | None = None,
) -> list[Bead]:
    """Align two lists of sentences; beads hold 0-based indexes into them.

    Raises :class:`~kazlit.errors.AlignmentError` when either side is empty.
    """
    settings = settings or AlignSettings()
    _require_text(src, "source")
    _require_text(tgt, "target")
    src_s, tgt_s = _sentences(src, tgt, glossary)
    beads, _ = _align(src_s, tgt_s, settings, progress)
    return beads


def align_texts(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    settings: AlignSettings | None = None,
    glossary: Glossary = (),
    progress: Progress | None = None,
) -> Bitext:
    """Align presegmented texts (one sentence per item) into a :class:`Bitext`.

    Checks that each side is written in the script of its language (a Kazakh file
    given as ``--tgt-lang en`` is an :class:`~kazlit.errors.AlignmentError`).
    """
    settings = settings or AlignSettings()
    src_tag, tgt_tag = _lang.normalize(src_lang), _lang.normalize(tgt_lang)
    _check_script(src, src_tag, "source")
    _check_script(tgt, tgt_tag, "target")
    _warn_long(src, "source")
    _warn_long(tgt, "target")
    beads = align_sentences(src, tgt, settings=settings, glossary=glossary, progress=progress)
    return Bitext(
        src_tag,
        tgt_tag,
        tuple(Segment(f"s{i + 1}", t) for i, t in enumerate(src)),
        tuple(Segment(f"s{i + 1}", t) for i, t in enumerate(tgt)),
        tuple(beads),
        _provenance(settings, glossary, presegmented=True),
    )


def align_documents(
    src: Document,
    tgt: Document,
    *,
    settings: AlignSettings | None = None,
    glossary: Glossary = (),
    progress: Progress | None = None,
) -> Bitext:
    """Segment and align two documents: paragraphs first, then sentences inside.

    Chapter titles are segments of their own (``c{n}.p0.s1``) and align like
    paragraphs. When one side has a single paragraph, or the paragraph counts differ
    by more than 40 % (the translation was re-paragraphed), the paragraph step is
    skipped and sentences are aligned over the whole document.
    """
    settings = settings or AlignSettings()
    src_segs, tgt_segs = segment_document(src), segment_document(tgt)
    _require_text([s.text for s in src_segs], "source")
    _require_text([s.text for s in tgt_segs], "target")
    _check_script([s.text for s in src_segs], src.lang, "source")
    _check_script([s.text for s in tgt_segs], tgt.lang, "target")
    _warn_long([s.text for s in src_segs], "source")
    _warn_long([s.text for s in tgt_segs], "target")
    src_groups, tgt_groups = _paragraphs(src_segs), _paragraphs(tgt_segs)
    src_s, tgt_s = _sentences([s.text for s in src_segs], [s.text for s in tgt_segs], glossary)
    fewer, more = sorted((len(src_groups), len(tgt_groups)))
    if fewer > 1 and fewer / more >= _PARALLEL_PARAGRAPHS:
        beads = _align_by_paragraph(src_s, tgt_s, src_groups, tgt_groups, settings=settings)
    else:
        beads, _ = _align(src_s, tgt_s, settings, progress)
    return Bitext(
        src.lang,
        tgt.lang,
        src_segs,
        tgt_segs,
        tuple(beads),
        _provenance(settings, glossary, presegmented=False),
    )


def explain(
    bitext: Bitext, *, settings: AlignSettings | None = None, glossary: Glossary = ()
) -> tuple[BeadExplanation, ...]:
    """Explain each bead of *bitext*: its cost parts and the features both sides share.

    The lexicon is learned again from *bitext*'s own beads, as the second pass does.
    """
    settings = settings or AlignSettings()
    src_s, tgt_s = _sentences([s.text for s in bitext.src], [t.text for t in bitext.tgt], glossary)
    pairs = [(range(b.src[0], b.src[-1] + 1), range(b.tgt[0], b.tgt[-1] + 1))
             for b in bitext.beads if b.src and b.tgt]  # fmt: skip
    if settings.realign and pairs:
        src_s, tgt_s = _with_lexicon(src_s, tgt_s, pairs, settings)
    model = _model(src_s, tgt_s, settings)
    out: list[BeadExplanation] = []
    for bead in bitext.beads:
        i = bead.src[0] if bead.src else 0
        j = bead.tgt[0] if bead.tgt else 0
        costs = model.cost(i, len(bead.src), j, len(bead.tgt), explain=True)
        assert isinstance(costs, Costs)
        out.append(
            BeadExplanation(
                bead,
                round(costs.prior, 4),
                round(costs.length, 4),
                round(costs.similarity, 4),
                round(costs.baseline, 4),
                round(costs.lexical, 4),
                costs.matched,
            )
        )
    return tuple(out)


# ---------------------------------------------------------------- the passes


#: The largest merge the programme has bead types for.
_MAX_MERGE = max(max(bead) for bead in BEAD_TYPES)

#: Paragraphs are aligned first only when the two sides have paragraph counts this
#: close (fewer ÷ more); otherwise the translation re-paragraphed the text and the
#: sentences are aligned over the whole document.
_PARALLEL_PARAGRAPHS = 0.6

#: Half-width of the second pass's band, around the first pass's path.
_REALIGN_WIDTH = 16


def _align(
    src: list[Sentence],
    tgt: list[Sentence],
    settings: AlignSettings,
    progress: Progress | None = None,
) -> tuple[list[Bead], list[Sentence]]:
    if not src or not tgt:
        beads = [Bead((i,), (), 0.0) for i in range(len(src))]
        beads += [Bead((), (j,), 0.0) for j in range(len(tgt))]
        return beads, src
    path = search(_model(src, tgt, settings), settings.width, progress)
    if settings.realign:
        ranked = sorted(
            (step for step in path if step[1] and step[3]),
            key=lambda step: step[4] / (step[1] + step[3]),
        )
        keep = ranked[: max(1, int(len(ranked) * settings.confident_share))]
        pairs = [(range(i, i + k), range(j, j + m)) for i, k, j, m, _ in keep]
        src, tgt = _with_lexicon(src, tgt, pairs, settings)
        model = _model(src, tgt, settings)
        # The length ratio, now from the confident beads (an insertion no longer skews it).
        src_chars = sum(src[i].length for s_ids, _ in pairs for i in s_ids)
        tgt_chars = sum(tgt[j].length for _, t_ids in pairs for j in t_ids)
        if src_chars and tgt_chars:
            model.ratio = tgt_chars / src_chars
        path = search(model, _REALIGN_WIDTH, progress, around=path)
    beads = [
        Bead(tuple(range(i, i + k)), tuple(range(j, j + m)), _confidence(cost, k, m))
        for i, k, j, m, cost in path
    ]
    return beads, src


def _align_by_paragraph(
    src: list[Sentence],
    tgt: list[Sentence],
    src_groups: list[range],
    tgt_groups: list[range],
    *,
    settings: AlignSettings,
) -> list[Bead]:
    src_p = [_merge(src, group) for group in src_groups]
    tgt_p = [_merge(tgt, group) for group in tgt_groups]
    # A paragraph left out or added (a translator's note) is likelier than a sentence.
    paragraph_settings = replace(settings, p_skip=settings.p_paragraph_skip)
    paragraph_beads, _ = _align(src_p, tgt_p, paragraph_settings)
    out: list[Bead] = []
    for pb in paragraph_beads:
        s_ids = [i for p in pb.src for i in src_groups[p]]
        t_ids = [j for p in pb.tgt for j in tgt_groups[p]]
        inner, _ = _align([src[i] for i in s_ids], [tgt[j] for j in t_ids], settings)
        out.extend(
            Bead(
                tuple(s_ids[i] for i in bead.src),
                tuple(t_ids[j] for j in bead.tgt),
                round(min(bead.score, pb.score) if pb.src and pb.tgt else bead.score, 4),
            )
            for bead in inner
        )
    return out


def _merge(side: list[Sentence], group: range) -> Sentence:
    items = [side[i] for i in group]
    return Sentence(
        " ".join(s.text for s in items),
        sum(s.length for s in items),
        sum(s.words for s in items),
        frozenset().union(*(s.features for s in items)),
        tuple(stem for s in items for stem in s.stems),
    )


def _with_lexicon(
    src: list[Sentence],
    tgt: list[Sentence],
    pairs: Sequence[tuple[range, range]],
    settings: AlignSettings,
) -> tuple[list[Sentence], list[Sentence]]:
    if settings.subwords:
        src = _with_stems(src, subword_stems([s.text for s in src], settings.subword_vocab))
        tgt = _with_stems(tgt, subword_stems([t.text for t in tgt], settings.subword_vocab))
    table = learn(
        src,
        tgt,
        pairs,
        min_count=settings.lexicon_min_count,
        min_dice=settings.lexicon_min_dice,
    )
    log.debug("learned %d lexicon entries", len(table))
    targets = frozenset().union(*table.values()) if table else frozenset()
    new_src = [_add(s, {"w:" + t for stem in s.stems for t in table.get(stem, ())}) for s in src]
    new_tgt = [_add(t, {"w:" + stem for stem in t.stems if stem in targets}) for t in tgt]
    return new_src, new_tgt


def _with_stems(side: list[Sentence], stems: list[tuple[str, ...]]) -> list[Sentence]:
    return [
        Sentence(one.text, one.length, one.words, one.features, one.stems + pieces)
        for one, pieces in zip(side, stems, strict=True)
    ]


def _add(one: Sentence, extra: set[str]) -> Sentence:
    if not extra:
        return one
    return Sentence(one.text, one.length, one.words, one.features | extra, one.stems)


def _model(src: list[Sentence], tgt: list[Sentence], settings: AlignSettings) -> Model:
    model = Model(
        src,
        tgt,
        settings.priors(),
        settings.length_weight,
        settings.lexical_weight,
        settings.variance,
    )
    model.prepare()
    return model


def _confidence(cost: float, k: int, m: int) -> float:
    """A bead's cost per sentence, mapped to ``[0, 1]`` (1: certain)."""
    per = cost / max(1.0, (k + m) / 2)
    return round(1 / (1 + math.exp(1.5 * (per - 2.5))), 4)


# ---------------------------------------------------------------- input


def _sentences(
    src: Sequence[str], tgt: Sequence[str], glossary: Glossary
) -> tuple[list[Sentence], list[Sentence]]:
    src_terms = [a for a, _ in glossary]
    tgt_terms = [b for _, b in glossary]
    return (
        [sentence(t, glossary_features(t, src_terms)) for t in src],
        [sentence(t, glossary_features(t, tgt_terms)) for t in tgt],
    )


def _paragraphs(segments: Sequence[Segment]) -> list[range]:
    groups: list[range] = []
    start = 0
    for index in range(1, len(segments) + 1):
        if index == len(segments) or (segments[index].chapter, segments[index].block) != (
            segments[start].chapter,
            segments[start].block,
        ):
            groups.append(range(start, index))
            start = index
    return groups


def _require_text(texts: Sequence[str], side: str) -> None:
    if not any(t.strip() for t in texts):
        raise AlignmentError(
            f"the {side} text is empty", hint="give a file with at least one sentence"
        )


def _provenance(
    settings: AlignSettings, glossary: Glossary, *, presegmented: bool
) -> dict[str, str]:
    return {
        "tool": f"kazlit {__version__}",
        "aligner": "kazlit.align (banded DP, two passes)",
        "settings": settings.signature(),
        "glossary_pairs": str(len(glossary)),
        "segmentation": "given" if presegmented else "kazlit.text.segment",
        "names": f"kazlit.translit {NAMES_SCHEME}",
    }
