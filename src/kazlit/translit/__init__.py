"""kazlit.translit: Kazakh script conversion, standard library only.

Every standard scheme, as data: the official Latin alphabets of 2021, 2018 and 2017,
ISO 9, BGN/PCGN, ALA-LC and the Arabic script used by Kazakhs in China; back to
Cyrillic where that is possible; plain text and markup (HTML, XML, PO, XLIFF, TMX,
EPUB)::

    >>> from kazlit.translit import transliterate, to_cyrillic
    >>> transliterate("Қазақ тілі")
    'Qazaq tılı'
    >>> transliterate("Шымкент", scheme="bgn-pcgn")
    'Shymkent'
    >>> to_cyrillic("Qazaq tılı")
    'Қазақ тілі'

Importing this package loads only the standard library; the markup functions
import lxml and polib when they are called.
"""

from __future__ import annotations

from kazlit.errors import TransliterationError
from kazlit.translit._engine import (
    ExplainedSpan,
    Transliterator,
    UnmappableCharacterError,
    explain,
    transliterate,
)
from kazlit.translit._epub import convert_epub
from kazlit.translit._markup import (
    FORMATS,
    Conversion,
    convert_html,
    convert_po,
    convert_tmx,
    convert_xliff,
    convert_xml,
    guess_format,
)
from kazlit.translit._reverse import (
    REVERSIBLE_SCHEMES,
    Ambiguity,
    ReverseResult,
    to_cyrillic,
    to_cyrillic_report,
)
from kazlit.translit._schemes import (
    LOANWORD_POLICIES,
    SCHEMES,
    SchemeInfo,
    scheme_info,
)
from kazlit.translit._stream import convert_stream

__all__ = [
    "FORMATS",
    "LOANWORD_POLICIES",
    "REVERSIBLE_SCHEMES",
    "SCHEMES",
    "Ambiguity",
    "Conversion",
    "ExplainedSpan",
    "ReverseResult",
    "SchemeInfo",
    "TransliterationError",
    "Transliterator",
    "UnmappableCharacterError",
    "convert_epub",
    "convert_html",
    "convert_po",
    "convert_stream",
    "convert_tmx",
    "convert_xliff",
    "convert_xml",
    "explain",
    "guess_format",
    "scheme_info",
    "to_cyrillic",
    "to_cyrillic_report",
    "transliterate",
]
