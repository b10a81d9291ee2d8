"""Gettext PO files as translation memory, through polib.

Each translated entry becomes a unit with two variants: ``msgid`` in the source
language (*src_lang*, else the header ``X-Source-Language``, else ``en``) and
``msgstr`` (``msgstr[0]`` for plurals) in the target language (*tgt_lang*, else
the header ``Language``). The rest travels as unit props so that a PO file survives
the TM: ``x-po-msgctxt`` (which also keeps entries with the same ``msgid`` apart),
``x-po-msgid-plural`` and ``x-po-msgstr-N`` for the other plural forms,
``x-po-flags`` (``fuzzy`` among them), ``x-po-comment`` (extracted comments),
``x-po-occurrences`` and ``x-po-previous-msgid``; translator comments become notes.
Untranslated and obsolete entries are not translations and are left out.

PO has no inline markup: a variant with placeholders is written with its native
codes in place. polib reads the whole file, so PO import is not streaming (PO
files are small next to TMX files).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO

import polib

from kazlit._version import __version__
from kazlit.errors import ParseError, SerializationError
from kazlit.formats import OnBad
from kazlit.tm.model import Note, Prop, TranslationUnit, Variant, content_native

__all__ = ["NAME", "read", "write"]

NAME = "po"
log = logging.getLogger(__name__)
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_LINE = re.compile(r"\(line (\d+)\)")


def _decode(data: bytes, path: str | os.PathLike[str] | None) -> str:
    found = _CHARSET.search(data[:4096])
    charset = found.group(1).decode("ascii") if found else "utf-8"
    if charset.upper() == "CHARSET":  # the POT template placeholder
        charset = "utf-8"
    try:
        return data.decode(charset).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError) as exc:
        line = data[: getattr(exc, "start", 0)].count(b"\n") + 1
        raise ParseError(
            f"cannot decode the file as {charset}: {exc}", path=path, line=line, format=NAME
        ) from exc


def read(
    fh: IO[bytes],
    *,
    path: str | os.PathLike[str] | None = None,
    on_bad: OnBad | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """The translated entries of a PO file as units (see the module notes).

    A syntax error raises :class:`~kazlit.errors.ParseError` with the line polib
    reports; a PO file is parsed whole, so *on_bad* never applies.
    """
    del on_bad  # polib stops at the first error: there are no units to skip past it
    text = _decode(fh.read(), path)
    try:
        catalog = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        found = _LINE.search(str(exc))
        detail = str(exc)[found.end() :].lstrip(": ").strip() if found else str(exc)
        raise ParseError(
            f"syntax error: {detail}" if detail else "syntax error",
            path=path,
            line=int(found.group(1)) if found else None,
            format=NAME,
            hint="nothing from this file was imported; fix the file and import it again",
        ) from exc
    meta = catalog.metadata
    source = src_lang or meta.get("X-Source-Language") or "en"
    target = tgt_lang or meta.get("Language")
    if not target:
        raise ParseError(
            "the PO header names no Language",
            path=path,
            line=1,
            format=NAME,
            hint="give the target language with --tgt-lang",
        )
    return _units(catalog, source, target)


def _units(catalog: polib.POFile, source: str, target: str) -> Iterator[TranslationUnit]:
    for entry in catalog:
        if entry.obsolete:
            continue
        translated = entry.msgstr or (entry.msgstr_plural or {}).get(0, "")
        if not translated:
            continue
        props: list[Prop] = []
        if entry.msgctxt is not None:
            props.append(Prop("x-po-msgctxt", entry.msgctxt))
        if entry.msgid_plural:
            props.append(Prop("x-po-msgid-plural", entry.msgid_plural))
            for n, form in sorted(entry.msgstr_plural.items()):
                if int(n) > 0:
                    props.append(Prop(f"x-po-msgstr-{int(n)}", form))
        if entry.flags:
            props.append(Prop("x-po-flags", ", ".join(entry.flags)))
        if entry.comment:
            props.append(Prop("x-po-comment", entry.comment))
        if entry.occurrences:
            where = " ".join(f"{f}:{n}" if n else f for f, n in entry.occurrences)
            props.append(Prop("x-po-occurrences", where))
        if entry.previous_msgid:
            props.append(Prop("x-po-previous-msgid", entry.previous_msgid))
        notes = (Note(entry.tcomment),) if entry.tcomment else ()
        yield TranslationUnit(
            (Variant(source, (entry.msgid,)), Variant(target, (translated,))),
            srclang=source,
            notes=notes,
            props=tuple(props),
        )


def write(
    units: Iterable[TranslationUnit],
    fh: IO[bytes],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    provenance: dict[str, str] | None = None,
) -> int:
    """Write the *src_lang* → *tgt_lang* pairs of *units* as a PO file; returns the count.

    The header says what made the file (``X-Generator``, ``X-Kazlit-…``). Units
    lacking either language are left out; a second entry with the same context and
    ``msgid`` (which gettext would refuse) is left out with a warning.
    """
    if not src_lang or not tgt_lang:
        raise SerializationError("PO is bilingual: give both a source and a target language")
    catalog = polib.POFile(wrapwidth=0)  # no wrapping: comments come back as they were
    catalog.header = f"Translation memory exported by kazlit {__version__}."
    catalog.metadata = {
        "Project-Id-Version": "kazlit translation memory",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": tgt_lang,
        "X-Source-Language": src_lang,
        "X-Generator": f"kazlit {__version__}",
    }
    for key, value in sorted((provenance or {}).items()):
        catalog.metadata[f"X-Kazlit-{key.title()}"] = value
    seen: set[tuple[str | None, str]] = set()
    count = 0
    for unit in units:
        src = unit.variant(src_lang)
        tgt = unit.variant(tgt_lang)
        if src is None or tgt is None:
            continue
        entry = _entry(unit, content_native(src.content), content_native(tgt.content))
        ident = (entry.msgctxt, entry.msgid)
        if ident in seen or not entry.msgid:
            log.warning("left out a second PO entry for %r (context %r)", entry.msgid, ident[0])
            continue
        seen.add(ident)
        catalog.append(entry)
        count += 1
    fh.write(str(catalog).encode("utf-8") + b"\n")
    return count


def _entry(unit: TranslationUnit, msgid: str, msgstr: str) -> polib.POEntry:
    kwargs: dict[str, object] = {"msgid": msgid}
    plural = unit.prop("x-po-msgid-plural")
    if plural is not None:
        forms = {0: msgstr}
        for prop in unit.props:
            if prop.type.startswith("x-po-msgstr-"):
                forms[int(prop.type.rsplit("-", 1)[1])] = prop.value
        kwargs["msgid_plural"] = plural
        kwargs["msgstr_plural"] = forms
    else:
        kwargs["msgstr"] = msgstr
    context = unit.prop("x-po-msgctxt")
    if context is not None:
        kwargs["msgctxt"] = context
    flags = unit.prop("x-po-flags")
    if flags:
        kwargs["flags"] = [f.strip() for f in flags.split(",") if f.strip()]
    comment = unit.prop("x-po-comment")
    if comment:
        kwargs["comment"] = comment
    previous = unit.prop("x-po-previous-msgid")
    if previous:
        kwargs["previous_msgid"] = previous
    where = unit.prop("x-po-occurrences")
    if where:
        kwargs["occurrences"] = [
            tuple(item.rsplit(":", 1)) if ":" in item else (item, "") for item in where.split()
        ]
    if unit.notes:
        kwargs["tcomment"] = "\n".join(n.text for n in unit.notes)
    return polib.POEntry(**kwargs)
