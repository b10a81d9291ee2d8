"""A work's text in one edition language: direct, or through transliteration.

:class:`Source` picks the document for an edition language (kk-Latn and kk-Arab
are made from the Kazakh Cyrillic text through :mod:`kazlit.translit` when the work
has no such document), and checks every text it hands out for characters that XML
cannot carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kazlit.corpus import Work
from kazlit.errors import PublishError
from kazlit.publish.edition import EditionOptions, epub_lang

__all__ = ["Source", "Transliterate"]

Transliterate = Callable[[str], str]


class Source:
    """A work's text in one edition language, transliterated when that is the way."""

    def __init__(self, work: Work, tag: str, opts: EditionOptions) -> None:
        self.work = work
        self.tag = tag
        self.epub = epub_lang(tag)
        self.scheme: str | None = None
        self.convert: Transliterate | None = None
        if tag in work.documents:
            self.document = work.documents[tag]
        elif tag in {"kk-Latn", "kk-Arab"} and "kk-Cyrl" in work.documents:
            self.scheme = opts.scheme or ("2021" if tag == "kk-Latn" else None)
            if self.scheme is None:
                raise PublishError(
                    f"work {work.id!r} has no kk-Arab text and no scheme was given to "
                    "transliterate its Kazakh Cyrillic text",
                    hint="pass the name of a Cyrillic-to-Arabic scheme (--scheme)",
                )
            self.convert = _transliterator(self.scheme)
            self.document = work.documents["kk-Cyrl"]
        else:
            raise PublishError(
                f"work {work.id!r} has no {tag} translation",
                hint=f"it has: {', '.join(work.languages)}; add {tag} text to the work "
                "folder or choose one of these",
            )

    def text(self, text: str, line: int = 0) -> str:
        _check_characters(text, self, line)
        return self.convert(text) if self.convert else text

    def title(self) -> str:
        titles = self.work.meta.titles
        if self.tag in titles:
            return self.text(titles[self.tag]) if self.convert is None else titles[self.tag]
        if self.convert is not None and "kk-Cyrl" in titles:
            return self.convert(titles["kk-Cyrl"])
        raise PublishError(
            f"work {self.work.id!r} has no {self.tag} title",
            hint=f"add {self.tag} under [title] in its work.toml",
        )

    def subtitle(self) -> str | None:
        subs = self.work.meta.subtitles
        if self.tag in subs:
            return subs[self.tag]
        if self.convert is not None and "kk-Cyrl" in subs:
            return self.convert(subs["kk-Cyrl"])
        return None


# Characters XML 1.0 does not allow (section 2.2): C0 controls but tab, LF and CR,
# surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_characters(text: str, source: Source, line: int) -> None:
    found = _NOT_XML.search(text)
    if found is None:
        return
    where = source.document.path or f"the {source.tag} text of {source.work.id!r}"
    at = f", line {line}" if line else ""
    raise PublishError(
        f"{where}{at}: character U+{ord(found.group()):04X} cannot appear in an EPUB "
        f"(XML 1.0 forbids it), in {text[max(0, found.start() - 20) : found.start()]!r}",
        hint="remove the control character from the text",
    )


def _transliterator(scheme: str) -> Transliterate:
    from kazlit import translit  # noqa: PLC0415 - only Latin/Arabic editions need it

    translit.scheme_info(scheme)  # TransliterationError names the known schemes
    convert = translit.transliterate

    def run(text: str) -> str:
        result: str = convert(text, scheme=scheme)
        return result

    return run
