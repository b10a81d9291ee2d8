"""kazlit.qa: translation quality checks that return findings with a severity.

Build :class:`QAUnit` objects (or read them from PO, XLIFF or TMX with the
command line), then::

    >>> from kazlit.qa import QAUnit, run_checks
    >>> units = [QAUnit("1", "Сіз келесіз бе?", "Vous venez?", "kk", "fr")]
    >>> [(f.check, f.message) for f in run_checks(units)]
    [('punctuation', "a narrow no-break space (U+202F) is missing before '?'")]

Checks are registered by name in :data:`CHECKS`; :func:`run_checks` runs all of
them or the ones named.
"""

from kazlit.qa.model import SEVERITIES, Finding, QAUnit, Severity, Span
from kazlit.qa.registry import CHECKS, Check, QAContext, iter_checks, run_checks

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Check",
    "Finding",
    "QAContext",
    "QAUnit",
    "Severity",
    "Span",
    "iter_checks",
    "run_checks",
]
