"""Scheme data: the JSON tables in ``kazlit/translit/schemes`` and what they say.

Each scheme is one JSON file: its name, version, source citation, the letter table
(lower case Cyrillic → lower case output), the casing convention, optional loanword
tables (one per policy) and the names of the context rules the engine applies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

from kazlit.errors import TransliterationError

__all__ = [
    "LOANWORD_POLICIES",
    "SCHEMES",
    "LoanwordPolicy",
    "Scheme",
    "SchemeInfo",
    "load_scheme",
    "scheme_info",
]

#: The names the API and the command line accept, in the order the docs list them.
SCHEMES: tuple[str, ...] = ("2021", "2018", "2017", "iso9", "bgn-pcgn", "ala-lc", "arabic")

LoanwordPolicy = Literal["orthographic", "letterwise"]
#: The loanword policies for the official alphabets (see :doc:`/guides/developers`).
LOANWORD_POLICIES: tuple[str, ...] = ("orthographic", "letterwise")

Casing = Literal["turkic", "default", "none"]


@dataclass(frozen=True, slots=True)
class SchemeInfo:
    """Provenance of a scheme: stamp it on what you write (EPUB, TMX, PO headers)."""

    name: str
    version: str
    title: str
    source: str
    target_script: str
    notes: str

    @property
    def label(self) -> str:
        """``"kazlit-translit 2021 (2021.1)"``-style label for metadata."""
        return f"{self.name} ({self.version})"


@dataclass(frozen=True, slots=True)
class Scheme:
    """A loaded scheme: its info, its letters and its rules."""

    info: SchemeInfo
    casing: Casing
    letters: MappingProxyType[str, str]
    loanwords: MappingProxyType[str, MappingProxyType[str, str]]
    loanword_sources: MappingProxyType[str, str]
    rules: frozenset[str]

    @property
    def name(self) -> str:
        return self.info.name

    def letter_table(self, loanwords: str) -> dict[str, str]:
        """Lower case Cyrillic letter → lower case output, for one loanword policy."""
        table = dict(self.letters)
        if self.loanwords:
            if loanwords not in self.loanwords:
                raise TransliterationError(
                    f"unknown loanword policy {loanwords!r} for scheme {self.name!r}",
                    hint=f"use one of: {', '.join(sorted(self.loanwords))}",
                )
            table.update(self.loanwords[loanwords])
        return table


def _check_name(name: str) -> str:
    if name not in SCHEMES:
        raise TransliterationError(
            f"unknown transliteration scheme {name!r}",
            hint=f"valid schemes: {', '.join(SCHEMES)}",
        )
    return name


@cache
def load_scheme(name: str) -> Scheme:
    """Load and check the scheme *name*; raises :class:`TransliterationError` if unknown."""
    _check_name(name)
    text = resources.files("kazlit.translit").joinpath("schemes", f"{name}.json").read_text("utf-8")
    raw = json.loads(text)
    info = SchemeInfo(
        name=raw["name"],
        version=raw["version"],
        title=raw["title"],
        source=raw["source"],
        target_script=raw["target_script"],
        notes=raw.get("notes", ""),
    )
    loan_raw = raw.get("loanwords", {})
    loanwords = {
        policy: MappingProxyType(dict(loan_raw[policy]))
        for policy in LOANWORD_POLICIES
        if policy in loan_raw
    }
    return Scheme(
        info=info,
        casing=raw["case"],
        letters=MappingProxyType(dict(raw["letters"])),
        loanwords=MappingProxyType(loanwords),
        loanword_sources=MappingProxyType(dict(loan_raw.get("sources", {}))),
        rules=frozenset(raw.get("rules", ())),
    )


def scheme_info(name: str) -> SchemeInfo:
    """Name, version, title and source citation of the scheme *name*.

    >>> scheme_info("bgn-pcgn").version
    '1979.2019'
    """
    return load_scheme(name).info
