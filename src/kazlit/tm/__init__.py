"""kazlit.tm: translation memory: units, stores, fuzzy index and scoring, analysis, pretranslation.

* :mod:`kazlit.tm.model`: :class:`TranslationUnit`, :class:`Variant` and
  :class:`Inline` placeholders (the TMX 1.4b model).
* :mod:`kazlit.tm.store`: the :class:`~kazlit.tm.store.TMStore` interface, the
  SQLite store and :func:`~kazlit.tm.store.open_store`.
* :mod:`kazlit.tm.bitext`: :func:`units_from_bitext`, units from an aligned work.
* File formats (TMX, PO, XLIFF, TSV) live in :mod:`kazlit.formats`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kazlit.tm.model import Inline, Note, Prop, TranslationUnit, Variant

if TYPE_CHECKING:
    from kazlit.tm.bitext import units_from_bitext

__all__ = ["Inline", "Note", "Prop", "TranslationUnit", "Variant", "units_from_bitext"]


def __getattr__(name: str) -> Any:
    # units_from_bitext pulls in kazlit.corpus; a TM import or export has no use for it.
    if name == "units_from_bitext":
        from kazlit.tm.bitext import units_from_bitext  # noqa: PLC0415 - lazy on purpose

        return units_from_bitext
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
