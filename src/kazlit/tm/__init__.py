"""kazlit.tm: translation memory: units, stores, fuzzy index and scoring, analysis, pretranslation.

* :mod:`kazlit.tm.model`: :class:`TranslationUnit`, :class:`Variant` and
  :class:`Inline` placeholders (the TMX 1.4b model).
* :mod:`kazlit.tm.store`: the :class:`~kazlit.tm.store.TMStore` interface, the
  SQLite store and :func:`~kazlit.tm.store.open_store`.
* :mod:`kazlit.tm.bitext`: :func:`units_from_bitext`, units from an aligned work.
* File formats (TMX, PO, XLIFF, TSV) live in :mod:`kazlit.formats`.
"""

from __future__ import annotations

from kazlit.tm.bitext import units_from_bitext
from kazlit.tm.model import Inline, Note, Prop, TranslationUnit, Variant

__all__ = ["Inline", "Note", "Prop", "TranslationUnit", "Variant", "units_from_bitext"]
