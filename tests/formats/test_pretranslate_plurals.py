"""Pretranslating PO plural entries (``msgid_plural``), end to end.

The memory is a SQLite store filled by the PO importer (which keeps the other
plural forms as ``x-po-msgstr-N`` properties); the files to translate are real
catalogues (Django and dnf in Russian) with their translations emptied.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import polib
import pytest

from kazlit.formats import po
from kazlit.formats.bilingual import BilingualFile
from kazlit.tm.memory import TranslationMemory
from kazlit.tm.pretranslate import PretranslationReport
from kazlit.tm.store import open_store

HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\\n"
"""

TM_PO = (
    HEADER
    + """
msgid "%d file removed"
msgid_plural "%d files removed"
msgstr[0] "%d файл удалён"
msgstr[1] "%d файла удалено"
msgstr[2] "%d файлов удалено"

msgctxt "disk"
msgid "%d file removed"
msgid_plural "%d files removed"
msgstr[0] "%d файл удалён с диска"
msgstr[1] "%d файла удалено с диска"
msgstr[2] "%d файлов удалено с диска"

msgid "%d book"
msgstr "%d книга"

msgid "%d package"
msgid_plural "%d packages"
msgstr[0] "%d пакет"
msgstr[1] "%d пакета"
"""
)

DOC_PO = (
    HEADER
    + """
msgid "%d file removed"
msgid_plural "%d files removed"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgctxt "disk"
msgid "%d file removed"
msgid_plural "%d files removed"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgid "%d file removed"
msgid_plural "%d file(s) removed"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgid "%d book"
msgid_plural "%d books"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgid "%d package"
msgid_plural "%d packages"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgid "%d dir removed"
msgid_plural "%d dirs removed"
msgstr[0] "%d каталог удалён"
msgstr[1] ""
msgstr[2] ""

msgid "Nothing in common with anything"
msgid_plural "Nothing in common with anythings"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""
"""
)


def _memory(tmp_path: Path, *files: tuple[bytes, str, str]) -> TranslationMemory:
    store = open_store(tmp_path / "tm.sqlite", create=True)
    for data, src, tgt in files:
        store.add_units(po.read(io.BytesIO(data), src_lang=src, tgt_lang=tgt))
    return TranslationMemory(store, owns_store=True)


def _pretranslate(
    memory: TranslationMemory, data: bytes, src: str, tgt: str, **options: Any
) -> tuple[PretranslationReport, polib.POFile]:
    doc = BilingualFile.read(io.BytesIO(data), path="doc.po", src_lang=src, tgt_lang=tgt)
    report = memory.pretranslate(doc.entries, src, tgt, contexts=doc.contexts, **options)
    doc.fill(report)
    out = io.BytesIO()
    doc.write(out)
    return report, polib.pofile(out.getvalue().decode("utf-8"))


def _emptied(path: Path, plural_forms: str | None = None) -> bytes:
    """A real catalogue with every translation removed (what a translator gets)."""
    catalog = polib.pofile(str(path))
    if plural_forms is not None:
        catalog.metadata["Plural-Forms"] = plural_forms
    count = int(catalog.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for entry in catalog:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(count), "")
        else:
            entry.msgstr = ""
    return str(catalog).encode("utf-8")


def test_plural_entries_filled_from_plural_units(tmp_path: Path) -> None:
    with _memory(tmp_path, (TM_PO.encode(), "en", "ru")) as memory:
        report, out = _pretranslate(memory, DOC_PO.encode(), "en", "ru")
    entries = [e for e in out if e.msgid]
    removed, disk, other_plural, book, package, done, nothing = entries
    assert removed.msgstr_plural == {0: "%d файл удалён", 1: "%d файла удалено",
                                     2: "%d файлов удалено"}  # fmt: skip
    assert "fuzzy" not in removed.flags
    # the unit with the entry's own context is chosen
    assert disk.msgstr_plural[2] == "%d файлов удалено с диска"
    # same msgid, other msgid_plural: filled, but for review
    assert other_plural.msgstr_plural[0] == "%d файл удалён"
    assert "fuzzy" in other_plural.flags
    # the memory has only a singular translation, or two forms where three are asked
    assert book.msgstr_plural == {0: "", 1: "", 2: ""}
    assert package.msgstr_plural == {0: "", 1: "", 2: ""}
    assert done.msgstr_plural[0] == "%d каталог удалён"  # a translation is kept
    assert nothing.msgstr_plural == {0: "", 1: "", 2: ""}
    reasons = [d.reason for d in report.decisions]
    assert reasons == ["exact", "exact", "exact", "no-plural-forms", "plural-count-differs",
                       "has-translation", "no-match"]  # fmt: skip
    assert report.decisions[2].fuzzy
    counts = json.loads(report.to_json())["counts"]
    assert counts["no-plural-forms"] == 1
    assert counts["plural-count-differs"] == 1
    decision = json.loads(report.to_json())["decisions"][0]
    assert decision["forms"] == ["%d файл удалён", "%d файла удалено", "%d файлов удалено"]


def test_overwrite_replaces_every_form(tmp_path: Path) -> None:
    doc = DOC_PO.replace('msgstr[0] ""\nmsgstr[1] ""', 'msgstr[0] "старый"\nmsgstr[1] "старых"', 1)
    with _memory(tmp_path, (TM_PO.encode(), "en", "ru")) as memory:
        kept, out = _pretranslate(memory, doc.encode(), "en", "ru")
        assert kept.decisions[0].reason == "has-translation"
        assert next(iter(out)).msgstr_plural == {0: "старый", 1: "старых", 2: ""}
        report, out = _pretranslate(memory, doc.encode(), "en", "ru", overwrite=True)
    assert report.decisions[0].replaced
    assert next(iter(out)).msgstr_plural == {0: "%d файл удалён", 1: "%d файла удалено",
                                             2: "%d файлов удалено"}  # fmt: skip


def test_real_catalogue_round_trip(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "tm" / "po" / "django" / "ru.po"
    with _memory(tmp_path, (path.read_bytes(), "en", "ru")) as memory:
        report, out = _pretranslate(memory, _emptied(path), "en", "ru", threshold=100)
    original = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if e.msgid_plural}
    assert len(original) == 15
    filled = 0
    for entry in out:
        if not entry.msgid_plural:
            continue
        source = original[entry.msgctxt, entry.msgid]
        if source.translated():
            assert entry.msgstr_plural == source.msgstr_plural
            assert "fuzzy" not in entry.flags
            filled += 1
    assert filled == 15
    assert report.counts()["no-plural-forms"] == 0


def test_real_catalogue_with_another_plural_count(shared_data: Path, tmp_path: Path) -> None:
    # Django's Russian has four forms (one for fractions); dnf's has three. A memory
    # of four forms cannot fill a file asking for three: the entries say why.
    django = shared_data / "tm" / "po" / "django" / "ru.po"
    three = polib.pofile(str(shared_data / "tm" / "po" / "dnf" / "ru.po")).metadata["Plural-Forms"]
    with _memory(tmp_path, (django.read_bytes(), "en", "ru")) as memory:
        report, out = _pretranslate(memory, _emptied(django, three), "en", "ru")
    assert report.counts()["plural-count-differs"] == 15
    assert all(not any(e.msgstr_plural.values()) for e in out if e.msgid_plural)
    assert "plural-count-differs: 15" in report.summary()


@pytest.mark.parametrize(
    ("count", "reason"), [(1, "plural-count-differs"), (2, "plural-count-differs"), (3, "exact")]
)
def test_plural_count_from_the_entry_without_header(
    tmp_path: Path, count: int, reason: str
) -> None:
    forms = "".join(f'msgstr[{n}] ""\n' for n in range(count))
    doc = f'msgid "%d file removed"\nmsgid_plural "%d files removed"\n{forms}'
    with _memory(tmp_path, (TM_PO.encode(), "en", "ru")) as memory:
        report, _ = _pretranslate(memory, doc.encode(), "en", "ru")
    # without Plural-Forms, the entry's own forms (at least two) say how many
    assert report.decisions[0].reason == reason
