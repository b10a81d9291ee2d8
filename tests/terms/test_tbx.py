"""TBX 2008 and TBX v3 read and written without loss; unsafe and bad input refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from kazlit.errors import ParseError, TermbaseError
from kazlit.formats import tbx
from kazlit.terms.model import Concept, LangSet, Term, Termbase

FILES = ["tbx2_martif_weblate_cs.tbx", "tbx3_basic_dca_astronomy_example.tbx"]


def canonical(data: bytes) -> bytes:
    """C14N of the document without comments and indentation-only whitespace."""
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, load_dtd=False)
    root = etree.fromstring(data, parser)
    for node in root.iter():
        if node.tail is not None and not node.tail.strip():
            node.tail = None
        if len(node) and node.text is not None and not node.text.strip():
            node.text = None
    return etree.tostring(root, method="c14n")


@pytest.mark.shared_data
@pytest.mark.parametrize("name", FILES)
def test_real_files_round_trip_losslessly(shared_data: Path, name: str) -> None:
    data = (shared_data / "terms" / name).read_bytes()
    termbase = tbx.read(io.BytesIO(data), path=name)
    out = io.BytesIO()
    tbx.write(termbase, out)
    assert canonical(out.getvalue()) == canonical(data)
    assert tbx.read(io.BytesIO(out.getvalue())) == termbase
    assert b"kazlit" in out.getvalue()  # provenance comment


@pytest.mark.shared_data
def test_tbx3_reads_all_languages_and_statuses(shared_data: Path) -> None:
    data = (shared_data / "terms" / FILES[1]).read_bytes()
    termbase = tbx.read(io.BytesIO(data))
    assert len(termbase) == 45
    assert {"en", "es", "zu"} <= set(termbase.language_tags())
    first = termbase.concept("c1")
    assert first.subject == "General"
    english = first.terms("en")
    assert [(t.text, t.status, t.pos) for t in english] == [
        ("open cluster", "preferred", "noun"),
        ("galactic cluster", "superseded", "noun"),
    ]
    assert first.langset("en").definition.startswith("A group of stars")  # type: ignore[union-attr]
    assert first.terms("es")[0].text == "cúmulo abierto"


@pytest.mark.shared_data
def test_convert_between_versions_keeps_terms(shared_data: Path) -> None:
    data = (shared_data / "terms" / FILES[0]).read_bytes()
    old = tbx.read(io.BytesIO(data))
    out = io.BytesIO()
    tbx.write(old, out, version="3")
    assert b"urn:iso:std:iso:30042:ed-2" in out.getvalue()
    new = tbx.read(io.BytesIO(out.getvalue()))
    assert [c.langsets for c in new] == [c.langsets for c in old]


def test_model_round_trip_with_statuses() -> None:
    termbase = Termbase(
        (
            Concept(
                "soft-power",
                (
                    LangSet("kk", (Term.make("жұмсақ күш", status="preferred", pos="noun"),)),
                    LangSet(
                        "ru",
                        (
                            Term.make("мягкая сила", status="preferred"),
                            Term.make("мягкая мощь", status="forbidden", note="calque"),
                        ),
                    ),
                    LangSet("ar", (Term.make("القوة الناعمة", forms=("قوة ناعمة",)),)),
                ),
            ),
        )
    )
    for version in ("3", "2008"):
        out = io.BytesIO()
        tbx.write(termbase, out, version=version)
        back = tbx.read(io.BytesIO(out.getvalue()))
        assert [c.langsets for c in back] == [c.langsets for c in termbase]
        assert back.concept("soft-power").terms("ru")[1].status == "forbidden"
        assert back.concept("soft-power").terms("ar")[0].forms == ("قوة ناعمة",)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x">
<langSec xml:lang="en"><termSec><term>&c;</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x">
<langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entities_are_refused(data: bytes) -> None:
    with pytest.raises(ParseError, match="entities"):
        tbx.read(io.BytesIO(data), path="evil.tbx")


def _doc(body: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic">\n'
        f"<text><body>\n{body}\n</body></text></tbx>"
    ).encode()


def test_malformed_xml_has_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        tbx.read(
            io.BytesIO(b"<tbx>\n<text><body>\n<conceptEntry></body></text></tbx>"), path="b.tbx"
        )
    assert info.value.line == 3
    assert info.value.column is not None
    assert str(info.value).startswith("b.tbx:3:")


def test_duplicate_concept_ids_name_both_lines() -> None:
    entry = (
        '<conceptEntry id="c1"><langSec xml:lang="en">'
        "<termSec><term>a</term></termSec></langSec></conceptEntry>"
    )
    with pytest.raises(
        TermbaseError, match=r"d\.tbx:5: duplicate concept id 'c1' \(first on line 4\)"
    ):
        tbx.read(io.BytesIO(_doc(entry + "\n" + entry)), path="d.tbx")


def test_language_section_without_lang_is_an_error() -> None:
    entry = (
        '<conceptEntry id="c1"><langSec><termSec><term>a</term></termSec></langSec></conceptEntry>'
    )
    with pytest.raises(ParseError, match="xml:lang") as info:
        tbx.read(io.BytesIO(_doc(entry)))
    assert info.value.line == 4


def test_wrong_root_is_an_error() -> None:
    with pytest.raises(ParseError, match="neither"):
        tbx.read(io.BytesIO(b"<tmx/>"))


def test_model_refuses_duplicate_ids_and_undeclared_languages() -> None:
    term = (Term("a"),)
    with pytest.raises(TermbaseError, match="duplicate concept id 'x' \\(entries 1 and 2\\)"):
        Termbase((Concept("x", (LangSet("en", term),)), Concept("x", (LangSet("en", term),))))
    with pytest.raises(TermbaseError, match="'de', a language the termbase does not declare"):
        Termbase((Concept("x", (LangSet("de", term),)),), languages=("kk", "en"))
    # kk and kk-Cyrl are the same language.
    assert Termbase((Concept("x", (LangSet("kk-Cyrl", term),)),), languages=("kk",))
