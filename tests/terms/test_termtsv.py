"""Multilingual TSV and OmegaT glossaries."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kazlit.errors import ParseError, SerializationError, TermbaseError
from kazlit.formats import tbx, termtsv

DATA = Path(__file__).parent / "data"


def test_sample_round_trips_byte_for_byte_and_through_tbx() -> None:
    data = (DATA / "sample.tsv").read_bytes()
    termbase = termtsv.read(io.BytesIO(data))
    out = io.BytesIO()
    termtsv.write(termbase, out)
    assert out.getvalue() == data
    via = io.BytesIO()
    tbx.write(termbase, via)
    again = io.BytesIO()
    termtsv.write(tbx.read(io.BytesIO(via.getvalue())), again)
    assert again.getvalue() == data


def test_cells_languages_and_forbidden_terms() -> None:
    termbase = termtsv.read(io.BytesIO((DATA / "sample.tsv").read_bytes()))
    assert termbase.languages[:3] == ("kk", "kk-Latn", "ru")
    soft = termbase.concept("soft-power")
    assert [t.text for t in soft.terms("fr")] == ["soft power", "puissance douce"]
    assert [(t.text, t.status) for t in soft.terms("ru")] == [
        ("мягкая сила", "preferred"),
        ("мягкая мощь", "forbidden"),
    ]
    # The first term of a cell is preferred, the others admitted.
    assert [t.status for t in soft.terms("fr")] == ["preferred", "admitted"]
    assert soft.terms("kk-Cyrl")[0].pos == "noun"
    assert soft.terms("zh-Hans")[0].text == "软实力"
    assert termbase.concept("culture").definition == "Test fixture entry."


def test_unknown_columns_are_kept() -> None:
    data = "id\ten\tru\treviewer\na\tbook\tкнига\tAsel\n".encode()
    termbase = termtsv.read(io.BytesIO(data))
    out = io.BytesIO()
    termtsv.write(termbase, out)
    assert out.getvalue() == data


def test_duplicate_id_names_both_lines() -> None:
    data = b"id\ten\na\tbook\na\tvolume\n"
    with pytest.raises(
        TermbaseError, match=r"g\.tsv:3: duplicate concept id 'a' \(first on line 2\)"
    ):
        termtsv.read(io.BytesIO(data), path="g.tsv")


def test_forbidden_term_in_undeclared_language() -> None:
    data = b"id\ten\tnote\na\tbook\tforbidden(de): Buch\n"
    with pytest.raises(TermbaseError, match="'de', a language with no column"):
        termtsv.read(io.BytesIO(data))


def test_too_many_cells_is_an_error_not_a_silent_drop() -> None:
    with pytest.raises(ParseError) as info:
        termtsv.read(io.BytesIO(b"id\ten\na\tbook\tstray\n"), path="x.tsv")
    assert (info.value.line, info.value.column) == (2, 3)


def test_header_must_start_with_id() -> None:
    with pytest.raises(ParseError, match="not 'id'"):
        termtsv.read(io.BytesIO(b"en\tru\nbook\tkniga\n"))


def test_omegat_glossary() -> None:
    data = "# OmegaT glossary\nмәдениет\tculture\tprogramme term\nұлт\tnation\n".encode()
    termbase = termtsv.read_omegat(io.BytesIO(data), source_lang="kk", target_lang="en")
    assert [c.terms("en")[0].text for c in termbase] == ["culture", "nation"]
    assert termbase.concepts[0].note == "programme term"
    with pytest.raises(ParseError, match="source and a target"):
        termtsv.read_omegat(io.BytesIO(b"lonely\n"), source_lang="kk", target_lang="en")


@pytest.mark.shared_data
def test_rich_tbx_to_tsv_refuses_loss_unless_allowed(shared_data: Path) -> None:
    data = (shared_data / "terms" / "tbx3_basic_dca_astronomy_example.tbx").read_bytes()
    termbase = tbx.read(io.BytesIO(data))
    with pytest.raises(SerializationError, match="TSV cannot hold"):
        termtsv.write(termbase, io.BytesIO())
    out = io.BytesIO()
    termtsv.write(termbase, out, allow_loss=True)
    assert "open cluster" in out.getvalue().decode()


def test_forbidden_clauses_as_the_programme_termbase_writes_them() -> None:
    note = (
        "forbidden(en): Alma-Ata (for the modern city; correct only before 1993). "
        "forbidden(ru): Алма-Ата (same rule). forbidden(en): Kazak, Kazakhstani "
        "(for the ethnic sense). es: see place-kazakhstan."
    )
    assert termtsv.forbidden_clauses(note) == [
        ("en", ["Alma-Ata"]),
        ("ru", ["Алма-Ата"]),
        ("en", ["Kazak", "Kazakhstani"]),
    ]


def test_preferred_terms_are_written_first() -> None:
    from kazlit.terms.model import Concept, LangSet, Term, Termbase  # noqa: PLC0415

    termbase = Termbase(
        (
            Concept(
                "a",
                (
                    LangSet(
                        "en",
                        (
                            Term.make("tome", status="admitted"),
                            Term.make("book", status="preferred"),
                        ),
                    ),
                ),
            ),
        )
    )
    out = io.BytesIO()
    termtsv.write(termbase, out)
    assert out.getvalue().decode().splitlines()[1] == "a\tbook | tome"


def test_the_programme_termbase_converts_losslessly(repo_root: Path) -> None:
    """glossaries/kazlit-programme.tsv (the programme termbase) → TBX → TSV is identity."""
    path = repo_root / "glossaries" / "kazlit-programme.tsv"
    if not path.is_file():
        pytest.skip("glossaries/kazlit-programme.tsv is not in this checkout yet")
    data = path.read_bytes()
    termbase = termtsv.read(io.BytesIO(data), path=str(path))
    via = io.BytesIO()
    tbx.write(termbase, via)
    back = tbx.read(io.BytesIO(via.getvalue()))
    assert [c.langsets for c in back] == [c.langsets for c in termbase]
    again = io.BytesIO()
    termtsv.write(back, again)
    assert again.getvalue() == data
    assert len(termbase) >= 150
