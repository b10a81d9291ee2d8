"""Generated termbases survive TBX (both versions) and TSV round trips."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kazlit.formats import tbx, termtsv
from kazlit.terms.model import Concept, Field, LangSet, Term, Termbase

LANGS = ["kk", "kk-Latn", "ru", "en", "zh", "ar", "fr", "es"]
# Any XML-safe text without edge whitespace: Cyrillic, Arabic, CJK, symbols …
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp")), min_size=1
).filter(lambda s: s.strip() == s and "|" not in s)
STATUS = st.sampled_from([None, "preferred", "admitted", "forbidden", "superseded"])


@st.composite
def termbases(draw: st.DrawFn, *, tsv: bool = False) -> Termbase:
    ids = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), unique=True, max_size=5)
    )
    concepts = []
    for concept_id in ids:
        langs = draw(st.lists(st.sampled_from(LANGS), unique=True, min_size=1, max_size=4))
        langsets = []
        for lang in langs:
            texts = draw(st.lists(TEXT, min_size=1, max_size=3, unique=True))
            terms = tuple(
                Term.make(text, status=("preferred" if i == 0 else "admitted"))
                if tsv
                else Term.make(text, status=draw(STATUS), note=draw(st.none() | TEXT))
                for i, text in enumerate(texts)
            )
            langsets.append(LangSet(lang, terms))
        definition = draw(st.none() | TEXT)
        fields = (Field("descrip", "definition", definition),) if definition else ()
        concepts.append(Concept(concept_id, tuple(langsets), fields))
    return Termbase(tuple(concepts))


@settings(max_examples=40)
@given(termbases())
def test_tbx_round_trip(termbase: Termbase) -> None:
    for version in ("3", "2008"):
        out = io.BytesIO()
        tbx.write(termbase, out, version=version)
        back = tbx.read(io.BytesIO(out.getvalue()))
        assert [(c.id, c.langsets, c.fields) for c in back] == [
            (c.id, c.langsets, c.fields) for c in termbase
        ]


@settings(max_examples=40)
@given(termbases(tsv=True))
def test_tsv_round_trip(termbase: Termbase) -> None:
    out = io.BytesIO()
    termtsv.write(termbase, out)
    back = termtsv.read(io.BytesIO(out.getvalue()))

    # TSV orders the languages by column.
    def key(tb: Termbase) -> list[object]:
        return [(c.id, sorted(c.langsets, key=lambda ls: ls.lang), c.fields) for c in tb]

    assert key(back) == key(termbase)
