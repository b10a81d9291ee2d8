from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.corpus import (
    Bead,
    Bitext,
    Block,
    Chapter,
    Document,
    Segment,
    check_work,
    format_document,
    format_work_toml,
    parse_document,
    parse_work_toml,
    read_corpus,
    read_work,
    write_work,
)
from kazlit.errors import LanguageError, ParseError

WORK_TOML = """\
id = "ak-kar"
genre = "literature"
year = 2026
licence = "CC-BY-4.0"
source = "Written for the kazlit tests"

[title]
kk = "Ақ қар"
"kk-Latn" = "Aq qar"
ru = "Белый снег"
zh = "白雪"

[[authors]]
name = "kazlit жобасы"
name_latn = "kazlit jobasy"
role = "aut"

[translators]
ru = ["kazlit project"]
zh = ["kazlit project"]

[notes]
gaps = "no English yet"
"""

KK = """\
# Бірінші тарау

Қар жауды. Дала ағарды.

Атам маған қарады: «Көрдің бе?»

# Екінші тарау

Аппақ дала,\\
аппақ таң.
"""

RU = """\
# Глава первая

<!-- note: «ағарды» rendered as «побелела» -->
Пошёл снег. Степь
побелела.

Дед посмотрел на меня: «Видишь?»
"""


def make_work(root: Path, files: dict[str, str]) -> Path:
    folder = root / "ak-kar"
    folder.mkdir(parents=True)
    (folder / "work.toml").write_text(WORK_TOML, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_read_work(tmp_path: Path) -> None:
    work = read_work(make_work(tmp_path, {"kk.md": KK, "ru.md": RU}))
    assert work.id == "ak-kar"
    assert work.languages == ("kk-Cyrl", "ru")
    assert work.meta.titles["zh-Hans"] == "白雪"
    assert work.meta.authors[0].name_latn == "kazlit jobasy"
    assert work.meta.translators["ru"][0].role == "trl"
    kk = work.original
    assert [c.title for c in kk.chapters] == ["Бірінші тарау", "Екінші тарау"]
    assert kk.chapters[1].blocks[0].text == "Аппақ дала,\nаппақ таң."
    ru = work.document("ru-RU")
    # Soft-wrapped lines are joined; the note comment is not text.
    assert ru.chapters[0].blocks[0].text == "Пошёл снег. Степь побелела."
    assert ru.chapters[0].blocks[0].line == 4


def test_shape_check_reports_partial_translation(tmp_path: Path) -> None:
    work = read_work(make_work(tmp_path, {"kk.md": KK, "ru.md": RU}))
    issues = check_work(work)
    assert [(i.lang, i.kind, i.severity) for i in issues] == [("ru", "partial", "info")]


def test_shape_check_reports_extra_chapters_with_line(tmp_path: Path) -> None:
    extra = RU + "\n# Глава вторая\n\nБелая степь.\n\n# Глава третья\n\nЛишняя.\n"
    work = read_work(make_work(tmp_path, {"kk.md": KK, "ru.md": extra}))
    (issue,) = [i for i in check_work(work) if i.kind == "extra-chapters"]
    assert issue.severity == "error"
    assert issue.line == 13
    assert issue.path is not None
    assert issue.path.endswith("ru.md")


def test_missing_document_names_the_languages_present(tmp_path: Path) -> None:
    work = read_work(make_work(tmp_path, {"kk.md": KK}))
    with pytest.raises(LanguageError, match="kk-Cyrl"):
        work.document("en")


def test_broken_toml_reports_line_and_column(tmp_path: Path) -> None:
    folder = make_work(tmp_path, {"kk.md": KK})
    (folder / "work.toml").write_text('id = "ak-kar"\ngenre = literature\n', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        read_work(folder)
    assert info.value.line == 2
    assert info.value.path == str(folder / "work.toml")


@pytest.mark.parametrize(
    ("edit", "message", "line"),
    [
        (('genre = "literature"', 'genre = "poetry"'), "unknown genre", 2),
        (("year = 2026", 'year = "2026"'), "whole number", 3),
        (('ru = "Белый снег"', 'xx = "?"'), "unknown or unsupported language", 10),
        (('role = "aut"', 'role = "author"'), "MARC relator", 16),
        (('id = "ak-kar"', 'id = "Ak Kar"'), "slug", 1),
    ],
)
def test_invalid_metadata_points_at_the_line(
    tmp_path: Path, edit: tuple[str, str], message: str, line: int
) -> None:
    folder = make_work(tmp_path, {"kk.md": KK})
    (folder / "work.toml").write_text(WORK_TOML.replace(*edit), encoding="utf-8")
    with pytest.raises(ParseError, match=message) as info:
        read_work(folder)
    assert info.value.line == line


def test_unknown_language_file_is_named(tmp_path: Path) -> None:
    folder = make_work(tmp_path, {"kk.md": KK, "de.md": "# Kapitel\n\nSchnee.\n"})
    with pytest.raises(LanguageError, match=r"de\.md"):
        read_work(folder)


def test_a_broken_translation_file_leaves_the_rest_of_the_work_readable(
    tmp_path: Path,
) -> None:
    make_work(
        tmp_path,
        {
            "kk.md": KK,
            "de.md": "# Kapitel\n\nSchnee.\n",  # no supported language
            "ru.md": "# Глава\n\n## Раздел\n",  # a level-2 heading first: broken
            "en.md": "# Chapter\n\nSnow.\n",
        },
    )
    reading = read_corpus(tmp_path)
    (work,) = reading.works
    assert work.languages == ("kk-Cyrl", "en")
    assert not reading.ok
    found = {Path(where).name: exc for where, exc in reading.problems}
    assert set(found) == {"de.md", "ru.md"}
    assert isinstance(found["de.md"], LanguageError)
    assert isinstance(found["ru.md"], ParseError)
    assert found["ru.md"].line == 3


def test_a_broken_original_still_makes_the_work_unreadable(tmp_path: Path) -> None:
    make_work(tmp_path, {"kk.md": "# Тарау\n\n## Бөлім\n", "en.md": "# Chapter\n\nSnow.\n"})
    reading = read_corpus(tmp_path)
    assert reading.works == ()
    assert [Path(where).name for where, _ in reading.problems] == ["ak-kar"]


def test_readme_is_not_a_language_file(tmp_path: Path) -> None:
    folder = make_work(tmp_path, {"kk.md": KK, "README.md": "# About\n"})
    assert read_work(folder).languages == ("kk-Cyrl",)


def test_not_utf8_reports_byte_offset(tmp_path: Path) -> None:
    folder = make_work(tmp_path, {})
    (folder / "kk.md").write_bytes("# Тарау\n\nҚар".encode() + b"\xff\n")
    with pytest.raises(ParseError, match="byte offset 20") as info:
        read_work(folder)
    assert (info.value.line, info.value.column) == (3, 4)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("# Тарау\n\n## Бөлім\n", "level-1", 3),
        ("# Тарау\n\n<!-- note\nҚар.\n", "never closed", 3),
        ("\n<!-- only a note -->\n\n", "no text", 1),
        ("#   \n\nҚар.\n", "without a title", 1),
    ],
)
def test_markdown_errors(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_document(text, "kk", path="kk.md")
    assert info.value.line == line


def test_read_corpus_keeps_going_past_a_broken_work(tmp_path: Path) -> None:
    make_work(tmp_path, {"kk.md": KK})
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "work.toml").write_text("id = [\n", encoding="utf-8")
    seen: list[tuple[int, int | None]] = []
    reading = read_corpus(tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert [w.id for w in reading.works] == ["ak-kar"]
    assert len(reading.problems) == 1
    assert reading.problems[0][0].endswith("broken")
    assert not reading.ok
    assert seen == [(1, 2), (2, 2)]


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    work = read_work(make_work(tmp_path / "in", {"kk.md": KK, "ru.md": RU}))
    folder = write_work(work, tmp_path / "out")
    again = read_work(folder)
    assert again.meta == work.meta
    for tag in work.languages:
        assert again.documents[tag].chapters == work.documents[tag].chapters
    assert parse_work_toml(format_work_toml(work.meta)) == work.meta


def test_text_is_nfc() -> None:
    doc = parse_document("# Тарау\n\nи\u0306\n", "kk")
    assert doc.chapters[0].blocks[0].text == "й"


_para = (
    st.text(
        alphabet=st.characters(
            categories=("L", "N", "P", "Zs"),
            exclude_characters="#<\\",
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(st.lists(st.tuples(_para, st.lists(_para, min_size=1, max_size=4)), min_size=1))
def test_format_parse_round_trip(chapters: list[tuple[str, list[str]]]) -> None:
    doc = Document(
        "kk",
        tuple(Chapter(title, tuple(Block(p) for p in paras)) for title, paras in chapters),
    )
    again = parse_document(format_document(doc), "kk")
    assert [(c.title, [b.text for b in c.blocks]) for c in again.chapters] == [
        (c.title, [b.text for b in c.blocks]) for c in doc.chapters
    ]


def test_bitext_pairs_join_sides_per_script() -> None:
    src = (Segment("c1.p1.s1", "Қар жауды."), Segment("c1.p1.s2", "Дала ағарды."))
    tgt = (Segment("c1.p1.s1", "下雪了，"), Segment("c1.p1.s2", "草原白了。"))
    bitext = Bitext("kk", "zh", src, tgt, (Bead((0, 1), (0, 1), 0.9), Bead((), (), 0.0)))
    pairs = list(bitext.pairs())
    assert pairs[0][:2] == ("Қар жауды. Дала ағарды.", "下雪了，草原白了。")
    assert pairs[1][:2] == ("", "")
    assert bitext.src_lang == "kk-Cyrl"
