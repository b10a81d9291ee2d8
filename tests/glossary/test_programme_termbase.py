"""Checks of glossaries/kazlit-programme.tsv, the programme termbase, read as plain data.

The TSV is the source of kazlit-programme.tbx, so every rule here protects what the TBX
writer and the term recognizer will read. Plain standard-library code: no kazlit API.

Sources of the letter rules:

* Kazakh Cyrillic: the 42-letter alphabet in use since 1940 (33 Russian letters plus
  Ә Ғ Қ Ң Ө Ұ Ү Һ І).
* Kazakh Latin: the alphabet presented by the Government of Kazakhstan on
  28 January 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V
  Y Z), with the letter correspondences published with it (і → ı, upper case І → I;
  и, й → i, upper case İ; ұ → ū; ү → ü; ы → y; ш → ş; х, һ → h); the same table is
  reproduced, with a transliterated sample text, in the "Latin script" section of the
  English Wikipedia article "Kazakh alphabets".
* Letters that occur only in loanwords (ц ч щ ю я ё э ъ ь) follow the 2018 draft
  orthographic rules for the Latin-based alphabet: ц → s, ч → ş, щ → ş, ю → iu,
  я → ia, ё → io, э → e, ъ and ь are not written.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parents[2] / "glossaries" / "kazlit-programme.tsv"

HEADER = [
    "id",
    "kk",
    "kk-Latn",
    "ru",
    "en",
    "zh",
    "ar",
    "fr",
    "es",
    "subject",
    "pos",
    "definition",
    "source",
    "note",
]
REQUIRED = [name for name in HEADER if name != "note"]
LANGUAGE_COLUMNS = ["kk", "kk-Latn", "ru", "en", "zh", "ar", "fr", "es"]
SUBJECTS = {
    "programme",
    "institution",
    "literature",
    "music",
    "theatre-film-choreography",
    "visual-art",
    "publishing",
    "culture",
    "place",
    "person",
}
POS = {"noun", "properNoun", "nounPhrase", "adjective", "verb", "adverb", "other"}
SEPARATOR = " | "
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Kazakh Cyrillic alphabet, lower case (42 letters; upper case derived below).
KK_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# Kazakh Latin alphabet of 28 January 2021 (31 letters), both cases.
KK_LATIN = "AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ" + "aäbdefgğhıijklmnñoöpqrsştuūüvyz"
PUNCTUATION = set(" -.,:;!?()«»\"'’/0123456789")

# Cyrillic → 2021 Latin, lower case. Letter table of 28 January 2021; loanword letters
# (ц ч щ ю я ё э ъ ь) per the 2018 draft orthographic rules.
TO_LATIN = {
    "а": "a",
    "ә": "ä",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ñ",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "ū",
    "ү": "ü",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "s",
    "ч": "ş",
    "ш": "ş",
    "щ": "ş",
    "ъ": "",
    "ы": "y",
    "і": "ı",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
# Upper-case letters whose Latin capital is not the plain upper case of the small letter.
UPPER_EXCEPTIONS = {"І": "I", "И": "İ", "Й": "İ"}


def _is_capital(char: str) -> bool:
    return char.isalpha() and char.isupper()


def to_latin(text: str) -> str:
    """Kazakh Cyrillic → 2021 Latin, letter by letter, keeping case and other characters.

    A two-letter output (ю → iu) is written all in capitals inside an all-capital word
    (ЮНЕСКО → IUNESKO) and with only its first letter capital otherwise (Юрта → Iurta).
    """
    out: list[str] = []
    for index, char in enumerate(text):
        small = char.lower()
        if small not in TO_LATIN:
            out.append(char)
            continue
        latin = TO_LATIN[small]
        if char != small:
            if char in UPPER_EXCEPTIONS:
                latin = UPPER_EXCEPTIONS[char]
            elif latin:
                before = text[index - 1] if index else ""
                after = text[index + 1] if index + 1 < len(text) else ""
                all_caps = _is_capital(after) or (
                    _is_capital(before) and not (after.isalpha() and after.islower())
                )
                latin = latin.upper() if all_caps else latin[0].upper() + latin[1:]
        out.append(latin)
    return unicodedata.normalize("NFC", "".join(out))


def _load() -> tuple[list[str], list[dict[str, str]]]:
    raw = TSV.read_bytes()
    text = raw.decode("utf-8")  # fails loudly on anything but UTF-8
    lines = text.split("\n")
    assert lines[-1] == "", "the file must end with a newline"
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:-1], start=2):
        cells = line.split("\t")
        assert len(cells) == len(HEADER), f"line {number}: {len(cells)} cells, not {len(HEADER)}"
        row = dict(zip(HEADER, cells, strict=True))
        row["_line"] = str(number)
        rows.append(row)
    return header, rows


HEADER_READ, ROWS = _load()


def _where(row: dict[str, str], column: str) -> str:
    return f"line {row['_line']} ({row['id']}), {column}"


def _terms(cell: str) -> list[str]:
    return cell.split(SEPARATOR)


def _fail_if(problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems[:40]))


def test_header_is_exact() -> None:
    assert HEADER_READ == HEADER


def test_file_is_nfc_without_bom_or_crlf() -> None:
    text = TSV.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    assert unicodedata.normalize("NFC", text) == text


def test_at_least_150_concepts_covering_every_subject() -> None:
    assert len(ROWS) >= 150
    counts = Counter(row["subject"] for row in ROWS)
    assert set(counts) == SUBJECTS, f"subjects missing: {SUBJECTS - set(counts)}"


def test_ids_are_unique_slugs() -> None:
    ids = [row["id"] for row in ROWS]
    duplicates = [name for name, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    bad = [name for name in ids if not SLUG.fullmatch(name)]
    assert not bad, f"ids that are not lowercase ASCII slugs: {bad}"


def test_required_cells_are_filled_and_controlled_values_are_known() -> None:
    problems = [
        f"{_where(row, column)}: empty" for row in ROWS for column in REQUIRED if not row[column]
    ]
    problems += [
        f"{_where(row, 'subject')}: unknown subject {row['subject']!r}"
        for row in ROWS
        if row["subject"] not in SUBJECTS
    ]
    problems += [
        f"{_where(row, 'pos')}: unknown part of speech {row['pos']!r}"
        for row in ROWS
        if row["pos"] not in POS
    ]
    _fail_if(problems)


def test_no_stray_spaces() -> None:
    problems = []
    for row in ROWS:
        for column in HEADER:
            cell = row[column]
            if cell != cell.strip():
                problems.append(f"{_where(row, column)}: leading or trailing space")
            if "  " in cell:
                problems.append(f"{_where(row, column)}: double space")
            # Plain spaces only, also in French typography, so that matching stays simple.
            if "\u00a0" in cell or "\u202f" in cell:
                problems.append(f"{_where(row, column)}: no-break space")
    _fail_if(problems)


def test_term_separator_is_well_formed() -> None:
    problems = []
    for row in ROWS:
        for column in LANGUAGE_COLUMNS:
            cell = row[column]
            terms = _terms(cell)
            if "|" in cell.replace(SEPARATOR, ""):
                problems.append(f"{_where(row, column)}: '|' without single spaces around it")
            problems.extend(
                f"{_where(row, column)}: empty or padded term {term!r}"
                for term in terms
                if not term or term != term.strip()
            )
            if len(set(terms)) != len(terms):
                problems.append(f"{_where(row, column)}: the same term twice")
    _fail_if(problems)


def test_kk_and_kk_latn_have_the_same_number_of_terms() -> None:
    problems = [
        f"{_where(row, 'kk-Latn')}: {len(_terms(row['kk-Latn']))} terms, "
        f"kk has {len(_terms(row['kk']))}"
        for row in ROWS
        if len(_terms(row["kk"])) != len(_terms(row["kk-Latn"]))
    ]
    _fail_if(problems)


def _kk_word_problem(word: str) -> str | None:
    cyrillic = [c for c in word if "\u0400" <= c <= "\u04ff"]
    latin = [c for c in word if c.isascii() and c.isalpha()]
    if cyrillic and latin:
        return f"mixes Cyrillic and Latin letters in {word!r}"
    if latin and not (word.isascii() and word.isupper()):
        return f"Latin letters outside an upper-case acronym in {word!r}"
    others = [c for c in cyrillic if c.lower() not in KK_CYRILLIC]
    if others:
        return f"letters outside the Kazakh alphabet {others} in {word!r}"
    return None


def test_kk_cells_are_kazakh_cyrillic() -> None:
    problems = []
    for row in ROWS:
        for word in re.split(r"[\s\-.,:;!?()«»\"'’/|]+", row["kk"]):
            if not word:
                continue
            if any(not (c.isalpha() or c.isdigit()) for c in word):
                problems.append(f"{_where(row, 'kk')}: unexpected character in {word!r}")
                continue
            problem = _kk_word_problem(word)
            if problem:
                problems.append(f"{_where(row, 'kk')}: {problem}")
    _fail_if(problems)


def test_kk_latn_cells_use_only_the_2021_alphabet() -> None:
    allowed = set(KK_LATIN) | PUNCTUATION | {"|"}
    problems = [
        f"{_where(row, 'kk-Latn')}: characters outside the 2021 alphabet "
        f"{sorted(set(row['kk-Latn']) - allowed)}"
        for row in ROWS
        if set(row["kk-Latn"]) - allowed
    ]
    _fail_if(problems)


def test_kk_latn_matches_kk_letter_by_letter() -> None:
    problems = []
    for row in ROWS:
        for cyrillic, latin in zip(_terms(row["kk"]), _terms(row["kk-Latn"]), strict=False):
            expected = to_latin(cyrillic)
            if latin != expected:
                problems.append(
                    f"{_where(row, 'kk-Latn')}: {latin!r}, the table gives {expected!r}"
                )
    _fail_if(problems)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Қазақстан", "Qazaqstan"),
        ("Ұлттық аударма бюросы", "Ūlttyq audarma biurosy"),
        ("Іле", "Ile"),
        ("ілім", "ılım"),
        ("Ишим", "İşim"),
        ("күй", "küi"),
        ("жаңғыру", "jañğyru"),
        ("Әуезов", "Äuezov"),
        ("Һ", "H"),
        ("ЮНЕСКО", "IUNESKO"),
        ("Юрта", "Iurta"),
        ("Қазақфильм", "Qazaqfilm"),
        ("концерт", "konsert"),
        ("ISBN", "ISBN"),
    ],
)
def test_the_letter_table_itself(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_zh_cells_are_chinese() -> None:
    problems = []
    for row in ROWS:
        cell = row["zh"]
        if not re.search(r"[\u4e00-\u9fff]", cell):
            problems.append(f"{_where(row, 'zh')}: no CJK ideograph")
        if re.search(r"[\u0400-\u04ff\u0600-\u06ff]", cell):
            problems.append(f"{_where(row, 'zh')}: Cyrillic or Arabic letters")
    _fail_if(problems)


def test_ar_cells_are_arabic() -> None:
    problems = []
    for row in ROWS:
        problems.extend(
            f"{_where(row, 'ar')}: no Arabic letter in {term!r}"
            for term in _terms(row["ar"])
            if not re.search(r"[\u0621-\u064a]", term)
        )
        if re.search(r"[\u0400-\u04ff\u4e00-\u9fff]", row["ar"]):
            problems.append(f"{_where(row, 'ar')}: Cyrillic or CJK characters")
    _fail_if(problems)


def test_latin_script_columns_hold_no_other_script() -> None:
    problems = [
        f"{_where(row, column)}: Cyrillic, Arabic or CJK characters"
        for row in ROWS
        for column in ("en", "fr", "es")
        if re.search(r"[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff]", row[column])
    ]
    problems += [
        f"{_where(row, 'ru')}: Latin letters in a Russian cell"
        for row in ROWS
        if re.search(r"[A-Za-z]", row["ru"].replace("ISBN", ""))
    ]
    _fail_if(problems)


def test_forbidden_variants_name_a_known_language() -> None:
    known = set(LANGUAGE_COLUMNS)
    problems = [
        f"{_where(row, 'note')}: forbidden({tag}) is not a column of the termbase"
        for row in ROWS
        for tag in re.findall(r"forbidden\(([^)]*)\)", row["note"])
        if tag not in known
    ]
    _fail_if(problems)


def test_preferred_kk_terms_are_not_shared_between_concepts() -> None:
    preferred = Counter(_terms(row["kk"])[0] for row in ROWS)
    shared = [term for term, count in preferred.items() if count > 1]
    assert not shared, f"preferred kk terms used by more than one concept: {shared}"
