"""Tab-separated termbases: kazlit's multilingual TSV, and OmegaT glossaries.

**Multilingual TSV** (UTF-8, one concept per line) starts with a header row: ``id``,
then one column per language tag (``kk``, ``kk-Latn``, ``ru``, ``en``, ``zh``, ``ar``,
``fr``, ``es`` …), and any other column. Several terms in one cell are separated by
`` | ``. The columns ``subject``, ``pos``, ``definition``, ``source`` and ``note`` have
their TBX meaning; any other column is kept as a typed note and written back. A
note may name forbidden terms, ``forbidden(ru): мягкая мощь | …``: they join the
concept as forbidden terms of that language (which must have a column). A note may
also give homonym contexts, ``homonym(kk): күй келтір | # наурыз``: phrases in which
the language's terms mean something else (see
:attr:`kazlit.terms.model.Term.homonyms`), and extra word forms the recogniser should
accept, ``form(ru): алматинский`` (:attr:`kazlit.terms.model.Term.forms`); both are
kept on the first term of the language. Tabs,
newlines and backslashes inside a cell are written ``\\t``, ``\\n``, ``\\\\``.

**OmegaT glossaries** (``source<TAB>target[<TAB>comment]``, ``#`` comments) carry no
language tags: :func:`read_omegat` takes them as arguments.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import IO

from kazlit.errors import ParseError, SerializationError, TermbaseError
from kazlit.terms.model import (
    FORM_TYPE,
    HOMONYM_TYPE,
    Concept,
    Field,
    LangSet,
    Term,
    Termbase,
    lang_key,
)

__all__ = [
    "FIELD_COLUMNS",
    "forbidden_clauses",
    "homonym_clauses",
    "read",
    "read_omegat",
    "write",
]

_FORMAT = "tsv"
#: Columns with a fixed meaning: column → (level, element, type).
FIELD_COLUMNS: dict[str, tuple[str, str | None]] = {
    "subject": ("descrip", "subjectField"),
    "definition": ("descrip", "definition"),
    "source": ("admin", "source"),
    "note": ("note", None),
}
_TERM_SEP = " | "
_TSV_TERM_NOTES = {
    "partOfSpeech",
    "administrativeStatus",
    "normativeAuthorization",
    HOMONYM_TYPE,
    FORM_TYPE,
}
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_FORBIDDEN_RE = re.compile(r"forbidden\(([^)]*)\)\s*:\s*")
_HOMONYM_RE = re.compile(r"homonym\(([^)]*)\)\s*:\s*")
_FORM_RE = re.compile(r"(?<![\w-])form\(([^)]*)\)\s*:\s*")
# Term notes a note clause holds: type → (clause name, pattern).
_CLAUSE_NOTES = {HOMONYM_TYPE: ("homonym", _HOMONYM_RE), FORM_TYPE: ("form", _FORM_RE)}
_NOTE_TYPE_PREFIX = "x-column-"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}.get(m[1], m[0]), text)


def _lines(fh: IO[bytes], path: str | os.PathLike[str] | None) -> Iterator[tuple[int, str]]:
    data = fh.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            "not UTF-8 text", path=path, line=bad, format=_FORMAT, hint="save the file as UTF-8"
        ) from exc
    # Lines end at LF (CRLF tolerated); other Unicode line separators are data.
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def read(  # noqa: PLR0912 - one branch per kind of header problem
    fh: IO[bytes], *, path: str | os.PathLike[str] | None = None
) -> Termbase:
    """Read a multilingual TSV termbase (header row ``id``, language tags, fields)."""
    lines = _lines(fh, path)
    header: list[str] | None = None
    header_line = 0
    for number, line in lines:
        if line.strip():
            header = [cell.strip() for cell in line.split("\t")]
            header_line = number
            break
    if header is None:
        return Termbase()
    if header[0].lower() != "id":
        raise ParseError(
            f"the first column is {header[0]!r}, not 'id'",
            path=path,
            line=header_line,
            column=1,
            format=_FORMAT,
            hint="a multilingual TSV starts with a header row: id, kk, ru, … "
            "(for an OmegaT glossary use read_omegat with the two languages)",
        )
    kinds: list[tuple[str, str]] = []  # (kind, name): lang / field / pos / extra
    seen: dict[str, int] = {}
    for index, name in enumerate(header[1:], start=2):
        lowered = name.lower()
        if not name:
            raise ParseError(
                f"column {index} has no name",
                path=path,
                line=header_line,
                column=index,
                format=_FORMAT,
            )
        if lowered in FIELD_COLUMNS or lowered == "pos":
            kind, key = ("pos" if lowered == "pos" else "field"), lowered
        elif _LANG_RE.match(name):
            kind, key = "lang", lang_key(name)
        else:
            kind, key = "extra", name
        if key in seen:
            raise ParseError(
                f"columns {seen[key]} and {index} are the same ({name!r})",
                path=path,
                line=header_line,
                column=index,
                format=_FORMAT,
                hint="one column per language or field",
            )
        seen[key] = index
        kinds.append((kind, name))
    languages = tuple(name for kind, name in kinds if kind == "lang")
    by_key = {lang_key(tag): tag for tag in languages}
    concepts: list[Concept] = []
    ids: dict[str, int] = {}
    for number, line in lines:
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ParseError(
                f"{len(cells)} cells but the header has {len(header)} columns",
                path=path,
                line=number,
                column=len(header) + 1,
                format=_FORMAT,
                hint="remove the extra tab or add a column to the header",
            )
        cells += [""] * (len(header) - len(cells))
        concept_id = cells[0].strip()
        if not concept_id:
            raise ParseError(
                "a row without an id", path=path, line=number, column=1, format=_FORMAT
            )
        if concept_id in ids:
            raise TermbaseError(
                f"{_where(path)}:{number}: duplicate concept id {concept_id!r} "
                f"(first on line {ids[concept_id]})",
                hint="give every concept its own id",
            )
        ids[concept_id] = number
        concepts.append(_row(concept_id, kinds, cells[1:], by_key, path, number))
    meta = (("tsv.columns", json.dumps(header, ensure_ascii=False)),)
    return Termbase(tuple(concepts), languages, meta)


def _where(path: str | os.PathLike[str] | None) -> str:
    return os.fspath(path) if path is not None else "<tsv>"


def _split_terms(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def forbidden_clauses(note: str) -> list[tuple[str, list[str]]]:
    """``(language tag, terms)`` of every ``forbidden(<tag>): a | b`` clause in a note.

    A clause ends at a full stop followed by a space (or at the end), a semicolon
    or a line break outside parentheses; a parenthesised comment after a term is
    not part of it: ``forbidden(en): Alma-Ata (for the modern city; …).`` forbids
    ``Alma-Ata``.
    """
    return _clauses(note, _FORBIDDEN_RE)


def homonym_clauses(note: str) -> list[tuple[str, list[str]]]:
    """``(language tag, phrases)`` of every ``homonym(<tag>): a | b`` clause in a
    note (the same syntax as :func:`forbidden_clauses`)."""
    return _clauses(note, _HOMONYM_RE)


def _clauses(note: str, opener: re.Pattern[str]) -> list[tuple[str, list[str]]]:
    clauses: list[tuple[str, list[str]]] = []
    for match in opener.finditer(note):
        depth = 0
        end = len(note)
        for index in range(match.end(), len(note)):
            ch = note[index]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and (
                ch in ";\n" or (ch == "." and (index + 1 == len(note) or note[index + 1].isspace()))
            ):
                end = index
                break
        # Terms are separated by " | " (or commas: notes are written by hand).
        parts = re.split(r"\s*[|,]\s*", note[match.end() : end])
        terms = [re.sub(r"\s*\([^()]*\)\s*$", "", part).strip() for part in parts]
        clauses.append((match[1].strip(), [t for t in terms if t]))
    return clauses


def _row(  # noqa: PLR0912, PLR0917 - one branch per kind of column
    concept_id: str,
    kinds: list[tuple[str, str]],
    cells: list[str],
    by_key: dict[str, str],
    path: str | os.PathLike[str] | None,
    number: int,
) -> Concept:
    fields: list[Field] = []
    pos: str | None = None
    terms: dict[str, list[Term]] = {}
    forbidden: dict[str, list[str]] = {}
    clause_notes: dict[str, list[tuple[str, str]]] = {}
    for (kind, name), raw in zip(kinds, cells, strict=True):
        value = _unescape(raw.strip())
        if not value:
            continue
        if kind == "pos":
            pos = value
        elif kind == "field":
            element, type_ = FIELD_COLUMNS[name.lower()]
            fields.append(Field(element, type_, value))
            if element == "note":
                for tag, listed in forbidden_clauses(value):
                    if lang_key(tag) not in by_key:
                        raise TermbaseError(
                            f"{_where(path)}:{number}: concept {concept_id!r} forbids a term "
                            f"in {tag!r}, a language with no column",
                            hint=f"declared languages: {', '.join(by_key.values())}",
                        )
                    forbidden.setdefault(by_key[lang_key(tag)], []).extend(listed)
                for type_, (clause, opener) in _CLAUSE_NOTES.items():
                    for tag, listed in _clauses(value, opener):
                        if lang_key(tag) not in by_key:
                            raise TermbaseError(
                                f"{_where(path)}:{number}: concept {concept_id!r} gives a "
                                f"{clause} in {tag!r}, a language with no column",
                                hint=f"declared languages: {', '.join(by_key.values())}",
                            )
                        clause_notes.setdefault(by_key[lang_key(tag)], []).extend(
                            (type_, text) for text in listed
                        )
        elif kind == "extra":
            fields.append(Field("note", _NOTE_TYPE_PREFIX + name, value))
        else:
            terms[name] = [Term(text) for text in _split_terms(value)]
    langsets: list[LangSet] = []
    for tag in by_key.values():
        # The first term of a cell is the preferred one, the others admitted.
        items = [
            Term.make(term.text, status="preferred" if index == 0 else "admitted", pos=pos)
            for index, term in enumerate(terms.get(tag, []))
        ]
        items += [Term.make(text, status="forbidden", pos=pos) for text in forbidden.get(tag, [])]
        if items and clause_notes.get(tag):
            first = items[0]
            extra = tuple(Field("termNote", type_, text) for type_, text in clause_notes[tag])
            items[0] = Term(first.text, (*first.fields, *extra), first.attrs)
        if items:
            langsets.append(LangSet(tag, tuple(items)))
    return Concept(concept_id, tuple(langsets), tuple(fields))


def read_omegat(
    fh: IO[bytes],
    *,
    source_lang: str,
    target_lang: str,
    path: str | os.PathLike[str] | None = None,
) -> Termbase:
    """Read an OmegaT glossary (``source<TAB>target[<TAB>comment]``) into concepts
    ``omegat-<line>``; ``#`` lines are comments."""
    concepts: list[Concept] = []
    for number, line in _lines(fh, path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise ParseError(
                "an OmegaT glossary line needs a source and a target term",
                path=path,
                line=number,
                format="omegat",
                hint="source<TAB>target<TAB>optional comment",
            )
        if len(cells) > 3:
            raise ParseError(
                f"{len(cells)} tab-separated cells; OmegaT has at most 3",
                path=path,
                line=number,
                format="omegat",
            )
        fields = (
            (Field("note", None, cells[2].strip()),) if len(cells) == 3 and cells[2].strip() else ()
        )
        concepts.append(
            Concept(
                f"omegat-{number}",
                (
                    LangSet(source_lang, (Term(cells[0].strip()),)),
                    LangSet(target_lang, (Term(cells[1].strip()),)),
                ),
                fields,
            )
        )
    return Termbase(tuple(concepts), (source_lang, target_lang))


def write(termbase: Termbase, fh: IO[bytes], *, allow_loss: bool = False) -> None:
    """Write *termbase* as multilingual TSV.

    Fields TSV cannot hold (language- and term-level notes, transactions, cross
    references …) raise :class:`~kazlit.errors.SerializationError` naming the concept,
    unless ``allow_loss=True``.
    """
    header = _header(termbase)
    out = ["\t".join(header)]
    for index in range(len(termbase.concepts)):
        cells = _cells(termbase, index, header, allow_loss)
        out.append("\t".join(_escape(cell) for cell in cells))
    fh.write(("\n".join(out) + "\n").encode("utf-8"))


def _header(termbase: Termbase) -> list[str]:
    stored = termbase.meta_value("tsv.columns")
    if stored:
        columns: list[str] = json.loads(stored)
        known = {lang_key(c) for c in columns if _LANG_RE.match(c)}
        extra = [t for t in termbase.language_tags() if lang_key(t) not in known]
        return columns + extra
    columns = ["id", *termbase.language_tags()]
    present: dict[str, None] = {}
    for concept in termbase.concepts:
        for item in concept.fields:
            name = _column_of(item)
            if name:
                present[name] = None
        if any(t.pos for ls in concept.langsets for t in ls.terms):
            present["pos"] = None
    order = ["subject", "pos", "definition", "source", "note"]
    columns += [c for c in order if c in present]
    columns += [c for c in present if c not in order]
    return columns


def _column_of(item: Field) -> str | None:
    for name, (element, type_) in FIELD_COLUMNS.items():
        if item.element == element and item.type == type_ and not item.children:
            return name
    if item.element == "note" and item.type and item.type.startswith(_NOTE_TYPE_PREFIX):
        return item.type[len(_NOTE_TYPE_PREFIX) :]
    return None


def _cells(  # noqa: PLR0912, PLR0915 - one branch per kind of content
    termbase: Termbase, index: int, header: list[str], allow_loss: bool
) -> list[str]:
    concept = termbase.concepts[index]
    key = termbase.concept_key(index)
    cells = {"id": key}

    def lost(what: str) -> None:
        if not allow_loss:
            raise SerializationError(
                f"concept {key!r}: TSV cannot hold {what}",
                hint="write TBX instead, or allow the loss (--allow-loss)",
            )

    columns = {_column_key(name) for name in header}
    for item in concept.fields:
        name = _column_of(item)
        if name is None or name not in columns:
            lost(f"the <{item.element}> field {item.type or ''}".rstrip())
            continue
        if name in cells:
            lost(f"a second {name!r} field")
            continue
        cells[name] = item.text
    poses: dict[str, None] = {}
    note = cells.get("note", "")
    for langset in concept.langsets:
        if langset.fields:
            lost(f"fields of the {langset.lang!r} language section")
        keep: list[str] = []
        forbidden: list[str] = []
        preferred: set[str] = set()
        for term in langset.terms:
            if _TERM_SEP.strip() in term.text:
                raise SerializationError(f"concept {key!r}: the term {term.text!r} contains '|'")
            if term.pos:
                poses[term.pos] = None
            # TSV holds the part of speech and the status (by position, or a
            # forbidden(…) note); a superseded term or other term fields it cannot.
            extra = [
                f
                for f in term.fields
                if not (f.element == "termNote" and f.type in _TSV_TERM_NOTES)
            ]
            if extra or term.attrs or term.status == "superseded":
                lost(f"the fields of the term {term.text!r}")
            if term.status == "forbidden":
                forbidden.append(term.text)
            elif term.status == "preferred":
                keep.insert(sum(1 for t in keep if t in preferred), term.text)
                preferred.add(term.text)
            else:
                keep.append(term.text)
        column = next((c for c in header if lang_key(c) == langset.key), None)
        if column is None:
            lost(f"terms in {langset.lang!r}")
            continue
        cells[column] = _TERM_SEP.join(keep)
        listed = {
            t
            for tag, terms in forbidden_clauses(note)
            if lang_key(tag) == langset.key
            for t in terms
        }
        missing = [t for t in forbidden if t not in listed]
        if missing:
            clause = f"forbidden({column}): {_TERM_SEP.join(missing)}"
            note = f"{note}; {clause}" if note else clause
        for type_, (clause, opener) in _CLAUSE_NOTES.items():
            given = {
                t
                for tag, texts in _clauses(note, opener)
                if lang_key(tag) == langset.key
                for t in texts
            }
            texts = [
                f.text
                for term in langset.terms
                for f in term.fields
                if f.element == "termNote" and f.type == type_ and f.text not in given
            ]
            if texts:
                added = f"{clause}({column}): {_TERM_SEP.join(dict.fromkeys(texts))}"
                note = f"{note}; {added}" if note else added
    if note:
        cells["note"] = note
    if len(poses) > 1:
        lost(f"different parts of speech ({', '.join(poses)})")
    if poses:
        cells["pos"] = next(iter(poses))
    return [cells.get(_column_key(name), "") for name in header]


def _column_key(name: str) -> str:
    return name.lower() if name.lower() in FIELD_COLUMNS else name
