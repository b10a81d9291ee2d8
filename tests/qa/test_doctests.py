"""The examples in the docstrings of the glossary and QA modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "kazlit.text.kazakh_morph",
    "kazlit.terms.model",
    "kazlit.terms.recognize",
    "kazlit.qa",
    "kazlit.qa.registry",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
