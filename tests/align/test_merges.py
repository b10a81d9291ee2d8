"""Merges of four and five sentences into one (beads 4-1, 1-4, 5-1, 1-5).

The cases are the sample corpus's own: in ``dala-zhyry`` chapter 2, paragraph 4, the
Chinese translator made one sentence of five Kazakh ones and the Arabic translator
one of the last four. ``max_merge=3`` is the aligner as it was before these beads,
to show that the same texts did come out as a 3-1 bead plus empty 1-0 beads.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kazlit.align import AlignSettings, align_documents, align_sentences, align_texts
from kazlit.corpus import Work, read_work, segment_document
from kazlit.errors import AlignmentError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dala() -> Work:
    return read_work(ROOT / "corpora" / "dala-zhyry")


def _flat(work: Work, tag: str) -> tuple[list[str], list[str]]:
    """The Kazakh and one translation as plain sentence lists (no paragraphs)."""
    src = [s.text for s in segment_document(work.original)]
    tgt = [s.text for s in segment_document(work.documents[tag])]
    return src, tgt


def _ids(work: Work, tag: str, beads: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> set[str]:
    src = segment_document(work.original)
    tgt = segment_document(work.documents[tag])
    return {
        " ".join(src[i].id for i in s) + " = " + " ".join(tgt[j].id for j in t) for s, t in beads
    }


def test_five_kazakh_sentences_in_one_chinese_sentence_are_one_bead(dala: Work) -> None:
    five = "c2.p4.s1 c2.p4.s2 c2.p4.s3 c2.p4.s4 c2.p4.s5 = c2.p4.s1"
    bitext = align_documents(dala.original, dala.documents["zh-Hans"])
    beads = [(b.src, b.tgt) for b in bitext.beads]
    assert five in _ids(dala, "zh-Hans", beads)
    assert all(b.src and b.tgt for b in bitext.beads)  # no empty 1-0 or 0-1 bead
    # The same paragraph without 4-1 and 5-1 beads: a 3-1 and two empty beads.
    before = align_documents(
        dala.original, dala.documents["zh-Hans"], settings=AlignSettings(max_merge=3)
    )
    assert five not in _ids(dala, "zh-Hans", [(b.src, b.tgt) for b in before.beads])
    assert sum(1 for b in before.beads if not b.tgt) == 2


def test_a_five_to_one_merge_is_found_without_paragraphs_in_both_directions(dala: Work) -> None:
    kk, zh = _flat(dala, "zh-Hans")
    merge = ((17, 18, 19, 20, 21), (18,))
    beads = [(b.src, b.tgt) for b in align_texts(kk, zh, "kk", "zh").beads]
    assert merge in beads
    assert all(s and t for s, t in beads)
    reverse = [(b.src, b.tgt) for b in align_texts(zh, kk, "zh", "kk").beads]
    assert (merge[1], merge[0]) in reverse  # one Chinese sentence, five Kazakh: 1-5
    old = align_sentences(kk, zh, settings=AlignSettings(max_merge=3))
    assert merge not in [(b.src, b.tgt) for b in old]


def test_four_kazakh_sentences_in_one_arabic_sentence_are_one_bead(dala: Work) -> None:
    four = "c2.p4.s2 c2.p4.s3 c2.p4.s4 c2.p4.s5 = c2.p4.s2"
    bitext = align_documents(dala.original, dala.documents["ar"])
    assert four in _ids(dala, "ar", [(b.src, b.tgt) for b in bitext.beads])
    assert "c2.p4.s1 = c2.p4.s1" in _ids(dala, "ar", [(b.src, b.tgt) for b in bitext.beads])
    assert all(b.src and b.tgt for b in bitext.beads)
    four_only = align_documents(
        dala.original, dala.documents["ar"], settings=AlignSettings(max_merge=4)
    )
    assert [b.src for b in four_only.beads] == [b.src for b in bitext.beads]


@pytest.mark.parametrize("tag", ["fr", "es"])
def test_one_to_one_translations_are_unaffected(dala: Work, tag: str) -> None:
    # The French and Spanish translations keep every Kazakh sentence whole.
    now = align_documents(dala.original, dala.documents[tag])
    before = align_documents(
        dala.original, dala.documents[tag], settings=AlignSettings(max_merge=3)
    )
    assert all(len(b.src) == len(b.tgt) == 1 for b in now.beads)
    assert now.beads == before.beads
    src, tgt = _flat(dala, tag)
    flat = align_texts(src, tgt, "kk", tag).beads
    assert [(b.src, b.tgt) for b in flat] == [((i,), (i,)) for i in range(len(src))]


def test_unrelated_one_to_one_sentences_are_not_merged(shared_data: Path) -> None:
    # 120 Tatoeba pairs in a seeded random order: short, unrelated, similar in length,
    # the case where a long merge could most easily pass for a run of sentences.
    folder = shared_data / "align" / "tatoeba_kaz_eng"
    kk = (folder / "tatoeba.kaz-eng.kaz").read_text(encoding="utf-8").splitlines()
    en = (folder / "tatoeba.kaz-eng.eng").read_text(encoding="utf-8").splitlines()
    order = random.Random(5).sample(range(len(kk)), 120)
    src, tgt = [kk[n] for n in order], [en[n] for n in order]
    beads = align_texts(src, tgt, "kk", "en").beads
    assert not [b for b in beads if max(len(b.src), len(b.tgt)) >= 4]
    assert beads == align_texts(src, tgt, "kk", "en", settings=AlignSettings(max_merge=3)).beads


def test_merge_priors_fall_with_size_and_the_largest_merge_is_checked() -> None:
    priors = AlignSettings().priors()  # costs: higher is less likely
    assert priors[(3, 1)] < priors[(4, 1)] < priors[(5, 1)]
    assert priors[(1, 5)] == priors[(5, 1)]
    assert (4, 1) not in AlignSettings(max_merge=3).priors()
    assert "max_merge=5" in AlignSettings().signature()
    with pytest.raises(AlignmentError, match="max_merge"):
        AlignSettings(max_merge=6).priors()


def test_the_cost_bound_never_hides_a_bead_that_could_win(dala: Work) -> None:
    # The DP's cost function, given a limit, may answer with a lower bound of the cost
    # that is not below the limit; otherwise it must give the cost itself.
    from kazlit.align._dp import BEAD_TYPES  # noqa: PLC0415
    from kazlit.align.aligner import _model, _sentences  # noqa: PLC0415

    kk, zh = _flat(dala, "zh-Hans")
    src, tgt = _sentences(kk, zh, ())
    model = _model(src, tgt, AlignSettings())
    cost = model.fast_cost()
    rng = random.Random(7)
    pruned = 0
    for _ in range(3000):
        k, m = rng.choice(BEAD_TYPES)
        i, j = rng.randrange(len(src) - k + 1), rng.randrange(len(tgt) - m + 1)
        exact = cost(i, k, j, m)
        assert exact == pytest.approx(model.cost(i, k, j, m))
        limit = exact + rng.uniform(-20.0, 5.0)
        bounded = cost(i, k, j, m, limit)
        if bounded != exact:
            assert limit <= bounded <= exact
            pruned += 1
    assert pruned > 100  # the bound does cut work on real text
