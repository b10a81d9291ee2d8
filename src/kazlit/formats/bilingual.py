"""PO and XLIFF files to translate: their entries, and their targets filled in.

Where the TM codecs (:mod:`kazlit.formats.po`, :mod:`kazlit.formats.xliff`) read
the *translated* units of a file into a memory, this module reads every entry of a
file a translator is working on — translated or not — as
:class:`~kazlit.tm.pretranslate.Entry` records, and writes the file back with
targets filled by pretranslation, everything else as it was::

    from kazlit.formats.bilingual import BilingualFile

    with open("book.po", "rb") as fh:
        doc = BilingualFile.read(fh, path="book.po", src_lang="kk", tgt_lang="ru")
    report = memory.pretranslate(doc.entries, "kk", "ru", threshold=75, contexts=doc.contexts)
    doc.fill(report)
    with open("book.ru.po", "wb") as out:
        doc.write(out)

A filled target is the memory's target. When the XLIFF source holds inline codes,
the target holds the same codes — copies of the source's own elements, same ids —
placed where the memory target's placeholders are; when those cannot be mapped one
to one, after the text, and the target is marked for review (reason
``codes-placed``; see :mod:`kazlit.tm.codes` for the policy). A fuzzy fill (score
under 100) is marked for review: the PO flag ``fuzzy``; in XLIFF 1.2
``state="needs-review-translation"`` with ``state-qualifier="fuzzy-match"``; in
XLIFF 2.0 ``state="initial"`` with ``subState="kazlit:needs-review"`` (2.0 has no
review state of its own). Codes placed by kazlit add, in 1.2, a ``<note
from="kazlit">`` saying so, and in 2.0 ``subState="kazlit:codes-placed"``. Exact
and in-context fills are ``translated``.

A PO plural entry (``msgid_plural``) is an entry whose target is its
``msgstr[0..n-1]``, *n* from the header's ``Plural-Forms`` (else the forms the
entry has): all forms are written from one memory unit (see
:func:`kazlit.tm.pretranslate.plural_forms`). XLIFF units marked
``translate="no"`` are left out (:attr:`BilingualFile.skipped`). A segmented XLIFF
1.2 unit (``<seg-source>`` with ``<mrk mtype="seg">``) is one entry per segment,
and its target is written in the ``<seg-source>``'s shape (see
:mod:`kazlit.formats._xliff_doc`).
"""

from __future__ import annotations

import os
import re
from typing import IO, Any, Literal

from lxml import etree

from kazlit._version import __version__
from kazlit.errors import FormatError, ParseError
from kazlit.formats._po_write import fill_entry, write_po
from kazlit.formats._xliff_doc import Slot, check_lang, fill_xliff, read_xliff
from kazlit.tm.pretranslate import Decision, Entry, PretranslationReport

__all__ = ["BilingualFile", "Kind", "detect_kind"]

Kind = Literal["po", "xliff"]
_PO_SUFFIXES = (".po", ".pot")
_XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".sdlxliff")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_PO_LINE = re.compile(r"\(line (\d+)\)")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def detect_kind(path: str | os.PathLike[str]) -> Kind | None:
    """``"po"`` or ``"xliff"`` from a file name, else None."""
    name = os.fspath(path).lower()
    if name.endswith(_PO_SUFFIXES):
        return "po"
    if name.endswith(_XLIFF_SUFFIXES):
        return "xliff"
    return None


class BilingualFile:
    """A PO or XLIFF (1.x or 2.0) file held in memory, with its entries in order."""

    def __init__(
        self,
        kind: Kind,
        path: str | None,
        *,
        src_lang: str | None,
        tgt_lang: str | None,
        entries: list[Entry],
        slots: list[Slot],
        document: Any,
        version2: bool = False,
        encoding: str = "utf-8",
    ) -> None:
        self.kind = kind
        self.path = path
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._slots = slots
        self._doc = document
        self._version2 = version2
        self._encoding = encoding
        #: Entries left out (XLIFF units marked ``translate="no"``).
        self.skipped = 0
        #: Entry id → gettext context (``msgctxt``), for PO entries that have one.
        self.contexts: dict[str, str | None] = {}
        self._text = ""  # a PO file's own text, written back with few changes
        self._filled: list[Any] = []
        self._stamped = ("", "")

    # ------------------------------------------------------------------ reading
    @classmethod
    def read(
        cls,
        fh: IO[bytes],
        *,
        path: str | os.PathLike[str] | None = None,
        kind: Kind | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> BilingualFile:
        """Read a PO or XLIFF file (*kind*, else guessed from *path*).

        A malformed file raises :class:`~kazlit.errors.ParseError` with its line
        (and column for XML). When an XLIFF file names a source language other than
        *src_lang*, :class:`~kazlit.errors.LanguageError` says so.
        """
        name = os.fspath(path) if path is not None else None
        found = kind or (detect_kind(name) if name else None)
        if found is None:
            raise FormatError(
                f"{name or 'the input'}: not a PO or XLIFF file",
                hint="give a .po, .xlf or .xliff file",
            )
        data = fh.read()
        if found == "po":
            doc = _read_po(data, name, src_lang, tgt_lang)
        else:
            doc = _read_xliff(data, name, src_lang, tgt_lang)
        return doc

    # ------------------------------------------------------------------ filling
    def fill(self, report: PretranslationReport) -> int:
        """Write the targets the report decided to fill; returns how many."""
        by_id = {d.id: d for d in report.decisions if d.filled}
        filled = 0
        xliff: list[tuple[Slot, Decision]] = []
        for entry, slot in zip(self.entries, self._slots, strict=True):
            decision = by_id.get(entry.id)
            if decision is None or decision.target is None:
                continue
            if slot.plural and len(decision.forms) != slot.plural:
                continue  # pretranslation only fills a plural entry with all its forms
            if self.kind == "po":
                fill_entry(slot.node, decision, plural=bool(slot.plural))
                self._filled.append(slot.node)
            else:
                xliff.append((slot, decision))
            filled += 1
        fill_xliff(xliff, version2=self._version2, tgt_lang=self.tgt_lang)
        if filled:
            if self._version2 and self.tgt_lang and self._doc.get("trgLang") is None:
                self._doc.set("trgLang", self.tgt_lang)
            self._stamp(report)
        return filled

    def _stamp(self, report: PretranslationReport) -> None:
        """Record what filled the targets (provenance)."""
        what = f"kazlit {__version__} pretranslate threshold={report.threshold:g}"
        if self.kind == "po":
            self._doc.metadata["X-Kazlit-Pretranslated"] = what
            self._stamped = ("X-Kazlit-Pretranslated", what)
            return
        if self._version2:
            return  # XLIFF 2.0 core has no tool element; subState names kazlit
        tag = str(self._doc.tag)
        ns = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
        for file_elem in self._doc.iter(f"{ns}file"):
            header = file_elem.find(f"{ns}header")
            if header is None:
                header = etree.Element(f"{ns}header")
                file_elem.insert(0, header)
            tool = header.find(f"{ns}tool[@tool-id='kazlit']")
            if tool is None:
                tool = etree.SubElement(header, f"{ns}tool")
            tool.set("tool-id", "kazlit")
            tool.set("tool-name", "kazlit pretranslate")
            tool.set("tool-version", __version__)

    # ------------------------------------------------------------------ writing
    def write(self, out: IO[bytes]) -> None:
        """Write the file, with the filled targets, to the binary sink *out*."""
        if self.kind == "po":
            text = write_po(self._text, self._doc, self._filled, self._stamped)
            out.write(text.encode(self._encoding))
            return
        out.write(etree.tostring(self._doc.getroottree(), xml_declaration=True, encoding="UTF-8"))
        out.write(b"\n")


# ---------------------------------------------------------------------- PO
def _decode_po(data: bytes, path: str | None) -> tuple[str, str]:
    found = _CHARSET.search(data[:4096])
    charset = found.group(1).decode("ascii") if found else "utf-8"
    if charset.upper() == "CHARSET":
        charset = "utf-8"
    try:
        return data.decode(charset).removeprefix("\ufeff"), charset
    except (LookupError, UnicodeDecodeError) as exc:
        line = data[: getattr(exc, "start", 0)].count(b"\n") + 1
        raise ParseError(
            f"cannot decode the file as {charset}: {exc}", path=path, line=line, format="po"
        ) from exc


def _read_po(
    data: bytes, path: str | None, src_lang: str | None, tgt_lang: str | None
) -> BilingualFile:
    import polib  # noqa: PLC0415 - only PO files need it

    text, charset = _decode_po(data, path)
    try:
        catalog = polib.pofile(text)
    except (OSError, ValueError) as exc:
        found = _PO_LINE.search(str(exc))
        detail = str(exc)[found.end() :].lstrip(": ").strip() if found else str(exc)
        raise ParseError(
            f"syntax error: {detail}" if detail else "syntax error",
            path=path,
            line=int(found.group(1)) if found else None,
            format="po",
            hint="fix the file (msgfmt --check-format FILE shows the same error)",
        ) from exc
    declared_tgt = catalog.metadata.get("Language", "").strip() or None
    declared_src = catalog.metadata.get("X-Source-Language", "").strip() or None
    check_lang(declared_src, src_lang, path, "source")
    check_lang(declared_tgt, tgt_lang, path, "target")
    tgt = tgt_lang or declared_tgt
    src = src_lang or declared_src
    entries: list[Entry] = []
    slots: list[Slot] = []
    previous = ""
    contexts: dict[str, str | None] = {}
    found = _NPLURALS.search(catalog.metadata.get("Plural-Forms", ""))
    nplurals = int(found.group(1)) if found else 0
    for number, item in enumerate(catalog, start=1):
        if item.obsolete:
            continue
        ident = f"{number}:{item.msgctxt}\x04{item.msgid}" if item.msgctxt else f"{number}"
        if item.msgid_plural:
            forms = item.msgstr_plural or {}
            count = nplurals or max(len(forms), 2)
            done = next((f for _, f in sorted(forms.items()) if f.strip()), "")
            entries.append(
                Entry(
                    ident,
                    item.msgid,
                    previous,
                    done,
                    plural=count,
                    source_plural=item.msgid_plural,
                )
            )
            slots.append(Slot(item, plural=count))
        else:
            entries.append(Entry(ident, item.msgid, previous, item.msgstr))
            slots.append(Slot(item))
        if item.msgctxt is not None:
            contexts[ident] = item.msgctxt
        previous = item.msgid
    doc = BilingualFile(
        "po",
        path,
        src_lang=src,
        tgt_lang=tgt,
        entries=entries,
        slots=slots,
        document=catalog,
        encoding=charset,
    )
    doc.contexts = contexts
    doc._text = text
    return doc


# ---------------------------------------------------------------------- XLIFF
def _read_xliff(
    data: bytes, path: str | None, src_lang: str | None, tgt_lang: str | None
) -> BilingualFile:
    found = read_xliff(data, path, src_lang, tgt_lang)
    doc = BilingualFile(
        "xliff",
        path,
        src_lang=src_lang or found.src,
        tgt_lang=tgt_lang or found.tgt,
        entries=found.entries,
        slots=found.slots,
        document=found.root,
        version2=found.version2,
    )
    doc.skipped = found.skipped
    return doc
