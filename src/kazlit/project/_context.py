"""What the steps of a build share: the configuration, the state, what was found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kazlit.corpus import Work
from kazlit.project.config import ProjectConfig
from kazlit.project.state import BuildState
from kazlit.publish.report import EditionStatus, Problem
from kazlit.terms import Termbase

__all__ = ["Context", "StepProgress", "StepSummary"]

#: ``progress(step, done, total)``: how the pipeline reports progress.
StepProgress = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class StepSummary:
    """What one step did: pieces built (outputs written), pieces up to date, failures."""

    name: str
    built: int = 0
    skipped: int = 0
    failed: int = 0
    note: str = ""


@dataclass(slots=True)
class Context:
    """The state of one build, passed from step to step."""

    config: ProjectConfig
    state: BuildState
    progress: StepProgress
    works: list[Work] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    editions: list[EditionStatus] = field(default_factory=list)
    termbase: Termbase | None = None
    glossary_hash: str = ""
    #: ``(work id, language)`` → the align step's result (coverage, confidence, findings).
    aligned: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    #: ``(work id, language)`` → source words per analysis band, for missing translations.
    leverage: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    #: Fingerprints of every alignment that fed the translation memory.
    tm_prints: list[str] = field(default_factory=list)
    #: work id → its original's sentences joined (read once, by the align step).
    original_texts: dict[str, str] = field(default_factory=dict)

    def problem(self, where: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(where, message, severity))
