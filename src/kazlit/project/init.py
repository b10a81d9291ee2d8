"""``kazlit init``: a new project folder with a commented ``kazlit.toml``."""

from __future__ import annotations

from pathlib import Path

from kazlit._atomic import atomic_write
from kazlit.errors import KazlitError
from kazlit.project.config import PROJECT_FILE, format_project_toml

__all__ = ["init_project"]


def init_project(folder: str | Path, *, name: str | None = None) -> Path:
    """Create ``kazlit.toml`` and an empty ``corpora/`` in *folder*; return the file.

    Refuses to overwrite an existing project file.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    target = root / PROJECT_FILE
    if target.exists():
        raise KazlitError(
            f"{target} already exists", hint="edit it, or run 'kazlit init' in another folder"
        )
    (root / "corpora").mkdir(exist_ok=True)
    (root / "glossaries").mkdir(exist_ok=True)
    with atomic_write(target, mode="xb") as fh:
        fh.write(format_project_toml(name or root.resolve().name).encode("utf-8"))
    return target
