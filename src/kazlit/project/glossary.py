"""The project's glossaries: read once per build, hashed for provenance and rebuilds."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kazlit.errors import KazlitError
from kazlit.formats.termfile import load_termbase
from kazlit.project._context import Context
from kazlit.terms import Concept, Termbase

__all__ = ["glossary_pairs", "load_glossaries"]

_UNUSABLE = {"forbidden", "superseded"}


def load_glossaries(ctx: Context) -> None:
    """Read every glossary of the project into ``ctx.termbase`` (concepts concatenated).

    A glossary that cannot be read is a problem in the report; the build goes on
    without it. ``ctx.glossary_hash`` is a SHA-256 over the files' bytes (short form).
    """
    digest = hashlib.sha256()
    concepts: list[Concept] = []
    for path in ctx.config.glossaries:
        try:
            termbase = load_termbase(str(path))
            digest.update(path.name.encode() + b"\0" + Path(path).read_bytes())
        except (KazlitError, OSError) as exc:
            ctx.problem(_where(exc, path), f"glossary not used: {_message(exc)}")
            continue
        concepts.extend(termbase.concepts)
    if concepts:
        try:
            ctx.termbase = Termbase(tuple(concepts))
        except KazlitError as exc:
            ctx.problem(str(ctx.config.glossaries[0]), f"glossaries not used: {_message(exc)}")
            ctx.termbase = None
    ctx.glossary_hash = digest.hexdigest()[:16] if concepts else ""


def glossary_pairs(termbase: Termbase | None, src: str, tgt: str) -> list[tuple[str, str]]:
    """Term pairs ``(source term, target term)`` for the aligner, every combination."""
    if termbase is None:
        return []
    pairs: list[tuple[str, str]] = []
    for concept in termbase:
        sources = [t for t in concept.terms(src) if t.status not in _UNUSABLE]
        targets = [t for t in concept.terms(tgt) if t.status not in _UNUSABLE]
        pairs.extend((s.text, t.text) for s in sources for t in targets)
    return pairs


def _where(exc: Exception, path: Path) -> str:
    location = getattr(exc, "location", None)
    return str(location) if location else str(path)


def _message(exc: Exception) -> str:
    return str(getattr(exc, "message", None) or exc)
