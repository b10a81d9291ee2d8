"""Checks on the text of one unit: numbers, placeholders, punctuation, whitespace,
scripts, length.

Typographic rules and their sources:

* French: a narrow no-break space (U+202F; U+00A0 accepted) before ; : ! ? and
  inside « » — *Lexique des règles typographiques en usage à l'Imprimerie
  nationale* (2002), "Ponctuation"; Unicode's recommendation of U+202F for it
  (Unicode Standard, ch. 6, "Space characters").
* Chinese: full-width ，；：！？（）and 。 after Chinese text — GB/T 15834-2011
  *标点符号用法* (Use of punctuation marks); quotation marks “ ” ‘ ’ (and 「 」).
* Arabic: the Arabic comma ، (U+060C), semicolon ؛ (U+061B) and question mark ؟
  (U+061F) — Unicode Standard, ch. 9 "Arabic"; CLDR ``ar`` punctuation.
* Spanish: opening ¿ and ¡ — RAE, *Ortografía de la lengua española* (2010), § 3.4.
* Quotation marks: « » for Kazakh, Russian, French and Spanish (inner „ “ for kk/ru,
  “ ” for fr/es), “ ” ‘ ’ for English and Chinese (「 」 also for Chinese) — CLDR
  delimiters (``quotationStart`` / ``alternateQuotationStart``) for each locale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from kazlit.qa._numbers import numbers, optional_numbers
from kazlit.qa.model import Finding, QAUnit, Span
from kazlit.qa.registry import CHECKS, QAContext, unit_check

__all__ = ["placeholders"]

_PRINTF = r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn]"
_PY_PERCENT = r"%\([^)\s]+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
_BRACE = r"\{[A-Za-z0-9_.]*(?:[!:][^{}\s]*)?\}"
_TAG = r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*?)?/?>"
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);"
_PLACEHOLDER = re.compile("|".join([_PY_PERCENT, _PRINTF, _BRACE, _TAG, _ENTITY]))
# Entities are text (&amp; may become "and"); they are masked but not compared.
_COMPARED = re.compile("|".join([_PY_PERCENT, _PRINTF, _BRACE, _TAG]))
_URL = re.compile(r"(?:https?://|www\.)[^\s<>«»\"“”]+[^\s<>«»\"“”.,;:!?)]|[\w.+-]+@[\w-]+\.[\w.-]+")
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3]")


def _code(lang: str) -> str:
    return re.split(r"[-_]", lang, maxsplit=1)[0].lower()


def placeholders(text: str) -> list[re.Match[str]]:
    """printf, Python %()s and {} placeholders and XML/HTML tags in *text*."""
    return list(_COMPARED.finditer(text))


def _masked(text: str) -> str:
    """*text* with placeholders and URLs blanked out (same length)."""
    for pattern in (_PLACEHOLDER, _URL):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _span(match: re.Match[str], side: str = "target") -> Span:
    return Span(match.start(), match.end(), "source" if side == "source" else "target")


# ----------------------------------------------------------------- emptiness
@unit_check("empty", "error", "The translation is empty while the source is not.")
def check_empty(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if unit.source.strip() and not unit.target.strip():
        yield CHECKS["empty"].finding(unit, "the translation is empty")


@unit_check("copied", "warning", "The translation is a copy of the source.")
def check_copied(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    words = [w for w in _WORD.findall(_masked(unit.source)) if not w.isdigit()]
    if unit.target.strip() == unit.source.strip() and len(words) >= 3:
        yield CHECKS["copied"].finding(
            unit, "the translation is the source text, copied", Span(0, len(unit.target))
        )


@unit_check(
    "untranslated",
    "warning",
    "Words left in the source script or language (Cyrillic in a Latin, Chinese or "
    "Arabic translation; Kazakh letters in Russian).",
)
def check_untranslated(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    code = _code(unit.tgt_lang)
    if code == "kk" or not unit.target.strip():
        return
    target = _masked(unit.target)
    pattern = _KAZAKH_ONLY if code == "ru" else _CYRILLIC
    if code == "ru" and _code(unit.src_lang) != "kk":
        return
    for word in _WORD.finditer(target):
        # A word with Latin letters too is a look-alike problem (mixed-script).
        if pattern.search(word.group()) and not _LATIN.search(word.group()):
            what = "a Kazakh word" if code == "ru" else "a Cyrillic word"
            yield CHECKS["untranslated"].finding(
                unit, f"{what} left in the translation: {word.group()!r}", _span(word)
            )


# ----------------------------------------------------------------- numbers
def _fmt(value: object) -> str:
    return format(value, "f")


@unit_check(
    "numbers",
    "error",
    "Numbers differ, read the way each language writes them (13 000 = 13,000 = "
    "13000 where the locale says so; Arabic-Indic digits; 万).",
)
def check_numbers(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    source = numbers(_masked(unit.source), unit.src_lang)
    target = numbers(_masked(unit.target), unit.tgt_lang)
    src_count = Counter(v for v, _, _ in source)
    tgt_count = Counter(v for v, _, _ in target)
    src_optional = optional_numbers(_masked(unit.source))
    tgt_optional = optional_numbers(_masked(unit.target))
    for value, count in src_count.items():
        if value == 1 and _code(unit.tgt_lang) == "ar":
            # Arabic says "one hour" with the singular noun alone (ساعة); the
            # numeral واحد follows only for emphasis — K. C. Ryding, A Reference
            # Grammar of Modern Standard Arabic (2005), the numerals one and two.
            continue
        if tgt_count[value] + tgt_optional[value] < count:
            spans = [Span(s, e, "source") for v, s, e in source if v == value]
            yield CHECKS["numbers"].finding(
                unit, f"the number {_fmt(value)} of the source is missing", *spans
            )
    for value, count in tgt_count.items():
        if src_count[value] + src_optional[value] < count:
            spans = [Span(s, e) for v, s, e in target if v == value]
            yield CHECKS["numbers"].finding(
                unit, f"the number {_fmt(value)} is not in the source", *spans
            )


# ----------------------------------------------------------------- placeholders
def _placeholder_key(text: str) -> str:
    if text.startswith("<"):
        name = re.match(r"</?([\w:.-]+)", text)
        ident = re.search(r"\bid=\"([^\"]*)\"", text)
        closing = "/" if text.startswith("</") else ""
        return f"<{closing}{name.group(1) if name else ''}{'#' + ident.group(1) if ident else ''}>"
    return text


@unit_check(
    "placeholders",
    "error",
    "Placeholders (printf, {name}, %(name)s), inline tags and entities differ.",
)
def check_placeholders(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    source = placeholders(unit.source)
    target = placeholders(unit.target)
    src = Counter(_placeholder_key(m.group()) for m in source)
    tgt = Counter(_placeholder_key(m.group()) for m in target)
    for key in src - tgt:
        spans = [_span(m, "source") for m in source if _placeholder_key(m.group()) == key]
        yield CHECKS["placeholders"].finding(
            unit, f"the placeholder or tag {key!r} is missing", *spans
        )
    for key in tgt - src:
        spans = [_span(m) for m in target if _placeholder_key(m.group()) == key]
        yield CHECKS["placeholders"].finding(unit, f"{key!r} is not in the source", *spans)


@unit_check("urls", "warning", "URLs and e-mail addresses of the source are not kept.")
def check_urls(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    for match in _URL.finditer(unit.source):
        if match.group() not in unit.target:
            yield CHECKS["urls"].finding(
                unit, f"{match.group()!r} is missing or changed", _span(match, "source")
            )


# ----------------------------------------------------------------- whitespace
@unit_check("double-space", "warning", "Two spaces in a row where the source has none.")
def check_double_space(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if "  " in unit.source:
        return
    for match in re.finditer(r"(?<=\S) {2,}(?=\S)", unit.target):
        yield CHECKS["double-space"].finding(unit, "double space", _span(match))


@unit_check("whitespace-ends", "warning", "Leading or trailing whitespace differs from the source.")
def check_whitespace_ends(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    if not unit.target.strip():
        return
    src_lead = re.match(r"\s*", unit.source).group()  # type: ignore[union-attr]
    tgt_lead = re.match(r"\s*", unit.target).group()  # type: ignore[union-attr]
    if src_lead != tgt_lead:
        yield CHECKS["whitespace-ends"].finding(
            unit,
            f"leading whitespace {tgt_lead!r}, the source has {src_lead!r}",
            Span(0, len(tgt_lead)),
        )
    src_tail = unit.source[len(unit.source.rstrip()) :]
    tgt_tail = unit.target[len(unit.target.rstrip()) :]
    if src_tail != tgt_tail:
        yield CHECKS["whitespace-ends"].finding(
            unit,
            f"trailing whitespace {tgt_tail!r}, the source has {src_tail!r}",
            Span(len(unit.target) - len(tgt_tail), len(unit.target)),
        )


@unit_check("newlines", "warning", "The number of line breaks differs from the source.")
def check_newlines(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    source, target = unit.source.count("\n"), unit.target.count("\n")
    if unit.target.strip() and source != target:
        yield CHECKS["newlines"].finding(unit, f"{target} line breaks, the source has {source}")


# ----------------------------------------------------------------- scripts, length
@unit_check("mixed-script", "error", "Cyrillic and Latin look-alike letters in one word.")
def check_mixed_script(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    for side, text in (("target", unit.target), ("source", unit.source)):
        for word in _WORD.finditer(_masked(text)):
            if _CYRILLIC.search(word.group()) and _LATIN.search(word.group()):
                yield CHECKS["mixed-script"].finding(
                    unit,
                    f"{word.group()!r} mixes Cyrillic and Latin letters ({side})",
                    _span(word, side),
                )


# Characters of a translation per character of Kazakh: rough expansion factors;
# the accepted band is this factor divided or multiplied by 2.5.
_EXPANSION = {"kk": 1.0, "ru": 1.05, "en": 1.0, "fr": 1.15, "es": 1.1, "ar": 0.95, "zh": 0.35}
_MIN_LENGTH = 20
_BAND = 2.5


@unit_check("length", "warning", "The translation is far longer or shorter than expected.")
def check_length(unit: QAUnit, ctx: QAContext) -> Iterator[Finding]:
    # Placeholders, tags and URLs do not grow or shrink in translation.
    source = len(_COMPARED.sub("", _URL.sub("", unit.source)).strip())
    target = len(_COMPARED.sub("", _URL.sub("", unit.target)).strip())
    if source < _MIN_LENGTH or not target:
        return
    expected = _EXPANSION.get(_code(unit.tgt_lang), 1.0) / _EXPANSION.get(_code(unit.src_lang), 1.0)
    ratio = target / source
    if ratio > expected * _BAND or ratio < expected / _BAND:
        yield CHECKS["length"].finding(
            unit,
            f"length ratio {ratio:.2f} (expected about {expected:.2f} for "
            f"{unit.src_lang}→{unit.tgt_lang})",
        )
