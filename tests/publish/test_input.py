"""Bad and unusual input: cover images, XML attacks, control characters, every language."""

from __future__ import annotations

import dataclasses
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.publish.fixtures import make_work
from tests.publish.helpers import OPF, XHTML, XML_LANG, entries, opf, xhtml_documents

from kazlit.corpus import Block, Chapter, Document, Work
from kazlit.errors import PublishError
from kazlit.publish import EditionOptions, build_epub, plan_edition, write_epub


def png_1x1() -> bytes:
    """A valid 1×1 white PNG (PNG specification: signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_png_cover_replaces_the_generated_one(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(png_1x1())
    data = build_epub(plan_edition(make_work(), "en", options=EditionOptions(cover=str(cover))))
    item = opf(data).find(".//opf:item[@properties='cover-image']", OPF)
    assert (item.get("href"), item.get("media-type")) == ("images/cover.png", "image/png")
    assert entries(data)["EPUB/images/cover.png"] == png_1x1()
    img = next(xhtml_documents(data)["EPUB/text/cover.xhtml"].iter(XHTML + "img"))
    assert (img.get("src"), img.get("alt")) == ("../images/cover.png", "White Snow — Ğalym Öteuov")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a picture\n", "is not an image"),
        (b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "XML but not SVG"),
        (
            (
                b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                b'<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>'
            ),
            "declares a DTD",
        ),
        (
            (
                b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                b'<svg xmlns="http://www.w3.org/2000/svg"><text>&c;&c;&c;&c;</text></svg>'
            ),
            "declares a DTD",
        ),
    ],
)
def test_a_cover_that_is_not_an_image_fails_before_writing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(content)
    target = tmp_path / "out.epub"
    with pytest.raises(PublishError, match=message):
        write_epub(
            plan_edition(make_work(), "en", options=EditionOptions(cover=str(cover))), target
        )
    assert not target.exists()


def test_a_control_character_in_the_text_is_located() -> None:
    base = make_work(("kk-Cyrl",))
    chapter = Chapter("Тарау", (Block("Қар жауды.", 3), Block("Дала\x0cағарды.", 5)))
    work = Work(base.meta, {"kk-Cyrl": Document("kk", (chapter,), "ak-kar/kk.md")})
    with pytest.raises(PublishError, match=r"ak-kar/kk\.md, line 5: character U\+000C"):
        plan_edition(work, "kk")


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "en", "zh", "ar", "kk"])
def test_every_language_has_its_tag_and_its_own_words(lang: str) -> None:
    work = make_work(("kk-Cyrl", "ru", "en", "zh-Hans", "ar", "fr", "es"))
    data = build_epub(plan_edition(work, lang))
    nav = xhtml_documents(data)["EPUB/text/nav.xhtml"]
    tag = {"zh": "zh-Hans"}.get(lang, lang)
    assert nav.get(XML_LANG) == tag
    heading = next(nav.iter(XHTML + "h1"))
    assert heading.get("lang") == tag
    expected = {"fr": "Table des matières", "es": "Índice", "zh": "目录", "ar": "المحتويات"}
    if lang in expected:
        assert heading.text == expected[lang]


def test_arabic_script_kazakh_needs_a_text_or_a_scheme() -> None:
    with pytest.raises(PublishError, match="no kk-Arab text and no scheme"):
        plan_edition(make_work(("kk-Cyrl",)), "kk-Arab")


_xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_xml_text, min_size=1, max_size=4))
def test_any_text_builds_and_comes_back_unchanged(paragraphs: list[str]) -> None:
    base = make_work(("kk-Cyrl",))
    chapter = Chapter("Тарау", tuple(Block(p) for p in paragraphs))
    work = Work(base.meta, {"kk-Cyrl": Document("kk", (chapter,))})
    data = build_epub(plan_edition(work, "kk"))
    page = xhtml_documents(data)["EPUB/text/c001.xhtml"]
    texts = ["".join(p.itertext()) for p in page.iter(XHTML + "p")]
    assert texts == [block.text for block in chapter.blocks]


def test_arabic_script_kazakh_from_its_own_text() -> None:
    # "Ақ қар жауды." in the Kazakh Arabic alphabet (төте жазу) as written in China:
    # ақ → اق, қар → قار, жауды → جاۋدى. Written for this test; unreviewed.
    base = make_work(("kk-Cyrl",))
    arab = Document("kk-Arab", (Chapter("", (Block("اق قار جاۋدى."),)),))
    titles = {**base.meta.titles, "kk-Arab": "اق قار"}
    meta = dataclasses.replace(base.meta, titles=titles)
    work = Work(meta, {**base.documents, "kk-Arab": arab})
    data = build_epub(plan_edition(work, "kk-Arab"))
    assert opf(data).find("opf:spine", OPF).get("page-progression-direction") == "rtl"
    page = xhtml_documents(data)["EPUB/text/c001.xhtml"]
    assert (page.get("lang"), page.get("dir")) == ("kk-Arab", "rtl")
    paragraph = next(page.iter(XHTML + "p"))
    assert (paragraph.text, paragraph.get(XML_LANG)) == ("اق قار جاۋدى.", "kk-Arab")
    # Without a transliteration scheme the navigation words are Arabic, tagged so.
    heading = next(xhtml_documents(data)["EPUB/text/nav.xhtml"].iter(XHTML + "h1"))
    assert (heading.text, heading.get("lang")) == ("المحتويات", "ar")
