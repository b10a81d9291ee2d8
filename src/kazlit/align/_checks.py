"""Checks on the aligner's input: the right language on each side, sentences that end.

A wrong ``--src-lang``/``--tgt-lang`` is an :class:`~kazlit.errors.AlignmentError`
naming the side and the option to check; an over-long sentence is a warning (the
alignment still runs: a documented degradation).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

from kazlit import lang as _lang
from kazlit.errors import AlignmentError

__all__ = ["LONG_SENTENCE", "check_language", "warn_long"]

log = logging.getLogger(__name__)

#: A sentence longer than this (in characters) is reported: text without sentence ends.
LONG_SENTENCE = 3000

_SCRIPT_OF = {"Cyrl": "CYRILLIC", "Latn": "LATIN", "Arab": "ARABIC", "Hans": "CJK"}
_SAMPLE = 20000  # letters looked at, from the start of the text
# The nine letters the Kazakh Cyrillic alphabet (1940) adds to the Russian one. They
# are 13.6-20.7 % of the Cyrillic letters of every Kazakh text in corpora/, the
# Tatoeba set and tests/align/data, and 0 % of every Russian one, so a side tagged
# Kazakh with under 2 % of them, or tagged Russian (or another Cyrillic language)
# with over 5 %, was given the wrong language.
_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KAZAKH_MIN, _OTHER_MAX, _ENOUGH_CYRILLIC = 0.02, 0.05, 200


def _option(side: str) -> str:
    return "--src-lang" if side == "source" else "--tgt-lang"


def check_language(texts: Sequence[str], tag: str, side: str) -> None:
    """Raise when *texts* are not written as *tag* is.

    The letters must be mostly of *tag*'s script; and a Cyrillic text must be Kazakh
    exactly when *tag* is Kazakh (a Russian file given as ``--src-lang kk``, or the
    Kazakh original given as ``--tgt-lang ru``).
    """
    language = _lang.get(tag)
    want = _SCRIPT_OF.get(language.script)
    counts: dict[str, int] = {}
    kazakh = seen = 0
    for text in texts:
        for char in text[:_SAMPLE]:
            if not char.isalpha():
                continue
            name = unicodedata.name(char, "")
            script = next((s for s in _SCRIPT_OF.values() if name.startswith(s)), "OTHER")
            counts[script] = counts.get(script, 0) + 1
            kazakh += char in _KAZAKH_LETTERS
            seen += 1
        if seen > _SAMPLE:
            break
    if seen < 20 or want is None:
        return
    if counts.get(want, 0) / seen < 0.5:
        found = max(counts, key=lambda s: counts[s]).lower()
        raise AlignmentError(
            f"the {side} text is mostly {found} letters, not {want.lower()} as {tag} is",
            hint=f"check the file and the {_option(side)} option",
        )
    cyrillic = counts.get("CYRILLIC", 0)
    if want != "CYRILLIC" or cyrillic < _ENOUGH_CYRILLIC:
        return
    share = kazakh / cyrillic
    if language.is_kazakh and share < _KAZAKH_MIN:
        raise AlignmentError(
            f"the {side} text has almost none of the Kazakh letters ә ғ қ ң ө ұ ү һ і "
            f"({share:.1%} of its Cyrillic letters): it does not look Kazakh ({tag})",
            hint=f"check the file and the {_option(side)} option (e.g. ru)",
        )
    if not language.is_kazakh and share > _OTHER_MAX:
        raise AlignmentError(
            f"the {side} text looks Kazakh: the Kazakh letters ә ғ қ ң ө ұ ү һ і are "
            f"{share:.1%} of its Cyrillic letters, but it was given as {tag}",
            hint=f"check the file and the {_option(side)} option (e.g. kk)",
        )


def warn_long(texts: Sequence[str], side: str) -> None:
    """Log a warning when some sentences are so long that no sentence end was found.

    Such a sentence is still aligned, as one unit: it usually ends up in a bead with
    many sentences or none on the other side (a documented degradation, not an error).
    """
    long = [(len(t), n) for n, t in enumerate(texts, start=1) if len(t) > LONG_SENTENCE]
    if long:
        size, number = max(long)
        log.warning(
            "the %s text has %d sentence(s) over %d characters (sentence %d: %d): "
            "no sentence end was found there, so it is aligned as one unit; "
            "check its punctuation or split it",
            side,
            len(long),
            LONG_SENTENCE,
            number,
            size,
        )
