"""The trigram bound of the PostgreSQL store's candidate search (no server needed).

pg_trgm's similarity of two one-word keys is ``|A ∩ B| / |A ∪ B|`` over the sets of
padded trigrams (:func:`trigrams`); every unit at or above the minimum score must
reach the plan's threshold, or sit at a length the plan scans in full.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.tm.fuzzy import distance, max_distance, score
from kazlit.tm.store._trgm import ALPHABETS, plan, trigram_key, trigrams

# Few letters, so that near matches are frequent.
TEXTS = st.text(st.sampled_from("абвгдеқөAa .,1"), max_size=30)


def pg_similarity(a: str, b: str, alphabet: str) -> float:
    ta, tb = trigrams(trigram_key(a, alphabet)), trigrams(trigram_key(b, alphabet))
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    return shared / (len(ta) + len(tb) - shared)


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_trigram_keys_are_word_characters_of_the_same_length(alphabet: str) -> None:
    for text in ("Абай жолы!", "Hello, World 12", "中文 ﷺ", ""):
        key = trigram_key(text, alphabet)
        assert len(key) == len(text)
        assert not key or key.isascii() == (alphabet == "ascii")
        assert not key or key.isalnum()
        assert key == key.lower()
    assert trigram_key("ABC abc") == "abc" + trigram_key(" ") + "abc"
    assert trigram_key("Қ қ", "wide") == trigram_key("қ қ", "wide")
    assert len(set(trigram_key("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", "wide"))) == 42
    assert trigrams("ab") == {"  a", " ab", "ab "}


@given(
    a=TEXTS,
    b=TEXTS,
    min_score=st.sampled_from([30.0, 50.0, 75.0, 90.0, 100.0]),
    alphabet=st.sampled_from(ALPHABETS),
)
def test_every_match_reaches_the_threshold_or_is_scanned(
    a: str, b: str, min_score: float, alphabet: str
) -> None:
    a = unicodedata.normalize("NFC", a)
    b = unicodedata.normalize("NFC", b)
    d = distance(a, b)
    longest = max(len(a), len(b))
    matches = d <= max_distance(longest, min_score) and score(d, longest) >= min_score
    lookup = plan(a, min_score, alphabet=alphabet)
    if not matches:
        return
    assert len(b) in lookup.filtered or len(b) in lookup.scanned
    if len(b) in lookup.filtered:
        assert pg_similarity(a, b, alphabet) >= lookup.threshold


def test_long_queries_use_the_index() -> None:
    lookup = plan("Абай Құнанбайұлы қазақ әдебиетінің негізін салушы ақын.", 75.0)
    assert lookup.filtered
    assert not lookup.scanned
    assert 0.0 < lookup.threshold < 1.0
    assert plan("а", 75.0).filtered == (1,)
    assert 1 in plan("аб", 30.0).scanned
    with pytest.raises(ValueError, match="min_score"):
        plan("а", 0.0)
