"""Editions built without Java: structure, languages, metadata, reproducibility, errors."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from tests.publish.fixtures import make_work, tiny_work
from tests.publish.helpers import OPF, XHTML, XML_LANG, entries, meta, opf, xhtml_documents

from kazlit.corpus import Bead, Bitext, Segment, Work
from kazlit.errors import LanguageError, PublishError
from kazlit.publish import (
    EditionOptions,
    Subject,
    build_epub,
    plan_anthology,
    plan_edition,
    write_epub,
)

BLOCKS = {"p", "h1", "h2", "li"}
OPTIONS = EditionOptions(
    isbn="978-0-306-40615-7",
    publisher="Kazlit Press",
    rights="CC0-1.0",
    subjects=(Subject("FBA", "Modern and contemporary fiction"),),
    series="Kazakh Literature in Translation",
    series_position=3,
)


def all_editions(work: Work) -> dict[str, bytes]:
    return {
        "kk": build_epub(plan_edition(work, "kk", options=OPTIONS)),
        "ru": build_epub(plan_edition(work, "ru")),
        "en": build_epub(plan_edition(work, "en")),
        "zh": build_epub(plan_edition(work, "zh")),
        "ar": build_epub(plan_edition(work, "ar")),
        "en+kk": build_epub(plan_edition(work, "en", parallel_with="kk")),
        "ar+kk": build_epub(plan_edition(work, "ar", parallel_with="kk")),
        "anthology": build_epub(plan_anthology([tiny_work(i) for i in range(3)], "en")),
    }


def test_lang_equals_xml_lang_on_every_document_and_block(work: Work) -> None:
    for kind, data in all_editions(work).items():
        for name, root in xhtml_documents(data).items():
            assert root.get("lang"), (kind, name)
            assert root.get("lang") == root.get(XML_LANG), (kind, name)
            for element in root.iter(*(XHTML + b for b in BLOCKS)):
                assert element.get("lang"), (kind, name, element.text)
                assert element.get("lang") == element.get(XML_LANG), (kind, name)


def test_bilingual_pairs_carry_their_own_language_original_first(work: Work) -> None:
    data = build_epub(plan_edition(work, "ar", parallel_with="kk"))
    chapter = xhtml_documents(data)["EPUB/text/c001.xhtml"]
    pairs = chapter.findall(f".//{XHTML}div")
    assert len(pairs) == 2
    for pair in pairs:
        original, translation = pair.findall(f"{XHTML}p")
        assert (original.get("lang"), original.get("class")) == ("kk", "original")
        assert (translation.get("lang"), translation.get("dir")) == ("ar", "rtl")
        assert "translation" in (translation.get("class") or "")
    assert chapter.get("dir") == "rtl"
    assert "أشعلت الجدة" in "".join(chapter.itertext())


def test_arabic_is_right_to_left_and_others_are_not(work: Work) -> None:
    editions = all_editions(work)
    for kind in ("ar", "ar+kk"):
        package = opf(editions[kind])
        assert package.find("opf:spine", OPF).get("page-progression-direction") == "rtl"
        assert package.get("dir") == "rtl"
        for root in xhtml_documents(editions[kind]).values():
            assert root.get("dir") == "rtl"
    for kind in ("kk", "zh", "en+kk"):
        assert opf(editions[kind]).find("opf:spine", OPF).get("page-progression-direction") is None


def test_css_per_script(work: Work) -> None:
    editions = all_editions(work)
    zh_css = entries(editions["zh"])["EPUB/css/book.css"].decode()
    assert "line-break: strict" in zh_css
    assert "hanging-punctuation" in zh_css
    ar_css = entries(editions["ar"])["EPUB/css/book.css"].decode()
    assert ":lang(ar)" in ar_css
    assert "line-break: strict" not in ar_css


def test_package_metadata(work: Work) -> None:
    package = opf(build_epub(plan_edition(work, "ru", options=OPTIONS)))
    assert package.get(XML_LANG) == "ru"
    assert package.findtext("opf:metadata/dc:identifier", namespaces=OPF) == (
        "urn:isbn:9780306406157"
    )
    titles = {t.text for t in package.iterfind(".//dc:title", OPF)}
    assert titles == {"Белый снег", "Рассказ"}
    assert meta(package, "title-type") == ["main", "subtitle"]
    assert [c.text for c in package.iterfind(".//dc:creator", OPF)] == ["Ғалым Өтеуов"]
    assert meta(package, "role") == ["aut", "trl"]
    assert meta(package, "file-as") == ["Өтеуов, Ғалым", "Ким, Анна"]
    alternates = package.findall(".//opf:meta[@property='alternate-script']", OPF)
    assert [(m.text, m.get(XML_LANG)) for m in alternates] == [
        ("Ğalym Öteuov", "kk-Latn"),
        ("Anna Kim", "kk-Latn"),
    ]
    assert meta(package, "term") == ["FBA"]
    assert meta(package, "authority") == ["THEMA"]
    assert meta(package, "belongs-to-collection") == ["Kazakh Literature in Translation"]
    assert meta(package, "group-position") == ["3"]
    assert meta(package, "dcterms:modified") == ["2026-01-01T00:00:00Z"]
    assert meta(package, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    for prop in (
        "schema:accessMode",
        "schema:accessModeSufficient",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
    ):
        assert meta(package, prop), prop
    assert meta(package, "kazlit:generator")[0].startswith("kazlit ")
    assert package.findtext(".//dc:publisher", namespaces=OPF) == "Kazlit Press"


def test_nav_has_doc_toc_landmarks_and_page_list(work: Work) -> None:
    data = build_epub(plan_edition(work, "kk"))
    nav = xhtml_documents(data)["EPUB/text/nav.xhtml"]
    navs = {n.get("id"): n for n in nav.iter(XHTML + "nav")}
    assert navs["toc"].get("role") == "doc-toc"
    toc_titles = [a.text for a in navs["toc"].iter(XHTML + "a")]
    assert toc_titles == ["Титул беті", "Бірінші тарау. Дала", "Екінші тарау. Жол"]
    assert "landmarks" in navs
    page_targets = [a.get("href") for a in navs["page-list"].iter(XHTML + "a")]
    assert page_targets[0] == "c001.xhtml#page-1"
    documents = xhtml_documents(data)
    for target in page_targets:
        name, anchor = target.split("#")
        ids = {e.get("id") for e in documents[f"EPUB/text/{name}"].iter()}
        assert anchor in ids


def test_every_document_has_a_real_title_and_the_cover_has_alt_text(work: Work) -> None:
    data = build_epub(plan_edition(work, "zh"))
    for name, root in xhtml_documents(data).items():
        title = root.findtext(f"{XHTML}head/{XHTML}title")
        assert title
        assert not title.endswith(".xhtml"), name
    cover = xhtml_documents(data)["EPUB/text/cover.xhtml"]
    img = next(cover.iter(XHTML + "img"))
    assert img.get("alt") == "白雪 — Ғалым Өтеуов"
    svg = entries(data)["EPUB/images/cover.svg"].decode()
    assert "白雪" in svg
    manifest = opf(data).find(".//opf:item[@properties='cover-image']", OPF)
    assert manifest.get("media-type") == "image/svg+xml"


def test_semantics_have_matching_roles(work: Work) -> None:
    data = build_epub(plan_anthology([tiny_work(i) for i in range(2)], "kk"))
    epub_type = "{http://www.idpf.org/2007/ops}type"
    expected = {"chapter": "doc-chapter", "part": "doc-part", "pagebreak": "doc-pagebreak"}
    seen = set()
    for root in xhtml_documents(data).values():
        for element in root.iter():
            kind = element.get(epub_type)
            if kind in expected:
                assert element.get("role") == expected[kind]
                seen.add(kind)
    assert seen == set(expected)


def test_rebuilds_are_byte_identical(work: Work, tmp_path: Path) -> None:
    first = write_epub(plan_edition(work, "en", parallel_with="kk"), tmp_path / "a.epub")
    second = write_epub(plan_edition(make_work(), "en", parallel_with="kk"), tmp_path / "b.epub")
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    assert digest[0] == digest[1]


def test_container_layout_and_fixed_times(work: Work, monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_epub(plan_edition(work, "kk"))
    assert data[30:38] == b"mimetype"
    assert data[38:58] == b"application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert {i.date_time for i in infos} == {(2026, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28T20:26:40Z
    later = build_epub(plan_edition(work, "kk"))
    with zipfile.ZipFile(io.BytesIO(later)) as archive:
        assert archive.infolist()[3].date_time == (2026, 5, 28, 20, 26, 40)
    assert meta(opf(later), "dcterms:modified") == ["2026-05-28T20:26:40Z"]


def test_anthology_has_a_part_per_work_and_a_collection() -> None:
    works = [tiny_work(i) for i in range(50)]
    data = build_epub(plan_anthology(works, "en"))
    package = opf(data)
    assert meta(package, "belongs-to-collection") == ["Contemporary Kazakh Literature"]
    assert meta(package, "collection-type") == ["set"]
    documents = xhtml_documents(data)
    parts = [n for n in documents if n.startswith("EPUB/text/w") and n.count("-") == 0]
    assert len(parts) == 50
    nav = documents["EPUB/text/nav.xhtml"]
    toc = next(n for n in nav.iter(XHTML + "nav") if n.get("id") == "toc")
    assert len(toc.findall(f"{XHTML}ol/{XHTML}li")) == 51  # title page + 50 parts


def test_bilingual_from_a_bitext_pairs_sentences(work: Work) -> None:
    src = (
        Segment("c1.p1.s1", "Таң атқанда ауылдың үстіне ақ қар жауды.", 1, 1),
        Segment("c1.p1.s2", "Дала бір түнде ағарып шықты.", 1, 1),
    )
    tgt = (
        Segment("c1.p1.s1", "At dawn white snow fell over the village.", 1, 1),
        Segment("c1.p1.s2", "In a single night the steppe turned white.", 1, 1),
    )
    bitext = Bitext("kk", "en", src, tgt, (Bead((0,), (0,)), Bead((1,), (1,))))
    data = build_epub(plan_edition(work, "en", parallel_with="kk", bitext=bitext))
    chapter = xhtml_documents(data)["EPUB/text/c001.xhtml"]
    pairs = [[p.text for p in div] for div in chapter.iter(XHTML + "div")]
    assert pairs == [[s.text, t.text] for s, t in zip(src, tgt, strict=True)]


@pytest.mark.parametrize(
    ("lang", "options", "error", "message"),
    [
        ("fr", EditionOptions(), PublishError, "no fr translation"),
        ("de", EditionOptions(), LanguageError, "unknown or unsupported language"),
        ("en", EditionOptions(isbn="978-0-306-40615-8"), PublishError, "should be 7"),
        ("en", EditionOptions(isbn="12345"), PublishError, "invalid ISBN"),
        ("en", EditionOptions(date="2026-13-01"), PublishError, "publication date"),
    ],
)
def test_bad_input_fails_before_anything_is_written(  # noqa: PLR0917 - pytest parameters
    work: Work,
    tmp_path: Path,
    lang: str,
    options: EditionOptions,
    error: type[Exception],
    message: str,
) -> None:
    target = tmp_path / "out.epub"
    with pytest.raises(error, match=message):
        write_epub(plan_edition(work, lang, options=options), target)
    assert list(tmp_path.iterdir()) == []


def test_missing_translation_in_a_bilingual_or_anthology_is_named() -> None:
    partial = make_work(("kk-Cyrl", "en"))
    shorter = Work(
        partial.meta,
        {
            "kk-Cyrl": partial.documents["kk-Cyrl"],
            "en": type(partial.documents["en"])("en", partial.documents["en"].chapters[:1]),
        },
    )
    with pytest.raises(PublishError, match="paragraph for paragraph") as info:
        plan_edition(shorter, "en", parallel_with="kk")
    assert info.value.hint is not None
    assert "kazlit.align" in info.value.hint
    works = [tiny_work(1), tiny_work(2, ("kk-Cyrl",)), tiny_work(3)]
    with pytest.raises(PublishError, match="1 of 3 works have no en text: work-002"):
        plan_anthology(works, "en")


def test_kk_latn_needs_transliteration() -> None:
    edition = plan_edition(make_work(), "kk-Latn", options=EditionOptions(scheme="2021"))
    assert edition.lang == "kk-Latn"
    assert edition.provenance["scheme"] == "2021"
    assert edition.titles[0].text == "Aq qar"
    text = " ".join(t.text for t in edition.all_texts())
    assert not any("\u0400" <= ch <= "\u04ff" for ch in text.replace("Ғалым Өтеуов", ""))
