"""The architecture, checked: import weight and the public names."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kazlit

SRC = Path(kazlit.__file__).resolve().parent

# Modules that must import nothing but the standard library (and kazlit itself).
STDLIB_ONLY = ["kazlit", "kazlit.errors", "kazlit.lang", "kazlit.translit"]


def third_party_modules_loaded_by(module: str) -> list[str]:
    code = (
        "import sys, json\n"
        "before = set(sys.modules)\n"
        f"import {module}\n"
        "std = set(sys.stdlib_module_names)\n"
        "new = [m for m in set(sys.modules) - before\n"
        "       if m.split('.')[0] not in std and m.split('.')[0] != 'kazlit']\n"
        "print(json.dumps(sorted(new)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


@pytest.mark.parametrize("module", STDLIB_ONLY)
def test_import_loads_no_third_party_module(module: str) -> None:
    assert third_party_modules_loaded_by(module) == []


def test_the_checker_sees_a_third_party_import() -> None:
    # Guard against a test that cannot fail: click is third-party.
    assert "click" in third_party_modules_loaded_by("kazlit.cli")


def _public_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return {n for n in names if not n.startswith("_") or n == "__version__"} - {"annotations"}


def test_dunder_all_matches_public_names() -> None:
    assert set(kazlit.__all__) == _public_names(SRC / "__init__.py")
    for name in kazlit.__all__:
        assert hasattr(kazlit, name), name


def test_every_module_dunder_all_resolves() -> None:
    import importlib  # noqa: PLC0415

    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        exported = getattr(module, "__all__", None)
        if exported is None:
            continue
        for item in exported:
            assert hasattr(module, item), f"{name}.__all__ names missing {item!r}"
