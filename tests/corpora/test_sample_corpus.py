"""The sample corpus in corpora/ checked as data (standard library only).

Each work folder holds a work.toml and one Markdown file per language (kk.md plus
translations). The checks follow the format described in corpora/README.md: what a
reader of the corpus, the aligner and the EPUB builder rely on.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

GENRES = frozenset(
    {"literature", "theatre-film-choreography", "classical-and-traditional-music", "visual-art"}
)
TRANSLATION_LANGUAGES = ("ru", "zh", "en", "ar", "fr", "es")
LANGUAGE_NAMES = {
    "ru": "Russian",
    "zh": "Chinese",
    "en": "English",
    "ar": "Arabic",
    "fr": "French",
    "es": "Spanish",
}
REQUIRED_KEYS = ("id", "genre", "year", "licence", "source", "original_language", "title")

# The deliberate gaps, so that kazlit's coverage report has something to show:
# languages with no file at all, and translations that stop after N chapters.
MISSING: dict[str, frozenset[str]] = {
    "dala-zhyry": frozenset(),
    "kuy-tolgau": frozenset(),
    "sakhna": frozenset(),
    "kenep": frozenset({"ar", "zh"}),
    "olen": frozenset({"es"}),
}
PARTIAL: dict[str, dict[str, int]] = {"sakhna": {"es": 1}}
POEMS = frozenset({"olen"})

WORK_IDS = sorted(MISSING)
NOTE = re.compile(r"^<!-- note: .+ -->$")
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CJK = re.compile("[\u4e00-\u9fff]")
ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
ARABIC_INDIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
OTHER_MARKDOWN = re.compile(r"\*\*|__|\]\(|`|^#{2,}|^\s*[-*+] |^\s*\d+\. |^>", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Chapter:
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # each paragraph as its hard-broken lines


def parse(text: str) -> tuple[Chapter, ...]:
    """Chapters of a corpus Markdown file; translator notes are dropped."""
    chapters: list[tuple[str, list[list[str]]]] = []
    block: list[str] = []

    def close_block() -> None:
        if block:
            assert chapters, f"text before the first chapter heading: {block[0]!r}"
            joined = " ".join(block)
            chapters[-1][1].append([line.strip() for line in joined.split("\\ ")])
            block.clear()

    for line in text.split("\n"):
        if NOTE.match(line):
            continue
        if line.startswith("# "):
            close_block()
            chapters.append((line[2:].strip(), []))
        elif not line.strip():
            close_block()
        else:
            block.append(line)
    close_block()
    return tuple(Chapter(title, tuple(tuple(p) for p in paras)) for title, paras in chapters)


def shape(chapters: tuple[Chapter, ...]) -> list[list[int]]:
    """Per chapter, per paragraph: the number of hard-broken lines."""
    return [[len(p) for p in chapter.paragraphs] for chapter in chapters]


def prose(text: str) -> str:
    """The text without translator notes (which may be written in English)."""
    return "\n".join(line for line in text.split("\n") if not NOTE.match(line))


def read_work(work_id: str) -> dict[str, object]:
    with (CORPORA / work_id / "work.toml").open("rb") as handle:
        return tomllib.load(handle)


def language_files(work_id: str) -> dict[str, Path]:
    return {path.stem: path for path in sorted((CORPORA / work_id).glob("*.md"))}


def test_the_corpus_holds_exactly_the_declared_works() -> None:
    folders = sorted(p.name for p in CORPORA.iterdir() if p.is_dir())
    assert folders == WORK_IDS
    readme = (CORPORA / "README.md").read_text(encoding="utf-8")
    for work_id in WORK_IDS:
        assert f"`{work_id}`" in readme, f"corpora/README.md does not describe {work_id}"


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_work_toml_is_complete(work_id: str) -> None:
    work = read_work(work_id)
    for key in REQUIRED_KEYS:
        assert key in work, f"{work_id}/work.toml lacks {key}"
    assert work["id"] == work_id
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", work_id)
    assert work["genre"] in GENRES
    assert work["licence"] == "CC-BY-4.0"
    assert work["original_language"] == "kk"
    assert isinstance(work["year"], int)
    authors = work["authors"]
    assert isinstance(authors, list)
    assert authors
    for author in authors:
        assert author["name"] == "kazlit жобасы"
        assert author["name_latn"] == "kazlit jobasy"
        assert author["role"] == "aut"


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_titles_and_translators_match_the_language_files(work_id: str) -> None:
    work = read_work(work_id)
    files = language_files(work_id)
    titles = work["title"]
    assert isinstance(titles, dict)
    assert "kk" in files
    assert "kk-Latn" in titles
    for lang in files:
        assert titles.get(lang), f"{work_id}: {lang}.md has no title in work.toml"
    assert set(titles) - {"kk-Latn"} == set(files), f"{work_id}: a title without a file"
    subtitles = work.get("subtitle", {})
    assert isinstance(subtitles, dict)
    assert set(subtitles) <= set(titles)
    translators = work["translators"]
    assert isinstance(translators, dict)
    assert set(translators) == set(files) - {"kk"}
    for names in translators.values():
        assert isinstance(names, list)
        assert names


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_deliberate_gaps_are_exactly_as_declared(work_id: str) -> None:
    files = language_files(work_id)
    assert set(files) == {"kk", *TRANSLATION_LANGUAGES} - MISSING[work_id]
    notes = read_work(work_id)["notes"]
    assert isinstance(notes, dict)
    gaps = notes["gaps"]
    assert isinstance(gaps, str)
    chapters_in_kk = len(parse(files["kk"].read_text(encoding="utf-8")))
    for lang in TRANSLATION_LANGUAGES:
        if lang in MISSING[work_id] or lang in PARTIAL.get(work_id, {}):
            assert LANGUAGE_NAMES[lang] in gaps, f"{work_id}: gap in {lang} not in notes"
        if lang in files:
            chapters = len(parse(files[lang].read_text(encoding="utf-8")))
            expected = PARTIAL.get(work_id, {}).get(lang, chapters_in_kk)
            assert chapters == expected, f"{work_id}/{lang}.md has {chapters} chapters"


def all_files() -> list[tuple[str, str]]:
    return [(w, lang) for w in WORK_IDS for lang in sorted(language_files(w))]


# Kazakh Cyrillic to the Latin alphabet presented by the Government of Kazakhstan on
# 28 January 2021 (Ә Ä, Ғ Ğ, И/Й İ, І I, Ң Ñ, Ө Ö, Ұ Ū, Ү Ü, Ш Ş, Х/Һ H, Ы Y, Ж J, Қ Q).
# Only the letters that occur in native words and in the titles are listed; a title with
# another Cyrillic letter fails, so the table has to be extended from the standard.
LATIN_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ш": "ş", "ы": "y",
    "і": "ı", "э": "e",
}  # fmt: skip


def to_latin_2021(text: str) -> str:
    out = []
    for char in text:
        lower = char.lower()
        if lower not in LATIN_2021:
            assert not ("\u0400" <= char <= "\u04ff"), f"no 2021 Latin letter for {char!r}"
            out.append(char)
        elif char == lower:
            out.append(LATIN_2021[lower])
        else:
            out.append("İ" if lower in "ий" else LATIN_2021[lower].upper())
    return "".join(out)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_latin_titles_are_the_2021_spelling_of_the_kazakh(work_id: str) -> None:
    work = read_work(work_id)
    for table in ("title", "subtitle"):
        entries = work.get(table, {})
        assert isinstance(entries, dict)
        if "kk" in entries:
            assert entries["kk-Latn"] == to_latin_2021(entries["kk"]), f"{work_id} {table}"
    authors = work["authors"]
    assert isinstance(authors, list)
    for author in authors:
        assert author["name_latn"] == to_latin_2021(author["name"])


@pytest.mark.parametrize(("work_id", "lang"), all_files())
def test_file_encoding_and_plain_markdown(work_id: str, lang: str) -> None:
    raw = (CORPORA / work_id / f"{lang}.md").read_bytes()
    text = raw.decode("utf-8")
    assert not text.startswith("\ufeff"), "no byte order mark"
    assert "\r" not in text, "LF line endings only"
    assert unicodedata.is_normalized("NFC", text)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert text.startswith("# "), "the file starts with a chapter heading"
    for number, line in enumerate(text.split("\n"), start=1):
        assert line == line.rstrip(), f"{work_id}/{lang}.md:{number}: trailing space"
        assert "\t" not in line, f"{work_id}/{lang}.md:{number}: tab"
        if line.startswith("<!--"):
            assert NOTE.match(line), f"{work_id}/{lang}.md:{number}: malformed note"
    found = OTHER_MARKDOWN.search(prose(text))
    assert found is None, f"{work_id}/{lang}.md: Markdown beyond headings: {found.group()!r}"
    assert "\n\n\n" not in text, "paragraphs are separated by exactly one blank line"
    for chapter in parse(text):
        assert chapter.title
        assert chapter.paragraphs, f"{work_id}/{lang}.md: empty chapter {chapter.title!r}"


@pytest.mark.parametrize(("work_id", "lang"), [(w, g) for w, g in all_files() if g != "kk"])
def test_translation_keeps_chapters_and_paragraphs(work_id: str, lang: str) -> None:
    original = shape(parse((CORPORA / work_id / "kk.md").read_text(encoding="utf-8")))
    translation = shape(parse((CORPORA / work_id / f"{lang}.md").read_text(encoding="utf-8")))
    # A complete translation has the same shape; a partial one is a prefix of it.
    assert translation == original[: len(translation)]
    assert translation


@pytest.mark.parametrize("work_id", sorted(POEMS))
def test_poem_stanzas_are_hard_broken_lines(work_id: str) -> None:
    chapters = parse((CORPORA / work_id / "kk.md").read_text(encoding="utf-8"))
    stanzas = [p for chapter in chapters for p in chapter.paragraphs]
    assert 3 <= len(stanzas) <= 5
    assert all(len(stanza) == 4 for stanza in stanzas)


@pytest.mark.parametrize("work_id", WORK_IDS)
def test_script_and_punctuation_per_language(work_id: str) -> None:
    files = language_files(work_id)
    texts = {lang: prose(path.read_text(encoding="utf-8")) for lang, path in files.items()}
    assert KAZAKH_LETTERS.search(texts["kk"])
    if "zh" in texts:
        assert CJK.search(texts["zh"])
        ascii_marks = re.findall(r"[,.!?;:]", texts["zh"])
        assert not ascii_marks, f"{work_id}/zh.md uses ASCII punctuation {ascii_marks}"
        body = [line for line in texts["zh"].split("\n") if not line.startswith("# ")]
        assert " " not in "".join(body), f"{work_id}/zh.md: no spaces in Chinese text"
    if "ar" in texts:
        assert ARABIC_LETTERS.search(texts["ar"])
        assert not re.search(r"[,;?]", texts["ar"]), f"{work_id}/ar.md: use ، ؛ ؟"
        # One digit system throughout (the notes say which): Western digits here.
        assert not ARABIC_INDIC_DIGITS.search(texts["ar"])
    if "fr" in texts:
        french = texts["fr"]
        bad = re.findall(r"\w[;:!?»]|[ \u00a0][;:!?»]|«[ \u00a0]|«\w", french)
        assert not bad, f"{work_id}/fr.md: use U+202F before ; : ! ? » and after «: {bad}"
    for lang in ("ru", "fr", "es", "ar"):
        if lang in texts:
            assert '"' not in texts[lang], f'{work_id}/{lang}.md: straight quotes "'
    if "es" in texts:
        assert texts["es"].count("¿") == texts["es"].count("?")
        assert texts["es"].count("¡") == texts["es"].count("!")
