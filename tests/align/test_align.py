"""The aligner on texts written for kazlit, on Text+Berg and on Tatoeba-built documents."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazlit.align import (
    AlignSettings,
    align_documents,
    align_sentences,
    align_texts,
    explain,
    parse_beads,
    score,
    to_beads,
    to_tsv,
)
from kazlit.align._names import skeleton
from kazlit.corpus import Block, Chapter, Document, parse_document, read_work
from kazlit.errors import AlignmentError, ParseError

DATA = Path(__file__).parent / "data"


def abai() -> tuple[Document, Document]:
    kk = parse_document((DATA / "abai.kk.md").read_text(encoding="utf-8"), "kk")
    ru = parse_document((DATA / "abai.ru.md").read_text(encoding="utf-8"), "ru")
    return kk, ru


def test_documents_align_by_paragraph_with_a_merge_and_an_added_note() -> None:
    kk, ru = abai()
    bitext = align_documents(kk, ru)
    assert [(b.src, b.tgt) for b in bitext.beads] == [
        ((0,), (0,)),  # the titles
        ((1,), (1,)),
        ((2,), (2,)),
        ((3, 4), (3,)),  # two Kazakh sentences, one Russian
        ((5,), (4,)),
        ((), (5,)),  # the translator's note
        ((6,), (6,)),
        ((7,), (7,)),
    ]
    assert bitext.src[3].id == "c1.p2.s1"
    assert all(0.0 <= b.score <= 1.0 for b in bitext.beads)
    assert bitext.provenance["tool"].startswith("kazlit ")
    assert "lexical_weight=" in bitext.provenance["settings"]


def test_explanations_name_the_shared_features() -> None:
    kk, ru = abai()
    bitext = align_documents(kk, ru)
    explained = explain(bitext)
    by_bead = {(e.bead.src, e.bead.tgt): e for e in explained}
    born = by_bead[((1,), (1,))]
    assert "#1845" in born.matched  # the year
    assert "n:ab" in born.matched  # "Абай" / "Абай"
    assert born.lexical < 0
    translated = by_bead[((3, 4), (3,))]
    assert {"n:pskn", "n:lrmntv"} <= set(translated.matched)  # Пушкин, Лермонтов


def test_names_match_across_scripts() -> None:
    assert skeleton("Назарбаев") == skeleton("Nazarbayev")
    assert skeleton("Джон") == skeleton("John")
    assert skeleton("Алматы") == skeleton("Almaty")
    assert skeleton("Том") == skeleton("Tom")
    assert skeleton("Абай") != skeleton("Almaty")
    # Letters from kazlit.translit (BGN/PCGN), then folded: ң, й, ғ, ё and щ.
    assert skeleton("Жаңаөзен") == skeleton("Zhanaozen")
    assert skeleton("Айтматов") == skeleton("Aitmatov")
    assert skeleton("Ғабит") == skeleton("Gabit")
    assert skeleton("Хрущёв") == skeleton("Khrushchev")
    # Other scripts keep their letters (hamza and marks dropped): no Latin key.
    assert skeleton("أباي") == skeleton("اباي") != skeleton("Abai")
    assert skeleton("阿拜") == "阿拜"


def test_glossary_pairs_are_matched_in_inflected_forms() -> None:
    src = ["Кітапханада жаңа көрме ашылды.", "Ол бір ай жұмыс істейді."]
    tgt = ["A new exhibition opened in the library.", "It will be open for a month."]
    glossary = [("кітапхана", "library"), ("көрме", "exhibition")]
    bitext = align_texts(src, tgt, "kk", "en", glossary=glossary)
    first = explain(bitext, glossary=glossary)[0]
    assert {"g:0", "g:1"} <= set(first.matched)


def test_second_pass_learns_from_the_text() -> None:
    # Every pair shares two words that only the learned lexicon can connect.
    rng = random.Random(3)
    words = [("тау", "гора"), ("өзен", "река"), ("қала", "город"), ("дала", "степь")]
    src, tgt = [], []
    for _ in range(40):
        (a, b), (c, d) = rng.sample(words, 2)
        src.append(f"{a} {c} {'сөз ' * rng.randint(1, 6)}.")
        tgt.append(f"{b} {d} {'слово ' * rng.randint(1, 6)}.")
    one = align_texts(src, tgt, "kk", "ru", settings=AlignSettings(realign=False))
    two = align_texts(src, tgt, "kk", "ru")
    assert not any(
        m.startswith("w:")
        for e in explain(one, settings=AlignSettings(realign=False))
        for m in e.matched
    )
    assert any(m.startswith("w:") for e in explain(two) for m in e.matched)


def test_a_long_insertion_is_found_through_anchors() -> None:
    base = [f"Сөйлем нөмірі {n} мұнда {'ұзын ' * (n % 7)}тұр." for n in range(60)]
    tgt = [f"Предложение номер {n} здесь {'длинное ' * (n % 7)}стоит." for n in range(60)]
    inserted = [f"Вставка {'очень ' * (k % 5)}длинная, {1000 + k}." for k in range(40)]
    beads = align_sentences(base, tgt[:20] + inserted + tgt[20:])
    pairs = {(b.src, b.tgt) for b in beads}
    assert ((18,), (18,)) in pairs
    assert ((21,), (61,)) in pairs
    assert ((59,), (99,)) in pairs
    assert sum(1 for b in beads if not b.src) >= 35  # the insertion, sentence by sentence


def test_one_huge_paragraph_against_many_paragraphs_finishes() -> None:
    sentences = [f"Бұл {n}-сөйлем, ол {'өте ' * (n % 5)}қысқа." for n in range(300)]
    russian = [f"Это {n}-е предложение, оно {'очень ' * (n % 5)}короткое." for n in range(300)]
    src = Document("kk", (Chapter("", (Block(" ".join(sentences)),)),))
    tgt = Document(
        "ru", (Chapter("", tuple(Block(" ".join(russian[k : k + 10])) for k in range(0, 300, 10))),)
    )
    bitext = align_documents(src, tgt)
    assert sum(1 for b in bitext.beads if b.src == b.tgt and len(b.src) == 1) >= 290


def test_empty_and_mismatched_inputs_are_errors() -> None:
    with pytest.raises(AlignmentError, match="source text is empty"):
        align_sentences([], ["Hello."])
    with pytest.raises(AlignmentError, match="target text is empty"):
        align_sentences(["Сәлем."], ["  "])
    english = ["This is an English sentence, written in Latin letters."] * 3
    with pytest.raises(AlignmentError, match="mostly latin"):
        align_texts(english, english, "kk", "en")
    # Both Cyrillic: the Kazakh letters tell a Kazakh text from a Russian one.
    kk, ru = abai()
    with pytest.raises(AlignmentError, match=r"target text looks Kazakh.*given as ru"):
        align_documents(kk, Document("ru", kk.chapters))
    with pytest.raises(AlignmentError, match=r"source text has almost none of the Kazakh"):
        align_documents(Document("kk", ru.chapters), ru)
    with pytest.raises(AlignmentError, match="--tgt-lang option"):
        align_texts(
            [b.text for c in kk.chapters for b in c.blocks],
            [b.text for c in kk.chapters for b in c.blocks],
            "kk",
            "ru",
        )


def test_a_long_unpunctuated_sentence_is_aligned_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    src = ["Абай ақын болды және ол көп өлең жазды " * 100, "Ол ақын."]
    tgt = ["Абай был поэтом.", "Он писал стихи.", "Он поэт."]
    with caplog.at_level("WARNING", logger="kazlit"):
        bitext = align_texts(src, tgt, "kk", "ru")
    assert "source text has 1 sentence(s) over 3000 characters (sentence 1" in caplog.text
    assert [i for b in bitext.beads for i in b.src] == [0, 1]


def test_exports() -> None:
    kk, ru = abai()
    bitext = align_documents(kk, ru)
    beads = to_beads(bitext).decode("utf-8").splitlines()
    assert beads[3] == "[3, 4]:[3]"
    assert beads[5] == "[]:[5]"
    assert parse_beads("\n".join(beads)) == [(b.src, b.tgt) for b in bitext.beads]
    tsv = to_tsv(bitext).decode("utf-8").splitlines()
    assert tsv[0].startswith("source:kk-Cyrl\ttarget:ru\tscore")
    assert tsv[4].split("\t")[3] == "c1.p2.s1 c1.p2.s2"


def test_scoring_follows_vecalign_definitions() -> None:
    gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())]
    result = score([gold], [test])
    # Precision: 2 of 4 strict; lax adds (1)->(1). Recall over gold pairs with two sides.
    assert result.precision_strict == pytest.approx(2 / 4)
    assert result.precision_lax == pytest.approx(3 / 4)
    assert result.recall_strict == pytest.approx(1 / 2)
    assert result.recall_lax == pytest.approx(1.0)
    with pytest.raises(ParseError, match=r"x\.defr:2:1"):
        parse_beads("[0]:[0]\nnot a bead\n", path="x.defr")


def test_text_berg_document(shared_data: Path) -> None:
    folder = shared_data / "align" / "textberg_defr"
    src = (folder / "test2.de").read_text(encoding="utf-8").splitlines()
    tgt = (folder / "test2.fr").read_text(encoding="utf-8").splitlines()
    gold = parse_beads((folder / "test2.defr").read_text(encoding="utf-8"))
    beads = align_sentences(src, tgt)
    assert score([gold], [[(b.src, b.tgt) for b in beads]]).f1_strict >= 0.82


def test_tatoeba_document_with_merges_and_deletions(shared_data: Path) -> None:
    folder = shared_data / "align" / "tatoeba_kaz_eng"
    kk = (folder / "tatoeba.kaz-eng.kaz").read_text(encoding="utf-8").splitlines()
    en = (folder / "tatoeba.kaz-eng.eng").read_text(encoding="utf-8").splitlines()
    src, tgt, gold = [], [], []
    for n in range(150):
        if n % 10 == 3:  # one English line for two Kazakh sentences
            gold.append(((len(src), len(src) + 1), (len(tgt),)))
            src += [kk[n], kk[n + 200]]
            tgt.append(f"{en[n]} {en[n + 200]}")
        elif n % 25 == 7:  # a sentence left untranslated
            gold.append(((len(src),), ()))
            src.append(kk[n])
        else:
            gold.append(((len(src),), (len(tgt),)))
            src.append(kk[n])
            tgt.append(en[n])
    bitext = align_texts(src, tgt, "kk", "en")
    result = score([gold], [[(b.src, b.tgt) for b in bitext.beads]])
    assert result.f1_strict >= 0.75
    assert result.f1_lax >= 0.85
    pytest.importorskip("sentencepiece")
    subwords = align_texts(src, tgt, "kk", "en", settings=AlignSettings(subwords=True))
    assert score([gold], [[(b.src, b.tgt) for b in subwords.beads]]).f1_strict >= 0.75


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="абв гд 12.?", min_size=1, max_size=40), min_size=1, max_size=25),
    st.lists(st.text(alphabet="abc de 12.?", min_size=1, max_size=40), min_size=1, max_size=25),
)
def test_beads_cover_every_sentence_once_in_order(src: list[str], tgt: list[str]) -> None:
    if not any(s.strip() for s in src) or not any(t.strip() for t in tgt):
        return
    beads = align_sentences(src, tgt)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all(b.src or b.tgt for b in beads)
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_a_broken_work_folder_is_a_parse_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "work.toml").write_text('id = "x"\ngenre = \n', encoding="utf-8")
    (folder / "kk.md").write_text("Мәтін.\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        read_work(folder)
    assert "work.toml" in str(caught.value)


def test_kazakh_case_endings_do_not_hide_names() -> None:
    from kazlit.align._names import name_stem  # noqa: PLC0415

    assert skeleton(name_stem("Мэриді")) == skeleton("Mary")
    assert skeleton(name_stem("Томға")) == skeleton("Tom")
    assert skeleton(name_stem("Абайдың")) == skeleton("Abai")
    assert skeleton("Қазақстан") == skeleton("Kazakhstan") == skeleton("Казахстан")
    assert name_stem("Ас") == "Ас"  # too short to lose an ending


def test_a_re_paragraphed_translation_is_aligned_over_the_whole_document() -> None:
    kk = [f"Бұл {n}-сөйлем, ол {'өте ' * (n % 4)}қысқа." for n in range(24)]
    ru = [f"Это {n}-е предложение, оно {'очень ' * (n % 4)}короткое." for n in range(24)]
    src = Document(
        "kk", (Chapter("", tuple(Block(" ".join(kk[k : k + 2])) for k in range(0, 24, 2))),)
    )
    tgt = Document(
        "ru", (Chapter("", tuple(Block(" ".join(ru[k : k + 8])) for k in range(0, 24, 8))),)
    )
    bitext = align_documents(src, tgt)
    assert [(b.src, b.tgt) for b in bitext.beads] == [((n,), (n,)) for n in range(24)]
