"""The store interface every translation-memory backend implements, and the merge policy.

Callers (the command line, the fuzzy index, pretranslation) use :class:`TMStore`
only, so a PostgreSQL store can follow without changing them.

Merge policy, applied when a unit arrives whose source (language and content,
markup included) is already in the store:

* a target identical to one already there (same language as written, same
  content) is skipped, whatever the policy: re-importing a file adds nothing;
* a target in a language the stored unit lacks is added to that unit;
* a *different* target in a language the stored unit already has is handled by
  the policy: ``"update"`` (the default) replaces the stored target,
  ``"add-variant"`` keeps both (the unit then holds two variants in that
  language, as TMX allows), ``"skip"`` keeps the stored one and counts a conflict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from kazlit.tm.model import TranslationUnit, Variant
from kazlit.tm.serial import content_key

__all__ = [
    "MERGE_POLICIES",
    "ImportResult",
    "MergePolicy",
    "Progress",
    "StoreStats",
    "TMStore",
    "merge_unit",
]

MergePolicy = Literal["skip", "update", "add-variant"]
#: The merge policies, default first.
MERGE_POLICIES: tuple[MergePolicy, ...] = ("update", "add-variant", "skip")
#: A progress callback: ``(done, total or None)``.
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one :meth:`TMStore.add_units` call did.

    ``read`` units arrived; ``added`` became new units; ``updated`` existing units
    gained or changed a variant; ``skipped`` were already there (identical);
    ``conflicts`` targets were kept as stored under the ``"skip"`` policy; ``bad``
    units were malformed and left out (only with ``skip_bad``). ``removed`` units
    were deleted (only by :meth:`TMStore.rewrite_units`).
    """

    read: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0
    bad: int = 0
    removed: int = 0

    def __add__(self, other: ImportResult) -> ImportResult:
        return ImportResult(
            *(
                getattr(self, f.name) + getattr(other, f.name)
                for f in dataclasses.fields(ImportResult)
            )
        )

    def summary(self) -> str:
        """One line for people: ``read 10: 8 added, 1 updated, 1 skipped``."""
        text = f"read {self.read}: {self.added} added, {self.updated} updated, "
        text += f"{self.skipped} skipped as duplicates"
        if self.conflicts:
            text += f", {self.conflicts} conflicting targets kept as stored"
        if self.bad:
            text += f", {self.bad} bad units skipped"
        if self.removed:
            text += f", {self.removed} removed"
        return text


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts describing a store (``kazlit tm stats``)."""

    location: str
    schema_version: int
    units: int
    variants: int
    languages: dict[str, int] = field(default_factory=dict)
    imports: int = 0
    size_bytes: int | None = None


@runtime_checkable
class TMStore(Protocol):
    """A translation-memory store. Unit ids are integers assigned by the store."""

    @property
    def location(self) -> str:
        """Where the store lives (a path or a URL without password)."""
        ...

    def add_units(
        self,
        units: Iterable[TranslationUnit],
        *,
        merge: MergePolicy = "update",
        default_srclang: str | None = None,
        progress: Progress | None = None,
        label: str | None = None,
        bad: Callable[[], int] | None = None,
    ) -> ImportResult:
        """Add *units* in one transaction, deduplicating by the merge policy.

        Everything or nothing: if iterating *units* raises (a parse error, an
        exception from *progress*, Ctrl-C), the store is left exactly as it was.
        *default_srclang* is the source language of units that name none (the file
        header's). *label* (a file name) is recorded in the import log; *bad*, if
        given, is asked at the end for the number of units the reader skipped.
        """
        ...

    def rewrite_units(
        self, changes: Mapping[int, TranslationUnit | None], *, label: str | None = None
    ) -> ImportResult:
        """Replace units by id, or delete them (``None``), in one transaction.

        A replacement must keep the unit's source variant (its source language and
        content), so that deduplication still finds it; ids that are not in the
        store are left alone. The change is recorded in the import log under
        *label* with the merge policy ``"rewrite"``; the result counts the
        replaced units as ``updated`` and the deleted ones as ``removed``.
        """
        ...

    def get(self, unit_id: int) -> TranslationUnit | None:
        """The unit with *unit_id*, or None."""
        ...

    def iter_units(
        self, src_lang: str | None = None, tgt_lang: str | None = None
    ) -> Iterator[tuple[int, TranslationUnit]]:
        """Every ``(unit_id, unit)`` in id order; only those holding both languages if given."""
        ...

    def iter_segments(
        self, src_lang: str, tgt_lang: str
    ) -> Iterator[tuple[int, str, str, str | None]]:
        """``(unit_id, source_text, target_text, context_prev)`` for a language pair.

        Texts are plain (markup codes left out, see
        :attr:`~kazlit.tm.model.Variant.plain_text`); languages are matched by
        kazlit's canonical tag (``en-US`` and ``en-GB`` both match ``en``). A unit
        with two targets in *tgt_lang* yields two rows.
        """
        ...

    def stats(self) -> StoreStats:
        """Counts of units, variants and languages."""
        ...

    def close(self) -> None:
        """Release the store's connection."""
        ...

    def __enter__(self) -> TMStore: ...

    def __exit__(self, *exc: object) -> None: ...


def _same_lang(a: Variant, b: Variant) -> bool:
    # en-GB and en-US are two languages; a bare "en" is the same as either.
    ra, rb = a.raw_lang.lower(), b.raw_lang.lower()
    return ra == rb or (a.lang == b.lang and (ra == a.lang.lower() or rb == b.lang.lower()))


def merge_unit(
    stored: TranslationUnit,
    incoming: TranslationUnit,
    policy: MergePolicy,
    *,
    source: Variant | None = None,
) -> tuple[TranslationUnit | None, int]:
    """Merge *incoming* into *stored* (same source) under *policy*.

    Returns ``(merged unit or None when nothing changed, conflicts kept as stored)``.
    A language counts as the same when written the same (case aside), so ``en-GB``
    next to ``en-US`` is a new language, not a new target.
    """
    variants = list(stored.variants)
    keys = {(v.raw_lang.lower(), content_key(v.lang, v.content)) for v in variants}
    changed = False
    conflicts = 0
    for variant in incoming.variants:
        if variant is source:
            continue
        key = (variant.raw_lang.lower(), content_key(variant.lang, variant.content))
        if key in keys:
            continue
        same = [i for i, v in enumerate(variants) if _same_lang(v, variant)]
        if not same or policy == "add-variant":
            variants.append(variant)
        elif policy == "update":
            variants[same[-1]] = variant
        else:
            conflicts += 1
            continue
        keys.add(key)
        changed = True
    if not changed:
        return None, conflicts
    merged = dataclasses.replace(
        stored,
        variants=tuple(variants),
        changed=incoming.changed or stored.changed,
        changed_by=incoming.changed_by or stored.changed_by,
    )
    return merged, conflicts
