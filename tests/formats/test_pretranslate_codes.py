"""Pretranslating XLIFF files whose sources hold inline codes, end to end.

The memory is a real SQLite store filled by the XLIFF importer from translated
files; the documents are written as CAT tools write them (Okapi/Trados-style 1.2
with ``<g>``, ``<x/>``, ``<bpt>``/``<ept>``; 2.0 with ``<pc>``, ``<ph>``,
``<sc>``/``<ec>`` and ``originalData``), and real files from OmegaT's tests. Every
written file is parsed again and its targets checked: the same codes as the
source (same elements, same ids), pairs balanced.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from kazlit.formats import xliff
from kazlit.formats.bilingual import BilingualFile
from kazlit.tm.memory import TranslationMemory
from kazlit.tm.pretranslate import PretranslationReport
from kazlit.tm.store import open_store

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"

TM_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"
       xmlns:okp="okapi-framework:xliff-extensions">
 <file original="abai.html" source-language="kk" target-language="ru" datatype="html">
  <header><tool tool-id="okapi" tool-name="Okapi Rainbow"/></header>
  <body>
   <trans-unit id="1" okp:engine="x"><source xml:lang="kk">Бұл <g id="1">кітап</g> \
<g id="2">жаңа</g> екен.<x id="3"/></source>
    <target xml:lang="ru">Эта <g id="2">новая</g> <g id="1">книга</g>.<x id="3"/></target>
   </trans-unit>
   <trans-unit id="2"><source xml:lang="kk"><bpt id="1">&lt;b&gt;</bpt>Абай<ept id="1">\
&lt;/b&gt;</ept> қазақтың ұлы ақыны.</source>
    <target xml:lang="ru">Великий казахский поэт — <bpt id="1">&lt;b&gt;</bpt>Абай\
<ept id="1">&lt;/b&gt;</ept>.</target>
   </trans-unit>
   <trans-unit id="3"><source xml:lang="kk">Абай Құнанбайұлы ақын еді.</source>
    <target xml:lang="ru">Абай Кунанбаев был поэтом.</target>
   </trans-unit>
   <trans-unit id="4"><source xml:lang="kk">Қара сөздер<x id="1"/> жинағы<x id="2"/></source>
    <target xml:lang="ru">Сборник «Слов назидания»<x id="2"/></target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""

# A document to translate, with other ids and attributes than the memory's files.
DOC_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="book.docx" source-language="kk" target-language="ru" datatype="x-undefined">
  <body>
   <trans-unit id="t1"><source>Бұл <g id="5" ctype="italic">кітап</g> \
<g id="6" ctype="bold">жаңа</g> екен.<x id="7" ctype="lb"/></source></trans-unit>
   <trans-unit id="t2"><source><bpt id="3" ctype="bold">&lt;b&gt;</bpt>Абай<ept id="3">\
&lt;/b&gt;</ept> қазақтың ұлы ақыны.</source></trans-unit>
   <trans-unit id="t3"><source><g id="1" ctype="bold">Абай Құнанбайұлы</g> ақын еді.</source>
   </trans-unit>
   <trans-unit id="t4"><source>Бұл кітап жаңа екен.</source></trans-unit>
   <trans-unit id="t5"><source>Қара сөздер<x id="8"/> жинағы<x id="9"/></source></trans-unit>
  </body>
 </file>
</xliff>
"""

TM_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="kk" trgLang="ru">
 <file id="f1">
  <unit id="u1">
   <originalData><data id="d1">&lt;br/&gt;</data></originalData>
   <segment><source>Абай <pc id="1">ақын</pc> еді.<ph id="2" dataRef="d1"/></source>
    <target>Абай был <pc id="1">поэтом</pc>.<ph id="2" dataRef="d1"/></target></segment>
  </unit>
  <unit id="u2">
   <originalData><data id="d1">&lt;i&gt;</data><data id="d2">&lt;/i&gt;</data></originalData>
   <segment><source><sc id="1" dataRef="d1"/>Жидебай<ec startRef="1" dataRef="d2"/> \
ауылында туған.</source>
    <target>Родился в ауле <sc id="1" dataRef="d1"/>Жидебай<ec startRef="1" dataRef="d2"/>.\
</target></segment>
  </unit>
 </file>
</xliff>
"""

DOC_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="kk" trgLang="ru">
 <file id="book">
  <unit id="p1">
   <originalData><data id="br">&lt;br/&gt;</data></originalData>
   <segment id="s1"><source>Абай <pc id="a" type="fmt">ақын</pc> еді.<ph id="b" dataRef="br"/>\
</source></segment>
  </unit>
  <unit id="p2">
   <originalData><data id="o">&lt;em&gt;</data><data id="c">&lt;/em&gt;</data></originalData>
   <segment><source><sc id="7" dataRef="o"/>Жидебай<ec startRef="7" dataRef="c"/> \
ауылында туған.</source></segment>
  </unit>
  <unit id="p3">
   <segment><source><sc id="1" isolated="yes"/>Абай ақын еді.</source></segment>
  </unit>
 </file>
</xliff>
"""


def _memory(tmp_path: Path, *files: tuple[bytes, str, str]) -> TranslationMemory:
    store = open_store(tmp_path / "tm.sqlite", create=True)
    for data, src, tgt in files:
        store.add_units(xliff.read(io.BytesIO(data), src_lang=src, tgt_lang=tgt))
    return TranslationMemory(store, owns_store=True)


def _pretranslate(
    memory: TranslationMemory, data: bytes, src: str, tgt: str, **options: Any
) -> tuple[PretranslationReport, Any]:
    doc = BilingualFile.read(io.BytesIO(data), path="doc.xlf", src_lang=src, tgt_lang=tgt)
    report = memory.pretranslate(doc.entries, src, tgt, **options)
    doc.fill(report)
    out = io.BytesIO()
    doc.write(out)
    root = etree.fromstring(out.getvalue())  # well-formed, or this raises
    _check_codes(root)
    return report, root


def _codes(elem: Any) -> Counter[tuple[str, str | None, str | None]]:
    skip = {"source", "target", "cp", "mrk"}
    return Counter(
        (etree.QName(e).localname, e.get("id"), e.get("startRef"))
        for e in elem.iter()
        if isinstance(e.tag, str) and etree.QName(e).localname not in skip
    )


def _check_codes(root: Any) -> None:
    """Every filled target has its source's codes, and its pairs are balanced."""
    for parent in root.iter(f"{{{NS12}}}trans-unit", f"{{{NS20}}}segment"):
        ns = etree.QName(parent).namespace
        source = parent.find(f"{{{ns}}}source")
        target = parent.find(f"{{{ns}}}target")
        if target is None or (target.get("state") or parent.get("state")) is None:
            continue  # no target, or one that was there before (kazlit sets a state)
        assert _codes(target) == _codes(source), etree.tostring(parent, encoding="unicode")
        names = [(etree.QName(e).localname, e) for e in target.iter() if isinstance(e.tag, str)]
        begun = [e.get("rid") or e.get("id") for n, e in names if n == "bpt"]
        ended = [e.get("rid") or e.get("id") for n, e in names if n == "ept"]
        assert sorted(begun) == sorted(ended)  # every <bpt> has its <ept> in the segment
        started = [e.get("id") for n, e in names if n == "sc" and e.get("isolated") != "yes"]
        closed = [e.get("startRef") for n, e in names if n == "ec" and e.get("isolated") != "yes"]
        assert sorted(started) == sorted(closed)  # <sc>/<ec> pair up


def _target(root: Any, unit: str) -> Any:
    found = root.xpath(
        "//*[local-name()='trans-unit' or local-name()='unit'][@id=$u]//*[local-name()='target']",
        u=unit,
    )
    assert len(found) == 1
    return found[0]


def _inner(elem: Any) -> str:
    """The content of *elem* as XML, without namespace declarations."""
    text = re.sub(r' xmlns="[^"]*"', "", etree.tostring(elem, encoding="unicode", with_tail=False))
    return text[text.index(">") + 1 : text.rindex("<")]


def test_xliff_12_codes_go_where_the_memory_target_has_them(tmp_path: Path) -> None:
    with _memory(tmp_path, (TM_12.encode(), "kk", "ru")) as memory:
        report, root = _pretranslate(memory, DOC_12.encode(), "kk", "ru")
    by_id = {d.id: d for d in report.decisions}
    # <g> reordered as the memory's translator did; the document's own ids and ctypes
    t1 = _target(root, "t1")
    assert _inner(t1) == (
        'Эта <g id="6" ctype="bold">новая</g> '
        '<g id="5" ctype="italic">книга</g>.<x id="7" ctype="lb"/>'
    )
    assert by_id["t1"].reason == "exact"
    assert by_id["t1"].tagged == "Эта <1>новая</1> <2>книга</2>.<3/>"
    assert t1.get("state") == "translated"
    # <bpt>/<ept> moved to the end of the sentence, with the document's own code
    t2 = _target(root, "t2")
    assert t2.text == "Великий казахский поэт — "
    assert [(etree.QName(c).localname, c.get("id"), c.text) for c in t2] == [
        ("bpt", "3", "<b>"),
        ("ept", "3", "</b>"),
    ]
    assert t2[0].tail == "Абай"
    # the memory's match has no codes: filled, codes after the text, for review
    t3 = _target(root, "t3")
    assert by_id["t3"].reason == "codes-placed"
    assert by_id["t3"].fuzzy
    assert t3.text == "Абай Кунанбаев был поэтом."
    assert [(etree.QName(c).localname, c.get("id"), c.text) for c in t3] == [("g", "1", None)]
    assert t3.get("state") == "needs-review-translation"
    note = t3.getparent().find(f"{{{NS12}}}note")
    assert note is not None
    assert note.get("from") == "kazlit"
    assert "placed the inline codes" in note.text
    # a document without codes gets the plain text of a target that has codes
    t4 = _target(root, "t4")
    assert (t4.text, len(t4)) == ("Эта новая книга.", 0)
    # the memory's target dropped a code: not one to one, so placed and for review
    t5 = _target(root, "t5")
    assert by_id["t5"].reason == "codes-placed"
    assert _inner(t5) == 'Сборник «Слов назидания»<x id="8"/><x id="9"/>'
    assert report.counts()["codes-placed"] == 2
    assert "codes-placed: 2" in report.summary()


def test_xliff_20_pc_ph_sc_ec(tmp_path: Path) -> None:
    with _memory(tmp_path, (TM_20.encode(), "kk", "ru")) as memory:
        report, root = _pretranslate(memory, DOC_20.encode(), "kk", "ru")
    p1 = _target(root, "p1")
    assert _inner(p1) == ('Абай был <pc id="a" type="fmt">поэтом</pc>.<ph id="b" dataRef="br"/>')
    assert p1.getparent().get("state") == "translated"
    p2 = _target(root, "p2")
    assert _inner(p2) == (
        'Родился в ауле <sc id="7" dataRef="o"/>Жидебай<ec startRef="7" dataRef="c"/>.'
    )
    # an isolated <sc> against a memory unit with a <pc>: placed, for review
    p3 = _target(root, "p3")
    assert p3.getparent().get("subState") == "kazlit:codes-placed"
    assert p3.getparent().get("state") == "initial"
    assert [d.reason for d in report.decisions] == ["exact", "exact", "codes-placed"]


def test_existing_targets_with_codes_are_kept(tmp_path: Path) -> None:
    doc = DOC_12.replace(
        '<x id="7" ctype="lb"/></source>',
        '<x id="7" ctype="lb"/></source><target>Своя <g id="5">книга</g></target>',
    )
    with _memory(tmp_path, (TM_12.encode(), "kk", "ru")) as memory:
        report, root = _pretranslate(memory, doc.encode(), "kk", "ru")
        assert report.decisions[0].reason == "has-translation"
        assert _inner(_target(root, "t1")) == 'Своя <g id="5">книга</g>'
        _, root = _pretranslate(memory, doc.encode(), "kk", "ru", overwrite=True)
    assert _target(root, "t1").text == "Эта "


def _strip_targets(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for target in root.xpath("//*[local-name()='target']"):
        target.getparent().remove(target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


SLASH_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="x" source-language="en" target-language="fr" datatype="plaintext"><body>
  <trans-unit id="1"><source>/</source><target>/</target></trans-unit>
 </body></file>
</xliff>
"""


def test_real_okapi_xliff_12_segments_come_back_as_okapi_wrote_them(
    shared_data: Path, tmp_path: Path
) -> None:
    path = shared_data / "tm" / "xliff" / "omegat_file-xliff-BUGS1221.xlf"
    # German to British English, which kazlit does not pretranslate: the file's
    # structure is what counts here, so its language tags are relabelled.
    data = path.read_bytes().replace(b"de-DE", b"en").replace(b"en-GB", b"fr")
    original = etree.fromstring(data)
    with _memory(tmp_path, (data, "en", "fr"), (SLASH_12.encode(), "en", "fr")) as memory:
        report, root = _pretranslate(memory, _strip_targets(data), "en", "fr")
    # One entry per <mrk mtype="seg">, named <unit id>#<mid>; the "/" segment sits
    # between codes that belong to no segment.
    segmented = {d.id: d for d in report.decisions if "#" in d.id}
    assert sorted(segmented) == [
        "N9C6DE2C0-sub1#0", "P33F30884-sub1#0", "P3953B09A-tu1#1", "P4E85A5D5-sub1#0",
    ]  # fmt: skip
    assert all(d.filled and d.reason == "exact" for d in segmented.values())
    assert segmented["P3953B09A-tu1#1"].target == "/"
    # Each target is what Okapi wrote: the <seg-source>'s shape, each segment's
    # <mrk> holding its translation.
    for unit_id in ("N9C6DE2C0-sub1", "P33F30884-sub1", "P3953B09A-tu1", "P4E85A5D5-sub1"):
        target = _target(root, unit_id)
        assert _inner(target) == _inner(_target(original, unit_id))
        assert target.get("state") == "translated"
    assert _inner(_target(root, "P3953B09A-tu1")) == (
        '<x ctype="x-x" equiv-text="&lt;run1/&gt;" id="1"/>'
        '<bx ctype="x-empty" equiv-text="&lt;run2&gt;" id="2"/> '
        '<mrk mtype="seg" mid="1">/</mrk> '
        '<x ctype="x-x" equiv-text="&lt;run3/&gt;" id="3"/><ex id="2"/>'
    )


SEGMENTED_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="abai.html" source-language="kk" target-language="ru" datatype="html"><body>
  <trans-unit id="p1"><source>Абай Құнанбайұлы ақын еді. Жаңа сөйлем.</source>
   <seg-source><mrk mtype="seg" mid="1">Абай Құнанбайұлы ақын еді.</mrk> \
<mrk mtype="seg" mid="2">Жаңа сөйлем.</mrk></seg-source>
  </trans-unit>
  <trans-unit id="p2"><source>Бұл кітап жаңа екен. Абай Құнанбайұлы ақын еді.</source>
   <seg-source><mrk mtype="seg" mid="1">Бұл кітап жаңа екен.</mrk> \
<mrk mtype="seg" mid="2">Абай Құнанбайұлы ақын еді.</mrk></seg-source>
   <target><mrk mtype="seg" mid="1">Перевод переводчика.</mrk> <mrk mtype="seg" mid="2"/></target>
  </trans-unit>
 </body></file>
</xliff>
"""


def test_a_segment_without_a_match_stays_empty_and_a_translator_s_segment_is_kept(
    tmp_path: Path,
) -> None:
    with _memory(tmp_path, (TM_12.encode(), "kk", "ru")) as memory:
        report, root = _pretranslate(memory, SEGMENTED_12.encode(), "kk", "ru")
    assert [d.id for d in report.decisions if d.filled] == ["p1#1", "p2#2"]
    p1 = _target(root, "p1")
    assert _inner(p1) == (
        '<mrk mtype="seg" mid="1">Абай Кунанбаев был поэтом.</mrk> <mrk mtype="seg" mid="2"/>'
    )
    assert p1.get("state") == "needs-translation"  # its second segment is still empty
    p2 = _target(root, "p2")
    assert _inner(p2) == (
        '<mrk mtype="seg" mid="1">Перевод переводчика.</mrk> '
        '<mrk mtype="seg" mid="2">Абай Кунанбаев был поэтом.</mrk>'
    )
    assert p2.get("state") == "translated"


def test_real_xliff_20_spec_example_isolated_sc(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "tm" / "xliff" / "omegat_ex.9.5.xlf"
    data = path.read_bytes()
    with _memory(tmp_path, (data, "en", "fr")) as memory:
        report, root = _pretranslate(memory, _strip_targets(data), "en", "fr")
    title = _target(root, "title-5")
    assert _inner(title) == '<sc id="1" isolated="yes"/>Oiseaux de haute altitude'
    assert report.counts()["exact"] == 1


def test_another_tool_reads_the_codes_back(tmp_path: Path) -> None:
    # translate-toolkit (the `toolkit` extra) parses XLIFF 1.2 inline codes itself.
    toolkit = pytest.importorskip("translate.storage.xliff")
    with _memory(tmp_path, (TM_12.encode(), "kk", "ru")) as memory:
        _, root = _pretranslate(memory, DOC_12.encode(), "kk", "ru")
    path = tmp_path / "book.ru.xlf"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    store = toolkit.xlifffile.parsefile(str(path))

    def placeables(elems: Any) -> Counter[tuple[str, str]]:
        found: Counter[tuple[str, str]] = Counter()
        for elem in elems:
            for sub in getattr(elem, "sub", ()):
                if getattr(sub, "id", None) is not None:
                    found[type(sub).__name__, sub.id] += 1
                found += placeables([sub])
        return found

    units = {unit.getid().rsplit("t", 1)[-1]: unit for unit in store.units}
    assert sorted(units) == ["1", "2", "3", "4", "5"]
    for unit in units.values():
        assert placeables(unit.rich_target) == placeables(unit.rich_source), unit.getid()
    assert placeables(units["1"].rich_target) == Counter(
        {("G", "5"): 1, ("G", "6"): 1, ("X", "7"): 1}
    )
    assert units["1"].target == "Эта новая книга."
