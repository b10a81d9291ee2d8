"""Embedded fonts: found, checked, subset to the book's characters, optionally obfuscated.

Fonts come from the user (paths to ``.ttf``/``.otf``/``.ttc`` files) or, with
``"auto"``, from Debian's Noto packages: ``fonts-noto-core`` (Noto Serif for Latin
and Cyrillic, Noto Naskh Arabic) and ``fonts-noto-cjk`` (Noto Serif CJK SC). Each
font is subset with fontTools to the characters of the book it covers; a character
that no font covers is an error, raised before anything is written.

fontTools stamps the current time into a font's ``head`` table when it saves; kazlit
sets ``head.created`` and ``head.modified`` to the edition's fixed time and turns
that off, so the fonts (and the EPUB) are reproducible.

Obfuscation follows EPUB 3.3, OCF section 4.4 ("Font obfuscation"): the first 1040
bytes of the font are XORed with the SHA-1 of the package's unique identifier
(whitespace removed), and ``META-INF/encryption.xml`` names each font with the
algorithm ``http://www.idpf.org/2008/embedding``.
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kazlit._deps import require
from kazlit.errors import PublishError
from kazlit.publish.edition import Edition

__all__ = [
    "FONT_DIRS",
    "EmbeddedFont",
    "EmbeddedFonts",
    "FontGroup",
    "deobfuscate",
    "embed_fonts",
    "find_auto_fonts",
    "obfuscate",
    "obfuscation_key",
]

FontGroup = Literal["family", "arabic", "cjk"]

#: Where Debian installs the Noto fonts (fonts-noto-core, fonts-noto-cjk).
FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
)
_AUTO: dict[FontGroup, tuple[str, str, str]] = {
    # group: (file, family inside a collection or "", Debian package)
    "family": ("NotoSerif-Regular.ttf", "", "fonts-noto-core"),
    "arabic": ("NotoNaskhArabic-Regular.ttf", "", "fonts-noto-core"),
    "cjk": ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "fonts-noto-cjk"),
}
_OBFUSCATED_BYTES = 1040
# Seconds between the font epoch (1904-01-01) and the Unix epoch.
_FONT_EPOCH = 2082844800
ENCRYPTION_XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#">\n'
)


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    """A subset font ready for the container (``href`` relative to ``EPUB/``)."""

    family: str
    group: FontGroup
    href: str
    data: bytes
    media_type: str
    css_format: str
    characters: int


@dataclass(frozen=True, slots=True)
class EmbeddedFonts:
    """The fonts of an edition and, when obfuscated, ``META-INF/encryption.xml``."""

    fonts: tuple[EmbeddedFont, ...]
    encryption_xml: bytes | None = None


def _group_of(ch: str) -> FontGroup:
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if (
        0x3000 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
    ):
        return "cjk"
    return "family"


def _needed(text: str) -> set[str]:
    # Spaces and format controls need no glyph of their own in a reading system.
    return {ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"}}


def find_auto_fonts(characters: str) -> list[tuple[Path, str]]:
    """The Debian Noto fonts for *characters*: Noto Serif, plus Arabic and CJK if used.

    Raises :class:`~kazlit.errors.PublishError` naming the package to install.
    """
    groups: list[FontGroup] = ["family"]
    used = {_group_of(ch) for ch in _needed(characters)}
    groups += [g for g in ("arabic", "cjk") if g in used]
    found: list[tuple[Path, str]] = []
    for group in groups:
        name, family, package = _AUTO[group]
        for folder in FONT_DIRS:
            if (folder / name).is_file():
                found.append((folder / name, family))
                break
        else:
            raise PublishError(
                f"font {name} not found in {' or '.join(str(f) for f in FONT_DIRS)}",
                hint=f"install it (Debian: apt-get install {package}) or pass font files",
            )
    return found


def _open(path: Path, family: str) -> Any:
    """A fontTools TTFont for *path* (the member named *family* of a collection)."""
    ttlib = require("fontTools.ttLib", "epub", purpose="embedding fonts")
    if not path.is_file():
        raise PublishError(f"font file {path} does not exist", hint="check the --fonts paths")
    try:
        if path.suffix.lower() in {".ttc", ".otc"}:
            collection = ttlib.TTCollection(str(path), lazy=True)
            try:
                names = [_family(member) for member in collection.fonts]
            finally:
                collection.close()
            for number, name in enumerate(names):
                if not family or name == family:
                    return ttlib.TTFont(str(path), fontNumber=number)
            raise PublishError(f"no font {family!r} in the collection {path}")
        return ttlib.TTFont(str(path))
    except PublishError:
        raise
    except Exception as exc:  # fontTools raises many kinds of error on a bad file
        raise PublishError(
            f"{path} is not a font fontTools can read: {exc}",
            hint="pass TrueType or OpenType fonts (.ttf, .otf, .ttc)",
        ) from exc


def _family(font: Any) -> str:
    name = font["name"]
    for name_id in (16, 1):
        record = name.getDebugName(name_id)
        if record:
            return str(record)
    return "Embedded"


def embed_fonts(edition: Edition) -> EmbeddedFonts:
    """Subset the edition's fonts to the characters of its text.

    Raises :class:`~kazlit.errors.PublishError` for a missing or unreadable font file
    and for characters that no font covers.
    """
    spec = edition.options.fonts or ()
    characters = edition.characters()
    if tuple(spec) == ("auto",):
        sources = find_auto_fonts(characters)
    else:
        sources = [(Path(p), "") for p in spec]
    needed = _needed(characters)
    opened = [(path, _open(path, family)) for path, family in sources]
    try:
        return _embed(edition, needed, opened)
    finally:
        for _, font in opened:
            font.close()


def _embed(edition: Edition, needed: set[str], opened: list[tuple[Path, Any]]) -> EmbeddedFonts:
    covered: set[str] = set()
    plans = []
    for path, font in opened:
        cmap = font.getBestCmap() or {}
        keep = {ch for ch in needed if ord(ch) in cmap}
        if keep:
            plans.append((path, font, keep))
            covered |= keep
    missing = sorted(needed - covered)
    if missing:
        shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise PublishError(
            f"no embedded font has these characters of the book: {shown}{more}",
            hint="add a font that covers them, or build without --fonts",
        )
    fonts: list[EmbeddedFont] = []
    used_names: set[str] = set()
    for _, font, keep in plans:
        fonts.append(_subset(font, keep, edition.epoch, used_names))
    if edition.options.obfuscate_fonts:
        key = obfuscation_key(edition.identifier)
        fonts = [
            EmbeddedFont(
                f.family,
                f.group,
                f.href,
                obfuscate(f.data, key),
                f.media_type,
                f.css_format,
                f.characters,
            )
            for f in fonts
        ]
        return EmbeddedFonts(tuple(fonts), encryption_xml(f.href for f in fonts))
    return EmbeddedFonts(tuple(fonts))


def _subset(font: Any, keep: set[str], epoch: int, used_names: set[str]) -> EmbeddedFont:
    subset = require("fontTools.subset", "epub", purpose="subsetting fonts")
    options = subset.Options()
    options.layout_features = ["*"]  # keep shaping (Arabic joining, kerning, CJK forms)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.drop_tables = [*options.drop_tables, "DSIG"]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in keep))
    subsetter.subset(font)
    font.recalcTimestamp = False
    stamp = epoch + _FONT_EPOCH
    font["head"].created = stamp
    font["head"].modified = stamp
    sink = io.BytesIO()
    font.save(sink, reorderTables=True)
    family = _family(font)
    is_cff = "CFF " in font or "CFF2" in font
    extension, media_type, fmt = (
        (".otf", "font/otf", "opentype") if is_cff else (".ttf", "font/ttf", "truetype")
    )
    stem = "".join(ch for ch in family if ch.isascii() and ch.isalnum()) or "font"
    name = stem
    while name in used_names:
        name += "x"
    used_names.add(name)
    group: FontGroup = "family"
    groups = {_group_of(ch) for ch in keep}
    if "cjk" in groups:
        group = "cjk"
    elif "arabic" in groups:
        group = "arabic"
    return EmbeddedFont(
        family, group, f"fonts/{name}{extension}", sink.getvalue(), media_type, fmt, len(keep)
    )


def obfuscation_key(identifier: str) -> bytes:
    """The obfuscation key: SHA-1 of the unique identifier without whitespace."""
    cleaned = "".join(ch for ch in identifier if ch not in " \t\r\n")
    return hashlib.sha1(cleaned.encode("utf-8")).digest()  # noqa: S324 - required by OCF


def obfuscate(data: bytes, key: bytes) -> bytes:
    """XOR the first 1040 bytes of *data* with *key* repeated (EPUB 3.3 OCF 4.4)."""
    head = bytes(b ^ key[i % len(key)] for i, b in enumerate(data[:_OBFUSCATED_BYTES]))
    return head + data[_OBFUSCATED_BYTES:]


#: Obfuscation is its own inverse.
deobfuscate = obfuscate


def encryption_xml(hrefs: Iterable[str]) -> bytes:
    """``META-INF/encryption.xml`` for the obfuscated fonts at *hrefs* (under EPUB/)."""
    parts = [ENCRYPTION_XML_HEAD]
    parts.extend(
        "  <enc:EncryptedData>\n"
        '    <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>\n'
        f'    <enc:CipherData><enc:CipherReference URI="EPUB/{href}"/></enc:CipherData>\n'
        "  </enc:EncryptedData>\n"
        for href in hrefs
    )
    parts.append("</encryption>\n")
    return "".join(parts).encode("utf-8")


def check_font_files(paths: Sequence[str | os.PathLike[str]]) -> None:
    """Fail early (before planning) when a font path does not exist."""
    for path in paths:
        if str(path) != "auto" and not Path(path).is_file():
            raise PublishError(f"font file {path} does not exist", hint="check the --fonts paths")
