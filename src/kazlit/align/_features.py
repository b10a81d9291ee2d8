"""What the aligner sees in a sentence: length, tokens, and matchable features.

Features are strings, so that an explanation can show them:

- ``#1988`` a number (digits only, separators dropped);
- ``p:nord`` the first four letters of a word of four letters or more, in basic Latin
  (the cognate test of Simard, Foster and Isabelle 1992, "Using cognates to align
  sentences in bilingual corpora");
- ``n:nzrbv`` the consonant skeleton of a capitalised word: names across scripts;
- ``?``, ``!``, ``«`` … sentence punctuation, a weak anchor;
- ``g:3`` the glossary pair number 3, when its source or target term occurs;
- ``w:…`` a word translated by the lexicon learned in the second pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kazlit.align._names import latin, name_stem, skeleton

__all__ = ["Sentence", "glossary_features", "sentence", "stems"]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = {"?": "?", "？": "?", "؟": "?", "!": "!", "！": "!", ":": ":", "：": ":",
          "(": "(", "（": "(", "«": '"', "“": '"', "„": '"', "「": '"', '"': '"',
          "»": '"'}  # fmt: skip
#: Weight of a matched feature by its kind; unlisted kinds weigh 1.
WEIGHTS = {"#": 2.0, "?": 0.5, "!": 0.5, ":": 0.3, "(": 0.3, '"': 0.3}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as the aligner sees it."""

    text: str
    length: int  # characters without spaces
    words: int  # tokens, the normaliser of similarity
    features: frozenset[str]
    stems: tuple[str, ...]


def stems(text: str) -> tuple[str, ...]:
    """Lower-cased word stems for the learned lexicon (the first five letters).

    Truncation is the simplest stemmer that suits agglutinative Kazakh (suffixes follow
    the stem) as well as inflecting Russian, German and French.
    """
    out: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        if token.isdigit():
            continue
        if _HAN.match(token):
            out.extend(_HAN.findall(token))
        elif len(token) > 1:
            out.append(token[:5])
    return tuple(out)


def sentence(text: str, extra: Sequence[str] = ()) -> Sentence:
    """Compute the :class:`Sentence` of *text*; *extra* features are added."""
    features: set[str] = set(extra)
    tokens = _TOKEN.findall(text)
    words = 0
    for token in tokens:
        if _HAN.match(token):
            words += max(1, len(token) // 2)
            continue
        words += 1
        digits = "".join(c for c in token if c.isdigit())
        if digits and len(digits) == len(token):
            features.add("#" + (digits.lstrip("0")[:8] or "0"))
            continue
        if len(token) >= 4:
            features.add("p:" + latin(token)[:4])
        if token[0].isupper() and len(token) >= 3:
            features.add("n:" + skeleton(token)[:6])
            if _CYRILLIC.match(token):
                features.add("n:" + skeleton(name_stem(token))[:6])
    for char in text:
        mark = _PUNCT.get(char)
        if mark is not None:
            features.add(mark)
    length = sum(1 for c in text if not c.isspace())
    return Sentence(text, length, max(words, 1), frozenset(features), stems(text))


def glossary_features(text: str, terms: Sequence[str], prefix: str = "g:") -> list[str]:
    """``g:{n}`` for each term *n* of *terms* that occurs in *text*.

    A term occurs when each of its words begins a word of *text*, the term word cut to
    leave room for suffixes (Kazakh ``кітапхана`` → ``кітапханада``).
    """
    lowered = _TOKEN.findall(text.lower())
    found: list[str] = []
    for number, term in enumerate(terms):
        parts = [w[: max(4, len(w) - 2)] for w in _TOKEN.findall(term.lower())]
        if parts and all(any(t.startswith(p) for t in lowered) for p in parts):
            found.append(f"{prefix}{number}")
    return found
