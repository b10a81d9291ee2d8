"""kazlit.tm.codes: the document's inline codes carried into a memory target."""

from __future__ import annotations

from kazlit.tm.codes import Code, Slot, map_codes, pair_up, place_codes, render
from kazlit.tm.model import Inline


def _g(ident: str, *content: str | Inline) -> Inline:
    return Inline("g", (("id", ident),), content)


def _x(ident: str) -> Inline:
    return Inline("x", (("id", ident),))


def _bpt(ident: str, code: str) -> Inline:
    return Inline("bpt", (("id", ident),), (code,))


def _ept(ident: str, code: str) -> Inline:
    return Inline("ept", (("id", ident),), (code,))


# Two <g> around words and an <x/> at the end, as the document has them.
G2X = pair_up([("wrap-open", None), ("wrap-close", None), ("wrap-open", None),
               ("wrap-close", None), ("standalone", "3")])  # fmt: skip


def test_pair_up_shapes_and_partners() -> None:
    codes = pair_up([("open", "1"), ("standalone", "2"), ("close", "1"), ("open", "9")])
    assert codes == (
        Code("open", 2),
        Code("standalone"),
        Code("close", 0),
        Code("standalone"),  # an opening code without its closing one stands alone
    )
    assert G2X[0] == Code("open", 1, wraps=True)
    assert G2X[3] == Code("close", 2, wraps=True)


def test_reordered_wrappers_follow_the_memory_target() -> None:
    source = ("Бұл ", _g("1", "кітап"), " ", _g("2", "жаңа"), ".", _x("3"))
    target = ("Эта ", _g("2", "новая"), " ", _g("1", "книга"), ".", _x("3"))
    plan = map_codes(G2X, source, target)
    assert plan == ("Эта ", Slot(2), "новая", Slot(3), " ", Slot(0), "книга", Slot(1), ".",
                    Slot(4))  # fmt: skip
    assert render(G2X, plan) == "Эта <1>новая</1> <2>книга</2>.<3/>"


def test_bpt_ept_map_to_a_wrapping_pair_of_the_document() -> None:
    # The memory came from TMX-like bpt/ept; the document wraps with <g>: same shapes.
    codes = pair_up([("wrap-open", None), ("wrap-close", None)])
    source = (_bpt("1", "<b>"), "Абай", _ept("1", "</b>"), " ақын")
    target = (_bpt("1", "<b>"), "Абай", _ept("1", "</b>"), " поэт")
    assert map_codes(codes, source, target) == (Slot(0), "Абай", Slot(1), " поэт")


def test_cannot_map_one_to_one() -> None:
    source = ("Бұл ", _g("1", "кітап"), " ", _g("2", "жаңа"), ".", _x("3"))
    # the memory has no codes at all
    assert map_codes(G2X, ("Бұл кітап жаңа.",), ("Эта книга новая.",)) is None
    # the target drops a code
    assert map_codes(G2X, source, ("Эта ", _g("2", "новая"), " ", _g("1", "книга"), ".")) is None
    # the target repeats one
    assert map_codes(G2X, source, (_x("3"), _x("3"), _g("1", "а"), _g("2", "б"))) is None
    # a code the source does not have
    assert map_codes(G2X, source, (_x("7"), _g("1", "а"), _g("2", "б"))) is None
    # the source's codes have other shapes than the document's
    assert map_codes(G2X, ("а", _x("1"), _x("2"), _x("3"), _x("4"), _x("5")), ("б",)) is None


def test_closing_before_opening_is_refused() -> None:
    codes = pair_up([("open", "1"), ("close", "1")])
    source = (_bpt("1", "<i>"), "сөз", _ept("1", "</i>"))
    assert map_codes(codes, source, (_ept("1", "</i>"), "слово", _bpt("1", "<i>"))) is None


def test_crossing_wrappers_are_refused() -> None:
    codes = pair_up([("wrap-open", None), ("open", "1"), ("wrap-close", None), ("close", "1")])
    source = (_g("1", "а", _bpt("2", "<i>"), "б"), "в", _ept("2", "</i>"))
    # fine: the bpt/ept pair may cross the <g> boundary as in the source
    target = (_g("1", "А", _bpt("2", "<i>"), "Б"), "В", _ept("2", "</i>"))
    assert map_codes(codes, source, target) is not None
    # the same pair of codes in the other order is not the source's pair
    assert map_codes(codes, source, (_ept("2", "</i>"), _g("1", "А"), _bpt("2", "<i>"))) is None
    # the document nests two <g>; the memory's bpt/ept pairs cross in its target
    nested = pair_up([("wrap-open", None), ("wrap-open", None), ("wrap-close", None),
                      ("wrap-close", None)])  # fmt: skip
    source = (_bpt("1", "<b>"), "а", _bpt("2", "<i>"), "б", _ept("2", "</i>"), _ept("1", "</b>"))
    good = (_bpt("1", "<b>"), "А", _bpt("2", "<i>"), "Б", _ept("2", "</i>"), _ept("1", "</b>"))
    crossed = (_bpt("1", "<b>"), "А", _bpt("2", "<i>"), "Б", _ept("1", "</b>"), _ept("2", "</i>"))
    assert map_codes(nested, source, good) is not None
    assert map_codes(nested, source, crossed) is None


def test_seg_markers_are_not_codes() -> None:
    codes = pair_up([("standalone", "1")])
    source = (_x("1"), " / ")
    target = (Inline("mrk", (("mtype", "seg"), ("mid", "1")), (_x("1"), " / ")),)
    assert map_codes(codes, source, target) == (Slot(0), " / ")


def test_no_document_codes_gives_the_plain_target() -> None:
    assert map_codes((), ("а ", _x("1")), ("б ", _x("1"), Inline("cp", (("hex", "2014"),)))) == (
        "б —",
    )


def test_cp_is_text_unless_xml_cannot_hold_it() -> None:
    codes = pair_up([("standalone", "1")])
    source = ("а", _x("1"))
    target = ("б", Inline("cp", (("hex", "0001"),)), _x("1"), Inline("cp", (("hex", "2014"),)))
    assert map_codes(codes, source, target) == ("б", Slot(0), "—")


def test_placed_codes_follow_the_text_in_source_order() -> None:
    plan = place_codes(G2X, "Эта книга новая.")
    assert plan == ("Эта книга новая.", Slot(0), Slot(1), Slot(2), Slot(3), Slot(4))
    assert render(G2X, plan) == "Эта книга новая.<1></1><2></2><3/>"
