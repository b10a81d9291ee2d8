"""kazlit.terms: concept-oriented termbases and recognition of inflected term occurrences.

* :mod:`kazlit.terms.model` — :class:`Termbase` → :class:`Concept` → :class:`LangSet`
  → :class:`Term`, with statuses, parts of speech, definitions, notes, sources and
  every other TBX data category kept in order.
* :mod:`kazlit.terms.recognize` — :class:`Recognizer`: term occurrences as spans,
  inflection-aware for Kazakh (both scripts), Russian, French and Spanish, clitic-
  aware for Arabic, substrings for Chinese.

The file formats are in :mod:`kazlit.formats.tbx` and :mod:`kazlit.formats.termtsv`.
"""

from kazlit.terms.model import Concept, Field, LangSet, Status, Term, Termbase, lang_key
from kazlit.terms.recognize import Recognizer, TermMatch, find_terms

__all__ = [
    "Concept",
    "Field",
    "LangSet",
    "Recognizer",
    "Status",
    "Term",
    "TermMatch",
    "Termbase",
    "find_terms",
    "lang_key",
]
