"""The TMX reader's fast path for plain units gives what the full path gives."""

from __future__ import annotations

import io
import unicodedata

import pytest

from kazlit.errors import ParseError
from kazlit.formats import tmx
from kazlit.tm.model import Note, TranslationUnit, Variant

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="{src}"/><body>'
TAIL = "</body></tmx>"


def read(body: str, src: str = "*all*") -> list[TranslationUnit]:
    data = (HEAD.format(src=src) + body + TAIL).encode("utf-8")
    return list(tmx.read(io.BytesIO(data), path="t.tmx"))


def test_plain_units_are_as_the_constructors_make_them() -> None:
    decomposed = unicodedata.normalize("NFD", "Қайрат")
    units = read(
        '<tu tuid="1" srclang=" kk "><tuv xml:lang="kk"><seg>Абай</seg></tuv>'
        '<tuv xml:lang=" en-US "><seg>Abai</seg></tuv></tu>'
        f'<tu><tuv lang="kk_KZ"><seg>{decomposed}</seg></tuv><tuv xml:lang="ru"><seg/></tuv></tu>',
        src="kk",
    )
    assert units == [
        TranslationUnit(
            (Variant("kk", ("Абай",)), Variant("en-US", ("Abai",))), tuid="1", srclang="kk"
        ),
        TranslationUnit((Variant("kk_KZ", ("Қайрат",)), Variant("ru", ())), srclang="kk"),
    ]
    assert units[1].variants[0].content == ("Қайрат",)  # NFC
    assert units[0].variants[1].raw_lang == "en-US"
    assert units[0].variants[1].lang == "en"


def test_anything_else_takes_the_full_path() -> None:
    units = read(
        '<tu tuid="1" usagecount="3"><tuv xml:lang="kk"><seg>a</seg></tuv></tu>'
        '<tu><note>n</note><tuv xml:lang="kk"><seg>b</seg></tuv></tu>'
        '<tu><tuv xml:lang="kk" o-tmf="x"><seg>c</seg></tuv></tu>'
        '<tu><tuv xml:lang="kk"><seg>d <ph x="1">&lt;br/&gt;</ph></seg></tuv></tu>'
    )
    assert units[0].attrs == (("usagecount", "3"),)
    assert units[1].notes == (Note("n"),)
    assert units[2].variants[0].attrs == (("o-tmf", "x"),)
    assert units[3].variants[0].has_markup
    assert units[3].variants[0].plain_text == "d "


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<tu><tuv xml:lang="  "><seg>a</seg></tuv></tu>', "without xml:lang"),
        ("<tu><tuv><seg>a</seg></tuv></tu>", "without xml:lang"),
        ('<tu><tuv xml:lang="kk"><note>x</note></tuv></tu>', "without <seg>"),
        ("<tu></tu>", "without any <tuv>"),
    ],
)
def test_bad_plain_looking_units_are_reported_by_the_full_path(body: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        read(body)
    assert caught.value.line == 2
