"""Punctuation conventions of the target language, end punctuation and brackets.

The sources of the rules are listed in :mod:`kazlit.qa.checks_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kazlit.qa.checks_text import _code, _masked
from kazlit.qa.model import Finding, QAUnit, Span
from kazlit.qa.registry import CHECKS, QAContext, unit_check

__all__: list[str] = []

_NBSP = "\u00a0\u202f"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _french(unit: QAUnit, text: str) -> Iterator[Finding]:
    for match in re.finditer(r"[;:!?]", text):
        index = match.start()
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if not before or before in _NBSP or before in ";:!?" or before == "\n":
            continue
        if after and not after.isspace() and after not in ';:!?»)]"”’…':
            continue  # not punctuation: 10:30, HH:MM, a URL
        if match.group() == ":" and before.isdigit() and after.isdigit():
            continue
        if before == " ":
            message = f"use a narrow no-break space (U+202F) before {match.group()!r}, not a space"
            yield CHECKS["punctuation"].finding(unit, message, Span(index - 1, index + 1))
        elif not before.isspace():
            message = f"a narrow no-break space (U+202F) is missing before {match.group()!r}"
            yield CHECKS["punctuation"].finding(unit, message, Span(index, index + 1))
    for match in re.finditer("«", text):
        after = text[match.end()] if match.end() < len(text) else ""
        if after and after not in _NBSP:
            yield CHECKS["punctuation"].finding(
                unit, "a no-break space is missing after «", Span(match.start(), match.end())
            )
    for match in re.finditer("»", text):
        before = text[match.start() - 1] if match.start() else ""
        if before and before not in _NBSP:
            yield CHECKS["punctuation"].finding(
                unit, "a no-break space is missing before »", Span(match.start(), match.end())
            )


_ZH_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。"}


def _chinese(unit: QAUnit, text: str) -> Iterator[Finding]:
    for match in re.finditer(r"[,;:!?().]", text):
        index = match.start()
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            continue
        if match.group() == "." and after == ".":
            continue
        near = before if match.group() != "(" else after
        if _HAN.match(near or "") or (match.group() == "(" and _HAN.match(before or "")):
            full = _ZH_FULL[match.group()]
            yield CHECKS["punctuation"].finding(
                unit,
                f"use the full-width {full!r} in Chinese, not {match.group()!r}",
                Span(index, index + 1),
            )


_AR_MARKS = {",": "،", ";": "؛", "?": "؟"}


def _arabic(unit: QAUnit, text: str) -> Iterator[Finding]:
    for match in re.finditer(r"[,;?]", text):
        index = match.start()
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            continue
        if _ARABIC.match(before or "") or _ARABIC.match(text[index + 2 : index + 3] or ""):
            yield CHECKS["punctuation"].finding(
                unit,
                f"use the Arabic {_AR_MARKS[match.group()]!r} instead of {match.group()!r}",
                Span(index, index + 1),
            )


def _spanish(unit: QAUnit, text: str) -> Iterator[Finding]:
    for closing, opening in (("?", "¿"), ("!", "¡")):
        missing = text.count(closing) - text.count(opening)
        if missing > 0:
            spans = [Span(m.start(), m.end()) for m in re.finditer(re.escape(closing), text)]
            yield CHECKS["punctuation"].finding(
                unit, f"{missing} {closing!r} without an opening {opening!r}", *spans
            )


# Quotation marks each language uses (CLDR delimiters, outer and inner).
_QUOTES = {
    "kk": "«»„“",
    "ru": "«»„“",
    "fr": "«»“”",
    "es": "«»“”‘’",
    "en": '“”‘’"',
    "zh": "“”‘’「」『』",
    "ar": '«»“”"',
}
_ALL_QUOTES = '«»„“”「」『』"'


def _quotes(unit: QAUnit, text: str, code: str) -> Iterator[Finding]:
    allowed = _QUOTES.get(code)
    if allowed is None:
        return
    for match in re.finditer(f"[{re.escape(_ALL_QUOTES)}]", text):
        if match.group() not in allowed:
            yield CHECKS["punctuation"].finding(
                unit,
                f"the quotation mark {match.group()!r} is not used in {unit.tgt_lang} "
                f"(use {' '.join(allowed)})",
                Span(match.start(), match.end()),
            )
    for opening, closing in (("«", "»"), ("「", "」")):
        balance = text.count(opening) - text.count(closing)
        # A quotation that runs over several sentences opens in one unit and
        # closes in another: unbalanced the same way as the source, it is fine.
        source_balance = unit.source.count(opening) - unit.source.count(closing)
        if balance and balance != source_balance:
            yield CHECKS["punctuation"].finding(
                unit,
                f"unbalanced {opening} {closing} ({text.count(opening)} vs {text.count(closing)})",
            )


@unit_check(
    "punctuation",
    "warning",
    "Punctuation conventions of the target language (French spaces, Chinese "
    "full-width, Arabic marks, Spanish ¿ ¡, quotation marks).",
)
def check_punctuation(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    text = _masked(unit.target)
    code = _code(unit.tgt_lang)
    if code == "fr":
        yield from _french(unit, text)
    elif code == "zh":
        yield from _chinese(unit, text)
    elif code == "ar":
        yield from _arabic(unit, text)
    elif code == "es":
        yield from _spanish(unit, text)
    yield from _quotes(unit, text, code)


# Equivalent end marks across languages.
_END_CLASS = {
    ".": ".",
    "。": ".",
    "…": "…",
    "?": "?",
    "？": "?",
    "؟": "?",
    "!": "!",
    "！": "!",
    ":": ":",
    "：": ":",
    ";": ";",
    "；": ";",
    "؛": ";",
}
_CLOSERS = '»“”’"」』)）]'


def _end_mark(text: str) -> str:
    text = text.rstrip().rstrip(_CLOSERS).rstrip(_NBSP + " ")
    if text.endswith(("...", "……")):
        return "…"
    return _END_CLASS.get(text[-1:], "") if text else ""


@unit_check(
    "end-punctuation",
    "warning",
    "A question in the source is not one in the translation, or the reverse "
    "(?, ？ and ؟ are the same mark).",
)
def check_end_punctuation(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    source, target = _end_mark(unit.source), _end_mark(unit.target)
    # A full stop may become an exclamation in literary translation; a question
    # may not stop being one.
    if (source == "?") != (target == "?"):
        yield CHECKS["end-punctuation"].finding(
            unit,
            f"the source ends with {source or 'no mark'!r}, the translation with "
            f"{target or 'no mark'!r}",
        )


_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
_FULL_WIDTH = {"（": "(", "）": ")", "［": "[", "］": "]", "【": "[", "】": "]"}


@unit_check("brackets", "warning", "Brackets are unbalanced in the translation.")
def check_brackets(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    source = "".join(_FULL_WIDTH.get(ch, ch) for ch in _masked(unit.source))
    target = "".join(_FULL_WIDTH.get(ch, ch) for ch in _masked(unit.target))
    # Added or dropped parentheses are a translator's choice; unbalanced ones are not
    # (unless the source is unbalanced too, as in a list of symbols).
    for opening, closing in _PAIRS:
        balanced_source = source.count(opening) == source.count(closing)
        if target.count(opening) != target.count(closing) and balanced_source:
            yield CHECKS["brackets"].finding(
                unit, f"unbalanced {opening}{closing} in the translation"
            )
