"""The compiled transliterator: Cyrillic Kazakh → a Latin or the Arabic script.

Speed comes from one :meth:`str.translate` over a *tuple* table indexed by code point
(faster in CPython than a dict table). The context rules run only where they can
apply, found with cheap substring tests first:

* **caps-digraphs** — a letter written with several Latin letters is ALL CAPS next
  to another capital (ШЫМКЕНТ → SHYMKENT) and Title case otherwise (Шымкент →
  Shymkent);
* **hamza** (Arabic) — U+0674 before a front-vowel word (ә ө ү і) without е, к, г;
* **arabic-punctuation** — , ; ? after a Kazakh word become ، ؛ ؟.

Input hygiene happens before: Cyrillic letters followed by combining marks are
composed (NFC) so that и + U+0306 is й; URLs and e-mail addresses are protected;
on request, Latin look-alike letters inside Cyrillic words are repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kazlit.errors import TransliterationError
from kazlit.translit._schemes import Scheme, SchemeInfo, load_scheme

__all__ = [
    "ExplainedSpan",
    "Transliterator",
    "UnmappableCharacterError",
    "explain",
    "transliterate",
]

_TABLE_SIZE = 0x530  # Cyrillic and Cyrillic Supplement: every Kazakh letter lies below
_CYRILLIC_RANGES = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))
_CYR = "\u0400-\u052f"
_COMBINING_AFTER_CYRILLIC = re.compile(f"[{_CYR}][\u0300-\u036f]+")
_PROTECTED = re.compile(
    r"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]»]"
    r"|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_FRONT_WORD = re.compile(f"[{_CYR}]*[әөүіӘӨҮІ][{_CYR}]*")
_FRONT_MARKERS = frozenset("екгЕКГ")
_HAMZA = "\u0674"
_ARABIC_PUNCT = {",": "\u060c", ";": "\u061b", "?": "\u061f"}
_PUNCT_AFTER_WORD = re.compile(f"(?<=[{_CYR}])([»”\"')\\]]?)([,;?])")

# Latin letters that look like Cyrillic ones (typed by mistake inside Cyrillic words).
_LOOKALIKES = dict(zip("aoecpxiAOECPXI", "аоесрхіАОЕСРХІ", strict=True))
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_MIXED_WORD = re.compile(
    f"[^\\W\\d_]*(?:[aoecpxiAOECPXI][^\\W\\d_]*[{_CYR}]|[{_CYR}][^\\W\\d_]*[aoecpxiAOECPXI])"
    "[^\\W\\d_]*"
)


class UnmappableCharacterError(TransliterationError):
    """Strict mode met a Cyrillic character the scheme has no rule for."""

    def __init__(self, char: str, index: int, text: str, scheme: str) -> None:
        self.char = char
        self.index = index
        self.line = text.count("\n", 0, index) + 1
        self.column = index - (text.rfind("\n", 0, index) + 1) + 1
        self.scheme = scheme
        super().__init__(
            f"line {self.line}, column {self.column}: no {scheme!r} rule for "
            f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})",
            hint="fix the text, or drop --strict to pass such characters through",
        )


@dataclass(frozen=True, slots=True)
class ExplainedSpan:
    """One output span and the rule that produced it.

    ``start``/``end`` index the input after composition (NFC of Cyrillic letters and
    their combining marks). ``rule`` is ``letter``, ``loanword:<policy>``,
    ``caps-digraph``, ``hamza``, ``arabic-punctuation``, ``lookalike``,
    ``protected`` (URL or e-mail) or ``passthrough``.
    """

    start: int
    end: int
    source: str
    output: str
    rule: str


def compose(text: str) -> str:
    """NFC-compose Cyrillic letters with the combining marks that follow them.

    Only those sequences change, so Latin text and other scripts pass through as
    they are.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    return _COMBINING_AFTER_CYRILLIC.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


def _turkic_upper(text: str) -> str:
    return text.replace("i", "İ").upper()


def repair_lookalikes(text: str) -> str:
    """Replace Latin a o e c p x i (and capitals) inside Cyrillic words by Cyrillic.

    A word is repaired only if every Latin letter in it is such a look-alike.
    """

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        latin = [c for c in word if c.isascii()]
        if all(c in _LOOKALIKES for c in latin):
            return word.translate(_LOOKALIKE_TABLE)
        return word

    return _MIXED_WORD.sub(fix, text)


class Transliterator:
    """A compiled scheme: build once, call many times.

    >>> kk = Transliterator("bgn-pcgn")
    >>> kk("Шымкент, ШЫМКЕНТ")
    'Shymkent, SHYMKENT'

    *loanwords* picks the policy for ё ц ч щ ъ ь э ю я in the official alphabets
    (``"orthographic"`` or ``"letterwise"``); *strict* raises
    :class:`UnmappableCharacterError` on Cyrillic characters the scheme cannot map
    (the default passes them through); *fix_lookalikes* repairs Latin look-alike
    letters typed inside Cyrillic words; *protect_urls* keeps URLs and e-mail
    addresses as they are.
    """

    __slots__ = (
        "_caps_letters",
        "_fix_lookalikes",
        "_hamza",
        "_letter_rules",
        "_loanwords",
        "_protect_urls",
        "_punctuation",
        "_scheme",
        "_strict",
        "_table",
        "_unmapped",
        "_upper",
    )

    def __init__(
        self,
        scheme: str = "2021",
        *,
        loanwords: str = "orthographic",
        strict: bool = False,
        fix_lookalikes: bool = False,
        protect_urls: bool = True,
    ) -> None:
        self._scheme: Scheme = load_scheme(scheme)
        self._loanwords = loanwords
        self._strict = strict
        self._fix_lookalikes = fix_lookalikes
        self._protect_urls = protect_urls
        letters = self._scheme.letter_table(loanwords)
        loan_keys = set(self._scheme.loanwords.get(loanwords, {}))
        upper_of, title_of = self._casers()

        table = [chr(i) for i in range(_TABLE_SIZE)]
        self._upper: dict[str, str] = {}
        self._letter_rules: dict[str, str] = {}
        for lower, out in letters.items():
            upper = lower.upper()
            table[ord(lower)] = out
            table[ord(upper)] = title_of(out)
            rule = f"loanword:{loanwords}" if lower in loan_keys else "letter"
            self._letter_rules[lower] = self._letter_rules[upper] = rule
            if upper_of(out) != title_of(out):
                self._upper[upper] = upper_of(out)
        self._table: tuple[str, ...] = tuple(table)
        self._caps_letters = tuple(self._upper)
        self._hamza = "hamza" in self._scheme.rules
        self._punctuation = "arabic-punctuation" in self._scheme.rules
        known = {ord(c) for c in letters} | {ord(c.upper()) for c in letters}
        unmapped = [
            chr(cp) for lo, hi in _CYRILLIC_RANGES for cp in range(lo, hi + 1) if cp not in known
        ]
        self._unmapped = re.compile("[" + "".join(re.escape(c) for c in unmapped) + "]")

    def _casers(self) -> tuple[Callable[[str], str], Callable[[str], str]]:
        casing = self._scheme.casing
        if casing == "none":
            return (lambda s: s), (lambda s: s)
        upper: Callable[[str], str] = _turkic_upper if casing == "turkic" else str.upper

        def title(s: str) -> str:
            return upper(s[:1]) + s[1:]

        return upper, title

    # ------------------------------------------------------------------ public
    @property
    def scheme(self) -> SchemeInfo:
        """Name, version and source of the scheme (for provenance)."""
        return self._scheme.info

    @property
    def settings(self) -> dict[str, str]:
        """The options that shape the output, for provenance records."""
        return {
            "scheme": self._scheme.info.name,
            "scheme_version": self._scheme.info.version,
            "loanwords": self._loanwords,
            "strict": str(self._strict).lower(),
            "fix_lookalikes": str(self._fix_lookalikes).lower(),
        }

    def __call__(self, text: str) -> str:
        return self.transliterate(text)

    def transliterate(self, text: str) -> str:
        """Convert *text*; everything that is not Kazakh Cyrillic passes through."""
        text = compose(text)
        if self._fix_lookalikes:
            text = repair_lookalikes(text)
        if self._strict:
            self._check(text)
        if self._protect_urls and ("://" in text or "@" in text or "www." in text):
            return "".join(self._convert_protected(text))
        return self._convert(text)

    def lines(self, lines: Iterable[str]) -> Iterator[str]:
        """Convert an iterable of lines lazily (constant memory for streams)."""
        for line in lines:
            yield self.transliterate(line)

    def explain(self, text: str) -> list[ExplainedSpan]:
        """Which rule produced each output span; ``"".join(s.output …)`` is the result."""
        text = compose(text)
        repaired = repair_lookalikes(text) if self._fix_lookalikes else text
        if self._strict:
            self._check(repaired)
        spans: list[ExplainedSpan] = []
        protected = (
            [m.span() for m in _PROTECTED.finditer(repaired)]
            if self._protect_urls and ("://" in repaired or "@" in repaired or "www." in repaired)
            else []
        )
        hamza_at = (
            {m.start() for m in _FRONT_WORD.finditer(repaired) if self._needs_hamza(m.group())}
            if self._hamza
            else set()
        )
        punct_at = (
            {m.start(2) for m in _PUNCT_AFTER_WORD.finditer(repaired)}
            if self._punctuation
            else set()
        )
        i = 0
        n = len(repaired)
        while i < n:
            if protected and protected[0][0] == i:
                start, end = protected.pop(0)
                spans.append(
                    ExplainedSpan(start, end, text[start:end], text[start:end], "protected")
                )
                i = end
                continue
            ch = repaired[i]
            if i in hamza_at:
                spans.append(ExplainedSpan(i, i, "", _HAMZA, "hamza"))
            if i in punct_at:
                spans.append(ExplainedSpan(i, i + 1, ch, _ARABIC_PUNCT[ch], "arabic-punctuation"))
            elif ch in self._letter_rules:
                if ch in self._upper and self._in_caps(repaired, i):
                    out, rule = self._upper[ch], "caps-digraph"
                else:
                    out, rule = self._table[ord(ch)], self._letter_rules[ch]
                if text[i] != ch:
                    rule = "lookalike"
                spans.append(ExplainedSpan(i, i + 1, text[i], out, rule))
            else:
                spans.append(ExplainedSpan(i, i + 1, ch, ch, "passthrough"))
            i += 1
        return _merge_passthrough(spans)

    # ----------------------------------------------------------------- private
    def _check(self, text: str) -> None:
        found = self._unmapped.search(text)
        if found:
            raise UnmappableCharacterError(
                found.group(), found.start(), text, self._scheme.info.name
            )

    def _convert_protected(self, text: str) -> Iterator[str]:
        prev = 0
        for match in _PROTECTED.finditer(text):
            yield self._convert(text[prev : match.start()])
            yield match.group()
            prev = match.end()
        yield self._convert(text[prev:])

    def _needs_hamza(self, word: str) -> bool:
        return not any(c in _FRONT_MARKERS for c in word)

    @staticmethod
    def _in_caps(text: str, i: int) -> bool:
        return (i > 0 and text[i - 1].isupper()) or (i + 1 < len(text) and text[i + 1].isupper())

    def _convert(self, text: str) -> str:
        if self._hamza:
            text = _FRONT_WORD.sub(
                lambda m: _HAMZA + m.group() if self._needs_hamza(m.group()) else m.group(), text
            )
        if self._punctuation:
            text = _PUNCT_AFTER_WORD.sub(lambda m: m.group(1) + _ARABIC_PUNCT[m.group(2)], text)
        table = self._table
        positions: list[int] = []
        for letter in self._caps_letters:
            if letter in text:
                i = text.find(letter)
                while i >= 0:
                    if self._in_caps(text, i):
                        positions.append(i)
                    i = text.find(letter, i + 1)
        if not positions:
            return text.translate(table)
        positions.sort()
        upper = self._upper
        pieces: list[str] = []
        prev = 0
        for i in positions:
            pieces.append(text[prev:i].translate(table))
            pieces.append(upper[text[i]])
            prev = i + 1
        pieces.append(text[prev:].translate(table))
        return "".join(pieces)


def _merge_passthrough(spans: list[ExplainedSpan]) -> list[ExplainedSpan]:
    merged: list[ExplainedSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last is not None and span.rule == last.rule == "passthrough" and last.end == span.start:
            merged[-1] = ExplainedSpan(
                last.start,
                span.end,
                last.source + span.source,
                last.output + span.output,
                "passthrough",
            )
        else:
            merged.append(span)
    return merged


_CACHE: dict[tuple[str, str, bool, bool, bool], Transliterator] = {}


def _compiled(
    scheme: str, loanwords: str, strict: bool, fix_lookalikes: bool, protect_urls: bool
) -> Transliterator:
    key = (scheme, loanwords, strict, fix_lookalikes, protect_urls)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = Transliterator(
            scheme,
            loanwords=loanwords,
            strict=strict,
            fix_lookalikes=fix_lookalikes,
            protect_urls=protect_urls,
        )
    return found


def transliterate(
    text: str,
    scheme: str = "2021",
    *,
    loanwords: str = "orthographic",
    strict: bool = False,
    fix_lookalikes: bool = False,
    protect_urls: bool = True,
) -> str:
    """Convert Kazakh Cyrillic *text* to *scheme* (default: the 2021 Latin alphabet).

    >>> transliterate("Қазақстан Республикасы")
    'Qazaqstan Respublikasy'
    >>> transliterate("Семей", "bgn-pcgn")
    'Semey'

    See :class:`Transliterator` for the options; compiled transliterators are cached.
    """
    return _compiled(scheme, loanwords, strict, fix_lookalikes, protect_urls).transliterate(text)


def explain(
    text: str,
    scheme: str = "2021",
    *,
    loanwords: str = "orthographic",
    fix_lookalikes: bool = False,
) -> list[ExplainedSpan]:
    """Like :func:`transliterate`, but say which rule produced each output span."""
    return _compiled(scheme, loanwords, False, fix_lookalikes, True).explain(text)
