"""A pretranslated PO file changes only where kazlit filled it.

The catalogue is real (blivet's Kazakh translation, wrapped by gettext's tools):
half of its translations are emptied by editing the text itself, so every other
line keeps gettext's wrapping; the memory is the original catalogue.
"""

from __future__ import annotations

import difflib
import io
import re
from pathlib import Path

import polib

from kazlit.formats import po
from kazlit.formats._po_write import write_po
from kazlit.formats.bilingual import BilingualFile
from kazlit.tm.memory import TranslationMemory
from kazlit.tm.store import open_store

_ONE_LINE_MSGSTR = re.compile(r'^msgstr "(?:[^"\\]|\\.)+"$', re.MULTILINE)


def _pretranslated(tmp_path: Path, original: bytes, doc_text: str) -> tuple[str, int]:
    store = open_store(tmp_path / "tm.sqlite")
    store.add_units(po.read(io.BytesIO(original), src_lang="en", tgt_lang="kk"))
    with TranslationMemory(store, owns_store=True) as memory:
        doc = BilingualFile.read(
            io.BytesIO(doc_text.encode("utf-8")), path="doc.po", src_lang="en", tgt_lang="kk"
        )
        report = memory.pretranslate(doc.entries, "en", "kk", contexts=doc.contexts)
        filled = doc.fill(report)
        out = io.BytesIO()
        doc.write(out)
    return out.getvalue().decode("utf-8"), filled


def test_only_filled_entries_and_one_header_line_change(shared_data: Path, tmp_path: Path) -> None:
    original = (shared_data / "tm" / "po" / "blivet" / "kk.po").read_bytes()
    text = original.decode("utf-8")
    # Empty every other one-line msgstr in the text itself (not through polib).
    seen = iter(range(10**6))
    emptied = _ONE_LINE_MSGSTR.sub(lambda m: 'msgstr ""' if next(seen) % 2 else m.group(0), text)
    assert emptied != text
    written, filled = _pretranslated(tmp_path, original, emptied)
    assert filled > 5
    removed = [
        line
        for line in difflib.unified_diff(emptied.splitlines(), written.splitlines(), n=0)
        if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line
        for line in difflib.unified_diff(emptied.splitlines(), written.splitlines(), n=0)
        if line.startswith("+") and not line.startswith("+++")
    ]
    # Each filled entry loses its empty msgstr line and gains its translation (one
    # or more lines); the header gains the provenance line. Nothing else moves.
    assert removed == ['-msgstr ""'] * filled
    assert sum(1 for line in added if line.startswith("+msgstr ")) == filled
    assert [line for line in added if "X-Kazlit-Pretranslated" in line] != []
    # And the file is the catalogue kazlit meant: the same as polib's own writing.
    assert polib.pofile(written).percent_translated() > polib.pofile(emptied).percent_translated()


def test_text_that_cannot_be_matched_is_written_whole_by_polib() -> None:
    text = 'msgid ""\nmsgstr ""\n"Language: kk\\n"\n\nmsgid "a"\nmsgstr ""\nmsgid "b"\nmsgstr ""\n'
    catalog = polib.pofile(text)  # two entries in one block: no blank line between
    entry = catalog.find("a")
    assert entry is not None
    entry.msgstr = "ә"
    catalog.metadata["X-Kazlit-Pretranslated"] = "kazlit test"
    written = write_po(text, catalog, [entry], ("X-Kazlit-Pretranslated", "kazlit test"))
    assert written == str(catalog)
    assert write_po(text, catalog, [], ("X", "y")) == text  # nothing filled: as it was
