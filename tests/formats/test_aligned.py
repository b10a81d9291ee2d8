"""An aligned bitext written through the TMX codec (kazlit.formats.aligned)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from kazlit import __version__
from kazlit.align import align_documents, align_texts
from kazlit.corpus import Bitext, Document, parse_document
from kazlit.formats import tmx
from kazlit.formats.aligned import write_bitext

DATA = Path(__file__).parent.parent / "align" / "data"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def abai() -> tuple[Document, Document]:
    kk = parse_document((DATA / "abai.kk.md").read_text(encoding="utf-8"), "kk")
    ru = parse_document((DATA / "abai.ru.md").read_text(encoding="utf-8"), "ru")
    return kk, ru


def tmx_bytes(bitext: Bitext, **options: object) -> bytes:
    fh = io.BytesIO()
    write_bitext(bitext, fh, **options)  # type: ignore[arg-type]
    return fh.getvalue()


def test_tmx_has_one_unit_per_two_sided_bead_and_provenance() -> None:
    bitext = align_documents(*abai())
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(tmx_bytes(bitext, work="abai"), parser)
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert header.get("srclang") == "kk-Cyrl"
    assert header.get("creationtool") == "kazlit"
    assert header.get("creationtoolversion") == __version__
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-kazlit-version"] == __version__
    assert "realign=True" in (props["x-kazlit-settings"] or "")
    assert props["x-kazlit-names"] == "kazlit.translit ala-lc"
    assert props["x-kazlit-work"] == "abai"
    units = root.findall("body/tu")
    assert len(units) == 7  # the added note has no source side
    assert [t.get(XML_LANG) for t in units[1].findall("tuv")] == ["kk-Cyrl", "ru"]
    assert "1845" in (units[1].findtext("tuv/seg") or "")
    unit_props = {p.get("type"): p.text for p in units[1].findall("prop")}
    assert unit_props["x-kazlit-segment"] == "c1.p1.s1"
    assert float(unit_props["x-kazlit-align-score"] or 0) > 0.5


def test_min_score_leaves_out_weak_beads_and_kazlit_reads_the_units_back() -> None:
    bitext = align_documents(*abai())
    scores = sorted(b.score for b in bitext.beads if b.src and b.tgt)
    cut = scores[len(scores) // 2]
    data = tmx_bytes(bitext, min_score=cut, work="abai")
    units = list(tmx.read(io.BytesIO(data)))
    assert len(units) == sum(1 for s in scores if s >= cut) < len(scores)
    assert all(u.origin_work == "abai" for u in units)
    assert {v.lang for u in units for v in u.variants} == {"kk-Cyrl", "ru"}


def test_tmx_reads_back_in_translate_toolkit() -> None:
    toolkit = pytest.importorskip("translate.storage.tmx")
    bitext = align_documents(*abai())
    store = toolkit.tmxfile.parsestring(tmx_bytes(bitext))
    pairs = [(u.source, u.target) for u in store.units]
    assert len(pairs) == 7
    assert pairs[3][0].startswith("Абай орыс ақындарының")
    assert pairs[3][1].startswith("Абай переводил")


def test_control_characters_become_spaces_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bitext = align_texts(
        ["Абай ақын болды\x01 және ол ойшыл.", "Ол көп өлең жазды."],
        ["Абай был поэтом\x0b и мыслителем.", "Он писал стихи."],
        "kk",
        "ru",
    )
    with caplog.at_level("WARNING", logger="kazlit"):
        data = tmx_bytes(bitext)
    units = list(tmx.read(io.BytesIO(data)))
    assert units[0].text("kk") == "Абай ақын болды  және ол ойшыл."
    assert units[0].text("ru") == "Абай был поэтом  и мыслителем."
    assert "source segment s1: control characters replaced" in caplog.text
    assert "target segment s1" in caplog.text
