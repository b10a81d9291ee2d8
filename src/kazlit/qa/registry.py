"""The registry of checks and the call that runs them.

A *unit check* looks at one :class:`~kazlit.qa.model.QAUnit`; a *work check* at
all units together (the same source translated differently, a term rendered two
ways). Each is registered under a name with a default severity::

    >>> from kazlit.qa import QAUnit, run_checks
    >>> unit = QAUnit("1", "Бағасы 13 000 теңге.", "It costs 13,000 tenge.", "kk", "en")
    >>> run_checks([unit])
    []
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kazlit.errors import KazlitError
from kazlit.qa.model import Finding, QAUnit, Severity
from kazlit.terms.model import Termbase
from kazlit.terms.recognize import Recognizer, TermMatch

__all__ = [
    "CHECKS",
    "Check",
    "QAContext",
    "run_checks",
    "unit_check",
    "work_check",
]


@dataclass
class QAContext:
    """What checks share: the termbase and its recognisers (built once per language)."""

    termbase: Termbase | None = None
    _recognizers: dict[str, Recognizer] = field(default_factory=dict)

    def terms(self, text: str, lang: str) -> list[TermMatch]:
        """Term occurrences in *text* (none without a termbase)."""
        if self.termbase is None:
            return []
        recognizer = self._recognizers.get(lang)
        if recognizer is None:
            recognizer = _recognizer(self.termbase, lang)
            self._recognizers[lang] = recognizer
        return recognizer.find(text)


# Recognisers shared by the runs over one termbase (a project checks every
# translation of every work with the same one; the Kazakh index takes a while to
# build). A termbase is immutable; it is kept here so that its id stays its own.
_SHARED: OrderedDict[tuple[int, str], tuple[Termbase, Recognizer]] = OrderedDict()
_SHARED_MAX = 16


def _recognizer(termbase: Termbase, lang: str) -> Recognizer:
    key = (id(termbase), lang)
    found = _SHARED.get(key)
    if found is not None and found[0] is termbase:
        _SHARED.move_to_end(key)
        return found[1]
    recognizer = Recognizer(termbase, lang, overlapping=True)
    _SHARED[key] = (termbase, recognizer)
    while len(_SHARED) > _SHARED_MAX:
        _SHARED.popitem(last=False)
    return recognizer


UnitFn = Callable[[QAUnit, QAContext], Iterable[Finding]]
WorkFn = Callable[[Sequence[QAUnit], QAContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: name, default severity, one-line description, function."""

    name: str
    severity: Severity
    description: str
    unit_fn: UnitFn | None = None
    work_fn: WorkFn | None = None

    def finding(self, unit: QAUnit, message: str, *spans: object) -> Finding:
        from kazlit.qa.model import Span  # noqa: PLC0415

        return Finding(
            unit.id,
            self.name,
            self.severity,
            message,
            tuple(s for s in spans if isinstance(s, Span)),
        )


#: Every check by name, in registration order.
CHECKS: dict[str, Check] = {}


def unit_check(name: str, severity: Severity, description: str) -> Callable[[UnitFn], UnitFn]:
    """Register a function ``(unit, ctx) -> findings`` as the check *name*."""

    def register(fn: UnitFn) -> UnitFn:
        CHECKS[name] = Check(name, severity, description, unit_fn=fn)
        return fn

    return register


def work_check(name: str, severity: Severity, description: str) -> Callable[[WorkFn], WorkFn]:
    """Register a function ``(units, ctx) -> findings`` as the check *name*."""

    def register(fn: WorkFn) -> WorkFn:
        CHECKS[name] = Check(name, severity, description, work_fn=fn)
        return fn

    return register


def _load() -> None:
    # The check modules register themselves on import.
    from kazlit.qa import checks_punct, checks_terms, checks_text  # noqa: F401, PLC0415


def run_checks(
    units: Iterable[QAUnit],
    *,
    termbase: Termbase | None = None,
    checks: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    progress: Callable[[int, int | None], None] | None = None,
) -> list[Finding]:
    """Run the checks (all by default) over *units*; findings in unit order."""
    _load()
    selected = list(CHECKS) if checks is None else list(checks)
    unknown = [name for name in [*selected, *exclude] if name not in CHECKS]
    if unknown:
        raise KazlitError(
            f"unknown QA check {unknown[0]!r}", hint=f"known: {', '.join(sorted(CHECKS))}"
        )
    chosen = [CHECKS[name] for name in selected if name not in set(exclude)]
    items = list(units)
    ctx = QAContext(termbase)
    order = {unit.id: index for index, unit in enumerate(items)}
    found: list[Finding] = []
    for done, unit in enumerate(items, start=1):
        for check in chosen:
            if check.unit_fn is not None:
                found.extend(check.unit_fn(unit, ctx))
        if progress is not None:
            progress(done, len(items))
    for check in chosen:
        if check.work_fn is not None:
            found.extend(check.work_fn(items, ctx))
    found.sort(key=lambda f: (order.get(f.unit_id, len(order)), f.check))
    return found


def iter_checks() -> Iterator[Check]:
    """Every registered check."""
    _load()
    yield from CHECKS.values()
