"""kazlit.formats.bilingual and kazlit.formats.document: files to translate."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from kazlit.errors import FormatError, LanguageError, ParseError
from kazlit.formats.bilingual import BilingualFile, detect_kind
from kazlit.formats.document import read_segments
from kazlit.tm.pretranslate import Decision, PretranslationReport

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "one"
msgstr ""

msgctxt "menu"
msgid "two"
msgstr "екі"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] ""
msgstr[1] ""

#~ msgid "old"
#~ msgstr "ескі"
"""


def _read(text: str, name: str, **langs: str) -> BilingualFile:
    return BilingualFile.read(io.BytesIO(text.encode("utf-8")), path=name, **langs)


def test_po_entries_previous_and_plurals() -> None:
    doc = _read(PO, "a.po", src_lang="en", tgt_lang="kk")
    assert [(e.source, e.previous, e.target, e.plural) for e in doc.entries] == [
        ("one", "", "", 0),
        ("two", "one", "екі", 0),
        ("%d file", "two", "", 2),  # no Plural-Forms header: the entry's two forms
    ]
    assert doc.entries[2].source_plural == "%d files"
    assert doc.skipped == 0
    report = PretranslationReport(
        (Decision(doc.entries[0].id, "fuzzy", target="бір", score=90.0, fuzzy=True),),
        threshold=75.0,
        overwrite=False,
    )
    assert doc.fill(report) == 1
    out = io.BytesIO()
    doc.write(out)
    text = out.getvalue().decode("utf-8")
    assert '#, fuzzy\nmsgid "one"\nmsgstr "бір"' in text
    assert '#~ msgid "old"' in text  # obsolete entries kept as they were
    assert "X-Kazlit-Pretranslated: kazlit" in text


def test_po_language_header_must_agree() -> None:
    text = PO.replace('charset=UTF-8\\n"', 'charset=UTF-8\\n"\n"Language: kk_KZ\\n"')
    assert _read(text, "a.po", src_lang="en", tgt_lang="kk").tgt_lang == "kk"
    with pytest.raises(LanguageError, match="target language is kk_KZ, not ru"):
        _read(text, "a.po", src_lang="en", tgt_lang="ru")


def test_xliff_entities_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        '<xliff version="1.2"><file><body><trans-unit id="1"><source>&a;</source>'
        "</trans-unit></body></file></xliff>"
    )
    with pytest.raises(ParseError, match="entities"):
        _read(bomb, "bomb.xlf")


def test_xliff_20_codes_and_missing_trglang() -> None:
    text = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="kk">'
        '<file id="f"><unit id="u"><segment><source>Абай<ph id="1"/> <pc id="2">ақын</pc>'
        '<cp hex="2014"/></source></segment></unit></file></xliff>'
    )
    doc = _read(text, "a.xlf", src_lang="kk", tgt_lang="ru")
    assert doc.entries[0].source == "Абай ақын—"
    report = PretranslationReport(
        (Decision(doc.entries[0].id, "exact", target="Абай поэт", score=100.0),), 75.0, False
    )
    doc.fill(report)
    out = io.BytesIO()
    doc.write(out)
    root = etree.fromstring(out.getvalue())
    assert root.get("trgLang") == "ru"


def test_xliff_20_cp_that_xml_cannot_hold_is_left_out() -> None:
    # XLIFF 2.0 section 4.2.2.1 <cp>: a code point XML 1.0 does not allow as text;
    # a hex that is no code point at all is left out too, not a crash.
    text = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="kk">'
        '<file id="f"><unit id="u"><segment><source>Абай<cp hex="0007"/> ақын'
        '<cp hex="GG"/><cp hex="110000"/><cp hex="2014"/></source></segment></unit></file></xliff>'
    )
    doc = _read(text, "a.xlf", src_lang="kk", tgt_lang="ru")
    assert doc.entries[0].source == "Абай ақын—"


def test_not_po_or_xliff_and_wrong_root() -> None:
    assert detect_kind("a.XLIFF") == "xliff"
    assert detect_kind("a.txt") is None
    with pytest.raises(FormatError, match="not a PO or XLIFF"):
        _read("x", "a.txt")
    with pytest.raises(ParseError, match="not an XLIFF file"):
        _read("<tmx/>", "a.xlf")


def test_real_omegat_xliff(shared_data: Path) -> None:
    path = shared_data / "tm" / "xliff" / "omegat_file-XLIFFFilter-tags.xlf"
    with path.open("rb") as fh:
        doc = BilingualFile.read(fh, path=str(path))
    assert doc.src_lang == "en"
    assert doc.tgt_lang == "be"
    assert doc.entries
    assert all(e.source for e in doc.entries)


def test_read_segments_text_with_previous(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("\ufeffБірінші.\n\n  Екінші.  \n", encoding="utf-8")
    assert read_segments(path, "kk") == [("Бірінші.", ""), ("Екінші.", "Бірінші.")]


def test_xliff_write_keeps_comments_around_the_root() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file source-language="kk" target-language="ru" datatype="plaintext" original="x">'
        '<body><trans-unit id="1"><source>Абай</source><!-- keep --></trans-unit>'
        "</body></file></xliff>"
    )
    doc = _read(text, "a.xlf")
    doc.fill(PretranslationReport((Decision("1", "exact", target="Абай", score=100.0),), 75, False))
    out = io.BytesIO()
    doc.write(out)
    written = out.getvalue().decode("utf-8")
    assert "<!-- made by hand -->" in written
    assert "<!-- keep -->" in written
    assert (
        '<target xml:lang="ru" state="translated" state-qualifier="exact-match">Абай</target>'
        in written
    )
