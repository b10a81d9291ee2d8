"""What a build remembers between runs, so that an unchanged project rebuilds nothing.

Each piece of work a build does (an alignment, an edition, the report) has a *key*
(what it is) and a *fingerprint* (a hash of everything it depends on: input files,
settings, the kazlit version). The state file ``.kazlit/state.json`` maps keys to the
fingerprint they were last built from, their outputs and a small result summary. A
piece is rebuilt when its fingerprint changed or an output is missing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kazlit._atomic import atomic_write
from kazlit._version import __version__

__all__ = ["BuildState", "fingerprint"]

log = logging.getLogger(__name__)
_FORMAT = 1


def fingerprint(*parts: object, files: Iterable[Path] = ()) -> str:
    """A SHA-256 over *parts* (JSON-encoded) and the bytes of *files*, plus the version."""
    digest = hashlib.sha256()
    digest.update(f"kazlit {__version__}\0".encode())
    digest.update(json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False).encode())
    for path in sorted(files):
        digest.update(b"\0" + str(path.name).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


class BuildState:
    """The build state of one project (a JSON file written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("format") == _FORMAT:
                    self.entries = dict(data.get("entries", {}))
            except (OSError, ValueError) as exc:
                # A damaged state only costs a full rebuild.
                log.warning("ignoring unreadable build state %s: %s", path, exc)

    def fresh(self, key: str, print_: str) -> Mapping[str, Any] | None:
        """The recorded result for *key* if it was built from *print_* and its outputs exist."""
        entry = self.entries.get(key)
        if entry is None or entry.get("fingerprint") != print_:
            return None
        if not all(Path(p).exists() for p in entry.get("outputs", [])):
            return None
        result: Mapping[str, Any] = entry.get("result", {})
        return result

    def record(
        self, key: str, print_: str, outputs: Iterable[Path], result: Mapping[str, Any]
    ) -> None:
        self.entries[key] = {
            "fingerprint": print_,
            "outputs": sorted(str(p) for p in outputs),
            "result": dict(result),
        }

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": _FORMAT, "kazlit": __version__, "entries": self.entries}
        with atomic_write(self.path) as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode())
