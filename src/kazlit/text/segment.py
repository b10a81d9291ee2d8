"""Sentence segmentation for Kazakh and the six UN languages.

Rules, not a model: a sentence ends at terminal punctuation (``. ! ? …``, Arabic ``؟``,
Chinese ``。！？``) followed by closing quotes or brackets, then space and the start of
a new sentence — except

- after an abbreviation from the language's list (``src/kazlit/text/data/
  abbreviations/<lang>.txt``, each list citing its source), such as Kazakh ``т.б.``,
  ``ж.``, ``ғ.``, ``б.``, Russian ``т.е.``, English ``Dr.``;
- after an initial (``Н. Назарбаев``, ``Н.Ә. Назарбаев``, ``Дж. Най``, ``J. R. R.``);
- inside brackets (citations such as ``[3, 167 б.]``) and inside short quotations
  (``«Адам бол. Ғылым таппай мақтанба.» деген``), whose sentences stay with the
  sentence that quotes them; quotations longer than :data:`QUOTE_LIMIT` characters are
  split inside;
- before a lower-case continuation (``— Қайда? — деді ол.``) in cased scripts.

Paragraph boundaries are hard: :func:`split_paragraphs` cuts text at blank lines and
joins soft-wrapped lines; :func:`segment` works inside one paragraph, where a hard line
break (``"\\n"``, a verse line) is also a boundary::

    >>> from kazlit.text import segment
    >>> segment("Дж. Най 2004 ж. «жұмсақ күш» ұғымын енгізді. Н. Назарбаев мұны атады.", "kk")
    ['Дж. Най 2004 ж. «жұмсақ күш» ұғымын енгізді.', 'Н. Назарбаев мұны атады.']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate

from kazlit import lang as _lang

__all__ = [
    "QUOTE_LIMIT",
    "Abbreviations",
    "abbreviations",
    "segment",
    "segment_paragraphs",
    "split_paragraphs",
]

_LOOKBEHIND = 80
#: Quotations up to this many characters are kept whole inside their sentence.
QUOTE_LIMIT = 300

_CLOSERS = "»”’\"')]}」』）】›"
_PAIRS = {"«": "»", "“": "”", "(": ")", "[": "]", "{": "}", "「": "」", "『": "』", "（": "）"}
_BRACKET = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]")
_OPENERS_SKIP = "«“‘\"'([{「『（‹¿¡—–-― \u00a0\u202f"
_CASED_END = re.compile(
    r"(?:[.!?…؟]+|\.\.\.)(?:[\s\u00a0\u202f]?[" + re.escape(_CLOSERS) + r"])*(?=\s)"
)
_CJK_END = re.compile(r"[。！？!?…]+[" + re.escape(_CLOSERS) + r"]*")
_LIST_MARKER = re.compile(r"^(?:\d{1,3}|[A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]|[IVXLC]{1,5})$")
_UPPER_LETTERS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """A language's abbreviation list, by kind (see the data files' headers).

    ``title``: never ends a sentence; ``plain``: ends one only before a capitalised
    word; ``initial``: multi-letter initials of given names (``Дж.``); ``numeral``:
    after a number it may end a sentence (Russian ``2025 г.`` год), elsewhere it never
    does (``г. Алматы`` город).
    """

    title: frozenset[str]
    plain: frozenset[str]
    initial: frozenset[str]
    numeral: frozenset[str] = frozenset()

    def kind(self, token: str) -> str | None:
        """``"title"``, ``"plain"``, ``"initial"`` or ``None`` for *token* (with its point)."""
        for candidate in dict.fromkeys((token, token.lower())):
            if candidate in self.initial:
                return "initial"
            if candidate in self.title:
                return "title"
            if candidate in self.plain:
                return "plain"
            if candidate in self.numeral:
                return "numeral"
        return None


@cache
def abbreviations(language: str) -> Abbreviations:
    """The abbreviation list of *language* (any tag :func:`kazlit.lang.get` accepts)."""
    code = _lang.get(language).code
    kinds: dict[str, set[str]] = {
        "title": set(),
        "plain": set(),
        "initial": set(),
        "numeral": set(),
    }
    path = resources.files("kazlit.text").joinpath("data", "abbreviations", f"{code}.txt")
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.startswith("#"):
                continue
            fields = raw.split("\t")
            kinds[fields[1].strip()].add(unicodedata.normalize("NFC", fields[0].strip()))
    return Abbreviations(
        frozenset(kinds["title"]),
        frozenset(kinds["plain"]),
        frozenset(kinds["initial"]),
        frozenset(kinds["numeral"]),
    )


def split_paragraphs(text: str) -> list[str]:
    """Cut *text* at blank lines; join each paragraph's soft-wrapped lines with a space.

    Lines are joined without a space where both sides are CJK characters. The result
    is NFC, stripped, and holds no empty paragraph.
    """
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    paragraphs: list[str] = []
    for chunk in re.split(r"\n[ \t\r\f\v]*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            glue = "" if _is_cjk(joined[-1]) and _is_cjk(line[0]) else " "
            joined += glue + line
        paragraphs.append(joined)
    return paragraphs


def segment_paragraphs(text: str, language: str) -> list[list[str]]:
    """:func:`split_paragraphs`, then :func:`segment` each paragraph."""
    return [segment(paragraph, language) for paragraph in split_paragraphs(text)]


def segment(text: str, language: str) -> list[str]:
    """Split one paragraph of *language* into sentences.

    A hard line break inside the paragraph (a verse line) is a boundary too. Spaces
    inside a sentence are kept as they are; each sentence is stripped.
    """
    info = _lang.get(language)
    text = unicodedata.normalize("NFC", text)
    sentences: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if info.is_cjk:
            sentences.extend(_segment_cjk(line))
        else:
            sentences.extend(_segment_cased(line, info))
    return sentences


def _segment_cjk(text: str) -> list[str]:
    reach = _reach(_protected_spans(text), len(text))
    cuts = [
        match.end()
        for match in _CJK_END.finditer(text)
        if match.end() < len(text) and reach[match.start()] < match.end()
    ]
    return _cut(text, cuts)


def _segment_cased(text: str, info: _lang.Language) -> list[str]:
    abbrevs = abbreviations(info.tag)
    cased = info.script in {"Latn", "Cyrl"}
    reach = _reach(_protected_spans(text), len(text))
    cuts: list[int] = []
    for match in _CASED_END.finditer(text):
        end = match.end()
        if reach[match.start()] >= end:
            continue
        nxt = _next_start(text, end)
        if nxt is None:
            continue
        if cased and not (nxt.isupper() or nxt.isdigit()):
            continue
        if match.group().startswith(".") and not match.group().startswith(".."):
            # Only the last words before the point matter (and keep a long paragraph
            # linear): an abbreviation is at most two words.
            before = text[max(0, match.start() - _LOOKBEHIND) : match.start()]
            if _abbreviation_holds(before, abbrevs, nxt, cased):
                continue
            if not cuts and match.start() <= 6 and _LIST_MARKER.match(before.strip()):
                continue
        cuts.append(end)
    return _cut(text, cuts)


def _abbreviation_holds(before: str, abbrevs: Abbreviations, nxt: str, cased: bool) -> bool:
    """Whether the point that ends *before* belongs to an abbreviation or initial."""
    words = before.split()
    if not words:
        return False
    token = words[-1].lstrip(_OPENERS_SKIP) + "."
    bare = token[:-1]
    # An initial: one capital letter, or several with points (Н.Ә., J.R.R.); checked
    # before the lists, so that "Б. Майтанов" is not read as "б." (бет, page).
    if bare and bare[0].isupper() and _UPPER_LETTERS.match(bare):
        return True
    kind = abbrevs.kind(token)
    if kind is None and len(words) > 1:
        kind = abbrevs.kind(f"{words[-2]} {token}")
    if kind == "numeral":
        after_number = len(words) > 1 and any(c.isdigit() for c in words[-2])
        return not after_number or nxt.isdigit()
    if kind in {"title", "initial"}:
        return True
    if kind == "plain":
        # Before a digit or, in an uncased script, before anything: the sentence goes on.
        return nxt.isdigit() or not cased
    return False


def _next_start(text: str, end: int) -> str | None:
    """The first letter or digit after *end*, skipping openers and dashes.

    Indexes instead of slicing ``text[end:]``, which copied the rest of the paragraph
    at every sentence end and made one huge paragraph quadratic.
    """
    for index in range(end, len(text)):
        char = text[index]
        if char.isspace() or char in _OPENERS_SKIP:
            continue
        return char
    return None


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Balanced brackets and short quotations: ``(start, end)`` of each."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for found in _BRACKET.finditer(text):  # only brackets matter: skip the rest in C
        index, char = found.start(), found.group()
        if char in _PAIRS:
            stack.append((char, index))
        elif stack and char == _PAIRS[stack[-1][0]]:
            opener, start = stack.pop()
            is_quote = opener in "«“「『"
            if not is_quote or index - start <= QUOTE_LIMIT:
                spans.append((start, index))
        elif char in _PAIRS.values():
            # A closer that matches an outer opener closes everything inside it.
            for depth in range(len(stack) - 1, -1, -1):
                if _PAIRS[stack[depth][0]] == char:
                    opener, start = stack[depth]
                    del stack[depth:]
                    if opener not in "«“「『" or index - start <= QUOTE_LIMIT:
                        spans.append((start, index))
                    break
    return spans


def _reach(spans: list[tuple[int, int]], size: int) -> list[int]:
    """For each position *p*: the furthest close of a span opened before *p* (or -1).

    A candidate ``[start, end)`` lies inside some span exactly when
    ``reach[start] >= end``; one pass, so a huge paragraph stays linear.
    """
    reach = [-1] * (size + 2)
    for open_, close in spans:
        reach[open_ + 1] = max(reach[open_ + 1], close)
    return list(accumulate(reach, max))


def _cut(text: str, cuts: list[int]) -> list[str]:
    pieces: list[str] = []
    last = 0
    for cut in [*cuts, len(text)]:
        piece = text[last:cut].strip()
        if piece:
            pieces.append(piece)
        last = cut
    return pieces


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
