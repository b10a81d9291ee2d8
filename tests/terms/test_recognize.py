"""Term recognition: inflected Kazakh (both scripts), ru/fr/es inflection, Arabic
clitics, Chinese substrings, and no derived look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazlit.formats import termtsv
from kazlit.terms.model import Concept, LangSet, Term, Termbase
from kazlit.terms.recognize import Recognizer, find_terms

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    with (DATA / "sample.tsv").open("rb") as fh:
        return termtsv.read(fh)


def found(termbase: Termbase, lang: str, text: str) -> list[tuple[str, str]]:
    return [(m.concept_id, m.surface) for m in Recognizer(termbase, lang).find(text)]


def test_kazakh_inflected_single_and_multi_word(termbase: Termbase) -> None:
    text = "Мәдениеттің жұмсақ күшті ұлттық салтпен ұлтымыздың мұраларына жетеді."
    assert found(termbase, "kk", text) == [
        ("culture", "Мәдениеттің"),
        ("soft-power", "жұмсақ күшті"),
        ("nation", "ұлтымыздың"),
        ("heritage", "мұраларына"),
    ]


def test_kazakh_multi_word_term_inflects_only_its_last_word(termbase: Termbase) -> None:
    assert found(termbase, "kk", "жұмсағы күш") == []
    assert found(termbase, "kk", "жұмсақ\u00a0күштің") == [("soft-power", "жұмсақ\u00a0күштің")]
    assert found(termbase, "kk", "жұмсақ, күш") == []


def test_kazakh_derived_words_do_not_match(termbase: Termbase) -> None:
    assert found(termbase, "kk", "ұлттық ұлтшыл мәдениетті мәдениетсіз") == [
        # мәдениетті is also the accusative of мәдениет: a true homograph.
        ("culture", "мәдениетті"),
    ]


def test_latin_script_text_with_cyrillic_and_latin_terms(termbase: Termbase) -> None:
    text = "MÄDENİETTIÑ jūmsaq küşın ūlttyq ūlttyñ"
    assert found(termbase, "kk-Latn", text) == [
        ("culture", "MÄDENİETTIÑ"),
        ("soft-power", "jūmsaq küşın"),
        ("nation", "ūlttyñ"),
    ]
    cyrillic_only = Termbase((Concept("book", (LangSet("kk", (Term("кітап"),)),)),))
    assert [m.surface for m in find_terms("kıtabymyzdy", cyrillic_only, "kk")] == ["kıtabymyzdy"]


def test_offsets_are_code_points(termbase: Termbase) -> None:
    text = "«Мәдениет» — ұлт"
    matches = Recognizer(termbase, "kk").find(text)
    assert [(m.start, m.end) for m in matches] == [(1, 9), (13, 16)]
    assert all(text[m.start : m.end] == m.surface for m in matches)


def test_russian_nouns_and_adjectives_inflect(termbase: Termbase) -> None:
    text = "о мягкой силе культуры и культурном наследии; мягкую мощь"
    result = Recognizer(termbase, "ru").find(text)
    assert [(m.concept_id, m.surface, m.status) for m in result] == [
        ("soft-power", "мягкой силе", "preferred"),
        ("culture", "культуры", "preferred"),
        ("heritage", "наследии", "preferred"),
        ("soft-power", "мягкую мощь", "forbidden"),
    ]


def test_french_and_spanish_plural_and_gender(termbase: Termbase) -> None:
    assert found(termbase, "fr", "Les puissances douces et les patrimoines culturels") == [
        ("soft-power", "puissances douces"),
        ("heritage", "patrimoines"),
    ]
    assert found(termbase, "es", "las naciones, la cultura nacional y los poderes blandos") == [
        ("nation", "naciones"),
        ("culture", "cultura"),
        ("soft-power", "poderes blandos"),
    ]


def test_arabic_article_prepositions_and_conjunctions(termbase: Termbase) -> None:
    text = "والثقافة وللثقافة بالقوة الناعمة الأمة"
    assert [c for c, _ in found(termbase, "ar", text)] == [
        "culture",
        "culture",
        "soft-power",
        "nation",
    ]


def test_chinese_substring(termbase: Termbase) -> None:
    assert found(termbase, "zh", "软实力和文化遗产") == [
        ("soft-power", "软实力"),
        ("culture", "文化"),
        ("heritage", "遗产"),
    ]


def test_nested_terms_are_dropped_unless_asked() -> None:
    tb = Termbase(
        (
            Concept("power", (LangSet("kk", (Term("күш"),)),)),
            Concept("soft-power", (LangSet("kk", (Term("жұмсақ күш"),)),)),
        )
    )
    assert [m.concept_id for m in Recognizer(tb, "kk").find("жұмсақ күшке")] == ["soft-power"]
    both = Recognizer(tb, "kk", overlapping=True).find("жұмсақ күшке")
    assert [m.concept_id for m in both] == ["soft-power", "power"]


def test_extra_forms_are_accepted() -> None:
    tb = Termbase((Concept("mouth", (LangSet("kk", (Term.make("ауыз", forms=("аузынан",)),)),)),))
    assert [m.surface for m in find_terms("аузынан ауызға", tb, "kk")] == ["аузынан", "ауызға"]


def test_russian_fleeting_vowels() -> None:
    tb = Termbase(
        (
            Concept("father", (LangSet("ru", (Term("отец"),)),)),
            Concept("day", (LangSet("ru", (Term("день"),)),)),
            Concept("song", (LangSet("ru", (Term("песня"),)),)),
        )
    )
    text = "у отца, три дня, много песен; отцовский"
    assert [m.concept_id for m in find_terms(text, tb, "ru")] == ["father", "day", "song"]
