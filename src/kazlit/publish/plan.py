"""Planning an edition from corpus works: every check on the input happens here.

:func:`plan_edition` (one work, one language, optionally a parallel language) and
:func:`plan_anthology` (several works) turn corpus :class:`~kazlit.corpus.Work`
objects into an :class:`~kazlit.publish.edition.Edition`. A missing translation,
an unknown language, a bad ISBN or an unknown transliteration scheme fails here,
before a byte is written.
"""

from __future__ import annotations

import datetime as _dt
import os
import uuid
from collections.abc import Sequence

from kazlit import lang as _lang
from kazlit._version import __version__
from kazlit.corpus import Bitext, Document, Person, Work
from kazlit.errors import LanguageError, PublishError
from kazlit.publish.cover import read_cover_image
from kazlit.publish.edition import (
    ANTHOLOGY_TITLES,
    PAGE_CHARACTERS,
    Contributor,
    Edition,
    EditionKind,
    EditionOptions,
    Para,
    Section,
    Text,
    epub_lang,
)
from kazlit.publish.fonts import check_font_files
from kazlit.publish.isbn import normalize_isbn
from kazlit.publish.labels import labels_for
from kazlit.publish.source import Source

__all__ = ["plan_anthology", "plan_edition"]


def plan_edition(
    work: Work,
    lang: str,
    *,
    parallel_with: str | None = None,
    bitext: Bitext | None = None,
    options: EditionOptions | None = None,
) -> Edition:
    """Plan the edition of *work* in *lang*, bilingual when *parallel_with* is given.

    A bilingual edition pairs the paragraphs of the two documents by their shared
    chapter and paragraph structure (:attr:`~kazlit.corpus.Document.shape`), or the
    sentences of *bitext* (from :mod:`kazlit.align`) when given. Raises
    :class:`~kazlit.errors.PublishError` for a missing translation, a mismatch the
    default alignment cannot pair, or bad options; :class:`~kazlit.errors.LanguageError`
    for an unknown language.
    """
    opts = options or EditionOptions()
    tag = _canonical(lang)
    source = Source(work, tag, opts)
    parallel_source = None
    if parallel_with is not None:
        ptag = _canonical(parallel_with)
        if ptag == tag:
            raise PublishError(
                f"a bilingual edition needs two languages, got {tag} twice",
                hint="use --parallel-with kk with --lang en, for instance",
            )
        parallel_source = Source(work, ptag, opts)
    isbn = normalize_isbn(opts.isbn) if opts.isbn else None
    if opts.fonts:
        check_font_files(opts.fonts)
    title_text = opts.title or source.title()
    titles = [Text(title_text, source.epub)]
    subtitles = [Text(opts.subtitle or s, source.epub) for s in [source.subtitle()] if s]
    if parallel_source is not None:
        titles.append(Text(parallel_source.title(), parallel_source.epub))
    pager = _Pager(enabled=opts.page_list)
    if parallel_source is None:
        sections = _monolingual_sections(source, pager, prefix="")
        kind: EditionKind = "monolingual"
    else:
        sections = _bilingual_sections(parallel_source, source, bitext, pager)
        kind = "bilingual"
    creators, contributors = _people(work, source, parallel_source)
    date, modified = _dates(opts, work.meta.year)
    provenance = _provenance(opts, source, parallel_source, kind)
    return Edition(
        kind=kind,
        lang=source.epub,
        parallel=parallel_source.epub if parallel_source else None,
        identifier=_identifier(isbn, kind, source.epub, [work.id], parallel_source),
        isbn=isbn,
        titles=tuple(titles),
        subtitles=tuple(subtitles),
        creators=creators,
        contributors=contributors,
        sections=tuple(sections),
        date=date,
        modified=modified,
        options=opts,
        work_ids=(work.id,),
        provenance=provenance,
        original_lang=epub_lang(work.meta.original_language),
        pages=pager.page,
        labels=_labels(source),
        cover_image=read_cover_image(opts.cover) if opts.cover else None,
    )


def plan_anthology(
    works: Sequence[Work],
    lang: str,
    *,
    options: EditionOptions | None = None,
) -> Edition:
    """Plan an anthology of *works* in *lang*: one part per work, in the order given.

    Every work must have a text in *lang* (or, for kk-Latn and kk-Arab, a Kazakh text
    to transliterate); otherwise :class:`~kazlit.errors.PublishError` names each work
    that lacks it.
    """
    opts = options or EditionOptions()
    if not works:
        raise PublishError("an anthology needs at least one work", hint="check the corpus folder")
    tag = _canonical(lang)
    ids = [w.id for w in works]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise PublishError(f"the same work twice in an anthology: {', '.join(dup)}")
    sources: list[Source] = []
    missing: list[str] = []
    for work in works:
        try:
            sources.append(Source(work, tag, opts))
        except PublishError:
            missing.append(work.id)
    if missing:
        raise PublishError(
            f"{len(missing)} of {len(works)} works have no {tag} text: {', '.join(missing)}",
            hint="translate them first, or leave them out of the anthology",
        )
    isbn = normalize_isbn(opts.isbn) if opts.isbn else None
    if opts.fonts:
        check_font_files(opts.fonts)
    epub = epub_lang(tag)
    title = opts.title or _anthology_title(tag, sources[0])
    pager = _Pager(enabled=opts.page_list)
    sections: list[Section] = []
    authors: dict[str, Contributor] = {}
    for number, source in enumerate(sources, start=1):
        creators, _ = _people(source.work, source, None)
        for person in creators:
            authors.setdefault(person.name.text, person)
        byline = tuple(c.name for c in creators)
        sections.append(
            Section(
                f"w{number:03d}",
                "part",
                (Text(source.title(), epub),),
                byline=byline,
                part=number,
            )
        )
        sections += _monolingual_sections(source, pager, prefix=f"w{number:03d}-", part=number)
    years = [w.meta.year for w in works if w.meta.year is not None]
    date, modified = _dates(opts, max(years) if years else None)
    editor_roles = ("edt", "com")
    creators_out = tuple(a for a in authors.values() if a.role not in editor_roles)
    return Edition(
        kind="anthology",
        lang=epub,
        parallel=None,
        identifier=_identifier(isbn, "anthology", epub, ids, None),
        isbn=isbn,
        titles=(Text(title, epub),),
        subtitles=(Text(opts.subtitle, epub),) if opts.subtitle else (),
        creators=creators_out,
        contributors=(),
        sections=tuple(sections),
        date=date,
        modified=modified,
        options=opts,
        work_ids=tuple(ids),
        provenance=_provenance(opts, sources[0], None, "anthology"),
        original_lang="kk",
        pages=pager.page,
        labels=_labels(sources[0]),
        cover_image=read_cover_image(opts.cover) if opts.cover else None,
    )


def _labels(source: Source) -> dict[str, Text]:
    return labels_for(source.tag, source.convert)


def _canonical(lang: str) -> str:
    try:
        return _lang.normalize(lang)
    except LanguageError as exc:
        raise LanguageError(
            f"no edition language {lang!r}: {exc.message}",
            hint=exc.hint,
        ) from exc


class _Pager:
    """Counts characters and numbers pages (see :data:`PAGE_CHARACTERS`)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.page = 0
        self.filled = PAGE_CHARACTERS  # the first paragraph opens page 1

    def before(self, size: int) -> int:
        """The page number that starts before a paragraph of *size* characters, or 0."""
        if not self.enabled:
            return 0
        started = 0
        if self.filled >= PAGE_CHARACTERS:
            self.page += 1
            self.filled = 0
            started = self.page
        self.filled += size
        return started


def _monolingual_sections(
    source: Source, pager: _Pager, *, prefix: str, part: int = 0
) -> list[Section]:
    sections: list[Section] = []
    for number, chapter in enumerate(source.document.chapters, start=1):
        paras = tuple(
            Para(
                (Text(source.text(block.text, block.line), source.epub),),
                pager.before(len(block.text)),
            )
            for block in chapter.blocks
        )
        title = source.text(chapter.title) if chapter.title else _untitled(source, number)
        sections.append(
            Section(
                f"{prefix}c{number:03d}", "chapter", (Text(title, source.epub),), paras, (), part
            )
        )
    return sections


def _untitled(source: Source, number: int) -> str:
    # A chapter without a heading still needs a heading and a toc entry: its number.
    return str(number) if len(source.document.chapters) > 1 else source.title()


def _bilingual_sections(
    original: Source, translation: Source, bitext: Bitext | None, pager: _Pager
) -> list[Section]:
    """Pairs of (original, translation), the original first in each pair."""
    odoc, tdoc = original.document, translation.document
    if bitext is not None:
        chapters = _pairs_from_bitext(bitext, original, translation)
    else:
        if odoc.shape != tdoc.shape:
            raise PublishError(
                f"work {original.work.id!r}: the {translation.tag} text does not match the "
                f"{original.tag} text paragraph for paragraph (chapters and paragraphs "
                f"{_shape(tdoc)} against {_shape(odoc)})",
                hint="finish the translation, or align the texts with kazlit.align and "
                "pass the Bitext",
            )
        chapters = [
            [
                (original.text(ob.text, ob.line), translation.text(tb.text, tb.line))
                for ob, tb in zip(och.blocks, tch.blocks, strict=True)
            ]
            for och, tch in zip(odoc.chapters, tdoc.chapters, strict=True)
        ]
    sections: list[Section] = []
    for number, pairs in enumerate(chapters, start=1):
        och = odoc.chapters[number - 1] if number <= len(odoc.chapters) else None
        tch = tdoc.chapters[number - 1] if number <= len(tdoc.chapters) else None
        ttitle = translation.text(tch.title) if tch and tch.title else str(number)
        otitle = original.text(och.title) if och and och.title else ""
        title = [Text(ttitle, translation.epub)]
        if otitle:
            title.append(Text(otitle, original.epub))
        paras = []
        for otext, ttext in pairs:
            texts = tuple(
                Text(t, lang)
                for t, lang in ((otext, original.epub), (ttext, translation.epub))
                if t
            )
            paras.append(Para(texts, pager.before(len(ttext or otext))))
        sections.append(Section(f"c{number:03d}", "chapter", tuple(title), tuple(paras)))
    return sections


def _pairs_from_bitext(
    bitext: Bitext, original: Source, translation: Source
) -> list[list[tuple[str, str]]]:
    if (bitext.src_lang, bitext.tgt_lang) != (original.tag, translation.tag):
        raise PublishError(
            f"the bitext aligns {bitext.src_lang} with {bitext.tgt_lang}, the edition needs "
            f"{original.tag} with {translation.tag}",
            hint="align the original (source) with the edition's language (target)",
        )
    chapters: dict[int, list[tuple[str, str]]] = {}
    for src_text, tgt_text, bead in bitext.pairs():
        if not src_text and not tgt_text:
            continue
        first = bitext.src[bead.src[0]] if bead.src else bitext.tgt[bead.tgt[0]]
        chapters.setdefault(first.chapter, []).append(
            (original.text(src_text), translation.text(tgt_text))
        )
    if not chapters:
        raise PublishError("the bitext aligns nothing", hint="check the aligner's output")
    return [chapters[k] for k in sorted(chapters)]


def _shape(doc: Document) -> str:
    return "/".join(str(n) for n in doc.shape) or "none"


def _file_as(name: str) -> str:
    """A sort name: the last word first ("Surname, Given names").

    Kazakh names in work.toml are written given name first; a name of one word (or
    a collective name such as a project) sorts as written.
    """
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[-1]}, {' '.join(words[:-1])}"


def _contributor(person: Person, source: Source, role: str | None = None) -> Contributor:
    latin_edition = source.tag in {"kk-Latn", "en", "fr", "es"}
    native = Text(person.name, epub_lang("kk-Cyrl") if _is_cyrillic(person.name) else "und")
    latin = Text(person.name_latn, "kk-Latn") if person.name_latn else None
    shown: Text | None
    other: Text | None
    if latin_edition and latin is not None:
        shown, other = latin, native
    elif source.convert is not None and latin is None:
        shown, other = Text(source.text(person.name), source.epub), native
    else:
        shown, other = native, latin
    if shown is None or shown.lang == "und":
        shown = Text(person.name, source.epub)
    if other is not None and other.lang == "und":
        other = None
    return Contributor(shown, role or person.role, _file_as(shown.text), other)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _people(
    work: Work, source: Source, parallel: Source | None
) -> tuple[tuple[Contributor, ...], tuple[Contributor, ...]]:
    creators = tuple(_contributor(p, source) for p in work.meta.authors if p.role == "aut")
    others = [_contributor(p, source) for p in work.meta.authors if p.role != "aut"]
    for tag in (source.tag, parallel.tag if parallel else None):
        if tag is None:
            continue
        others += [_contributor(p, source, "trl") for p in work.meta.translators.get(tag, ())]
    return creators, tuple(others)


def _dates(opts: EditionOptions, year: int | None) -> tuple[str, str]:
    if opts.date is not None:
        try:
            date = _dt.date.fromisoformat(opts.date).isoformat()
        except ValueError as exc:
            raise PublishError(
                f"invalid publication date {opts.date!r}", hint="write it as YYYY-MM-DD"
            ) from exc
    else:
        date = f"{year:04d}-01-01" if year else "1980-01-01"
    if opts.modified is not None:
        try:
            stamp = _dt.datetime.fromisoformat(opts.modified.replace("Z", "+00:00"))
        except ValueError as exc:
            raise PublishError(
                f"invalid modification time {opts.modified!r}",
                hint="write it as YYYY-MM-DDTHH:MM:SSZ",
            ) from exc
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=_dt.UTC)
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        raw = os.environ["SOURCE_DATE_EPOCH"]
        try:
            stamp = _dt.datetime.fromtimestamp(int(raw), tz=_dt.UTC)
        except ValueError as exc:
            raise PublishError(
                f"SOURCE_DATE_EPOCH={raw!r} is not a whole number of seconds"
            ) from exc
    else:
        stamp = _dt.datetime.fromisoformat(date).replace(tzinfo=_dt.UTC)
    # Zip times cannot be earlier than 1980-01-01.
    floor = _dt.datetime(1980, 1, 1, tzinfo=_dt.UTC)
    stamp = max(stamp.astimezone(_dt.UTC), floor)
    return date, stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def _identifier(
    isbn: str | None, kind: str, epub: str, ids: Sequence[str], parallel: Source | None
) -> str:
    if isbn:
        return f"urn:isbn:{isbn}"
    key = "|".join(["kazlit", kind, epub, parallel.epub if parallel else "", *ids])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _anthology_title(tag: str, source: Source) -> str:
    if tag in ANTHOLOGY_TITLES:
        return ANTHOLOGY_TITLES[tag]
    if source.convert is not None:
        return source.convert(ANTHOLOGY_TITLES["kk-Cyrl"])
    raise PublishError(f"no default anthology title in {tag}", hint="give a title")


def _provenance(
    opts: EditionOptions, source: Source, parallel: Source | None, kind: str
) -> dict[str, str]:
    out = {"generator": f"kazlit {__version__}", "edition": kind}
    scheme = source.scheme or (parallel.scheme if parallel else None)
    if scheme:
        out["scheme"] = scheme
    settings = [f"page-list={'yes' if opts.page_list else 'no'}"]
    if kind == "bilingual":
        settings.append(f"layout={opts.layout}")
    if opts.fonts:
        settings.append("fonts=subset" + ("+obfuscated" if opts.obfuscate_fonts else ""))
    out["settings"] = " ".join(settings)
    return out
