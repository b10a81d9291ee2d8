"""The contract every translation-memory codec's tests subclass.

One base class, so that no format skips the common cases: round trip, empty input,
non-ASCII, right-to-left Arabic, CJK, Kazakh in both scripts, plurals and inline
markup where the format has them, malformed input giving a ParseError with its
line, and a Hypothesis property that generated units survive a round trip.
Subclasses set the class attributes and supply ``malformed``.
"""

from __future__ import annotations

import io
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazlit.errors import ParseError
from kazlit.formats import get_codec
from kazlit.tm.model import Inline, Prop, TranslationUnit, Variant, content_native

# Real sentences. The Kazakh Latin line follows the 2021 Latin alphabet as we
# understand it (ū for ұ, ñ for ң, y for ы); it is test text, not a
# transliteration reference.
SAMPLES = [
    ("Абай Құнанбайұлы — қазақтың ұлы ақыны.", "Абай Кунанбаев — великий казахский поэт."),
    ("Abai Qūnanbaiūly — qazaqtyñ ūly aqyny.", "Абай Кунанбаев — великий казахский поэт."),
    ("Қара сөздер", "طريق أباي: كلمات الحكمة"),
    ("Абай жолы", "阿拜之路"),
    ("Ел іші — алтын бесік.", "Ça coûte 5 € — l’été à Almaty."),
]
SRC, TGT = "kk-Cyrl", "ru"

# Text any of the formats can carry: letters, marks, numbers, punctuation,
# symbols and spaces (XML cannot carry most control characters).
TEXT = st.text(
    st.characters(categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="\\"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


class CodecContract:
    """Base class of each codec's tests."""

    NAME: ClassVar[str]
    #: The format keeps inline markup typed (TMX, XLIFF).
    MARKUP: ClassVar[bool] = False
    #: The format has plural forms (PO).
    PLURALS: ClassVar[bool] = False
    #: The reader needs the languages given (PO without header languages, TSV without header).
    NEEDS_LANGS: ClassVar[bool] = False

    def malformed(self) -> tuple[bytes, int]:
        """Malformed input and the line its error is on."""
        raise NotImplementedError

    # -------------------------------------------------------------- helpers
    def write(self, units: list[TranslationUnit]) -> bytes:
        out = io.BytesIO()
        count = get_codec(self.NAME).write(units, out, src_lang=SRC, tgt_lang=TGT)
        assert count == len(units)
        return out.getvalue()

    def read(self, data: bytes) -> list[TranslationUnit]:
        return list(get_codec(self.NAME).read(io.BytesIO(data), path=f"test.{self.NAME}"))

    def roundtrip(self, units: list[TranslationUnit]) -> list[TranslationUnit]:
        return self.read(self.write(units))

    @staticmethod
    def pair(kk: str, other: str, *, lang: str = TGT) -> TranslationUnit:
        return TranslationUnit((Variant(SRC, (kk,)), Variant(lang, (other,))), srclang=SRC)

    def texts(self, units: list[TranslationUnit]) -> list[tuple[str | None, str | None]]:
        def native(u: TranslationUnit, lang: str) -> str | None:
            v = u.variant(lang)
            return content_native(v.content) if v is not None else None

        return [(native(u, SRC), native(u, TGT)) for u in units]

    # -------------------------------------------------------------- the contract
    def test_round_trip_keeps_every_script(self) -> None:
        units = [self.pair(kk, other) for kk, other in SAMPLES]
        back = self.roundtrip(units)
        assert self.texts(back) == self.texts(units)
        assert [v.lang for v in back[0].variants][:2] == [SRC, TGT]

    def test_empty_input_round_trips_to_no_units(self) -> None:
        assert self.roundtrip([]) == []

    def test_rtl_and_cjk_text_is_unchanged(self) -> None:
        arabic = "قال أباي: العلم نور"
        chinese = "知识就是力量。"
        back = self.roundtrip([self.pair("Білім — нұр", arabic), self.pair("Білім — күш", chinese)])
        assert [u.text(TGT) for u in back] == [arabic, chinese]

    def test_plurals_round_trip(self) -> None:
        if not self.PLURALS:
            pytest.skip(f"{self.NAME} has no plural forms")
        unit = TranslationUnit(
            (Variant("en", ("%d book",)), Variant(SRC, ("%d кітап",))),
            srclang="en",
            props=(Prop("x-po-msgid-plural", "%d books"), Prop("x-po-msgstr-1", "%d кітап")),
        )
        out = io.BytesIO()
        get_codec(self.NAME).write([unit], out, src_lang="en", tgt_lang=SRC)
        (back,) = self.read(out.getvalue())
        assert back.prop("x-po-msgid-plural") == "%d books"
        assert back.prop("x-po-msgstr-1") == "%d кітап"

    def test_inline_markup_round_trips(self) -> None:
        bold = (
            Inline("bpt", (("i", "1"), ("x", "1"), ("type", "bold")), ("<b>",)),
            "қара",
            Inline("ept", (("i", "1"),), ("</b>",)),
        )
        unit = TranslationUnit(
            (
                Variant(SRC, ("Ол ", *bold, " мысықты көрді.")),
                Variant(TGT, ("Он увидел ", bold[0], "чёрную", bold[2], " кошку.")),
            ),
            srclang=SRC,
        )
        (back,) = self.roundtrip([unit])
        if not self.MARKUP:
            assert back.text(SRC) == "Ол <b>қара</b> мысықты көрді."
            return
        source = back.variant(SRC)
        assert source is not None
        assert source.plain_text == "Ол қара мысықты көрді."
        assert source.tokens() == "Ол <1>қара</1> мысықты көрді."
        assert content_native(source.content) == "Ол <b>қара</b> мысықты көрді."

    def test_malformed_input_is_a_parse_error_with_its_line(self) -> None:
        data, line = self.malformed()
        with pytest.raises(ParseError) as info:
            self.read(data)
        assert info.value.line == line
        assert info.value.path == f"test.{self.NAME}"

    # One property shared by every codec's class, on purpose.
    @settings(suppress_health_check=[HealthCheck.differing_executors])
    @given(st.lists(st.tuples(TEXT, TEXT), max_size=8, unique_by=lambda pair: pair[0]))
    def test_generated_units_round_trip(self, pairs: list[tuple[str, str]]) -> None:
        units = [self.pair(a, b) for a, b in pairs]
        assert self.texts(self.roundtrip(units)) == self.texts(units)
