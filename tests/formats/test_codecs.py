"""Each codec against the contract (tests/formats/contract.py), plus what is its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kazlit.errors import ParseError, UnknownFormatError
from kazlit.formats import get_codec, guess_format, po, tmx, tsv, xliff
from kazlit.tm.model import Inline, Note, Prop, TranslationUnit, Variant

from .contract import CodecContract


class TestTMX(CodecContract):
    NAME = "tmx"
    MARKUP = True

    def malformed(self) -> tuple[bytes, int]:
        return b'<tmx version="1.4">\n<header/>\n<body>\n<tu>\n</body></tmx>', 5

    def test_everything_in_a_unit_survives(self) -> None:
        from datetime import UTC, datetime  # noqa: PLC0415

        when = datetime(2026, 1, 25, 10, 15, 0, tzinfo=UTC)
        unit = TranslationUnit(
            (
                Variant(
                    "kk-Cyrl",
                    ("Абай жолы",),
                    created=when,
                    created_by="aigerim",
                    notes=(Note("роман-эпопея", "kk"),),
                    props=(Prop("x-status", "approved"),),
                    attrs=(("usagecount", "4"),),
                ),
                Variant("de-DE", ("Abais Weg",)),
            ),
            tuid="abai-1",
            srclang="kk-Cyrl",
            changed=when,
            changed_by="bolat",
            origin_work="abai-zholy",
            origin_segment="1.1.3",
            context_prev="Бірінші бөлім",
            context_next="Екінші тарау",
            notes=(Note("the title"),),
            props=(Prop("x-domain", "literature", "en"),),
            attrs=(("datatype", "plaintext"),),
        )
        assert self.roundtrip([unit]) == [unit]

    def test_header_says_what_made_the_file(self) -> None:
        out = io.BytesIO()
        tmx.write([], out, src_lang="kk-Cyrl", provenance={"version": "9", "tm": "a.sqlite"})
        text = out.getvalue().decode()
        assert 'creationtool="kazlit"' in text
        assert 'srclang="kk-Cyrl"' in text
        assert '<prop type="x-kazlit-tm">a.sqlite</prop>' in text


class TestPO(CodecContract):
    NAME = "po"
    PLURALS = True

    def malformed(self) -> tuple[bytes, int]:
        head = b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        return head + b'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\nbogus line\n', 10

    def test_msgctxt_fuzzy_and_comments_survive_and_keep_entries_apart(self) -> None:
        data = (
            'msgid ""\nmsgstr ""\n"Language: kk\\n"\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            "# translator note\n#. extracted\n#: views.py:12\n#, fuzzy, python-format\n"
            'msgctxt "month"\nmsgid "May"\nmsgstr "Мамыр"\n\n'
            'msgctxt "verb"\nmsgid "May"\nmsgstr "Болады"\n\n'
            'msgid "untranslated"\nmsgstr ""\n'
        ).encode()
        units = list(po.read(io.BytesIO(data)))
        assert [u.text("kk") for u in units] == ["Мамыр", "Болады"]
        first = units[0]
        assert first.prop("x-po-msgctxt") == "month"
        assert first.prop("x-po-flags") == "fuzzy, python-format"
        assert first.notes == (Note("translator note"),)
        assert first.prop("x-po-occurrences") == "views.py:12"
        out = io.BytesIO()
        po.write(units, out, src_lang="en", tgt_lang="kk")
        assert list(po.read(io.BytesIO(out.getvalue()))) == units
        assert b"X-Generator: kazlit" in out.getvalue()

    def test_no_language_anywhere_is_an_error(self) -> None:
        with pytest.raises(ParseError, match="names no Language"):
            list(po.read(io.BytesIO(b'msgid "a"\nmsgstr "b"\n')))
        (unit,) = po.read(io.BytesIO(b'msgid "a"\nmsgstr "b"\n'), tgt_lang="kk")
        assert unit.text("kk") == "b"

    @pytest.mark.shared_data
    @pytest.mark.parametrize("name", ["django/kk.po", "dnf/kk.po", "blivet/kk.po", "django/ar.po"])
    def test_real_po_files_round_trip(self, shared_data: Path, name: str) -> None:
        path = shared_data / "tm" / "po" / name
        with path.open("rb") as fh:
            units = list(po.read(fh, path=path))
        assert units
        tgt = units[0].variants[1].raw_lang
        out = io.BytesIO()
        po.write(units, out, src_lang="en", tgt_lang=tgt)
        assert list(po.read(io.BytesIO(out.getvalue()))) == units


class TestTSV(CodecContract):
    NAME = "tsv"

    def malformed(self) -> tuple[bytes, int]:
        return "kk-Cyrl\tru\nбір\tодин\nекі\tдва\ttwo\n".encode(), 3

    def test_escapes_and_bad_escape_column(self) -> None:
        unit = self.pair("жол\tбасы\nкелесі \\ жол", "строка")
        assert self.roundtrip([unit]) == [unit]
        with pytest.raises(ParseError) as info:
            self.read("kk-Cyrl\tru\nбір\\x\tодин\n".encode())
        assert (info.value.line, info.value.column) == (2, 4)

    def test_headerless_file_needs_languages(self) -> None:
        with pytest.raises(ParseError, match="name the languages"):
            self.read("бір сөз\tодно слово\n".encode())
        units = list(tsv.read(io.BytesIO("бір\tодин\n".encode()), src_lang="kk", tgt_lang="ru"))
        assert units[0].text("ru") == "один"


def test_registry_is_lazy_and_names_the_known_formats() -> None:
    assert get_codec("TMX") is tmx
    assert guess_format("memory.XLF") == "xliff"
    with pytest.raises(UnknownFormatError, match="known: po, tmx, tsv, xliff, xliff2"):
        get_codec("docx")
    with pytest.raises(UnknownFormatError, match=r"unknown file extension '\.docx'"):
        guess_format("a.docx")


class TestXLIFF12(CodecContract):
    NAME = "xliff"
    MARKUP = True

    def malformed(self) -> tuple[bytes, int]:
        data = (
            f'<xliff version="1.2" xmlns="{xliff.NS_12}">\n'
            '<file source-language="kk" target-language="ru" original="x" datatype="plaintext">\n'
            "<body>\n<trans-unit id='1'><source>a</source><target>b</target></trans-unit>\n"
            "<trans-unit id='2'><source>a</source><target>b</trgt></trans-unit>\n"
            "</body></file></xliff>\n"
        )
        return data.encode(), 5

    def test_file_says_what_made_it(self) -> None:
        text = self.write([self.pair("сәлем", "привет")]).decode()
        assert 'tool-id="kazlit"' in text
        assert 'source-language="kk-Cyrl"' in text


class TestXLIFF20(CodecContract):
    NAME = "xliff2"
    MARKUP = True

    def malformed(self) -> tuple[bytes, int]:
        data = (
            f'<xliff version="2.0" xmlns="{xliff.NS_20}" srcLang="kk" trgLang="ru">\n'
            '<file id="f1">\n<unit id="u1"><segment><source>a<target>b</target>'
            "</segment></unit>\n</file></xliff>\n"
        )
        return data.encode(), 3

    def test_codes_go_to_original_data(self) -> None:
        unit = TranslationUnit(
            (
                Variant("en", ("Press ", Inline("ph", (("x", "1"),), ("<br/>",)), " now")),
                Variant("kk", ("Қазір ", Inline("ph", (("x", "1"),), ("<br/>",)), " басыңыз")),
            ),
            srclang="en",
        )
        out = io.BytesIO()
        xliff.write([unit], out, src_lang="en", tgt_lang="kk", version="2.0")
        text = out.getvalue().decode()
        assert '<data id="d1">&lt;br/&gt;</data>' in text
        (back,) = xliff.read(io.BytesIO(out.getvalue()))
        assert back.text("kk") == "Қазір  басыңыз"
        assert back.variants[1].tokens() == "Қазір <1/> басыңыз"


@pytest.mark.shared_data
def test_real_xliff_files(shared_data: Path) -> None:
    folder = shared_data / "tm" / "xliff"

    def units(name: str, **kw: str) -> list[TranslationUnit]:
        with (folder / name).open("rb") as fh:
            return list(xliff.read(fh, path=name, **kw))

    # untranslated units (no target, empty target) are not translations
    okapi = units("omegat_en-xx.xlf")
    assert [u.text("xx") for u in okapi] == ["bar", "Satisfait?", "Satisfaite?"]
    assert okapi[1].notes == (Note("Adressed to male respondents."),)
    tags = units("omegat_file-XLIFFFilter-tags.xlf")
    gandalf = tags[1]
    assert gandalf.tuid == "7"
    assert [v.raw_lang for v in gandalf.variants] == ["EN-US", "FR-FR"]
    assert gandalf.variants[1].tokens() == "About <1>Gandalf</1>"
    nested = tags[8].variants[1]
    assert nested.tokens() == "Nested tags: before <1><2><3/></2></1> after"
    okapi_segments = units("omegat_file-xliff-BUGS1221.xlf")
    assert len(okapi_segments) == 7
    # a segmented unit's translation is its segment: "/" between codes outside it
    slash = next(u for u in okapi_segments if u.tuid == "P3953B09A-tu1")
    assert [v.content for v in slash.variants] == [("/",), ("/",)]
    assert units("omegat_ex.14.5.xlf") == []  # sources only
    with pytest.raises(ParseError, match="no target language") as info:
        units("omegat_ex.9.5.xlf")
    assert info.value.line == 38
    birds = units("omegat_ex.9.5.xlf", tgt_lang="fr")
    assert birds[0].text("fr") == "Oiseaux de haute altitude"
    assert birds[0].tuid == "title-5"


SEGMENTED_XLIFF = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="abai.html" source-language="kk" target-language="ru" datatype="html"><body>
  <trans-unit id="p1"><source>Abai <g id="1">aqyn</g>. Jana soilem. Ush.</source>
   <seg-source><mrk mtype="seg" mid="1">Abai <g id="1">aqyn</g>.</mrk> <mrk mtype="seg" \
mid="2">Jana soilem.</mrk> <mrk mtype="seg" mid="3">Ush.</mrk></seg-source>
   <target><mrk mtype="seg" mid="1">Abai <g id="1">poet</g>.</mrk> <mrk mtype="seg" \
mid="2"/> <mrk mtype="seg" mid="3">Tri.</mrk></target>
  </trans-unit>
  <trans-unit id="p2"><source>One. Two.</source>
   <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
   <target>Whole, unsegmented.</target>
  </trans-unit>
 </body></file>
</xliff>
"""


def test_segmented_xliff_12_gives_one_unit_per_translated_segment() -> None:
    # XLIFF 1.2 section 2.5 (segmentation): <seg-source> and <target> hold
    # <mrk mtype="seg"> elements paired by mid.
    got = list(xliff.read(io.BytesIO(SEGMENTED_XLIFF)))
    assert [u.tuid for u in got] == ["p1/1", "p1/3", "p2"]
    assert got[0].variants[0].tokens() == "Abai <1>aqyn</1>."
    assert got[0].variants[1].tokens() == "Abai <1>poet</1>."
    assert got[1].text("ru") == "Tri."
    # a target that is not segmented translates the whole unit
    assert (got[2].text("kk"), got[2].text("ru")) == ("One. Two.", "Whole, unsegmented.")
