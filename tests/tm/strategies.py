"""Hypothesis strategies for translation units, in one place."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from hypothesis import strategies as st

from kazlit.tm.model import Inline, Note, Prop, TranslationUnit, Variant

# Characters XML 1.0 can carry, from every script (no control characters).
# NFC, as text is once it is in the model.
TEXT = st.text(
    st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=12
).map(lambda s: unicodedata.normalize("NFC", s))
NAME = st.text("abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=10).map(lambda s: "x" + s)
LANGS = st.sampled_from(
    ["kk-Cyrl", "kk-Latn", "ru", "zh-Hans", "en", "ar", "fr", "es", "de-DE", "ja", "sr-Latn"]
)
DATES = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))
OPT_TEXT = st.none() | TEXT


@st.composite
def contents(draw: st.DrawFn) -> tuple[str | Inline, ...]:
    """Text with TMX placeholders: paired bpt/ept, ph with a sub, hi wrapping text."""
    parts: list[str | Inline] = []
    for n in range(draw(st.integers(0, 3))):
        parts.append(draw(TEXT))
        kind = draw(st.sampled_from(["pair", "ph", "hi", "it"]))
        i = str(n + 1)
        if kind == "pair":
            parts += [
                Inline("bpt", (("i", i), ("type", "bold")), ("<b>",)),
                draw(TEXT),
                Inline("ept", (("i", i),), ("</b>",)),
            ]
        elif kind == "ph":
            sub = Inline("sub", (), (draw(TEXT),))
            parts.append(Inline("ph", (("x", i),), ('<img alt="', sub, '"/>')))
        elif kind == "hi":
            parts.append(Inline("hi", (("x", i), ("type", "term")), (draw(TEXT),)))
        else:
            parts.append(Inline("it", (("pos", "begin"),), ("<i>",)))
    parts.append(draw(TEXT))
    return tuple(parts)


notes = st.builds(Note, TEXT, st.none() | LANGS)
props = st.builds(Prop, NAME, TEXT, st.none() | LANGS)
attrs = st.lists(st.tuples(NAME, TEXT), max_size=2, unique_by=lambda kv: kv[0]).map(tuple)

variants = st.builds(
    Variant,
    LANGS,
    contents(),
    created=st.none() | DATES,
    created_by=OPT_TEXT,
    changed=st.none() | DATES,
    changed_by=OPT_TEXT,
    notes=st.lists(notes, max_size=2).map(tuple),
    props=st.lists(props, max_size=2).map(tuple),
    attrs=attrs,
)

units = st.builds(
    TranslationUnit,
    st.lists(variants, min_size=1, max_size=3).map(tuple),
    tuid=OPT_TEXT,
    srclang=st.none() | LANGS,
    created=st.none() | DATES,
    created_by=OPT_TEXT,
    changed=st.none() | DATES,
    changed_by=OPT_TEXT,
    origin_work=OPT_TEXT,
    origin_segment=OPT_TEXT,
    context_prev=OPT_TEXT,
    context_next=OPT_TEXT,
    notes=st.lists(notes, max_size=2).map(tuple),
    props=st.lists(props, max_size=2).map(tuple),
    attrs=attrs,
)
