"""Units from an aligned bitext: origin, context, scores, empty sides."""

from __future__ import annotations

from kazlit.corpus.model import Bead, Bitext, Segment
from kazlit.tm.bitext import units_from_bitext
from kazlit.tm.store import open_store


def _bitext() -> Bitext:
    src = (
        Segment("c1.p1.s1", "Қар жауды."),
        Segment("c1.p1.s2", "Дала ақ."),
        Segment("c1.p1.s3", "Түн түсті."),
    )
    tgt = (Segment("c1.p1.s1", "Snow fell."), Segment("c1.p1.s2", "The steppe was white."))
    beads = (Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.4), Bead((2,), (), 0.0))
    return Bitext("kk", "en", src, tgt, beads)


def test_units_carry_origin_context_and_score() -> None:
    units = list(units_from_bitext(_bitext(), work="dala"))
    assert [u.text("kk") for u in units] == ["Қар жауды.", "Дала ақ."]
    first, second = units
    assert first.origin_work == "dala"
    assert first.origin_segment == "c1.p1.s1"
    assert first.context_prev == ""
    assert first.context_next == "Дала ақ."
    assert second.context_prev == "Қар жауды."
    assert second.context_next == "Түн түсті."  # the 1-0 bead is still context
    assert first.prop("x-kazlit-align-score") == "0.900"
    assert first.srclang == "kk-Cyrl"


def test_min_score_drops_weak_beads() -> None:
    units = list(units_from_bitext(_bitext(), min_score=0.5))
    assert [u.text("en") for u in units] == ["Snow fell."]


def test_units_go_into_a_store_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "tm.sqlite") as store:
        first = store.add_units(units_from_bitext(_bitext(), work="dala"))
        again = store.add_units(units_from_bitext(_bitext(), work="dala"))
        assert store.stats().units == 2
    assert first.added == 2
    assert again.added == 0
