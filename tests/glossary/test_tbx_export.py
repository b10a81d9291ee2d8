"""The programme termbase ships as TBX v3 and as TSV; the two must hold the same terms.

The TSV is edited by hand; the TBX is made from it with
``kazlit terms convert glossaries/kazlit-programme.tsv glossaries/kazlit-programme.tbx``
(``make glossary``). This test fails when one was changed without the other.
"""

from __future__ import annotations

import io
from pathlib import Path

from kazlit.formats import tbx, termtsv

GLOSSARIES = Path(__file__).resolve().parents[2] / "glossaries"


def test_tbx_and_tsv_hold_the_same_concepts() -> None:
    with (GLOSSARIES / "kazlit-programme.tsv").open("rb") as fh:
        from_tsv = termtsv.read(fh, path="kazlit-programme.tsv")
    with (GLOSSARIES / "kazlit-programme.tbx").open("rb") as fh:
        from_tbx = tbx.read(fh, path="kazlit-programme.tbx")
    assert len(from_tbx) == len(from_tsv) >= 150
    back = io.BytesIO()
    termtsv.write(from_tbx, back)
    assert back.getvalue() == (GLOSSARIES / "kazlit-programme.tsv").read_bytes(), (
        "glossaries/kazlit-programme.tbx is out of date: run make glossary"
    )


def test_tbx_is_tbx_v3_basic() -> None:
    head = (GLOSSARIES / "kazlit-programme.tbx").read_text(encoding="utf-8")[:400]
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in head
    assert 'type="TBX-Basic"' in head
