"""Pretranslation: fill empty targets from the translation memory.

The decision for each entry is a pure function of the entry, the best memory
match and the options, so it can be shown before anything is written:

- an entry with a translation is left alone (``has-translation``) unless
  *overwrite* is set;
- an entry with an empty source is left alone (``empty-source``);
- no match (``no-match``), or a best final score under *threshold*
  (``below-threshold``), leaves the target as it is;
- otherwise the target is filled: a 101 % (``context``) or 100 % (``exact``) match
  is filled as it is; anything lower is filled and marked *fuzzy* (PO ``#, fuzzy``,
  XLIFF ``needs-review``), so a translator reviews it.

Inline codes: when the entry's source has codes (:attr:`Entry.codes`), the
decision carries a :data:`~kazlit.tm.codes.Plan` — the target with the
document's codes where the memory target's placeholders are (see
:mod:`kazlit.tm.codes`). When the match's placeholders cannot be mapped one to one
onto the document's codes, the target is still filled, with the codes after the
text, and marked for review with the reason ``codes-placed``.

Plural entries (PO ``msgid_plural``, :attr:`Entry.plural` forms wanted): the
match must be a memory unit imported from a plural entry (its plural forms, the
``x-po-msgstr-N`` properties of :mod:`kazlit.formats.po`) with exactly as many
forms as the file's ``Plural-Forms`` asks for; else the entry is left as it is,
with the reason ``no-plural-forms`` (the match is a singular translation) or
``plural-count-differs``. A match whose ``msgid_plural`` differs from the entry's
is marked fuzzy even at 100 %.

::

    from kazlit.tm.pretranslate import Entry, Suggestion, pretranslate

    memory = {"Open the file": Suggestion("Файлды ашыңыз", 100.0, key=7)}
    report = pretranslate([Entry("1", "Open the file")], lambda s, p: memory.get(s))
    report.decisions[0].target  # 'Файлды ашыңыз'

Writing the targets back into PO or XLIFF files is the formats' job.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Literal, get_args

from kazlit._version import __version__
from kazlit.tm.codes import Code, Plan, map_codes, place_codes, render
from kazlit.tm.fuzzy import FuzzyIndex
from kazlit.tm.model import Content, TranslationUnit

__all__ = [
    "REASONS",
    "Decision",
    "Entry",
    "PretranslationReport",
    "Reason",
    "Suggestion",
    "SuggestionLookup",
    "plural_forms",
    "pretranslate",
    "suggestion_lookup",
]

Reason = Literal[
    "context",
    "exact",
    "fuzzy",
    "codes-placed",
    "has-translation",
    "empty-source",
    "no-match",
    "below-threshold",
    "no-plural-forms",
    "plural-count-differs",
]
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)
_FILLING: Final = frozenset({"context", "exact", "fuzzy", "codes-placed"})
# The reasons people may not guess from their name, explained in the summary.
_EXPLAINED: Final = {
    "codes-placed": "filled, with the inline codes put after the text by kazlit: review",
    "no-plural-forms": "plural entries left: the match is a singular translation",
    "plural-count-differs": "plural entries left: the match has another number of forms",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the file being pretranslated: its id in that file (msgid +
    context, trans-unit id …), source, previous source segment and current target.

    ``codes`` are the inline codes of the source, in order (none for PO). For a
    plural entry, ``plural`` is the number of forms the file asks for and
    ``source_plural`` its ``msgid_plural``; ``target`` is then its first
    non-empty form.
    """

    id: str
    source: str
    previous: str | None = None
    target: str = ""
    codes: tuple[Code, ...] = ()
    plural: int = 0
    source_plural: str | None = None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The best memory match for an entry: its target and final score (0–101).

    ``source_content`` and ``target_content`` are the unit's source and target
    with their placeholders (to carry inline codes over); ``forms`` the target's
    plural forms (form 0 first) when the unit came from a PO plural entry, and
    ``source_plural`` that entry's ``msgid_plural``.
    """

    target: str
    score: float
    key: int | None = None
    source_content: Content = ()
    target_content: Content = ()
    forms: tuple[str, ...] = ()
    source_plural: str | None = None


#: ``lookup(source, previous)``: the best suggestion, or None.
SuggestionLookup = Callable[[str, str | None], Suggestion | None]


@dataclass(frozen=True, slots=True)
class Decision:
    """What pretranslation does with one entry.

    ``filled`` says whether ``target`` should be written; ``fuzzy`` whether it must
    be marked for review; ``replaced`` whether it overwrites a translation.
    ``score`` and ``key`` describe the best match when there was one. ``plan`` is
    the target with the entry's inline codes placed (None when the source has
    none; see :mod:`kazlit.tm.codes`); ``forms`` the plural forms to write.
    """

    id: str
    reason: Reason
    target: str | None = None
    score: float | None = None
    key: int | None = None
    fuzzy: bool = False
    replaced: bool = False
    plan: Plan | None = None
    codes: tuple[Code, ...] = ()
    forms: tuple[str, ...] = ()

    @property
    def filled(self) -> bool:
        return self.reason in _FILLING

    @property
    def tagged(self) -> str | None:
        """The target with the codes as numbered tags (``<1>…</1>``), when it has codes."""
        return render(self.codes, self.plan) if self.plan is not None else None


@dataclass(frozen=True, slots=True)
class PretranslationReport:
    """Every decision, in entry order, and the options that produced them."""

    decisions: tuple[Decision, ...]
    threshold: float
    overwrite: bool

    def counts(self) -> dict[Reason, int]:
        """How many entries ended with each reason (every reason present, maybe 0)."""
        found = Counter(d.reason for d in self.decisions)
        return {reason: found.get(reason, 0) for reason in REASONS}

    @property
    def filled(self) -> int:
        return sum(d.filled for d in self.decisions)

    def to_json(self) -> str:
        data = {
            "generator": f"kazlit {__version__}",
            "settings": {"threshold": self.threshold, "overwrite": self.overwrite},
            "counts": self.counts(),
            "decisions": [
                {
                    "id": d.id,
                    "reason": d.reason,
                    "filled": d.filled,
                    "fuzzy": d.fuzzy,
                    "replaced": d.replaced,
                    "score": d.score,
                    "key": d.key,
                    "target": d.target,
                    "tagged": d.tagged,
                    "forms": list(d.forms) if d.forms else None,
                }
                for d in self.decisions
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def summary(self) -> str:
        """One line per reason that occurred, for people."""
        lines = [f"pretranslation (threshold {self.threshold:g}%): {self.filled} filled"]
        lines += [
            f"  {reason}: {n}" + (f" ({_EXPLAINED[reason]})" if reason in _EXPLAINED else "")
            for reason, n in self.counts().items()
            if n
        ]
        return "\n".join(lines) + "\n"


def _plural_refusal(entry: Entry, best: Suggestion) -> Reason | None:
    """Why the match cannot fill the plural *entry*, or None when it can."""
    if not best.forms:
        return "no-plural-forms"
    if len(best.forms) != entry.plural:
        return "plural-count-differs"
    return None


def _decide(entry: Entry, lookup: SuggestionLookup, threshold: float, overwrite: bool) -> Decision:
    has_target = bool(entry.target.strip())
    if has_target and not overwrite:
        return Decision(entry.id, "has-translation")
    if not entry.source.strip():
        return Decision(entry.id, "empty-source")
    best = lookup(entry.source, entry.previous)
    if best is None:
        return Decision(entry.id, "no-match")
    if best.score < threshold:
        return Decision(entry.id, "below-threshold", score=best.score, key=best.key)
    reason: Reason = "context" if best.score >= 101 else "exact" if best.score >= 100 else "fuzzy"
    fuzzy = reason == "fuzzy"
    forms: tuple[str, ...] = ()
    if entry.plural:
        refused = _plural_refusal(entry, best)
        if refused is not None:
            return Decision(entry.id, refused, score=best.score, key=best.key)
        forms = best.forms
        fuzzy = fuzzy or best.source_plural != entry.source_plural
    plan: Plan | None = None
    if entry.codes:
        plan = map_codes(entry.codes, best.source_content, best.target_content)
        if plan is None:
            plan = place_codes(entry.codes, best.target)
            reason, fuzzy = "codes-placed", True
    return Decision(
        entry.id,
        reason,
        target=best.target,
        score=best.score,
        key=best.key,
        fuzzy=fuzzy,
        replaced=has_target,
        plan=plan,
        codes=entry.codes,
        forms=forms,
    )


def pretranslate(
    entries: Iterable[Entry],
    lookup: SuggestionLookup,
    *,
    threshold: float = 75.0,
    overwrite: bool = False,
) -> PretranslationReport:
    """Decide, for each entry, whether and with what to fill its target.

    *threshold* is the lowest final score that fills a target (``100`` fills only
    exact and context matches). An existing translation is replaced only with
    *overwrite*.
    """
    if not 0.0 <= threshold <= 101.0:
        raise ValueError("threshold must be between 0 and 101")
    decisions = tuple(_decide(e, lookup, threshold, overwrite) for e in entries)
    return PretranslationReport(decisions, threshold, overwrite)


def suggestion_lookup(
    index: FuzzyIndex, target_of: Callable[[int], str], *, min_score: float = 50.0
) -> SuggestionLookup:
    """A :data:`SuggestionLookup` over an index, with *target_of(key)* giving a unit's
    target (from the store)."""

    def lookup(source: str, previous: str | None) -> Suggestion | None:
        hits = index.search(source, limit=1, min_score=min_score, previous=previous)
        if not hits:
            return None
        return Suggestion(target_of(hits[0].key), hits[0].final, hits[0].key)

    return lookup


def plural_forms(unit: TranslationUnit, tgt_lang: str) -> tuple[tuple[str, ...], str | None]:
    """The plural forms of *unit* in *tgt_lang* (form 0 first) and its ``msgid_plural``.

    A unit imported from a PO plural entry (:mod:`kazlit.formats.po`) holds form 0
    as its target and the others as ``x-po-msgstr-N`` properties. ``()`` when the
    unit is not a plural one, has no such target, or misses a form in between.
    """
    plural = unit.prop("x-po-msgid-plural")
    first = unit.text(tgt_lang)
    if plural is None or not first:
        return (), plural
    others: dict[int, str] = {}
    for prop in unit.props:
        number = prop.type.removeprefix("x-po-msgstr-")
        if number != prop.type and number.isdigit():
            others.setdefault(int(number), prop.value)
    forms = [first]
    for n in range(1, len(others) + 1):
        if not others.get(n):
            return (), plural
        forms.append(others[n])
    return tuple(forms), plural
